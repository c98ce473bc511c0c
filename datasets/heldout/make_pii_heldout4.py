#!/usr/bin/env python3
"""Generate held-out set 4 for the personal-information detectors (phone, postcode, email).

What the set is
---------------
``src/safepractice/engine/tests/data/heldout/pii4.jsonl``: about 1,000 short texts (20-280
characters) in the voice of staff at a UK primary school writing on social media: posts and
comments in buy-and-sell groups, sports club notices, family news, bios of staff in
different roles (TA, site manager, cook, SENCo, office manager, coach, tutor...), and
messages to colleagues (cover, trips, residentials) or to the public (marketplace replies).
Lower case, abbreviations, emoji and the odd typo are mixed in.

- ~300 records hold a UK phone number (mobiles and landlines, Ofcom drama ranges and
  Faker en_GB numbers) written in many ways: spaces, dashes, dots, slashes, brackets,
  +44 / +44 (0) / 0044, no spaces, odd groupings, digits split by words ("07700 nine
  hundred 123"), fully spelled out ("oh seven seven double oh ..."), spaced out
  ("0 7 7 0 0 ..."), a zero-width space inside, the letter O for zero; plus some
  international numbers (+33, +34, +353, +1) written as such.
- ~150 hold a UK postcode of every shape (A9 9AA, A99 9AA, AA9 9AA, AA99 9AA, A9A 9AA,
  AA9A 9AA), upper/lower/mixed case, with and without the space (and a few with a double
  or non-breaking space), in an address (one line or several) or on its own.
- ~150 hold a personal email address (webmail, ISP and own domains, dots, plus tags,
  mixed case) including obfuscated forms ("name at gmail dot com",
  "name[at]hotmail[dot]co[dot]uk", "name (at) outlook (dot) com", ...).
- ~400 are hard negatives: no phone, postcode or personal email, but order / invoice /
  tracking / account / membership / booking / NHS / reference / DBS / case / serial
  numbers (many 10-11 digits starting with 0, some grouped like phone numbers), sort codes,
  ISBNs, barcodes, dates and times, prices, scores, lottery numbers, flight numbers,
  vehicle registrations, grid references, bus routes, room and class codes (Y6B, 6JT),
  hashtags, @handles, school office addresses (office@...sch.uk: institutional, not
  personal), automated no-reply addresses, web addresses and "at ... dot" phrases that
  are not emails.
- Some positives also carry such distractors in the same text.

Every record is ``{"id", "text", "kind", "to", "expected"}``; kinds are post, comment,
profile:bio and message (to "colleague" or "public", never pupil/parent). ``expected``
lists ``personal-information.phone`` / ``.postcode`` / ``.email`` spans (Python string
offsets) covering exactly the value as written (the whole "+44 (0)20 7946 0958", the whole
obfuscated "jo at gmail dot com"). Spans are computed while the value is inserted and
asserted (``text[start:end] == value``). Street addresses in postcode records are NOT
labelled (only the postcode is), so score each rule on its own, e.g.
``safepractice eval pii4.jsonl --only personal-information.phone`` (and .postcode, .email),
rather than with the bare ``personal-information`` prefix (address / date-of-birth).

How it was made (blind)
-----------------------
Templates, word lists and number formats were written from scratch for this set, without
opening the detectors, the engine's text / UK-number helpers, the other bench generators
(including heldout3) or any existing test data, and without running the detector. The only
data sources are Python's ``random.Random(SEED)`` and Faker ``en_GB`` seeded with the same
SEED (names, street names, towns, some phone numbers and postcodes); nothing downloaded.
Phone numbers come from Ofcom's drama ranges (07700 900xxx, 01632 960xxx, 020 7946 0xxx,
0113/0114/0115/0116/0117/0118/0121/0131/0141/0151/0161/0191 496 0xxx, 029 2018 0xxx,
028 9018 0xxx, 0306 999 0xxx) and Faker; foreign ones use
fiction ranges where known (+33 6 39 98 xx xx, +1 xxx 555 01xx) and random digits otherwise.

SEED = 24061971, Faker 40.63.0. Output is deterministic for a given Faker version.

Regenerate::

    /work/main/.venv/bin/python datasets/heldout/make_pii_heldout4.py

(``--check`` only re-reads and verifies the existing file.)
"""

from __future__ import annotations

import json
import random
import re
import string
import sys
import unicodedata
from collections import Counter
from pathlib import Path

from faker import Faker

SEED = 24061971
N_PHONE, N_POSTCODE, N_EMAIL, N_NEG = 300, 150, 150, 400
ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "src/safepractice/engine/tests/data/heldout/pii4.jsonl"

PHONE = "personal-information.phone"
POSTCODE = "personal-information.postcode"
EMAIL = "personal-information.email"
RULES = (PHONE, POSTCODE, EMAIL)

R = random.Random(SEED)
F = Faker("en_GB")
F.seed_instance(SEED)

ZWSP = "\u200b"
NBSP = "\u00a0"


class V:
    """A labelled value to insert: its rule and the exact text written."""

    __slots__ = ("rule", "text")

    def __init__(self, rule: str, text: str):
        self.rule, self.text = rule, text


def pick(seq):
    return R.choice(seq)


def wpick(pairs):
    """pairs: [(weight, value)]"""
    total = sum(w for w, _ in pairs)
    x = R.uniform(0, total)
    for w, v in pairs:
        x -= w
        if x <= 0:
            return v
    return pairs[-1][1]


def digits(n: int) -> str:
    return "".join(R.choice(string.digits) for _ in range(n))


def zl(n: int) -> str:
    """n digits starting with 0."""
    return "0" + digits(n - 1)


def letters(n: int, alphabet: str = "ABCDEFGHJKLMNPRSTUVWXY") -> str:
    return "".join(R.choice(alphabet) for _ in range(n))


def group(s: str, sizes, sep: str = " ") -> str:
    out, i = [], 0
    for k in sizes:
        out.append(s[i : i + k])
        i += k
    if i < len(s):
        out.append(s[i:])
    return sep.join(p for p in out if p)


def ascii_word(s: str) -> str:
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z]", "", s)


def first_name() -> str:
    return F.first_name()


def last_name() -> str:
    return F.last_name()


# --------------------------------------------------------------------------- phones
# (national digits, groupings people use)
def _drama_national():
    kind = wpick([(40, "mob"), (30, "geo4"), (12, "lon"), (8, "geo5"), (6, "walesni"), (4, "non")])
    if kind == "mob":
        return "07700900" + digits(3), [[5, 6], [5, 3, 3], [4, 3, 4], [5, 6], [5, 3, 3]]
    if kind == "geo4":
        area = pick(
            [
                "0113",
                "0114",
                "0115",
                "0116",
                "0117",
                "0118",
                "0121",
                "0131",
                "0141",
                "0151",
                "0161",
                "0191",
            ]
        )
        return area + "4960" + digits(3), [[4, 3, 4], [4, 3, 4], [4, 7]]
    if kind == "lon":
        return "0207946" + "0" + digits(3), [[3, 4, 4], [3, 4, 4], [4, 3, 4], [3, 8]]
    if kind == "geo5":
        return "01632960" + digits(3), [[5, 6], [5, 3, 3]]
    if kind == "walesni":
        return pick(["0292018", "0289018"]) + "0" + digits(3), [[3, 4, 4], [4, 3, 4]]
    return "03069990" + digits(3), [[4, 3, 4]]


def fmt_national(nat: str, groupings) -> str:
    sizes = pick(groupings)
    sep = wpick([(55, " "), (12, "-"), (6, "."), (14, ""), (5, "mixed"), (3, "/")])
    if sep == "/":
        parts = group(nat, sizes, " ").split(" ")
        return parts[0] + "/" + " ".join(parts[1:])
    if sep == "mixed":
        parts = group(nat, sizes, " ").split(" ")
        return parts[0] + " " + "-".join(parts[1:]) if len(parts) > 2 else parts[0] + "-" + parts[1]
    s = group(nat, sizes, sep)
    if sep in (" ", "") and R.random() < (0.35 if not nat.startswith("07") else 0.1):
        parts = group(nat, sizes, " ").split(" ")
        s = "(" + parts[0] + ")" + pick([" ", " ", ""]) + " ".join(parts[1:])
    return s


def fmt_intl(nat: str, groupings) -> str:
    sizes = list(pick(groupings))
    rest = nat[1:]
    sizes[0] -= 1
    prefix = wpick(
        [
            (30, "+44 "),
            (18, "+44 (0)"),
            (6, "+44 (0) "),
            (8, "+44(0)"),
            (12, "0044 "),
            (10, "+44"),
            (3, "+44-"),
            (3, "(+44) "),
        ]
    )
    if prefix == "+44":
        sep = pick(["", " ", ""])
    elif prefix == "+44-":
        sep = "-"
    else:
        sep = pick([" ", " ", " ", "", "-"])
    return prefix + group(rest, sizes, sep)


DIGIT_WORD = {
    "0": "oh",
    "1": "one",
    "2": "two",
    "3": "three",
    "4": "four",
    "5": "five",
    "6": "six",
    "7": "seven",
    "8": "eight",
    "9": "nine",
}


def spell_group(g: str, zero: str, doubles: bool) -> str:
    words, i = [], 0
    while i < len(g):
        w = zero if g[i] == "0" else DIGIT_WORD[g[i]]
        if (
            doubles
            and i + 1 < len(g)
            and g[i + 1] == g[i]
            and (i + 2 >= len(g) or g[i + 2] != g[i])
        ):
            words.append("double " + w)
            i += 2
        else:
            words.append(w)
            i += 1
    return " ".join(words)


def fmt_spelled(nat: str, groupings) -> str:
    parts = group(nat, pick(groupings), " ").split(" ")
    zero = pick(["oh", "oh", "zero", "o"])
    doubles = R.random() < 0.5
    sep = pick([" ", ", ", " - ", "  "])
    s = sep.join(spell_group(p, zero, doubles) for p in parts)
    if R.random() < 0.2:
        s = s.upper()
    elif R.random() < 0.15:
        s = s.replace("-", " ")
    return s


def fmt_wordsplit(nat: str, groupings) -> str:
    parts = group(nat, pick(groupings), " ").split(" ")
    if nat.startswith("07700900") and len(parts) == 3 and parts[1] == "900" and R.random() < 0.6:
        parts[1] = "nine hundred"
        return " ".join(parts)
    i = R.randrange(1, len(parts))
    parts[i] = spell_group(parts[i], pick(["oh", "zero"]), False)
    return " ".join(parts)


