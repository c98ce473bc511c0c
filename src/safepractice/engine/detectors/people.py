"""Pupils' and colleagues' names from the rosters, and confidential matters next to them.

Policy, "Safer online behaviour": no confidential information about colleagues or pupils;
confidentiality is considered at all times.
"""

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from ..catalogue import make_finding
from ..content import TEXT_KINDS, Content
from ..context import SchoolContext
from ..findings import Finding, Severity
from ..matching import PhraseMatch
from ..roster import NameHit, roster_index
from ..text import Normalised, Token, normalise, word_texts_and_keys, words

# Words near a first name that say it is a pupil's ("Jack in my class").
PUPIL_CONTEXT = frozenset(
    [
        "class",
        "pupil",
        "pupils",
        "child",
        "children",
        "student",
        "students",
        "reception",
        "boy",
        "girl",
        "kid",
        "kids",
        "lesson",
        "lessons",
        "homework",
        "playground",
        "register",
        "classroom",
        "school",
        "teacher",
        "parents",
        "parent",
        "mum",
        "dad",
        "nursery",
        "assembly",
        "secondary",
        "ks1",
        "ks2",
        "eyfs",
        "sats",
    ]
)
_CONTEXT_WINDOW = 6
# A year group says "pupil" ("Priya in Y6", "Amelia (Year 6)"); "year" alone does not
# ("wedding of the year").
_YEAR_GROUP_WORD = re.compile(r"(?:y|yr|year)\d{1,2}s?|p\d")
_YEAR_WORDS = frozenset(["year", "yr", "y"])
_GROUP_NUMBERS = frozenset((
    *map(str, range(1, 14)), "one", "two", "three", "four", "five", "six", "seven", "eight",
    "nine", "ten", "eleven", "twelve", "thirteen",
))  # fmt: skip
# A first name after one of these belongs to someone else ("Prince William", "Uncle Oliver").
_NOT_A_PUPIL_BEFORE = frozenset((
    "prince", "princess", "king", "queen", "saint", "st", "lord", "lady", "sir", "dame", "duke",
    "duchess", "uncle", "aunt", "auntie", "aunty", "grandad", "grandpa", "grandma", "granny",
    "nan", "nanny", "cousin", "brother", "sister", "captain",
))  # fmt: skip
# Titles whose lower-case use is rarely anything else ("mr llewellyn"; not "miss", a verb).
_LOWER_CASE_TITLES = frozenset(["mr", "mrs", "ms", "mx", "dr"])
_POSSESSIVE = re.compile(r"['’][sS]$")

# Pupil-specific matters that are confidential (behaviour, SEN, safeguarding, health, family).
_SENSITIVE = re.compile(
    r"\b(?:"
    r"excluded|exclusions?|suspended|suspension|detention|behaviour\s+plan|behaviour|misbehav\w*|"
    r"naughty|in\s+trouble|isolation|bit\s+(?:another|a)\s+\w+|hit\s+(?:another|a|me)|"
    r"punched|kicked|swore\s+at|tantrums?|meltdowns?|bully\w*|"
    r"(?-i:SEN|SEND|ASD|FSM|CP|LAC|CIN|PEP)|ehcp|ehc\s+plan|autism|autistic|adhd|"
    r"dyslexi[ac]|dyspraxi[ac]|camhs|ed(?:ucational)?\s+psych\w*|paediatrician|"
    r"speech\s+therap\w*|counsell\w*|therapy|diagnos\w*|restrain\w*|"
    r"physical\s+intervention|seizures?|wet\s+(?:him|her|them)sel(?:f|ves)|soiled|"
    r"toileting|reading\s+age|below\s+(?:age[-\s]related\s+)?expect\w*|"
    r"arrest\w*|police\s+(?:were|came|called|involved|visit\w*)|(?:called|rang|phoned)\s+the\s+"
    r"police|probation|moved\s+out|walked\s+out|left\s+home|"
    r"referred|referrals?|"
    r"special\s+(?:educational\s+)?needs|learning\s+difficult\w*|speech\s+and\s+language|"
    r"one[-\s]to[-\s]one\s+support|1:1\s+support|statemented|"
    r"social\s+services|social\s+worker|child\s+protection|cp\s+plan|child\s+in\s+need|"
    r"looked[-\s]after|in\s+care|foster\w*|care\s+order|safeguarding|neglect\w*|"
    r"abused?|"
    r"diabet\w+|epilep\w+|asthma\w*|allerg\w+|epipen|medication|head\s+lice|nits|"
    r"mental\s+health|anxiety|depress\w+|self[-\s]harm\w*|cancer|hospital\w*|"
    r"eating\s+disorder|"
    r"divorc\w*|split\s+up|separated|custody|in\s+prison|prison|jail|free\s+school\s+meals|"
    r"pupil\s+premium|bereave\w*|passed\s+away|died|domestic|young\s+carer|homeless\w*|"
    r"refuge|evict\w*"
    r")\b",
    re.IGNORECASE,
)
_SENSITIVE_REACH = 80  # characters between a pupil's name and the matter
_LONGEST_NAME = 200


