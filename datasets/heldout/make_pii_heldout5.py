# ruff: noqa: E501, E741 (data tables and templates read better on one line)
"""Generate blind held-out set #5 for the personal-information rules (phone, email, postcode).

This set was written BLIND: without reading the detector (src/safepractice/engine/), the other
data sets in the repo, docs/engine.md or the benchmarks. The only project file consulted was
src/safepractice/engine/tests/data/school.toml, for the school's own office number and email
domain (used as hard negatives) and to keep pupil/staff names out of the texts.

Each line: {"id", "text", "kind", "to", "expected": [{"rule", "start", "end"}]}; spans are Python
character offsets computed from where each value was inserted, and asserted on write.
Reproducible (fixed seed).  Run:  .venv/bin/python datasets/heldout/make_pii_heldout5.py
"""

import json
import random
import re
from collections import Counter
from pathlib import Path

from faker import Faker

SEED = 55005
R = random.Random(SEED)
FK = Faker("en_GB")
FK.seed_instance(SEED)
OUT = Path(__file__).resolve().parents[2] / "src/safepractice/engine/tests/data/heldout/pii5.jsonl"
PHONE, EMAIL, POSTCODE = (f"personal-information.{r}" for r in ("phone", "email", "postcode"))
N_PHONE, N_EMAIL, N_PC, N_NEG = 250, 200, 150, 400

SCHOOL_TEL = "01962 760321"
SCHOOL_DOMAIN = "staldhelms.hants.sch.uk"
AVOID = {
    "Amelia",
    "Hughes",
    "Oliver",
    "Nowak",
    "Zoë",
    "Zoe",
    "Okafor",
    "William",
    "Thornbury",
    "Billy",
    "Priya",
    "Raman",
    "Callum",
    "Fitzgerald",
    "Siân",
    "Sian",
    "Pritchard",
    "Sarah",
    "Patel",
    "Gareth",
    "Llewellyn",
}
TOWNS = [
    "Winchester",
    "Eastleigh",
    "Basingstoke",
    "Andover",
    "Alresford",
    "Romsey",
    "Southampton",
    "Fareham",
    "Petersfield",
    "Alton",
    "Reading",
    "Salisbury",
    "Bristol",
    "Leeds",
    "Manchester",
    "Cardiff",
    "Norwich",
    "York",
    "Brighton",
    "Exeter",
    "Bournemouth",
    "Chandler's Ford",
    "Kings Worthy",
    "Twyford",
]
STREETS = [
    "Elm Road",
    "Stockbridge Road",
    "Church Lane",
    "Victoria Street",
    "Oak Close",
    "Mill Lane",
    "Kingsgate Road",
    "St Cross Road",
    "Station Road",
    "The Avenue",
    "Park View",
    "Bereweeke Way",
    "Hyde Close",
    "Queens Road",
    "Chilbolton Avenue",
    "Cranworth Road",
    "Lower Brook Street",
    "Willow Drive",
    "Meadow Way",
    "Badger Farm Road",
    "Harestock Road",
    "Fairfield Road",
]
BIZ = [
    "wessexcoaches.co.uk",
    "thecakebox-winchester.co.uk",
    "hampshirepartyhire.com",
    "greenleafgardens.co.uk",
    "kingsworthyleisure.co.uk",
    "primaryphonicsltd.co.uk",
    "rainbowtheatre.org.uk",
    "itchenvalleykitchens.co.uk",
]
OTHER_SCHOOLS = [
    "kingsworthy.hants.sch.uk",
    "westhillpark.hants.sch.uk",
    "oakfield-jun.hants.sch.uk",
    "stpeters.wilts.sch.uk",
    "hollybrook.soton.sch.uk",
    "harestock.hants.sch.uk",
]
EMOJI = [
    "😂",
    "🙏",
    "😩",
    "🎉",
    "❤️",
    "💛",
    "👍",
    "🙌",
    "😬",
    "🤦‍♀️",
    "☕",
    "📚",
    "🍎",
    "✨",
    "🥳",
    "😅",
    "x",
    "xx",
    "💪",
    "🤞",
    "😭",
    "👀",
    "🌞",
]


def dg(k):
    return "".join(R.choices("0123456789", k=k))


def name(avoid=AVOID):
    while True:
        f, l = FK.first_name(), FK.last_name()
        if f not in avoid and l not in avoid:
            return f, l


# ---------------------------------------------------------------- phone numbers (labelled)
def mobile():
    d = "07700900" + dg(3) if R.random() < 0.6 else "07" + R.choice("1234579") + dg(8)
    fmts = [
        f"{d[:5]} {d[5:]}",
        f"{d[:5]} {d[5:8]} {d[8:]}",
        f"{d[:4]} {d[4:7]} {d[7:]}",
        f"{d[:3]} {d[3:7]} {d[7:]}",
        d,
        d,
        f"+44 {d[1:5]} {d[5:]}",
        f"+44 (0){d[1:5]} {d[5:]}",
        f"+44{d[1:]}",
        f"0044 {d[1:5]} {d[5:]}",
        f"({d[:5]}) {d[5:]}",
        f"{d[:5]}-{d[5:8]}-{d[8:]}",
        f"{d[:5]}.{d[5:8]}.{d[8:]}",
        f"+44-{d[1:5]}-{d[5:8]}-{d[8:]}",
        f"+44 {d[1:4]} {d[4:7]} {d[7:]}",
        f"{d[:5]} {d[5:]}",
        f"{d[:5]} {d[5:8]} {d[8:]}",
    ]
    return R.choice(fmts)


