"""Choose, on the development sets only, each judgement topic's threshold and how the model
and the rules combine (``judged.COMBINE``), end to end through the checker — the way a user
meets them (one finding per remark, equality told instead of offensive, the first stage in
front): ``python -m safepractice.engine.language.tune``. Writes ``thresholds`` and
``combine`` into ``models/judgement.json``.

The model's calls and the rules' findings are computed once per item and reused at every
point of the search, so the search is seconds, not hours.
"""

import argparse
import json
from collections.abc import Iterable

from ..checker import Checker
from ..detectors import people
from . import data
from . import judgement_data as jd
from .evaluate import EVAL_CONTEXT, MIN_CONFIDENCE, content_of, macro_f1, prf
from .judged import COMBINE, JudgementDetector
from .judgement import CARD_FILE, TOPIC_HEADS, JudgementModel, get_judgement_model
from .model import MODELS_DIR

GRID = (0.06, 0.1, 0.14, 0.2, 0.26, 0.32, 0.38, 0.44, 0.5, 0.56, 0.62, 0.7, 0.78, 0.86)
CLEAN_FLAGGED_LIMIT = 0.05  # the goal: clean items flagged at most this share


class CachedModel:
    """The shipped model with its thresholds open to change and its answers remembered."""

    def __init__(self, model: JudgementModel) -> None:
        self.model = model
        self.thresholds = dict(model.thresholds)
        self.card = model.card
        self._memo: dict = {}

    def judge(self, items, batch_size: int = 32):
        missing = [i for i in dict.fromkeys(items) if i not in self._memo]
        if missing:
            for item, judgement in zip(missing, self.model.judge(missing), strict=True):
                self._memo[item] = judgement
        return [self._memo[i] for i in items]


class CachedDetector:
    """A detector whose findings per item are remembered (the rules do not change here)."""

    def __init__(self, detector) -> None:
        self.detector = detector
        self.name, self.kinds = detector.name, detector.kinds
        self._memo: dict = {}

    def detect(self, content) -> Iterable:
        key = (content.text, content.kind, content.recipient)
        if key not in self._memo:
            self._memo[key] = list(self.detector.detect(content))
        return self._memo[key]


def dev_sets() -> dict[str, list[jd.Item]]:
    benign = [
        jd.Item(str(n), "benign-dev", t, labels=dict.fromkeys(TOPIC_HEADS, 0))
        for n, t in enumerate(data.benign_school())
        if n % 2 == 0
    ]
    return {
        "staff": jd.told_once([i for i in jd.staff_sets() if i.split == "dev"]),
        "olid": [i for i in jd.olid() if i.split == "dev"],
        "benign": benign,
    }


def objective(found: dict[str, list[set[str]]], sets: dict[str, list[jd.Item]]) -> float:
    """The mean of each topic's F1 on the staff dev split and, counted twice, OLID dev's
    macro-F1 of offensive-or-equality; a share of clean items flagged over the goal is a
    penalty. conduct7 is reported, not optimised: the rules were tuned on it, so it would
    reward the rules for having seen it."""
    scores = []
    items = sets["staff"]
    for topic in TOPIC_HEADS:
        known = [n for n, i in enumerate(items) if i.labels[topic] is not None]
        scores.append(
            prf(
                [items[n].labels[topic] for n in known],
                [int(topic in found["staff"][n]) for n in known],
            )[2]
        )
    olid = sets["olid"]
    olid_f1 = macro_f1(
        [i.labels["offensive"] for i in olid],
        [int(bool(f & {"offensive", "equality"})) for f in found["olid"]],
    )
    scores += [olid_f1, olid_f1]
    clean = [
        f
        for name in ("staff", "benign")
        for i, f in zip(sets[name], found[name], strict=True)
        if not any(v for v in i.labels.values())
    ]
    flagged = sum(1 for f in clean if f & set(TOPIC_HEADS)) / max(1, len(clean))
    return sum(scores) / len(scores) - 2 * max(0.0, flagged - CLEAN_FLAGGED_LIMIT)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passes", type=int, default=2)
    args = parser.parse_args(argv)
    model = CachedModel(get_judgement_model())
    combine = dict(COMBINE)
    detector = JudgementDetector(EVAL_CONTEXT, model=model, combine=combine)
    detector.rules = [CachedDetector(rule) for rule in detector.rules]
    roster = CachedDetector(people.factory(EVAL_CONTEXT))
    checker = Checker(EVAL_CONTEXT, [lambda _: detector, lambda _: roster])
    sets = dev_sets()
    contents = {name: [content_of(i) for i in items] for name, items in sets.items()}

    def run() -> float:
        detector.combine = dict(combine)
        found = {
            name: [
                {f.topic for f in checker.check(c) if f.confidence >= MIN_CONFIDENCE} for c in items
            ]
            for name, items in contents.items()
        }
        return objective(found, sets)

    best = run()
    print(f"start: {best:.4f} {model.thresholds} {combine}")
    for _ in range(args.passes):
        for topic in TOPIC_HEADS:
            for how in ("model", "union"):
                for threshold in GRID:
                    kept = (model.thresholds[topic], combine[topic])
                    model.thresholds[topic], combine[topic] = threshold, how
                    score = run()
                    if score > best + 1e-9:
                        best = score
                    else:
                        model.thresholds[topic], combine[topic] = kept
            print(f"{topic}: {model.thresholds[topic]} {combine[topic]} -> {best:.4f}")
    card_path = MODELS_DIR / CARD_FILE
    card = json.loads(card_path.read_text())
    card["thresholds"] = model.thresholds
    card["combine"] = combine
    card["tuned"] = {
        "objective": round(best, 4),
        "sets": {k: len(v) for k, v in sets.items()},
        "how": "coordinate search over thresholds and combine, dev sets only",
    }
    card_path.write_text(json.dumps(card, indent=2) + "\n")
    print(json.dumps({"thresholds": model.thresholds, "combine": combine}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
