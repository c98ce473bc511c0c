"""The policy as code: content, findings, detectors and the checker. Pure Python, no Django."""

from .checker import Checker
from .content import Content, ContentKind, ProfileField, Recipient
from .context import SchoolContext
from .findings import TOPICS, Finding, Severity

__all__ = [
    "TOPICS",
    "Checker",
    "Content",
    "ContentKind",
    "Finding",
    "ProfileField",
    "Recipient",
    "SchoolContext",
    "Severity",
]
