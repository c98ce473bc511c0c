"""Pupils' and colleagues' names from the rosters, and confidential matters next to them.

Policy, "Safer online behaviour": no confidential information about colleagues or pupils;
confidentiality is considered at all times.
"""

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from ..content import Content
from ..context import SchoolContext
from ..findings import Finding, Severity
from ..matching import PhraseMatch
from ..roster import NameHit, roster_index
from ..text import Normalised, Token, normalise, word_texts_and_keys, words
from ._common import TEXT_KINDS, make_finding

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
        "year",
        "yr",
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
    ]
)
_CONTEXT_WINDOW = 6

# Pupil-specific matters that are confidential (behaviour, SEN, safeguarding, health, family).
_SENSITIVE = re.compile(
    r"\b(?:"
    r"excluded|exclusions?|suspended|suspension|detention|behaviour\s+plan|behaviour|misbehav\w*|"
    r"naughty|in\s+trouble|isolation|bit\s+(?:another|a)\s+\w+|hit\s+(?:another|a|me)|"
    r"punched|kicked|swore\s+at|tantrums?|meltdowns?|bully\w*|"
    r"sen|send|ehcp|ehc\s+plan|autism|autistic|asd|adhd|dyslexi[ac]|dyspraxi[ac]|"
    r"special\s+(?:educational\s+)?needs|learning\s+difficult\w*|speech\s+and\s+language|"
    r"one[-\s]to[-\s]one\s+support|1:1\s+support|statemented|"
    r"social\s+services|social\s+worker|child\s+protection|cp\s+plan|child\s+in\s+need|"
    r"looked[-\s]after|in\s+care|foster\w*|care\s+order|safeguarding|referral|neglect\w*|"
    r"abused?|"
    r"diabet\w+|epilep\w+|asthma\w*|allerg\w+|epipen|medication|head\s+lice|nits|"
    r"mental\s+health|anxiety|depress\w+|self[-\s]harm\w*|cancer|hospital\w*|"
    r"eating\s+disorder|"
    r"divorc\w*|split\s+up|separated|custody|in\s+prison|prison|jail|free\s+school\s+meals|"
    r"fsm|pupil\s+premium|bereave\w*|passed\s+away|died|domestic|young\s+carer|homeless\w*|"
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
        hits = self._hits(tokens)
        findings = [self._name_finding(norm, hit) for hit in hits]
        findings.extend(self._confidential(norm, hits))
        return findings

    def _hits(self, tokens: list[Token]) -> list[_Hit]:
        by_span: dict[tuple[int, int], list[PhraseMatch]] = {}
        for match in self.index.find(tokens):
            hit: NameHit = match.payload
            if not self._plausible(match, hit, tokens):
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
    def _plausible(match: PhraseMatch, hit: NameHit, tokens: list[Token]) -> bool:
        if match.exact_words == 0:
            return False
        if hit.form == "first name":
            return tokens[match.first].text[:1].isupper()
        if hit.form == "first name and initial":
            initial = tokens[match.last].text
            return len(initial) == 1 and initial.isupper()
        if hit.form == "title and surname":
            return tokens[match.last].text[:1].isupper()
        return True

    @staticmethod
    def _pupil_context(tokens: list[Token], index: int) -> bool:
        low, high = max(0, index - _CONTEXT_WINDOW), min(len(tokens), index + _CONTEXT_WINDOW + 1)
        return any(tokens[i].key in PUPIL_CONTEXT for i in range(low, high) if i != index)

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


def _rank(hit: NameHit) -> tuple:
    status_rank = {"current": 0, "past": 1}.get(hit.person.status, 2)
    return (status_rank, -hit.confidence, hit.person.last_name, hit.person.first_name)


def factory(context: SchoolContext) -> PeopleDetector:
    return PeopleDetector(context)
