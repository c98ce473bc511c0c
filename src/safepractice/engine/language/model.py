"""The offensive-language model: a linear model over hashed features, scored in pure
Python (no numpy or scikit-learn at run time). Loaded lazily, once per process, from files
inside the package; never from the network.
"""

import gzip
import hashlib
import json
import math
import sys
import threading
from array import array
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

from .features import DIM, DIM_BITS, bigram_bucket, word_buckets

MODELS_DIR = Path(__file__).parent / "models"
REBUILD = "python -m safepractice.engine.language.train"
_WORD_CACHE_LIMIT = 200_000


class ModelError(RuntimeError):
    """A model file is missing or damaged: the detectors refuse to run without it."""


@dataclass
class LinearModel:
    weights: array
    bias: float
    threshold: float
    meta: dict
    _word_scores: dict[str, tuple[float, int]] = field(default_factory=dict, repr=False)
    _bigram_weights: dict[tuple[str, str], float] = field(default_factory=dict, repr=False)

    def word_score(self, word: str) -> tuple[float, int]:
        """A word's summed weight and its number of features (cached per word)."""
        cached = self._word_scores.get(word)
        if cached is None:
            weights = self.weights
            found = word_buckets(word)
            cached = (sum(weights[b] for b in found), len(found))
            if len(self._word_scores) >= _WORD_CACHE_LIMIT:
                self._word_scores.clear()
            self._word_scores[word] = cached
        return cached

    def contributions(self, words: list[str]) -> tuple[float, list[float]]:
        """The probability and each word's share of the (pre-sigmoid) score."""
        if not words:
            return 1.0 / (1.0 + math.exp(-self.bias)), []
        known = self._word_scores
        word_score = self.word_score
        scored = [known.get(w) or word_score(w) for w in words]
        parts = [score for score, _ in scored]
        bigrams = self._bigram_weights
        if len(bigrams) >= _WORD_CACHE_LIMIT:
            bigrams.clear()
        weights = self.weights
        for i, pair in enumerate(pairwise(words)):
            half = bigrams.get(pair)
            if half is None:
                half = bigrams[pair] = weights[bigram_bucket(*pair)] / 2.0
            parts[i] += half
            parts[i + 1] += half
        count = len(words) - 1 + sum(n for _, n in scored)
        scale = 1.0 / math.sqrt(count)
        parts = [p * scale for p in parts]
        z = self.bias + sum(parts)
        z = max(min(z, 40.0), -40.0)
        return 1.0 / (1.0 + math.exp(-z)), parts

    def probability(self, words: list[str]) -> float:
        return self.contributions(words)[0]


def _fail(path: Path, problem: str) -> ModelError:
    return ModelError(
        f"Language model file {path} is {problem}. Rebuild it with: {REBUILD} "
        "(from the repository root, with the dev extra installed)."
    )


def load_model(name: str, directory: Path = MODELS_DIR) -> LinearModel:
    """Read ``<name>.json`` and ``<name>.weights.gz``; any damage is a ModelError."""
    meta_path = directory / f"{name}.json"
    weights_path = directory / f"{name}.weights.gz"
    for path in (meta_path, weights_path):
        if not path.is_file():
            raise _fail(path, "missing")
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        bias, threshold = float(meta["bias"]), float(meta["threshold"])
        expected_sha, dim_bits = meta["sha256"], int(meta["dim_bits"])
    except (ValueError, KeyError, TypeError) as error:
        raise _fail(meta_path, f"corrupt ({error})") from error
    if dim_bits != DIM_BITS:
        raise _fail(meta_path, f"for {dim_bits}-bit features, the code expects {DIM_BITS}")
    try:
        raw = gzip.decompress(weights_path.read_bytes())
    except (OSError, EOFError, gzip.BadGzipFile) as error:
        raise _fail(weights_path, f"corrupt ({error})") from error
    if len(raw) != DIM * 4 or hashlib.sha256(raw).hexdigest() != expected_sha:
        raise _fail(weights_path, "corrupt (size or checksum does not match its .json)")
    weights = array("f")
    weights.frombytes(raw)
    if sys.byteorder != "little":
        weights.byteswap()
    return LinearModel(weights=weights, bias=bias, threshold=threshold, meta=meta)


def save_model(name: str, weights: array, bias: float, threshold: float, meta: dict,
               directory: Path = MODELS_DIR) -> None:
    data = array("f", weights)
    if sys.byteorder != "little":
        data.byteswap()
    raw = data.tobytes()
    directory.mkdir(parents=True, exist_ok=True)
    # mtime=0 keeps the artefact byte-for-byte reproducible.
    (directory / f"{name}.weights.gz").write_bytes(gzip.compress(raw, 9, mtime=0))
    meta = meta | {
        "bias": bias, "threshold": threshold, "dim_bits": DIM_BITS,
        "sha256": hashlib.sha256(raw).hexdigest(),
    }
    (directory / f"{name}.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")


_loaded: dict[str, LinearModel] = {}
_lock = threading.Lock()


def get_model(name: str = "offensive") -> LinearModel:
    """The process-wide model, loaded on first use."""
    model = _loaded.get(name)
    if model is None:
        with _lock:
            model = _loaded.get(name)
            if model is None:
                model = _loaded[name] = load_model(name)
    return model