def landline():
    c = R.random()
    if c < 0.2:
        g = ["020", "7946", "0" + dg(3)]
        if R.random() < 0.25:
            return R.choice([f"0207 946 {g[2]}", f"0207946{g[2]}", f"(0207) 946 {g[2]}"])
    elif c < 0.52:
        g = [
            R.choice(
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
            ),
            "496",
            "0" + dg(3),
        ]
    elif c < 0.64:
        g = R.choice([["028", "9018", dg(4)], ["029", "2018", dg(4)]])
    elif c < 0.78:
        g = ["01632", "960" + dg(3)]
    elif c < 0.88:
        g = [
            R.choice(["01962", "01489", "01730", "01256", "01420", "01794", "01264", "01252"]),
            R.choice("2345689") + dg(5),
        ]  # never the school's own 01962 7xxxxx
    elif c < 0.92:
        g = R.choice([["015394", "2" + dg(4)], ["015396", "2" + dg(4)], ["016977", "3" + dg(3)]])
    else:
        g = [R.choice(["0300", "0330", "0333", "0345", "0800", "0808"]), dg(3), dg(4)]
    a, rest = g[0], g[1:]
    fmts = [" ".join(g)] * 4 + [
        f"({a}) " + " ".join(rest),
        f"+44 {a[1:]} " + " ".join(rest),
        f"+44 (0){a[1:]} " + " ".join(rest),
        "".join(g),
        "-".join(g),
        f"{a} " + "".join(rest),
    ]
    return R.choice(fmts)


def faker_phone():
    while True:
        s = R.choice([FK.phone_number, FK.cellphone_number])()
        if len(re.sub(r"\D", "", s.replace("+44", "0").replace("(0)", ""))) == 11:
            return s


def intl():
    return R.choice(
        [
            lambda: f"+353 8{R.choice('3567')} {dg(3)} {dg(4)}",
            lambda: f"+353 1 {dg(3)} {dg(4)}",
            lambda: f"+33 6 {dg(2)} {dg(2)} {dg(2)} {dg(2)}",
            lambda: f"+33 (0)7 {dg(2)} {dg(2)} {dg(2)} {dg(2)}",
            lambda: f"+1 (202) 555-01{dg(2)}",
            lambda: f"+1 617-555-01{dg(2)}",
            lambda: f"+34 6{dg(2)} {dg(3)} {dg(3)}",
            lambda: f"+61 4{dg(2)} {dg(3)} {dg(3)}",
            lambda: f"+49 151 {dg(4)} {dg(4)}",
            lambda: f"+3538{R.choice('5678')}{dg(7)}",
        ]
    )()


def phone():
    c = R.random()
    return (
        mobile()
        if c < 0.55
        else landline()
        if c < 0.78
        else faker_phone()
        if c < 0.9
        else intl()
        if c < 0.95
        else FILL["PF"]()
    )


# ---------------------------------------------------------------- email addresses (labelled)
FREE = ["gmail.com"] * 7 + [
    "googlemail.com",
    "hotmail.co.uk",
    "hotmail.co.uk",
    "hotmail.com",
    "outlook.com",
    "outlook.com",
    "live.co.uk",
    "yahoo.co.uk",
    "yahoo.co.uk",
    "yahoo.com",
    "btinternet.com",
    "btinternet.com",
    "icloud.com",
    "icloud.com",
    "me.com",
    "sky.com",
    "sky.com",
    "aol.com",
    "virginmedia.com",
    "talktalk.net",
    "proton.me",
    "ntlworld.com",
]


def email_parts():
    f, l = (re.sub(r"[^a-z]", "", x.lower()) for x in name())
    if R.random() < 0.1:
        return R.choice(["hello", "me", "mail", "hi", f, "contact"]), f"{f}{l}." + R.choice(
            ["co.uk", "com", "me.uk", "uk", "net", "me"]
        )
    loc = R.choice(
        [
            f"{f}.{l}",
            f"{f}.{l}",
            f"{f}{l}",
            f"{f[0]}{l}",
            f"{f}_{l}",
            f"{f}.{l}{R.randint(1, 99)}",
            f"{f}{l}{R.choice(['1978', '85', '1992', '07', '2001', '123'])}",
            f"{f}.{l}+{R.choice(['school', 'shopping', 'ebay', 'news', 'pta'])}",
            f"{l}.{f[0]}",
            f"{f}{R.choice(['teach', 'bakes', 'runs', '_mum', '.dad', 'xx', '_uk', '.art'])}",
            f"mrs{l}",
            f"{f[0]}.{l}_{dg(2)}",
            f"{f}-{l}",
            f"the{l}family",
            f"{f}{l[0]}{dg(3)}",
        ]
    )
    return loc, R.choice(FREE)


def email():
    loc, dom = email_parts()
    c = R.random()
    if c < 0.12:
        loc = ".".join(p.capitalize() for p in loc.split("."))
    elif c < 0.17:
        loc, dom = loc.capitalize(), dom.capitalize()
    elif c < 0.2:
        return f"{loc}@{dom}".upper()
    return f"{loc}@{dom}"


def email_disguised():
    loc, dom = email_parts()
    return R.choice(
        [
            loc.replace(".", " dot ") + " at " + dom.replace(".", " dot "),
            f"{loc}[at]{dom.replace('.', '[dot]')}",
            f"{loc} [at] {dom.replace('.', ' [dot] ')}",
            f"{loc} (at) {dom}",
            f"{loc}(at){dom}",
            f"{loc} AT {dom.replace('.', ' DOT ')}",
            f"{loc} @ {dom}",
            f"{loc} at {dom}",
            f"{loc}(at){dom.replace('.', '(dot)')}",
        ]
    )


