"""The judgement model: a fine-tuned MiniLM that reads a post, bio, comment or message with
who it is to, and scores five topics (offensive, equality, allegation, grooming-risk,
confidential), the target of offensive language and the Equality Act characteristic.

Run with ONNX Runtime and the ``tokenizers`` library: no torch at run time. The model, its
tokenizer and its card (``models/judgement.json``: labels, thresholds, sha256) ship inside the
package; they are loaded lazily, once per process, and checked before use. Training is
``python -m safepractice.engine.language.train_judgement`` (the ``train`` extra).
"""

import hashlib
import json
import math
import os
import threading
from dataclasses import dataclass
from pathlib import Path

from .model import MODELS_DIR, ModelError

TOPIC_HEADS: tuple[str, ...] = (
    "offensive",
    "equality",
    "allegation",
    "grooming-risk",
    "confidential",
)
TARGETS: tuple[str, ...] = ("person", "group", "none")
CHARACTERISTICS: tuple[str, ...] = (
    "race",
    "religion",
    "sex",
    "sexual-orientation",
    "gender-reassignment",
    "disability",
    "age",
    "pregnancy-maternity",
    "marriage-civil-partnership",
)
OUTPUTS = len(TOPIC_HEADS) + len(TARGETS) + len(CHARACTERISTICS)
MAX_TOKENS = 128  # one window, the context words included
WINDOW_OVERLAP = 32  # tokens two neighbouring windows of a long text share
REBUILD = "python -m safepractice.engine.language.train_judgement"
MODEL_FILE = "judgement.int8.onnx"
_CACHE_LIMIT = 20_000  # items whose answers are kept
CARD_FILE = "judgement.json"
TOKENIZER_FILE = "judgement.tokenizer.json"

# What the model is told about the item before its text: the kind and who it is to. The
# same words in training and at run time (one place), so "you're gorgeous" to a pupil and
# to a colleague are different inputs.
_KIND_WORDS = {"post": "post", "comment": "comment", "profile": "bio", "message": "message"}
_TO_WORDS = {
    "pupil": "to a pupil",
    "parent": "to a parent",
    "colleague": "to a colleague",
    "public": "to the public",
}


def context_words(kind: str, to: str | None) -> str:
    """The words put before an item's text: "message to a pupil", "post", "bio"."""
    kind = kind.split(":", 1)[0]
    words = _KIND_WORDS.get(kind, "post")
    if kind == "message" and to in _TO_WORDS:
        words += " " + _TO_WORDS[to]
    return words


@dataclass(frozen=True, slots=True)
class Judgement:
    """The model's probabilities for one item (the highest over its windows)."""

    topics: dict[str, float]
    target: dict[str, float]
    characteristic: dict[str, float]
    spans: dict[str, tuple[int, int]]  # each topic's window (character span) at its highest

    def top_target(self) -> str:
        return max(self.target, key=self.target.__getitem__)

    def top_characteristic(self) -> str:
        return max(self.characteristic, key=self.characteristic.__getitem__)


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(min(x, 40.0), -40.0)))


def _softmax(values: list[float]) -> list[float]:
    top = max(values)
    exps = [math.exp(v - top) for v in values]
    total = sum(exps)
    return [e / total for e in exps]


