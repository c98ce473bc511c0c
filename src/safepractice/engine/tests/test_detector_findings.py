"""Every detector's findings carry the catalogue's wording and severity for their rule: a
detector says where and why, the catalogue says what the rule is called and how grave it is."""

import itertools
import json
from datetime import datetime

import pytest

from safepractice.engine import Content, ContentKind, Finding
from safepractice.engine.batch import content_from_record
from safepractice.engine.catalogue import load_catalogue
from safepractice.engine.checker import default_detector_factories
from safepractice.engine.language import RULE_FACTORIES

from .helpers import DATA, message, post, profile, school

# Beside the development sets, items for the rules those sets do not reach.
EXTRA = [
    Content("", kind=ContentKind.PHOTO, photo={"gps": {"latitude": 51.5, "longitude": -0.1}}),
    Content("", kind=ContentKind.PHOTO, photo={"faces": 2}),
    message("Don't tell your mum, it's our little secret xx", "pupil"),
    Content("See you tonight x", kind=ContentKind.MESSAGE, recipient=None,
            date=datetime(2024, 3, 1, 23, 30)),
    message("Miss Jones steals from the tuck shop", "colleague"),
    post("You are a pathetic idiot"),
    post("Bloody hell, what a day"),
    post("What a sh1t day"),
    post("Mr Smith is a thief and a liar"),
    post("Year 4's Amelia has ADHD and her parents are splitting up"),
    profile("Teacher at St Aldhelm's Primary", "bio"),
]
SAMPLES_PER_HELDOUT_SET = 40


def _sample() -> list[Content]:
    items = list(EXTRA)
    for path in sorted((DATA / "dev").glob("*.jsonl")):
        items += [content_from_record(json.loads(line)) for line in path.read_text().splitlines()]
    for path in sorted((DATA / "heldout").glob("*.jsonl")):
        lines = itertools.islice(path.read_text().splitlines(), SAMPLES_PER_HELDOUT_SET)
        items += [content_from_record(json.loads(line)) for line in lines]
    return items


@pytest.fixture(scope="module")
def findings() -> list[Finding]:
    """Every finding of every detector (the language rules also on their own) on the sample,
    as the detector made it, before the checker touches it."""
    context = school()
    detectors = [factory(context) for factory in [*default_detector_factories(), *RULE_FACTORIES]]
    return [
        finding
        for content in _sample()
        for detector in detectors
        if content.kind in detector.kinds
        for finding in detector.detect(content)
    ]


def test_the_sample_reaches_every_detector_rule_of_the_catalogue(findings):
    detector_rules = {rule.id for rule in load_catalogue() if rule.served == "detector"}
    assert detector_rules - {f.rule for f in findings} == set()


def test_every_finding_has_its_rules_title(findings):
    catalogue = load_catalogue()
    assert {(f.rule, f.title) for f in findings} == {
        (f.rule, catalogue.get(f.rule).title) for f in findings
    }


def test_every_finding_has_its_rules_section(findings):
    catalogue = load_catalogue()
    assert {(f.rule, f.section) for f in findings} == {
        (f.rule, catalogue.get(f.rule).section) for f in findings
    }


def test_every_finding_has_its_rules_severity_or_a_softer_one(findings):
    """A detector may soften (mild swearing, a weak match) but never make a rule graver."""
    catalogue = load_catalogue()
    graver = {
        (f.rule, f.severity.value)
        for f in findings
        if f.severity.rank > catalogue.get(f.rule).severity.rank
    }
    assert graver == set()


def test_every_rule_is_found_at_its_catalogue_severity(findings):
    catalogue = load_catalogue()
    at_catalogue_severity = {
        f.rule for f in findings if f.severity == catalogue.get(f.rule).severity
    }
    assert {f.rule for f in findings} - at_catalogue_severity == set()
