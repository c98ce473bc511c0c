"""Shared pieces of the language detectors: phrase patterns, sentences and spans."""

import re
from collections.abc import Iterable

from .text import Normalised

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


class MaskedWords:
    """Words written with letters starred out ("f*ck", "f**k", "r*tarded"): the first letter
    shown, any other starred (a vowel may also be another letter). Built once per word list."""

    def __init__(self, words: Iterable[str]) -> None:
        self._by_shape: dict[tuple[int, str], list[tuple[str, re.Pattern]]] = {}
        for word in sorted(words):
            if len(word) < 4:
                continue
            pattern = re.compile(
                re.escape(word[0])
                + "".join(f"[{re.escape(c)}*]" if c not in "aeiou" else "[a-z*]" for c in word[1:])
                + "$"
            )
            self._by_shape.setdefault((len(word), word[0]), []).append((word, pattern))

    def word_for(self, token: str) -> str | None:
        """The word a starred token stands for, if any."""
        if "*" not in token:
            return None
        for word, pattern in self._by_shape.get((len(token), token[0]), ()):
            if pattern.match(token):
                return word
        return None
