from pathlib import Path

import pytest

from safepractice.engine.catalogue import CatalogueError, coverage, load_catalogue, parse_catalogue
from safepractice.engine.findings import TOPICS

POLICY = Path("/work/shared/policy/social-media-policy-2017.txt")
AGREED_IDS = {
    "online-conduct.offensive": "offensive",
    "online-conduct.equality": "equality",
    "online-conduct.allegation": "allegation",
    "communication.grooming-risk": "grooming-risk",
    "personal-information.photo-location": "photo-location",
    "online-conduct.photo-faces": "photo-faces",
}


@pytest.mark.skipif(not POLICY.exists(), reason="the shared policy text is not here")
def test_every_paragraph_of_the_seed_policy_is_served():
    result = coverage(POLICY.read_text(encoding="utf-8"))
    uncovered = [p.text[:60] for p in result.counted if not p.covered]
    assert uncovered == []
    assert len(result.counted) > 60


def test_ids_the_language_detectors_emit_are_in_the_catalogue_with_their_topics():
    catalogue = load_catalogue()
    for rule_id, topic in AGREED_IDS.items():
        assert catalogue.get(rule_id).topic == topic


def test_every_detector_rule_has_a_known_topic_and_every_topic_a_rule():
    detector_rules = [r for r in load_catalogue() if r.served == "detector"]
    assert {r.topic for r in detector_rules} == set(TOPICS)


def test_a_paragraph_no_rule_serves_is_reported_uncovered():
    result = coverage("Staff must wear blue hats on Fridays when teaching outdoors.")
    assert result.share == 0.0


def test_a_reworded_policy_is_still_matched():
    text = "Staff should not share their work log-ins or passwords with anyone else."
    result = coverage(text)
    assert [r.id for r in result.paragraphs[0].rules] == ["credentials.shared-login"]


def test_a_not_checkable_rule_without_a_reason_is_refused():
    bad = (
        '[[rule]]\nid = "x.y"\ntitle = "t"\nsection = "s"\nsummary = "s"\n'
        'served = "not-checkable"\n'
    )
    with pytest.raises(CatalogueError, match="reason"):
        parse_catalogue(bad)
