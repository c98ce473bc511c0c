"""Text normalisation shared by detectors, with a map back to the original offsets.

People hide numbers and names from filters: full-width digits or another script's digits
mixed in, zero-width spaces, Cyrillic letters that look Latin, digits spelled out or spaced
apart. Detectors read the
normalised text and report spans in the original through ``Normalised.span``.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

# Invisible characters that split a word or number without showing.
ZERO_WIDTH = frozenset(
    "\u00ad\u180e\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff"
)

# Letters from other scripts that look like Latin ones (the common confusables).
HOMOGLYPHS: dict[str, str] = {
    # Cyrillic
    "а": "a",
    "в": "b",
    "е": "e",
    "к": "k",
    "м": "m",
    "н": "h",
    "о": "o",
    "р": "p",
    "с": "c",
    "т": "t",
    "у": "y",
    "х": "x",
    "ѕ": "s",
    "і": "i",
    "ј": "j",
    "ԁ": "d",
    "ɡ": "g",
    "ӏ": "l",
    "А": "A",
    "В": "B",
    "Е": "E",
    "К": "K",
    "М": "M",
    "Н": "H",
    "О": "O",
    "Р": "P",
    "С": "C",
    "Т": "T",
    "У": "Y",
    "Х": "X",
    "Ѕ": "S",
    "І": "I",
    "Ј": "J",
    # Greek
    "α": "a",
    "ο": "o",
    "ρ": "p",
    "ι": "i",
    "κ": "k",
    "ν": "v",
    "τ": "t",
    "υ": "u",
    "Α": "A",
    "Β": "B",
    "Ε": "E",
    "Ζ": "Z",
    "Η": "H",
    "Ι": "I",
    "Κ": "K",
    "Μ": "M",
    "Ν": "N",
    "Ο": "O",
    "Ρ": "P",
    "Τ": "T",
    "Υ": "Y",
    "Χ": "X",
    # Punctuation that stands in for ASCII
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2212": "-",
    "\u2018": "'",
    "\u2019": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u00a0": " ",
    "\u2007": " ",
    "\u202f": " ",
}


@dataclass(frozen=True, slots=True)
class Normalised:
    """Normalised text and, for each of its characters, the offset in the original."""

    text: str
    offsets: tuple[int, ...]  # len(text) + 1 entries; the last is len(original)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span covering normalised ``text[start:end]``."""
        if end <= start:
            return self.offsets[start], self.offsets[start]
        # The end maps to just after the original character the last normalised one came from.
        return self.offsets[start], self.offsets[end - 1] + 1


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    if char in ZERO_WIDTH:
        return ""
    if char in HOMOGLYPHS:
        return HOMOGLYPHS[char]
    # Any script's decimal digit (Arabic-Indic ٣, Devanagari ३, NKo…) is its ASCII digit, as
    # NFKC makes full-width ３ and mathematical 𝟑 (one character each: offsets stay put).
    if (digit := unicodedata.decimal(char, None)) is not None:
        return "0123456789"[digit]
    folded = unicodedata.normalize("NFKC", char)
    return "".join(HOMOGLYPHS.get(c, c) for c in folded if c not in ZERO_WIDTH)


def normalise(text: str) -> Normalised:
    """NFKC, zero-width characters removed, homoglyphs folded to Latin and every script's
    decimal digits to ASCII; offsets kept.

    Case is kept (detectors decide), and so is the length of ordinary ASCII text, which
    takes a fast path.
    """
    cached = _last_normalised
    if cached[0] is text:
        return cached[1]
    if text.isascii() or (
        _NEEDS_FOLDING.search(text) is None and unicodedata.is_normalized("NFKC", text)
    ):
        result = Normalised(text, _identity_offsets(len(text)))
    else:
        result = _fold(text)
    globals()["_last_normalised"] = (text, result)  # one entry: detectors share a text
    return result


def _fold(text: str) -> Normalised:
    out: list[str] = []
    offsets: list[int] = []
    position = 0
    # ASCII stretches are copied whole; only the other characters are folded one by one.
    for match in _NON_ASCII.finditer(text):
        index = match.start()
        if index > position:
            out.append(text[position:index])
            offsets.extend(range(position, index))
        folded = _fold_char(match.group())
        out.append(folded)
        offsets.extend([index] * len(folded))
        position = index + 1
    out.append(text[position:])
    offsets.extend(range(position, len(text)))
    offsets.append(len(text))
    return Normalised("".join(out), tuple(offsets))


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


class _IdentityOffsets:
    """Offsets of text that normalising left alone: position i maps to i."""

    __slots__ = ("length",)

    def __init__(self, length: int) -> None:
        self.length = length

    def __getitem__(self, index: int) -> int:
        return self.length if index == -1 else index


def _identity_offsets(length: int) -> tuple[int, ...]:
    return _IdentityOffsets(length)  # type: ignore[return-value]


