# ruff: noqa: E501 (data tables and templates read better on one line)
"""Generate the BLIND held-out set `heldout/people_school5.jsonl`.

This is a blind held-out evaluation set for the identification, roster (pupils, past pupils,
colleagues, confidential pupil matters), credentials and connections rules.  It was written
WITHOUT reading the detectors' code, docs/engine.md, docs/benchmarks.md, or any other data set:
only tests/data/school.toml (the school and roster it is scored with), catalogue.toml (rule ids,
titles, summaries, kinds) and the school's social media policy were read.

Labelling conventions (decided up front, from the catalogue and the brief):
  * school / local authority: span = the name, alias or hashtag as written ("St Aldhelms",
    "#StAldhelmsPrimary", "HCC"); "-in-profile" for profile kinds, plain rule for
    post/comment/message.  "Hampshire" alone, other councils and other schools are not labelled.
  * profession: span = the job phrase ("teacher", "TA", "Year 6 teacher", "#teacherlife");
    profile kinds -> profession-in-profile; posts/comments -> profession.  Per the catalogue's
    kinds, job words in messages are not labelled (a few such messages are negatives).
  * pupils / past pupils: span = the name form as written (possessive 's excluded); a first name
    alone is labelled only with explicit child/pupil context.  Colleagues: full name or
    title + surname, in posts/comments/profiles only (the catalogue's kinds).
  * confidential: span = the confidential phrase, next to a separately labelled pupil name.
  * credentials: span = from the password/login word through the secret.
  * connections: span = the whole display name.
Run:  .venv/bin/python datasets/heldout/make_blind_people_school.py   (fixed seed, deterministic)
"""

import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

from faker import Faker

SEED = 5_2025
R = random.Random(SEED)
OUT = (
    Path(__file__).resolve().parents[2]
    / "src/safepractice/engine/tests/data/heldout/people_school5.jsonl"
)

# ---------------------------------------------------------------- the school and roster (school.toml)
SCHOOL_NAMES = [
    "St Aldhelm's Church of England Primary School",
    "St Aldhelm's Church of England Primary School",
    "St Aldhelm's Primary School",
    "St Aldhelm's Primary",
    "St Aldhelm's",
    "St Aldhelm's",
    "St Aldhelms",
    "St Aldhelms Primary",
    "St. Aldhelm's",
    "Saint Aldhelm's",
    "Saint Aldhelm's Primary School",
    "st aldhelm's",
    "st aldhelms primary",
    "St Aldhlem's",
    "St Aldhelm\u2019s",
    "St Aldhelm's CofE Primary School",
    "St Aldhelm's C of E Primary",
    "SAPS",
    "SAPS",
    "ST ALDHELM'S",
]
SCHOOL_TAGS = [
    "#StAldhelmsPrimary",
    "#StAldhelmsPrimary",
    "#staldhelmsprimary",
    "#StAldhelmsPrimary",
]
LA_NAMES = (
    ["Hampshire County Council"] * 4
    + ["HCC"] * 3
    + ["hampshire county council", "HAMPSHIRE COUNTY COUNCIL"]
)
PROF_WORDS = [
    "teacher",
    "teacher",
    "TA",
    "teaching assistant",
    "SENCo",
    "headteacher",
    "Year 6 teacher",
    "year 6 teacher",
    "primary school teacher",
    "Teacher",
    "HLTA",
]
PROF_TAGS = ["#teacherlife", "#TeacherLife", "#teachersofinstagram", "#primaryteacher", "#TAlife"]
JOB_TITLES = [
    "Teacher",
    "Year 6 Teacher",
    "Teaching Assistant",
    "SENCo",
    "Headteacher",
    "Class Teacher",
    "Primary School Teacher",
    "Higher Level Teaching Assistant",
    "Deputy Headteacher",
    "Reception Teacher",
    "KS2 Teacher",
    "TA",
    "Learning Support Assistant",
    "Head Teacher",
    "HLTA",
]
CURRENT = [
    dict(
        full=["Amelia Hughes", "Amelia Hughes", "amelia hughes", "Amelia H", "AMELIA HUGHES"],
        firsts=["Amelia"],
        y="6",
        poss="her",
    ),
    dict(
        full=["Oliver Nowak", "Oliver Nowak", "oliver nowak", "Oliver N"],
        firsts=["Oliver"],
        y="4",
        poss="his",
    ),
    dict(
        full=["Zoë Okafor", "Zoe Okafor", "zoe okafor", "Zoë O", "Zoe Okafor"],
        firsts=["Zoë", "Zoe"],
        y="5",
        poss="her",
    ),
    dict(
        full=[
            "William Thornbury",
            "Billy Thornbury",
            "billy thornbury",
            "Billy T",
            "Billy Thornbury",
        ],
        firsts=["Billy", "William"],
        y="3",
        poss="his",
    ),
    dict(
        full=["Priya Raman", "Priya Raman", "priya raman", "Priya R"],
        firsts=["Priya"],
        y="6",
        poss="her",
    ),
]
PAST = [
    dict(
        full=["Callum Fitzgerald", "Callum Fitzgerald", "callum fitzgerald", "Callum F"],
        firsts=["Callum"],
    ),
    dict(
        full=["Siân Pritchard", "Sian Pritchard", "sian pritchard", "Siân P", "Siân Pritchard"],
        firsts=["Siân", "Sian"],
    ),
]
COLLEAGUES = [
    "Mrs Patel",
    "Mrs Patel",
    "Sarah Patel",
    "Ms Patel",
    "Mrs. Patel",
    "sarah patel",
    "Mr Llewellyn",
    "Mr Llewellyn",
    "Gareth Llewellyn",
    "Mr. Llewellyn",
    "mr llewellyn",
]
CONN_CURRENT = [
    "Amelia Hughes",
    "amelia hughes",
    "AMELIA HUGHES",
    "Amelia (Millie) Hughes",
    "Oliver Nowak",
    "oliver nowak",
    "Olly Nowak",
    "Zoë Okafor",
    "Zoe Okafor",
    "zoe okafor",
    "Billy Thornbury",
    "William Thornbury",
    "billy thornbury",
    "Will Thornbury",
    "Priya Raman",
    "priya raman",
    "PRIYA RAMAN",
]
CONN_PAST = [
    "Callum Fitzgerald",
    "callum fitzgerald",
    "CALLUM FITZGERALD",
    "Cal Fitzgerald",
    "Callum Fitzgerald (Cal)",
    "Siân Pritchard",
    "Sian Pritchard",
    "sian pritchard",
    "SIAN PRITCHARD",
    "Siân Pritchard (Sí)",
]
DECOR = [
    "",
    "",
    " 🦄",
    " ⚽",
    " ✨",
    " xx",
    " 💜",
    " 🎮",
    " 🌸",
    " 💕",
    " 🏴",
    " 😎",
    " 🎀",
    " ✌️",
    " 🐾",
]

