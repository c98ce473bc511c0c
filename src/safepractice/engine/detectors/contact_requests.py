"""Asking a pupil for personal information or a private channel.

Policy, "Communication between pupils / schools staff": staff should not request any
personal information from a pupil beyond what their professional role needs.
"""

import re
from collections.abc import Iterable

from ..catalogue import make_finding
from ..content import Content, ContentKind, Recipient
from ..context import SchoolContext
from ..findings import Finding, Severity
from ..text import NOT_A_PHONE, normalise

_WHATS = r"(?:wh?at(?:'s|’s|s|\s+is)|wot(?:'s|’s|s)?|wats|wuts)"
_YOUR = r"(?:your|ur|yr|yer)"
_ASK = re.compile(
    r"\b(?:" + _WHATS + r"|send\s+me|give\s+me|can\s+i\s+(?:have|get)|text\s+me|dm\s+me|"
    r"tell\s+me|message\s+me)\s+" + _YOUR + r"\s+(?:home\s+|personal\s+|own\s+)?"
    r"(?:address|postcode|(?:home\s+)?(?:phone\s+|mobile\s+)?number" + NOT_A_PHONE + r"|"
    r"snap(?:chat)?|insta(?:gram)?|whats-?app|e-?mail|(?:\w+\s+)?username|handle|gamertag|"
    r"tiktok|facebook|discord|name\s+on\s+\w+)\b"
    r"|\bwhere(?:abouts)?\s+do\s+(?:you|u)\s+live\b"
    r"|\bwhat\s+(?:road|street|estate)\s+do\s+(?:you|u)\s+live\s+(?:on|in)\b"
    r"|\bwhich\s+(?:house|flat|number)\s+is\s+yours\b"
    r"|\bmy\s+(?:number|mobile|snap(?:chat)?|insta(?:gram)?)\b[^.?!]{0,40}?\b"
    + _WHATS + r"\s+yours\b"
    r"|\badd\s+me\s+on\s+(?:snap(?:chat)?|insta(?:gram)?|facebook|fb|tiktok|whats-?app|discord)\b"
    r"|\b" + _WHATS + r"\s+" + _YOUR + r"\s+(?:snap|insta|tiktok)\b",
    re.IGNORECASE,
)


class ContactRequestsDetector:
    name = "contact-requests"
    kinds = frozenset({ContentKind.MESSAGE, ContentKind.COMMENT})

    def __init__(self, context: SchoolContext) -> None:
        pass

    def detect(self, content: Content) -> Iterable[Finding]:
        to_pupil = content.recipient == Recipient.PUPIL
        # A public comment says nobody's age: asking there may be asking a pupil.
        unknown = content.kind == ContentKind.COMMENT and content.recipient is None
        if not content.text or not (to_pupil or unknown):
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
                    confidence=0.8 if to_pupil else 0.55,
                    severity=None if to_pupil else Severity.ADVICE,
                    explanation=f"“{match.group()}” asks "
                    + ("a pupil" if to_pupil else "whoever this is to (if a pupil, this breaks "
                       "the policy)")
                    + " for personal details or a private channel.",
                    suggestion="Don't ask; keep contact with pupils on the school's own channels.",
                    replacement="",
                )
            )
        return findings


def factory(context: SchoolContext) -> ContactRequestsDetector:
    return ContactRequestsDetector(context)