_NEEDS_FOLDING = re.compile(
    "[" + re.escape("".join(sorted(ZERO_WIDTH | set(HOMOGLYPHS)))) + "]"
    r"|[^\D0-9]"  # a decimal digit that is not ASCII (NFKC leaves most scripts' digits alone)
)
_last_normalised: tuple = (None, None)


def strip_accents(text: str) -> str:
    """Zoë → Zoe, Siân → Sian (for name matching, not for spans)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# --- spelled-out and spaced-out digits -------------------------------------------------

DIGIT_WORDS: dict[str, str] = {
    "zero": "0",
    "nought": "0",
    "oh": "0",
    "o": "0",
    "nil": "0",
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
}
MULTIPLIERS = {"double": 2, "triple": 3, "treble": 3}
LOOKALIKE_DIGITS = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1", "|": "1"})

# One token of a number as people write it: digits (maybe with look-alike letters),
# a digit word, "double"/"triple", "hundred"/"thousand", a "+", or a separator.
_NUMBER_TOKEN = re.compile(
    r"(?P<plus>\+)"
    r"|(?P<digits>[0-9][0-9OolI|]*|[OolI|]+[0-9][0-9OolI|]*)"
    r"|(?P<word>[A-Za-z]+)"
    r"|(?P<sep>[ \t\-.,()/\[\]]+|\r?\n)"
    r"|(?P<other>.)",
    re.DOTALL,
)
_HAS_NUMBER_WORD = re.compile(  # on lower-cased text
    r"\b(?:zero|nought|oh|one|two|three|four|five|six|seven|eight|nine|double|triple)\b"
)
_HAS_DIGIT = re.compile(r"[0-9]")


_RUN_STARTERS = frozenset(DIGIT_WORDS) | frozenset(MULTIPLIERS)
# Matched against lower-cased text: without IGNORECASE, re skips ahead by first character.
_ANCHOR = re.compile(
    r"[0-9]|\b(?:zero|nought|oh|o|nil|one|two|three|four|five|six|seven|eight|nine|double|"
    r"triple|treble)\b"
)
# A run carries on this far past a digit or digit word: far enough for the separators,
# "and" and "hundred"/"thousand" that may come before the next one.
_DIGITS = re.compile(r"[0-9]+")
_WINDOW_REACH = 20


def _number_tokens(text: str):
    """Number tokens, read only in windows around digits and digit words (a post is
    mostly words, and tokenising all of it would be most of the cost). None marks the end
    of a window: no run goes on past it."""
    window_start = window_end = -1
    if _RUN_STARTERS.isdisjoint(word_texts_and_keys(text)[1]):
        anchors = _DIGITS.finditer(text)  # no digit words: digits alone, a far cheaper scan
    else:
        anchors = _ANCHOR.finditer(_lower_same_length(text))
    for anchor in anchors:
        if anchor.start() > window_end:
            if window_end >= 0:
                yield from _NUMBER_TOKEN.finditer(text, window_start, window_end)
                yield None
            window_start = _window_start(text, anchor.start())
        window_end = min(len(text), anchor.end() + _WINDOW_REACH)
    if window_end >= 0:
        yield from _NUMBER_TOKEN.finditer(text, window_start, window_end)


def _lower_same_length(text: str) -> str:
    lowered = text.lower()
    # A few characters change length when lower-cased (İ); offsets must stay put.
    return lowered if len(lowered) == len(text) else text


def _window_start(text: str, index: int) -> int:
    """Where a window round the digit at ``index`` starts: its word's start, or a "+"
    just before it ("+ 44", "+(44)")."""
    start = _word_start(text, index)
    before = start
    while before > 0 and start - before < 3 and text[before - 1] in " (":
        before -= 1
    return before - 1 if before > 0 and text[before - 1] == "+" else start


def _word_start(text: str, index: int) -> int:
    """Back to the start of the word holding ``index`` ("O77" starts at the O)."""
    limit = max(0, index - 16)
    while index > limit and not text[index - 1].isspace():
        index -= 1
    return index


@dataclass(frozen=True, slots=True)
class DigitRun:
    """A run of digits read from text (``"07700900123"``) and where each digit came from.

    ``positions[i]`` is the (start, end) in the searched text of the token that gave
    digit ``i``; ``plus`` says the run began with "+".
    """

    digits: str
    positions: tuple[tuple[int, int], ...]
    plus_at: int | None = None  # where the leading "+" is, if the run has one

    @property
    def plus(self) -> bool:
        return self.plus_at is not None

    def span(self, first: int = 0, last: int | None = None) -> tuple[int, int]:
        last = len(self.digits) - 1 if last is None else last
        start = (
            self.plus_at if first == 0 and self.plus_at is not None else self.positions[first][0]
        )
        return start, self.positions[last][1]


def might_hold_number(text: str, min_words: int = 6) -> bool:
    """A cheap test before ``digit_runs``: a digit, or several digit words."""
    if _HAS_DIGIT.search(text):
        return True
    for count, _ in enumerate(_HAS_NUMBER_WORD.finditer(text.lower()), start=1):
        if count >= min_words:
            return True
    return False


def digit_runs(text: str, min_digits: int = 7, max_gap: int = 3) -> list[DigitRun]:
    """Runs of digits as people write phone numbers, in one linear pass.

    Reads "07700 900123", "0 7 7 0 0 9 0 0 1 2 3", "oh seven seven double oh nine
    hundred...", "O77OO" (letter O for zero) and "+44 (0)20". A run ends at any other
    word or character, or after ``max_gap`` separator tokens in a row.
    """
    runs: list[DigitRun] = []
    digits: list[str] = []
    positions: list[tuple[int, int]] = []
    plus_at: int | None = None
    gap = 0
    last_digit_word: tuple[str, tuple[int, int]] | None = None
    pending_multiplier = 0

    def close() -> None:
        nonlocal digits, positions, plus_at, gap, last_digit_word, pending_multiplier
        if len(digits) >= min_digits:
            runs.append(DigitRun("".join(digits), tuple(positions), plus_at))
        digits, positions, plus_at, gap = [], [], None, 0
        last_digit_word, pending_multiplier = None, 0

    for match in _number_tokens(text):
        if match is None:
            close()
            continue
        kind = match.lastgroup
        span = match.span()
        if kind == "sep":
            gap += 1
            if gap > max_gap or "\n" in match.group():
                close()
            continue
        if kind == "plus":
            close()
            plus_at = span[0]
            continue
        if kind == "digits":
            chunk = match.group().translate(LOOKALIKE_DIGITS)
            repeat = max(pending_multiplier, 1)
            for _ in range(repeat):
                for char in chunk[:1] if pending_multiplier else chunk:
                    digits.append(char)
                    positions.append(span)
            if pending_multiplier:
                for char in chunk[1:]:
                    digits.append(char)
                    positions.append(span)
            pending_multiplier = 0
            last_digit_word = None
            gap = 0
            continue
        if kind == "word":
            if not digits and plus_at is None and not pending_multiplier and (
                match.group().lower() not in _RUN_STARTERS
            ):
                continue
            word = match.group().lower()
            if word in DIGIT_WORDS:
                # A lone "o" or "oh" only counts inside a run ("oh seven", not "oh well").
                value = DIGIT_WORDS[word]
                for _ in range(max(pending_multiplier, 1)):
                    digits.append(value)
                    positions.append(span)
                pending_multiplier = 0
                last_digit_word = (value, span)
                gap = 0
                continue
            if word in MULTIPLIERS:
                pending_multiplier = MULTIPLIERS[word]
                gap = 0
                continue
            if word in ("hundred", "thousand") and last_digit_word is not None:
                for _ in range(2 if word == "hundred" else 3):
                    digits.append("0")
                    positions.append(span)
                last_digit_word = None
                gap = 0
                continue
            if word == "and" and digits:
                gap += 1
                continue
        close()
    close()
    return runs


# After "number" in "what's your number ...": a lesson, not a request for a phone number
# ("number bond to 10", "number one tip", "number line"). Shared by the contact-request and
# grooming rules.
NOT_A_PHONE = r"(?!\s+(?:bonds?|one|two|three|four|five|six|seven|eight|nine|ten|line|\d))"


# --- words with offsets ----------------------------------------------------------------

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


class Token(NamedTuple):
    text: str  # as written
    key: str  # folded: lower case, accents stripped, possessive 's removed
    start: int
    end: int


@lru_cache(maxsize=65536)
def fold_word(word: str) -> str:
    """Case, accents and a possessive folded away: "Zoë's" → "zoe"."""
    folded = strip_accents(word).casefold().replace("’", "'")
    if folded.endswith("'s"):
        folded = folded[:-2]
    elif folded.endswith("s'"):
        folded = folded[:-1]
    return folded


def words(text: str) -> list[Token]:
    """The words of ``text`` with their offsets (apostrophes inside words kept)."""
    cached = _last_words
    if cached[0] is text:
        return cached[1]
    result = []
    append = result.append
    make = tuple.__new__  # Token(...) without the generated __new__'s extra frame
    for match in _WORD.finditer(text):
        word = match.group()
        start = match.start()
        append(make(Token, (word, fold_word(word), start, start + len(word))))
    globals()["_last_words"] = (text, result)
    return result


_last_words: tuple = (None, None)


def word_texts_and_keys(text: str) -> tuple[list[str], list[str]]:
    """The words of ``text`` as written and folded, without offsets: enough to ask whether
    a text can hold a name at all before building ``words`` (most texts cannot)."""
    cached = _last_keys
    if cached[0] is text:
        return cached[1]
    texts = _WORD.findall(text)
    result = (texts, list(map(fold_word, texts)))
    globals()["_last_keys"] = (text, result)
    return result


_last_keys: tuple = (None, None)
