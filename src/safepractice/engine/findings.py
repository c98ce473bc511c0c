"""What a check returns."""

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

# The fixed vocabulary of topics (batch mode, API, evaluation). Add, never rename.
TOPICS: tuple[str, ...] = (
    "personal-information",
    "identifies-school",
    "identifies-profession",
    "names-pupil",
    "names-colleague",
    "confidential",
    "credentials",
    "connection-pupil",
    "offensive",
    "equality",
    "allegation",
    "grooming-risk",
    "photo-location",
    "photo-faces",
)


class Severity(StrEnum):
    BREACH = "breach"
    RISK = "risk"
    ADVICE = "advice"

    @property
    def rank(self) -> int:
        return {"breach": 3, "risk": 2, "advice": 1}[self.value]


@dataclass(frozen=True, slots=True)
class Finding:
    """One way an item may go against the policy.

    ``start``/``end`` are character offsets into the original text (0, 0 for a finding
    about the whole item, such as a photo's metadata). ``replacement`` is what the span
    becomes in the safer version, or None when the span should stay.
    """

    rule: str
    topic: str
    severity: Severity
    start: int
    end: int
    confidence: float
    explanation: str
    suggestion: str
    section: str = ""
    title: str = ""
    replacement: str | None = None
    detail: dict[str, Any] = field(default_factory=dict)

    def sort_key(self) -> tuple:
        return (self.start, self.end, -self.severity.rank, self.rule)

    def as_dict(self, full: bool = True) -> dict[str, Any]:
        data: dict[str, Any] = {
            "rule": self.rule,
            "topic": self.topic,
            "severity": self.severity.value,
            "start": self.start,
            "end": self.end,
            "confidence": round(self.confidence, 3),
        }
        if full:
            data |= {
                "title": self.title,
                "section": self.section,
                "explanation": self.explanation,
                "suggestion": self.suggestion,
            }
        return data