def fmt_spaced(nat: str, groupings) -> str:
    if R.random() < 0.6:
        return " ".join(nat)
    parts = group(nat, pick(groupings), " ").split(" ")
    return "  ".join(" ".join(p) for p in parts)


def fmt_zwsp(nat: str, groupings) -> str:
    if R.random() < 0.5:
        s = list(fmt_national(nat, groupings))
        # one or two zero-width spaces between characters (not at the ends)
        for _ in range(R.choice([1, 1, 2])):
            pos = R.randrange(2, len(s) - 1)
            s.insert(pos, ZWSP)
        return "".join(s)
    return ZWSP.join(group(nat, pick(groupings), " ").split(" "))


def fmt_letter_o(nat: str, groupings) -> str:
    s = fmt_national(nat, groupings) if R.random() < 0.7 else fmt_intl(nat, groupings)
    if R.random() < 0.75:
        return s.replace("0", "O")
    # only some zeros
    return "".join("O" if c == "0" and R.random() < 0.6 else c for c in s)


def intl_foreign():
    """(number, country, adjective)"""
    c = wpick([(3, "fr"), (3, "es"), (3, "ie"), (3, "us")])
    if c == "fr":
        base = pick(["6 39 98", "1 99 00"])
        tail = f"{digits(2)} {digits(2)}"
        num = wpick(
            [
                (5, f"+33 {base} {tail}"),
                (2, f"+33 (0){base} {tail}"),
                (2, f"0033 {base} {tail}"),
                (1, ("+33" + base + tail).replace(" ", "")),
            ]
        )
        return num, pick(["France", "Brittany", "Paris", "the Dordogne"]), "french"
    if c == "es":
        d = "6" + digits(8)
        num = wpick(
            [
                (5, f"+34 {d[:3]} {d[3:6]} {d[6:]}"),
                (2, f"+34 {d}"),
                (2, f"0034 {d[:3]} {d[3:5]} {d[5:7]} {d[7:]}"),
                (1, f"+34-{d[:3]}-{d[3:6]}-{d[6:]}"),
            ]
        )
        return num, pick(["Spain", "Tenerife", "Malaga", "Mallorca"]), "spanish"
    if c == "ie":
        if R.random() < 0.75:
            d = pick(["83", "85", "86", "87", "89"]) + digits(7)
            num = wpick(
                [
                    (5, f"+353 {d[:2]} {d[2:5]} {d[5:]}"),
                    (2, f"+353 (0){d[:2]} {d[2:5]} {d[5:]}"),
                    (2, f"00353 {d[:2]} {d[2:]}"),
                    (1, f"+353{d}"),
                ]
            )
        else:
            d = "1" + digits(7)
            return f"+353 1 {d[1:4]} {d[4:]}", pick(["Ireland", "Dublin"]), "irish"
        return num, pick(["Ireland", "Dublin", "Galway", "Cork"]), "irish"
    area, place = pick(
        [
            ("212", "New York"),
            ("415", "San Francisco"),
            ("617", "Boston"),
            ("312", "Chicago"),
            ("202", "Washington"),
            ("305", "Florida"),
            ("416", "Toronto"),
            ("604", "Vancouver"),
        ]
    )
    tail = "01" + digits(2)
    num = wpick(
        [
            (4, f"+1 ({area}) 555-{tail}"),
            (3, f"+1 {area}-555-{tail}"),
            (2, f"+1 {area} 555 {tail}"),
            (1, f"001 {area} 555 {tail}"),
        ]
    )
    if area in ("416", "604"):
        return num, pick(["Canada", place]), "canadian"
    return num, pick(["the States", place]), "US"


def uk_phone() -> str:
    """A UK phone number in one of many written forms."""
    style = wpick(
        [
            (35, "nat"),
            (20, "intl"),
            (9, "faker"),
            (5, "fakercell"),
            (4.5, "spelled"),
            (3.5, "wordsplit"),
            (4.5, "spaced"),
            (3, "zwsp"),
            (3, "letterO"),
        ]
    )
    if style == "faker":
        return F.phone_number()
    if style == "fakercell":
        return F.cellphone_number()
    nat, groupings = _drama_national()
    fn = {
        "nat": fmt_national,
        "intl": fmt_intl,
        "spelled": fmt_spelled,
        "wordsplit": fmt_wordsplit,
        "spaced": fmt_spaced,
        "zwsp": fmt_zwsp,
        "letterO": fmt_letter_o,
    }[style]
    return fn(nat, groupings)


def uk_mobile() -> str:
    nat = "07700900" + digits(3)
    g = [[5, 6], [5, 3, 3], [4, 3, 4]]
    return wpick(
        [
            (6, lambda: fmt_national(nat, g)),
            (3, lambda: fmt_intl(nat, g)),
            (1, lambda: fmt_spelled(nat, g)),
        ]
    )()


# --------------------------------------------------------------------------- postcodes
INWARD = "ABDEFGHJLNPQRSTUWXYZ"
AREA2_1 = [
    "LS",
    "BD",
    "HX",
    "HD",
    "WF",
    "YO",
    "HG",
    "SK",
    "OL",
    "BL",
    "WN",
    "CH",
    "DE",
    "NG",
    "LE",
    "BS",
    "CF",
    "SA",
    "RG",
    "CR",
    "BR",
    "NR",
    "IP",
    "EX",
    "PL",
    "DH",
    "SR",
    "LA",
    "SY",
    "HR",
    "LN",
    "OX",
    "CB",
    "TN",
    "DN",
    "BT",
    "EH",
    "KY",
    "PH",
    "SE",
    "NW",
    "SW",
    "EC",
    "WC",
]
AREA2_2 = [
    "LS",
    "BD",
    "SK",
    "CH",
    "NE",
    "PR",
    "WF",
    "OL",
    "BB",
    "DN",
    "NG",
    "LE",
    "RG",
    "ST",
    "TS",
    "WA",
    "WS",
    "DY",
    "CV",
    "GU",
    "BT",
    "ME",
    "SE",
    "NW",
    "SW",
    "PO",
    "TW",
    "HA",
    "KT",
]
A9A = [
    "W1A",
    "W1B",
    "W1D",
    "W1F",
    "W1G",
    "W1H",
    "W1J",
    "W1K",
    "W1S",
    "W1T",
    "W1U",
    "W1W",
    "E1W",
    "N1C",
]
AA9A = [
    "SW1A",
    "SW1E",
    "SW1H",
    "SW1P",
    "SW1V",
    "SW1W",
    "SW1X",
    "SW1Y",
    "EC1A",
    "EC1M",
    "EC1N",
    "EC1R",
    "EC1V",
    "EC1Y",
    "EC2A",
    "EC2M",
    "EC2N",
    "EC2R",
    "EC2V",
    "EC3A",
    "EC3M",
    "EC3N",
    "EC3R",
    "EC3V",
    "EC4A",
    "EC4M",
    "EC4N",
    "EC4R",
    "EC4V",
    "EC4Y",
    "WC1A",
    "WC1B",
    "WC1E",
    "WC1H",
    "WC1N",
    "WC1R",
    "WC1V",
    "WC1X",
    "WC2A",
    "WC2B",
    "WC2E",
    "WC2H",
    "WC2N",
    "WC2R",
    "SE1P",
    "NW1W",
]


def inward() -> str:
    return f"{R.randint(0, 9)}{pick(INWARD)}{pick(INWARD)}"


def postcode_canonical() -> str:
    shape = wpick(
        [(14, "A9"), (16, "A99"), (26, "AA9"), (22, "AA99"), (8, "A9A"), (9, "AA9A"), (15, "faker")]
    )
    if shape == "faker":
        for _ in range(50):
            pc = F.postcode()
            # only the plain shapes, skipping Faker's "W0"/"CH04" districts and its made-up
            # letter-suffix districts ("N7E", "KW8H"); those shapes come from real lists below
            if re.match(r"^[A-Z]{1,2}[1-9][0-9]? [0-9][A-Z]{2}$", pc):
                return pc
    if shape == "A9":
        return f"{pick('BEGLMNSW')}{R.randint(1, 9)} {inward()}"
    if shape == "A99":
        return f"{pick('BEGLMNS')}{R.randint(10, 32)} {inward()}"
    if shape == "AA9":
        return f"{pick(AREA2_1)}{R.randint(1, 9)} {inward()}"
    if shape == "AA99":
        return f"{pick(AREA2_2)}{R.randint(10, 29)} {inward()}"
    if shape == "A9A":
        return f"{pick(A9A)} {inward()}"
    return f"{pick(AA9A)} {inward()}"


def postcode() -> str:
    pc = postcode_canonical()
    out, inn = pc.split(" ")
    form = wpick(
        [
            (60, "std"),
            (11, "nospace"),
            (10, "lower"),
            (6, "lowernospace"),
            (7, "mixed"),
            (3, "double"),
            (3, "nbsp"),
        ]
    )
    if form == "std":
        return pc
    if form == "nospace":
        return out + inn
    if form == "lower":
        return pc.lower()
    if form == "lowernospace":
        return (out + inn).lower()
    if form == "mixed":
        return pick(
            [
                out.capitalize() + " " + inn.lower(),
                out.lower() + " " + inn,
                out + " " + inn.lower(),
                out.capitalize() + inn.lower(),
            ]
        )
    if form == "double":
        return out + "  " + inn
    return out + NBSP + inn


# --------------------------------------------------------------------------- emails
WEBMAIL = [
    (22, "gmail.com"),
    (9, "hotmail.co.uk"),
    (6, "hotmail.com"),
    (8, "outlook.com"),
    (4, "live.co.uk"),
    (6, "yahoo.co.uk"),
    (3, "yahoo.com"),
    (7, "icloud.com"),
    (2, "me.com"),
    (6, "btinternet.com"),
    (3, "sky.com"),
    (2, "aol.com"),
    (2, "virginmedia.com"),
    (2, "googlemail.com"),
    (2, "talktalk.net"),
    (1, "outlook.co.uk"),
    (1, "ntlworld.com"),
]
HOBBY = ["bakes", "makes", "runs", "crafts", "cakes", "photos", "reads", "sews", "plays", "fit"]
TAGS = ["ebay", "school", "pta", "vinted", "shopping", "club", "fb", "orders"]