# ---------------------------------------------------------------- postcodes (labelled)
INWARD = "ABDEFGHJLNPQRSTUWXYZ"
TWO = [
    "AB",
    "AL",
    "BA",
    "BB",
    "BD",
    "BH",
    "BL",
    "BN",
    "BR",
    "BS",
    "BT",
    "CA",
    "CB",
    "CF",
    "CH",
    "CM",
    "CO",
    "CR",
    "CT",
    "CV",
    "CW",
    "DA",
    "DD",
    "DE",
    "DH",
    "DL",
    "DN",
    "DT",
    "DY",
    "EH",
    "EN",
    "EX",
    "FK",
    "FY",
    "GL",
    "GU",
    "HA",
    "HD",
    "HG",
    "HP",
    "HR",
    "HU",
    "HX",
    "IG",
    "IP",
    "KT",
    "LA",
    "LE",
    "LN",
    "LS",
    "LU",
    "ME",
    "MK",
    "NE",
    "NG",
    "NN",
    "NP",
    "NR",
    "NW",
    "OL",
    "OX",
    "PE",
    "PL",
    "PO",
    "PR",
    "RG",
    "RH",
    "RM",
    "SE",
    "SG",
    "SK",
    "SL",
    "SN",
    "SO",
    "SP",
    "SR",
    "SS",
    "ST",
    "SW",
    "TA",
    "TN",
    "TQ",
    "TR",
    "TS",
    "TW",
    "UB",
    "WA",
    "WD",
    "WF",
    "WN",
    "WR",
    "WS",
    "WV",
    "YO",
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
    "N1P",
]
AA9A = [
    "EC1A",
    "EC1M",
    "EC1V",
    "EC2A",
    "EC2M",
    "EC3R",
    "EC4M",
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
    "WC1V",
    "WC2A",
    "WC2B",
    "WC2E",
    "WC2H",
    "WC2N",
    "SE1P",
]
REAL = [
    "M1 1AE",
    "B33 8TH",
    "CR2 6XH",
    "DN55 1PT",
    "W1A 0AX",
    "EC1A 1BB",
    "SW1W 0NY",
    "PO1 3AX",
    "PO4 9QR",
    "SO23 9LA",
    "SO22 5HA",
    "SO21 1HF",
    "BS8 1TH",
    "LS6 2AB",
    "G12 8QQ",
    "EH1 1YZ",
    "CF10 3AT",
    "BT7 1NN",
]


def postcode():
    c = R.random()
    if c < 0.15:
        pc = R.choice(REAL)
    else:
        out = (
            R.choice("BEGLMNS") + str(R.randint(1, 9))
            if c < 0.27
            else R.choice("BGLMS") + str(R.randint(10, 60))
            if c < 0.4
            else R.choice(TWO) + str(R.randint(1, 9))
            if c < 0.6
            else R.choice(TWO) + str(R.randint(10, 29))
            if c < 0.85
            else R.choice(A9A)
            if c < 0.92
            else R.choice(AA9A)
        )
        pc = f"{out} {R.randrange(10)}{R.choice(INWARD)}{R.choice(INWARD)}"
    s = R.random()
    return (
        pc
        if s < 0.68
        else pc.lower()
        if s < 0.78
        else pc.replace(" ", "")
        if s < 0.86
        else pc.replace(" ", "").lower()
        if s < 0.91
        else pc.title()
        if s < 0.96
        else pc[0] + pc[1:].lower()
    )


# ---------------------------------------------------------------- unlabelled fillers / hard negatives
LET = "ABCDEFGHJKLMNPRSTUVWXY"


def nhs():
    while True:
        d = [R.randrange(10) for _ in range(9)]
        chk = 11 - sum(x * (10 - i) for i, x in enumerate(d)) % 11
        if chk < 10:
            s = "".join(map(str, d)) + str(chk % 11)
            return R.choice([f"{s[:3]} {s[3:6]} {s[6:]}", s, f"{s[:3]}-{s[3:6]}-{s[6:]}"])


def isbn():
    d = "978" + R.choice("01") + dg(8)
    chk = (10 - sum(int(x) * (3 if i % 2 else 1) for i, x in enumerate(d)) % 10) % 10
    return R.choice([f"{d[:3]}-{d[3]}-{d[4:6]}-{d[6:12]}-{chk}", d + str(chk)])


def ni():
    p = R.choice("ABCEGHJKLMNOPRSTWXYZ") + R.choice("ABCEGHJKLMNPRSTWXYZ")
    s = dg(6)
    return R.choice(
        [f"{p} {s[:2]} {s[2:4]} {s[4:]} {R.choice('ABCD')}", f"{p}{s}{R.choice('ABCD')}"]
    )


def reg():
    r = (
        R.choice(LET)
        + R.choice(LET)
        + R.choice(["19", "68", "21", "71", "15", "65", "23", "73", "09", "59"])
    )
    t = "".join(R.choices(LET, k=3))
    return R.choice([f"{r} {t}", f"{r} {t}", r + t])


def date():
    d, m, y = R.randint(1, 28), R.randint(1, 12), R.choice([2024, 2025, 2026])
    mon = [
        "Jan",
        "Feb",
        "March",
        "April",
        "May",
        "June",
        "July",
        "Aug",
        "Sept",
        "Oct",
        "Nov",
        "Dec",
    ][m - 1]
    return R.choice(
        [
            f"{d:02d}/{m:02d}/{y}",
            f"{d}/{m}/{y % 100}",
            f"{d} {mon} {y}",
            f"{y}-{m:02d}-{d:02d}",
            f"{d:02d}.{m:02d}.{y % 100}",
            f"{d:02d}/{m:02d}",
        ]
    )


def org_mail():
    return R.choice(
        [
            f"{R.choice(['office', 'admin', 'pta', 'finance', 'admissions'])}@{SCHOOL_DOMAIN}",
            f"{R.choice(['admin', 'office', 'enquiries'])}@{R.choice(OTHER_SCHOOLS)}",
            f"{R.choice(['info', 'enquiries', 'bookings', 'sales', 'customerservices'])}@{R.choice(BIZ)}",
            "enquiries@ofsted.gov.uk",
            "childrens.services@hants.gov.uk",
            "noreply@parentpay.com",
            "no-reply@accounts.google.com",
            "enquiries@hampshirehospitals.nhs.uk",
        ]
    )


def handle():
    f, l = name()
    return "@" + R.choice(
        [
            f"{f.lower()}_{l.lower()}",
            f"Mr{l}Y6",
            f"Mrs{l[0]}_teaches",
            f"{f}Teaches{dg(2)}",
            f"{l.lower()}.reads",
            f"y{R.randint(1, 6)}_{f.lower()}",
        ]
    )