CONF = [
    "has an EHCP",
    "was excluded",
    "got a fixed-term exclusion",
    "has ADHD",
    "has just been diagnosed with autism",
    "is on the child protection register",
    "is on a CP plan",
    "is in foster care",
    "is a looked-after child",
    "has been referred to CAMHS",
    "is on the SEN register",
    "had a seizure",
    "has epilepsy",
    "had to be restrained",
    "has been self-harming",
    "has a social worker",
    "is on free school meals",
    "was sent home for biting",
    "wet themselves in assembly",
    "has been referred to social services",
]
FAMILY = [
    "parents are divorcing",
    "dad is in prison",
    "parents are splitting up",
    "mum is in hospital again",
    "family is being evicted",
    "dad has moved out",
    "mum has been arrested",
]
PAST_CONF = [
    "was excluded from secondary",
    "is in care",
    "has been in trouble with the police",
    "has been self-harming",
]
SECRET_WORDS = [
    "Hedgehog",
    "Tulip",
    "Kestrel",
    "Blackbird",
    "Summer",
    "Bramble",
    "Otter",
    "Winter",
    "Daffodil",
    "Penguin",
    "Sunflower",
    "Rocket",
    "Badger",
    "Primrose",
    "Falcon",
]
USERS = ["jsmith", "k.evans", "staff04", "LHarris", "t.clarke", "supply2", "admin1", "r.ahmed"]


def secret() -> str:
    return f"{R.choice(SECRET_WORDS)}{R.choice(['', '#', '$', '_', '!', '@'])}{R.randint(10, 2024)}"


def cred() -> str:
    s, u = secret(), R.choice(USERS)
    return R.choice(
        [
            f"password is {s}",
            f"password is {s}",
            f"password: {s}",
            f"pw is {s}",
            f"login: {u} pass: {s}",
            f"username {u} password {s}",
            f"password's {s}",
            f"Password = {s}",
            f"login {u} / {s}",
            f"user: {u} pw: {s}",
            f"PASSWORD IS {s}",
        ]
    )


def cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def slots() -> dict:
    """Fresh random values for every placeholder; each is (text, rule or None)."""
    cp, pp = R.choice(CURRENT), R.choice(PAST)
    prof = R.choice(PROF_WORDS)
    return {
        "school": (R.choice(SCHOOL_NAMES), "SCHOOL"),
        "tag": (R.choice(SCHOOL_TAGS), "SCHOOL"),
        "prof": (prof, "PROF"),
        "Prof": (cap(prof), "PROF"),
        "ptag": (R.choice(PROF_TAGS), "PROF"),
        "jt": (R.choice(JOB_TITLES), "PROF"),
        "la": (R.choice(LA_NAMES), "identification.local-authority"),
        "p": (R.choice(cp["full"]), "names.pupil"),
        "f": (R.choice(cp["firsts"]), "names.pupil"),
        "y": (cp["y"], None),
        "poss": (cp["poss"], None),
        "Poss": (cap(cp["poss"]), None),
        "pp": (R.choice(pp["full"]), "names.past-pupil"),
        "fp": (R.choice(pp["firsts"]), "names.past-pupil"),
        "c": (R.choice(COLLEAGUES), "names.colleague"),
        "cf": (R.choice(["Sarah Patel", "Gareth Llewellyn"]), "names.colleague"),
        "conf": (R.choice(CONF), "confidential.pupil-matters"),
        "fam": (R.choice(FAMILY), "confidential.pupil-matters"),
        "pconf": (R.choice(PAST_CONF), "confidential.pupil-matters"),
        "cred": (cred(), "credentials.shared-login"),
        # unlabelled fillers for the negatives
        "famous": (R.choice(FAMOUS), None),
        "first": (R.choice(FIRST_ALONE), None),
        "other": (R.choice(OTHER_SURNAME), None),
        "oschool": (R.choice(OTHER_SCHOOLS), None),
        "council": (R.choice(OTHER_COUNCILS), None),
    }


KIND = {
    "post": "post",
    "comment": "comment",
    "msg": "message",
    "pub": "message",
    "bio": "profile:bio",
    "job": "profile:job_title",
    "work": "profile:workplace",
    "loc": "profile:location",
    "name": "profile:name",
    "conn": "connection",
}
SLOT = re.compile(r"\{(\w+)\}")


def render(tpl: str, vals: dict, kind: str):
    text, spans, pos = "", [], 0
    for m in SLOT.finditer(tpl):
        text += tpl[pos : m.start()]
        val, rule = vals[m.group(1)]
        if rule == "SCHOOL":
            rule = (
                "identification.school-in-profile"
                if kind.startswith("profile")
                else "identification.school"
            )
        elif rule == "PROF":
            rule = (
                "identification.profession-in-profile"
                if kind.startswith("profile")
                else "identification.profession"
            )
        if rule:
            spans.append(
                {"rule": rule, "start": len(text), "end": len(text) + len(val), "_want": val}
            )
        text += val
        pos = m.end()
    return text + tpl[pos:], spans


ITEMS, SEEN = [], set()


def add(k: str, tpl: str, vals: dict | None = None, handle: str | None = None) -> bool:
    kind = KIND[k]
    text, spans = render(tpl, vals or {}, kind)
    if (kind, text, handle) in SEEN:
        return False
    SEEN.add((kind, text, handle))
    for s in spans:
        assert text[s["start"] : s["end"]] == s.pop("_want"), (text, s)
    item = {"text": text, "kind": kind, "to": {"msg": "colleague", "pub": "public"}.get(k)}
    if handle:
        item["handle"] = handle
    item["expected"] = spans
    ITEMS.append(item)
    return True


def templates(block: str) -> list[tuple[str, str]]:
    return [tuple(x.strip() for x in line.split("::", 1)) for line in block.strip().splitlines()]


def fill(block: str, n: int) -> None:
    tpls, made, tries = templates(block), 0, 0
    while made < n:
        tries += 1
        assert tries < 50 * n, f"cannot make {n} unique items from {block[:60]!r}"
        k, t = R.choice(tpls)
        made += add(k, t, slots())


def literal(block: str) -> None:
    """Fixed negatives; a line may hold several texts of one kind separated by " || "."""
    for k, line in templates(block):
        for t in line.split(" || "):
            assert "{" not in t, t
            assert add(k, t.strip()), f"duplicate literal {t!r}"


