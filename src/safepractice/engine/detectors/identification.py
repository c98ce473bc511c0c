"""Naming the school, the local authority or the profession.

Policy, "Safer online behaviour": profile fields must not identify the profession or the
school where you work; naming them elsewhere ties what you say to the school.
"""

import bisect
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..catalogue import make_finding
from ..content import TEXT_KINDS, Content, ContentKind
from ..context import SchoolContext
from ..findings import Finding
from ..matching import PhraseIndex, longest_non_overlapping
from ..text import fold_word, normalise, strip_accents, word_texts_and_keys, words

# Words a school's name shares with thousands of others; the rest is what identifies it.
GENERIC_NAME_WORDS = frozenset(
    [
        "school",
        "schools",
        "primary",
        "catholic",
        "church",
        "of",
        "england",
        "ce",
        "cofe",
        "c",
        "e",
        "rc",
        "infant",
        "infants",
        "junior",
        "juniors",
        "academy",
        "the",
        "community",
        "village",
        "county",
        "first",
        "voluntary",
        "aided",
        "controlled",
        "federation",
        "nursery",
        "and",
        "trust",
        "college",
        "high",
        "secondary",
    ]
)

_TRAILING_NAME_WORDS = GENERIC_NAME_WORDS - {"the", "and", "trust", "first", "high"}


@dataclass(frozen=True, slots=True)
class _Name:
    rule: str  # which rule a match serves
    label: str  # what it names, for the explanation
    confidence: float


def _name_words(name: str) -> list[str]:
    return [token.key for token in words(name)]


def _initials(name: str) -> str:
    return "".join(word[0] for word in re.findall(r"[A-Za-z]+", name)).upper()


_SAINT_SWAP = {"st": "saint", "saint": "st"}
_HASHTAG = re.compile(r"#([^\W_][\w]{1,99})")
_ACRONYM = re.compile(r"^[A-Z]{2,6}$")

# Job titles and phrases that say "I work in a school".
_JOB = (
    r"(?:(?:primary|secondary|class|supply|reception|nursery|early\s+years|ks[12]|year\s*\d{1,2}|"
    r"y\d|music|pe|art|science|maths|english)\s+)?(?:school\s+)?"
    r"(?:teacher|teaching\s+assistant|head\s?teacher|head\s+of\s+school|deputy\s+head|"
    r"assistant\s+head|senco|sendco|hlta|nqt|ect|educator|learning\s+support\s+assistant|"
    r"lsa|school\s+governor|governor|lunchtime\s+supervisor|midday\s+supervisor|"
    r"school\s+business\s+manager|school\s+administrator|school\s+receptionist|caretaker|"
    r"site\s+manager|dinner\s+lady|"
    r"teaching(?!\s+(?:my|your|him|her|them|our)sel(?:f|ves)\b))"
)
# The same, with "TA" in capitals (in lower case it is "thanks").
_JOB_OR_TA = r"(?:" + _JOB + r"|(?-i:TAs?))"
_PROFILE_PROFESSION = re.compile(
    r"\b" + _JOB + r"s?\b|(?<![\w#])TA\b|\bteach(?:es|ing)?\s+(?:at|in|year|ks|reception|"
    r"primary|children|kids)\b|#\w*(?:teach|edu|nqt|senco|classroom)\w*|"
    r"#(?:hlta|lta|ta|lsa)s?(?:life|problems|tips|squad|ofinstagram|oftwitter)\b",
    re.IGNORECASE,
)
_FIRST_PERSON_PROFESSION = re.compile(
    r"\b(?:i'?m|i\s+am|i\s+work\s+as|working\s+as|as|being)\s+(?:a|an|the)\s+"
    r"(?:proud\s+|new\s+|qualified\s+|trainee\s+)?" + _JOB + r"\b"
    r"|(?:^|(?<=[.!?]\s)|\bi'?m\s+(?:a\s+)?|\bi\s+am\s+(?:a\s+)?)"
    r"(?:teacher|teaching\s+assistant|head\s?teacher|senco|hlta|TA)\s+at\b"
    r"|\bi\s+teach\b"
    r"|\bi\s+work\s+(?:at|in)\s+a\s+(?:primary\s+)?school\b"
    r"|\bmy\s+(?:class(?!\s+of\s+(?:19|20)\d\d)|pupils|students|classroom|tas?|year\s*\d{1,2}s\b|y\d{1,2}s\b|"
    r"(?:year|yr|y)\s*\d{1,2}\s+(?:class|pupils|children|kids))"
    r"|#(?:teacherlife|teachersofinstagram|teachers?of\w+|edutwitter|ukedchat|"
    r"primaryteacher|teachertwitter|nqt\w*|teacherproblems|teachersfollowteachers|"
    r"iteachtoo|iteach\w*|teachingassistant\w*|senco\w*|"
    r"(?:hlta|lta|ta|lsa)s?(?:life|problems|tips|squad|ofinstagram|oftwitter))\b",
    re.IGNORECASE,
)

