"""Scoring the checker on labelled data: precision and recall per rule.

Each line of the data file (JSONL) is a batch record plus what should be found::

    {"id": "pi-001", "text": "Call me on 07700 900123", "kind": "post", "to": null,
     "expected": [{"rule": "personal-information.phone", "start": 11, "end": 23}]}

A finding counts as found when a finding of the same rule overlaps the expected span
(each expected span is matched once). Findings under ``min_confidence`` are not counted.
Scored ``by="topic"``, a finding counts when its topic is the expected rule's topic: the
batch contract's fixed vocabulary, where two rules may serve one topic (asking a pupil for
their Snapchat is told once, as grooming-risk wording, though it is also a request for
personal information).
"""

import json
from collections.abc import Iterable
from dataclasses import dataclass, field

from .batch import ContentError, content_from_record
from .checker import Checker


@dataclass
class RuleScore:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Evaluation:
    rules: dict[str, RuleScore] = field(default_factory=dict)
    items: int = 0
    errors: list[str] = field(default_factory=list)
    misses: list[dict] = field(default_factory=list)  # for reading what went wrong
    clean_items: int = 0  # items expected to have no finding
    clean_flagged: int = 0  # of those, how many got one

    def score(self, rule: str) -> RuleScore:
        return self.rules.setdefault(rule, RuleScore())

    def total(self) -> RuleScore:
        total = RuleScore()
        for score in self.rules.values():
            total.true_positives += score.true_positives
            total.false_positives += score.false_positives
            total.false_negatives += score.false_negatives
        return total

    def as_dict(self) -> dict:
        def row(score: RuleScore) -> dict:
            return {
                "tp": score.true_positives, "fp": score.false_positives,
                "fn": score.false_negatives, "precision": round(score.precision, 4),
                "recall": round(score.recall, 4),
            }

        return {
            "items": self.items,
            "rules": {rule: row(score) for rule, score in sorted(self.rules.items())},
            "total": row(self.total()),
            "clean_items": self.clean_items,
            "clean_flagged": self.clean_flagged,
            "errors": self.errors,
        }


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return (a[0] < b[1] and b[0] < a[1]) or a == b


def evaluate(
    lines: Iterable[str],
    checker: Checker,
    min_confidence: float = 0.5,
    only: tuple[str, ...] = (),
    by: str = "rule",
) -> Evaluation:
    """Score ``checker`` on labelled JSONL lines, per rule or per topic (``by``); ``only``
    limits scoring to rule prefixes."""
    if by not in ("rule", "topic"):
        raise ValueError(f"score by 'rule' or 'topic', not {by!r}")
    result = Evaluation()

    def key(rule: str) -> str:
        if by == "rule":
            return rule
        known = checker.catalogue.get(rule)
        return known.topic if known is not None and known.topic else rule

    # Per topic, ``only`` names the topics of the rules it names.
    only_keys = {key(rule.id) for rule in checker.catalogue if rule.id.startswith(only)}

    def counted(rule: str) -> bool:
        return not only or rule.startswith(only) or (by == "topic" and key(rule) in only_keys)

    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            content = content_from_record(record)
            expected = [
                (str(e["rule"]), int(e["start"]), int(e["end"]))
                for e in record.get("expected", [])
            ]
        except (json.JSONDecodeError, ContentError, KeyError, TypeError, ValueError) as error:
            result.errors.append(f"line {number}: {error}")
            continue
        result.items += 1
        found = [
            f for f in checker.check(content)
            if f.confidence >= min_confidence and counted(f.rule)
        ]
        unmatched = list(found)
        if not any(counted(rule) for rule, _, _ in expected):
            result.clean_items += 1
            result.clean_flagged += bool(found)
        for rule, start, end in expected:
            if not counted(rule):
                continue
            match = next(
                (
                    f for f in unmatched
                    if key(f.rule) == key(rule) and _overlaps((f.start, f.end), (start, end))
                ),
                None,
            )
            if match is None:
                result.score(key(rule)).false_negatives += 1
                result.misses.append({"id": record.get("id"), "missed": key(rule),
                                      "span": content.text[start:end]})
            else:
                unmatched.remove(match)
                result.score(key(rule)).true_positives += 1
        for finding in unmatched:
            result.score(key(finding.rule)).false_positives += 1
            result.misses.append({"id": record.get("id"), "extra": key(finding.rule),
                                  "span": content.text[finding.start:finding.end]})
    return result