def email_parts():
    fn, ln = ascii_word(first_name()).lower() or "jo", ascii_word(last_name()).lower() or "smith"
    own = R.random() < 0.12
    if own:
        dom = pick(
            [
                f"{ln}family.co.uk",
                f"{fn}{ln}.co.uk",
                f"{fn}{ln}.com",
                f"the{ln}s.net",
                f"{fn}{pick(HOBBY)}.co.uk",
                f"{ln}.me.uk",
                f"{fn}-{ln}.uk",
            ]
        )
        local = pick(["hello", "me", fn, "hi", f"{fn}.{ln}", "contact", "mail"])
        return local, dom
    dom = wpick(WEBMAIL)
    yy = pick(
        [
            str(R.randint(70, 99)),
            str(R.randint(0, 12)).zfill(2),
            str(R.randint(1, 99)),
            str(R.randint(1975, 2001)),
        ]
    )
    local = wpick(
        [
            (14, f"{fn}.{ln}"),
            (9, f"{fn}{ln}"),
            (5, f"{fn[0]}{ln}"),
            (5, f"{fn}_{ln}"),
            (6, f"{fn}.{ln}{yy}"),
            (6, f"{fn}{ln}{yy}"),
            (3, f"{ln}.{fn}"),
            (5, f"{fn}+{pick(TAGS)}"),
            (4, f"{fn}.{ln}+{pick(TAGS)}"),
            (3, f"mrs{ln}"),
            (4, f"{fn}{pick(HOBBY)}"),
            (3, f"{fn[0]}.{ln}"),
            (3, f"{fn}.{pick('abcdeghjklmnprstw')}.{ln}"),
            (3, f"{fn}{yy}"),
            (2, f"{fn}-{ln}"),
            (2, f"{ln}{fn[0]}{yy}"),
        ]
    )
    return local, dom


def email() -> str:
    local, dom = email_parts()
    style = wpick(
        [
            (72, "plain"),
            (7, "at_dot"),
            (5, "brackets"),
            (4, "parens"),
            (3, "caps_words"),
            (3, "spaced"),
            (2, "braces"),
            (2, "at_only"),
            (2, "dot_local"),
        ]
    )
    if style == "plain":
        e = f"{local}@{dom}"
        r = R.random()
        if r < 0.07:
            e = ".".join(p.capitalize() for p in local.split(".")) + "@" + dom.capitalize()
        elif r < 0.1:
            e = e.upper()
        return e
    if style == "at_dot":
        return f"{local} at {dom.replace('.', ' dot ')}"
    if style == "brackets":
        return f"{local}[at]{dom.replace('.', '[dot]')}"
    if style == "parens":
        return f"{local} (at) {dom.replace('.', ' (dot) ')}"
    if style == "caps_words":
        return f"{local} AT {dom.replace('.', ' DOT ')}"
    if style == "spaced":
        return f"{local} @ {dom.replace('.', ' . ')}"
    if style == "braces":
        return f"{local}{{at}}{dom.replace('.', '{dot}')}"
    if style == "at_only":
        return f"{local}(at){dom}"
    return f"{local.replace('.', ' dot ')} at {dom.replace('.', ' dot ')}"


# --------------------------------------------------------------------------- negatives
def isbn13() -> str:
    body = "978" + pick(["0", "1"]) + digits(8)
    s = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(body))
    full = body + str((10 - s % 10) % 10)
    if R.random() < 0.5:
        return full
    return f"{full[:3]}-{full[3]}-{full[4:8]}-{full[8:12]}-{full[12]}"


def isbn10() -> str:
    body = "0" + digits(8)
    s = sum((10 - i) * int(c) for i, c in enumerate(body))
    chk = (11 - s % 11) % 11
    full = body + ("X" if chk == 10 else str(chk))
    if R.random() < 0.5:
        return full
    return f"{full[0]}-{full[1:3]}-{full[3:9]}-{full[9]}"


def ean13() -> str:
    body = "50" + digits(10)
    s = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(body))
    return body + str((10 - s % 10) % 10)


def nhs_number() -> str:
    while True:
        body = pick("469") + digits(8)
        s = sum(int(c) * (10 - i) for i, c in enumerate(body))
        chk = 11 - s % 11
        if chk == 11:
            chk = 0
        if chk != 10:
            full = body + str(chk)
            return pick([group(full, [3, 3, 4]), full, group(full, [3, 3, 4], "-")])


def reg_plate() -> str:
    age = pick([f"{R.randint(51, 74)}", f"{R.randint(2, 24):02d}"])
    return f"{letters(2, 'ABCDEFGHKLMNOPRSTVWY')}{age} {letters(3, 'ABCDEFGHJKLMNOPRSTUVWXY')}"


def a_time() -> str:
    h = R.randint(6, 21)
    m = pick(["00", "15", "30", "45", "10", "50", "05"])
    return wpick(
        [
            (4, f"{h:02d}:{m}"),
            (3, f"{(h - 1) % 12 + 1}.{m}{'am' if h < 12 else 'pm'}"),
            (2, f"{(h - 1) % 12 + 1}{'am' if h < 12 else 'pm'}"),
            (1, f"{h:02d}{m}"),
        ]
    )


def ordinal(d: int) -> str:
    return "th" if 11 <= d <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th")


def a_date() -> str:
    d, mo, y = R.randint(1, 28), R.randint(1, 12), pick([2024, 2025, 2025, 2026])
    return wpick(
        [
            (4, f"{d:02d}/{mo:02d}/{y}"),
            (2, f"{d:02d}/{mo:02d}"),
            (2, f"{d}.{mo}.{y % 100:02d}"),
            (2, f"{y}-{mo:02d}-{d:02d}"),
            (
                3,
                f"{pick(['Mon', 'Tues', 'Weds', 'Thurs', 'Fri', 'Sat', 'Sun'])} {d}{ordinal(d)} "
                f"{pick(MONTHS)}",
            ),
        ]
    )


def a_datetime() -> str:
    d, mo, y = R.randint(1, 28), R.randint(1, 12), pick([2024, 2025, 2026])
    t = f"{R.randint(7, 20):02d}:{pick(['00', '15', '30', '45', '05', '20'])}"
    return wpick(
        [
            (4, f"{d:02d}/{mo:02d}/{y} {t}"),
            (2, f"{d:02d}/{mo:02d}/{y}, {t}"),
            (2, f"{y}-{mo:02d}-{d:02d} {t}:00"),
            (2, f"{d:02d}/{mo:02d} at {t}"),
            (1, f"{d:02d}.{mo:02d}.{y} {t}"),
        ]
    )


def a_price() -> str:
    return wpick(
        [
            (3, f"£{R.randint(2, 60)}"),
            (2, f"£{R.randint(1, 40)}.{pick(['50', '99', '00', '25'])}"),
            (2, f"£{R.randint(1, 9)},{R.randint(0, 999):03d}.00"),
            (1, f"{R.randint(5, 50)} quid"),
            (1, f"£{R.randint(100, 950)}"),
            (1, f"£{R.randint(1, 3)},{R.randint(0, 999):03d}"),
        ]
    )


def small_price() -> str:
    return wpick(
        [
            (3, f"£{R.randint(2, 40)}"),
            (2, f"£{R.randint(1, 25)}.{pick(['50', '99', '00'])}"),
            (1, f"{R.randint(5, 30)} quid"),
            (1, f"£{R.randint(45, 120)} ono"),
        ]
    )


def a_score() -> str:
    a, b = R.randint(0, 6), R.randint(0, 5)
    return wpick(
        [
            (4, f"{a}-{b}"),
            (2, f"{a}–{b}"),
            (1, f"{a} - {b}"),
            (1, f"{R.randint(10, 35)}-{R.randint(6, 30)}"),
            (1, f"{R.randint(80, 140)}-{R.randint(70, 130)}"),
        ]
    )


def flight() -> str:
    return (
        pick(["BA", "EZY", "FR", "LS", "TOM", "U2", "EI", "BA", "W6"])
        + pick(["", " "])
        + pick([digits(4), "0" + digits(3), digits(3)])
    )


SCHOOL_NAMES = [
    "Oakfield",
    "Moorside",
    "Beckett Park",
    "Westwood",
    "Hollybush",
    "Fieldhead",
    "Greenhill",
    "Brudenell",
    "Rawdon",
    "Highfield",
    "Ashwood",
    "Lowtown",
    "Kingsmead",
    "Thornbury",
    "Millbrook",
    "Springbank",
    "Hawthorn",
    "Cliffe Hill",
]
SAINTS = ["Mary", "Peter", "Anne", "Joseph", "Chad", "Bede", "Aidan", "Hilda", "John", "Mark"]


def school_name() -> str:
    if R.random() < 0.3:
        return f"St {pick(SAINTS)}'s {pick(['CE', 'Catholic', 'C of E', ''])} Primary".replace(
            "  ", " "
        )
    kind = pick(["Primary", "Primary School", "Junior School", "Infant School", "Primary Academy"])
    return f"{pick(SCHOOL_NAMES)} {kind}"


def school_email() -> str:
    role = pick(
        [
            "office",
            "office",
            "admin",
            "enquiries",
            "head",
            "senco",
            "finance",
            "bursar",
            "info",
            "headteacher",
            "attendance",
            "pta",
            "reception",
            "sbm",
        ]
    )
    base = pick(SCHOOL_NAMES).lower().replace(" ", "")
    slug = pick(
        [
            f"{base}-primary",
            f"{base}pri",
            f"{base}primary",
            f"st{pick(SAINTS).lower()}s-pri",
            f"{base}.{pick(['leeds', 'bradford', 'kirklees', 'wakefield', 'calderdale', 'york'])}",
            f"{base}-jun",
            f"{base}-inf",
        ]
    )
    return f"{role}@{slug}.sch.uk"


def url() -> str:
    base = pick(SCHOOL_NAMES).lower().replace(" ", "")
    return pick(
        [
            f"www.{base}primary.co.uk",
            "https://www.gov.uk/school-term-holiday-dates",
            "bbc.co.uk/bitesize",
            f"bit.ly/{letters(2).lower()}{digits(2)}{letters(2).lower()}",
            "justgiving.com/page/"
            f"{pick(['team', 'the'])}-{base}-{pick(['10k', 'fun-run', 'bike-ride'])}",
            "www.eventbrite.co.uk/e/"
            f"{pick(['summer-fair', 'quiz-night', 'race-night'])}-tickets-{digits(12)}",
            "www.parentpay.com",
            f"tinyurl.com/{letters(3).lower()}{digits(3)}",
            f"https://forms.gle/{letters(6)}{digits(3)}",
            "www.ticketsource.co.uk",
            f"{base}-fc.co.uk/fixtures",
            "www.parkrun.org.uk",
        ]
    )


