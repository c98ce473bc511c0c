"""The labelled sets: the shared tweets (read from ``/work/shared/data``, never copied) and
the sets written for this project (``data/``). Splits are fixed by a hash of each item's id,
so every run holds out the same items."""

import csv
import html
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from zlib import crc32

DATA_DIR = Path(__file__).parent / "data"
SHARED_DATA = Path(os.environ.get("SAFEPRACTICE_SHARED_DATA", "/work/shared/data"))


@dataclass(frozen=True, slots=True)
class Example:
    id: str
    text: str
    label: int  # 1 offensive, 0 not
    source: str

    @property
    def split(self) -> str:
        return split_of(f"{self.source}:{self.id}")


def split_of(key: str) -> str:
    """70% train, 10% dev (model selection), 20% test (reported, never tuned on)."""
    slot = crc32(key.encode()) % 10
    return "test" if slot < 2 else "dev" if slot == 2 else "train"


def olid() -> Iterator[Example]:
    path = SHARED_DATA / "olid-offensive" / "olid-training-v1.0.tsv"
    with path.open(encoding="utf-8") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(reader)
        for row in reader:
            yield Example(row[0], row[1], int(row[2] == "OFF"), "olid")


def davidson() -> Iterator[Example]:
    path = SHARED_DATA / "davidson-offensive" / "train.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            label = int(row["class"] in ("0", "1"))
            yield Example(row["id"], html.unescape(row["tweet"]), label, "davidson")


def uk_training() -> Iterator[Example]:
    """Our UK-school-flavoured labelled lines: ``label<TAB>text``."""
    path = DATA_DIR / "uk_offensive.tsv"
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            label, text = line.split("\t", 1)
            yield Example(str(number), text, int(label), "uk")


def benign_school() -> list[str]:
    """Realistic staff posts and messages that must not be flagged. Never trained on."""
    path = DATA_DIR / "benign_school.txt"
    return [
        line.strip()
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]


def jsonl(name: str) -> list[dict]:
    path = DATA_DIR / name
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