# ---------------------------------------------------------------- fillers for the negatives
FAMOUS = [
    "Oliver Twist",
    "William Shakespeare",
    "Prince William",
    "Amelia Earhart",
    "Jamie Oliver",
    "Zoe Ball",
    "Billy Elliot",
    "Billy Connolly",
    "Oliver Cromwell",
    "William Morris",
    "Zoë Wanamaker",
    "Siân Phillips",
    "Callum Best",
    "Ella Fitzgerald",
    "F. Scott Fitzgerald",
    "Dev Patel",
    "Priti Patel",
    "Gareth Bale",
    "Gareth Southgate",
    "Emily Thornberry",
    "Billy Joel",
    "Amelia Bedelia",
    "William Wordsworth",
    "Laurence Llewelyn-Bowen",
    "Callum Wilson",
]
FIRST_ALONE = [
    "Amelia",
    "Oliver",
    "Zoë",
    "Zoe",
    "Priya",
    "William",
    "Billy",
    "Callum",
    "Siân",
    "Sian",
    "Sarah",
    "Gareth",
]
OTHER_SURNAME = [
    "Tom Hughes",
    "Karen Hughes",
    "Piotr Nowak",
    "Anna Nowak",
    "Chidi Okafor",
    "Grace Okafor",
    "Emma Thornbury",
    "Raj Raman",
    "Deepa Raman",
    "Sean Fitzgerald",
    "Megan Pritchard",
    "Rhys Pritchard",
    "Anil Patel",
    "Nisha Patel",
    "Dylan Llewellyn",
    "Hywel Llewellyn",
]
OTHER_SCHOOLS = [
    "St Mary's",
    "Oakwood Primary",
    "St Mary's C of E Primary",
    "Oakwood Primary School",
    "St Bede's",
    "Westgate School",
    "St Andrew's Primary",
    "Hillside Infants",
    "St Alban's Primary",
    "Peter Symonds",
    "Kings' School",
    "St Aldate's",
]
OTHER_COUNCILS = [
    "Dorset Council",
    "Surrey County Council",
    "Portsmouth City Council",
    "Hertfordshire County Council",
    "West Sussex County Council",
    "Winchester City Council",
    "Wiltshire Council",
    "Southampton City Council",
    "Kent County Council",
]


