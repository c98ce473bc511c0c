"""Normalisation for the language detectors: folds case, look-alike letters, leetspeak,
zero-width characters, stretched letters and slurs split by spaces or symbols, while keeping
a map back to the original offsets so every span points at what the person wrote.

Its own folding, not ``engine/text.py``'s: the judgement model and the screen were trained on
this output (pinned in tests/test_model_input.py), while the pattern detectors need case,
digits and lengths kept. The two share only the ``Normalised`` type.
"""

import re
import unicodedata
from functools import lru_cache

from ..text import Normalised

ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e")

# Cyrillic and Greek letters that look like Latin ones, used to dodge filters.
HOMOGLYPHS = str.maketrans(
    {
        "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i",
        "ј": "j", "ѕ": "s", "ԁ": "d", "ɡ": "g", "һ": "h", "ӏ": "l", "ո": "n", "ᴜ": "u",
        "α": "a", "ε": "e", "ο": "o", "ρ": "p", "τ": "t", "ι": "i", "κ": "k", "ν": "v",
    }
)  # fmt: skip

# Digits and symbols read as letters, but only inside a word that has letters too, so
# "Year 6" and "£5" stay as they are while "sh1t" and "musl1ms" are caught.
LEET = {
    "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "9": "g",
    "@": "a", "$": "s", "!": "i", "|": "l", "€": "e",
}  # fmt: skip
# "*" and similar stand for a hidden letter: kept as a wildcard the lexicon can match.
MASKS = frozenset("*#%")

_LEET_OR_MASK = re.compile("[" + re.escape("".join(sorted(set(LEET) | MASKS))) + "]")
_WORDISH = re.compile(r"[\w@$!|€*#%'’]+")
_SPLIT_RUN = re.compile(r"(?<![\w@$])(?:[a-z0-9@$][ .\-_*+/\\]{1,2}){2,}[a-z0-9@$](?![\w@$])")
_STRETCH = re.compile(r"([a-z])\1{2,}")
_UNITS = re.compile(r"\d+(?:st|nd|rd|th|s|am|pm|k|m|mm|cm|km|kg|g|ml|l|yo|x)?")
_MAX_CHARS = 200_000  # longer input is checked in windows by the detectors


def _fold_chars(text: str) -> tuple[list[str], list[int]]:
    if text.isascii():  # the common case, without the per-character work
        return list(text.lower()), list(range(len(text)))
    chars: list[str] = []
    offsets: list[int] = []
    position = 0
    # ASCII stretches are lowered whole; only the other characters are folded one by one.
    for match in _NON_ASCII.finditer(text):
        index = match.start()
        if index > position:
            chars.extend(text[position:index].lower())
            offsets.extend(range(position, index))
        for piece in _fold_char(match.group()):
            chars.append(piece)
            offsets.append(index)
        position = index + 1
    chars.extend(text[position:].lower())
    offsets.extend(range(position, len(text)))
    return chars, offsets


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


@lru_cache(maxsize=8192)
def _fold_char(char: str) -> str:
    """One non-ASCII character as the detectors read it ("" for a zero-width one)."""
    if char in ZERO_WIDTH:
        return ""
    folded = unicodedata.normalize("NFKD", char)
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    folded = unicodedata.normalize("NFKC", folded).casefold().translate(HOMOGLYPHS)
    return "'" if folded in ("’", "‘") else folded


def _unleet(chars: list[str]) -> None:
    """Turn digits and symbols into letters inside words that already hold letters."""
    text = "".join(chars)
    for match in _WORDISH.finditer(text):
        word = match.group()
        if word.isalpha() or word.isdigit() or _LEET_OR_MASK.search(word) is None:
            continue  # nothing in it to turn into a letter ("it's", "don't")
        letters = sum(c.isalpha() for c in word)
        if letters == 0 or letters == len(word):
            continue
        if word.startswith("@") and word[1:].isalnum() and not any(c.isdigit() for c in word):
            continue  # a handle such as @user
        if (letters < 2 and not any(c in MASKS for c in word)) or _UNITS.fullmatch(word):
            continue
        first, last = match.start(), match.end() - 1
        for i in range(first, last + 1):
            c = chars[i]
            interior = first < i < last
            leet_here = c.isdigit() or interior or (c == "$" and i == first)
            if c in LEET and leet_here:
                chars[i] = LEET[c]
            elif c in MASKS and interior:
                chars[i] = "*"


def _drop(chars: list[str], offsets: list[int], pattern: re.Pattern, keep) -> None:
    """Rewrite matches of ``pattern`` with ``keep(match) -> indexes to keep``."""
    text = "".join(chars)
    removed: set[int] = set()
    for match in pattern.finditer(text):
        kept = set(keep(match))
        removed.update(i for i in range(match.start(), match.end()) if i not in kept)
    if removed:
        chars[:] = [c for i, c in enumerate(chars) if i not in removed]
        offsets[:] = [o for i, o in enumerate(offsets) if i not in removed]


def _join_split(match: re.Match) -> list[int]:
    return [i for i in range(match.start(), match.end()) if match.string[i].isalnum()]


def _squash_stretch(match: re.Match) -> list[int]:
    return [match.start()]


@lru_cache(maxsize=4096)
def _normalise_cached(text: str) -> Normalised:
    chars, offsets = _fold_chars(text)
    _drop(chars, offsets, _SPLIT_RUN, _join_split)
    _unleet(chars)
    _drop(chars, offsets, _STRETCH, _squash_stretch)
    offsets.append(len(text))
    return Normalised("".join(chars), tuple(offsets))


def normalise(text: str) -> Normalised:
    """Fold ``text`` for matching. Bounded: very long input is cut at 200,000 characters."""
    return _normalise_cached(text[:_MAX_CHARS])


_TOKEN = re.compile(r"[a-z*][a-z*']*|\d+|@\w+|#\w+|[\U0001F300-\U0001FAFF\u2639\u263a]")


def tokens(norm: Normalised) -> list[tuple[str, int, int]]:
    """Word tokens of normalised text with their normalised start and end.

    Several detectors read the same post's tokens in a row, so the last result is kept
    (callers must not change the list)."""
    cached = _last_tokens
    if cached[0] is norm:
        return cached[1]
    result = [(m.group().strip("'"), m.start(), m.end()) for m in _TOKEN.finditer(norm.text)]
    globals()["_last_tokens"] = (norm, result)
    return result


_last_tokens: tuple = (None, None)


# Numbers in words are as neutral as numbers in digits. Left as words, the hashed model
# gave some of them weight by chance ("nine hundred" scored as offensive), and phone
# numbers are often spelled out.
NUMBER_WORDS = frozenset((
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    "hundred", "thousand", "million",
))  # fmt: skip


def model_word(token: str) -> str:
    """How the model sees one token: handles, links and numbers collapsed."""
    if token.startswith("@"):
        return "@user"
    if token.startswith("http") or token == "url":
        return "url"
    if token.isdigit() or token in NUMBER_WORDS:
        return "0"
    return token


def model_words(text: str) -> list[str]:
    return [model_word(t) for t, _, _ in tokens(normalise(text))]
