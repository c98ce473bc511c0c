"""Working days in England: weekdays that are not bank holidays.

Bank holidays follow the standing rules (New Year, Good Friday, Easter Monday, the first and
last Mondays of May, the last Monday of August, Christmas and Boxing Day with substitute days
when they fall at a weekend) plus a small table of one-off changes announced by government.
"""

import datetime
from functools import cache

# One-off changes: (year) -> (days removed from the rules, days added).
SPECIAL_CASES: dict[int, tuple[set[datetime.date], set[datetime.date]]] = {
    2020: ({datetime.date(2020, 5, 4)}, {datetime.date(2020, 5, 8)}),  # VE Day moved
    2022: ({datetime.date(2022, 5, 30)},
           {datetime.date(2022, 6, 2), datetime.date(2022, 6, 3),  # Platinum Jubilee
            datetime.date(2022, 9, 19)}),  # State funeral
    2023: (set(), {datetime.date(2023, 5, 8)}),  # Coronation
}


def easter_sunday(year: int) -> datetime.date:
    """Anonymous Gregorian algorithm (Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return datetime.date(year, month, day + 1)


def _first_monday(year: int, month: int) -> datetime.date:
    day = datetime.date(year, month, 1)
    return day + datetime.timedelta(days=(7 - day.weekday()) % 7)


def _last_monday(year: int, month: int) -> datetime.date:
    following = datetime.date(year + month // 12, month % 12 + 1, 1)
    last = following - datetime.timedelta(days=1)
    return last - datetime.timedelta(days=last.weekday())


def _weekday_or_next(day: datetime.date, taken: set[datetime.date]) -> datetime.date:
    while day.weekday() >= 5 or day in taken:
        day += datetime.timedelta(days=1)
    return day


@cache
def bank_holidays(year: int) -> frozenset[datetime.date]:
    easter = easter_sunday(year)
    days = {
        _weekday_or_next(datetime.date(year, 1, 1), set()),
        easter - datetime.timedelta(days=2),
        easter + datetime.timedelta(days=1),
        _first_monday(year, 5),
        _last_monday(year, 5),
        _last_monday(year, 8),
    }
    christmas = _weekday_or_next(datetime.date(year, 12, 25), set())
    boxing = _weekday_or_next(datetime.date(year, 12, 26), {christmas})
    days |= {christmas, boxing}
    removed, added = SPECIAL_CASES.get(year, (set(), set()))
    return frozenset((days - removed) | added)


def is_working_day(day: datetime.date) -> bool:
    return day.weekday() < 5 and day not in bank_holidays(day.year)


def add_working_days(start: datetime.date, days: int) -> datetime.date:
    """The date ``days`` working days after ``start`` (which itself does not count)."""
    day = start
    remaining = days
    while remaining > 0:
        day += datetime.timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return day
