"""Helpers every detector uses: findings built from the catalogue's defaults."""

from typing import Any

from ..catalogue import load_catalogue
from ..content import Content, ContentKind, Recipient
from ..findings import Finding, Severity


def make_finding(
    rule_id: str,
    start: int,
    end: int,
    *,
    confidence: float,
    explanation: str,
    suggestion: str,
    replacement: str | None = None,
    severity: Severity | None = None,
    detail: dict[str, Any] | None = None,
) -> Finding:
    """A finding with the rule's topic and default severity from the catalogue."""
    rule = load_catalogue().get(rule_id)
    if rule is None or rule.severity is None:
        raise KeyError(f"{rule_id!r} is not a detector rule of the catalogue")
    return Finding(
        rule=rule_id,
        topic=rule.topic,
        severity=severity or rule.severity,
        start=start,
        end=end,
        confidence=confidence,
        explanation=explanation,
        suggestion=suggestion,
        replacement=replacement,
        detail=detail or {},
    )


def to_pupil_or_parent(content: Content) -> bool:
    return content.kind == ContentKind.MESSAGE and content.recipient in (
        Recipient.PUPIL,
        Recipient.PARENT,
    )