class JudgementModel:
    """The exported model with its tokenizer and card. Use :func:`get_judgement_model`."""

    def __init__(self, directory: Path = MODELS_DIR) -> None:
        # Heavy and optional at import: numpy, ONNX Runtime and tokenizers load once, with the
        # model.
        import numpy as np
        import onnxruntime
        from tokenizers import Tokenizer

        self._np = np
        card_path = directory / CARD_FILE
        model_path = directory / MODEL_FILE
        tokenizer_path = directory / TOKENIZER_FILE
        for path in (card_path, model_path, tokenizer_path):
            if not path.is_file():
                raise _fail(path, "missing")
        try:
            self.card = json.loads(card_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise _fail(card_path, f"not valid JSON ({error})") from error
        for path in (model_path, tokenizer_path):
            expected = self.card.get("sha256", {}).get(path.name)
            if expected is None or _sha256(path) != expected:
                raise _fail(path, "damaged (its sha256 does not match models/judgement.json)")
        self.thresholds: dict[str, float] = dict(self.card["thresholds"])
        options = onnxruntime.SessionOptions()
        # One thread by default: web and task workers are processes side by side, and threads
        # beyond the cores they share only contend. SAFEPRACTICE_MODEL_THREADS=0 uses them all.
        options.intra_op_num_threads = int(os.environ.get("SAFEPRACTICE_MODEL_THREADS", "1"))
        options.inter_op_num_threads = 1
        try:
            self._session = onnxruntime.InferenceSession(
                str(model_path), options, providers=["CPUExecutionProvider"]
            )
            self._tokenizer = Tokenizer.from_file(str(tokenizer_path))
        except Exception as error:  # onnxruntime and tokenizers raise their own types
            raise _fail(model_path, f"unreadable ({error})") from error
        self._tokenizer.no_padding()
        self._tokenizer.no_truncation()
        self._cls = self._tokenizer.token_to_id("[CLS]")
        self._sep = self._tokenizer.token_to_id("[SEP]")
        self._lock = threading.Lock()
        self._cache: dict[tuple[str, str | None, str], Judgement] = {}

    def _windows(
        self, kind: str, to: str | None, text: str
    ) -> list[tuple[list[int], tuple[int, int]]]:
        """Token ids of each window (context words first), with the window's character span.
        A long text is read in overlapping windows, every one of them."""
        prefix = self._tokenizer.encode(context_words(kind, to) + ":", add_special_tokens=False).ids
        encoding = self._tokenizer.encode(text, add_special_tokens=False)
        ids, offsets = encoding.ids, encoding.offsets
        room = MAX_TOKENS - len(prefix) - 2
        if not ids:
            return [([self._cls, *prefix, self._sep], (0, len(text)))]
        windows = []
        step = room - WINDOW_OVERLAP
        start = 0
        while True:
            end = min(start + room, len(ids))
            span = (offsets[start][0], offsets[end - 1][1])
            windows.append(([self._cls, *prefix, *ids[start:end], self._sep], span))
            if end == len(ids):
                break
            start += step
        return windows

    def forget(self) -> None:
        """Drop the remembered answers (a benchmark timing the model, not the memory)."""
        self._cache.clear()

    def judge(
        self, items: list[tuple[str, str | None, str]], batch_size: int = 32
    ) -> list[Judgement]:
        """Judge ``(kind, to, text)`` items; windows of similar length are batched together."""
        # The same item twice (a long text of repeated lines, an archive's reposts and
        # templated notifications) is read once; the last answers are kept, bounded.
        cache = self._cache
        known = {item: cache[item] for item in items if item in cache}
        unique = [item for item in dict.fromkeys(items) if item not in known]
        if len(unique) < len(items):
            if unique:
                known.update(zip(unique, self.judge(unique, batch_size), strict=True))
            return [known[item] for item in items]
        np = self._np
        windows: list[tuple[int, list[int], tuple[int, int]]] = []
        for index, (kind, to, text) in enumerate(items):
            for ids, span in self._windows(kind, to, text):
                windows.append((index, ids, span))
        order = sorted(range(len(windows)), key=lambda w: len(windows[w][1]))
        logits: list[list[float] | None] = [None] * len(windows)
        for start in range(0, len(order), batch_size):
            chunk = order[start : start + batch_size]
            width = max(len(windows[w][1]) for w in chunk)
            input_ids = np.zeros((len(chunk), width), dtype=np.int64)
            mask = np.zeros((len(chunk), width), dtype=np.int64)
            for row, w in enumerate(chunk):
                ids = windows[w][1]
                input_ids[row, : len(ids)] = ids
                mask[row, : len(ids)] = 1
            with self._lock:
                (out,) = self._session.run(None, {"input_ids": input_ids, "attention_mask": mask})
            for row, w in enumerate(chunk):
                logits[w] = out[row].tolist()
        best: list[Judgement | None] = [None] * len(items)
        for (index, _, span), values in zip(windows, logits, strict=True):
            judgement = _judgement(values, span)
            kept = best[index]
            best[index] = judgement if kept is None else _merge(kept, judgement)
        answers = [j for j in best if j is not None]
        if len(cache) > _CACHE_LIMIT:
            cache.clear()
        cache.update(zip(items, answers, strict=True))
        return answers


def _judgement(values: list[float], span: tuple[int, int]) -> Judgement:
    n_topics, n_targets = len(TOPIC_HEADS), len(TARGETS)
    topics = {t: _sigmoid(v) for t, v in zip(TOPIC_HEADS, values[:n_topics], strict=True)}
    target = dict(zip(TARGETS, _softmax(values[n_topics : n_topics + n_targets]), strict=True))
    characteristic = dict(
        zip(CHARACTERISTICS, _softmax(values[n_topics + n_targets :]), strict=True)
    )
    return Judgement(topics, target, characteristic, dict.fromkeys(TOPIC_HEADS, span))


def _merge(a: Judgement, b: Judgement) -> Judgement:
    """Two windows of one text: each topic at its highest; the heads of the window that was
    the surer on offensive and equality."""
    topics = {t: max(a.topics[t], b.topics[t]) for t in TOPIC_HEADS}
    spans = {t: a.spans[t] if a.topics[t] >= b.topics[t] else b.spans[t] for t in TOPIC_HEADS}
    lead = a if max(a.topics.values()) >= max(b.topics.values()) else b
    return Judgement(topics, lead.target, lead.characteristic, spans)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _fail(path: Path, problem: str) -> ModelError:
    return ModelError(
        f"Judgement model file {path} is {problem}. Rebuild it with: {REBUILD} "
        "(needs the train extra: pip install torch==2.13.0 -e '.[train]')."
    )


_model: JudgementModel | None = None
_model_lock = threading.Lock()


def get_judgement_model() -> JudgementModel:
    """The shipped model, loaded once per process (thread-safe)."""
    global _model
    if _model is None:
        with _model_lock:
            if _model is None:
                _model = JudgementModel()
    return _model
