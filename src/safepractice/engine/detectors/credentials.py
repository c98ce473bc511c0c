"""Shared log-ins and passwords.

Policy, "Protection of personal information": never share work log-ins or passwords.
"""

import re
from bisect import bisect_right
from collections.abc import Iterable

from ..catalogue import make_finding
from ..content import TEXT_KINDS, Content
from ..context import SchoolContext
from ..findings import Finding
from ..text import normalise

# Words that describe a password rather than give it ("my password is wrong").
_NOT_A_SECRET = (
    r"(?:strong|weak|wrong|incorrect|expired|too|not|the|same|different|secure|safe|changed|"
    r"reset|protected|required|case|easy|hard|long|short|a|an|my|your|still|now|so|being|"
    r"forgotten|locked|invalid|in|on|at|and|or|but|just|really|very)\b"
)
_SECRET = r"[\"'“‘]?(?P<secret>(?!" + _NOT_A_SECRET + r")(?=[^\s\"'”’]*[^\W_])[^\s\"'”’]{3,64})"
# Written without "is" or ":" ("login staff04 / Badger1071"), a secret must look like one:
# a digit or a symbol in it.
_LIKELY_SECRET = (
    r"(?P<secret>(?!"
    + _NOT_A_SECRET
    + r")(?=\S*[\d_]|\S*[^\w\s])(?=\S*[A-Za-z])[^\s\"'”’,;]{4,64})"
)
_KEY = r"(?:password|passcode|passwd|pass\s?word|pwd|pw|pin(?:\s+code)?)"
_GIVEN = re.compile(
    r"\b(?:(?:my|the|our|his|her|their|school|work|wi-?fi|staff|admin|login|account|"
    r"laptop|computer|email|ipad|door|office)\s+){0,3}"
    + _KEY
    + r"(?:['’]s\s+|\s*(?:is|was|=|:|-|->|—)\s*|\s+is\s+now\s+|"
    r"\s+for\s+(?:\S{1,30}\s+){1,3}is\s+)" + _SECRET,
    re.IGNORECASE,
)
_PAIR = re.compile(
    r"\b(?:log-?in|user\s?name|user|username|login\s+id|id|email)\s*[:=]\s*(?P<user>\S{2,64})"
    r"\s*[,;/|]?\s*(?:and\s+)?(?:pass|" + _KEY + r")\s*[:=]?\s*" + _SECRET,
    re.IGNORECASE,
)
_LOOSE_PAIR = re.compile(
    r"\b(?:log-?in|user\s?name)\s+(?!" + _NOT_A_SECRET + r"|via\b|for\b|to\b|page\b|details\b)"
    r"(?P<user>[\w.@-]{2,64})\s*(?:/|,|\s)\s*(?:and\s+)?"
    r"(?:(?:pass|" + _KEY + r")\s*[:=]?\s*)?" + _LIKELY_SECRET,
    re.IGNORECASE,
)
_OFFER = re.compile(
    r"\b(?:use|borrow|have|share|give\s+you|send\s+you|text\s+you|dm\s+you|lend\s+you)\s+"
    r"my\s+(?:work\s+|school\s+|staff\s+)?(?:log-?ins?|passwords?|account|log-?in\s+details|"
    r"username\s+and\s+password)\b",
    re.IGNORECASE,
)


class _Spans:
    """Non-overlapping spans, asked "does one cover this position?" in log time."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def covers(self, position: int) -> bool:
        index = bisect_right(self.starts, position) - 1
        return index >= 0 and position < self.ends[index]

    def add(self, start: int, end: int) -> None:
        index = bisect_right(self.starts, start)
        self.starts.insert(index, start)
        self.ends.insert(index, end)


class CredentialsDetector:
    name = "credentials"
    kinds = TEXT_KINDS

    def __init__(self, context: SchoolContext) -> None:
        pass

    def detect(self, content: Content) -> Iterable[Finding]:
        text = content.text
        if not text:
            return []
        lowered = text.lower()
        if not any(w in lowered for w in ("pass", "pw", "pin", "log", "user", "account")):
            return []
        norm = normalise(text)
        findings: list[Finding] = []
        covered = _Spans()
        # Each pattern needs some words; the case-blind patterns are costly to run for nothing.
        has_key = "pass" in lowered or "pw" in lowered or "pin" in lowered
        patterns = []
        if has_key and (":" in norm.text or "=" in norm.text):
            patterns.append(_PAIR)
        if has_key:
            patterns.append(_GIVEN)
        if any(w in lowered for w in ("login", "log-in", "log in", "username", "user name")):
            patterns.append(_LOOSE_PAIR)
        for pattern in patterns:
            for match in pattern.finditer(norm.text):
                if covered.covers(match.start()):
                    continue
                covered.add(*match.span())
                start, end = norm.span(*match.span())
                findings.append(
                    make_finding(
                        "credentials.shared-login",
                        start,
                        end,
                        confidence=0.9,
                        explanation="This shares a log-in or password.",
                        suggestion="Remove it, and change that password now: it has been shared.",
                        replacement="[password removed]",
                    )
                )
        offer_possible = "my" in lowered and any(
            w in lowered for w in ("log", "password", "account", "username")
        )
        for match in _OFFER.finditer(norm.text) if offer_possible else ():
            if covered.covers(match.start()):
                continue
            start, end = norm.span(*match.span())
            findings.append(
                make_finding(
                    "credentials.shared-login",
                    start,
                    end,
                    confidence=0.7,
                    explanation="This offers someone your log-in or password.",
                    suggestion="Don't share log-ins: ask the ICT coordinator for an account of "
                    "their own.",
                )
            )
        return findings


def factory(context: SchoolContext) -> CredentialsDetector:
    return CredentialsDetector(context)
