"""Asking a pupil for personal information or a private channel.

Policy, "Communication between pupils / schools staff": staff should not request any
personal information from a pupil beyond what their professional role needs.
"""

import re
from collections.abc import Iterable

from ..content import Content, ContentKind, Recipient
from ..context import SchoolContext
from ..findings import Finding
from ..text import normalise
from ._common import make_finding

_ASK = re.compile(
    r"\b(?:what(?:'s|’s|\s+is)|send\s+me|give\s+me|can\s+i\s+(?:have|get)|text\s+me|dm\s+me|"
    r"tell\s+me|message\s+me)\s+(?:your|ur|yr)\s+(?:home\s+|personal\s+|own\s+)?"
    r"(?:address|(?:phone\s+|mobile\s+)?number|snap(?:chat)?|insta(?:gram)?|whats-?app|"
    r"e-?mail|username|handle|tiktok|facebook|discord)\b"
    r"|\bwhere\s+do\s+you\s+live\b"
    r"|\badd\s+me\s+on\s+(?:snap(?:chat)?|insta(?:gram)?|facebook|fb|tiktok|whats-?app|discord)\b"
    r"|\bwhat(?:'s|’s|\s+is)\s+your\s+(?:snap|insta|tiktok)\b",
    re.IGNORECASE,
)


class ContactRequestsDetector:
    name = "contact-requests"
    kinds = frozenset({ContentKind.MESSAGE, ContentKind.COMMENT})

    def __init__(self, context: SchoolContext) -> None:
        pass

    def detect(self, content: Content) -> Iterable[Finding]:
        if not content.text or content.recipient != Recipient.PUPIL:
            return []
        norm = normalise(content.text)
        findings = []
        for match in _ASK.finditer(norm.text):
            start, end = norm.span(*match.span())
            findings.append(
                make_finding(
                    "communication.request-personal-info",
                    start,
                    end,
                    confidence=0.8,
                    explanation=f"“{match.group()}” asks a pupil for personal details or a "
                    "private channel.",
                    suggestion="Don't ask; keep contact with pupils on the school's own channels.",
                    replacement="",
                )
            )
        return findings


def factory(context: SchoolContext) -> ContactRequestsDetector:
    return ContactRequestsDetector(context)