# Saying what you do without "I'm a": "proud to be a teacher", "just a tired TA", "this
# teaching assistant is...", "HLTA life". Tried only when one of its lead words is there.
_SELF_DESCRIBED_PROFESSION = re.compile(
    r"\b(?:proud\s+to\s+be|love\s+being|life\s+as|becoming|became|qualified\s+as|"
    r"trained\s+as|retrain\w*\s+as|(?:job|role|career|years?|day|week)\s+as|i'?ve\s+been|"
    r"i\s+have\s+been)\s+(?:an?\s+|the\s+)?" + _JOB_OR_TA + r"\b"
    r"|\b(?:just|this|one|another|a)\s+(?:very\s+|really\s+)?(?:tired|exhausted|knackered|"
    r"happy|proud|busy|stressed|frazzled|overworked|caffeinated|sleepy|weary|shattered|"
    r"newly\s+qualified)\s+" + _JOB_OR_TA + r"\b"
    r"|\bthis\s+" + _JOB_OR_TA + r"\s+(?:is|has|needs|will|can|wants)\b"
    r"|\b(?:proud|happy|new|lucky)\s+" + _JOB_OR_TA + r"\s+at\b"
    r"|\b" + _JOB_OR_TA + r"\s+life\b",
    re.IGNORECASE,
)
# A job word the pattern above needs (on lower-cased text), or "TA" in capitals.
_JOB_WORD = re.compile(
    r"teach|head|senc|hlta|\bnqt\b|\bect\b|educator|\blsa\b|governor|supervisor|caretaker|"
    r"dinner\s+lady|site\s+manager|business\s+manager|administrator|receptionist"
)
_CAPITAL_TA = re.compile(r"\bTAs?\b")
_SELF_DESCRIBED_LEADS = (
    "proud", "love being", "life", "becom", "became", "qualified", "trained", "retrain",
    " as ", "been", "tired", "exhausted", "knackered", "happy", "busy", "stressed", "frazzled",
    "overworked", "caffeinated", "sleepy", "weary", "shattered", "this ", "new ", "lucky",
)  # fmt: skip

# Every match of the patterns above holds one of these: the plain words are tested with
# ``in`` (a regex alternation of literals is tried at every position), the rest by pattern.
_PROFESSION_HINTS = (
    "teach", "head", "senc", "hlta", "nqt", "ect", "educator", "lsa", "governor",
    "supervisor", "caretaker", "dinner", "school", "class", "pupil", "student", "year",
    "yr", "#",
)  # fmt: skip
_PROFESSION_HINT = re.compile(r"site\s+manager|y\d|\bta\b")  # on lower-cased text