HANDLE_WORDS = [
    "mrs_p_teaches",
    "missjonesy4",
    "mr_t_pe",
    "oakfield_pri",
    "leedsrhinos",
    "parkrunUK",
    "the_tired_ta",
    "bakinginbrum",
    "senco_sarah",
    "caretaker_kev",
    "crafty_claire_",
    "y6_with_mrh",
    "moorsidefc_u10",
    "runnerbean82",
]


def handle() -> str:
    if R.random() < 0.4:
        return (
            "@"
            + ascii_word(first_name()).lower()
            + pick(["_", ".", ""])
            + ascii_word(last_name()).lower()[:6]
            + pick(["", digits(2)])
        )
    return "@" + pick(HANDLE_WORDS)


HASHTAGS = [
    "#SATs2025",
    "#Year6",
    "#teacher5aday",
    "#WorldBookDay",
    "#Y6Leavers2025",
    "#ukedchat",
    "#KS2",
    "#edutwitter",
    "#sportsday",
    "#fundraiser",
    "#parkrun",
    "#PTA",
    "#TeamY4",
    "#tired",
    "#100DaysOfSchool",
    "#schoolrun",
    "#shoplocal",
    "#U10s",
    "#proudcoach",
    "#MondayMotivation",
    "#teacherlife",
    "#marketplace",
]
NEARPC = [
    "the A1(M)",
    "J27 on the M62",
    "my P60",
    "the M6 toll",
    "the B6265",
    "the U11s",
    "A4 card",
    "flat 2B",
    "the 4G pitch",
    "Y6B",
    "COVID-19",
    "a Galaxy S23",
    "an iPhone 15",
    "a PS5",
    "the X84 bus",
    "the 7A bus",
    "Part 2",
    "the 3G pitch",
    "size 8",
    "the A61",
    "SE 124 372 grid ref",
    "a B12 jab",
    "the M1",
    "the A660",
    "T4 form",
    "K2 campsite",
    "Y5 and Y6",
    "the 36 bus",
    "F1 on sky",
    "R2-D2 lego",
]


ROADS = [
    "the A1(M)",
    "J27 on the M62",
    "the M6 toll",
    "the B6265",
    "the A61",
    "the M1",
    "the A660",
    "the A64",
    "J4 of the M621",
    "the A629",
    "the ring road",
    "the M60 at J12",
]
GIFTS = [
    "a PS5",
    "an iPhone 15",
    "a Galaxy S23",
    "R2-D2 lego",
    "an F1 lego car",
    "a Switch 2",
    "a V15 hoover",
    "an X-Box",
    "AirPods 3",
    "a T-Rex costume",
]


def lotto() -> str:
    return " ".join(f"{n:02d}" for n in sorted(R.sample(range(1, 60), 6)))


def os_grid() -> str:
    return f"{pick(['SD', 'SE', 'NY', 'SK', 'SU', 'TQ', 'NZ'])} {digits(3)} {digits(3)}"


NEG = {
    "ORDER": lambda: pick(
        [
            f"order no. {zl(pick([10, 11]))}",
            f"order #{zl(10)}",
            f"Order number: {group(zl(11), [5, 6])}",
            f"order ref {zl(11)}",
            f"order {group(zl(11), [4, 3, 4])}",
            f"order {zl(11)}",
        ]
    ),
    "TRACK": lambda: pick(
        [
            f"tracking no. {zl(11)}",
            f"tracking {group(zl(11), [5, 6])}",
            f"tracking number JD0{digits(15)}",
            f"tracking {letters(2)}{digits(9)}GB",
            f"DPD tracking {digits(14)}",
            f"Evri ref H0{letters(4)}{digits(10)}",
            f"parcel ref {group(zl(11), [4, 3, 4])}",
        ]
    ),
    "INV": lambda: pick(
        [
            f"invoice {zl(10)}",
            f"invoice no. INV-{zl(7)}",
            f"inv {group(zl(11), [4, 3, 4])}",
            f"invoice number {zl(11)}",
        ]
    ),
    "ACC": lambda: pick(
        [
            f"account no. {zl(8)}",
            f"acc no {zl(10)}",
            f"customer account {group(zl(11), [5, 6])}",
            f"account number {group(zl(10), [4, 3, 3])}",
            f"customer no. {zl(11)}",
        ]
    ),
    "MEM": lambda: pick(
        [
            f"membership no. {group('07' + digits(9), [4, 3, 4])}",
            f"membership number {zl(10)}",
            f"member no {zl(11)}",
            f"membership {group('07' + digits(9), [5, 6])}",
        ]
    ),
    "BOOK": lambda: pick(
        [
            f"booking ref {zl(10)}",
            f"booking reference {letters(2)}{digits(6)}",
            f"booking no. {group(zl(11), [4, 3, 4])}",
            f"booking {zl(11)}",
        ]
    ),
    "NHS": lambda: f"{pick(['NHS number', 'NHS no.', 'NHS no'])} {nhs_number()}",
    "REF": lambda: pick(
        [
            f"ref {zl(10)}",
            f"ref no. {group(zl(11), [4, 3, 4])}",
            f"reference {group(zl(11), [5, 6])}",
            f"our ref: {zl(11)}",
            f"ref: {group(zl(11), [3, 4, 4])}",
        ]
    ),
    "SORT": lambda: pick(
        [
            f"sort code {R.randint(1, 99):02d}-{digits(2)}-{digits(2)}, acc {digits(8)}",
            f"s/c {R.randint(1, 99):02d} {digits(2)} {digits(2)} a/c {zl(8)}",
            f"sort code {R.randint(1, 99):02d}{digits(4)} account {digits(8)}",
        ]
    ),
    "ISBN": lambda: pick([f"ISBN {isbn13()}", f"ISBN {isbn10()}", f"isbn {isbn13()}"]),
    "DT": a_datetime,
    "SERIAL": lambda: pick(
        [
            f"S/N {zl(11)}",
            f"serial no. {group(zl(11), [5, 6])}",
            f"serial number {letters(2)}{zl(9)}",
            f"SN {group(zl(11), [5, 6])}",
        ]
    ),
    "BARCODE": lambda: pick(
        [f"barcode {ean13()}", f"barcode 0 {digits(5)} {digits(5)} {digits(1)}"]
    ),
    "CASE": lambda: pick(
        [
            f"case no. {zl(4)}/{digits(4)}",
            f"case number {zl(11)}",
            f"claim no. {group(zl(11), [4, 3, 4])}",
            f"crime ref {digits(2)}/{digits(5)}/{digits(2)}",
            f"claim ref {zl(10)}",
        ]
    ),
    "FLIGHT": flight,
    "PCODE": lambda: pick(
        [
            f"product code {zl(5)} {digits(6)}",
            f"SN {zl(5)} {digits(6)}",
            f"model no. {letters(2)}-{zl(4)}",
            f"item code {zl(10)}",
            f"SKU {zl(11)}",
            f"part no. {group(zl(11), [4, 3, 4])}",
        ]
    ),
    "ROOM": lambda: pick(
        [
            f"room {R.randint(1, 30)}",
            f"rm B{R.randint(1, 20)}",
            f"Room 0.{R.randint(10, 40)}",
            f"room G{R.randint(1, 12):02d}",
            f"room {R.randint(100, 240)}",
        ]
    ),
    "CLS": lambda: pick(["Y6B", "6JT", "3C", "R/Y1", "4M", "Y2W", "5RH", "Y3/4", "6W", "Y1S"]),
    "REG": reg_plate,
    "HASH": lambda: pick(HASHTAGS),
    "HANDLE": handle,
    "SCHOOLEMAIL": school_email,
    "URL": url,
    "DBS": lambda: f"DBS cert no. {group('00' + digits(10), [4, 4, 4])}",
    "TRN": lambda: f"TRN {R.randint(1000000, 9999999)}",
    "COMPANY": lambda: f"company no. {zl(8)}",
    "CHARITY": lambda: f"charity no. {R.randint(1000000, 1199999)}",
    "TICKET": lambda: pick(
        [
            f"ticket no. {group(zl(10), [4, 3, 3])}",
            f"ticket {zl(4)}",
            f"raffle ticket {zl(3)}",
            f"ticket no. {group(zl(11), [4, 3, 4])}",
        ]
    ),
    "LOTTO": lotto,
    "PARKRUN": lambda: f"A{R.randint(100000, 9999999)}",
    "GRID": os_grid,
    "METER": lambda: pick(
        [f"meter serial {zl(10)}", f"meter reading 0{digits(4)}", f"MPAN {digits(13)}"]
    ),
    "PO": lambda: f"PO {zl(8)}",
    "CTAX": lambda: f"council tax ref {zl(10)}",
    "VAT": lambda: f"VAT no. GB {digits(3)} {digits(4)} {digits(2)}",
    "LIB": lambda: f"library card {zl(11)}",
    "RCPT": lambda: f"receipt no. {zl(10)}",
    "URN": lambda: f"URN {R.randint(100000, 149999)}",
    "NEARPC": lambda: pick(NEARPC),
    "ROAD": lambda: pick(ROADS),
    "GIFT": lambda: pick(GIFTS),
    "PRICE": a_price,
    "SCORE": a_score,
    "DATE": a_date,
    "TIME": a_time,
    "NOREPLY": lambda: pick(
        [
            "noreply@parentpay.com",
            "no-reply@amazon.co.uk",
            "donotreply@evri.com",
            "noreply@arbor-education.com",
            "no-reply@accounts.google.com",
        ]
    ),
    "PIN": lambda: (
        f"{pick(['class code', 'join code', 'game pin'])} "
        f"{letters(3).lower()}{digits(1)}{letters(2).lower()}"
    ),
    "KIT": lambda: f"{R.randint(1, 16):02d}",
}