FILL = {
    "P": phone,
    "PM": mobile,
    "PL": landline,
    "PX": intl,
    "E": email,
    "ED": email_disguised,
    "C": postcode,
    "PF": lambda: R.choice(
        [f"0800 {dg(3)} {dg(4)}", f"0808 {dg(3)} {dg(4)}", f"0800 {dg(6)}", f"0800{dg(7)}"]
    ),
    "EX": lambda: email_disguised() if R.random() < 0.15 else email(),
    "N": lambda: name()[0],
    "L": lambda: name()[1],
    "TOWN": lambda: R.choice(TOWNS),
    "ST": lambda: R.choice(STREETS),
    "H": lambda: str(R.randint(1, 148)) + R.choice(["", "", "", "", "a", "b"]),
    "FLAT": lambda: str(R.randint(1, 24)),
    "ORD": lambda: R.choice(
        [
            "0" + dg(10),
            "0" + dg(10),
            "0" + dg(9),
            dg(11),
            f"0{dg(4)} {dg(6)}",
            f"{dg(3)}-{dg(7)}-{dg(7)}",
            "00" + dg(8),
        ]
    ),
    "REF": lambda: R.choice(
        [
            f"{R.choice(LET)}{R.choice(LET)}{dg(6)}",
            "0" + dg(9),
            f"{dg(4)}-{dg(4)}-{dg(3)}",
            "0" + dg(7),
            f"{''.join(R.choices(LET, k=6))}",
        ]
    ),
    "TRK": lambda: R.choice(
        [
            f"{R.choice(LET)}{R.choice(LET)}{dg(9)}GB",
            dg(14),
            "0" + dg(15),
            f"H0{dg(2)}{R.choice(LET)}{R.choice(LET)}{dg(10)}",
        ]
    ),
    "MEM": lambda: R.choice(["0" + dg(7), "0" + dg(10), f"M{dg(8)}"]),
    "POL": lambda: R.choice(["0" + dg(10), f"POL-0{dg(8)}", f"{dg(3)} {dg(4)} {dg(4)}"]),
    "SORT": lambda: R.choice([f"{dg(2)}-{dg(2)}-{dg(2)}", f"{dg(2)} {dg(2)} {dg(2)}"]),
    "ACC": lambda: dg(8),
    "NHS": nhs,
    "NI": ni,
    "CARD": lambda: dg(4),
    "ISBN": isbn,
    "REG": reg,
    "DATE": date,
    "VAT": lambda: R.choice(
        [f"GB {dg(3)} {dg(4)} {dg(2)}", f"GB{dg(9)}", f"{dg(3)} {dg(4)} {dg(2)}"]
    ),
    "TIME": lambda: R.choice(
        [
            f"{R.randint(7, 20)}:{R.choice(['00', '15', '30', '45', '05'])}",
            f"{R.randint(1, 11)}.{R.choice(['00', '15', '30', '45'])}pm",
            f"0{R.randint(7, 9)}:{dg(1)}5",
        ]
    ),
    "SCORE": lambda: R.choice(
        [
            f"{R.randint(0, 6)}-{R.randint(0, 6)}",
            f"{R.randint(7, 35)} - {R.randint(7, 35)}",
            f"{R.randint(10, 40)}–{R.randint(3, 30)}",
        ]
    ),
    "PRICE": lambda: R.choice(
        [
            f"£{R.randint(1, 9)},{dg(3)}.{dg(2)}",
            f"£{R.randint(2, 99)}.{dg(2)}",
            f"£{R.randint(5, 400)}",
            f"£{R.randint(10, 999)}.00",
        ]
    ),
    "RUNT": lambda: f"{R.randint(19, 34)}:{R.randint(0, 59):02d}",
    "HM": lambda: f"{R.randint(1, 2)}:{R.randint(0, 59):02d}:{R.randint(0, 59):02d}",
    "PCT": lambda: f"{R.randint(80, 99)}.{R.randint(0, 9)}%",
    "YEAR": lambda: str(R.randint(1998, 2025)),
    "FLIGHT": lambda: (
        R.choice(["BA", "EZY", "FR", "U2", "LS", "TOM", "BA "]) + str(R.randint(100, 9999))
    ),
    "HANDLE": handle,
    "ORGMAIL": org_mail,
    "SCHTEL": lambda: SCHOOL_TEL,
    "BIZ": lambda: R.choice(BIZ),
    "SCHMAIL": lambda: f"{R.choice(['office', 'admin', 'pta'])}@{SCHOOL_DOMAIN}",
    "EMO": lambda: R.choice(EMOJI),
    "OTHSCH": lambda: R.choice(OTHER_SCHOOLS),
}
LABEL = {
    "P": PHONE,
    "PM": PHONE,
    "PL": PHONE,
    "PX": PHONE,
    "PF": PHONE,
    "E": EMAIL,
    "ED": EMAIL,
    "EX": EMAIL,
    "C": POSTCODE,
}

