"""The rule catalogue: the policy as data, loaded from ``catalogue.toml``."""

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from .content import ContentKind
from .findings import TOPICS, Finding, Severity

CATALOGUE_PATH = Path(__file__).with_name("catalogue.toml")
SERVED_KINDS = ("detector", "workflow", "register", "not-checkable")


class CatalogueError(ValueError):
    """The catalogue file is not well formed."""


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    title: str
    section: str
    summary: str
    served: str
    anchors: tuple[str, ...] = ()
    detector: str = ""
    topic: str = ""
    kinds: frozenset[ContentKind] = frozenset()
    severity: Severity | None = None
    by: str = ""
    reason: str = ""

    @property
    def how_served(self) -> str:
        if self.served == "detector":
            return f"detector: {self.detector}"
        if self.served == "not-checkable":
            return f"not machine-checkable: {self.reason}"
        return f"{self.served}: {self.by}"


@dataclass(frozen=True)
class Catalogue:
    rules: tuple[Rule, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {rule.id: rule for rule in self.rules})

    def get(self, rule_id: str) -> Rule | None:
        return self._by_id.get(rule_id)  # type: ignore[attr-defined]

    def __contains__(self, rule_id: object) -> bool:
        return rule_id in self._by_id  # type: ignore[attr-defined]

    def __iter__(self):
        return iter(self.rules)


_RULE_KEYS = {
    "id",
    "title",
    "section",
    "summary",
    "served",
    "anchors",
    "detector",
    "topic",
    "kinds",
    "severity",
    "by",
    "reason",
}


def _rule_from(entry: dict, position: int) -> Rule:
    where = f"rule #{position + 1} ({entry.get('id', '?')})"
    unknown = set(entry) - _RULE_KEYS
    if unknown:
        raise CatalogueError(f"{where}: unknown key {sorted(unknown)[0]!r}")
    for key in ("id", "title", "section", "summary", "served"):
        if not entry.get(key):
            raise CatalogueError(f"{where}: missing {key!r}")
    served = entry["served"]
    if served not in SERVED_KINDS:
        raise CatalogueError(f"{where}: 'served' must be one of {', '.join(SERVED_KINDS)}")
    severity = None
    kinds: frozenset[ContentKind] = frozenset()
    if served == "detector":
        if entry.get("topic") not in TOPICS:
            raise CatalogueError(f"{where}: 'topic' {entry.get('topic')!r} is not in TOPICS")
        try:
            severity = Severity(entry.get("severity", ""))
            kinds = frozenset(ContentKind(kind) for kind in entry.get("kinds", []))
        except ValueError as error:
            raise CatalogueError(f"{where}: {error}") from None
    elif served == "not-checkable" and not entry.get("reason"):
        raise CatalogueError(f"{where}: a not-checkable rule needs a 'reason'")
    elif served in ("workflow", "register") and not entry.get("by"):
        raise CatalogueError(f"{where}: a {served} rule needs 'by' (what serves it)")
    return Rule(
        id=entry["id"],
        title=entry["title"],
        section=entry["section"],
        summary=entry["summary"],
        served=served,
        anchors=tuple(entry.get("anchors", ())),
        detector=entry.get("detector", ""),
        topic=entry.get("topic", ""),
        kinds=kinds,
        severity=severity,
        by=entry.get("by", ""),
        reason=entry.get("reason", ""),
    )


def parse_catalogue(text: str) -> Catalogue:
    data = tomllib.loads(text)
    rules = tuple(_rule_from(entry, i) for i, entry in enumerate(data.get("rule", [])))
    seen: set[str] = set()
    for rule in rules:
        if rule.id in seen:
            raise CatalogueError(f"rule id {rule.id!r} appears twice")
        seen.add(rule.id)
    return Catalogue(rules)


@cache
def load_catalogue(path: Path = CATALOGUE_PATH) -> Catalogue:
    return parse_catalogue(path.read_text(encoding="utf-8"))


