import subprocess
import sys
import time

import pytest

from safepractice.engine import Checker, Content, ContentKind, Finding, SchoolContext, Severity
from safepractice.engine.context import RosterPerson

from .helpers import checker, post, school

CHECKER = checker()


def test_the_engine_never_imports_django():
    code = (
        "import sys; from safepractice.engine import Checker, Content;"
        "from safepractice.engine.config import load_school_config;"
        "Checker().check(Content('Call 07700 900123'));"
        "print('django' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True,
        env={"PYTHONPATH": "src"},
    )
    assert result.stdout.strip() == "False"


def test_empty_text_has_no_findings():
    assert CHECKER.check(post("")) == []


def test_findings_are_sorted_by_position_and_the_same_every_time():
    text = "Amelia Hughes, call 07700 900123 or email a.b@gmail.com #StAldhelmsPrimary"
    first = CHECKER.check(post(text))
    assert [f.start for f in first] == sorted(f.start for f in first)
    assert checker().check(post(text)) == first


def test_title_and_section_come_from_the_catalogue_and_the_explanation_cites_it():
    (finding,) = CHECKER.check(post("Call me on 07700 900123"))
    assert finding.title == "Personal phone number"
    assert finding.section == "Protection of personal information"
    assert "Protection of personal information" in finding.explanation


def test_a_school_severity_override_applies():
    context = SchoolContext(severity_overrides={"personal-information.phone": "breach"})
    (finding,) = Checker(context).check(post("Call me on 07700 900123"))
    assert finding.severity.value == "breach"


def test_a_big_roster_is_matched_by_index():
    pupils = tuple(RosterPerson(f"First{i}", f"Surname{i}") for i in range(3000))
    context = SchoolContext(pupils=(*pupils, RosterPerson("Amelia", "Hughes")))
    findings = Checker(context).check(post("Well done Amelia Hughes and First2999 Surname2999"))
    assert [f.rule for f in findings] == ["names.pupil", "names.pupil"]


ADVERSARIAL = {
    "one long word": "a",
    "one long number": "0",
    "spaced digits and number words": "0 oh seven ",
    "at signs and dots": "a@b.",
    "everything at once": "Call Amelia Hughes, excluded, on 07700 900123 at 12 Acacia Avenue "
    "SO23 0HU a@b.com password: x1234 #StAldhelmsPrimary SAPS ",
    "half-made log-ins, names and dates": "login a / username x password's Amelia H's "
    "Prince William proud to be a Saint St DOB ( b. 10 mile my number what's yours ",
}


@pytest.mark.parametrize("unit", ADVERSARIAL.values(), ids=ADVERSARIAL.keys())
def test_a_megabyte_is_checked_in_linear_time(unit):
    """Ten times the text must take about ten times as long (not a hundred: no backtracking
    blow-up). Both sizes are timed in the same test, so machine speed cancels out."""
    small = (unit * (100_000 // len(unit) + 1))[:100_000]
    large = (unit * (1_000_000 // len(unit) + 1))[:1_000_000]
    ctx_checker = Checker(school())

    def seconds(text: str) -> float:
        began = time.perf_counter()
        ctx_checker.check(Content(text))
        return time.perf_counter() - began

    # The best of two runs each, so a busy machine does not decide the verdict.
    small_time = max(min(seconds(small), seconds(small)), 0.002)
    large_time = min(seconds(large), seconds(large))
    assert large_time / small_time < 40  # linear gives about 10, quadratic about 100


class _Fixed:
    kinds = frozenset({ContentKind.POST})

    def __init__(self, name, rule, severity, start=0, end=5):
        self.name, self.rule, self.severity, self.start, self.end = name, rule, severity, start, end

    def detect(self, content):
        yield Finding(self.rule, "grooming-risk", Severity(self.severity), self.start, self.end,
                      0.8, "why", "what to do")


def test_findings_of_one_topic_on_one_span_are_told_once_at_the_strongest():
    factories = [
        lambda ctx: _Fixed("a", "communication.request-personal-info", "risk"),
        lambda ctx: _Fixed("b", "communication.grooming-risk", "breach"),
        lambda ctx: _Fixed("c", "communication.grooming-risk", "breach", 6, 9),
    ]
    findings = Checker(SchoolContext(), factories).check(Content("hello there"))
    assert [(f.rule, f.start) for f in findings] == [
        ("communication.grooming-risk", 0), ("communication.grooming-risk", 6)]
