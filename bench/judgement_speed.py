"""Speed of the whole checker with the judgement model (the shipped configuration), against
today's detectors without the model (the rules alone), in the same run:

    PYTHONPATH=src python bench/judgement_speed.py [--items 3000]

- batch: items a second over a mix of texts, one process (``check_many``), and the share
  of items the first stage sent on to the transformer;
- one text at a time (the web check): latency percentiles.

Two mixes: "archive" is what a staff member's own archive looks like (benign school posts,
ordinary tweets and 5% items with a problem); "hard" is the staff-register sets (about
half of them problems), the worst case. Localhost only; no network.
"""

import argparse
import os
import platform
import random
import statistics
import time

from safepractice.engine import Checker
from safepractice.engine.detectors import FACTORIES
from safepractice.engine.language import RULE_FACTORIES, data, judged
from safepractice.engine.language import judgement_data as jd
from safepractice.engine.language.evaluate import EVAL_CONTEXT, content_of
from safepractice.engine.language.judgement import get_judgement_model


def mixes(n: int) -> dict[str, list[jd.Item]]:
    rng = random.Random(7)
    benign = [jd.Item(str(i), "benign", t) for i, t in enumerate(data.benign_school())]
    tweets = [i for i in jd.olid() if not i.labels["offensive"]]
    problems = [i for i in jd.staff_sets() if any(i.labels.values())]
    staff = jd.staff_sets()
    # Drawn without replacement: the model remembers an item it has read, and a mix of
    # repeats would time that memory instead of the model.
    n_problems = round(n * 0.05)
    archive = rng.sample(problems, n_problems) + rng.sample(benign + tweets, n - n_problems)
    rng.shuffle(archive)
    return {"archive": archive, "hard": rng.sample(staff, min(n, len(staff)))}


class Counting:
    """Wraps the first stage to count what it sends on."""

    def __init__(self, screen) -> None:
        self.screen, self.asked, self.passed = screen, 0, 0

    def passes(self, kind, to, text) -> bool:
        self.asked += 1
        passed = self.screen.passes(kind, to, text)
        self.passed += passed
        return passed


def checkers() -> tuple[dict[str, Checker], Counting]:
    screen = Counting(judged.get_screen())

    def counted(context):
        return judged.JudgementDetector(context, screen=screen)

    others = [f for f in FACTORIES if f is not judged.factory]
    return {
        "shipped (model + rules)": Checker(EVAL_CONTEXT, [*others, counted]),
        "rules alone (before the model)": Checker(EVAL_CONTEXT, [*others, *RULE_FACTORIES]),
    }, screen


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=3000)
    parser.add_argument("--single", type=int, default=300)
    args = parser.parse_args()
    tools, screen = checkers()
    model = get_judgement_model()
    print(
        f"CPU: {platform.processor() or platform.machine()}, {os.cpu_count()} cores; "
        f"items per mix {args.items}"
    )
    for mix, items in mixes(args.items).items():
        contents = [content_of(i) for i in items]
        rates = {}
        for name, checker in tools.items():
            checker.check(contents[0])  # load the model outside the timing
            model.forget()
            screen.asked = screen.passed = 0
            started = time.perf_counter()
            for _ in checker.check_many(contents):
                pass
            rates[name] = len(contents) / (time.perf_counter() - started)
            sent = (
                f", first stage sent {screen.passed / max(1, screen.asked):.1%} on"
                if "model" in name and "alone" not in name
                else ""
            )
            print(f"batch {mix}: {name}: {rates[name]:.0f} items/s{sent}")
        first, second = rates.values()
        print(f"batch {mix}: ratio shipped / rules alone = {first / second:.2f}")
        for name, checker in tools.items():
            model.forget()  # the batch above read these same texts
            latencies = []
            for content in contents[: args.single]:
                started = time.perf_counter()
                checker.check(content)
                latencies.append((time.perf_counter() - started) * 1000)
            q = statistics.quantiles(latencies, n=100)
            print(
                f"one at a time {mix}: {name}: p50 {q[49]:.1f} ms, p95 {q[94]:.1f} ms, "
                f"max {max(latencies):.1f} ms"
            )


if __name__ == "__main__":
    main()