# distractor sentences for positives and negatives alike
DISTRACT = [
    "still waiting on {ORDER} 🙄",
    "PS {CLS} assembly moved to {DT}",
    "({REF})",
    "{HASH}",
    "also {TRACK} hasn't moved in 4 days",
    "gates open {TIME}.",
    "{PRICE} each.",
    "#ad",
    "(final score {SCORE})",
    "follow {HANDLE}",
    "more info {URL}",
    "not the school one ({SCHOOLEMAIL})",
    "{HASH} {HASH}",
    "({DATE})",
    "PS {CLS} - {ROOM} after lunch",
    "{ROAD} is a nightmare today",
    "paid via {SORT}",
    "{BOOK}",
    "{GIFT} raffle prize still unclaimed!",
    "{YRWORD} cake sale {DATE}!",
]


# --------------------------------------------------------------------------- plain fillers
ITEMS = [
    "kids bike (16in wheels)",
    "Silver Cross pram",
    "cot bed + mattress",
    "school shoes size 13",
    "PE kit age 7-8",
    "slow cooker",
    "10ft trampoline",
    "Xbox One + 2 controllers",
    "baby walker",
    "dining table & 4 chairs",
    "wardrobe (flatpack, never built lol)",
    "Brownies uniform age 8",
    "micro scooter",
    "high chair",
    "box of reading books",
    "paddling pool",
    "isofix car seat",
    "rabbit hutch",
    "Dyson hoover",
    "Casio calculator",
    "football boots size 4",
    "ballet shoes size 11",
    "hair straighteners",
    "wetsuit age 9-10",
    "4 man tent",
    "bread maker",
    "grey 3 seater sofa",
    "bunk beds",
    "guinea pig cage",
    "3/4 size violin",
    "Lego Friends bundle",
    "netball post",
    "toddler bed",
    "air fryer",
    "glass fish tank",
    "garden bench",
    "nursery uniform (age 3-4)",
    "Kindle",
    "running buggy",
    "bag of girls clothes age 5-6",
    "Nintendo Switch lite",
    "keyboard + stand",
]
CONDITION = [
    "good nick",
    "barely used",
    "some wear",
    "v good condition",
    "like new",
    "used but fine",
    "well loved",
    "immaculate",
    "needs a clean",
]
CLUBS = [
    "Moorside FC U10s",
    "the netball club",
    "Headingley Juniors",
    "Rawdon Cricket Club",
    "the running club",
    "the swimming club",
    "Kirkstall Harriers",
    "Woodhouse Rugby",
    "the badminton group",
    "walking netball",
    "the Brownies",
    "Beavers",
    "the choir",
    "the dads' football",
    "Saturday tennis",
]
VENUES = [
    "the rugby club",
    "St Mark's church hall",
    "Roundhay Park",
    "the leisure centre",
    "the cricket club",
    "Kirkstall Abbey",
    "the scout hut",
    "Temple Newsam",
    "the community centre",
    "the Miners Welfare",
    "the village hall",
    "Golden Acre Park",
    "the Methodist church",
]
PLACES = [
    "Asda",
    "Tesco",
    "the park",
    "soft play",
    "the garden centre",
    "Meadowhall",
    "the White Rose",
    "the Trinity centre",
    "the swimming baths",
    "Aldi",
    "the pub",
    "the train station",
    "the dentist",
    "Yorkshire Sculpture Park",
    "Eureka",
    "the zoo",
    "the Deep",
]
SHOPS = [
    "Amazon",
    "Argos",
    "Next",
    "Currys",
    "Very",
    "Matalan",
    "John Lewis",
    "Dunelm",
    "ASOS",
    "Shein",
    "Tesco",
]
BOOKS = [
    "Wonder",
    "The Iron Man",
    "Holes",
    "Kensuke's Kingdom",
    "Skellig",
    "Goodnight Mister Tom",
    "Street Child",
    "The Explorer",
    "Varjak Paw",
    "Pig Heart Boy",
    "Cogheart",
    "The Wild Robot",
]
CARS = [
    "Ford Fiesta",
    "VW Polo",
    "Vauxhall Corsa",
    "Nissan Qashqai",
    "Kia Sportage",
    "Toyota Yaris",
    "Skoda Octavia",
    "Honda Jazz",
    "Fiat 500",
    "Mini Cooper",
]
DAYS = [
    "Mon",
    "Monday",
    "Tues",
    "Tuesday",
    "Weds",
    "Wednesday",
    "Thurs",
    "Thursday",
    "Fri",
    "Friday",
    "Sat",
    "Saturday",
    "Sun",
    "Sunday",
    "tomorrow",
    "tonight",
    "this weekend",
    "next Weds",
]
TOWNS = [
    "Leeds",
    "Headingley",
    "Horsforth",
    "Otley",
    "Wakefield",
    "Bradford",
    "Halifax",
    "Huddersfield",
    "Sheffield",
    "Rotherham",
    "York",
    "Harrogate",
    "Stockport",
    "Salford",
    "Bolton",
    "Wigan",
    "Chester",
    "Derby",
    "Nottingham",
    "Leicester",
    "Bristol",
    "Cardiff",
    "Swansea",
    "Reading",
    "Croydon",
    "Bromley",
    "Ealing",
    "Norwich",
    "Ipswich",
    "Exeter",
    "Plymouth",
    "Durham",
    "Sunderland",
    "Glasgow",
    "Belfast",
    "Lancaster",
    "Kendal",
    "Shrewsbury",
    "Hereford",
    "Lincoln",
    "Pudsey",
    "Morley",
    "Ilkley",
    "Keighley",
]
EMOJI = [
    "😂",
    "🙈",
    "❤️",
    "🙏",
    "👍",
    "😭",
    "🎉",
    "💪",
    "😩",
    "🤞",
    "x",
    "xx",
    "😊",
    "🥲",
    "⚽",
    "🍰",
    "🙄",
    "😬",
    "✨",
    "🌞",
    "🤣",
    "😅",
    "💕",
    "👀",
    "🤦‍♀️",
    "🥳",
]
PETS = [
    "Biscuit",
    "Luna",
    "Pickle",
    "Mr Whiskers",
    "Tigger",
    "Bella",
    "Smudge",
    "Oreo",
    "Poppy",
    "Milo",
]
MONTHS = ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"]
YEARWORDS = ["Year 6", "Yr 3", "year 4", "Y5", "Reception", "Year 1", "yr 2", "Y6", "Year 5"]


def town() -> str:
    return pick(TOWNS) if R.random() < 0.75 else F.city()


def street_address() -> str:
    return re.sub(r"\b0+(?=\d)", "", F.street_address().replace("\n", ", "))


PLAIN = {
    "first": first_name,
    "first2": first_name,
    "first3": first_name,
    "last": last_name,
    "name": lambda: f"{first_name()} {last_name()}",
    "item": lambda: pick(ITEMS),
    "item2": lambda: pick(ITEMS),
    "cond": lambda: pick(CONDITION),
    "price": small_price,
    "price2": small_price,
    "bigprice": lambda: f"£{R.randint(1, 12)},{R.randint(0, 999):03d}.{R.randint(0, 99):02d}",
    "town": town,
    "day": lambda: pick(DAYS),
    "day2": lambda: pick(DAYS),
    "time": a_time,
    "time2": a_time,
    "date": a_date,
    "em": lambda: pick(EMOJI),
    "club": lambda: pick(CLUBS),
    "school": school_name,
    "yr": lambda: pick(YEARWORDS),
    "place": lambda: pick(PLACES),
    "venue": lambda: pick(VENUES),
    "street": lambda: F.street_name(),
    "addr": street_address,
    "n": lambda: str(R.randint(2, 4)),
    "age": lambda: str(R.choice([7, 8, 9, 10, 11, 12])),
    "weight": lambda: f"{R.randint(5, 9)}lb {R.randint(0, 15)}oz",
    "pet": lambda: pick(PETS),
    "shop": lambda: pick(SHOPS),
    "book": lambda: pick(BOOKS),
    "car": lambda: pick(CARS),
    "miles": lambda: f"{R.randint(18, 140)},{R.randint(0, 999):03d}",
    "month": lambda: pick(MONTHS),
    "pct": lambda: str(R.randint(61, 99)),
    "seats": lambda: str(R.randint(33, 57)),
    "parktime": lambda: f"{R.randint(19, 38)}:{R.randint(0, 59):02d}",
    "steps": lambda: f"{R.randint(10, 31)},{R.randint(0, 999):03d}",
    "carprice": lambda: f"£{R.randint(1, 14)},{pick(['000', '250', '450', '500', '750', '995'])}",
    "YRWORD": lambda: pick(YEARWORDS),
    "hh": lambda: str(R.randint(2, 11)),
    "ss": lambda: f"{R.randint(0, 59):02d}",
    "age2": lambda: str(R.choice([7, 8, 9, 10, 11, 12])),
}

