"""Train the offensive-language model: ``python -m safepractice.engine.language.train``.

Reproducible: fixed splits (hash of each id), a deterministic solver, and artefacts written
byte for byte the same. Needs the dev extra (scikit-learn, numpy); inference does not.
Model selection (regularisation and threshold) uses the dev split of OLID only; the test
splits are reported by ``evaluate`` and never used here.
"""

import argparse
import sys
from array import array

from . import data
from .features import DIM, doc_buckets
from .model import MODELS_DIR, save_model
from .text import model_words


def _matrix(examples):
    # Training only: numpy, scipy and scikit-learn are not needed to check text.
    import numpy as np
    from scipy.sparse import csr_matrix

    indptr, indices, values = [0], [], []
    for example in examples:
        found = doc_buckets(model_words(example.text)) or [0]
        weight = 1.0 / len(found) ** 0.5
        indices.extend(found)
        values.extend([weight] * len(found))
        indptr.append(len(indices))
    matrix = csr_matrix(
        (np.array(values, dtype=np.float64), np.array(indices), np.array(indptr)),
        shape=(len(indptr) - 1, DIM),
    )
    matrix.sum_duplicates()
    return matrix, np.array([e.label for e in examples])


def _macro_f1(labels, scores, threshold) -> float:
    # Training only (scikit-learn).
    from sklearn.metrics import f1_score

    return f1_score(labels, scores >= threshold, average="macro")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    # Training only (numpy, scikit-learn).
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    say = (lambda *a: None) if args.quiet else (lambda *a: print(*a, file=sys.stderr))
    olid = list(data.olid())
    davidson = list(data.davidson())
    uk = list(data.uk_training())
    train_olid = [e for e in olid if e.split == "train"]
    dev_olid = [e for e in olid if e.split == "dev"]
    train_uk = [e for e in uk if e.split != "test"]
    # Davidson tweets are mostly slurs and profanity: a sample keeps them from swamping OLID.
    train_davidson = [e for e in davidson if e.split == "train"]
    dev_x, dev_y = _matrix(dev_olid)

    best = None
    # Davidson is always in: on OLID dev it ties with OLID alone (0.725 both), and the
    # broader data is better calibrated on ordinary text that is neither set's domain.
    for with_davidson in (True,):
        chosen = train_olid + train_uk * 3 + (train_davidson if with_davidson else [])
        x, y = _matrix(chosen)
        for c in (4.0, 8.0, 16.0):
            model = LogisticRegression(
                C=c, solver="liblinear", class_weight="balanced", random_state=0
            )
            model.fit(x, y)
            scores = model.predict_proba(dev_x)[:, 1]
            for threshold in np.arange(0.10, 0.90, 0.02):
                f1 = _macro_f1(dev_y, scores, threshold)
                if best is None or f1 > best[0] + 1e-9:
                    best = (f1, c, with_davidson, float(threshold), model, len(chosen))
            say(f"davidson={with_davidson} C={c}: best dev macro-F1 so far {best[0]:.4f}")
    f1, c, with_davidson, threshold, model, size = best
    say(f"chosen: C={c} davidson={with_davidson} threshold={threshold:.2f} dev={f1:.4f}")
    weights = array("f", model.coef_[0].astype("float32").tolist())
    save_model(
        "offensive",
        weights,
        bias=float(model.intercept_[0]),
        threshold=round(threshold, 2),
        meta={
            "name": "offensive",
            "kind": "logistic regression on hashed word 1-2-grams and char 3-5-grams",
            "trained_on": ["olid train split"]
            + (["davidson train split"] if with_davidson else [])
            + ["uk_offensive.tsv train+dev (x3)"],
            "examples": size,
            "C": c,
            "dev_macro_f1_olid": round(f1, 4),
        },
    )
    say(f"wrote {MODELS_DIR}/offensive.*")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
