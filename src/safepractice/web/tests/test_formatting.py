"""The house style for dates, times and counts (web/formatting.py)."""

import datetime
import zoneinfo

from safepractice.web.formatting import (
    count_text,
    csv_value,
    date_text,
    datetime_text,
    exif_datetime_text,
)

UTC = datetime.UTC
LONDON = zoneinfo.ZoneInfo("Europe/London")


def test_a_date_is_written_day_month_in_full_year():
    assert date_text(datetime.date(2026, 12, 4)) == "4 December 2026"


def test_a_summer_time_moment_is_written_in_london_time():
    # 13:05 UTC on 1 June is 14:05 in London (BST).
    assert datetime_text(datetime.datetime(2026, 6, 1, 13, 5, tzinfo=UTC)) == "1 June 2026, 14:05"


def test_a_moment_near_midnight_falls_on_the_london_day():
    late = datetime.datetime(2026, 6, 30, 23, 30, tzinfo=UTC)  # 00:30 on 1 July in London
    assert date_text(late) == "1 July 2026"


def test_one_of_a_thing_is_singular_and_any_other_number_plural():
    assert [count_text(n, "minute") for n in (0, 1, 2)] == ["0 minutes", "1 minute", "2 minutes"]


def test_an_irregular_plural_and_thousands_are_written_out():
    assert count_text(1204, "person", "people") == "1,204 people"


def test_a_csv_cell_holds_iso_dates_in_london_time():
    moment = datetime.datetime(2026, 12, 4, 14, 5, tzinfo=LONDON)
    assert (csv_value(moment), csv_value(moment.date())) == ("2026-12-04 14:05", "2026-12-04")


def test_a_photos_exif_time_is_written_in_the_house_style():
    assert exif_datetime_text("2026:06:01 15:30:00") == "1 June 2026, 15:30"
