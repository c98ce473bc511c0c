"""Matching known phrases (school names, people's names) against a text's words.

A ``PhraseIndex`` is built once per school context. Phrases are indexed by their first
word, so a check costs a dictionary look-up per word of the text however long the
roster is; one-letter typos in longer words are found through a deletion index
(each key word of five letters or more under every one-letter deletion of it).
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from .text import Token

FUZZY_MIN_LENGTH = 5
FUZZY_MAX_LENGTH = 40  # longer "words" (a run of digits) would cost their length squared
_CACHE_LIMIT = 100_000


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


@dataclass(frozen=True, slots=True)
class PhraseMatch:
    first: int  # index of the first token
    last: int  # index of the last token (inclusive)
    payload: Any
    exact_words: int  # how many words matched exactly (the rest by a one-letter typo)

    @property
    def length(self) -> int:
        return self.last - self.first + 1


@dataclass(slots=True)
class _Entry:
    words: tuple[str, ...]
    payload: Any
    fuzzy: bool


class PhraseIndex:
    def __init__(self) -> None:
        self._by_first: dict[str, list[_Entry]] = {}
        self._keys: set[str] = set()
        self._fuzzy_keys: dict[str, set[str]] = {}
        self._resolved: dict[str, tuple[tuple[str, bool], ...]] = {}
        self._dead: set[str] = set()  # words that resolve to no key

    def __bool__(self) -> bool:
        return bool(self._by_first)

    def add(self, words: Sequence[str], payload: Any, fuzzy: bool = True) -> None:
        """Index a phrase given as folded words (``text.fold_word``)."""
        words = tuple(w for w in words if w)
        if not words:
            return
        self._by_first.setdefault(words[0], []).append(_Entry(words, payload, fuzzy))
        for word in words:
            self._keys.add(word)
            if fuzzy and len(word) >= FUZZY_MIN_LENGTH:
                for variant in {word} | _deletions(word):
                    self._fuzzy_keys.setdefault(variant, set()).add(word)
        self._resolved.clear()
        self._dead.clear()

    def _resolve(self, word: str) -> tuple[tuple[str, bool], ...]:
        """The key words ``word`` may stand for, each with whether it matched exactly."""
        cached = self._resolved.get(word)
        if cached is not None:
            return cached
        found: dict[str, bool] = {}
        if word in self._keys:
            found[word] = True
        if FUZZY_MIN_LENGTH - 1 <= len(word) <= FUZZY_MAX_LENGTH and self._fuzzy_keys:
            for variant in {word} | _deletions(word):
                for key in self._fuzzy_keys.get(variant, ()):
                    found.setdefault(key, key == word)
        result = tuple(sorted(found.items()))
        if len(word) > FUZZY_MAX_LENGTH:
            return result  # not cached: a huge token would pin memory
        if len(self._resolved) >= _CACHE_LIMIT:
            self._resolved.clear()
        self._resolved[word] = result
        return result

    def might_match(self, keys: Iterable[str]) -> bool:
        """Can ``find`` match anything in a text of these folded words? Every match starts
        at a word that resolves to a key; words known to resolve to none are set aside in
        one set operation, so a text with no candidate costs no per-word Python work."""
        if not self._by_first:
            return False
        unknown = set(keys).difference(self._dead)
        found = False
        for key in unknown:
            if self._resolve(key):
                found = True
            elif len(key) <= FUZZY_MAX_LENGTH:
                if len(self._dead) >= _CACHE_LIMIT:
                    self._dead.clear()
                self._dead.add(key)
        return found

    def find(self, tokens: Sequence[Token]) -> list[PhraseMatch]:
        """Every phrase occurrence (overlaps included), in token order."""
        if not self._by_first:
            return []
        known = self._resolved.get
        resolve = self._resolve
        resolved = []
        for token in tokens:
            candidates = known(token.key)
            resolved.append(resolve(token.key) if candidates is None else candidates)
        matches: list[PhraseMatch] = []
        for index, candidates in enumerate(resolved):
            if not candidates:
                continue
            for key, exact in candidates:
                for entry in self._by_first.get(key, ()):
                    if not exact and not entry.fuzzy:
                        continue
                    match = self._extend(entry, index, resolved, int(exact))
                    if match is not None:
                        matches.append(match)
        return matches

    @staticmethod
    def _extend(entry: _Entry, index: int, resolved: list, exact_words: int) -> PhraseMatch | None:
        words = entry.words
        if index + len(words) > len(resolved):
            return None
        for offset in range(1, len(words)):
            options = dict(resolved[index + offset])
            if words[offset] not in options:
                return None
            if not options[words[offset]] and not entry.fuzzy:
                return None
            exact_words += options[words[offset]]
        return PhraseMatch(index, index + len(words) - 1, entry.payload, exact_words)


def longest_non_overlapping(matches: Sequence[PhraseMatch]) -> list[PhraseMatch]:
    """Keep the longest match where matches overlap (ties: the earlier one, more exact)."""
    chosen: list[PhraseMatch] = []
    taken: set[int] = set()
    for match in sorted(matches, key=lambda m: (-m.length, -m.exact_words, m.first)):
        span = range(match.first, match.last + 1)
        if any(i in taken for i in span):
            continue
        chosen.append(match)
        taken.update(span)
    return sorted(chosen, key=lambda m: m.first)