# --------------------------------------------------------------------------- templates
# (category, template).  category: post (post or comment), comment, bio, col (message to a
# colleague), pub (message to the public).  {P} UK phone, {M} UK mobile, {IP} foreign phone,
# {PC}/{PC2} postcode, {E}/{E2} email; UPPER-case slots are hard-negative fillers.
PHONE_T = [
    ("post", "{item} for sale, {cond}, {price}. collection {town}. text {P} {em}"),
    ("post", "Selling {item} - {price}. Can drop off after {time}. Call/text {P}"),
    ("post", "free to good home: {item}!! first to msg {P} gets it {em}"),
    ("post", "anyone want {item}? {price} or swap for {item2}. {P} (whatsapp only pls)"),
    ("post", "ISO {item} in good nick, budget about {price}. if u have one ring {P} ta"),
    (
        "post",
        "still available!! {item} {price}. collection only, pls dont just turn up, "
        "text first on {P}",
    ),
    ("post", "{item}, used twice, {price}. {P} - {first}"),
    (
        "post",
        "Clearing the loft: {item}, {item2}, loads of books. All free. Txt {P} for address {em}",
    ),
    (
        "post",
        "Sold pending collection. if it falls through I'll repost, or leave ur name & I'll ring. "
        "mine is {P}",
    ),
    (
        "post",
        "{club} training moved to {day} {time} due to the pitch. "
        "Any probs contact {first} on {P} ⚽",
    ),
    ("post", "U{age}s fixtures are out! Subs {price} by {date}. Queries to coach {first} {P}"),
    ("post", "Netball club - we need one more umpire for {day}. Can anyone help? ring me {P}"),
    ("post", "parkrun volunteers needed {day}, message {first} on {P} or just turn up at 8.30 🏃‍♀️"),
    ("post", "5-a-side {day} {time}, we're a man down. shout if ur free {P}"),
    ("post", "Lost: blue kit bag at {venue} after training. If found pls call {P} ({first}'s dad)"),
    ("post", "{club}: new season sign up {date}. Tel {P} {HASH}"),
    (
        "post",
        "Baby {first} arrived at {time} weighing {weight}!! 💙 "
        "phone is going mad so text dont ring {P}",
    ),
    ("post", "new number everyone!! {P} old one is dead, pls save {em}"),
    (
        "post",
        "Mum's in hospital again, if anyone needs me urgently my mobile is {P}. "
        "thanks for all the msgs ❤️",
    ),
    ("post", "got a new phone AND a new number lol, it's {P} now 🙈"),
    ("post", "Nan's 90th on {day}!! family pls RSVP to my sister {first} on {P}"),
    ("post", "lost my phone at {place} 😩 if anyone finds it pls ring my other half on {P}"),
    (
        "post",
        "our {pet} has gone missing round {town}, answers to her name. any sightings call {P} 🙏",
    ),
    ("post", "Dog sitter needed {day} - {day2}, will pay! {P} {em}"),
    (
        "post",
        "can anyone recommend a plumber?? boiler's packed in. or just ring me if u r one 😂 {P}",
    ),
    ("post", "{yr} teacher, part time tutor. KS2 maths & english, {price}/hr. ring or text {P}"),
    (
        "post",
        "Doing the raffle for {club}! tickets {price} a strip, "
        "text {P} and I'll put ur name down {em}",
    ),
    ("comment", "my number's {P} hun, ring me later x"),
    ("comment", "{P} text me and I'll send u the details"),
    ("comment", "mine! can collect {day}, {P}"),
    ("comment", "interested, is it still available? {P}"),
    ("comment", "ring {first} on {P}, she did ours and was fab"),
    ("comment", "I've got one u can borrow, text me {P} {em}"),
    ("bio", "TA at a lovely primary 🍎 | mum of {n} | nails by appt {P}"),
    ("bio", "Site manager. Fixer of all things 🔧 Weekend handyman - {P}"),
    ("bio", "Lunchtime supervisor & dog walker 🐾 Bookings: {P}"),
    ("bio", "Music tutor (piano/guitar) | DBS checked | {P} | {E}"),
    ("bio", "SENCo by day, baker by night 🧁 cake orders ☎️ {P}"),
    ("bio", "Office manager 📎 {town} born & bred | Tel: {P}"),
    ("bio", "PE coach & personal trainer. Book a session: {P} 💪 {HASH}"),
    ("bio", "School cook 🍲 | party catering | call {P}"),
    ("bio", "Cover supervisor. Runner. Mum. WhatsApp {P}"),
    ("bio", "Y{n} teacher 📚 | tutoring enquiries {P} (evenings)"),
    ("bio", "HLTA | Forest school leader 🌳 | mob: {P}"),
    ("col", "hiya can u cover my {yr} group {day} pm? got the dentist. if easier ring me on {P} x"),
    (
        "col",
        "trip to {place} is confirmed for {date}. Coach driver is {first}, "
        "his mobile is {P} if we get separated",
    ),
    ("col", "off sick today 🤒 plans are in the shared drive. if u cant find them ring {P}"),
    ("col", "New number! {P}. Pls update the staff whatsapp {em}"),
    (
        "col",
        "residential update: landed safe, all fine. emergency number this week is {P} (my mobile)",
    ),
    ("col", "I'm running late, stuck on {ROAD}. can someone open up {CLS}? call me {P}"),
    ("col", "for the risk assessment, lead on the day is {first}, contact {P}. {BOOK}"),
    ("col", "Happy to swap duties {day}. ring me tonight on {P} and we'll sort it"),
    ("col", "if anyone's stuck for a lift to the staff do, I'm driving. text {P} {em}"),
    ("pub", "Hi, yes still available. I'm at work til 4 but text {P} and we'll sort a time"),
    ("pub", "Thanks for your message - best to call me on {P} as I don't check here much"),
    ("pub", "hiya, it's collection from {town}. my number is {P}, text when u set off"),
    ("pub", "Hi! re the {item} - yes it's {price}. Ring me {P} after {time}"),
    ("pub", "Hi, I'm the secretary for {club}. Best to call me on {P} about trials"),
    ("post", "{P} ← new number, old phone went in the bath 🛁😂"),
    ("post", "ring me on {P} (have to write it like this or fb hides it 🙄)"),
    ("post", "my num {P} {em} don't all ring at once"),
    ("post", "Dad's number for anyone organising the funeral flowers: {P}. thank you all x"),
    ("post", "Selling {item} and {item2}. Tel: {P}. Paid via {SORT} or cash"),
    ("post", "{first} and I finally set a date!!! 💍 save it: {DATE}. Any Qs call me {P}"),
    (
        "post",
        "If anyone from {club} needs a lift {day} text {P}. Car's the silver {car}, reg {REG}",
    ),
    ("comment", "call me on {P} or email {E}"),
    ("post", "Holiday let in {town} free {date} - {date}. {price} a night. call {P} {em}"),
]
PHONE_INTL_T = [
    ("post", "in {country} til {day} 🌞 if anyone needs me my {nat} number is {IP}"),
    (
        "post",
        "{first}'s cousin is looking for a room in {town}, she's on {IP} (she's in {country} atm)",
    ),
    ("col", "exchange project contact in {country} is {first}, mobile {IP}. mornings are best"),
    ("post", "Moved to {country}!!! new number {IP} - whatsapp works the same {em}"),
    ("col", "I'm at my sister's in {country} over half term, if there's an emergency ring {IP}"),
    ("comment", "we used a lovely villa owner in {country}, {first}: {IP}"),
    ("bio", "Ex-{town} TA now teaching English in {country} 🌍 | {IP}"),
    ("pub", "Hi, I'm in {country} until the {hh}th, best to call {IP} or wait til I'm home"),
    ("post", "Aunt {first} in {country} wants to hear from everyone for her 70th! she's on {IP} ❤️"),
]
POSTCODE_T = [
    ("post", "we've moved!! new address is {addr}, {town} {PC} 🏡 cards welcome lol"),
    ("post", "Collection from {PC} only, {item} {price}"),
    ("post", "Car boot this {day} at {venue}, {PC}. Pitches {price}, gates open {TIME}"),
    ("post", "Sat nav people: the club's postcode is {PC}, not the old one!"),
    ("post", "parcel for {first} keeps going to {PC} instead of ours 🙄 anyone live near there?"),
    ("post", "lost cat near {PC} 😿 black with white paws, answers to {pet}"),
    ("post", "Bake sale at the church hall, {street}, {PC}. {date} 10-2. {HASH}"),
    ("post", "finally got the keys!!! {PC} here we come 🔑🎉"),
    ("post", "does anyone know a good plumber who covers {PC}? ours has retired"),
    ("post", "Match is at {venue}, {PC}. KO {TIME}, please arrive 30 mins early ⚽"),
    ("post", "Return address if ur sending the forms back: {name}, {addr}, {town}, {PC}"),
    ("post", "housewarming Saturday!! {addr}, {PC}. bring a bottle 🍾"),
    ("post", "We now deliver to {PC} and {PC2}! Orders by {day} {em}"),
    ("post", "satnav says {PC} but it's actually the lane behind the pub"),
    ("post", "who else is in {PC}? power's been off since 6am"),
    ("post", "{club} fun day! {venue}\n{addr}\n{town}\n{PC}\n{date}, {TIME} start"),
    ("post", "Wedding venue for anyone needing it: {venue}, {street}, {PC}. See u all {day} 💍"),
    ("post", "Free sofa, must collect from {PC} this weekend. No time wasters pls"),
    (
        "post",
        "can someone tell Royal Mail my postcode is {PC} not whatever they think it is 😂 {TRACK}",
    ),
    ("post", "our new little home in {town} ❤️ {addr}, {PC} - come for a brew"),
    ("post", "Lift share to {venue}? I'm leaving from {PC} at {TIME}"),
    ("post", "Leaflet drop done: all of {PC} and half of {PC2} 🥵 {steps} steps"),
    ("comment", "it's {PC} hun, opposite the Co-op"),
    ("comment", "postcode is {PC} x"),
    ("comment", "we're {PC}, is that too far?"),
    ("comment", "try {PC}, that gets u to the car park"),
    ("bio", "Forest school leader 🌳 | based {town} {PC} | {HASH}"),
    ("bio", "Childminder & TA 🧸 | {PC} area | Ofsted registered"),
    ("bio", "School crossing patrol & cake maker | collection {PC}"),
    ("col", "trip venue address for the risk assessment: {venue}, {addr}, {PC}"),
    ("col", "Coach pick up is from {venue}, {PC}, at {TIME}. {BOOK}"),
    ("col", "for the christmas card list, I've moved: {addr}, {town}, {PC} x"),
    ("col", "party at mine {day}! {addr}, {PC}. parking round the back"),
    ("pub", "collection is from {addr}, {PC}, any time after 5"),
    ("pub", "Hi, yes it's still here. I'm in {PC}, can u collect {day}?"),
    ("pub", "Hello, postcode for the hall is {PC}. Doors open {TIME}"),
    ("post", "Send donations for the hamper to {first} at {addr}, {PC} or drop in to {CLS}"),
    ("post", "{addr}\n{town} {PC}\nnew address, pls update ur books x"),
]
EMAIL_T = [
    ("post", "Selling {item} {price}. email {E} for pics"),
    ("post", "for cake orders pls email me {E} not the school one ({SCHOOLEMAIL})!!"),
    ("post", "new email everyone - {E}. the old hotmail got hacked 😩"),
    ("post", "Club secretary is now {first}, contact {E} for membership"),
    ("post", "anyone who wants the photos from the wedding, drop me an email at {E} 💍"),
    ("post", "PTA raffle prizes: email {E} if ur donating 🎁 {HASH}"),
    ("post", "lost my phone so reach me on {E} for now"),
    ("post", "fantasy football league: send ur team to {E} by {day} 🏆"),
    ("post", "tutoring available KS2 maths & english, {price}/hr. {E}"),
    ("post", "my email: {E} (dont spam me lol)"),
    ("post", "Selling tickets for the dinner ({club}) {price} each, email me on {E} {em}"),
    ("post", "If anyone wants a copy of the newsletter for {club} just email {E}"),
    ("post", "Can't believe it, {shop} sent my refund to {E} instead of my new one 🤦‍♀️ {ORDER}"),
    ("post", "Volunteers for {venue} litter pick {day}? email {E} 🌍"),
    ("post", "Baby shower for {first}!!! RSVP to {E} by {date} 💕"),
    ("post", "Christmas cards sorted 🎄 if I've missed u, email ur address to {E}"),
    ("comment", "mine's {E} ta x"),
    ("comment", "can u send it to {E}?"),
    ("comment", "email me {E} and I'll forward the form"),
    ("comment", "{E} - send me the link pls {em}"),
    ("bio", "Year 2 teacher by day 🍎 illustrator by night. commissions: {E}"),
    ("bio", "Cover supervisor | netball coach | {E}"),
    ("bio", "Office manager. Coffee first ☕ {E} for the choir, not school stuff"),
    ("bio", "Caretaker 🔧 | odd jobs quoted | {E}"),
    ("bio", "Dinner lady & crafter ✂️ orders: {E} | {HANDLE}"),
    ("bio", "Teaching assistant 🍎 {town} | {E}"),
    ("col", "can u send the planning to my personal one? {E} - school wifi is down again"),
    ("col", "here's my home email for the leaving do collection: {E}"),
    ("col", "send the trip photos to {E} and I'll sort the display"),
    ("col", "I'm off from {day}, anything urgent email {E} (I'll check once a day)"),
    ("pub", "Hi, please send the photos to {E} and I'll take a look"),
    ("pub", "Hiya, best to email me at {E} with ur address for the order"),
    ("pub", "Thanks for asking! all the info is on {URL} or email me {E}"),
    ("post", "Website's down so orders by email please: {E}. {PRICE} delivery"),
    ("post", "{first} and {first2} are getting married! 💍 gifts/queries to {E}"),
]
NEG_T = [
    ("post", "Amazon have lost my parcel AGAIN. {ORDER}, tracking says delivered {DT} 🙄"),
    ("post", "anyone else had a refund from {shop}? been waiting since {DATE}, {REF}"),
    ("post", "Subs for {club} are {price}. Bank transfer: {SORT}, use ur child's name as ref"),
    ("post", "Selling {item}, {price}. Still boxed, {SERIAL}, receipt included"),
    ("post", "Reading {book} with Y6 this term ({ISBN}), anyone got a spare class set?"),
    ("post", "Flight {FLIGHT} delayed 3 hrs 😭 landing {TIME} now"),
    ("post", "Car for sale: {car}, reg {REG}, {miles} miles, MOT til {month}. {carprice}"),
    ("post", "We won {SCORE}!!! so proud of the U{age}s ⚽ {HASH}"),
    ("post", "Just found my {DBS} buried in a drawer, only took 3 hrs to find"),
    ("post", "{CLS} assembly {day} at {TIME} in the hall. bring tissues 😭"),
    ("post", "{ROOM} is freezing again, has anyone told the site team? {DT}"),
    ("post", "for anyone asking, the school office email is {SCHOOLEMAIL} 👍"),
    ("post", "Follow {HANDLE} for match updates!! {HASH}"),
    ("post", "parkrun pb!!! {parktime} at {place} 🏃‍♀️ barcode {PARKRUN} finally got scanned"),
    ("post", "{BOOK} for the residential, {PRICE} deposit paid {DT}"),
    ("post", "{TICKET} won the hamper at the christmas fair!! 🎄"),
    ("post", "Mortgage approved 🏠 {CASE}, completion {DATE}"),
    ("post", "catch me at the gym dot {TIME} tomorrow, no excuses 💪"),
    ("post", "Lottery numbers this week: {LOTTO}. not a single one 😂"),
    ("post", "{MEM} - if anyone from the leisure centre reads this my card still doesn't work"),
    ("post", "Tesco delivery slot {DT}, {ORDER}. fingers crossed no substitutions"),
    ("post", "NHS app says my {NHS}, why do I need it just to book a flu jab 🙃"),
    ("post", "scanned {BARCODE} on the self checkout and it came up as bananas 😂"),
    ("post", "{PCODE} is the Lego set everyone in {CLS} wants for xmas. sold out everywhere"),
    ("post", "{club} AGM: 14 present, balance {bigprice}, {CHARITY}. Thanks all"),
    ("post", "walked {steps} steps today, new record 🚶‍♀️ {HASH}"),
    ("post", "Summer fair tickets here: {URL} {em}"),
    ("post", "Y6 SATs results: {pct}% at expected, up from last year. {HASH}"),
    ("post", "walk on Sunday, meet at grid ref {GRID}, 9am sharp. boots!"),
    ("post", "Companies House says my {COMPANY}... I only sell candles 🕯"),
    ("post", "{price} for a school jumper?! {em}"),
    ("post", "{ORDER} just arrived, 3 weeks late. customer service didn't even answer the phone"),
    ("post", "won {SCORE} on penalties!!! {HANDLE} {HASH}"),
    ("post", "meet at the front gates @ {TIME}, on the dot please"),
    ("post", "I'm at the pub dot dot dot come find me {em}"),
    ("post", "email the office ({SCHOOLEMAIL}) not me, I'm on mat leave!! 👶"),
    ("post", "train at {TIME} from {town} cancelled. then the {time2}. love northern"),
    ("post", "{METER} - putting it here so I don't lose it again 😂"),
    ("post", "{CLS} won the attendance cup with {pct}% 🏆"),
    ("post", "Kit numbers sorted: {KIT} {first}, {KIT} {first2}, {KIT} {first3}. {club}"),
    ("post", "Quiz night score {SCORE}, came 3rd out of 12 teams 🍺"),
    ("post", "happy 10th anniversary to us 💍 married {DATE} at {TIME} and still going"),
    ("post", "wifi router {SERIAL} keeps dropping out, any ideas?"),
    ("post", "Sponsored walk raised {bigprice}!!! thank u all ❤️ {URL}"),
    ("post", "prices: adults {price}, kids {price2}. gates {TIME}. {venue}"),
    ("post", "our Ofsted report is out ({URN}) and it's GOOD!!! 🎉"),
    ("post", "{TRACK} says 'with courier' for 6 days now"),
    ("post", "{PO} for the new PE kit, sent to finance {DT}"),
    ("post", "if anyone sees a car in the staff car park with its lights on, {REG} is mine 🙈"),
    ("post", "{YRWORD} trip: coach leaves {TIME}, back by {time2}. Packed lunch & wellies!"),
    ("post", "{CASE} from the insurers, they want photos of the dent 🙄"),
    ("post", "{CTAX} - anyone know how to appeal band D?"),
    ("post", "paid {PRICE} for parking at the hospital. {RCPT}. robbery"),
    ("post", "Bus {hh} was a no show at {TIME}, late for school again"),
    ("post", "Our flight is {FLIGHT} on {DATE}, gate closes {TIME} 🌴"),
    ("post", "{VAT} on the receipt from the PTA supplier, for whoever does the accounts"),
    ("post", "{PIN} for the class quiz, see u all at {TIME}!"),
    ("post", "Scorecard: {first} 42 off 31, {first2} 3-17 🏏 won by {hh} wickets"),
    ("post", "{LIB} expired, 14 books overdue and a {PRICE} fine 😬"),
    ("post", "{HASH} {HASH} {HASH} first week done!!"),
    ("post", "stuck on {ROAD} for an hour. {ROAD} was no better"),
    ("post", "got {GIFT} for his birthday, {price} from marketplace"),
    ("post", "Invoice for the bouncy castle ({INV}) paid, {PRICE}. Fair is ON {em}"),
    ("post", "renewed my {ACC} online and it still says expired {DT}"),
    ("post", "{item} for sale, {price}. Collection only, message me on here. {HASH}"),
    ("post", "Selling {item}, {cond}, {price}. PM me, no offers {em}"),
    ("post", "FREE {item}, collection {town}. dm me!"),
    ("post", "{club} results: U{age}s won {SCORE}, U{age2}s drew {SCORE}. training {day} {TIME}"),
    ("post", "Baby {first} is here!!! arrived {TIME} this morning, {weight} 💙"),
    ("post", "{first} passed her driving test!! first time! 🚗 {HASH}"),
    ("post", "30 years since class of 1995 left {school}, reunion {DATE}!"),
    ("post", "message me on here for tickets ({club}), {price} each {em}"),
    ("post", "got an email from {NOREPLY} saying my payment failed. its not failed!!"),
    ("post", "me at the beach dot jpg 😂 {HASH}"),
    ("post", "check out {HANDLE} on insta, she made {first}'s cake {em}"),
    ("post", "Dinner at {TIME}, films at {time2}. booked under {first}, {BOOK}"),
    ("post", "car reg {REG} blocking the school gates AGAIN. u know who u are"),
    ("post", "Marathon training: {hh} miles this morning at 9:{ss}/mile 💪 {HASH}"),
    ("comment", "{ORDER} here, same problem"),
    ("comment", "ours was {ISBN}, the new edition"),
    ("comment", "{SCORE} was robbery 😤"),
    ("comment", "ring the office hun, or email {SCHOOLEMAIL}"),
    ("comment", "dm me {em}"),
    ("comment", "I'm at the park dot com 😂 (aka the swings, come find us)"),
    ("comment", "use code {CLS} at the door, it's {price}"),
    ("comment", "mine came {DT}, {TRACK}"),
    ("comment", "follow {HANDLE} they post all the fixtures"),
    ("comment", "same!! {REF} and still nothing"),
    ("bio", "Y4 teacher 🍎 | {HANDLE} | views my own | {HASH}"),
    ("bio", "School business manager | numbers nerd 📊 | est. 2009"),
    ("bio", "Caretaker at {school} since 1998 🔧 | rugby league | {HASH}"),
    ("bio", "TA | Forest school | {HANDLE} on insta for crafts ✂️"),
    ("bio", "SENCo | mum of {n} | {parktime} parkrun pb | {HASH}"),
    ("bio", "PE lead ⚽ {club} coach | FA Level 2 | {HANDLE}"),
    ("bio", "Office manager at {school}. School enquiries to {SCHOOLEMAIL} please, not here!"),
    ("bio", "Teacher. Reader. Tea drinker ☕ {book} fan | {HASH}"),
    ("bio", "Lunchtime supervisor & {club} volunteer | est. 1987 | she/her"),
    ("bio", "HLTA 🍎 | {town} | Year 6 survivor 2024 🏆"),
    ("bio", "Music teacher 🎹 | Grade 8 piano | {URL}"),
    ("col", "Cover for {CLS} {day} P3-4, {ROOM}. Plans in the shared drive, folder {YRWORD}"),
    ("col", "coach firm confirmed {BOOK}, pick up {TIME}, {seats} seats"),
    ("col", "the minibus reg is {REG}, keys are in the office"),
    ("col", "can u chase {INV} with finance? it's {PRICE} and overdue since {DATE}"),
    ("col", "my {DBS} if the agency asks, cheers"),
    ("col", "{TRN} if HR needs it for the form x"),
    ("col", "residential {BOOK}, balance {PRICE} due {DATE}. {ROOM} for the meeting at {TIME}"),
    ("col", "swapped duties: u have {day} {TIME}, I'll do {day2}. {CLS} have PE {time2}"),
    (
        "col",
        "the trip is {DATE}, coach {TIME}. risk assessment is on the drive, {ROOM} after school",
    ),
    ("col", "Supply {INV} came through, can u sign it off before {day}?"),
    ("col", "parents evening {DATE}, my slots start {TIME}. I'm in {ROOM}"),
    ("col", "ordered the new reading books, {ORDER}, should arrive {day}"),
    ("col", "email the office at {SCHOOLEMAIL} to book the hall, they'll sort it"),
    ("col", "Flight {FLIGHT} lands {TIME} so I'll be in by period 3"),
    ("pub", "Hi, the {item} is still available. Collection only, cash on pickup. Cheers"),
    ("pub", "Hello, please book via {URL} - we can't take bookings here"),
    ("pub", "Hi, thanks for ur interest! {price} firm. Can do {day} after {TIME}"),
    ("pub", "Hi, for school admissions please contact {SCHOOLEMAIL}, I can't help on here sorry"),
    ("pub", "Hi! yes we still have spaces for U{age}s, training {day} {TIME} at {venue}"),
    ("pub", "Thanks! payment to {SORT} please, ref ur surname"),
    ("pub", "Hiya, it's {PRICE} inc postage, {ORDER} on my etsy if u prefer"),
]


