import re

import pytest

from safepractice.checks import context
from safepractice.engine import ContentKind, Finding, Severity
from safepractice.engine.detectors import FACTORIES

MOBILE = re.compile(r"\b07\d{3} ?\d{6}\b")


class StubPhoneDetector:
    """A stand-in for the engine's phone detector, so these tests don't depend on its rules."""

    name = "stub-phone"
    kinds = frozenset({ContentKind.POST, ContentKind.COMMENT, ContentKind.PROFILE,
                       ContentKind.MESSAGE})

    def __init__(self, school_context) -> None:
        self.school_context = school_context

    def detect(self, content):
        for match in MOBILE.finditer(content.text):
            yield Finding(
                rule="personal-information.phone", topic="personal-information",
                severity=Severity.BREACH, start=match.start(), end=match.end(), confidence=0.9,
                explanation="A personal phone number.", suggestion="Take it out.",
                section="Protection of personal information", title="Personal phone number",
                replacement="[phone number removed]",
            )


@pytest.fixture(autouse=True)
def fresh_checkers():
    context._checkers.clear()
    context._version_checked_at.clear()
    yield
    context._checkers.clear()
    context._version_checked_at.clear()


@pytest.fixture
def stub_phone_detector(monkeypatch):
    monkeypatch.setattr(
        "safepractice.engine.detectors.FACTORIES", [*FACTORIES, StubPhoneDetector]
    )
    context._checkers.clear()