# ---------------------------------------------------------------- templates
# Each is (allowed kinds, template). kinds: p=post c=comment b=profile:bio m=message l=profile:location j=job_title
PHONE_T = [
    ("pc", "Lost my phone at the leavers disco 😩 new number is {PM}, pls save it!!"),
    ("pcm", "Anyone got a carpet cleaner they rate? Ring me on {P} after 6, cheers"),
    ("pc", "Selling my old bike, {PRICE} ono. Collection only from {TOWN}. Text {PM} x"),
    ("pc", "new num who dis 😂 {PM}"),
    ("pcm", "If anyone needs a lift to the inset day tmrw give me a bell {PM}"),
    ("b", "Tutoring available for KS2 maths & English – contact {P} {EMO}"),
    ("b", "Home: {PL} | Mob: {PM}"),
    ("bm", "mob {PM} / home {PL}"),
    ("pcb", "{PM} (text only) – lost my voice after parents evening lol"),
    ("p", "FOUND a set of keys outside the co-op on {ST}, call {P} to claim"),
    ("m", "Can you ring me back on {PL} when you get a min? Cheers, {N}"),
    ("pm", "Hi all, organising the staff Christmas do 🎄 RSVP by text to {PM} by Friday pls"),
    ("pc", "spare ticket for Saturday's gig if anyone wants it, {PRICE}, msg me on {PM}"),
    ("m", "My mum's landline is {PL} if you can't get hold of me over half term"),
    ("pc", "Out here for the summer ☀️ whatsapp me on {PX}, UK sim is off"),
    ("pc", "Babysitter needed Tue/Thu after school, must be DBS checked, call {P}"),
    ("p", "ANYONE SEEN A GREY CAT ON {ST}??? PLEASE CALL {PM} 🙏🙏"),
    ("pc", "Leaving {TOWN} after 12 yrs 😭 keep in touch – {PM}"),
    ("b", "tel: {PL}"),
    ("b", "📞 {P}"),
    ("b", "Dog walker/pet sitter in {TOWN} 🐾 reasonable rates. {PM}"),
    ("pc", "Thanks for tonight guys!! If anyone found my scarf pls ring {PM} xx"),
    ("pc", "Running club meets Sunday 8am, ring {N} on {PM} for details"),
    ("pcm", "call/text {PM} or ring the house {PL} after 7pm"),
    ("m", "Hi, this is {N} from the PTA, my number is {PM}"),
    ("m", "Ring me on {P}, I'm free after 3:15"),
    ("pcm", "my new mobile is {PM} — the old one's dead, went through the washing machine"),
    ("pc", "Lift share to the conference on {DATE}? I'm driving from {TOWN}, {PM}"),
    ("pc", "Free sofa, you collect. Phone {PL} or {PM}"),
    ("m", "{N}'s number is {PM} if you need her for cover tomorrow"),
    (
        "pb",
        "Just set up my tutoring business! 🎉 Call me free on {PF} (free from landlines & mobiles)",
    ),
    ("pc", "lol my number's changed AGAIN. {PM}. Delete the old one"),
    ("pc", "Anyone selling Year 4 uniform? 👕 text {PM}"),
    ("pcm", "Car's broken down on the A34 😫 if you're passing call me {PM}"),
    ("pc", "if ur reading this and need help with the minibus rota just call me {P}"),
    ("pc", "Fri night quiz at The Swan 🍻 teams of 6, book w/ me on {PM} or {PL}"),
    ("pc", "Selling 2 x concert tickets, face value, {PRICE} each. WhatsApp {P}"),
    ("m", "Please call me on {PL} (home) or {PM} (mobile) re the trip paperwork"),
    ("j", "Private tutor (KS1-KS2) – {PM}"),
    ("pm", "Back from Dublin Tues, til then my Irish number is {PX} 🇮🇪"),
    ("c", "Ring my husband on {PM}, he'll sort the gazebo out for Saturday"),
    ("pc", "anyone want 3 bags of kids clothes age 5-6, free, {P}, collection {TOWN}"),
    ("cm", "my number is {P} but signal at home is awful so text first"),
]
EMAIL_T = [
    ("pc", "Anyone got a spare copy of the phonics scheme? email me {E} 📚"),
    ("pcm", "Drop me a line at {E} if you want the planning files"),
    ("b", "✉️ {E}"),
    ("b", "Teacher & illustrator 🎨 Commissions: {E}"),
    ("b", "Teacher by day, baker by night 🧁 Orders: {EX}"),
    ("pcb", "email me: {ED} (no spam pls)"),
    ("pc", "contact me at {ED} for the sign up sheet"),
    ("pc", "New email as I've left BT 🙄 it's now {E}"),
    ("pcm", "send the photos to {E} and I'll print them for the leaving card"),
    ("m", "Can you send it to my personal one? {E} – work one keeps bouncing"),
    ("pc", "{E} is my email if anyone wants to join the book club 📖"),
    ("pc", "Forward any CVs to {E}... not my school address pls!!"),
    ("pc", "My old email {E} is dead, use {E} now pls"),
    ("b", "writes about primary science 🔬 | {E} | views my own"),
    ("m", "Hiya, it's {N}. Could you email the risk assessment to {E}? Ta"),
    ("pc", "FREE kitten to good home!! 🐱 email {E}"),
    ("cm", "i'm on {E} if ur messages aren't coming thru"),
    ("b", "Ex-teacher, now tutor. KS2 SATs prep. Email {ED}"),
    ("pm", "Please RSVP for {N}'s 40th to {E} by {DATE} 🎂"),
    ("pm", "Fancy being pen pal classes? email me {E} and we'll sort it"),
    ("c", "DM me or email {EX}"),
    ("pc", "Sign up for the charity walk ➡️ {E} (or just turn up lol)"),
    ("pc", "THE ONLY EMAIL I CHECK IS {E}"),
    ("pc", "Apologies if you tried to email me, old address was hacked. Real one: {E}"),
    ("pc", "Ofsted bingo cards available on request 😂 {E}"),
    ("c", "Email {ED} for the recipe x"),
    ("cm", "She said to email her at {E}, she's got loads of spare books"),
    ("pc", "google form isn't working so just email answers to {E} by Friday"),
    ("b", "Y2 teacher | choir | {ED}"),
    ("m", "my gmail is {E}, send me the link there"),
    ("pc", "Selling a cot bed, barely used. Email {E} for pics"),
]
PC_T = [
    ("pc", "Moved to {C}!! 🏡 housewarming soon"),
    ("pcm", "Parcel for me? Send to {H} {ST}, {TOWN}, {C}"),
    ("l", "📍 {TOWN} {C}"),
    ("l", "{C}"),
    ("l", "{TOWN}, {C}"),
    ("l", "{H} {ST}, {TOWN} {C}"),
    ("p", "Car boot sale Sunday on the field behind {H} {ST} ({C}) from 8am"),
    ("pm", "Satnav postcode for the party is {C}, park on the road not the drive pls"),
    ("pc", "Anyone know a good window cleaner near {C}?"),
    ("pc", "lost ginger cat around {C} area, answers to Biscuit 🐈"),
    ("pcm", "sending xmas cards – my new addy is {H} {ST}, {TOWN} {C} x"),
    ("pm", "Leaving drinks at mine! {H} {ST}, {C}. Bring a bottle 🍷"),
    ("pc", "Free-to-collect wardrobe, {C}, must go by weekend"),
    ("pc", "Our new place is {C} — 10 mins from school, finally no more M3 traffic"),
    ("m", "Can you post the marking back to {H} {ST} {C}? ta"),
    ("b", "Registered childminder 🧸 based in {C}"),
    ("lb", "Flat {FLAT}, {H} {ST}, {TOWN}, {C}"),
    ("pc", "moved to {C}!!"),
    ("pc", "HOME SWEET HOME {C} 🏠🔑"),
    ("cm", "postcode for the venue is {C} if ur using google maps"),
    ("pc", "does anyone in {C} have a spare pasting table?"),
    ("pc", "Just realised my old address in {C} is still on my Amazon 🤦‍♀️ ugh"),
    ("pc", "Road closed outside ours ({C}) all week 🚧 park round the back"),
    ("m", "I'm at {H} {ST}, {C} – blue door, ring twice"),
    ("pc", "Missing parcel!! Anyone on {ST} {C} had a delivery by mistake?"),
]
MULTI_T = [
    ("mb", "{N} {L}\n{H} {ST}\n{TOWN}\n{C}\nTel: {PL}\nMob: {PM}\nEmail: {E}"),
    ("bc", "Contact: {E} | {PM}"),
    ("pc", "Collection from {C}, ring {PM} first"),
    ("pcb", "Text {PM} or email {E} to book a slot"),
    ("pm", "Return address: {H} {ST}, {TOWN} {C} – or email {E} and I'll send a label"),
    ("b", "☎️ {PL}  📱 {PM}  📧 {E}  🏠 {C}"),
    ("pc", "Order {ORD} still hasn't arrived 😤 ring me on {PM} if you're the courier, I'm at {C}"),
    (
        "pm",
        "For the leaving collection: sort code {SORT}, acc {ACC} (NOT my phone number lol, that's {PM})",
    ),
    ("pc", "Quiz tickets {PRICE} - email {E} or call {PL}"),
    ("pc", "NEW ADDRESS: {H} {ST}, {C}. Same phone {PM}. Email's changed to {E}"),
    (
        "m",
        "Can't find your email — mine's {E}, the school one is {SCHMAIL} but I don't check it in the hols",
    ),
    ("pcm", "School office is {SCHTEL} but for the football stuff call me on {PM}"),
    ("pm", "Booking ref {REF}, pickup from {C} at {TIME}, my number's {PM} in case I'm late"),
    ("m", "Not the office email ({SCHMAIL}) – use {E} or ring me {P}"),
    ("pc", "order 0{ORD} arrived, ring me on {PM} if you want the spare"),
]
NEG_T = [
    ("pc", "Order #{ORD} finally arrived after 3 weeks 🙄"),
    ("pc", "Tracking number {TRK} has said 'out for delivery' since Tuesday..."),
    ("pm", "Staff collection for {N}: sort code {SORT}, account {ACC}, ref LEAVING"),
    ("pc", "NHS number for the form is {NHS} — why do they need it for a flu jab??"),
    ("c", "Does anyone know if you need your NI number ({NI}) for the pension form?"),
    ("pc", "Card ending {CARD} got declined at Tesco, mortified 😳"),
    ("pc", "Reading 'Holes' (ISBN {ISBN}) with Year 5 next term 📚"),
    ("m", "Invoice {ORD} paid, their VAT no. is {VAT}"),
    ("pm", "Parents evening {DATE} at {TIME}, sign up on the app"),
    ("pc", "What a season 2024-2025 was ⚽ proud of the staff 5-a-side lot"),
    ("pc", "Staff netball won {SCORE}!!! 🏆"),
    ("c", "{SCORE} at half time, come on!!"),
    ("pc", "New TV was {PRICE} in the sale 😬"),
    ("pc", "Parkrun PB: 5k in {RUNT} 🏃‍♀️"),
    ("pc", "Half marathon done in {HM} 🥵 never again (until next year)"),
    ("pc", "Attendance this week {PCT} 👏"),
    ("pc", "Someone parked on the zigzags AGAIN, reg {REG}, not impressed"),
    ("pc", "Flight {FLIGHT} delayed 3 hrs, send snacks ✈️"),
    ("pc", "Just moved into {H} {ST}, {TOWN}! 🏡"),
    ("pcm", "Call the school office on {SCHTEL} to report absences please"),
    ("pc", "Non-urgent medical? ring NHS 111. Emergency, always 999."),
    ("pc", "Non-emergency police is 101, reported the broken fence"),
    ("pc", "If a child needs to talk, Childline is free on 0800 1111 💙"),
    ("pc", "Samaritans are there 24/7 on 116 123. Please reach out. 💛"),
    ("pcm", "Email {SCHMAIL} for the term dates, not me!"),
    ("c", "Ofsted complaints go to enquiries@ofsted.gov.uk apparently"),
    ("c", "Got an email from noreply@parentpay.com saying the lunch money's gone in 🙌"),
    ("pc", "Booking confirmation came from bookings@{BIZ} so it's definitely gone through"),
    ("pc", "shout out to {HANDLE} for the amazing display boards!!"),
    ("cm", "meet at 7 by the clock tower?"),
    ("pc", "Bake sale: cakes 50p each or 3 @ £1.20"),
    ("pc", "New term dates up at https://www.{OTHSCH}/term-dates"),
    ("pc", "Update to iOS 17.4.1 if your school iPad keeps crashing"),
    ("pc", "Laminator model LX-2100-04 jammed AGAIN"),
    ("pc", "SATs week starts 12/05 💪 #StAldhelmsPrimary"),
    ("pc", "Class 4B made volcanoes today 🌋 carpet will never recover"),
    ("pc", "Room 12 projector broken, third time this term"),
    ("pc", "{YEAR} was the year I qualified, can't believe it's been that long"),
    ("pc", "Membership no. {MEM} for the gym and they've STILL lost my card"),
    ("pc", "Policy number {POL} — car insurance went up 40%!!"),
    ("pm", "Booking ref {REF} for the residential, deposit paid ✅"),
    ("c", "Gas meter reading is 0{ACC}, that can't be right"),
    ("pc", "Hampshire County Council on 0300 555 1375 for the school transport forms"),
    ("pm", "Secret Santa kitty 🎅 sort code {SORT} acc {ACC}, £10 limit"),
    ("pc", "Teachers' pension ref {REF}, finally sorted after 6 months"),
    ("pc", "Windows update KB5034441 broke the smartboard"),
    ("pc", "Got 47/50 on the staff spelling test 😂"),
    ("pc", "It hit 31.5°C in the classroom today 🥵"),
    ("cm", "Dentist moved my appt to {DATE} {TIME}"),
    ("pc", "We raised {PRICE} for Children in Need!! 💛"),
    ("pc", "Marathon training wk 9: 32.4 km, avg pace 5:41/km"),
    ("pc", "Lottery numbers 03 11 24 29 41 52, no luck obvs"),
    ("pc", "Grid ref SU 482 293 for the start of the walk"),
    ("pc", "Heading to the M27 services, back by 6"),
    ("pc", "Just ordered 30 x A4 whiteboards, code WB-A4-030"),
    ("pc", "Follow {HANDLE} for more behaviour mgmt tips 👍"),
    ("pc", "#edutwitter #teacherlife #KS2 #StAldhelmsPrimary"),
    ("pc", "We won the postcode lottery! £10 each 😂"),
    ("pc", "What's everyone's email sign-off? I'm a 'kind regards' person"),
    ("pc", "Does anyone have the number for a good electrician? DM me"),
    ("pc", "Version 2.10.3 of the reading app is out, fixes the login bug"),
    ("pc", "Paper 8300/1F tomorrow, centre number 58{ACC}"),
    ("pc", "Clubcard number ends {CARD} and all my points have gone?!"),
    ("pcm", "Staffroom fridge ❄️ clear out Fri 15:30 sharp"),
    ("pc", "20 mins of reading a night = 1.8 million words a year 📚"),
    ("pc", "Train 07:42 from Winchester cancelled AGAIN"),
    ("pc", "NHS app says my NHS number is {NHS}, handy for the GP forms"),
    ("pm", "Dinner money £2.60 a day, ParentPay ref {REF}"),
    ("pc", "Train ticket ref {REF}, coach C seat 42"),
    ("pc", "10,000 steps by 10:30 on sports day 😂"),
    ("m", "Invoice INV-0{ACC} due {DATE}"),
    ("pc", "Bank holiday Mon 26 May 2025 — no school!"),
    ("c", "Found 'Teaching with Love' (ISBN {ISBN}) in the charity shop for 50p"),
    ("pc", "Enquiries about the summer club to info@{BIZ} not me please!!"),
    ("pc", "Ofsted's helpline is 0300 123 1231 if parents ask"),
    ("pc", "Got an automated reply from {ORGMAIL}, so at least it went through"),
    ("cm", "Try {ORGMAIL}, they usually answer within a day"),
    ("pm", "The office number is {SCHTEL}, lines open 8:15–4:30"),
    ("m", "Can you forward this to admin@{OTHSCH}? They're hosting the cluster moderation"),
    ("pc", "Yr 6 v staff rounders: {SCORE} to the kids 😂"),
    ("pc", "Saw {HANDLE} at the conference, brilliant talk on oracy"),
    ("pc", "Account {ACC} sort code {SORT} is the PTA one, not mine, for the raffle"),
    ("cm", "Tracking says {TRK} delivered 🤷‍♀️ it was not"),
    ("pc", "£1,299.99 for a laptop?! no thanks"),
    ("pc", "Policy renewal {DATE}, ref {POL}"),
    ("pc", "Reg {REG} - silver Corsa, lights left on in the staff car park!"),
    ("pc", "Meet at the Hub at 6.30, bring a torch 🔦"),
    ("cm", "lol at 7am on a Saturday?? no"),
    ("pc", "Christmas fair raised {PRICE}, thank you to the PTA 🎄"),
    ("m", "DBS certificate number 00{ACC}{CARD} for the file"),
    ("pc", "Year 3 trip on {DATE}, coach leaves {TIME}"),
]
NEG_BIO = [
    "Primary teacher 🍎 | coffee ☕ | running 🏃‍♀️ | views my own",
    "KS2 teacher. Mum of 2. Probably marking.",
    "Y6 teacher 📚 since {YEAR} | book recs at {HANDLE}",
    "Teacher | runner | {RUNT} parkrun PB",
    "SENCo. Tea drinker. Dog owner 🐶 #edutwitter",
    "Teaching since {YEAR} 🍎 Room 12 forever",
    "Music lead 🎵 | Grade 8 piano | views my own",
]
NEG_LOC = [
    "Winchester, Hampshire",
    "Hampshire, UK 🇬🇧",
    "South coast 🌊",
    "somewhere near the M3",
    "{TOWN}",
    "London / Hampshire",
    "{TOWN}, England",
    "Room 12 🙃",
]
NEG_JOB = [
    "Year 6 Teacher | Maths Lead",
    "Teaching Assistant (KS1)",
    "SENCo & DSL",
    "HLTA – Class 4B",
    "Deputy Head",
    "Early Years Practitioner",
    "Class teacher, Room 12",
    "PE coordinator",
    "School Business Manager",
    "Midday Supervisor",
    "Y3/4 teacher & computing lead",
]
EXTRA = {
    PHONE: [
        " Or ring me on {P}.",
        " txt {PM} if easier",
        " (mob {PM})",
        " My number is {P} x",
        " — call {PL} after 6",
        " | {PM}",
        " or whatsapp {P}",
    ],
    EMAIL: [" Or email {E}.", " email: {E}", " ✉️ {EX}", " (my email is {E})", " or {ED}", " | {E}"],
    POSTCODE: [
        " We're at {C}.",
        " Postcode {C} for the satnav",
        " 📍{C}",
        " (I'm in {C})",
        " | {C}",
    ],
    "neg": [
        " Order no. {ORD} btw.",
        " ref {REF}",
        " Tickets were {PRICE}!",
        " Ran 5k in {RUNT} this morning 🏃",
        " School office is on {SCHTEL} for anything official.",
        " Pls don't use {SCHMAIL} for this.",
        " Score was {SCORE} 😬",
        " #StAldhelmsPrimary",
        " Reg is {REG} if you see it",
        " (booking {REF} on {DATE})",
        " Tracking {TRK}.",
        " Follow {HANDLE}!",
        " Invoice {ORD}.",
        " NHS 111 if it gets worse.",
        " (cc {ORGMAIL})",
    ],
}
KIND = dict(
    p="post", c="comment", b="profile:bio", m="message", l="profile:location", j="profile:job_title"
)
KW = {"p": 45, "c": 25, "b": 15, "m": 15, "l": 30, "j": 30}