def slot_value(field: str, cache: dict):
    if field in cache:
        return cache[field]
    if field == "P" or field == "P2":
        v = V(PHONE, uk_phone())
    elif field == "M":
        v = V(PHONE, uk_mobile())
    elif field == "IP":
        num, country, nat = intl_foreign()
        cache["country"], cache["nat"] = country, nat
        v = V(PHONE, num)
    elif field in ("PC", "PC2"):
        v = V(POSTCODE, postcode())
    elif field in ("E", "E2"):
        v = V(EMAIL, email())
    elif field in NEG:
        v = NEG[field]()
        if field in ("KIT", "HASH", "NEARPC", "SCORE", "ROAD", "GIFT"):
            return v  # may differ each time it is used
    elif field in PLAIN:
        v = PLAIN[field]()
    else:
        raise KeyError(field)
    cache[field] = v
    return v


FMT = string.Formatter()


def typo(word: str) -> str:
    i = R.randrange(1, len(word) - 2)
    kind = R.random()
    if kind < 0.5:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind < 0.8:
        return word[:i] + word[i + 1 :]
    return word[:i] + word[i] + word[i:]


def render(cat: str, tpl: str, distract: bool):
    cache: dict = {}
    fields = [f for _, f, _, _ in FMT.parse(tpl) if f]
    if "IP" in fields:
        slot_value("IP", cache)
    parts = []  # [text, rule or None, is_template_literal]
    for lit, field, _spec, _conv in FMT.parse(tpl):
        if lit:
            parts.append([lit, None, True])
        if field:
            v = slot_value(field, cache)
            if isinstance(v, V):
                parts.append([v.text, v.rule, False])
            else:
                parts.append([str(v), None, False])
    if distract:
        d = pick(DISTRACT)
        dparts = []
        for lit, field, _s, _c in FMT.parse(d):
            if lit:
                dparts.append(lit)
            if field:
                dparts.append(str(slot_value(field, {}) if field not in PLAIN else PLAIN[field]()))
        sent = "".join(dparts)
        if R.random() < 0.75 or cat == "bio":
            parts.append([" " + sent, None, False])
        else:
            parts.insert(0, [sent + " ", None, False])
    # voice: lower case, typos, emoji (never inside a labelled value)
    if cat in ("post", "comment", "col", "pub") and R.random() < 0.22:
        for p in parts:
            if p[1] is None:
                p[0] = p[0].lower()
    if R.random() < 0.15:
        cands = [
            (i, m)
            for i, p in enumerate(parts)
            if p[2]
            for m in re.finditer(r"\b[a-zA-Z]{5,}\b", p[0])
        ]
        if cands:
            i, m = pick(cands)
            s = parts[i][0]
            parts[i][0] = s[: m.start()] + typo(m.group()) + s[m.end() :]
    if R.random() < 0.18 and parts[-1][1] is None:
        parts.append([" " + pick(EMOJI), None, False])
    text, spans = "", []
    for s, rule, _lit in parts:
        if rule:
            spans.append({"rule": rule, "start": len(text), "end": len(text) + len(s), "_value": s})
        text += s
    return text, spans