def make_finding(
    rule_id: str,
    start: int,
    end: int,
    *,
    confidence: float,
    explanation: str,
    suggestion: str,
    replacement: str | None = None,
    severity: Severity | None = None,
    detail: dict[str, Any] | None = None,
) -> Finding:
    """A finding of a detector rule: its topic, title, section and severity are the
    catalogue's, so a detector cannot drift from the policy's wording.

    ``severity`` is only for a detector's own softer call (mild swearing, a low-confidence
    match, a request not made to a pupil); the checker applies a school's override to the
    catalogue's severity and leaves a softer call soft.
    """
    rule = load_catalogue().get(rule_id)
    if rule is None or rule.severity is None:
        raise KeyError(f"{rule_id!r} is not a detector rule of the catalogue")
    return Finding(
        rule=rule_id,
        topic=rule.topic,
        severity=severity or rule.severity,
        start=start,
        end=end,
        confidence=confidence,
        explanation=explanation,
        suggestion=suggestion,
        section=rule.section,
        title=rule.title,
        replacement=replacement,
        detail=detail or {},
    )


# --- coverage: which rules serve each paragraph of a policy -------------------------------

_NON_WORD = re.compile(r"[^a-z0-9]+")
_SENTENCE_END = (".", "!", ":", ";", ",")


def fold_for_matching(text: str) -> str:
    """Lower case, quotes and punctuation folded to single spaces ("e-mail" → "e mail")."""
    return (
        " " + _NON_WORD.sub(" ", text.casefold().replace("’", "'").replace("'", "")).strip() + " "
    )


@dataclass(frozen=True, slots=True)
class Paragraph:
    number: int
    text: str
    rules: tuple[Rule, ...]
    heading: bool  # a heading carries no rule of its own and is not counted

    @property
    def covered(self) -> bool:
        return bool(self.rules)


@dataclass(frozen=True, slots=True)
class Coverage:
    paragraphs: tuple[Paragraph, ...]

    @property
    def counted(self) -> list[Paragraph]:
        return [p for p in self.paragraphs if not p.heading]

    @property
    def share(self) -> float:
        counted = self.counted
        return sum(p.covered for p in counted) / len(counted) if counted else 1.0


def split_paragraphs(policy: str) -> list[str]:
    """Blank-line separated blocks; a block of "- " bullets gives one paragraph a bullet."""
    paragraphs: list[str] = []
    for block in re.split(r"\n[ \t]*\n", policy.replace("\r\n", "\n")):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        if not lines:
            continue
        if all(line.startswith(("- ", "• ", "* ")) for line in lines):
            paragraphs.extend(line[2:].strip() for line in lines)
        else:
            paragraphs.append(" ".join(lines))
    return paragraphs


def _looks_like_heading(text: str) -> bool:
    word_count = len(text.split())
    if text.endswith("?"):
        return word_count <= 6
    return word_count <= 8 and not text.endswith(_SENTENCE_END)


def _anchor_matches(anchor: str, folded_paragraph: str, paragraph_words: set[str]) -> bool:
    folded_anchor = fold_for_matching(anchor)
    if folded_anchor in folded_paragraph:
        return True
    # Reworded policies: most of a longer anchor's words present still counts.
    anchor_words = folded_anchor.split()
    if len(anchor_words) < 5:
        return False
    present = sum(word in paragraph_words for word in anchor_words)
    return present / len(anchor_words) >= 0.85


def coverage(policy: str, catalogue: Catalogue | None = None) -> Coverage:
    catalogue = catalogue or load_catalogue()
    result: list[Paragraph] = []
    for number, text in enumerate(split_paragraphs(policy), start=1):
        folded = fold_for_matching(text)
        paragraph_words = set(folded.split())
        rules = tuple(
            rule
            for rule in catalogue
            if any(_anchor_matches(a, folded, paragraph_words) for a in rule.anchors)
        )
        heading = not rules and _looks_like_heading(text)
        result.append(Paragraph(number, text, rules, heading))
    return Coverage(tuple(result))
