"""School terms: the periods the governors' termly report covers.

A school may set its own term dates (``SchoolTerm``); without them the usual English pattern
is used (autumn, spring and summer terms; the exact dates vary by local authority, so these
are approximations a school should replace with its own).
"""

import datetime
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from safepractice.errors import ApplicationError
from safepractice.web.formatting import date_text

from .errors import FilterRefused


class TermCalendarError(ApplicationError):
    """A term calendar that cannot be used: the message says which terms and why."""


@dataclass(frozen=True, order=True)
class Term:
    starts_on: datetime.date
    ends_on: datetime.date
    name: str

    @property
    def label(self) -> str:
        return f"{self.name} ({date_text(self.starts_on)} to {date_text(self.ends_on)})"


# (name, start month, start day, end month, end day, in the calendar year after September?)
ENGLISH_TERMS = (
    ("Autumn term", 9, 1, 12, 20, False),
    ("Spring term", 1, 5, 3, 31, True),
    ("Summer term", 4, 15, 7, 22, True),
)


def school_year_of(day: datetime.date) -> int:
    """The calendar year in which the school year containing ``day`` began (September)."""
    return day.year if day.month >= 9 else day.year - 1


def english_terms(school_year: int) -> list[Term]:
    """The default terms of the school year starting in September ``school_year``."""
    terms = []
    for name, start_month, start_day, end_month, end_day, next_year in ENGLISH_TERMS:
        year = school_year + 1 if next_year else school_year
        terms.append(Term(
            datetime.date(year, start_month, start_day),
            datetime.date(year, end_month, end_day),
            f"{name} {school_year}/{str(school_year + 1)[-2:]}",
        ))
    return terms


def validate(terms: Iterable[Term]) -> list[Term]:
    """Terms in date order, or ``TermCalendarError`` naming the first problem found."""
    ordered = sorted(terms)
    for term in ordered:
        if not term.name.strip():
            raise TermCalendarError(f"The term starting {date_text(term.starts_on)} has no name.")
        if term.ends_on < term.starts_on:
            raise TermCalendarError(
                f"{term.name} ends ({date_text(term.ends_on)}) before it starts "
                f"({date_text(term.starts_on)})."
            )
    for earlier, later in itertools.pairwise(ordered):
        if later.starts_on <= earlier.ends_on:
            raise TermCalendarError(
                f"{earlier.name} ({date_text(earlier.starts_on)} to {date_text(earlier.ends_on)}) "
                f"overlaps {later.name} ({date_text(later.starts_on)} to "
                f"{date_text(later.ends_on)}). Terms must not overlap."
            )
    return ordered


def parse_calendar(text: str) -> list[Term]:
    """Terms from lines of ``name, YYYY-MM-DD, YYYY-MM-DD`` (blank lines and # comments skipped)."""
    terms = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = [part.strip() for part in line.split(",")]
        if len(parts) != 3:
            raise TermCalendarError(
                f"Line {number}: expected “name, start date, end date”, got {line!r}."
            )
        name, start, end = parts
        try:
            starts_on = datetime.date.fromisoformat(start)
            ends_on = datetime.date.fromisoformat(end)
        except ValueError as error:
            raise TermCalendarError(
                f"Line {number}: dates must be written YYYY-MM-DD ({error})."
            ) from error
        terms.append(Term(starts_on, ends_on, name))
    if not terms:
        raise TermCalendarError("Give at least one term.")
    return validate(terms)


def default_calendar(around: datetime.date) -> list[Term]:
    """English terms from the school year before ``around`` to the one after."""
    year = school_year_of(around)
    return [term for y in (year - 1, year, year + 1) for term in english_terms(y)]


def last_ended(terms: Sequence[Term], today: datetime.date) -> Term | None:
    """The most recent term whose last day is before or on ``today``."""
    ended = [term for term in terms if term.ends_on <= today]
    return max(ended, default=None)


def report_period(terms: Sequence[Term], term: Term) -> tuple[datetime.date, datetime.date]:
    """What a termly report covers: from the day after the previous term ended (so holidays
    are not lost) to the last day of ``term``."""
    earlier = [t for t in terms if t.ends_on < term.starts_on]
    if not earlier:
        return term.starts_on, term.ends_on
    return max(earlier).ends_on + datetime.timedelta(days=1), term.ends_on


@dataclass(frozen=True)
class DateRange:
    start: datetime.date
    end: datetime.date


def parse_date_range(start: str | None, end: str | None, default: DateRange) -> DateRange:
    """A range from query parameters (YYYY-MM-DD); an end before the start is refused."""
    try:
        starts_on = datetime.date.fromisoformat(start) if start else default.start
        ends_on = datetime.date.fromisoformat(end) if end else default.end
    except ValueError as error:
        raise FilterRefused(f"Dates must be written YYYY-MM-DD ({error}).") from error
    if ends_on < starts_on:
        raise FilterRefused(
            f"The end date ({date_text(ends_on)}) is before the start date "
            f"({date_text(starts_on)}). Choose an end on or after the start."
        )
    return DateRange(starts_on, ends_on)