def typo(s):
    words = list(re.finditer(r"[A-Za-z]{5,}", s))
    if not words:
        return s
    m = R.choice(words)
    w, i = m.group(), R.randrange(1, len(m.group()) - 2)
    w = R.choice([w[:i] + w[i + 1] + w[i] + w[i + 2 :], w[:i] + w[i + 1 :], w[:i] + w[i] + w[i:]])
    return s[: m.start()] + w + s[m.end() :]


def render(tpl, shout=False, typos=False):
    """Fill a template; return (text, spans) with spans computed from insertion offsets."""
    text, spans = "", []
    for i, part in enumerate(re.split(r"\{([A-Z]+)\}", tpl)):
        if i % 2 == 0:  # literal text between placeholders
            part = part.upper() if shout else part
            text += typo(part) if typos and R.random() < 0.5 else part
            continue
        val = FILL[part]().upper() if shout else FILL[part]()
        if part in LABEL:
            spans.append((LABEL[part], len(text), len(text) + len(val), val))
        text += val
    for _, s, e, v in spans:
        assert text[s:e] == v, (text, s, e, v)
    return text, sorted(spans, key=lambda x: x[1])


def pick_kind(letters):
    k = R.choices(letters, weights=[KW[c] for c in letters])[0]
    return k, R.choice(
        ["colleague", "colleague", "colleague", "public", "public"]
    ) if k == "m" else None


