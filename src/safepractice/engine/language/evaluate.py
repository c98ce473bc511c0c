"""Held-out evaluation of the language detectors, side by side with alt-profanity-check and
better-profanity: ``python -m safepractice.engine.language.evaluate``.

Prints Markdown (pasted into docs/models.md). Uses only the test splits of the sets the model
was trained on, and the sets never trained on (benign school posts, functional hate cases,
allegations, grooming). Needs the dev extra for the two comparison tools.
"""

import argparse
import warnings
from collections import Counter
from collections.abc import Callable

from ..checker import Checker
from ..content import Content, ContentKind, Recipient
from ..context import RosterPerson, SchoolContext
from . import FACTORIES, data

EVAL_CONTEXT = SchoolContext(
    school_name="Corpus Christi Catholic Primary School",
    aliases=("Corpus Christi", "CCPS"),
    local_authority="Portsmouth City Council",
    local_authority_aliases=("PCC",),
    staff=(RosterPerson("Jane", "Smith", status="staff"),),
)


def prf(truth: list[int], predicted: list[int]) -> tuple[float, float, float]:
    tp = sum(t and p for t, p in zip(truth, predicted, strict=True))
    fp = sum(p and not t for t, p in zip(truth, predicted, strict=True))
    fn = sum(t and not p for t, p in zip(truth, predicted, strict=True))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def macro_f1(truth: list[int], predicted: list[int]) -> float:
    positive = prf(truth, predicted)[2]
    negative = prf([1 - t for t in truth], [1 - p for p in predicted])[2]
    return (positive + negative) / 2


def _flaggers() -> dict[str, Callable[[list[str]], list[int]]]:
    checker = Checker(EVAL_CONTEXT, FACTORIES)

    def ours(texts: list[str]) -> list[int]:
        return [
            int(any(f.topic in ("offensive", "equality") for f in checker.check(Content(t))))
            for t in texts
        ]

    flaggers = {"safepractice": ours}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            from profanity_check import predict

            flaggers["alt-profanity-check"] = lambda texts: [int(p) for p in predict(texts)]
        except ImportError:
            pass
        try:
            from better_profanity import profanity

            flaggers["better-profanity"] = lambda texts: [
                int(profanity.contains_profanity(t)) for t in texts
            ]
        except ImportError:
            pass
    return flaggers


def offensive_tables() -> list[str]:
    flaggers = _flaggers()
    sets = {
        "OLID held-out (20%)": [e for e in data.olid() if e.split == "test"],
        "Davidson held-out (20% of train.csv; alt-profanity-check trained on it)": [
            e for e in data.davidson() if e.split == "test"
        ],
        "UK lines held-out (20%)": [e for e in data.uk_training() if e.split == "test"],
    }
    lines = [
        "| set | n | tool | macro-F1 | P (off) | R (off) | F1 (off) |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, examples in sets.items():
        truth = [e.label for e in examples]
        texts = [e.text for e in examples]
        for tool, flag in flaggers.items():
            predicted = flag(texts)
            p, r, f = prf(truth, predicted)
            lines.append(
                f"| {name} | {len(examples)} | {tool} | {macro_f1(truth, predicted):.3f} "
                f"| {p:.3f} | {r:.3f} | {f:.3f} |"
            )
    benign = data.benign_school()
    lines += ["", "| benign school posts | n | tool | flagged | false-positive rate |",
              "|---|---|---|---|---|"]
    for tool, flag in flaggers.items():
        flagged = sum(flag(benign))
        lines.append(f"| benign_school.txt | {len(benign)} | {tool} | {flagged} "
                     f"| {flagged / len(benign):.1%} |")
    return lines


def _topic_hits(checker: Checker, content: Content, topic: str) -> list:
    return [f for f in checker.check(content) if f.topic == topic]


def functional_tables() -> list[str]:
    checker = Checker(EVAL_CONTEXT, FACTORIES)
    cases = data.jsonl("hate_functional.jsonl")
    truth, predicted, right_characteristic = [], [], 0
    by_function: Counter = Counter()
    correct: Counter = Counter()
    for case in cases:
        hits = _topic_hits(checker, Content(case["text"]), "equality")
        truth.append(case["hateful"])
        predicted.append(int(bool(hits)))
        by_function[case["functionality"]] += 1
        correct[case["functionality"]] += int(bool(hits)) == case["hateful"]
        if hits and case["hateful"]:
            right_characteristic += hits[0].detail["characteristic"] == case["characteristic"]
    p, r, f = prf(truth, predicted)
    lines = [f"Equality on hate_functional.jsonl ({len(cases)} cases): P {p:.3f} R {r:.3f} "
             f"F1 {f:.3f}; characteristic named right on {right_characteristic} of "
             f"{sum(a and b for a, b in zip(truth, predicted, strict=True))} true positives.",
             "", "| functionality | cases | correct |", "|---|---|---|"]
    lines += [f"| {k} | {by_function[k]} | {correct[k]} |" for k in by_function]
    for name, key, topic, kind in (
        ("allegations.jsonl", "allegation", "allegation", None),
        ("grooming.jsonl", "grooming", "grooming-risk", Recipient.PUPIL),
    ):
        cases = data.jsonl(name)
        truth = [c[key] for c in cases]
        predicted = [
            int(bool(_topic_hits(checker, Content(
                c["text"], kind=ContentKind.MESSAGE if kind else ContentKind.POST, recipient=kind
            ), topic)))
            for c in cases
        ]
        p, r, f = prf(truth, predicted)
        lines.append(f"\n{topic} on {name} ({len(cases)} cases): P {p:.3f} R {r:.3f} F1 {f:.3f}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.parse_args(argv)
    print("\n".join(offensive_tables()))
    print()
    print("\n".join(functional_tables()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