# --------------------------------------------------------------------------- self-checks
# Light sanity checks written for this generator (not the detector): text outside the
# labelled spans must not contain anything a reader would take for a phone, postcode or
# personal email that we failed to label.
_PC_SHAPE = re.compile(r"\b[A-Za-z]{1,2}[0-9][A-Za-z0-9]?[\s\u00a0]*[0-9][A-Za-z]{2}\b")
_EMAIL_SHAPE = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_DRAMA = re.compile(r"07700|\+44|0044|\+33|\+34|\+353|\+1 |01632|7946|496 ?0|2018 ?0|9018 ?0")
_OK_EMAIL = re.compile(r"(\.sch\.uk|^no-?reply@|^donotreply@)", re.I)


def outside(text: str, spans) -> str:
    chars = list(text)
    for s in spans:
        for i in range(s["start"], s["end"]):
            chars[i] = "\x00"
    return "".join(chars)


def clean_outside(text: str, spans) -> bool:
    rest = outside(text, spans)
    if _PC_SHAPE.search(rest):
        return False
    for m in _EMAIL_SHAPE.finditer(rest):
        if not _OK_EMAIL.search(m.group()):
            return False
    return not _DRAMA.search(rest)


# --------------------------------------------------------------------------- build
def make(templates, n, label, distract_p, seen):
    out = []
    tries = 0
    while len(out) < n:
        tries += 1
        if tries > n * 60:
            raise RuntimeError(f"could not make {n} {label} records")
        cat, tpl = pick(templates)
        text, spans = render(cat, tpl, R.random() < distract_p)
        if not (20 <= len(text) <= 280) or text in seen:
            continue
        if not clean_outside(text, spans):
            continue
        if cat == "post":
            kind, to = ("comment" if R.random() < 0.12 else "post"), None
        elif cat == "comment":
            kind, to = "comment", None
        elif cat == "bio":
            kind, to = "profile:bio", None
        elif cat == "col":
            kind, to = "message", "colleague"
        else:
            kind, to = "message", "public"
        for s in spans:
            assert text[s["start"] : s["end"]] == s.pop("_value"), (text, s)
        seen.add(text)
        out.append(
            {
                "class": label,
                "text": text,
                "kind": kind,
                "to": to,
                "expected": [
                    {"rule": s["rule"], "start": s["start"], "end": s["end"]} for s in spans
                ],
            }
        )
    return out


def build():
    seen: set = set()
    recs = []
    n_intl = 24
    recs += make(PHONE_T, N_PHONE - n_intl, "phone", 0.25, seen)
    recs += make(PHONE_INTL_T, n_intl, "phone", 0.15, seen)
    recs += make(POSTCODE_T, N_POSTCODE, "postcode", 0.2, seen)
    recs += make(EMAIL_T, N_EMAIL, "email", 0.2, seen)
    recs += make(NEG_T, N_NEG, "negative", 0.3, seen)
    R.shuffle(recs)
    lines = []
    for i, r in enumerate(recs, 1):
        lines.append(
            {
                "id": f"pii4-{i:04d}",
                "text": r["text"],
                "kind": r["kind"],
                "to": r["to"],
                "expected": r["expected"],
            }
        )
    return lines


def check(path: Path) -> None:
    rows = [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    ids, texts = set(), set()
    per_class, per_rule, kinds = Counter(), Counter(), Counter()
    for r in rows:
        assert set(r) == {"id", "text", "kind", "to", "expected"}, r
        assert r["id"] not in ids and r["text"] not in texts, r["id"]
        ids.add(r["id"]), texts.add(r["text"])
        t = r["text"]
        assert 20 <= len(t) <= 280, (r["id"], len(t))
        assert r["kind"] in ("post", "comment", "profile:bio", "message"), r
        assert (r["kind"] == "message") == (r["to"] in ("colleague", "public")), r
        assert r["to"] in (None, "colleague", "public"), r
        last = -1
        for e in sorted(r["expected"], key=lambda e: e["start"]):
            assert e["rule"] in RULES, r
            assert 0 <= e["start"] < e["end"] <= len(t) and e["start"] >= last, r
            assert t[e["start"] : e["end"]].strip() == t[e["start"] : e["end"]], r
            last = e["end"]
            per_rule[e["rule"]] += 1
        assert clean_outside(t, r["expected"]), r["id"]
        rs = {e["rule"] for e in r["expected"]}
        per_class["negative" if not rs else "+".join(sorted(x.split(".")[-1] for x in rs))] += 1
        kinds[(r["kind"], r["to"])] += 1
    print(f"{path}: {len(rows)} records, all spans verified")
    print("records by class:", dict(sorted(per_class.items())))
    print("spans by rule:   ", dict(sorted(per_rule.items())))
    print(
        "kinds:           ",
        {f"{k}{'/' + t if t else ''}": n for (k, t), n in sorted(kinds.items(), key=str)},
    )
    sample = random.Random(SEED + 1).sample(rows, 10)
    print("10 random lines:")
    for r in sample:
        print(json.dumps(r, ensure_ascii=False))


def main(argv):
    if "--check" not in argv:
        lines = build()
        OUT.parent.mkdir(parents=True, exist_ok=True)
        with OUT.open("w", encoding="utf-8") as fh:
            for rec in lines:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    check(OUT)


if __name__ == "__main__":
    main(sys.argv[1:])
