"""Shared pieces of the language detectors: policy wording, spans and text kinds."""

import re
from collections.abc import Iterable

from ..content import ContentKind
from .text import Normalised

SAFER_ONLINE = "Safer online behaviour"
COMMUNICATION = "Communication between pupils / schools staff"
TEXT_KINDS = frozenset(
    {ContentKind.POST, ContentKind.COMMENT, ContentKind.PROFILE, ContentKind.MESSAGE}
)
_SENTENCE = re.compile(r"[^.!?;\n]+[.!?;\n]*")


def alternation(phrases: Iterable[str]) -> str:
    """A regex alternative of phrases, longest first, spaces matching any run of space."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)


def words_pattern(source: str) -> str:
    """A ``|``-separated list of phrases as a regex alternative."""
    return alternation(p.strip() for p in source.split("|") if p.strip())


def sentences(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _SENTENCE.finditer(text)]


def original(norm: Normalised, content_text: str, start: int, end: int) -> tuple[int, int, str]:
    """The original span and its text for a normalised span."""
    o_start, o_end = norm.span(start, end)
    return o_start, o_end, content_text[o_start:o_end]
