"""Blind held-out set #3 for the UK phone, postcode and email detectors.

    .venv/bin/python datasets/heldout/make_pii_heldout3.py
        [--seed 202511253] [--out src/safepractice/engine/tests/data/heldout/pii3.jsonl]

What it is
    1,000 short texts (20-280 characters) of the kind staff at a UK primary school write:
    posts, comments, profile bios and messages (to a colleague or to the public), in the
    voice people actually use (lower case, abbreviations, emoji, the odd typo).

    * 300 records built around a phone number: Ofcom drama-range mobiles and landlines
      (07700 900xxx, 020 7946 0xxx, 0113/0114/.../0161 496 0xxx, 0191 498 0xxx, 01632
      960xxx, 028 9649 6xxx, 029 2018 0xxx, 03069 990xxx) and Faker en_GB numbers, written
      with spaces, dashes, dots, brackets, +44, +44 (0), 0044, no spaces, digits partly
      in words ("07700 nine hundred 123"), fully spelled out ("oh seven seven ..."),
      spaced out ("0 7 7 0 0 ..."), with a zero-width space inside, or with the letter O
      for zero; plus French, Spanish, Irish and US numbers written as international
      numbers (+33, +34, +353, +1; the US ones in the fictional 555-01xx range).
    * 150 records built around a UK postcode, every shape (A9 9AA, A99 9AA, AA9 9AA,
      AA99 9AA, A9A 9AA, AA9A 9AA) plus Faker's, in upper, lower and mixed case, with
      and without the space, in a full address or on their own.
    * 150 records built around a personal email address (webmail, ISP and own-domain
      addresses, dots and plus tags) including obfuscated forms ("name at gmail dot
      com", "name[at]hotmail[dot]co[dot]uk", "name (at) outlook (dot) com", ...).
    * 400 hard negatives with no phone number, postcode or personal email, but full of
      things that look like one: order/invoice/tracking/account/membership/booking/
      NHS/DBS/meeting-ID/reference numbers (many starting with 0 and 10-11 digits long,
      some grouped exactly like a phone number), sort codes and account numbers, ISBNs,
      barcodes, serial and product codes, dates and times, prices, years, scores,
      lottery numbers, counting and spelled-out number rhymes, flight numbers, room
      numbers, "Year 6" / "Y6B", vehicle registrations ("AB12 CDE"), motorways ("M62"),
      hashtags, @handles, school office and council addresses (institutional, not
      personal), web addresses, and "at ... dot" phrases that are not emails.

    About one positive in five also carries a hard-negative look-alike, and a
    few positives carry a second value (a second phone, an email, an address).

    Expected spans cover exactly the value as written (for "+44 (0)20 7946 0958" the whole
    thing; for an obfuscated email the whole "name at gmail dot com"). They are computed
    when the value is inserted and the script asserts text[start:end] == value.

How it was made (blind)
    Written from the brief alone, without opening the detectors, their tests, the
    existing data sets or the other datasets/heldout/make_* scripts, and without running the
    detector while writing the templates. The only inputs are the hand-written templates
    and word lists below, Python's random.Random(SEED) and Faker en_GB seeded with SEED;
    nothing is downloaded. Same seed + same Faker version -> byte-identical output
    (written with Faker 40.63.0). Faker's own numbers and postcodes are kept as Faker
    writes them, odd ones included (e.g. a 10-digit "029 2018957", "LS0N 8QU").

Output: JSON lines, {"id", "text", "kind", "to", "expected": [{"rule", "start", "end"}]};
kinds "post", "comment", "profile:bio", "message" (to "colleague" or "public").
Score with `safepractice eval .../pii3.jsonl` (ideally `--only personal-information.phone`
etc. per rule if other personal-information rules exist: some negatives contain NHS
numbers and bank details on purpose, which are not phones/postcodes/emails).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import unicodedata
from collections import Counter
from pathlib import Path

from faker import Faker

SEED = 202511253
ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "src/safepractice/engine/tests/data/heldout/pii3.jsonl"

PHONE = "personal-information.phone"
POSTCODE = "personal-information.postcode"
EMAIL = "personal-information.email"

N_PHONE, N_POSTCODE, N_EMAIL, N_NEG = 300, 150, 150, 400

KIND_WEIGHTS = {"post": 58, "comment": 17, "bio": 10, "msgc": 9, "msgp": 6}

# --------------------------------------------------------------------------------------
# Small hand-written word lists (no external data)
# --------------------------------------------------------------------------------------

SCHOOLS = [
    ("Oakfield Primary", "oakfield-primary.sch.uk"),
    ("St Mary's CE Primary", "stmarys-ce.leeds.sch.uk"),
    ("Highfield Primary", "highfield.kirklees.sch.uk"),
    ("Meadowbank Primary", "meadowbankprimary.co.uk"),
    ("Brook Lane Primary", "brooklane.bradford.sch.uk"),
    ("Ashgrove Juniors", "ashgrovejuniors.org.uk"),
    ("Holy Trinity RC Primary", "holytrinity.wakefield.sch.uk"),
    ("Westfield Infants", "westfield-inf.sch.uk"),
]
OFFICE_ROLES = [
    "office",
    "admin",
    "head",
    "senco",
    "bursar",
    "enquiries",
    "finance",
    "headteacher",
    "office.staff",
    "y6",
    "reception",
    "pta",
    "attendance",
    "safeguarding",
    "clerk",
    "hr",
]
OTHER_INSTITUTIONAL = [
    "enquiries@leeds.gov.uk",
    "admissions@bradford.gov.uk",
    "schools@kirklees.gov.uk",
    "help@parentpay.com",
    "support@classdojo.com",
    "info@wakefield.gov.uk",
    "contact@ofsted.gov.uk",
    "noreply@arbor-education.com",
]

EMOJI = [
    "😂",
    "🙏",
    "😭",
    "🙄",
    "😩",
    "❤️",
    "🥰",
    "👍",
    "🎉",
    "😅",
    "🤞",
    "✨",
    "💙",
    "😬",
    "🤣",
    "🙈",
    "😊",
    "👀",
    "🍎",
    "📚",
    "☕",
    "🏃‍♀️",
    "👩‍🏫",
    "🥳",
    "😤",
    "💪",
    "🌈",
    "x",
    "xx",
    "xxx",
    "lol",
    "haha",
]

DAYS = [
    "monday",
    "Tuesday",
    "wed",
    "Thursday",
    "Friday",
    "fri",
    "Saturday",
    "sat",
    "sunday",
    "Sunday",
]
TIMES = [
    "7pm",
    "half 6",
    "19:30",
    "8ish",
    "6.30",
    "3.15",
    "10am",
    "noon",
    "2pm",
    "4ish",
    "teatime",
]
TOWN_BY_AREA = {
    "LS": ["Leeds", "Otley", "Horsforth", "Headingley", "Pudsey", "Morley"],
    "BD": ["Bradford", "Keighley", "Shipley", "Bingley"],
    "HX": ["Halifax", "Sowerby Bridge"],
    "HD": ["Huddersfield", "Holmfirth"],
    "WF": ["Wakefield", "Ossett", "Pontefract"],
    "YO": ["York", "Selby"],
    "HG": ["Harrogate", "Knaresborough"],
    "S": ["Sheffield"],
    "M": ["Manchester", "Salford"],
    "B": ["Birmingham"],
    "L": ["Liverpool"],
    "G": ["Glasgow"],
    "E": ["London"],
    "N": ["London"],
    "W": ["London"],
    "CR": ["Croydon"],
    "HU": ["Hull", "Beverley"],
    "DN": ["Doncaster", "Goole"],
    "NE": ["Newcastle"],
    "SK": ["Stockport"],
    "OL": ["Oldham", "Rochdale"],
    "BS": ["Bristol"],
    "CF": ["Cardiff"],
    "EC": ["London"],
    "SW": ["London"],
    "WC": ["London"],
    "SE": ["London"],
    "NW": ["London"],
}
ALL_TOWNS = sorted({t for v in TOWN_BY_AREA.values() for t in v})
STREET_SUFFIX = [
    "Road",
    "Street",
    "Avenue",
    "Close",
    "Lane",
    "Crescent",
    "Grove",
    "Terrace",
    "Drive",
    "Way",
    "Mount",
    "Gardens",
    "View",
    "Rise",
    "Court",
]
BOOKS = [
    "Holes",
    "Wonder",
    "Kensuke's Kingdom",
    "The Iron Man",
    "Skellig",
    "Goodnight Mister Tom",
    "Street Child",
    "Cogheart",
    "The Explorer",
    "Varjak Paw",
    "Charlotte's Web",
]
SHOPS = ["Amazon", "Argos", "Very", "Tesco", "ASOS", "Next", "Hobbycraft", "TTS", "Dunelm", "B&M"]
MOTORWAYS = ["M62", "M1", "M621", "A64", "A1(M)", "M60", "A61", "A650", "M606", "A6120"]

# --------------------------------------------------------------------------------------
# Phone numbers
# --------------------------------------------------------------------------------------

# (8-digit drama prefix; the number is prefix + 3 random digits), canonical grouping,
# alternative groupings people also use.
DRAMA = {
    "mobile": [("07700900", [5, 6], [[5, 3, 3], [4, 3, 4], [5, 6]])],
    "london": [("02079460", [3, 4, 4], [[4, 3, 4], [3, 8]])],
    "city": [
        (f"0{c}496" + "0", [4, 3, 4], [[4, 7], [5, 6], [4, 3, 4]])
        for c in ["113", "114", "115", "116", "117", "118", "121", "131", "141", "151", "161"]
    ]
    + [("01914980", [4, 3, 4], [[4, 7], [5, 6]])],
    "area": [("01632960", [5, 6], [[5, 3, 3], [6, 5]])],
    "ni_wales": [("02896496", [3, 4, 4], [[5, 6]]), ("02920180", [3, 4, 4], [[4, 3, 4]])],
    "nongeo": [("03069990", [5, 6], [[4, 3, 4]])],
}
DRAMA_WEIGHTS = {"mobile": 50, "london": 11, "city": 20, "area": 9, "ni_wales": 5, "nongeo": 5}
DRAMA_PREFIXES = [p for v in DRAMA.values() for p, _, _ in v]

# Format -> how many of the 300 phone records use it for their main number.
PHONE_FORMATS = {
    "std": 40,
    "alt": 20,
    "dash": 15,
    "dot": 12,
    "bracket": 15,
    "nospace": 25,
    "plus44": 25,
    "plus44_0": 15,
    "0044": 10,
    "faker": 30,
    "words": 12,
    "spelled": 14,
    "spaced": 12,
    "zwsp": 10,
    "letter_o": 12,
    "slash": 5,
    "intl_fr": 7,
    "intl_es": 7,
    "intl_ie": 7,
    "intl_us": 7,
}
assert sum(PHONE_FORMATS.values()) == N_PHONE
DISGUISED_PHONE = {"words", "spelled", "spaced", "zwsp", "letter_o"}

DIGIT_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
ONES = DIGIT_WORDS
TEENS = [
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def group(digits: str, lens: list[int]) -> list[str]:
    out, i = [], 0
    for n in lens:
        out.append(digits[i : i + n])
        i += n
    assert i == len(digits), (digits, lens)
    return out


def number_words(n: int) -> str:
    """0-999 in British English words ("four hundred and ninety six")."""
    h, rest = divmod(n, 100)
    parts = []
    if h:
        parts.append(f"{ONES[h]} hundred")
    if rest:
        if rest < 10:
            w = ONES[rest]
        elif rest < 20:
            w = TEENS[rest - 10]
        else:
            t, o = divmod(rest, 10)
            w = TENS[t] + (f" {ONES[o]}" if o else "")
        parts.append(("and " if h else "") + w)
    return " ".join(parts) if parts else "zero"


class Phones:
    def __init__(self, rng: random.Random, fake: Faker):
        self.r, self.fake = rng, fake

    def drama(self):
        r = self.r
        kind = r.choices(list(DRAMA_WEIGHTS), weights=list(DRAMA_WEIGHTS.values()))[0]
        prefix, canon, alts = r.choice(DRAMA[kind])
        digits = prefix + f"{r.randrange(1000):03d}"
        return digits, canon, alts

    def _intl_group(self, canon_groups: list[str]) -> list[str]:
        g = list(canon_groups)
        g[0] = g[0][1:]
        if g[0] == "":
            g = g[1:]
        return g

    def zero_word(self) -> str:
        return self.r.choices(["oh", "zero", "o", "nought"], weights=[55, 30, 10, 5])[0]

    def spell_digits(self, s: str, zero: str, doubles: bool) -> str:
        words, i = [], 0
        while i < len(s):
            d = s[i]
            run = 1
            while i + run < len(s) and s[i + run] == d:
                run += 1
            w = zero if d == "0" else DIGIT_WORDS[int(d)]
            if doubles and run >= 3:
                words.append(f"triple {w}")
                i += 3
            elif doubles and run == 2:
                words.append(f"double {w}")
                i += 2
            else:
                words.append(w)
                i += 1
        return " ".join(words)

    def make(self, fmt: str) -> str:
        r = self.r
        if fmt.startswith("intl_"):
            return self.intl(fmt[5:])
        if fmt == "intl":
            return self.intl(r.choice(["fr", "es", "ie", "us"]))
        if fmt == "faker":
            return self.fake.cellphone_number() if r.random() < 0.45 else self.fake.phone_number()
        digits, canon, alts = self.drama()
        g = group(digits, canon)
        if fmt == "std":
            return " ".join(g)
        if fmt == "alt":
            return " ".join(group(digits, r.choice(alts)))
        if fmt in ("dash", "dot"):
            sep = "-" if fmt == "dash" else "."
            gg = group(digits, r.choice([canon, *alts]))
            return sep.join(gg)
        if fmt == "bracket":
            gg = group(digits, r.choice([canon, canon, *alts]))
            tail = gg[1:]
            sep = r.choice([" ", " ", "", "-"]) if len(tail) > 1 else " "
            return f"({gg[0]})" + r.choice([" ", " ", ""]) + sep.join(tail)
        if fmt == "nospace":
            return digits
        ig = self._intl_group(g)
        if fmt == "plus44":
            return r.choice(
                [
                    "+44 " + " ".join(ig),
                    "+44" + "".join(ig),
                    "+44" + ig[0] + " " + " ".join(ig[1:]),
                    "+44-" + "-".join(ig),
                    "+44 " + "".join(ig),
                ]
            )
        if fmt == "plus44_0":
            return r.choice(
                [
                    "+44 (0)" + " ".join(ig),
                    "+44(0)" + " ".join(ig),
                    "+44 (0) " + " ".join(ig),
                    "+44(0)" + "".join(ig),
                    "+44 (0)" + ig[0] + "-" + "-".join(ig[1:]),
                ]
            )
        if fmt == "0044":
            return r.choice(
                [
                    "0044 " + " ".join(ig),
                    "0044" + "".join(ig),
                    "0044 (0)" + " ".join(ig),
                    "0044-" + "-".join(ig),
                ]
            )
        if fmt == "words":
            # split into 3+ groups, turn one (sometimes two) of the later groups into words
            lens = max([canon, *alts], key=len)
            if len(lens) < 3:
                lens = [5, 3, 3] if canon == [5, 6] else [4, 3, 4]
            gg = group(digits, lens)
            idx = r.sample(range(1, len(gg)), k=1 if r.random() < 0.75 else 2)
            zero = self.zero_word()
            out, used_number_words = [], False
            for i, chunk in enumerate(gg):
                if i not in idx:
                    out.append(chunk)
                elif (
                    len(chunk) == 3
                    and chunk[0] != "0"
                    and not used_number_words
                    and r.random() < 0.6
                ):
                    used_number_words = True
                    out.append(number_words(int(chunk)))
                else:
                    out.append(self.spell_digits(chunk, zero, r.random() < 0.3))
            return " ".join(out)
        if fmt == "spelled":
            zero = self.zero_word()
            doubles = r.random() < 0.4
            gg = group(digits, r.choice([canon, *alts]))
            sep = r.choice([" ", " ", ", ", " - ", "  "])
            s = sep.join(self.spell_digits(x, zero, doubles) for x in gg)
            if r.random() < 0.12:
                s = s.upper()
            elif r.random() < 0.15:
                s = s[0].upper() + s[1:]
            return s
        if fmt == "spaced":
            gg = group(digits, canon)
            sep = r.choice([" ", " ", "  ", " - "])
            s = sep.join(" ".join(x) for x in gg)
            if r.random() < 0.2:
                s = " ".join(digits)
            return s
        if fmt == "zwsp":
            base = r.choice([" ".join(g), digits, digits])
            chars = list(base)
            spots = [i for i in range(1, len(chars)) if chars[i - 1].isdigit()]
            for i in sorted(r.sample(spots, k=r.choice([1, 1, 2, 3])), reverse=True):
                if chars[i] == " " and r.random() < 0.5:
                    chars[i] = "\u200b"
                else:
                    chars.insert(i, "\u200b")
            return "".join(chars)
        if fmt == "letter_o":
            base = r.choice([" ".join(g), " ".join(g), digits, "-".join(g)])
            letter = r.choice(["O", "O", "o"])
            mode = r.choice(["all", "all", "first", "some"])
            if mode == "all":
                return base.replace("0", letter)
            if mode == "first":
                return base.replace("0", letter, 1)
            zeros = [i for i, c in enumerate(base) if c == "0"]
            pick = set(r.sample(zeros, k=max(1, len(zeros) // 2)))
            if 0 not in pick:
                pick.add(0)
            return "".join(letter if i in pick else c for i, c in enumerate(base))
        if fmt == "slash":
            gg = group(digits, canon)
            if len(gg) == 3:
                return r.choice(
                    [
                        f"{gg[0]}/{gg[1]} {gg[2]}",
                        f"{gg[0]} {gg[1]}-{gg[2]}",
                        f"({gg[0]}){gg[1]}-{gg[2]}",
                        f"{gg[0]}/{gg[1]}{gg[2]}",
                    ]
                )
            return r.choice(
                [
                    f"{gg[0]}/{gg[1]}",
                    f"{gg[0]} {gg[1][:3]}-{gg[1][3:]}",
                    f"{gg[0]}-{gg[1][:3]} {gg[1][3:]}",
                ]
            )
        raise ValueError(fmt)

    def intl(self, cc: str) -> str:
        r = self.r
        d = lambda n: "".join(r.choice("0123456789") for _ in range(n))  # noqa: E731
        if cc == "fr":
            n = r.choice("67") + d(8)
            pairs = " ".join(n[i : i + 2] for i in range(1, 9, 2))
            return r.choice(
                [
                    f"+33 {n[0]} {pairs}",
                    f"+33 (0){n[0]} {pairs}",
                    f"+33{n}",
                    f"0033 {n[0]} {pairs}",
                    f"+33 {n[0]}." + pairs.replace(" ", "."),
                ]
            )
        if cc == "es":
            n = r.choice("67") + d(8)
            return r.choice(
                [
                    f"+34 {n[:3]} {n[3:6]} {n[6:]}",
                    f"+34 {n[:3]} {n[3:5]} {n[5:7]} {n[7:]}",
                    f"+34{n}",
                    f"0034 {n[:3]} {n[3:6]} {n[6:]}",
                ]
            )
        if cc == "ie":
            n = "8" + r.choice("35679") + d(7)
            return r.choice(
                [
                    f"+353 {n[:2]} {n[2:5]} {n[5:]}",
                    f"+353 (0){n[:2]} {n[2:5]} {n[5:]}",
                    f"+353{n}",
                    f"00353 {n[:2]} {n[2:]}",
                    f"+353-{n[:2]}-{n[2:]}",
                ]
            )
        if cc == "us":
            a = r.choice(["212", "415", "617", "312", "202", "305", "646", "206"])
            x = "01" + d(2)
            return r.choice(
                [
                    f"+1 ({a}) 555-{x}",
                    f"+1 {a}-555-{x}",
                    f"+1 {a} 555 {x}",
                    f"+1{a}555{x}",
                    f"+1 ({a}) 555 {x}",
                ]
            )
        raise ValueError(cc)


# --------------------------------------------------------------------------------------
# Postcodes
# --------------------------------------------------------------------------------------

INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
ONE_LETTER_AREAS = {"B": 99, "E": 18, "G": 84, "L": 75, "M": 90, "N": 22, "S": 99, "W": 14}
TWO_LETTER_AREAS = {
    "LS": 29,
    "BD": 24,
    "HX": 7,
    "HD": 9,
    "WF": 17,
    "YO": 62,
    "HG": 5,
    "CR": 9,
    "HU": 20,
    "DN": 40,
    "NE": 99,
    "SK": 23,
    "OL": 16,
    "BS": 49,
    "CF": 83,
}
A9A = [
    "W1A",
    "W1B",
    "W1C",
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
    "N1P",
]
AA9A = [
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
    "EC2Y",
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
    "SW1A",
    "SW1E",
    "SW1H",
    "SW1P",
    "SW1V",
    "SW1W",
    "SW1X",
    "SW1Y",
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
POSTCODE_SHAPES = {"A9": 22, "A99": 22, "AA9": 28, "AA99": 26, "A9A": 14, "AA9A": 14, "faker": 24}
assert sum(POSTCODE_SHAPES.values()) == N_POSTCODE
PC_RE = re.compile(
    r"(?<![A-Za-z0-9])[A-Za-z]{1,2}[0-9][A-Za-z0-9]?\s?[0-9][A-Za-z]{2}"
    r"(?![A-Za-z0-9])"
)


class Postcodes:
    def __init__(self, rng: random.Random, fake: Faker):
        self.r, self.fake = rng, fake

    def outward(self, shape: str) -> str:
        r = self.r
        if shape == "A9":
            return r.choice(list(ONE_LETTER_AREAS)) + str(r.randint(1, 9))
        if shape == "A99":
            a = r.choice(list(ONE_LETTER_AREAS))
            return a + str(r.randint(10, ONE_LETTER_AREAS[a]))
        if shape == "AA9":
            return r.choice(list(TWO_LETTER_AREAS)) + str(r.randint(1, 9))
        if shape == "AA99":
            a = r.choice([k for k, v in TWO_LETTER_AREAS.items() if v >= 10])
            return a + str(r.randint(10, TWO_LETTER_AREAS[a]))
        if shape == "A9A":
            return r.choice(A9A)
        if shape == "AA9A":
            return r.choice(AA9A)
        raise ValueError(shape)

    def make(self, shape: str) -> tuple[str, str]:
        """Returns (postcode as written, town)."""
        r = self.r
        if shape == "faker":
            pc = self.fake.postcode()
        else:
            pc = (
                self.outward(shape)
                + " "
                + str(r.randint(0, 9))
                + "".join(r.choice(INWARD_LETTERS) for _ in range(2))
            )
        area = re.match(r"[A-Z]+", pc).group(0)
        town = r.choice(TOWN_BY_AREA.get(area, ALL_TOWNS))
        case = r.choices(["upper", "lower", "mixed"], weights=[65, 20, 15])[0]
        if case == "lower":
            pc = pc.lower()
        elif case == "mixed":
            if r.random() < 0.5:  # "Ls6 2qb"
                pc = pc[0] + pc[1:].lower()
            else:
                pc = "".join(c.lower() if c.isalpha() and r.random() < 0.5 else c for c in pc)
                if pc.isupper() or pc.islower():
                    pc = pc[0].swapcase() + pc[1:]
        if r.random() < 0.2:
            pc = pc.replace(" ", "")
        elif r.random() < 0.04:
            pc = pc.replace(" ", "  ")
        return pc, town


# --------------------------------------------------------------------------------------
# Emails
# --------------------------------------------------------------------------------------

PROVIDERS = ["gmail.com"] * 9 + [
    "googlemail.com",
    "hotmail.com",
    "hotmail.co.uk",
    "hotmail.co.uk",
    "outlook.com",
    "outlook.com",
    "live.co.uk",
    "yahoo.co.uk",
    "yahoo.co.uk",
    "yahoo.com",
    "icloud.com",
    "icloud.com",
    "me.com",
    "btinternet.com",
    "btinternet.com",
    "sky.com",
    "virginmedia.com",
    "aol.com",
    "talktalk.net",
    "ntlworld.com",
    "outlook.co.uk",
]
EMAIL_STYLES = {
    "plain": 75,
    "faker": 10,
    "plus": 12,
    "own": 15,
    "ob_words": 12,
    "ob_square": 8,
    "ob_round": 6,
    "ob_caps": 4,
    "ob_spaced": 3,
    "ob_dotword": 3,
    "ob_atonly": 2,
}
assert sum(EMAIL_STYLES.values()) == N_EMAIL
EMAIL_RE = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")


def ascii_name(s: str) -> str:
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z]", "", s.lower())


class Emails:
    def __init__(self, rng: random.Random, fake: Faker):
        self.r, self.fake = rng, fake

    def local(self, first: str, last: str) -> str:
        r = self.r
        f, sur = ascii_name(first), ascii_name(last)
        yy = str(r.choice([r.randint(70, 99), r.randint(0, 24)])).zfill(2)
        return r.choice(
            [
                f"{f}.{sur}",
                f"{f}.{sur}",
                f"{f}{sur}",
                f"{f}{sur}{yy}",
                f"{f[0]}.{sur}",
                f"{f[0]}{sur}",
                f"{f}_{sur}",
                f"{sur}.{f}",
                f"{f}.{sur}{r.randint(1, 9)}",
                f"{f}{sur[0]}",
                f"mrs{sur}",
                f"{f}.{sur}.teach",
                f"{f}{yy}",
                f"{sur}{f[0]}{yy}",
                f"{f}-{sur}",
                f"the.{sur}s",
                f"{f}x{sur}",
            ]
        )

    def plain(self, first: str, last: str) -> tuple[str, str]:
        return self.local(
            first, self.fake.last_name() if self.r.random() < 0.1 else last
        ), self.r.choice(PROVIDERS)

    def make(self, style: str, first: str, last: str) -> str:
        r = self.r
        if style == "faker":
            return self.fake.free_email()
        if style == "own":
            f, sur = ascii_name(first), ascii_name(last)
            dom = r.choice(
                [
                    f"{sur}family.co.uk",
                    f"{f}{sur}.me.uk",
                    f"{f}{sur}.com",
                    f"the{sur}s.net",
                    f"{f}-{sur}.co.uk",
                    f"{sur}.me",
                    f"{f}{sur}.uk",
                ]
            )
            return r.choice(["hello", "me", f, f"{f}.{sur}", "hi", f[0] + sur]) + "@" + dom
        loc, dom = self.plain(first, last)
        if style == "plus":
            tag = r.choice(
                [
                    "school",
                    "pta",
                    "ebay",
                    "vinted",
                    "tutor",
                    "club",
                    "kids",
                    "y6",
                    "shopping",
                    "work",
                ]
            )
            e = f"{loc}+{tag}@{dom}"
            return e
        if style == "plain":
            if r.random() < 0.08:  # people capitalise their name
                loc = ".".join(x.capitalize() for x in loc.split("."))
            return f"{loc}@{dom}"
        parts = dom.split(".")
        if style == "ob_words":
            loc2 = loc.replace(".", " dot ") if r.random() < 0.3 else loc
            return f"{loc2} at " + " dot ".join(parts)
        if style == "ob_square":
            a, d = r.choice(
                [("[at]", "[dot]"), ("[at]", "[dot]"), ("[AT]", "[DOT]"), (" [at] ", " [dot] ")]
            )
            return loc + a + d.join(parts)
        if style == "ob_round":
            a, d = r.choice([(" (at) ", " (dot) "), ("(at)", "(dot)"), (" (at) ", ".")])
            return loc + a + d.join(parts)
        if style == "ob_caps":
            return f"{loc} AT " + " DOT ".join(parts)
        if style == "ob_spaced":
            return f"{loc} @ " + " . ".join(parts)
        if style == "ob_dotword":
            return f"{loc}@" + " dot ".join(parts)
        if style == "ob_atonly":
            return f"{loc} at {dom}"
        raise ValueError(style)


# --------------------------------------------------------------------------------------
# Hard-negative look-alikes
# --------------------------------------------------------------------------------------

DRAMA_LOOKALIKE_BAN = (
    "07700900",
    "01632960",
    "0207946",
    "4960",
    "4980",
    "02896496",
    "02920180",
    "03069990",
)


class Negs:
    """Generators for things that look like PII but are not a phone/postcode/personal email."""

    def __init__(self, rng: random.Random, fake: Faker):
        self.r, self.fake = rng, fake

    def d(self, n: int) -> str:
        return "".join(self.r.choice("0123456789") for _ in range(n))

    def zero_start(self, n: int) -> str:
        """0 + (n-1) digits, never inside an Ofcom drama range (those are phones)."""
        while True:
            s = "0" + self.d(n - 1)
            if not any(b in s for b in DRAMA_LOOKALIKE_BAN):
                return s

    def phone_shaped(self) -> str:
        s = self.zero_start(self.r.choice([10, 11, 11]))
        lens = (
            self.r.choice([[5, 6], [4, 3, 4], [3, 4, 4], [4, 7]])
            if len(s) == 11
            else self.r.choice([[4, 6], [3, 3, 4], [5, 5]])
        )
        sep = self.r.choice([" ", " ", "-", ""])
        return sep.join(group(s, lens))

    def get(self, name: str) -> str:
        f = getattr(self, "g_" + name, None)
        if f is None:
            raise KeyError(name)
        return f()

    def g_order0(self):
        return self.r.choice([self.zero_start(10), self.zero_start(11), self.phone_shaped()])

    def g_order_amz(self):
        return f"{self.r.choice(['202', '203', '204', '205', '206'])}-{self.d(7)}-{self.d(7)}"

    def g_invoice(self):
        return self.r.choice(
            [
                f"INV-{self.zero_start(7)}",
                f"INV{self.d(5)}",
                self.zero_start(10),
                f"{self.zero_start(4)}/{self.d(2)}/{self.d(4)}",
            ]
        )

    def g_tracking_rm(self):
        a = "".join(self.r.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(2))
        return self.r.choice([f"{a}{self.d(9)}GB", f"{a} {self.d(4)} {self.d(4)} {self.d(1)}GB"])

    def g_tracking_evri(self):
        return (
            "H"
            + self.d(2)
            + "".join(self.r.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(3))
            + self.d(10)
        )

    def g_tracking_dpd(self):
        return self.r.choice(
            [
                "155" + self.d(11),
                "JD" + self.zero_start(16),
                "TBA" + self.d(12),
                self.zero_start(14),
            ]
        )

    def g_tracking(self):
        return self.get(self.r.choice(["tracking_rm", "tracking_evri", "tracking_dpd"]))

    def g_acct_phone(self):
        return self.phone_shaped()

    def g_acct8(self):
        return self.r.choice([self.zero_start(8), self.d(8)])

    def g_sortcode(self):
        return self.r.choice(
            [f"{self.d(2)}-{self.d(2)}-{self.d(2)}", f"{self.d(2)} {self.d(2)} {self.d(2)}"]
        )

    def g_member(self):
        return self.r.choice([self.phone_shaped(), self.zero_start(10), "M" + self.zero_start(9)])

    def g_booking(self):
        return self.r.choice([self.phone_shaped(), self.zero_start(10), self.g_booking_alpha()])

    def g_booking_alpha(self):
        while True:
            s = "".join(self.r.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(6))
            if not PC_RE.search(s) and any(c.isalpha() for c in s):
                return s

    def g_nhs(self):
        while True:
            n = str(self.r.choice([4, 6, 7])) + self.d(8)
            tot = sum(int(c) * (10 - i) for i, c in enumerate(n))
            chk = 11 - tot % 11
            chk = 0 if chk == 11 else chk
            if chk != 10:
                s = n + str(chk)
                return self.r.choice([f"{s[:3]} {s[3:6]} {s[6:]}", s, f"{s[:3]}-{s[3:6]}-{s[6:]}"])

    def g_dbs(self):
        s = "00" + self.d(10)
        return self.r.choice([s, f"{s[:4]} {s[4:8]} {s[8:]}", f"{s[:6]} {s[6:]}"])

    def g_isbn10(self):
        while True:
            n = "0" + self.d(8)
            tot = sum(int(c) * (10 - i) for i, c in enumerate(n))
            chk = (11 - tot % 11) % 11
            if chk != 10:
                s = n + str(chk)
                return self.r.choice(
                    [s, f"{s[0]}-{s[1:3]}-{s[3:9]}-{s[9]}", f"{s[0]} {s[1:4]} {s[4:9]} {s[9]}"]
                )

    def g_isbn13(self):
        n = "9780" + self.d(8)
        chk = (10 - sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(n)) % 10) % 10
        s = n + str(chk)
        return self.r.choice([s, f"{s[:3]}-{s[3]}-{s[4:6]}-{s[6:12]}-{s[12]}"])

    def g_ean(self):
        n = "50" + self.d(10)
        chk = (10 - sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(n)) % 10) % 10
        s = n + str(chk)
        return self.r.choice([s, f"{s[0]} {s[1:7]} {s[7:]}"])

    def g_serial(self):
        s = self.zero_start(11)
        return self.r.choice(
            [
                f"SN {s[:5]} {s[5:]}",
                f"S/N {s}",
                f"SN: {s[:4]}-{s[4:8]}-{s[8:]}",
                f"serial no. {s[:5]} {s[5:]}",
                f"SN{s}",
            ]
        )

    def g_prodcode(self):
        return self.r.choice(
            [
                f"{self.zero_start(5)}-{self.d(6)}",
                f"{self.d(3)}.{self.d(3)}.{self.d(2)}",
                f"PC{self.zero_start(8)}",
                self.phone_shaped(),
            ]
        )

    def g_caseno(self):
        return self.r.choice(
            [
                f"{self.zero_start(4)}/{self.d(2)}/{self.d(5)}",
                f"CAS-{self.zero_start(8)}",
                self.phone_shaped(),
                f"{self.r.choice(['0113', '0161', '0114', '0121'])}/"
                f"{self.r.randint(19, 25)}/{self.d(5)}",
            ]
        )

    def g_flight(self):
        return self.r.choice(
            [
                f"BA{self.r.randint(100, 2999)}",
                f"EZY{self.r.randint(1000, 8999)}",
                f"FR {self.r.randint(100, 9999)}",
                f"LS{self.r.randint(100, 999)}",
                f"BA 0{self.r.randint(100, 999)}",
                f"TOM{self.r.randint(1000, 9999)}",
            ]
        )

    def g_roomnum(self):
        return self.r.choice(
            [
                f"{self.r.randint(1, 30)}",
                f"0{self.r.randint(1, 29):02d}",
                f"B{self.r.randint(1, 20)}",
                f"2.{self.r.randint(1, 15):02d}",
                f"G{self.r.randint(1, 9)}",
            ]
        )

    def g_classcode(self):
        return self.r.choice(
            [
                f"Y{self.r.randint(1, 6)}{self.r.choice('ABCGHMRS')}",
                f"{self.r.randint(1, 6)}{self.r.choice('ABCHJMRW')}",
                f"Year {self.r.randint(1, 6)}",
                f"Yr{self.r.randint(1, 6)}",
                f"R{self.r.randint(1, 2)}",
                f"Y{self.r.randint(1, 6)}/{self.r.randint(1, 6)}",
            ]
        )

    def g_reg(self):
        a = "ABCDEFGHJKLMNOPRSTUVWXY"
        z = "ABCDEFGHJKLMNOPRSTUVWXYZ"
        age = self.r.choice(list(range(2, 26)) + list(range(51, 75)))
        s = (
            self.r.choice(a)
            + self.r.choice(a)
            + f"{age:02d}"
            + " "
            + "".join(self.r.choice(z) for _ in range(3))
        )
        return s if self.r.random() < 0.85 else s.replace(" ", "")

    def g_motorway(self):
        return self.r.choice(MOTORWAYS)

    def g_hashtag(self):
        return self.r.choice(
            [
                "#Year6",
                "#Y6SATs",
                "#WorldBookDay2025",
                "#teamYear2",
                "#EduTwitter",
                "#PrimaryTeacher",
                "#ReadingForPleasure",
                "#PE2025",
                "#SportsDay",
                "#KS2",
                "#TeacherLife",
                "#EYFS",
                "#MathsDay",
                f"#Class{self.r.randint(1, 12)}",
                "#Y4Residential",
                "#Leeds",
                "#parkrun",
                "#STEM",
                "#Christmas2024",
                "#NQT",
                "#ECT2025",
                "#Y6Leavers2025",
                "#Oakfield100",
            ]
        )

    def g_handle(self):
        f = ascii_name(self.fake.first_name())
        return self.r.choice(
            [
                f"@mrs_{ascii_name(self.fake.last_name())}_y{self.r.randint(1, 6)}",
                f"@{f}teaches",
                f"@{f}_{self.r.randint(70, 99)}",
                "@oakfield_y6",
                "@LeedsRhinos",
                "@BBCBitesize",
                f"@miss{ascii_name(self.fake.last_name())}",
                "@TTSGroup",
                f"@{f}.reads",
                "@highfieldPE",
                "@WhiteRoseMaths",
                f"@{f}{self.r.randint(1, 999)}",
            ]
        )

    def g_school(self):
        return self.r.choice(SCHOOLS)[0]

    def g_office_email(self):
        if self.r.random() < 0.15:
            return self.r.choice(OTHER_INSTITUTIONAL)
        role = self.r.choice(OFFICE_ROLES)
        dom = self.r.choice(SCHOOLS)[1]
        e = f"{role}@{dom}"
        return e if self.r.random() < 0.9 else e.capitalize()

    def g_web(self):
        sch = self.r.choice(SCHOOLS)[1].replace(".sch.uk", ".co.uk")
        return self.r.choice(
            [
                f"www.{sch}",
                f"https://www.{sch}/term-dates",
                f"{sch}/news",
                "bbc.co.uk/bitesize",
                "https://forms.gle/"
                + "".join(
                    self.r.choice("abcdefghjkmnpqrstuvwxyzABCDEFGH23456789") for _ in range(10)
                ),
                "gov.uk/school-term-holiday-dates",
                "www.parentpay.com",
                "bit.ly/"
                + "".join(self.r.choice("abcdefghjkmnpqrstuvwxyz0123456789") for _ in range(7)),
                "www.ttrockstars.com",
                "justgiving.com/page/oakfield-pta-run",
                "www.eventbrite.co.uk",
                "linktr.ee/" + ascii_name(self.fake.first_name()) + "teaches",
            ]
        )

    def g_date(self):
        y = self.r.choice([2024, 2025, 2025, 2026])
        dd, mm = self.r.randint(1, 28), self.r.randint(1, 12)
        return self.r.choice(
            [
                f"{dd:02d}/{mm:02d}/{y}",
                f"{dd}/{mm}/{y % 100}",
                f"{dd:02d}.{mm:02d}.{y}",
                f"{y}-{mm:02d}-{dd:02d}",
                f"{dd:02d}/{mm:02d}",
                f"{dd:02d}/{mm:02d}/{y} {self.g_time24()}",
            ]
        )

    def g_time24(self):
        return f"{self.r.randint(7, 20):02d}:{self.r.choice([0, 15, 30, 45, 5, 40]):02d}"

    def g_time(self):
        r = self.r
        return r.choice(
            [
                self.g_time24(),
                f"{r.randint(1, 6)}.{r.choice(['15', '30', '45'])}pm",
                f"{r.randint(7, 9)}am",
                f"0{r.randint(7, 9)}{r.choice(['00', '15', '30', '45'])}",
                f"{r.randint(7, 9)}.{r.choice(['15', '30', '45'])}",
            ]
        )

    def g_timerange(self):
        r = self.r
        a = f"0{r.randint(7, 8)}{r.choice(['30', '45', '50'])}"
        b = f"15{r.choice(['00', '15', '20', '30'])}"
        return r.choice(
            [f"{a}-{b}", f"{a[:2]}:{a[2:]}-{b[:2]}:{b[2:]}", f"{a[1]}.{a[2:]}-3.{b[2:]}"]
        )

    def g_daterange(self):
        r = self.r
        y = r.choice([2025, 2026])
        m = r.randint(1, 11)
        d1 = r.randint(1, 20)
        d2 = d1 + r.randint(4, 8)
        return r.choice(
            [
                f"{d1:02d}/{m:02d}/{y} to {d2:02d}/{m:02d}/{y}",
                f"{d1}/{m} - {d2}/{m}",
                f"{d1:02d}.{m:02d}-{d2:02d}.{m:02d}.{y}",
                f"{y}-{m:02d}-{d1:02d} to {y}-{m:02d}-{d2:02d}",
            ]
        )

    def g_satscore(self):
        r = self.r
        return r.choice(
            [f"{r.randint(98, 118)}", f"{r.randint(28, 50)}/50", f"{r.randint(60, 95)}%"]
        )

    def g_gate(self):
        return f"{self.r.choice(['', 'B', 'A', ''])}{self.r.randint(1, 48)}"

    def g_price(self):
        return self.r.choice(
            [
                f"£{self.r.randint(1, 9)},{self.d(3)}.{self.d(2)}",
                f"£{self.r.randint(1, 99)}.{self.r.choice(['00', '50', '99', '49'])}",
                f"£{self.r.randint(100, 999)}",
                f"{self.r.randint(20, 95)}p",
            ]
        )

    def g_price_plain(self):
        return self.r.choice(
            [
                f"{self.r.randint(2, 40)}",
                f"{self.r.randint(1, 20)}.{self.r.choice(['00', '50', '99'])}",
            ]
        )

    def g_price_big(self):
        return f"{self.r.randint(1, 12)},{self.d(3)}" + self.r.choice(["", f".{self.d(2)}"])

    def g_year(self):
        return str(self.r.choice(range(1978, 2025)))

    def g_score(self):
        a, b = self.r.randint(0, 9), self.r.randint(0, 6)
        return self.r.choice(
            [
                f"{a}-{b}",
                f"{a} - {b}",
                f"{self.r.randint(10, 30)}-{self.r.randint(5, 25)}",
                f"{a}-{b} ({self.r.randint(0, a)}-{self.r.randint(0, b)} at half time)",
            ]
        )

    def g_scorelist(self):
        n = self.r.randint(8, 14)
        return self.r.choice(
            [
                " ".join(str(self.r.randint(6, 10)) for _ in range(n)),
                ", ".join(f"{self.r.randint(0, 20):02d}/20" for _ in range(n // 2)),
            ]
        )

    def g_lottery(self):
        nums = sorted(self.r.sample(range(1, 60), 6))
        return self.r.choice(
            [
                " ".join(f"{x:02d}" for x in nums),
                " - ".join(f"{x:02d}" for x in nums),
                ", ".join(str(x) for x in nums),
            ]
        )

    def g_counting(self):
        start = self.r.choice([0, 0, 1])
        end = self.r.choice([10, 10, 20])
        return self.r.choice(
            [
                " ".join(str(i) for i in range(start, end + 1)),
                ", ".join(str(i) for i in range(start, end + 1)),
                " ".join(str(i) for i in range(end, start - 1, -1)),
            ]
        )

    def g_train(self):
        return self.r.choice(
            [
                f"{self.g_time24()}",
                f"{self.r.randint(6, 9)}.{self.d(2)}",
                f"0{self.r.randint(6, 8)}:{self.r.randint(10, 59)}",
            ]
        )

    def g_runtime(self):
        return self.r.choice(
            [
                f"{self.r.randint(19, 35)}:{self.r.randint(0, 59):02d}",
                f"{self.r.randint(3, 5)}:{self.r.randint(0, 59):02d}:{self.r.randint(0, 59):02d}",
            ]
        )

    def g_steps(self):
        return f"{self.r.randint(10, 45)},{self.d(3)}"

    def g_parkrun(self):
        return "A" + self.d(self.r.choice([6, 7]))

    def g_lego(self):
        return str(self.r.randint(10000, 76999))

    def g_clubcard(self):
        s = "634004" + self.d(12)
        return self.r.choice([s, f"{s[:6]} {s[6:10]} {s[10:14]} {s[14:]}"])

    def g_ctax(self):
        return self.r.choice([self.zero_start(11), self.zero_start(10), self.phone_shaped()])

    def g_ticket(self):
        return self.r.choice(
            [self.zero_start(5), self.phone_shaped(), f"{self.r.choice('ABCDE')}{self.d(3)}"]
        )

    def g_teams(self):
        s = str(self.r.randint(1, 9)) + self.d(11)
        return f"{s[:3]} {s[3:6]} {s[6:9]} {s[9:]}"

    def g_zoom(self):
        s = self.r.choice(
            [str(self.r.randint(1, 9)) + self.d(9), str(self.r.randint(1, 9)) + self.d(10)]
        )
        return f"{s[:3]} {s[3:7]} {s[7:]}" if self.r.random() < 0.7 else s

    def g_passcode(self):
        return self.r.choice(
            [
                self.d(6),
                "".join(self.r.choice("abcdefghjkmnpqrstuvwxyz0123456789") for _ in range(6)),
            ]
        )

    def g_pension(self):
        return self.r.choice([f"TP{self.zero_start(9)}", self.zero_start(11), self.phone_shaped()])

    def g_slc(self):
        return self.zero_start(11)

    def g_trn(self):
        return str(self.r.randint(1000000, 9999999))

    def g_payroll(self):
        return self.r.choice(["00" + self.d(6), self.zero_start(8), f"P{self.d(6)}"])

    def g_promo(self):
        return self.r.choice(["TEACHER10", "SCHOOL15", "BTS2025", "PTA20", "SUMMER24", "FREEDEL"])

    def g_copiercode(self):
        return self.r.choice([self.d(4), self.d(5), "0" + self.d(3)])

    def g_distance(self):
        return self.r.choice(["5k", "10k", "half marathon", "13.1 miles", "26.2", "3.5 miles"])

    def g_agegroup(self):
        return str(self.r.randint(7, 11))

    def g_bus(self):
        return self.r.choice(["56", "X84", "1", "19", "33A", "X6", "72", "651"])

    def g_book(self):
        return self.r.choice(BOOKS)

    def g_shop(self):
        return self.r.choice(SHOPS)

    def g_weight(self):
        return self.r.choice(["2.4kg", "500g", "11st 4lb", "68.5kg"])

    def g_vin(self):
        return "".join(self.r.choice("ABCDEFGHJKLMNPRSTUVWXYZ0123456789") for _ in range(17))

    def g_nino_free_ref(self):  # HMRC-style self assessment UTR (10 digits), not a NI number
        return self.d(5) + " " + self.d(5)

    def g_phoneshaped(self):
        return self.phone_shaped()

    def g_any(self):
        return self.get(self.r.choice(DISTRACTORS))


# Distractors dropped into positives via {N:any}
DISTRACTORS = [
    "order0",
    "date",
    "price",
    "reg",
    "roomnum",
    "classcode",
    "tracking",
    "booking",
    "hashtag",
    "motorway",
    "time",
    "flight",
    "isbn10",
    "serial",
    "score",
    "ticket",
]

# --------------------------------------------------------------------------------------
# Templates. Kinds: post, comment, bio, msgc (message to colleague), msgp (message to public)
# A leading "~" marks a template only used with a disguised phone/email form.
# Placeholders: {P} main phone, {P:fmt} phone in a given format, {P2} second phone,
# {PC} main postcode, {PC2} second postcode, {ADDR} address ending in a postcode,
# {E} main email, {E2} second (plain) email, {N:name} hard-negative look-alike,
# {first} {last} {name} {town} {street} {school} {day} {time} {yr} {emo}.
# --------------------------------------------------------------------------------------

PHONE_T = {
    "post": [
        "Right, the Y{yr} residential kit list is on the class page, but the main thing: if your "
        "child gets homesick the first night don't panic, it's normal 😅 For staff on the trip, "
        "my mobile for the whole week is {P}, the office will have the centre's number",
        "So my car failed its MOT ({N:reg}) AND the boiler's packed in AND it's only tuesday "
        "🙃 if anyone knows a decent mechanic near {town} who won't rip me off please send them "
        "my way, {P}, will pay in cake",
        "Huge thank you to everyone who sponsored the {N:distance} for the hospice, we raised "
        "£{N:price_big}!!! 🎉 Medals are in room {N:roomnum}. If you still owe money or want to "
        "do it next year text me on {P} xx",
        "After 14 years at {school} I'm finally moving on 😭 thank you for everything, you've been "
        "the best team. Don't be strangers, my personal number is {P} - come and find me for "
        "a brew any time ☕💙",
        "new phone who dis 😂 seriously tho lost all my contacts, text me on {P} so i can save ur numbers",  # noqa: E501
        "Selling my old bike, barely used. £60 ono. Collection only, text {P} if interested 🚲",
        "anyone doing the car share for the Y{yr} residential? I can take 3. ring/text {P}",
        "Got a new number everyone!! {P} - old one is dead, pls update {emo}",
        "LOST CAT!! ginger tom, answers to Biscuit, last seen near the school gates on {day}. Please call {P} 😿",  # noqa: E501
        "Tutoring available over summer, KS2 maths & english, DBS checked. {P} for rates",
        "babysitter needed {day} night, any of the TAs free? message me on {P} xx",
        "If anyone finds a blue lanyard with keys on please call me on {P} 🙏 room {N:roomnum} was the last place I had them",  # noqa: E501
        "free to good home: a box of year 3 reading books + a laminator. {P}",
        "spare ticket for {day}'s gig, face value £{N:price_plain}, whatsapp {P}",
        "Happy to help anyone moving this weekend, I've got a van 🚚 {P}",
        "leaving do is at the Red Lion {day} from {time}!! if ur lost call me {P} 🍻",
        "Football club needs a volunteer coach for the under 9s. Ring Dave on {P} ⚽",
        "Anyone know a good plumber?? ours is {P} but he never answers {emo}",
        "Cake sale raised £{N:price_big}!! thank you all. Any leftover tins, text {P} and I'll collect",  # noqa: E501
        "need a lift to the airport for flight {N:flight} on {N:date}, will pay petrol. {P}",
        "sorry for the spam, the whatsapp group link broke. text me {P} and ill add you manually",
        "Dog walking sorted for half term 🐶 if anyone else needs one my neighbour does it - {P}",
        "anyone swap my tuesday duty for a thursday? msg {P} pls",
        "Found a phone on the field after sports day. If it's yours ring {P} and describe the case 📱",  # noqa: E501
        "Our Year {yr} bake off is back!! Entries to {first} on {P} by {day}",
        "car's been hit in the car park 😭 ({N:reg}). whoever did it pls just call me {P}",
        "Christmas jumper swap in the staffroom, or text {P} if you want me to save you one 🎄",
        "Parkrun carpool from {town} {day}, leaving {time}. {P} if ur in",
        "my mum's doing nails from home now, v reasonable 💅 {P}",
        "Ordered too many glue sticks again (order {N:order0}) - anyone want some? {P}",
        "~not putting my number on here properly cos of bots lol: {P}",
        "Quiz team needs a 6th!! {day} {time}, text {P}",
        "GARAGE SALE this weekend, loads of toys & books. Questions to {P} {emo}",
        "if anyone's going past the big tesco can u ring me {P}, need a favour",
        "Please share! Missing dog near the park, black cockapoo called Mabel 🐾 {P}",
        "Selling 2 tickets for the panto on {N:date}, £{N:price_plain} each. {P}",
        "Reminder - new number is {P}, the old {first} number is going",
        "Boiler's gone again. Any recs? The guy on the leaflet was {P}",
        "Who's coming to the Y{yr} reunion?? Tickets from me, {P}, £{N:price_plain} inc buffet",
        "Hen do numbers by {day} please girls 💃 {P}",
        "Weekend job going at the farm shop, ask for Sue, {P}",
        "Selling Y6 leavers' hoodie, age 11-12, never worn. Text {P}",
        "just realised my number on the staff list is wrong 🙈 it's {P}",
        "if anyone wants to join the walking group we meet {day}s, text {first} on {P}",
        "Our little one's party is {N:date}!! RSVP to me on {P} 🎈",
        "anyone recommend a cleaner?? or if u are one call me {P} lol",
        "Wedding dress for sale 👰 size 12, photos on request {P}",
        "my dad's selling his caravan, proper bargain, ring him on {P}",
        "Mobile hairdresser, does all the staff at {school} 💇‍♀️ {P}",
        "Anyone need a lift home after the staff do on {day}? I'm driving, {P}",
        "can the person who left a note on my car ({N:reg}) ring me please {P}",
        "lost my purse in the staff car park 😭 brown leather, if found {P}",
        "Tickets for the PTA quiz are £{N:price_plain}, text {P} to put ur name down",
        "Anyone interested in the Y{yr} swap shop, message me {P} or leave stuff in room {N:roomnum}",  # noqa: E501
    ],
    "comment": [
        "pm me or just ring {P}",
        "yes!! count me in, my no is {P}",
        "Ive got one you can borrow, text {P} x",
        "{first} has it i think, try her on {P}",
        "call me when ur out {P}",
        "that's my old number, new one is {P}",
        "I'll take it! {P}",
        "ring him, {P}, he did ours and was great",
        "just text me {P} and we'll sort it {emo}",
        "omg yes, message me {P} 🙌",
        "is this still going? {P}",
        "try {P} after {time}",
        "here u go {P}",
        "ring my husband, {P}, he's a sparky",
        "Ooh I'd love the books! {P}",
        "Text me {P} hun xx",
        "did u get my msg? its {P}",
        "I've still got it! message me {P}",
    ],
    "bio": [
        "Y{yr} teacher 🍎 | mum of 2 | tutoring enquiries {P}",
        "TA at {school} • coffee addict ☕ • 📱 {P}",
        "PE coordinator 🏃 runs, cakes, repeat. bookings: {P}",
        "SENCo. Views my own. Call/text {P} re the football club",
        "Forest school leader 🌳 | {town} | {P}",
        "Music teacher & piano lessons 🎹 {P} | {N:hashtag}",
        "primary teacher by day, baker by night 🧁 orders {P}",
        "📍{town} ☎️ {P} ✉️ DM me",
        "home {P} / mob {P2}",
        "KS2 tutor, 12 yrs exp. {P} {N:hashtag}",
        "Reception TA 🌈 | {town} | work: {N:office_email} | personal: {P}",
        "Dance teacher 💃 Saturday classes {P}",
        "Class {N:classcode} teacher. Cake maker. 📞{P}",
        "Wife, mum, teacher, tired 😴 {P}",
    ],
    "msgc": [
        "hiya, can u ring me on {P} when ur free? about {day}'s trip x",
        "Hi {first}, my mobile is {P} if you need me during the residential",
        "running late, stuck on the {N:motorway} 😩 call {P} if anything urgent",
        "here's my number for the rota {P} x",
        "if the kids get back before me ring {P} not the office pls",
        "my husband's number in case of emergency: {P}",
        "can't find your number, mine's {P} - text me",
        "on a course all day, {P} if you need me at lunch",
        "give me a ring on {P} about cover for {N:classcode}",
        "I'm off sick today, can you let the office know? my number is {P} if they need me",
        "the plumber i mentioned: {P}, tell him i sent u",
        "Hiya! Whatsapp me on {P} and I'll add you to the group",
        "~writing it like this so the group chat bots don't scrape it: {P}",
    ],
    "msgp": [
        "Yes still available! Collection from {town}, text me on {P}",
        "Hi, thanks for your enquiry about the tutoring. Best to call {P} after 4pm",
        "Hello, I'm the one selling the cot. My number is {P} 🙂",
        "Hi! yes I can do {day}, ring me on {P} to arrange",
        "thanks for getting in touch, give me a call {P}",
        "Hiya, yes the bike's still here. Text {P} and we'll sort a time",
        "Hello, I'd love to book a lesson, my number is {P}",
        "Best number is {P}, I'm free after {time}",
    ],
}
# templates that carry a second value of another kind
PHONE_T_COMBO = {
    "post": [
        "Tutor available 📚 email {E2} or ring {P}",
        "ring {P} or if no answer try {first} on {P2}",
        "Moved!! {ADDR} - same number {P} {emo}",
        "Selling a sofa, collection from {ADDR}. {P} for viewings",
        "New numbers for the emergency contact list: me {P}, hubby {P2}",
        "Lost property: a purple coat in room {N:roomnum}. owner pls call {P} or email {E2}",
        "Kids' party {N:date}, RSVP {P} or {E2} 🎈",
    ],
    "comment": [
        "my mobile's {P} but the landline {P2} is better in the day",
        "{P} or email {E2}, whichever 😊",
    ],
    "bio": ["Y{yr} teacher | {P} | {E2}", "Tutor 📚 {P} / {P2}"],
    "msgc": [
        "address for {day} is {ADDR}, ring {P} when ur outside",
        "If I don't answer {P} try my mum on {P2}",
    ],
    "msgp": ["Hi, collection is from {ADDR}. Any problems call {P}"],
}
INTL_T = {
    "fr": [
        ("post", "in Lyon till August 🇫🇷 my french number is {P:intl_fr}, whatsapp is easiest"),
        ("msgc", "exchange trip: my mobile in france will be {P:intl_fr} from {day}"),
        ("post", "bonjour from Paris 🥐 new french sim so use {P:intl_fr} for now"),
        ("bio", "Y{yr} teacher 🇬🇧🇫🇷 currently on exchange | {P:intl_fr}"),
    ],
    "es": [
        ("post", "villa owner in Malaga said to ring {P:intl_es} if we get lost lol"),
        ("post", "on hols in spain 🌞 emergencies only {P:intl_es} x"),
        ("msgc", "my spanish number for the week is {P:intl_es} in case of the Ofsted call 😬"),
        ("comment", "my sister's in Valencia, she'd help, {P:intl_es}"),
    ],
    "ie": [
        ("post", "back home in Cork for the summer, reach me on {P:intl_ie} 🇮🇪"),
        ("msgc", "Irish number while I'm at mam's: {P:intl_ie}"),
        ("comment", "ring my cousin in Dublin {P:intl_ie}, she did the same course"),
        ("bio", "Galway girl in Leeds 🇮🇪 | teacher | {P:intl_ie}"),
    ],
    "us": [
        ("post", "my US cell for the exchange is {P:intl_us}, texts are free on wifi"),
        ("post", "teaching in Boston for a term!! new number {P:intl_us} 🇺🇸"),
        ("msgc", "I'm in NY til {N:date}, {P:intl_us} if u need me"),
        ("comment", "my aunt runs one in Florida, {P:intl_us} tell her I sent u"),
    ],
}

POSTCODE_T = {
    "post": [
        "Well that's the move done 😮‍💨 3 vans, 2 broken mugs and one very confused cat. "
        "New address for anyone who needs it (christmas cards!!): {ADDR}. Housewarming once "
        "I can find the kettle",
        "PSA for anyone car sharing for the {N:classcode} trip on {N:date}: I'll be picking up "
        "from outside mine, {ADDR}, at {N:time} sharp. Coach leaves school at 8, don't be late 🚌",
        "We've moved!! New address is {ADDR} - christmas cards welcome 🏡",
        "we've moved to {PC} 🎉 finally unpacked the last box",
        "Party at ours {day} from {time}, {ADDR}. bring a bottle 🍾",
        "anyone live near {PC}? looking for a lift share to school",
        "satnav keeps sending me to {PC} instead of school {emo}",
        "Parcel for {first} came to mine ({ADDR}) - come and grab it!",
        "Just got the keys to our first house!!! {PC} here we come 🔑",
        "my postcode is {PC} and apparently we're not in catchment 😂",
        "Car boot this sunday, {ADDR}, from {time}",
        "found a brown lab, no collar, near {PC}. keeping him in the garden for now 🐶",
        "Open garden for charity {day}, {ADDR}, £{N:price_plain} entry 🌷",
        "evri left my parcel at {PC}?? thats not even my street. tracking {N:tracking}",
        "Secret santa delivery address: {ADDR} x",
        "moving from {PC} to {PC2} next month, any removal firm recs?",
        "Baby shower for {first} at {ADDR}, {day} {time} 🍼",
        "Insurance quote went up because of our postcode ({PC}) 🙄 {N:price}",
        "My car's the blue one outside {PC}, {N:reg}, if anyone needs to get out",
        "Parking for the {N:classcode} trip: meet at mine, {ADDR}",
        "bins not collected on our road again, {PC}, 3rd week running",
        "Airbnb for the staff weekend booked! {ADDR} - ref {N:booking}",
        "Toy donations can be dropped at {ADDR} before {N:date} 🎁",
        "The new house is {ADDR} 💙 housewarming soon",
        "Got my new driving licence through and they've put {PC} on it instead of our postcode 🤦‍♀️",
        "Royal Mail says my postcode {PC} doesn't exist. I live here?!",
        "Charity bag drop off at {ADDR}, any time this week",
        "Book swap box is outside our house now, {ADDR} 📚 help yourselves",
        "3 bed house to rent, {PC} area, ask me for details",
        "Stall at the christmas fair or pick up from {ADDR} 🎄",
        "Our street party is on {N:date}! {PC} - everyone welcome",
        "new flat!! 🥳 {ADDR}",
        "free sofa, must collect, {PC}, gone by {day}",
        "Happy to host the Y{yr} team social, {ADDR}, {day} {time}",
    ],
    "comment": [
        "mine's {PC} if u want to send it",
        "we're at {ADDR}, come round whenever",
        "postcode for the satnav is {PC}",
        "thats near us! we're {PC}",
        "send it to {ADDR} ta x",
        "Drop it off at {PC}, I'm in after {time}",
        "ours is {PC} lol, same road as the chippy",
        "mine is {ADDR}",
        "ooh we're close, {PC} 👋",
    ],
    "bio": [
        "📍 {PC} | Y{yr} teacher | 🏃‍♀️",
        "{town} born 💙 now in {PC}. Reception teacher.",
        "TA • {N:hashtag} • {ADDR}",
        "cake orders 🎂 collection {PC}",
        "Y{yr} teacher 🍎 Home: {ADDR}",
        "childminder 🧸 Ofsted reg. {PC} area",
        "📍{PC} • runner • reader • teacher",
    ],
    "msgc": [
        "address for saturday is {ADDR}, parking on the street is fine x",
        "can you send the marking to {ADDR}? thanks hun",
        "my postcode is {PC} for the taxi booking",
        "I'm at my mum's this week - {ADDR}",
        "post the card to {ADDR} and I'll sign it",
        "the sat nav postcode is {PC}, not the one on the letter",
        "drop the costumes round to {ADDR} whenever x",
    ],
    "msgp": [
        "Collection address: {ADDR}. Any time after 5",
        "Hi, the pram is at {PC}, let me know when you're coming",
        "Yes it's still here, {ADDR}. Cash on collection please",
        "Pick up is {PC}, I'm in all weekend",
    ],
}

EMAIL_T = {
    "post": [
        "Doing a masters in primary maths ed and looking for teachers to fill in a 10 minute "
        "survey about fractions 🙏 totally anonymous, ethics approved, if you're up for it email "
        "me at {E} and I'll send the link. thank you!!",
        "Anyone else's school email locked them out over half term? 🙃 If you're sending me stuff "
        "for the {N:classcode} moderation use my personal one for now, {E}, and I'll move "
        "it over when IT fix it (ticket {N:caseno})",
        "Anyone got the Y{yr} planning from last year? email me {E} 🙏",
        "Selling my old laptop, message or email {E}",
        "for the leaving collection send me a message at {E} (NOT the school one pls)",
        "my work email is {N:office_email} but personal is {E} for non-school stuff",
        "join the running club mailing list! {E}",
        "Photos from the wedding 📸 if you want copies email {E}",
        "Spare tickets for the quiz night, email {E} to reserve",
        "new email who dis: {E} {emo}",
        "Happy to share my phonics resources for free, drop me a line at {E}",
        "~not writing it properly cos of bots: {E}",
        "Secret santa list going out tonight, if you haven't signed up email me {E}",
        "anyone want in on the lottery syndicate? {E} - last week's numbers were {N:lottery} 😭",
        "Booked the cottage for the staff weekend! ref {N:booking}. send me ur dietary stuff at {E}",  # noqa: E501
        "Lost my phone 😭 so email me on {E} for now",
        "Our PTA bake sale needs volunteers! Reply here or {E}",
        "Running a book swap 📚 list your books and send to {E}",
        "If anyone has old {N:book} copies I'd love them for my class, email {E}",
        "Any teachers wanting a marking buddy for the MA? {E}",
        "email for the netball team is {E}, please dont use the office one ({N:office_email})",
        "I've set up a new email for tutoring {E} {N:hashtag}",
        "Wedding invites going out! if I don't have ur address email {E} 💍",
        "doing a sponsored walk {N:date}, pledges to {E} please!",
        "anyone selling a cot? email me on {E}",
        "Hello! If you want the Y{yr} reading records template, email {E} and I'll send it",
        "my hotmail got hacked 😭 new one is {E}",
        "Sign up for the staff 5-a-side here or email {E} ⚽",
        "If anyone has a spare {N:book}, send me a msg at {E}",
        "Staff Christmas do menu choices to {E} by {day} 🎄",
    ],
    "comment": [
        "sent! check {E}",
        "can u send it to {E} x",
        "email me hun {E}",
        "{E} - thanks!!",
        "ooh yes pls, {E}",
        "send the pics to {E} 🥰",
        "Mine's {E} if you're sharing the link",
        "me too pls!! {E}",
        "send it over {E} 🙏",
        "here: {E}",
        "~{E} (spelled out cos spam lol)",
    ],
    "bio": [
        "KS1 teacher ✏️ | {E} | {N:handle}",
        "Freelance illustrator & TA 🎨 {E}",
        "Y{yr} 🍎 | {town} | contact {E}",
        "Maths lead. Tutoring: {E}. Views my own.",
        "she/her • teacher • runner • {E}",
        "Y{yr} teacher 🍎 {N:hashtag} | collabs: {E}",
        "Primary teacher & crafter 🧶 orders {E}",
    ],
    "msgc": [
        "can you forward it to my personal one? {E} ty",
        "my home email is {E}, school one keeps bouncing",
        "send the photos to {E} not the school address x",
        "Hi {first}, here's my email for the rota: {E}",
        "use {E} over the holidays pls",
        "can u send me the rota? {E} - school email is down again",
        "my personal email is {E} if the portal still won't let me in",
    ],
    "msgp": [
        "Hi, happy to send more photos of the cot, email {E}",
        "For tutoring enquiries please email {E} 🙂",
        "Thanks for your interest! My email is {E}",
        "Hi, lessons are £{N:price_plain} an hour. Email {E} to book",
    ],
}

NEG_T = {
    "post": [
        "Honestly the admin this week 😩 booking ref {N:booking} for the coach, invoice "
        "{N:invoice} for the museum, Teams ID {N:teams} for the trust meeting, and the "
        "projector in room {N:roomnum} still says {N:serial}. send wine",
        "Y6 residential update: arrived safely at {N:time}, all 58 bags unpacked (58!! for 30 "
        "kids 😂). Photos will go on {N:web} tonight. Any questions please email "
        "{N:office_email}, not me personally!",
        "PSA the {N:motorway} is closed between junctions 26 and 27 from {N:date} so leave early. "
        "Car share list is in the staffroom. My car is {N:reg} if you're looking for me in the "
        "car park 🚗",
        "World Book Day round up 📚 best costume went to a 6ft Gruffalo, {N:classcode} raised "
        "{N:price} for the library and the book fair order ({N:order0}) is finally confirmed. "
        "ISBN for the class read is {N:isbn13}",
        "Sports day results are in!! 🏅 reds {N:score}, blues close behind. egg and spoon "
        "champion was a teacher (me). Photos on {N:web} {N:hashtag} {N:hashtag}",
        "Can't believe I started at {school} in {N:year}. First class was "
        "{N:classcode} in room {N:roomnum}, now I'm the one with the keys to the stock cupboard "
        "🥲",
        "Amazon order {N:order_amz} STILL not arrived, 3 weeks now 😤",
        "order no. {N:order0} cancelled without telling me, thanks {N:shop} {emo}",
        "invoice {N:invoice} paid, receipt sent to the PTA treasurer",
        "Tracking says {N:tracking_rm} 'delivered' but it's not here 🙄",
        "evri tracking {N:tracking_evri} has been 'out for delivery' for 4 days lmao",
        "Energy bill account no {N:acct_phone} and they still cant find me on the system 😭",
        "gym membership number is {N:member} and the scanner still wont read it",
        "booking ref {N:booking} for the Y{yr} residential confirmed!! 🏕️",
        "NHS no. {N:nhs} on the letter isn't even mine?? surgery shut til monday",
        "Collection for {first}'s leaving gift: sort code {N:sortcode}, acc {N:acct8}, ref LEAVING. thanks all x",  # noqa: E501
        "Reading {N:book} with Y5 this term, ISBN {N:isbn10} if anyone wants the same edition",
        "class set ordered, ISBN {N:isbn13}, {N:price} total 😬",
        "Parents evening {N:date} from {N:time}. Room {N:roomnum} {emo}",
        "SATs week starts {N:date}. breakfast club from {N:time} 🥐",
        "raised £{N:price_big} at the summer fair!!! 🎉",
        "Y6 netball won {N:score} against {school} 🏐",
        "Spelling test scores this week {N:scorelist} so proud",
        "The projector in room {N:roomnum} is broken again, {N:serial} if IT ask",
        "Barcode {N:ean} scanned as dog food at Tesco 😂",
        "council case ref {N:caseno} for the pothole outside school, reported 3 times now",
        "flight {N:flight} delayed again ✈️ see u all in september",
        "product code {N:prodcode} for the good glue sticks, the cheap ones are useless",
        "Room {N:roomnum} freezing again, heating engineer booked for {N:date}",
        "{N:classcode} assembly at {N:time} tomorrow, parents welcome!",
        "somebody has blocked in {N:reg} in the staff car park, please move 🙏",
        "Stuck on the {N:motorway} for an hour 😩 #commute",
        "{N:hashtag} {N:hashtag} what a day!!",
        "follow {N:handle} for updates from Year {yr}",
        "Term dates are up on {N:web}",
        "please email {N:office_email} about absences, not me personally 🙂",
        "any queries to {N:office_email} or pop into the office",
        "you'll find me at the gym dot dot dot not 😂",
        "new year me: at the gym dot. actual me: at the chip shop {emo}",
        "lottery numbers {N:lottery} not a single one 😭",
        "Reception counted {N:counting} all by themselves today 🥹",
        "one two three four five, once I caught a fish alive 🐟 Nursery's favourite this week",
        "{N:price} for a school photo?? £{N:price_plain} for the digital copy too",
        "the {N:train} train cancelled AGAIN",
        "parkrun PB {N:runtime}!! barcode {N:parkrun} finally earning its keep 🏃‍♀️",
        "Lego set {N:lego} for the STEM club, anyone got one spare?",
        "clubcard no {N:clubcard} isn't showing any points, cheers tesco",
        "council tax ref {N:ctax} why is it 11 digits 🙄",
        "Y{yr} trip to the museum {N:date}, coach leaves {N:time}. £{N:price_plain} per child",
        "class of {N:year} reunion anyone? 😂",
        "Marathon done ✅ {N:runtime}, {N:steps} steps",
        "raffle ticket no. {N:ticket}, fingers crossed 🤞",
        "{N:order0} is the order number if anyone from the PTA needs to chase the hoodies",
        "Teams meeting ID {N:teams} passcode {N:passcode} for the moderation meeting",
        "Zoom for tonight's governors: {N:zoom}, passcode {N:passcode}",
        "Pension ref {N:pension}, still no letter from Teachers' Pensions 🙄",
        "Student loan ref {N:slc} and they STILL took too much",
        "DBS certificate number {N:dbs} finally came through 🎉",
        "my TRN is {N:trn} apparently, who knew",
        "Y6 leavers hoodies £{N:price_plain}, order by {N:date} via {N:web}",
        "Charity run {N:date} - {N:distance}, raised £{N:price_big} so far {N:hashtag}",
        "bus {N:bus} was 20 mins late again, walked in at {N:time} 🙄",
        "the {N:time} meeting has moved to {N:time}, room {N:roomnum}",
        "0-0 at half time, 2-1 final. proud of the under 10s ⚽",
        "Number bonds to 10 today: 0+10, 1+9, 2+8, 3+7... Y1 smashed it",
        "Times tables test: 7x8=56, 6x7=42 and the classic 9x9=81 {emo}",
        "7 8 9 🤭 (because seven ate nine) - Y2's joke of the day",
        "oh oh oh the photocopier's jammed AGAIN 😤",
        "CV sent! fingers crossed for the deputy head role 🤞",
        "A4 paper shortage, anyone got a spare ream? Room {N:roomnum}",
        "the A64 is shut so I'll be late, {N:classcode} start without me",
        "Email me at school pls, not on here 🙂",
        "dot to dot sheets are in the Y1 tray, there's about 20 of them",
        "meet me at the big tree at 10 on the dot, I'll have the stopwatch",
        "Serial number {N:serial} on the new laminator. Warranty is 2 years, keep the box",
        "VIN {N:vin} 🙄 apparently I need that for the insurance",
        "UTR {N:nino_free_ref} for the tax return, why is it so hard",
        "weight loss update: {N:weight} down 💪",
        "Parcel from {N:shop}, order {N:order0}, tracking {N:tracking}, still lost",
        "Half term: {N:daterange} 🙌 back {N:date} {emo}",
        "{N:price} raised on the non-uniform day!! {N:hashtag}",
        "Y6 mock SATs: reading avg {N:satscore}, maths {N:satscore} 🎉 so proud",
        "Product recall on the {N:shop} kettles, model {N:prodcode}. check yours!",
        "staff photocopier code is changing {N:date}, ask {N:office_email} for yours",
        "flight {N:flight} gate {N:gate} boarding {N:time} ✈️ bye!!",
        "pizza order {N:order0} took 2 hours. never again",
        "we're {N:score} up at half time!!! come on {N:classcode} ⚽",
        "Book fair {N:date}, {N:time} in the hall. Card payments at {N:web}",
        "my reg is {N:reg} if you see me blocking you in x",
        "rugby club raffle: winning tickets {N:ticket}, {N:ticket}, {N:ticket}",
        "hiring: KS2 teacher, apply via {N:web} or {N:office_email} 📣",
        "school day is now {N:timerange} from september, breakfast club {N:time}",
        "ring the office not me 🙂 and no I won't be answering emails on half term",
        "year 6 residential {N:daterange}!! kit list is on {N:web}",
        "Kit order {N:order0} for {N:classcode} arrived, {N:price} well spent",
        "Our ParentPay ref is {N:acct8}, if anyone asks at the office",
        "Argos reservation no. {N:order0} - collecting at {N:time}",
        "passport renewal ref {N:caseno}, 6 weeks and counting 😩",
        "Car MOT booked, reg {N:reg}, {N:date} at {N:time}",
        "new car!! {N:reg} 🚗 no more bus {N:bus}",
        "Spotted the {N:motorway} sign and cried, 2 hours to go",
        "house number 07 on our road got the parcel, ours is number 70 🙄",
        "Spelling bee final: Y{yr} 14, Y{yr} 12!! 🐝",
        "Exam board centre no. {N:zoom}, candidate numbers start 0001",
        "the class tortoise is {N:year} years old? no, born in {N:year} 🐢",
        "Premium Bonds no. {N:member} still nothing 😂",
        "marked {N:counting} books tonight, or that's what it felt like",
        "WiFi down again, ticket {N:caseno} with IT",
        "Wrote 0 7 7 0 0 on the board and the whole of Y3 tried to add it up 😂",
        "World Book Day costume budget: {N:price}. my budget: 0",
        "Chapter 7, page 0114 of the planning file. yes really",
        "times table rockstars: {N:handle} is top of the leaderboard with {N:steps} points",
        "School Games score {N:score}, then {N:score} in the final!! {N:hashtag}",
        "sent the form to {N:office_email}, ref {N:invoice}",
        "can't log in to {N:web}, user ID {N:payroll}",
        "Seat 14C, flight {N:flight}, {N:date} 🌴",
        "phone upgrade day 📱 and nope not sharing the new number on here",
    ],
    "comment": [
        "omg {N:score} what a match",
        "its on {N:web}",
        "email {N:office_email} they'll sort it",
        "mine was order {N:order0}, same problem",
        "use code {N:promo} for 10% off",
        "haha {N:classcode} are legends",
        "room {N:roomnum} has spares",
        "check ur tracking no, mine was {N:tracking_dpd}",
        "i'm at the gym dot dot dot 😂",
        "it was {N:price} in the end {emo}",
        "the {N:train} was fine this morning",
        "ISBN is {N:isbn13}",
        "ours is {N:reg} lol",
        "{N:date} I think?",
        "follow {N:handle} they're great",
        "meeting id {N:zoom}",
        "order {N:order_amz} here, still waiting",
        "haha me at the gym dot. never",
        "{N:timerange} isn't it?",
        "car was {N:reg}, they caught him",
        "office email is {N:office_email}",
        "it's room {N:roomnum} 😊 next to the hall",
        "Same! ref {N:booking}",
    ],
    "bio": [
        "Y{yr} teacher @ {school} 🍎 | {N:hashtag} | views my own",
        "TA • {N:classcode} • mum • runner 🏃‍♀️ PB {N:runtime}",
        "Teacher since {N:year}. Work enquiries: {N:office_email}",
        "🎓 class of {N:year} | KS2 | {N:handle}",
        "SENCo at {school} | {N:web}",
        "PE teacher ⚽ | {N:hashtag} | coaching U{N:agegroup}s",
        "Head of Y6 | {N:classcode} | currently reading ISBN {N:isbn13} 📚",
        "Maths lead 📐 | {N:hashtag} {N:hashtag} | {N:web}",
        "Reception teacher. Dog mum. {N:distance} runner. Est. {N:year}",
        "Governor at {school}. Contact via {N:office_email}",
        "Y{yr} 🍎 | {N:handle} for school stuff | 5k PB {N:runtime}",
        "Primary teacher | {N:distance} finisher {N:year} | {N:hashtag}",
        "Deputy head @ {school} | all enquiries {N:office_email}",
    ],
    "msgc": [
        "can u check order {N:order0} came? it's the art supplies",
        "The coach booking ref is {N:booking}, leaves at {N:time}",
        "meeting ID {N:zoom} passcode {N:passcode}",
        "projector serial is {N:serial}, IT want it for the ticket",
        "photocopier code is {N:copiercode} x",
        "parked behind you, {N:reg}, shout if u need out",
        "please send it via {N:office_email} so it's logged",
        "can you cover {N:classcode} at {N:time}? room {N:roomnum}",
        "invoice {N:invoice} hasn't been paid, can you check with finance?",
        "the ISBN for the guided reading books is {N:isbn10}",
        "Teams code {N:teams}, starts {N:time}",
        "can you print 30 copies of page 0114? ta",
        "the invoice went to {N:office_email}, ref {N:invoice}",
        "cover for {N:classcode} on {N:date}? they're in room {N:roomnum}",
    ],
    "msgp": [
        "Thanks for your message. Please contact the school office at {N:office_email} 🙂",
        "Hi, it's ISBN {N:isbn10}, you can get it on {N:web}",
        "your order ref is {N:order0}, it'll be ready {N:date}",
        "Sorry, we don't take bookings on here - please use {N:web}",
        "Hi, the tickets are {N:price} each, the booking ref will be emailed",
        "Hi, please email {N:office_email} and they'll pass it on 🙂",
        "Thanks! Your order {N:order0} has been posted, tracking {N:tracking_rm}",
    ],
}

KIND_OUT = {
    "post": ("post", None),
    "comment": ("comment", None),
    "bio": ("profile:bio", None),
    "msgc": ("message", "colleague"),
    "msgp": ("message", "public"),
}

# --------------------------------------------------------------------------------------
# Voice: lower case, abbreviations, typos, emoji (only ever applied to template literals)
# --------------------------------------------------------------------------------------

ABBREV = [
    (r"\byou\b", "u"),
    (r"\byour\b", "ur"),
    (r"\bplease\b", "pls"),
    (r"\bthanks\b", "thx"),
    (r"\btomorrow\b", "tmrw"),
    (r"\bbecause\b", "cos"),
    (r"\bmessage\b", "msg"),
    (r"\btonight\b", "2nite"),
    (r"\bI'll\b", "ill"),
    (r"\bdon't\b", "dont"),
    (r"\bsomeone\b", "some1"),
    (r"\bwith\b", "w/"),
    (r"\bnumber\b", "no."),
    (r"\bI'm\b", "im"),
    (r"\bright\b", "rite"),
]
PH_RE = re.compile(r"\{([A-Za-z0-9_]+)(?::([A-Za-z0-9_]+))?\}")


class Generator:
    def __init__(self, seed: int):
        self.r = random.Random(seed)
        self.fake = Faker("en_GB")
        self.fake.seed_instance(seed)
        self.phones = Phones(self.r, self.fake)
        self.pcs = Postcodes(self.r, self.fake)
        self.emails = Emails(self.r, self.fake)
        self.negs = Negs(self.r, self.fake)

    # ---- voice ------------------------------------------------------------------------
    def messify(self, lits: list[str]) -> list[str]:
        r = self.r
        if r.random() < 0.35:
            lits = [x.lower() for x in lits]
        if r.random() < 0.35:
            pat, rep = r.choice(ABBREV)
            lits = [re.sub(pat, rep, x, flags=re.I) for x in lits]
        if r.random() < 0.25:  # one typo in one word
            cands = [(i, m) for i, x in enumerate(lits) for m in re.finditer(r"[A-Za-z]{5,}", x)]
            if cands:
                i, m = r.choice(cands)
                w = m.group(0)
                j = r.randrange(1, len(w) - 1)
                op = r.choice(["swap", "drop", "double"])
                if op == "swap":
                    w2 = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
                elif op == "drop":
                    w2 = w[:j] + w[j + 1 :]
                else:
                    w2 = w[:j] + w[j] + w[j:]
                lits[i] = lits[i][: m.start()] + w2 + lits[i][m.end() :]
        return lits

    # ---- rendering --------------------------------------------------------------------
    def render(self, tpl: str, ctx: dict) -> tuple[str, list[dict]]:
        segs: list[tuple[str | None, str, bool]] = []  # (rule, text, is_literal)
        pos = 0
        for m in PH_RE.finditer(tpl):
            if m.start() > pos:
                segs.append((None, tpl[pos : m.start()], True))
            segs.extend(self.fill(m.group(1), m.group(2), ctx))
            pos = m.end()
        if pos < len(tpl):
            segs.append((None, tpl[pos:], True))
        lit_idx = [i for i, s in enumerate(segs) if s[2]]
        new = self.messify([segs[i][1] for i in lit_idx])
        for i, t in zip(lit_idx, new, strict=True):
            segs[i] = (None, t, True)
        if self.r.random() < 0.22:
            segs.append((None, " " + self.r.choice(EMOJI), True))
        text, spans = "", []
        for rule, t, _ in segs:
            if rule:
                spans.append({"rule": rule, "start": len(text), "end": len(text) + len(t)})
                ctx.setdefault("values", []).append((rule, t))
            text += t
        for sp, (_, v) in zip(spans, ctx.get("values", []), strict=True):
            assert text[sp["start"] : sp["end"]] == v, (text, sp, v)
        return text, spans

    def street(self) -> str:
        return f"{self.fake.last_name()} {self.r.choice(STREET_SUFFIX)}"

    def fill(self, name: str, arg: str | None, ctx: dict):
        r = self.r
        if name == "P":
            return [(PHONE, self.phones.make(arg or ctx["phone_fmt"]), False)]
        if name == "P2":
            return [
                (
                    PHONE,
                    self.phones.make(r.choice(["std", "std", "nospace", "plus44", "alt", "faker"])),
                    False,
                )
            ]
        if name in ("PC", "PC2"):
            shape = ctx.get("pc_shape") if name == "PC" else None
            pc, town = self.pcs.make(shape or r.choice(list(POSTCODE_SHAPES)))
            return [(POSTCODE, pc, False)]
        if name == "ADDR":
            pc, town = self.pcs.make(ctx.get("pc_shape") or r.choice(list(POSTCODE_SHAPES)))
            num = r.randint(1, 140)
            flat = f"Flat {r.randint(1, 12)}, " if r.random() < 0.12 else ""
            street = self.street()
            if r.random() < 0.3:
                street = street.lower()
            town_part = r.choice([f", {town}, ", f", {town} ", ", ", f" {town} ", f"\n{town}\n"])
            if "\n" in town_part and r.random() < 0.5:
                town_part = f", {town}\n"
            return [(None, f"{flat}{num} {street}{town_part}", False), (POSTCODE, pc, False)]
        if name in ("E", "E2"):
            style = ctx.get("email_style") if name == "E" else "plain"
            return [(EMAIL, self.emails.make(style or "plain", ctx["first"], ctx["last"]), False)]
        if name == "N":
            v = self.negs.get(arg)
            return [(None, v, False)]
        if name == "first":
            return [(None, self.fake.first_name(), False)]
        if name == "last":
            return [(None, self.fake.last_name(), False)]
        if name == "name":
            return [(None, self.fake.first_name() + " " + self.fake.last_name(), False)]
        if name == "town":
            return [(None, r.choice(ALL_TOWNS), False)]
        if name == "street":
            return [(None, self.street(), False)]
        if name == "school":
            return [(None, r.choice(SCHOOLS)[0], False)]
        if name == "day":
            return [(None, r.choice(DAYS), False)]
        if name == "time":
            return [(None, r.choice(TIMES), False)]
        if name == "yr":
            return [(None, str(r.randint(1, 6)), False)]
        if name == "emo":
            return [(None, r.choice(EMOJI), False)]
        raise KeyError(name)

    # ---- records ----------------------------------------------------------------------
    def pick_kind(self) -> str:
        return self.r.choices(list(KIND_WEIGHTS), weights=list(KIND_WEIGHTS.values()))[0]

    def pick_tpl(self, pool: list[str], disguised: bool) -> str:
        tpl = self.r.choice([t for t in pool if disguised or not t.startswith("~")])
        return tpl.removeprefix("~")

    def one(self, cls: str, spec: str, seen: set[str]) -> dict:
        r = self.r
        for _ in range(200):
            ctx = {"first": self.fake.first_name(), "last": self.fake.last_name()}
            if cls == "phone":
                ctx["phone_fmt"] = spec
                if spec.startswith("intl_"):
                    kind, tpl = r.choice(INTL_T[spec[5:]])
                else:
                    kind = self.pick_kind()
                    pool = PHONE_T[kind] + (PHONE_T_COMBO.get(kind, []) if r.random() < 0.5 else [])
                    tpl = self.pick_tpl(pool, spec in DISGUISED_PHONE)
                    if r.random() < 0.12 and "{N:" not in tpl and kind in ("post", "comment"):
                        tpl = tpl + r.choice(
                            [
                                " (order {N:order0})",
                                " - room {N:roomnum}",
                                " {N:hashtag}",
                                ". ps {N:date} still on",
                                " {N:any}",
                            ]
                        )
            elif cls == "postcode":
                ctx["pc_shape"] = spec
                kind = self.pick_kind()
                tpl = r.choice(POSTCODE_T[kind])
                if "PC2" in tpl:
                    ctx["pc_shape"] = spec  # first one gets the planned shape
            elif cls == "email":
                ctx["email_style"] = spec
                kind = self.pick_kind()
                tpl = self.pick_tpl(EMAIL_T[kind], spec.startswith("ob_"))
                if r.random() < 0.1 and kind == "post" and "{N:" not in tpl:
                    tpl = tpl + r.choice(
                        [" {N:hashtag}", " ({N:office_email} for school stuff)", " - {N:date}"]
                    )
            else:
                kind, tpl = spec.split("|", 1)
            text, spans = self.render(tpl, ctx)
            if not (20 <= len(text) <= 280) or text in seen:
                continue
            if not self.clean(text, spans):
                continue
            seen.add(text)
            k, to = KIND_OUT[kind]
            return {
                "text": text,
                "kind": k,
                "to": to,
                "expected": spans,
                "_cls": cls,
                "_spec": spec if cls != "neg" else tpl,
                "_tpl": tpl,
            }
        raise RuntimeError(f"could not render {cls} {spec}")

    @staticmethod
    def clean(text: str, spans: list[dict]) -> bool:
        """Reject a render with a postcode- or email-shaped string outside the labelled spans
        (a look-alike that happens to be a real postcode or a non-institutional address)."""

        def covered(s, e, rule):
            return any(sp["rule"] == rule and sp["start"] <= s and e <= sp["end"] for sp in spans)

        for m in PC_RE.finditer(text):
            if not covered(m.start(), m.end(), POSTCODE):
                return False
        for m in EMAIL_RE.finditer(text):
            if covered(m.start(), m.end(), EMAIL):
                continue
            dom = m.group(0).split("@", 1)[1].lower()
            if not (
                dom.endswith((".sch.uk", ".gov.uk"))
                or dom in {x.split("@")[1] for x in OTHER_INSTITUTIONAL}
                or dom in {s[1] for s in SCHOOLS}
            ):
                return False
        return True

    def build(self) -> list[dict]:
        r = self.r
        plan: list[tuple[str, str]] = []
        for fmt, n in PHONE_FORMATS.items():
            plan += [("phone", fmt)] * n
        for shape, n in POSTCODE_SHAPES.items():
            plan += [("postcode", shape)] * n
        for style, n in EMAIL_STYLES.items():
            plan += [("email", style)] * n
        neg_pool = [f"{k}|{t}" for k, ts in NEG_T.items() for t in ts]
        # every negative template at least once, the rest weighted towards posts/comments
        negs = list(neg_pool)
        r.shuffle(negs)
        while len(negs) < N_NEG:
            kind = self.pick_kind()
            negs.append(f"{kind}|{r.choice(NEG_T[kind])}")
        plan += [("neg", s) for s in negs[:N_NEG]]
        r.shuffle(plan)
        seen: set[str] = set()
        out = []
        for i, (cls, spec) in enumerate(plan, 1):
            rec = self.one(cls, spec, seen)
            out.append({"id": f"pii3-{i:04d}", **rec})
        return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--out", type=Path, default=OUT)
    a = ap.parse_args()
    recs = Generator(a.seed).build()
    a.out.parent.mkdir(parents=True, exist_ok=True)
    with a.out.open("w", encoding="utf-8") as fh:
        for rec in recs:
            row = {k: rec[k] for k in ("id", "text", "kind", "to", "expected")}
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    # self-check on what was written
    rows = [json.loads(x) for x in a.out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == N_PHONE + N_POSTCODE + N_EMAIL + N_NEG
    assert len({x["text"] for x in rows}) == len(rows)
    for row in rows:
        assert 20 <= len(row["text"]) <= 280, row
        for sp in row["expected"]:
            assert 0 <= sp["start"] < sp["end"] <= len(row["text"]), row
    cls = Counter(rec["_cls"] for rec in recs)
    per_rule = Counter(rule for row in rows for rule in {sp["rule"] for sp in row["expected"]})
    spans = Counter(sp["rule"] for row in rows for sp in row["expected"])
    print(f"wrote {len(rows)} records to {a.out}")
    print("built around:", dict(cls))
    print(
        "records containing:",
        dict(per_rule),
        "| negatives:",
        sum(1 for x in rows if not x["expected"]),
    )
    print("spans:", dict(spans))
    n_mixed = sum(1 for rec in recs if rec["expected"] and "{N:" in rec["_tpl"])
    print("positives that also carry a look-alike distractor:", n_mixed)
    print("kinds:", dict(Counter((x["kind"], x["to"]) for x in rows)))


if __name__ == "__main__":
    main()
