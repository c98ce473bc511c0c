import datetime

import pytest

from safepractice.oversight.errors import FilterRefused
from safepractice.oversight.terms import (
    DateRange,
    Term,
    TermCalendarError,
    default_calendar,
    english_terms,
    last_ended,
    parse_calendar,
    parse_date_range,
    report_period,
    validate,
)

D = datetime.date


def test_the_english_default_has_three_terms_from_september():
    autumn, spring, summer = english_terms(2025)
    assert autumn.starts_on == D(2025, 9, 1) and autumn.name.startswith("Autumn")
    assert spring.starts_on.year == 2026 and summer.ends_on == D(2026, 7, 22)
    validate(default_calendar(D(2026, 1, 10)))  # no overlaps across years either


def test_overlapping_terms_are_refused_naming_both():
    with pytest.raises(TermCalendarError, match=r"Autumn.*overlaps Spring"):
        validate([Term(D(2025, 9, 1), D(2025, 12, 20), "Autumn"),
                  Term(D(2025, 12, 19), D(2026, 3, 31), "Spring")])


def test_a_term_ending_before_it_starts_is_refused():
    with pytest.raises(TermCalendarError, match=r"Spring ends .* before it starts"):
        parse_calendar("Spring, 2026-03-31, 2026-01-05")


def test_a_calendar_is_read_from_lines_of_name_start_end():
    terms = parse_calendar(
        "# ours\nAutumn, 2025-09-03, 2025-12-19\n\nSpring, 2026-01-06, 2026-03-27"
    )
    assert [t.name for t in terms] == ["Autumn", "Spring"]


@pytest.mark.parametrize("text, message", [
    ("Autumn 2025-09-03 2025-12-19", "expected"),
    ("Autumn, 3/9/2025, 2025-12-19", "YYYY-MM-DD"),
    ("", "at least one term"),
])
def test_a_malformed_calendar_says_what_is_wrong(text, message):
    with pytest.raises(TermCalendarError, match=message):
        parse_calendar(text)


def test_a_report_period_runs_from_the_end_of_the_previous_term():
    terms = english_terms(2025)
    assert report_period(terms, terms[1]) == (D(2025, 12, 21), terms[1].ends_on)
    assert report_period(terms, terms[0]) == (terms[0].starts_on, terms[0].ends_on)


def test_the_last_ended_term_is_found():
    terms = english_terms(2025)
    assert last_ended(terms, D(2026, 4, 1)) == terms[1]
    assert last_ended(terms, D(2025, 10, 1)) is None


def test_a_date_range_ending_before_it_starts_is_refused():
    default = DateRange(D(2025, 1, 1), D(2025, 12, 31))
    with pytest.raises(FilterRefused, match=r"end date .* before the start date"):
        parse_date_range("2025-06-01", "2025-05-01", default)
    assert parse_date_range(None, None, default) == default
