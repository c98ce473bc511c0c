"""Slots: the moment each run of a periodic job belongs to."""

import datetime
import zoneinfo

import pytest

from safepractice.scheduling.schedules import WEEKDAYS, Daily, Every

LONDON = zoneinfo.ZoneInfo("Europe/London")
MINUTE = datetime.timedelta(minutes=1)


def _at(*parts: int) -> datetime.datetime:
    return datetime.datetime(*parts, tzinfo=LONDON)


def test_an_interval_slot_is_the_last_whole_multiple_of_the_period():
    every_five = Every(5 * MINUTE)
    assert every_five.slot(_at(2026, 11, 24, 9, 7, 30)) == _at(2026, 11, 24, 9, 5)


def test_an_interval_slot_starts_on_the_slot_itself():
    assert Every(5 * MINUTE).slot(_at(2026, 11, 24, 9, 10)) == _at(2026, 11, 24, 9, 10)


def test_an_hourly_slot_is_on_the_hour_in_summer_time_too():
    assert Every(60 * MINUTE).slot(_at(2026, 7, 1, 14, 59, 59)) == _at(2026, 7, 1, 14, 0)


def test_a_period_that_does_not_divide_a_day_is_refused():
    with pytest.raises(ValueError, match="does not divide a day"):
        Every(7 * MINUTE)


def test_a_daily_slot_before_its_time_is_yesterdays():
    assert Daily(datetime.time(7, 0)).slot(_at(2026, 11, 24, 6, 59)) == _at(2026, 11, 23, 7, 0)


def test_a_daily_slot_from_its_time_is_todays():
    assert Daily(datetime.time(7, 0)).slot(_at(2026, 11, 24, 7, 0)) == _at(2026, 11, 24, 7, 0)


def test_a_daily_slot_is_local_time_across_the_clock_change():
    # The clocks went back on 25 October 2026: 07:00 is 07:00 GMT, no longer 06:00 UTC.
    slot = Daily(datetime.time(7, 0)).slot(_at(2026, 10, 25, 12, 0))
    assert slot.astimezone(datetime.UTC).hour == 7


def test_the_slot_after_a_daily_one_is_the_same_time_next_day():
    daily = Daily(datetime.time(3, 0))
    assert daily.following(_at(2026, 3, 28, 3, 0)) == _at(2026, 3, 29, 3, 0)


def test_a_weekday_slot_at_the_weekend_is_fridays():
    school_days = Daily(datetime.time(7, 30), WEEKDAYS)
    assert school_days.slot(_at(2026, 11, 29, 12, 0)) == _at(2026, 11, 27, 7, 30)  # a Sunday


def test_the_slot_after_fridays_weekday_one_is_mondays():
    school_days = Daily(datetime.time(7, 30), WEEKDAYS)
    assert school_days.following(_at(2026, 11, 27, 7, 30)) == _at(2026, 11, 30, 7, 30)