def main() -> None:
    # ============================ POSITIVES ============================
    # -- school in profile fields
    fill(
        """
work:: {school}
work:: {school}
work:: {school}
loc:: {school}, Winchester
loc:: Winchester 📍 {school}
name:: Miss Evans @ {school}
name:: Mrs Clarke ({school})
name:: Mr Ahmed | {school}
bio:: Proud to be part of the {school} family 💙
bio:: Views my own | {school} | Winchester
bio:: Mum of 3 • {school} • coffee addict ☕
bio:: Kindness matters ✨ {tag}
bio:: {tag} 🏫 | runner | baker
bio:: Life is better at {school} 🌈
bio:: Governor & volunteer at {school}. Saints fan ⚽
""",
        25,
    )
    # -- profession in profile fields
    fill(
        """
job:: {jt}
job:: {jt} 🍎
bio:: {Prof} 🍎 | mum of 2 | gin lover
bio:: {Prof}. Views my own.
bio:: Tired {prof}. Runner. Baker of questionable cakes 🍰
bio:: {Prof} by day, Netflix by night 📺
bio:: Just a {prof} trying to survive until half term 😅
bio:: {ptag} | coffee | dogs 🐶
name:: Mrs Clarke | {jt}
name:: Mr Harris ({Prof})
""",
        18,
    )
    # -- both in profile fields
    fill(
        """
job:: {jt} at {school}
job:: {jt}, {school}
job:: {jt} @ {school}
bio:: {Prof} at {school} 🍎
bio:: Proud {prof} @ {school} | views my own
bio:: {Prof} | {tag}
name:: Miss Evans | {jt} @ {school}
""",
        14,
    )
    # -- local authority in profile fields
    fill(
        """
work:: {la}
job:: Admin Officer, {la}
bio:: Working for {la} since 2009 | mum of 2 | Saints fan ⚽
bio:: {la} 🏛️ | views my own
""",
        7,
    )
    # -- school in posts, comments, messages
    fill(
        """
post:: Sports day at {school} today ☀️ survived!
post:: Christmas fair at {school} this Saturday 10-2, come along 🎄
post:: Nativity dress rehearsal at {school} 🐑😂 chaos
post:: {school} choir were amazing tonight 😭🎶
post:: Proud day for {school}, Ofsted said Good! 🎉
post:: Leavers' service at {school} finished me off 😭
post:: Bake sale raised £412 for {school}! thank you all 🍰
post:: Roadworks outside {school} AGAIN 🙄
post:: Quiz night at {school} tonight, our team is called Quizteama Aguilera 😂
post:: World Book Day at {school} 📚 I went as the Gruffalo
post:: What a week! {tag}
post:: Book week costumes were next level 📚 {tag}
post:: Harvest festival 🍎🥕 {tag}
post:: New library is finally open!! {tag} 📖
comment:: Is that at {school}? 😮
comment:: Loved the {school} fun run!
comment:: {school} forever 💙
comment:: The {school} summer fair is always the best
comment:: Amazing!! {tag}
msg:: Are you coming to the {school} quiz night?
msg:: Parking at {school} is a nightmare, leave early tomorrow
pub:: Thanks for sharing! The {school} summer fair is on the 14th ☀️
pub:: Yes it's {school} on Romsey Road 🙂
""",
        22,
    )
    # -- profession in posts and comments
    fill(
        """
post:: {Prof} life: 30 books to mark and a cold cup of tea ☕
post:: Being a {prof} means crying at every leavers' assembly 😭
post:: Half term! This {prof} is going to sleep for 3 days 😴
post:: Proud to be a {prof} 🍎
post:: Life as a {prof} = glitter in places glitter shouldn't be ✨
post:: Just a tired {prof} who needs a holiday
post:: 10 years as a {prof} today. Wouldn't change it 🥹
post:: Sunday night and this {prof} is still laminating 🙃
comment:: Spoken like a true {prof} 😂
comment:: Every {prof} felt that
comment:: As a {prof} I can confirm this is accurate
post:: Marking done ✅ {ptag}
post:: Laminator broke. Send help. {ptag}
post:: Glue stick count: zero. {ptag} 😩
post:: Fire drill in the rain, of course 🌧️ {ptag}
comment:: This is so true 😂 {ptag}
""",
        22,
    )
    fill(
        """
post:: Proud {prof} at {school} today 🥹
post:: First day as a {prof} at {school}! 😬
post:: {Prof} at {school} and loving every minute
comment:: I'm a {prof} at {school} too! Small world
post:: Can't believe I've been a {prof} at {school} for 5 years 💙
""",
        7,
    )
    # -- local authority in posts, comments, messages
    fill(
        """
post:: {la} have cut the music budget again 😡
post:: Another day, another email from {la} 🙄
post:: Training with {la} all day 💤 send coffee
post:: Anyone else had the letter from {la}?
post:: {la} gritters out already ❄️
post:: Well done {la} for finally fixing the potholes on our road 👏
comment:: Blame {la} 😂
comment:: {la} strikes again
msg:: Did {la} ever reply about the minibus?
msg:: The {la} guidance came through, forwarding now
pub:: You need to contact {la} about that I think
""",
        19,
    )
    # -- current pupils named in full (or first name + surname initial)
    fill(
        """
post:: So proud of {p} at sports day today 🏅 what a star
post:: {p} read at the carol service and didn't miss a single word 😭❤️
post:: Shoutout to {p} for the best Viking longship model I've ever seen 🛶
post:: Well done {p}, spelling bee champion!! 🐝
post:: {p}'s poem had the whole hall in tears. Incredible.
post:: Can't stop laughing at what {p} said in assembly today 😂
post:: Massive congrats to {p} for getting into the county choir 🎶
post:: Star of the week goes to... {p}! ⭐
post:: {p} absolutely smashed the times tables challenge 💪
post:: {p} did the whole fun run in a dinosaur costume 🦖😂
comment:: Aww {p} was brilliant in that!
comment:: Is that {p} on the left? 😍
comment:: {p} deserves a medal tbh
comment:: lol {p} is a legend
comment:: {p}'s face in the 2nd pic 😂😂
msg:: Can you send {p} to the office at 2? Early pick up
msg:: {p} forgot PE kit again, have we got spares?
msg:: Just looked at {p}'s reading record, brilliant progress
msg:: Is {p} coming on the trip Thursday?
msg:: {p} left a lunchbox in the hall, it's on my desk
pub:: Thank you all for the lovely comments about {p}'s award 😊
pub:: Yes, {p} won the art competition! Well deserved
""",
        26,
    )
    # -- current pupils by first name alone, with clear child context
    fill(
        """
msg:: {f} in my class was brilliant today, honestly
msg:: {f} from Year {y} was upset at lunch, can you check in?
msg:: Could you hear {f} (Y{y}) read this afternoon?
msg:: {f} in Y{y} has lost a reading book again 🙈
post:: Little {f} in Year {y} asked if I was 100 years old today 😂
post:: One of the Year {y} children, {f}, made me a card today and I'm not crying, you are 😭
comment:: {f} in Year {y}? Such a sweet kid
post:: A Year {y} pupil called {f} just beat me at chess. Humbled. ♟️
""",
        10,
    )
    # -- confidential matters next to a pupil's name
    fill(
        """
msg:: FYI {p} {conf}, so go gently today
msg:: Just so you know, {p} {conf}. Keep it between us
msg:: Did you hear {p} {conf}? 😔
pub:: Thinking of {p} today, {poss} {fam} 💔
post:: Rough day. {p} {conf} and I'm drained
post:: Honestly heartbreaking, {p} {conf} 💔
comment:: {p} {conf} though, so not surprised tbh
comment:: Wait, {p} {conf}?!
msg:: {p} is really unsettled at the moment, {poss} {fam}
msg:: Between us, {p}'s {fam}
post:: Can't stop thinking about {p}. {Poss} {fam} and it's so sad
""",
        22,
    )
    fill(
        """
msg:: {f} in Y{y} {conf}, just a heads up before swimming
msg:: Heads up, {f} in Year {y} {conf}
""",
        3,
    )
    fill(
        """
msg:: Heard {pp} {pconf} 😔
post:: So sad to hear {pp} {pconf}
""",
        3,
    )
    # -- past pupils
    fill(
        """
post:: Bumped into {pp} in Tesco, all grown up and off to college! 🥹
post:: Congrats {pp} on the amazing GCSE results 🎉 always knew it
post:: Saw {pp} playing for Eastleigh at the weekend ⚽👏
post:: {pp} sent a thank you card five years on 😭
comment:: Is that {pp}?? Remember when they were this high 😂
comment:: {pp} all grown up!! Where does the time go
msg:: Guess who I saw at the station, {pp}! Doing really well
pub:: Lovely to see {pp} back to help at the summer fair 😊
post:: {pp}'s band are playing the Railway Inn on Friday 🎸 go support!
""",
        18,
    )
    fill(
        """
post:: Ran into {fp} in Sainsbury's, a former pupil from years back, now at uni!
msg:: Remember {fp} who left for secondary a few years ago? Just passed their driving test 🚗
comment:: {fp} who left us in Year 6 back in 2019? Wow!
msg:: {fp}, one of our old Year 6s, popped in to say hi today 😊
""",
        5,
    )
    # -- colleagues
    fill(
        """
post:: Leaving drinks for {c} tonight 🥂 gonna miss you!
post:: Huge thanks to {c} for organising the quiz night 🧠
post:: {c} just beat us all at bowling 🎳 never again
post:: Happy retirement {c}! 🎉 What a legend
post:: Car share with {c} is the best part of my day 🚗😂
post:: Happy birthday {c} 🎂 hope you have a fab day!
comment:: {c} is an absolute legend 😂
comment:: Tell {c} I said hi!
comment:: Was {c} there too?? 😂
comment:: Haha that's so {c}
bio:: Married to {cf} 💍 | dog mum 🐕
bio:: Bestie: {cf} 👯
""",
        22,
    )
    fill(
        """
post:: Congrats {c} on 20 years at {school}! 👏
post:: Brilliant charity walk with {c} for {school} today 🥾
""",
        4,
    )
    # -- credentials
    fill(
        """
msg:: Supply can use my login today, {cred}
msg:: the SIMS {cred} x
msg:: CPOMS {cred} (don't tell the office 🙈)
msg:: Staff wifi {cred}
msg:: Here you go, {cred}
msg:: Photocopier {cred}, don't print 500 copies 😂
pub:: For anyone who can't get on, the wifi {cred}
post:: Note to self: {cred} 🙃
post:: Keep forgetting so putting it here lol, {cred}
comment:: Try my account, {cred}
comment:: {cred}, should work now
msg:: New laptop {cred}, change it when you log on
msg:: my {cred} if you need to get on the class iPad
""",
        27,
    )
    # -- connections: current and past pupils (text = display name; span = all of it)
    for pool, rule, n in (
        (CONN_CURRENT, "connections.current-pupil", 29),
        (CONN_PAST, "connections.past-pupil", 26),
    ):
        made = 0
        while made < n:
            name = R.choice(pool) + R.choice(DECOR)
            base = re.sub(
                r"[^a-z]", "", name.split(" (")[0].lower().replace("ë", "e").replace("â", "a")
            )
            handle = R.choice(
                [None, None, f"@{base}{R.randint(1, 12)}", f"@{base}_x", f"@{base}.official"]
            )
            made += add("conn", "{n}", {"n": (name, rule)}, handle)

    # ============================ NEGATIVES ============================
    fill(
        """
post:: Reading all about {famous} on holiday, highly recommend 📚
post:: Pub quiz question about {famous} and NOBODY knew 😂
post:: Watched a documentary about {famous} last night, fascinating
comment:: That's very {famous} of you 😂
post:: Can't get enough of {famous} at the moment
post:: {famous} quote of the day, love it
comment:: Did you know {famous} was born in the same year as my nan? 🤯
msg:: Was that {famous} on telly last night?
post:: Dressed up as {famous} for the fancy dress party 🎭
""",
        62,
    )
    fill(
        """
post:: Met {first} for coffee ☕ much needed catch up
post:: {first} and I finally did the Winchester half marathon 🏃 never again
post:: Happy 40th {first}! 🎂 have the best night
post:: Dinner at {first}'s tonight 🍝
post:: Girls' night with {first} and Jo 🍸
post:: {first} from book club recommended this and wow 📚
post:: Walked the dog with {first} this morning, freezing 🥶
comment:: {first} would love this!
comment:: Haha {first} said the same thing
msg:: {first} said they'd bring the cake on Friday
msg:: Is {first} coming to the pub later?
post:: Wedding of the year! Congrats {first} & Tom 💍
""",
        50,
    )
    fill(
        """
post:: Highly recommend {other} for plastering, brilliant job 👌
post:: {other} fixed our boiler in 20 minutes, what a hero
comment:: {other} did ours too!
post:: RIP {other}, a true gent. Thoughts with the family 💐
post:: Congrats to my cousin {other} on the engagement 💍
post:: Great set from {other} at the open mic night 🎤
""",
        24,
    )
    fill(
        """
post:: My niece starts at {oschool} in September 🎒
post:: {oschool} summer fair was lovely, won a bottle of prosecco on the tombola 🍾
post:: Parking outside {oschool} at pick-up is carnage
comment:: My two went to {oschool}, loved it
post:: Congrats to {oschool} on their new playground!
post:: Drove past {oschool} this morning, the roadworks are endless
msg:: Is the car boot sale at {oschool} this Sunday?
""",
        40,
    )
    fill(
        """
post:: {council} finally fixed the pothole 🙌
post:: {council} bin collections are a joke this month 🗑️
comment:: Sounds like {council} all over
post:: Got a parking fine from {council} 😤
msg:: Did you see {council} are closing the tip on Sundays?
""",
        20,
    )
    # generic "school", years, other teachers, passwords in general, everyday chatter
    literal("""
post:: School run done, coffee time ☕ || Back to school shopping is brutal 💸
post:: Old school garage night 🎧 what a tune || Sunday school tea party at church today ☕🍰
post:: The school holidays always fly by || Can't believe my youngest starts school next week 😭
post:: School of Rock on telly tonight 🎸 || Me at school vs me now 😂 #throwback
post:: Proper old school pub, loved it 🍺 || Driving theory test booked 😬
post:: Dance school show tonight, so proud of my daughter 💃 || Saw a school of dolphins off Cornwall 🐬
post:: School uniform prices are ridiculous || My son's school sent home a letter about nits 🙈
post:: No school today for my two, snow day ❄️ || Class of 1995 reunion was wild 😂
comment:: There's a school of thought that says otherwise 😂 || Old school is the best school
comment:: Class of 2005 where you at? || Ta for the lift Jo x || ta very much!
post:: Found my Year 6 leavers' photo from 1989 😬 the fringe! || Remember being in Year 6 and thinking 11 was so grown up
post:: My daughter's Year 6 SATs are next week, wish her luck 🍀 || It's been 30 years since Year 6... where did the time go
post:: Year 6 residential packing list for my son is longer than mine for Ibiza
post:: Teaching my dog to roll over 🐶 slow progress || My piano teacher says I'm improving 🎹
post:: Taught myself to crochet over lockdown 🧶 || Yoga teacher was on fire this morning 🧘
post:: My driving instructor deserves a medal || Life teaches you things the hard way
post:: My head is banging after last night 🤕 || A YouTube video taught me how to fix the tap 🔧
post:: Reminder to change your password regularly! || Forgot my password for the 5th time this week 🙄
post:: Why do password rules need a capital, a number and a drop of blood || Password reset emails never arrive when you need them
post:: Top tip: use a password manager 🔐 || Just set up two-factor on everything, feeling very grown up
comment:: If you get an email asking for your password it's a scam! || The password is... nope, not falling for that one 😂
post:: My mum writes her passwords in a notebook 😱 || New phone, new passwords, new headache
msg:: Can't login to anything today, is the system down? || Remind me to reset my password tomorrow
post:: Beautiful walk in the Hampshire countryside 🌳 || Hampshire County Cricket Club won! 🏏
post:: Off to the Royal Hampshire County Hospital for my scan 🤞 || Well done Hampshire Constabulary for catching the van thieves
post:: Weekend in Bath 🛁 bliss || Saints lost again ⚽ why do I do this to myself
post:: Sourdough attempt number 4 🍞 getting there || Rain. Rain. More rain. 🌧️
post:: Finally booked Cornwall for August 🏖️ || Who else is watching Bake Off? 🍰
post:: 10k done in 58 mins! 🏃‍♀️ PB || Car failed its MOT, brilliant 🙃
post:: Allotment has exploded with courgettes 🥒 anyone want some? || New kitchen is finally finished!! 🏡
post:: Taylor Swift tickets secured 💃✨ || Happy anniversary to my wonderful husband ❤️
post:: Dog ate a sock. Vet bill incoming 🐶💸 || Gin o'clock 🍸 || Charity shop find of the year 🛍️
comment:: Looks amazing! 😍 || Where is this?? Need to go || Happy birthday lovely 🎂 || Haha same || Congratulations!! 🎉
post:: Great EHCP training today, really useful || Safeguarding training done for another year ✅
post:: Fostering fortnight: consider fostering, we did and it changed our lives ❤️
post:: My son has ADHD and honestly the waiting lists are shocking || Divorce is hard, be kind to people
post:: Exclusion rates are up nationally according to the news || My nephew was diagnosed with autism and he's thriving
comment:: CAMHS waiting lists are a national scandal || Epilepsy awareness day 💜 share to raise awareness
msg:: Can you grab milk on the way in? || Running 10 mins late, sorry! || Are we still on for Friday drinks?
msg:: Lunch at the Bell on Friday? || Thanks for covering for me earlier x || Did you see the email about the INSET day?
pub:: Thanks for the follow! 😊 || Sorry, I don't know, try the parish newsletter
msg:: Mrs Patel says the meeting's moved to 3:30 || Can you ask Mr Llewellyn if the hall's free?
msg:: Gareth Llewellyn is looking for you || Sarah Patel left her coat in the car
msg:: Do you know if the new TA starts Monday? || Is the supply teacher in tomorrow?
msg:: The headteacher wants the forms by Friday || Ask the SENCo about the referral form
""")
    # other professions, workplaces, places and names in profile fields
    literal("""
bio:: Mum of 2 | runner | gin o'clock 🍸 || Views my own. Dog person 🐕 || Coffee, books and long walks ☕📚
bio:: Southampton FC season ticket holder ⚽ || Living life one cake at a time 🍰 || Nurse 💉 | NHS | Winchester
bio:: Accountant by day, baker by night || Proud Hampshire girl 🌳 || Just here for the dog pics
bio:: Amateur photographer 📷 || Teaching myself guitar 🎸 badly || Sunday school helper at St Mark's ⛪
bio:: Former pupil of St Mary's, class of 2001 || Wife, mum, crazy cat lady 🐈 || Paramedic. Tea drinker. Optimist.
bio:: Marathon runner in training 🏃 || Part-time florist 🌷 full-time mum || Life's too short for bad wine 🍷
job:: Nurse || Accountant || Staff Nurse || Software Engineer || Estate Agent || Retired || Chef
job:: Personal Trainer || Hairdresser || Solicitor || Project Manager || Driving Instructor || Pharmacist || Self-employed
work:: NHS || Tesco || Royal Hampshire County Hospital || Self-employed || Barclays || Hampshire Constabulary
work:: Winchester City Council || Boots || Portsmouth City Council || John Lewis || Hampshire County Cricket Club
loc:: Winchester || Southampton || Eastleigh, UK || Basingstoke 📍 || Andover || Romsey || Hampshire, UK
loc:: somewhere with coffee ☕ || Portsmouth || Alresford
name:: Jo Clarke || Becky 🌻 || Dan Evans || Mrs Jones || Kate T || Lou ✨ || Steph Walker || Rich Ahmed
""")
    # connections unlike any pupil: near misses, then random (seeded) names
    literal("""
conn:: Amelia Watson || Tom Hughes || Oliver Bennett || Zoe Clarke ✨ || Billy Turner || Priya Shah
conn:: Callum Reid || Siân Evans || Jess Nowak || Hampshire Wildlife Trust || Winchester Running Club 🏃
conn:: Hughes & Sons Builders || Fitzgerald's Irish Bar 🍀 || Oliver's Barbers || Prince William
""")
    fake = Faker("en_GB")
    fake.seed_instance(SEED)
    banned = re.compile(
        r"amelia|oliver|zo[eë]|william|billy|priya|callum|si[aâ]n|sarah|gareth|hughes|"
        r"nowak|okafor|thornbury|raman|fitzgerald|pritchard|patel|llewellyn",
        re.I,
    )
    made = 0
    while made < 12:
        name = f"{fake.first_name()} {fake.last_name()}"
        if banned.search(name):
            continue
        handle = R.choice([None, "@" + re.sub(r"[^a-z]", "", name.lower()) + str(R.randint(1, 99))])
        made += add("conn", name + R.choice(DECOR), None, handle)

    R.shuffle(ITEMS)
    with OUT.open("w", encoding="utf-8") as fh:
        for i, item in enumerate(ITEMS, 1):
            fh.write(json.dumps({"id": f"ps5-{i:04d}", **item}, ensure_ascii=False) + "\n")

    per_rule = Counter(s["rule"] for it in ITEMS for s in it["expected"])
    negatives = sum(1 for it in ITEMS if not it["expected"])
    assert len(per_rule) == 12 and min(per_rule.values()) >= 25, per_rule
    print(
        f"{len(ITEMS)} items, {negatives} negatives, {len(ITEMS) - negatives} positives",
        file=sys.stderr,
    )
    for rule, n in sorted(per_rule.items()):
        print(f"  {rule:40s} {n}", file=sys.stderr)


if __name__ == "__main__":
    main()
