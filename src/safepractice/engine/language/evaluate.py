"""Held-out evaluation of the judgement topics, side by side: the shipped configuration (the
fine-tuned model behind its first stage, with the rules), the rules alone (the detectors
before the model), and alt-profanity-check: ``python -m safepractice.engine.language.evaluate``.

Prints Markdown (pasted into docs/models.md). Test splits only, and the blind set; the
development sets are printed apart and marked as such. Needs the dev extra for
alt-profanity-check.
"""

import argparse
import warnings
from collections import Counter
from collections.abc import Callable

from ..batch import content_from_record
from ..checker import Checker
from ..content import Content
from ..context import RosterPerson, SchoolContext
from ..detectors import people
from . import RULE_FACTORIES, data, judged
from . import judgement_data as jd
from .judgement import TOPIC_HEADS
from .screen import ReadEverything

EVAL_CONTEXT = SchoolContext(
    school_name="Corpus Christi Catholic Primary School",
    aliases=("Corpus Christi", "CCPS"),
    local_authority="Portsmouth City Council",
    local_authority_aliases=("PCC",),
    staff=(RosterPerson("Jane", "Smith", status="staff"),),
)
MIN_CONFIDENCE = 0.5  # as `safepractice eval`

Flagger = Callable[[list[jd.Item]], list[set[str]]]


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


def content_of(item: jd.Item) -> Content:
    """An item as the batch and `safepractice eval` read a record (one way to parse kinds)."""
    return content_from_record({"text": item.text, "kind": item.kind, "to": item.to})


def checker_flagger(checker: Checker) -> Flagger:
    def flag(items: list[jd.Item]) -> list[set[str]]:
        return [
            {f.topic for f in checker.check(content_of(i)) if f.confidence >= MIN_CONFIDENCE}
            for i in items
        ]

    return flag


def flaggers(with_peers: bool = True) -> dict[str, Flagger]:
    tools: dict[str, Flagger] = {
        "safepractice": checker_flagger(Checker(EVAL_CONTEXT, [judged.factory, people.factory])),
        "rules (before the model)": checker_flagger(
            Checker(EVAL_CONTEXT, [*RULE_FACTORIES, people.factory])
        ),
    }
    if with_peers:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                # Optional: alt-profanity-check is a dev extra, used only to compare against it.
                from profanity_check import predict

                def apc(items: list[jd.Item]) -> list[set[str]]:
                    flagged = predict([i.text for i in items])
                    return [{"offensive", "equality"} if p else set() for p in flagged]

                tools["alt-profanity-check"] = apc
            except ImportError:
                pass
    return tools


def model_alone() -> Flagger:
    """The transformer without its first stage (to measure what the first stage costs)."""

    def factory(context: SchoolContext) -> judged.JudgementDetector:
        return judged.JudgementDetector(context, screen=ReadEverything())

    return checker_flagger(Checker(EVAL_CONTEXT, [factory, people.factory]))


