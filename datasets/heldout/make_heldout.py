"""Write the held-out personal-information set (phones, postcodes, emails).

Made by Faker's en_GB provider (fixed seed) filling sentence templates written before
the detectors were scored on it: the numbers, postcodes and emails come from Faker's
own format lists, not from the development set. Negatives are prices, times, dates,
order and reference numbers. Run once; the output is committed:

    python datasets/heldout/make_heldout.py
"""

import json
import random
from pathlib import Path

from faker import Faker

OUT = Path(__file__).resolve().parents[2] / "src/safepractice/engine/tests/data/heldout/pii.jsonl"
SEED = 20261125

PHONE_TEMPLATES = [
    "New number is {x}, save it!",
    "Anyone want a free sofa? Call {x} after 6",
    "ring me on {x} when you're outside",
    "Lost my phone, text {x} instead x",
    "Plumber was great, his number: {x}",
    "{x} - that's the new landline",
    "Car for sale, £1,200 ono, {x}",
    "Babysitter needed Sat night, message {x}",
]
EMAIL_TEMPLATES = [
    "Email me at {x} for the photos",
    "My new email is {x}",
    "send the forms to {x} please",
    "contact {x} for tickets",
    "{x} is the best way to reach me now",
]
POSTCODE_TEMPLATES = [
    "Moved in! New postcode {x} for Christmas cards",
    "Deliveries to {x} please from now on",
    "satnav says {x} is the party",
    "Our new house is in {x}, so excited",
]
NEGATIVES = [
    "Tickets are £{a}.{b:02d} each, doors at {c}:30",
    "Order {n} was delivered on {d}/{m}/2024",
    "Won {a}-{c} on Saturday, top of the league",
    "Half term runs {d} Oct to {m} Nov",
    "Reference number {n} for the council tax query",
    "Only {a} days until the holidays",
    "Mileage was {n6} when we bought it",
    "Page {a} of the reading book, chapter {c}",
]


def _record(id_: str, template: str, value: str, rule: str) -> dict:
    start = template.index("{x}")
    text = template.replace("{x}", value)
    return {"id": id_, "text": text, "kind": "post", "to": None,
            "expected": [{"rule": rule, "start": start, "end": start + len(value)}]}


def main() -> None:
    fake = Faker("en_GB")
    fake.seed_instance(SEED)
    rng = random.Random(SEED)
    records = []
    for i in range(150):
        value = fake.phone_number() if i % 2 else fake.cellphone_number()
        records.append(_record(f"phone-{i:03d}", rng.choice(PHONE_TEMPLATES), value,
                               "personal-information.phone"))
    for i in range(100):
        value = fake.free_email() if i % 3 else fake.email()
        records.append(_record(f"email-{i:03d}", rng.choice(EMAIL_TEMPLATES), value,
                               "personal-information.email"))
    for i in range(100):
        records.append(_record(f"postcode-{i:03d}", rng.choice(POSTCODE_TEMPLATES),
                               fake.postcode(), "personal-information.postcode"))
    for i in range(150):
        text = rng.choice(NEGATIVES).format(
            a=rng.randint(1, 99), b=rng.randint(0, 99), c=rng.randint(1, 12),
            d=rng.randint(1, 28), m=rng.randint(1, 12),
            n=rng.randint(10**9, 10**12), n6=rng.randint(10**4, 10**6),
        )
        records.append({"id": f"negative-{i:03d}", "text": text, "kind": "post", "to": None,
                        "expected": []})
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    print(f"{OUT}: {len(records)} items")


if __name__ == "__main__":
    main()