class IdentificationDetector:
    name = "identification"
    kinds = TEXT_KINDS

    def __init__(self, context: SchoolContext) -> None:
        self.index = PhraseIndex()
        self.acronyms: dict[str, _Name] = {}
        self.hashtag_exact: dict[str, _Name] = {}
        self.hashtag_contains: list[tuple[str, _Name]] = []
        if context.school_name:
            self._add_school(context)
        if context.local_authority:
            self._add_local_authority(context)
        self.acronym_initials = frozenset(acronym[0] for acronym in self.acronyms)
        self.acronym_words = frozenset(
            f"{acronym}{ending}" for acronym in self.acronyms for ending in ("", "'s", "’s")
        )

    # -- building ---------------------------------------------------------------------------
    def _add_school(self, context: SchoolContext) -> None:
        school = _Name("identification.school", context.school_name, 0.95)
        full = _name_words(context.school_name)
        self._add_name(full, school)
        core = [w for w in full if w not in GENERIC_NAME_WORDS]
        generic_after = [w for w in full if w in GENERIC_NAME_WORDS and w not in ("the", "of")]
        if len(core) >= 2 or (len(core) == 1 and len(core[0]) >= 8):
            self._add_name(core, _Name(school.rule, context.school_name, 0.85))
        if core:
            for generic in generic_after:
                self._add_name([*core, generic], _Name(school.rule, context.school_name, 0.9))
        for alias in context.aliases:
            if _ACRONYM.match(alias.strip()):
                self.acronyms[alias.strip()] = _Name(school.rule, context.school_name, 0.8)
            else:
                self._add_name(_name_words(alias), _Name(school.rule, context.school_name, 0.9))
        initials = _initials(context.school_name)
        if len(initials) >= 3:
            self.acronyms.setdefault(initials, _Name(school.rule, context.school_name, 0.75))
        for tag in context.hashtags:
            self.hashtag_exact[_fold_tag(tag)] = _Name(school.rule, context.school_name, 0.95)
        if len("".join(core)) >= 8:
            self.hashtag_contains.append(("".join(core), school))
        for acronym in self.acronyms:
            if len(acronym) >= 4:
                self.hashtag_contains.append((acronym.lower(), school))

    def _add_name(self, name_words: list[str], name: _Name) -> None:
        """The name as written and with "St" and "Saint" swapped (people write either)."""
        self.index.add(name_words, name)
        swapped = [_SAINT_SWAP.get(word, word) for word in name_words]
        if swapped != name_words:
            self.index.add(swapped, name)

    def _add_local_authority(self, context: SchoolContext) -> None:
        authority = _Name("identification.local-authority", context.local_authority, 0.9)
        self.index.add(_name_words(context.local_authority), authority)
        for alias in context.local_authority_aliases:
            if _ACRONYM.match(alias.strip()):
                self.acronyms[alias.strip()] = _Name(authority.rule, authority.label, 0.7)
            else:
                self.index.add(_name_words(alias), authority)

    # -- detecting --------------------------------------------------------------------------
    def detect(self, content: Content) -> Iterable[Finding]:
        if not content.text:
            return []
        in_profile = content.kind == ContentKind.PROFILE
        norm = normalise(content.text)
        findings = list(self._names(norm, in_profile))
        findings.extend(self._profession(norm, in_profile))
        return findings

    def _names(self, norm, in_profile: bool) -> Iterator[Finding]:
        hits: list[tuple[int, int, _Name, str]] = []
        texts, keys = word_texts_and_keys(norm.text)
        if self.index.might_match(keys) or not self.acronym_words.isdisjoint(texts):
            tokens = words(norm.text)
        else:
            tokens = []  # no word of the text can start a name or be an acronym
        for match in longest_non_overlapping(self.index.find(tokens)):
            name: _Name = match.payload
            typo = match.exact_words < match.length
            last = match.last
            # "St Aldhelms" + "Primary School": the generic words that follow belong to it.
            while last + 1 < len(tokens) and tokens[last + 1].key in _TRAILING_NAME_WORDS:
                last += 1
            while tokens[last].key == "of":
                last -= 1
            start, end = tokens[match.first].start, tokens[last].end
            hits.append((start, end, name, "with a typo" if typo else ""))
        if self.acronyms:
            initials = self.acronym_initials
            for token in tokens:
                if token.text[0] not in initials:
                    continue  # most words: no acronym starts with their letter
                bare = token.text[:-2] if token.text.endswith(("'s", "’s")) else token.text
                if bare in self.acronyms:
                    hits.append((token.start, token.end, self.acronyms[bare], "initials"))
        if "#" in norm.text and (self.hashtag_exact or self.hashtag_contains):
            # Sorted spans and bisect keep a text with thousands of names and tags linear.
            covered = sorted((s, e) for s, e, _, _ in hits)
            starts = [s for s, _ in covered]
            reach = list(itertools.accumulate((e for _, e in covered), max))
            for match in _HASHTAG.finditer(norm.text):
                tag = _fold_tag(match.group(1))
                name = self.hashtag_exact.get(tag)
                if name is None:
                    name = next((n for part, n in self.hashtag_contains if part in tag), None)
                before = bisect.bisect_right(starts, match.start()) - 1
                inside = before >= 0 and reach[before] > match.start()
                if name is not None and not inside:
                    hits.append((match.start(), match.end(), name, "hashtag"))
        for start, end, name, how in hits:
            o_start, o_end = norm.span(start, end)
            rule = name.rule
            if rule == "identification.school" and in_profile:
                rule = "identification.school-in-profile"
            what = "the local authority" if rule.endswith("local-authority") else "your school"
            how_text = f" ({how})" if how else ""
            yield make_finding(
                rule,
                o_start,
                o_end,
                confidence=name.confidence * (0.9 if how == "with a typo" else 1.0),
                explanation=f"This names {what}, {name.label}{how_text}.",
                suggestion=(
                    "Take the school's name out of your profile."
                    if in_profile
                    else f"Leave out {what}'s name so the post isn't tied to it."
                ),
                replacement="",
                detail={"names": name.label, "how": how or "name"},
            )

    def _profession(self, norm, in_profile: bool) -> Iterator[Finding]:
        lowered = norm.text.lower()
        if not any(hint in lowered for hint in _PROFESSION_HINTS) and (
            _PROFESSION_HINT.search(lowered) is None
        ):
            return  # the full patterns are costly; most posts have none of their words
        pattern = _PROFILE_PROFESSION if in_profile else _FIRST_PERSON_PROFESSION
        rule = "identification.profession-in-profile" if in_profile else "identification.profession"
        matches = list(pattern.finditer(norm.text))
        if (
            not in_profile
            and any(lead in lowered for lead in _SELF_DESCRIBED_LEADS)
            and (_JOB_WORD.search(lowered) or _CAPITAL_TA.search(norm.text))
        ):
            taken = [m.span() for m in matches]
            matches += [
                m for m in _SELF_DESCRIBED_PROFESSION.finditer(norm.text)
                if not any(a < m.end() and m.start() < b for a, b in taken)
            ]
            matches.sort(key=lambda m: m.start())
        for match in matches:
            start, end = norm.span(*match.span())
            yield make_finding(
                rule,
                start,
                end,
                confidence=0.9 if in_profile else 0.75,
                explanation=f"“{match.group().strip()}” says you work in a school.",
                suggestion=(
                    "Leave your job title and profession out of your profile."
                    if in_profile
                    else "Consider leaving out what you do for a living, so the post isn't "
                    "tied to the profession."
                ),
                replacement="",
            )


def _fold_tag(tag: str) -> str:
    return fold_word(strip_accents(tag.lstrip("#"))).replace("_", "")


def factory(context: SchoolContext) -> IdentificationDetector:
    return IdentificationDetector(context)