def offensive_or_equality(tools: dict[str, Flagger], sets: dict[str, list[jd.Item]]) -> list[str]:
    lines = [
        "| set | n | tool | macro-F1 | P | R | F1 |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, items in sets.items():
        truth = [int(bool(i.labels["offensive"] or i.labels["equality"])) for i in items]
        for tool, flag in tools.items():
            predicted = [int(bool(found & {"offensive", "equality"})) for found in flag(items)]
            p, r, f = prf(truth, predicted)
            lines.append(
                f"| {name} | {len(items)} | {tool} | {macro_f1(truth, predicted):.3f} "
                f"| {p:.3f} | {r:.3f} | {f:.3f} |"
            )
    return lines


def per_topic(tools: dict[str, Flagger], name: str, items: list[jd.Item]) -> list[str]:
    lines = [
        f"**{name}** ({len(items)} items, "
        f"{sum(1 for i in items if not any(v for v in i.labels.values()))} clean)",
        "",
        "| tool | " + " | ".join(f"{t} P / R" for t in TOPIC_HEADS) + " | clean flagged |",
        "|---|" + "---|" * (len(TOPIC_HEADS) + 1),
    ]
    for tool, flag in tools.items():
        found = flag(items)
        cells = []
        for topic in TOPIC_HEADS:
            known = [
                (i, f) for i, f in zip(items, found, strict=True) if i.labels[topic] is not None
            ]
            if not any(i.labels[topic] for i, _ in known):
                cells.append("–")
                continue
            p, r, _ = prf([i.labels[topic] for i, _ in known], [int(topic in f) for _, f in known])
            cells.append(f"{p:.2f} / {r:.2f}")
        clean = [
            f for i, f in zip(items, found, strict=True) if not any(v for v in i.labels.values())
        ]
        flagged = sum(1 for f in clean if f & set(TOPIC_HEADS))
        share = f"{flagged}/{len(clean)} ({flagged / len(clean):.1%})" if clean else "–"
        lines.append(f"| {tool} | " + " | ".join(cells) + f" | {share} |")
    return lines


def functional(tools: dict[str, Flagger]) -> list[str]:
    cases = data.jsonl("hate_functional.jsonl")
    items = [
        jd.Item(
            str(n),
            "functional",
            c["text"],
            labels=dict.fromkeys(TOPIC_HEADS) | {"equality": c["hateful"]},
        )
        for n, c in enumerate(cases)
    ]
    lines = [
        "| functionality | cases | " + " | ".join(tools) + " |",
        "|---|---|" + "---|" * len(tools),
    ]
    results = {tool: flag(items) for tool, flag in tools.items()}
    by_function: Counter = Counter(c["functionality"] for c in cases)
    for function in by_function:
        cells = []
        for tool in tools:
            right = sum(
                int("equality" in found) == c["hateful"]
                for c, found in zip(cases, results[tool], strict=True)
                if c["functionality"] == function
            )
            cells.append(str(right))
        lines.append(f"| {function} | {by_function[function]} | " + " | ".join(cells) + " |")
    return lines


def benign(tools: dict[str, Flagger]) -> list[str]:
    # The even lines are a development set (language/tune.py): the odd ones are scored here.
    items = [
        jd.Item(str(n), "benign", t, labels=dict.fromkeys(TOPIC_HEADS, 0))
        for n, t in enumerate(data.benign_school())
        if n % 2 == 1
    ]
    lines = ["| tool | benign school posts, odd lines, flagged (any judgement topic) |",
             "|---|---|"]
    for tool, flag in tools.items():
        flagged = sum(1 for f in flag(items) if f & set(TOPIC_HEADS))
        lines.append(f"| {tool} | {flagged} of {len(items)} ({flagged / len(items):.1%}) |")
    return lines


def combine_table() -> list[str]:
    """Development data only: for each topic, the model alone, the rules alone, and the two
    together, to choose ``judged.COMBINE`` (how the rules and the model are combined)."""
    dev = {
        "staff dev split": jd.told_once([i for i in jd.staff_sets() if i.split == "dev"]),
        "conduct7": jd.conduct(),
    }
    lines = [
        "| topic | set | " + " | ".join(("model", "rules", "union")) + " |",
        "|---|---|---|---|---|",
    ]
    results = {}
    for how in ("model", "rules", "union"):

        def factory(context: SchoolContext, how: str = how) -> judged.JudgementDetector:
            return judged.JudgementDetector(context, combine=dict.fromkeys(TOPIC_HEADS, how))

        flag = checker_flagger(Checker(EVAL_CONTEXT, [factory, people.factory]))
        results[how] = {name: flag(items) for name, items in dev.items()}
    for topic in TOPIC_HEADS:
        for name, items in dev.items():
            known = [n for n, i in enumerate(items) if i.labels[topic] is not None]
            if not any(items[n].labels[topic] for n in known):
                continue
            cells = []
            for how in ("model", "rules", "union"):
                found = results[how][name]
                p, r, f = prf(
                    [items[n].labels[topic] for n in known], [int(topic in found[n]) for n in known]
                )
                cells.append(f"P {p:.2f} R {r:.2f} F1 {f:.3f}")
            lines.append(f"| {topic} | {name} | " + " | ".join(cells) + " |")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--model-alone",
        action="store_true",
        help="also score the transformer without its first stage",
    )
    parser.add_argument(
        "--combine-dev",
        action="store_true",
        help="only the development table that chooses how rules and model combine",
    )
    args = parser.parse_args(argv)
    if args.combine_dev:
        print("\n".join(combine_table()))
        return 0
    tools = flaggers()
    if args.model_alone:
        tools["model alone (no first stage)"] = model_alone()
    test = {
        "OLID test split (10%)": [i for i in jd.olid() if i.split == "test"],
        "staff sets, test split (10%)": [i for i in jd.staff_sets() if i.split == "test"],
    }
    out = ["### Offensive or equality", "", *offensive_or_equality(tools, test), ""]
    out += ["### Every topic", ""]
    out += [
        *per_topic(
            tools,
            "Blind set judgement8.jsonl (held out, scored once)",
            jd.heldout("judgement8.jsonl"),
        ),
        "",
    ]
    staff_test = jd.told_once(test["staff sets, test split (10%)"])
    out += [*per_topic(tools, "Staff sets, test split", staff_test), ""]
    out += [
        *per_topic(
            tools, "conduct7.jsonl (development set: thresholds chosen on it)", jd.conduct()
        ),
        "",
    ]
    out += ["### Functional hate cases (hate_functional.jsonl, written beside the rules)", ""]
    out += [*functional(tools), ""]
    out += benign(tools)
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