def make_positive(primary):
    if R.random() < 0.14:
        letters, tpl = R.choice(MULTI_T)
    else:
        letters, tpl = R.choice({PHONE: PHONE_T, EMAIL: EMAIL_T, POSTCODE: PC_T}[primary])
    k, to = pick_kind(letters)
    if k not in "lj":
        r = R.random()
        if r < 0.27:  # add one or two values of the other kinds
            for rule in R.sample(
                [x for x in (PHONE, EMAIL, POSTCODE) if x != primary], 2 if r < 0.06 else 1
            ):
                tpl += R.choice(EXTRA[rule])
        elif r < 0.35:  # a second value of the same kind
            tpl += R.choice(EXTRA[primary])
        if R.random() < 0.25:  # a look-alike distractor in the same item
            tpl += R.choice(EXTRA["neg"])
        if R.random() < 0.3:
            tpl += " " + R.choice(EMOJI)
    return k, to, tpl


def make_negative():
    c = R.random()
    if c < 0.2:
        k = "l" if c < 0.06 else "j" if c < 0.12 else "b"
        return k, None, R.choice({"l": NEG_LOC, "j": NEG_JOB, "b": NEG_BIO}[k])
    letters, tpl = R.choice(NEG_T)
    k, to = pick_kind(letters)
    if R.random() < 0.25:
        tpl += R.choice(EXTRA["neg"])
    if R.random() < 0.25:
        tpl += " " + R.choice(EMOJI)
    return k, to, tpl


