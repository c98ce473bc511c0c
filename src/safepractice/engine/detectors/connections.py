"""Friends and followers who are pupils of the school.

Policy, "Safer online behaviour": never friend a pupil at the school; the school also
advises against friending past pupils.
"""

import re
from collections.abc import Iterable

from ..catalogue import make_finding
from ..content import Content, ContentKind
from ..context import RosterPerson, SchoolContext
from ..findings import Finding, Severity
from ..roster import NICKNAMES, NameHit, roster_index
from ..text import fold_word, normalise, strip_accents, words

_HANDLE_PARTS = re.compile(r"[a-z]+")


def _squash(name: str) -> str:
    return "".join(fold_word(part) for part in name.split())


class ConnectionsDetector:
    name = "connections"
    kinds = frozenset({ContentKind.CONNECTION})

    def __init__(self, context: SchoolContext) -> None:
        self.index = roster_index(context.pupils, context.staff)
        # Handles: "jacksmith", "smithjack", "jack_smith09" → the letters without separators.
        self.handles: dict[str, list[RosterPerson]] = {}
        for person in context.pupils:
            last = _squash(person.last_name)
            firsts = {_squash(person.first_name)}
            if person.preferred_name:
                firsts.add(_squash(person.preferred_name))
            firsts.update(NICKNAMES.get(fold_word(person.first_name.split()[0]), ()))
            for first in firsts:
                for form in (first + last, last + first):
                    if len(form) >= 7:
                        self.handles.setdefault(form, []).append(person)
        self.handle_lengths = sorted({len(key) for key in self.handles}, reverse=True)

    def detect(self, content: Content) -> Iterable[Finding]:
        findings: list[Finding] = []
        norm = normalise(content.text or "")
        tokens = words(norm.text)
        best: tuple[NameHit, str] | None = None
        for match in self.index.find(tokens):
            hit: NameHit = match.payload
            if hit.person.status not in ("current", "past") or match.exact_words == 0:
                continue
            if hit.form == "first name" or (
                hit.form == "first name and initial" and len(tokens[match.last].text) != 1
            ):
                continue
            covers_all = match.first == 0 and match.last == len(tokens) - 1
            reason = f"display name matches a {hit.person.status} pupil by {hit.form}"
            if not covers_all:
                reason += " (within a longer name)"
            if best is None or _better(hit, best[0]):
                best = (hit, reason)
        if content.handle:
            for person in self._handle_matches(content.handle):
                hit = NameHit(person, "handle", 0.75)
                if best is None or _better(hit, best[0]):
                    best = (
                        hit,
                        f"handle @{content.handle.lstrip('@')} contains a "
                        f"{person.status} pupil's name",
                    )
        if best is None:
            return findings
        hit, reason = best
        current = hit.person.status == "current"
        findings.append(
            make_finding(
                "connections.current-pupil" if current else "connections.past-pupil",
                0,
                len(content.text or ""),
                confidence=hit.confidence,
                severity=Severity.RISK if current and hit.confidence < 0.7 else None,
                explanation=f"This connection may be a {'current' if current else 'past'} pupil: "
                f"{reason}.",
                suggestion=(
                    "Unfriend or remove this follower if it is a pupil, and never accept a "
                    "pupil's request."
                    if current
                    else "The school advises against friending past pupils; consider removing it."
                ),
                detail={"reason": reason, "form": hit.form},
            )
        )
        return findings

    def _handle_matches(self, handle: str) -> list[RosterPerson]:
        letters = "".join(_HANDLE_PARTS.findall(strip_accents(handle).lower()))[:64]
        found: list[RosterPerson] = []
        for length in self.handle_lengths:
            for start in range(0, len(letters) - length + 1):
                found.extend(self.handles.get(letters[start : start + length], ()))
            if found:
                break
        return sorted(set(found), key=lambda p: (p.status != "current", p.last_name))


def _better(hit: NameHit, other: NameHit) -> bool:
    return (hit.person.status == "current", hit.confidence) > (
        other.person.status == "current",
        other.confidence,
    )


def factory(context: SchoolContext) -> ConnectionsDetector:
    return ConnectionsDetector(context)
