"""Speed of the language detectors on 280-character posts, one core:
``PYTHONPATH=src python bench/language_speed.py [N]``. Compares, in the same run, the
pure-Python model scoring with scikit-learn's per-call predict_proba on the same features."""

import random
import statistics
import sys
import time

from safepractice.engine import Checker, Content
from safepractice.engine.language import data
from safepractice.engine.language.evaluate import EVAL_CONTEXT
from safepractice.engine.language.model import get_model
from safepractice.engine.language.text import model_words


def posts(n: int) -> list[str]:
    rng = random.Random(7)
    pool = [e.text for e in data.olid()] + data.benign_school()
    out = []
    while len(out) < n:
        text = rng.choice(pool)
        while len(text) < 280:
            text += " " + rng.choice(pool)
        out.append(text[:280])
    return out


def timed(func, items) -> tuple[float, list[float]]:
    latencies = []
    start = time.perf_counter()
    for item in items:
        t = time.perf_counter()
        func(item)
        latencies.append(time.perf_counter() - t)
    return time.perf_counter() - start, latencies


def report(name: str, total: float, latencies: list[float]) -> None:
    q = statistics.quantiles(latencies, n=100)
    print(f"| {name} | {len(latencies) / total:,.0f} | {q[49] * 1000:.3f} | {q[98] * 1000:.3f} |")


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    texts = posts(n)
    checker = Checker(EVAL_CONTEXT)  # every registered detector: the full pipeline
    checker.check(Content("warm up"))
    print("| what | posts/s | p50 ms | p99 ms |\n|---|---|---|---|")
    report("full pipeline (Checker, all registered detectors)", *timed(
        lambda t: checker.check(Content(t)), texts))
    model = get_model()
    report("offensive model only, pure Python", *timed(
        lambda t: model.probability(model_words(t)), texts))
    try:
        import numpy as np
        from scipy.sparse import csr_matrix
        from sklearn.linear_model import LogisticRegression

        from safepractice.engine.language.features import DIM, doc_buckets

        sk = LogisticRegression()
        sk.coef_ = np.array([model.weights], dtype=np.float64)
        sk.intercept_ = np.array([model.bias])
        sk.classes_ = np.array([0, 1])

        def sklearn_score(text: str) -> float:
            found = doc_buckets(model_words(text)) or [0]
            row = csr_matrix(
                (np.full(len(found), 1 / len(found) ** 0.5), (np.zeros(len(found)), found)),
                shape=(1, DIM),
            )
            return sk.predict_proba(row)[0, 1]

        report("offensive model only, scikit-learn per call", *timed(sklearn_score, texts[:2000]))
    except ImportError:
        print("(scikit-learn not installed: comparison skipped)")


if __name__ == "__main__":
    main()