def main():
    plan = [PHONE] * N_PHONE + [EMAIL] * N_EMAIL + [POSTCODE] * N_PC + [None] * N_NEG
    R.shuffle(plan)
    items, seen = [], set()
    for primary in plan:
        text = None
        while text is None or text in seen:
            k, to, tpl = make_positive(primary) if primary else make_negative()
            text, spans = render(
                tpl, shout=k in "pc" and R.random() < 0.05, typos=k in "pcm" and R.random() < 0.12
            )
        seen.add(text)
        items.append(
            (
                {
                    "id": f"pii5-{len(items) + 1:04d}",
                    "text": text,
                    "kind": KIND[k],
                    "to": to,
                    "expected": [{"rule": r, "start": s, "end": e} for r, s, e, _ in spans],
                },
                [v for *_, v in spans],
            )
        )
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(
        "".join(json.dumps(it, ensure_ascii=False) + "\n" for it, _ in items), encoding="utf-8"
    )
    back = [json.loads(line) for line in OUT.read_text(encoding="utf-8").splitlines()]
    assert len(back) == 1000, len(back)
    for it, (orig, vals) in zip(
        back, items, strict=True
    ):  # re-check every span against the file as written
        assert it == orig and [it["text"][x["start"] : x["end"]] for x in it["expected"]] == vals, (
            it
        )
    per_rule = Counter(x["rule"] for it in back for x in it["expected"])
    print(f"wrote {len(back)} items to {OUT}")
    print("labelled spans per rule:", dict(per_rule), "total", sum(per_rule.values()))
    print(
        "items by number of values (3 = 3+):",
        dict(sorted(Counter(min(len(it["expected"]), 3) for it in back).items())),
    )
    print("kinds:", dict(Counter((it["kind"], it["to"]) for it in back)))
    print("templates:", len(PHONE_T) + len(EMAIL_T) + len(PC_T) + len(MULTI_T) + len(NEG_T))


if __name__ == "__main__":
    main()
