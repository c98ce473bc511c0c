"""Write a second held-out phone set, made after phone-SHAPED numbers were accepted:

    python datasets/heldout/make_phone_heldout.py

A new seed and new sentence templates (Faker en_GB numbers, which include some a digit
short), and harder negatives than the first set: numbers that start with 0 and are 10 or
11 digits long but are order, account, tracking or reference numbers, ISBNs, dates with
times and spaced-out scores. Scored once with ``safepractice eval``; not tuned on.
"""

import json
import random
from pathlib import Path

from faker import Faker

DATA = Path(__file__).resolve().parents[2] / "src/safepractice/engine/tests/data"
OUT = DATA / "heldout/phones2.jsonl"
SEED = 5_550_123

PHONE_TEMPLATES = [
    "If anyone finds my keys please ring {x}",
    "Whatsapp {x} for the rota",
    "Cleaner's number is {x}, she's brilliant",
    "Selling the cot, {x}, collection only",
    "Mobile: {x}",
    "My mum's landline is {x} if you can't get me",
    "tel {x} (evenings)",
    "{x} — new mob, old one died",
]
HARD_NEGATIVES = [
    "Order {z} was dispatched this morning",
    "Account number {z}, sort code 20-{a:02d}-{b:02d}",
    "Tracking ref {z} still says in transit",
    "Invoice {z} paid in full, thanks",
    "ISBN {isbn} is the reading scheme book",
    "Booked for {d:02d}/{m:02d}/2025 {a:02d}:{b:02d}, room 4",
    "Scores: {spaced} in the spelling test this week",
    "Customer ref {z} for the broadband complaint",
    "Policy {z} renews in March",
    "Membership {z} expires soon",
]


def _zero_number(rng: random.Random) -> str:
    """A 10- or 11-digit number that starts with 0, as references often do."""
    length = rng.choice((10, 11))
    return "0" + "".join(str(rng.randint(0, 9)) for _ in range(length - 1))


def _record(id_: str, template: str, value: str, rule: str | None) -> dict:
    start = template.index("{x}") if rule else 0
    text = template.replace("{x}", value)
    expected = [{"rule": rule, "start": start, "end": start + len(value)}] if rule else []
    return {"id": id_, "text": text, "kind": "post", "to": None, "expected": expected}


def main() -> None:
    fake = Faker("en_GB")
    fake.seed_instance(SEED)
    rng = random.Random(SEED)
    records = []
    for i in range(200):
        value = fake.phone_number() if i % 2 else fake.cellphone_number()
        records.append(_record(f"phone2-{i:03d}", rng.choice(PHONE_TEMPLATES), value,
                               "personal-information.phone"))
    for i in range(200):
        text = rng.choice(HARD_NEGATIVES).format(
            z=_zero_number(rng), a=rng.randint(0, 59), b=rng.randint(0, 59),
            d=rng.randint(1, 28), m=rng.randint(1, 12),
            isbn="0" + "".join(str(rng.randint(0, 9)) for _ in range(9)),
            spaced=" ".join(str(rng.randint(0, 9)) for _ in range(10)),
        )
        records.append({"id": f"hard-negative-{i:03d}", "text": text, "kind": "post",
                        "to": None, "expected": []})
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    print(f"{OUT}: {len(records)} items")


if __name__ == "__main__":
    main()