@dataclass(frozen=True, slots=True)
class _Hit:
    start: int
    end: int
    people: tuple[NameHit, ...]
    confidence: float
    form: str


def _is_pupil(hit: NameHit) -> bool:
    return hit.person.status in ("current", "past")


class PeopleDetector:
    name = "roster"
    kinds = TEXT_KINDS

    def __init__(self, context: SchoolContext) -> None:
        self.index = roster_index(context.pupils, context.staff)

    def detect(self, content: Content) -> Iterable[Finding]:
        if not content.text or not self.index:
            return []
        norm = normalise(content.text)
        if not self.index.might_match(word_texts_and_keys(norm.text)[1]):
            return []  # no word of the text can start a roster name
        tokens = words(norm.text)
        hits = self._hits(norm.text, tokens)
        findings = [self._name_finding(norm, hit) for hit in hits]
        findings.extend(self._confidential(norm, hits))
        return findings

    def _hits(self, text: str, tokens: list[Token]) -> list[_Hit]:
        by_span: dict[tuple[int, int], list[PhraseMatch]] = {}
        for match in self.index.find(tokens):
            hit: NameHit = match.payload
            if not self._plausible(match, hit, text, tokens):
                continue
            by_span.setdefault((match.first, match.last), []).append(match)
        # Longest first; the people matched over one span are reported together.
        hits: list[_Hit] = []
        taken: set[int] = set()
        for (first, last), matches in sorted(
            by_span.items(), key=lambda item: (item[0][0] - item[0][1], item[0][0])
        ):
            if any(i in taken for i in range(first, last + 1)):
                continue
            taken.update(range(first, last + 1))
            people = tuple(sorted({m.payload for m in matches}, key=_rank))
            best = people[0]
            confidence = best.confidence
            if best.form == "first name" and self._pupil_context(tokens, first):
                confidence = 0.65
            if any(m.exact_words < m.length for m in matches):
                confidence *= 0.9
            hits.append(_Hit(tokens[first].start, tokens[last].end, people, confidence, best.form))
        return sorted(hits, key=lambda h: h.start)

    @staticmethod
    def _plausible(match: PhraseMatch, hit: NameHit, text: str, tokens: list[Token]) -> bool:
        if match.exact_words == 0:
            return False
        if hit.form == "first name":
            return tokens[match.first].text[:1].isupper() and not _someone_elses(
                text, tokens, match.first
            )
        if hit.form == "first name and initial":
            initial = _POSSESSIVE.sub("", tokens[match.last].text)
            return len(initial) == 1 and initial.isupper()
        if hit.form == "title and surname":
            return (
                tokens[match.last].text[:1].isupper()
                or tokens[match.first].text in _LOWER_CASE_TITLES
            )
        return True

    @staticmethod
    def _pupil_context(tokens: list[Token], index: int) -> bool:
        low, high = max(0, index - _CONTEXT_WINDOW), min(len(tokens), index + _CONTEXT_WINDOW + 1)
        for i in range(low, high):
            if i == index:
                continue
            key = tokens[i].key
            if key in PUPIL_CONTEXT or _YEAR_GROUP_WORD.fullmatch(key):
                return True
            if (
                key in _YEAR_WORDS
                and i + 1 < len(tokens)
                and tokens[i + 1].key.removesuffix("s") in _GROUP_NUMBERS
            ):
                return True
        return False

    def _name_finding(self, norm: Normalised, hit: _Hit) -> Finding:
        start, end = norm.span(hit.start, hit.end)
        best = hit.people[0]
        shown = norm.text[hit.start : hit.end]
        if _is_pupil(best):
            current = best.person.status == "current"
            rule = "names.pupil" if current else "names.past-pupil"
            who = "a current pupil" if current else "a past pupil"
            suggestion = (
                "Leave the pupil's name out."
                if current
                else ("Think twice before naming a past pupil; leave the name out if in doubt.")
            )
        else:
            rule, who = "names.colleague", "a colleague"
            suggestion = "Leave your colleague's name out unless they have agreed."
        severity = Severity.ADVICE if hit.confidence < 0.5 else None
        if len(hit.people) > 1:
            who += f" ({len(hit.people)} people on the roster match)"
        return make_finding(
            rule,
            start,
            end,
            confidence=hit.confidence,
            severity=severity,
            explanation=f"“{shown}” matches {who} by {hit.form}.",
            suggestion=suggestion,
            replacement="[name removed]",
            detail={"form": hit.form, "matches": len(hit.people), "status": best.person.status},
        )

    def _confidential(self, norm: Normalised, hits: list[_Hit]) -> list[Finding]:
        pupil_hits = [h for h in hits if _is_pupil(h.people[0]) and h.confidence >= 0.5]
        if not pupil_hits:
            return []
        findings = []
        used: set[int] = set()
        starts = [h.start for h in pupil_hits]  # sorted: hits come in text order
        for matter in _SENSITIVE.finditer(norm.text):
            # Only hits starting within reach can be near: a window found by bisection.
            low = bisect_left(starts, matter.start() - _SENSITIVE_REACH - _LONGEST_NAME)
            high = bisect_right(starts, matter.end() + _SENSITIVE_REACH)
            near = [
                h
                for h in pupil_hits[low:high]
                if abs(matter.start() - h.end) <= _SENSITIVE_REACH
                or abs(h.start - matter.end()) <= _SENSITIVE_REACH
            ]
            if not near:
                continue
            hit = min(
                near, key=lambda h: min(abs(matter.start() - h.end), abs(h.start - matter.end()))
            )
            if id(hit) in used:
                continue
            used.add(id(hit))
            start, end = norm.span(*matter.span())
            findings.append(
                make_finding(
                    "confidential.pupil-matters",
                    start,
                    end,
                    confidence=min(0.9, hit.confidence),
                    explanation=f"“{matter.group()}” next to a pupil's name is confidential "
                    "information about that pupil.",
                    suggestion="Don't share pupils' behaviour, needs, health, family or "
                    "safeguarding matters online, even without their full name.",
                    detail={
                        "matter": matter.group().lower(),
                        "pupil_span": norm.span(hit.start, hit.end),
                    },
                )
            )
        return findings


def _someone_elses(text: str, tokens: list[Token], index: int) -> bool:
    """A first name that is part of someone else's name: "Prince William", "Jamie Oliver",
    "Amelia Earhart" (a capitalised word joined to it by a space, not opening a sentence)."""
    token = tokens[index]
    if index > 0:
        before = tokens[index - 1]
        if before.key in _NOT_A_PUPIL_BEFORE:
            return True
        if text[before.end : token.start] == " " and before.text[:1].isupper():
            opening = index == 1 or any(
                mark in text[tokens[index - 2].end : before.start] for mark in ".!?:;\n"
            )
            if not opening:
                return True
    if index + 1 < len(tokens):
        after = tokens[index + 1]
        if (
            text[token.end : after.start] == " "
            and after.text[:1].isupper()
            and len(after.text) > 1
            and not _YEAR_GROUP_WORD.fullmatch(after.key)
        ):
            return True
    return False


def _rank(hit: NameHit) -> tuple:
    status_rank = {"current": 0, "past": 1}.get(hit.person.status, 2)
    return (status_rank, -hit.confidence, hit.person.last_name, hit.person.first_name)


def factory(context: SchoolContext) -> PeopleDetector:
    return PeopleDetector(context)
