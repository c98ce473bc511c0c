# ruff: noqa: E501
"""Generate the blind held-out set ``conduct7.jsonl`` (online conduct and grooming language).

This is a BLIND held-out evaluation set. It was written without reading the detectors, the
docs, the language models or any other data set. The only project files consulted were the
rule catalogue (``catalogue.toml``: rule ids, titles and summaries), the scoring school
(``tests/data/school.toml``: its name, local authority and roster, all kept OUT of these texts
so other detectors stay quiet) and the policy text (social-media-policy-2017.txt).

Rules labelled (and only these), each span the shortest phrase that carries the problem:
  online-conduct.offensive     insults, abuse and obscenity aimed at someone (incl. censored
                               and leetspeak forms: tw@t, f*cking, sh1t, b*llocks)
  online-conduct.equality      remarks against a protected characteristic (Equality Act 2010);
                               slurs used as insults carry both this and .offensive
  online-conduct.allegation    accusing an identifiable person or body connected with the
                               school, another school or the council of wrongdoing
  communication.grooming-risk  in a message TO A PUPIL: secrecy, private channels, meeting
                               alone, gifts/favour, appearance, out-of-hours intimacy

Hard negatives cover all four areas: non-directed exclamations, rude-looking words
(Scunthorpe, cocktail, bitter, Dick Whittington), book titles, anti-bullying posts, civil
criticism; supportive mentions of protected characteristics; complaints, self-jokes and
fiction; professional messages to pupils and grooming-like wording sent to adults.

Template syntax: ``{slot}`` fills from the pools below, ``<<a|b|c>>`` picks one option,
``[[off|...]]`` / ``[[eq|...]]`` / ``[[al|...]]`` / ``[[gr|...]]`` mark a labelled span
(``[[off+eq|...]]`` gives the same span two labels). Offsets are computed in code after all
noise (case, text-speak, typos, emoji) has been applied, and each is asserted.
Names come from Faker en_GB (roster names filtered out). Fixed seed: two runs give identical
output.

    .venv/bin/python datasets/heldout/make_blind_conduct.py
"""

from __future__ import annotations

import json
import random
import re
import unicodedata
from pathlib import Path

from faker import Faker

SEED = 7
OUT = Path(__file__).resolve().parents[2] / "src/safepractice/engine/tests/data/heldout/conduct7.jsonl"

RULES = {
    "off": "online-conduct.offensive",
    "eq": "online-conduct.equality",
    "al": "online-conduct.allegation",
    "gr": "communication.grooming-risk",
}
KINDS = {
    "p": ("post", None), "c": ("comment", None), "b": ("profile:bio", None),
    "mp": ("message", "pupil"), "mr": ("message", "parent"),
    "mc": ("message", "colleague"), "mu": ("message", "public"),
}

# --- Names ---------------------------------------------------------------------------------

ROSTER = {"amelia", "hughes", "oliver", "nowak", "zoe", "okafor", "william", "billy", "will",
          "thornbury", "priya", "raman", "callum", "fitzgerald", "sian", "pritchard", "sarah",
          "patel", "gareth", "llewellyn", "aldhelm", "hampshire"}
RUDE_BITS = ("dick", "cock", "cox", "ass", "hell", "tit", "sex", "gay", "fann", "willy", "bum",
             "shit", "piss", "hore", "slut", "fuck", "wank", "knob", "prat", "git", "twat", "cum",
             "nob", "hoar", "bitch", "cunt", "arse", "pox", "kill", "moron", "tosser", "paki")


def _fold(s: str) -> str:
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()


def _name_pool(fn, n: int) -> list[str]:
    out: list[str] = []
    while len(out) < n:
        x = fn()
        f = _fold(x)
        if x not in out and f.isalpha() and f not in ROSTER and not any(b in f for b in RUDE_BITS):
            out.append(x)
    return out


fake = Faker("en_GB")
fake.seed_instance(SEED)
SURNAMES = _name_pool(fake.last_name, 70)
FEMALE = _name_pool(fake.first_name_female, 45)
MALE = _name_pool(fake.first_name_male, 45)
CHILDREN = _name_pool(fake.first_name, 50)

# --- Slot pools ----------------------------------------------------------------------------

SG = ["useless prat", "total tw@t", "complete knobhead", "smug tosser", "smarmy git", "f*cking idiot",
      "spineless weasel", "thick pillock", "brainless muppet", "two-faced snake", "gobsh*te",
      "pillock", "d1ckhead", "w@nker", "bellend", "sh1thead", "complete arse", "prize plonker",
      "useless waste of space", "nasty piece of work", "total cretin", "massive knob", "utter weapon",
      "pathetic loser", "miserable tw4t", "jumped-up little pr*ck"]
PLS = ["absolute scum", "f***ing idiots", "brain-dead morons", "complete tossers", "useless pr*cks",
       "utter cretins", "knobheads", "bellends", "a bunch of clowns", "total wasters", "sh1tbags",
       "muppets", "gutless cowards", "thick as sh1t", "a shower of sh*te", "useless tw@ts"]
ROLES = ["the head", "our head", "the HT", "the deputy head", "the bursar", "the business manager",
         "the chair of governors", "the exec head", "the CEO of the trust", "the SENCo"]
ORGS = ["the council", "the LA", "county hall", "the academy trust", "the trust", "the local authority"]
SCHOOLS2 = ["Brambleside Primary", "Kingsmead Academy", "Hollybrook Infants", "Westfield Juniors",
            "Oakridge Primary", "Millbrook CofE Primary", "Ashcombe Academy", "Larkfield Juniors"]
APPS = ["snapchat", "Snap", "insta", "Instagram", "WhatsApp", "TikTok", "Discord", "my private account"]
DAYS = ["on Saturday", "on Sunday", "after school", "tomorrow night", "this weekend", "on Friday after club",
        "in half term", "tonight"]
PLACES = ["the park", "the rec", "McDonald's", "the shops", "the bus stop", "the leisure centre car park",
          "the skate park", "the back of the library"]


def _c(rng): return rng.choice([f"Mr {rng.choice(SURNAMES)}", f"Mrs {rng.choice(SURNAMES)}", f"Miss {rng.choice(SURNAMES)}", f"Ms {rng.choice(SURNAMES)}", rng.choice(FEMALE + MALE)])
def _cf(rng): return rng.choice([f"Mrs {rng.choice(SURNAMES)}", f"Miss {rng.choice(SURNAMES)}", f"Ms {rng.choice(SURNAMES)}", rng.choice(FEMALE)])
def _cm(rng): return rng.choice([f"Mr {rng.choice(SURNAMES)}", rng.choice(MALE)])
def _pm(rng): return rng.choice([f"{rng.choice(CHILDREN)}'s mum", f"Mrs {rng.choice(SURNAMES)}", f"Miss {rng.choice(SURNAMES)}", rng.choice(FEMALE)])
def _pd(rng): return rng.choice([f"{rng.choice(CHILDREN)}'s dad", f"Mr {rng.choice(SURNAMES)}", rng.choice(MALE), f"{rng.choice(CHILDREN)}'s stepdad"])


SLOTS = {
    "S": lambda r: r.choice(SURNAMES), "F": lambda r: r.choice(FEMALE + MALE),
    "F2": lambda r: r.choice(FEMALE + MALE), "FF": lambda r: r.choice(FEMALE), "FM": lambda r: r.choice(MALE),
    "K": lambda r: r.choice(CHILDREN), "c": _c, "cf": _cf, "cm": _cm, "pm": _pm, "pd": _pd,
    "p": lambda r: (_pm if r.random() < 0.5 else _pd)(r),
    "role": lambda r: r.choice(ROLES), "org": lambda r: r.choice(ORGS), "school2": lambda r: r.choice(SCHOOLS2),
    "app": lambda r: r.choice(APPS), "day": lambda r: r.choice(DAYS), "place": lambda r: r.choice(PLACES),
    "sg": lambda r: r.choice(SG), "pls": lambda r: r.choice(PLS),
}

# --- Positive templates: (kinds, text) -----------------------------------------------------

OFFENSIVE = [
    ("p c", "Parents' evening done. Honestly half the parents at this school are [[off|{pls}]]"),
    ("p c mc", "{c} is a [[off|{sg}]] and everyone in the staffroom knows it"),
    ("c", "lol {c} is such a [[off|{sg}]] 😂"),
    ("p", "The [[off|<<f***ing idiots|useless tw@ts|clueless muppets|absolute clowns>>]] at {org} have cut our budget AGAIN"),
    ("c", "Agreed. [[off|{pls}]], the lot of them"),
    ("mc", "did u see {p} at pick up?? what a [[off|{sg}]]"),
    ("mc mu", "{cf} just took credit for my display. [[off|<<Smug tw@t|Absolute snake|Two-faced cow|Jumped-up little sh1t>>]]."),
    ("c", "Shut up you [[off|{sg}]], nobody asked"),
    ("c mu", "[[off|<<F*ck off|P*ss off|Get to f*ck|Go f*ck yourself>>]] {F}, you [[off|<<absolute melt|utter weapon|sad little man|pathetic loser>>]]"),
    ("p mc", "Year 5 were [[off|<<feral little sh1ts|vile little brats|little b*stards>>]] today. Counting down to half term"),
    ("mc", "{K} in my class is [[off|<<a vile little brat|a nasty little sh1t|an evil little toerag>>]], honestly"),
    ("p c", "Whoever parked across the zigzags this morning, you're a [[off|{sg}]] 🤬"),
    ("c", "{F} you're talking [[off|absolute b*llocks]] as usual"),
    ("p mu", "Ofsted inspector today was a [[off|<<jumped-up little pr*ck|condescending tw@t|total d1ckhead>>]]"),
    ("mc", "The new supply teacher is [[off|<<thick as two short planks|dumb as a box of rocks|a total div>>]] honestly"),
    ("b", "Coffee ☕ | Running 🏃‍♀️ | Think {org} are [[off|<<a shower of sh1te|useless tw@ts|total f*ckwits>>]]"),
    ("b", "Not here for [[off|<<whiny snowflake tw@ts|moaning d*ckheads|keyboard-warrior knobheads>>]] ✌️"),
    ("b", "Mum of 3. Gin. Unfollow if you're a [[off|{sg}]] 🖕"),
    ("c", "Whoever wrote this article is a [[off|{sg}]]"),
    ("p", "To the mum in the Range Rover who called me 'love' at the gate... [[off|<<go f*ck yourself|get stuffed you snob|up yours>>]]"),
    ("mr", "With respect Mr {S}, you are being [[off|<<a complete arse|a total pr*ck|an absolute knob>>]] about this"),
    ("mr", "Stop emailing me at 10pm you [[off|{sg}]]"),
    ("mu", "mate the new head is [[off|<<a right knob|a proper bellend|a total tw@t>>]] 🙄 dunno how long I can stick it"),
    ("c", "What a [[off|<<bellend|melt|w@nker|tosser|pr*t>>]] 😂😂"),
    ("p mc", "Some of the dinner ladies are [[off|<<miserable cows|nasty old bags|right witches>>]] tbh"),
    ("c", "{F} ur a [[off|{sg}]] lmao"),
    ("p c", "Governors meeting tonight. [[off|<<Pompous pr*cks|Clueless muppets|Self-important tossers>>]] the lot of them"),
    ("mc", "honestly {c} can [[off|<<go to hell|rot in hell|get f*cked>>]] after today"),
    ("p", "Why are the parents round here such [[off|<<chavvy scum|trashy lowlifes|gormless idiots>>]]"),
    ("mc", "{role} = [[off|<<total c**t|utter tw*t|complete a$$hole>>]]. that's it, that's the message"),
    ("p", "Can't believe I'm paid to teach [[off|<<these thick little gits|these brainless brats|these little sh1ts>>]]"),
    ("mu", "Her from the PTA is [[off|<<a nasty piece of work|an absolute cow|a fat cow|a stuck-up b*tch>>]] I swear"),
    ("p", "Message to {org}: [[off|<<stick your new policy up your a*se|shove your targets where the sun don't shine>>]]"),
    ("c", "Typical. {org} again, [[off|<<useless f*ckwits|bunch of clowns|utter cretins|total sh1tshow of morons>>]]"),
    ("mc", "If {cm} explains my own lesson plan to me one more time... [[off|<<patronising git|smug pr*ck|condescending knob>>]]"),
    ("p", "Parents who let their kids play Fortnite all night are [[off|<<pathetic losers|useless wastes of space|scroungers and idiots>>]]"),
    ("c", "omg {F} shut it you [[off|<<gobby cow|mouthy tw@t|gobsh1te>>]]"),
    ("p mc", "the lollipop man is [[off|<<a miserable tw4t|a grumpy sod and a half-wit|an absolute weapon>>]] every single morning"),
    ("mc", "{cf} is [[off|<<a bone-idle waste of space|a lazy cow|a useless lump|a fat cow|a stuck-up b*tch>>]]"),
    ("c p", "[[off|<<F***ing idiots|Total b*llends|Absolute muppets>>]] at {org} strike again"),
    ("mu", "the mums on the school gate whatsapp are [[off|<<bitchy cows|vile harpies|a pack of hyenas>>]] 🙄"),
    ("p", "THE PARENTS IN 4B ARE [[off|{pls}]]"),
]

EQUALITY = [
    ("p c", "Sorry but [[eq|<<women shouldn't be heads|women don't make good heads|a woman can't run a school>>]]. There I said it"),
    ("mc", "[[eq|<<too many foreigners in my class|far too many foreign kids in my class>>]] this year 🙄"),
    ("c mc", "[[eq|<<Typical Muslim|Typical Muslims>>]], always wanting special treatment"),
    ("mc p", "{cm} is [[eq|<<too old to teach|past it at his age|too old for the job>>]] tbh, bless him"),
    ("p c", "Controversial but [[eq|<<pregnant staff are a liability|pregnant teachers are a liability>>]]"),
    ("c mu", "[[eq|<<that's so gay|thats so gay|how gay is that>>]] 😂"),
    ("mc", "the new uniform colours are [[eq|so gay]] lol"),
    ("mu c", "don't be such a [[off+eq|<<spaz|spacker|retard>>]]"),
    ("c mc", "this new marking policy is [[off+eq|<<retarded|r*tarded|spastic>>]]"),
    ("p", "[[eq|<<Two dads isn't a proper family|Two mums isn't a real family>>]] whatever the books say"),
    ("mc mu", "{cf} only got the job [[eq|because she's a woman]]"),
    ("p c", "[[eq|<<Men shouldn't be working in reception|Blokes shouldn't teach infants>>]], it's weird"),
    ("c", "[[eq|Girls are rubbish at football]], always have been"),
    ("mc", "Another one off on maternity 🙄 [[eq|<<should stop hiring women her age|never hire women in their thirties>>]]"),
    ("p mc", "[[eq|<<The SEN kids drag the whole class down|SEN kids ruin it for everyone else>>]]"),
    ("mc", "[[eq|<<autistic kids shouldn't be in mainstream|kids in wheelchairs shouldn't be in mainstream>>]], end of"),
    ("c", "[[eq|<<Dyslexia is just a posh word for lazy|ADHD is just bad parenting>>]]"),
    ("p", "Another new family from abroad joining. [[eq|<<They should go back where they came from|Send them back where they came from>>]]"),
    ("mc", "[[eq|<<Typical Polish parents|Typical Romanian parents|Typical Nigerian parents>>]], never read the letters"),
    ("c", "Of course he haggled, [[eq|typical Jew]]"),
    ("p", "Not doing a Diwali assembly. [[eq|This is a Christian country]], deal with it"),
    ("mc", "[[eq|<<I don't want a gay teacher near my kids|wouldn't want a lesbian teaching my daughter>>]] tbh"),
    ("c p", "[[eq|<<Trans teachers shouldn't be allowed near children|Trans people shouldn't work in schools>>]]"),
    ("mu", "the new TA can call herself what she likes, [[eq|<<she'll always be a bloke to me|she's still a man in a dress>>]]"),
    ("p", "[[eq|Civil partnerships aren't real marriages]] and never will be"),
    ("c", "[[eq|Married women should be at home]] with their kids, not in the classroom"),
    ("mc", "[[eq|<<don't hire anyone over 55|nobody over 60 should be teaching>>]], they can't keep up"),
    ("p", "[[eq|<<Old teachers are dead wood|Older staff are dead weight>>]]. Time for fresh blood"),
    ("c", "[[eq|<<She's a woman, of course she can't park|women drivers, say no more>>]] 😂"),
    ("mc", "the [[off+eq|<<pikey|gyppo>>]] kids are back from the fair this week"),
    ("p", "[[eq|Too many headscarves at the school gate]] these days"),
    ("c mu", "lol [[eq|<<you throw like a girl|you run like a girl>>]]"),
    ("mc", "{cf}'s pregnant AGAIN. [[eq|<<Pregnant teachers are a nightmare|pregnant staff are more trouble than they're worth>>]]"),
    ("p", "[[eq|<<Disabled parents shouldn't have kids|Deaf parents shouldn't have kids>>]] if they can't cope"),
    ("c", "[[eq|<<Another lazy immigrant|Another foreign scrounger>>]] on benefits"),
    ("mc", "the new NQT is a bit of a [[off+eq|<<poof|fairy|nancy boy>>]] isn't he"),
    ("mu", "man up, [[eq|crying is for girls]]"),
    ("b", "Proud Brit 🇬🇧 [[eq|<<No to mosques in our town|Stop the Islamification of Britain>>]]"),
    ("b", "Old school. [[eq|<<Women belong in the kitchen|Women belong at home>>]] 😂"),
    ("b", "Dad. Runner. [[eq|<<Feminists are ugly lesbians|Gays need not follow>>]]"),
    ("c", "[[eq|<<Chinese parents are all tiger mums|Asian parents only care about grades>>]] obviously"),
    ("p c", "[[eq|<<Black lads are always the troublemakers|Black boys are always the trouble>>]], everyone knows it"),
    ("mc", "dont give the deputy job to {cf}, [[eq|<<she's just got married, she'll be pregnant in a year|she'll be off having babies soon>>]]"),
]

ALLEGATION = [
    ("p c mc", "Not saying names but {role} is [[al|<<fiddling the budget|fiddling the books|on the fiddle>>]]"),
    ("mc mu", "I reckon {cm} is [[al|<<drinking on the job|drinking at work|drunk in class>>]], he stinks of it by lunch"),
    ("mc", "{pm} is [[al|<<neglecting her kids|not feeding those kids>>]], they come in filthy every day"),
    ("p", "{org} [[al|<<covered it up|covered the whole thing up|buried the report>>]] and everyone knows it"),
    ("c mc", "{cf} [[al|<<stole from the PTA|helped herself to PTA funds>>]], I've seen the books"),
    ("mc", "pretty sure {cf} [[al|<<nicked the trip money|pinched the trip money>>]]"),
    ("p mu", "{role} [[al|lied to Ofsted]] about the attendance figures"),
    ("mc", "{cm} [[al|<<fiddles his timesheets|fiddles his mileage claims>>]] every week"),
    ("p c", "{school2} [[al|<<cheated on their SATs|fiddled their SATs results>>]], no way those results are real"),
    ("c", "The chair of governors [[al|gave the building contract to his mate]]"),
    ("mc mu", "{pd} [[al|<<deals drugs|sells weed>>]] out the back of his van, ask anyone"),
    ("mc", "{pm} [[al|hits her kids]], I'd put money on it"),
    ("mc", "{cf} isn't sick, she's [[al|<<faking it to go on holiday|faking her sick leave>>]]"),
    ("p c", "{org} [[al|<<is pocketing money meant for SEN|is siphoning off the SEN money>>]]"),
    ("mc", "{role} [[al|bullied {cf} out of her job]]"),
    ("c mc", "{cm} [[al|makes up his assessment data]], has done for years"),
    ("p", "{org} [[al|knew about the asbestos and hid it]]"),
    ("mc", "The bursar [[al|has been skimming off the dinner money]]"),
    ("mc", "{pm} [[al|<<is on the fiddle with her benefits|is committing benefit fraud>>]]"),
    ("c mu", "{cm} [[al|was drunk at the school disco]]"),
    ("mc", "{role} [[al|rigged the interviews]] so their mate got the job"),
    ("p", "Heard the head at {school2} [[al|<<was sacked for fraud|has been nicking from the school fund>>]] 👀"),
    ("mc", "{pd} [[al|assaulted the lunchtime supervisor]], and nobody's done anything"),
    ("mc", "{K} [[al|<<stole a phone from the cloakroom|nicked money from my purse>>]], I know it was them"),
    ("p c", "{K}'s big brother [[al|is selling vapes to the Year 6s]]"),
    ("mu", "apparently {cf} [[al|got caught shoplifting in Tesco]] 😳"),
    ("mc", "{cm} [[al|forged the risk assessment]] for the trip"),
    ("p", "{org} [[al|fixed the consultation]] before it even started"),
    ("mc", "{role} [[al|threatens anyone who complains]]"),
    ("mc", "{pm} [[al|lies about the kids being ill]] so she can take them to Spain"),
    ("p c", "{org} [[al|<<is cooking the books|is hiding the real figures>>]]"),
    ("c mc", "Everyone knows {cm} [[al|is having an affair with a parent]]"),
    ("mc", "{cf} [[al|reads the kids' safeguarding files]] and gossips about them at the pub"),
    ("mc", "{cm} [[al|shouts at the SEN kids]] when nobody's watching"),
    ("c", "{org} [[al|<<took backhanders from the developer|took bribes from the builders>>]]"),
    ("mr", "I know {pm} [[al|has been spreading lies about me]] on the class group"),
    ("p", "{school2} [[al|off-rolls kids]] to boost their results"),
    ("mc", "{pd} [[al|drives the kids to school drunk]]"),
    ("c", "The caretaker [[al|takes stuff home from the stock cupboard]]"),
    ("mc", "{role} [[al|changed the SATs answers]], I saw it with my own eyes"),
    ("mu", "{cf} [[al|<<backdated the safeguarding log|shredded the complaint>>]] before the inspection"),
]

BOTH = [  # allegation plus an insult
    ("p c", "{role} is [[al|fiddling the budget]], [[off|thieving scumbag]]"),
    ("mc", "{cf} [[al|nicked the raffle money]], [[off|<<lying cow|sly cow>>]]"),
    ("mc mu", "{pd} [[al|beats his missus]], [[off|<<vile pig|absolute scumbag>>]]"),
    ("p", "[[off|<<Useless b*stards|Spineless tw@ts>>]] at {org} [[al|covered up the report]]"),
    ("c", "{cm} [[al|is half cut every afternoon]], [[off|sad alky]]"),
    ("mc", "{pm} [[al|neglects those kids]], [[off|absolute skank]]"),
    ("p", "The head at {school2} [[al|fiddled the results]], [[off|shameless tw@t]]"),
    ("mc", "{cm} [[al|steals from the tuck shop]] the [[off|greedy pig]]"),
    ("c", "{role} [[al|lied to governors]] again. [[off|Spineless weasel]]"),
    ("mu", "{org} [[al|pocketed the grant]], [[off|thieving sh1tbags]]"),
]

GROOMING = [  # all messages to a pupil
    "Well done today! [[gr|Don't tell your mum]] I messaged you ok x",
    "[[gr|<<This is our little secret|this is our secret>>]] 🤫",
    "[[gr|<<Delete these messages|delete these texts>>]] after you've read them",
    "This app is rubbish, easier if you [[gr|add me on {app}]]",
    "[[gr|Message me on {app}]] instead x",
    "[[gr|<<Meet me at {place} {day}, just us|meet me at {place} {day}, just you and me>>]]",
    "[[gr|<<I can pick you up|I'll come and get you>>]] from {place} {day} if you want",
    "[[gr|<<I'll buy you something nice|I'll get you something special>>]] for being so good 😊",
    "[[gr|<<You're my favourite|you're my favourite pupil>>]], you know that don't you",
    "[[gr|<<You looked gorgeous today|you looked so pretty today>>]] x",
    "[[gr|Can't stop thinking about you]] {K}",
    "hey {K} [[gr|<<are you in bed yet?|are you in bed?>>]]",
    "[[gr|<<Night night gorgeous|night night beautiful|sweet dreams gorgeous>>]] <<xx|x|😘>>",
    "[[gr|<<Are you on your own?|Is anyone else home?|Are you home alone?>>]]",
    "[[gr|Send me a pic]] of your new outfit",
    "[[gr|You're so mature for your age]] {K}",
    "[[gr|The others wouldn't understand <<us|what we have>>]]",
    "[[gr|<<Let's keep this between us|let's keep this just between us two|this stays between me and you>>]] ok?",
    "[[gr|<<Your parents don't need to know|No need to tell your mum and dad>>]] about this",
    "[[gr|<<Don't show anyone these messages|don't let your mum see these messages>>]]",
    "[[gr|I got you a little present]], [[gr|don't tell the others]]",
    "[[gr|<<You're really pretty|you're so beautiful|you're gorgeous>>]] you know",
    "[[gr|<<Miss you already|missing you loads>>]] xx",
    "[[gr|Text me when your mum's gone to bed]]",
    "[[gr|Turn on disappearing messages]] before we chat",
    "[[gr|<<Wanna hang out this weekend? Just us two|fancy hanging out on Saturday, just me and you>>]]",
    "[[gr|I'll give you a lift home]], [[gr|just don't mention it at school]]",
    "You can tell me anything {K}, but [[gr|keep it between us]]",
    "[[gr|You're special to me]], not like the others",
    "[[gr|What are you wearing<<?| right now?| in bed?>>]]",
    "[[gr|<<Come round mine|come over to my house>>]] {day}, I'll get pizza in",
    "[[gr|Follow my private account]], the school one is boring",
    "I'll give you extra house points if you [[gr|keep our chats secret]]",
    "[[gr|<<Don't tell anyone|Keep it quiet>>]] that I gave you my number",
    "[[gr|Thought about you all weekend]] x",
    "[[gr|You're the only one who really gets me]]",
    "[[gr|<<Wish you were a bit older|if only you were a few years older>>]] 😉",
    "Can you [[gr|sneak out]] later and [[gr|meet me by {place}]]?",
    "[[gr|<<Are your parents out tonight?|when are your parents out?|is your mum at work tonight?>>]]",
    "I'll let you off detention if you [[gr|come and see me after school on your own]]",
    "[[gr|Don't tell your dad]] I bought you the trainers, [[gr|it's our thing]]",
    "[[gr|Just checking you got home ok gorgeous]] 😘",
]

# --- Hard negatives ------------------------------------------------------------------------

NEG_OFF = [
    ("p", "Bloody hell what a day 😴"), ("p", "Oh sh*t I forgot the cake for the bake sale 🙈"),
    ("p", "Weekend in Scunthorpe visiting the in-laws 🚗"), ("p", "Friday night cocktail 🍸 you've earned it"),
    ("p", "Pint of bitter and a packet of crisps. Bliss."),
    ("p", "Took the kids to see Dick Whittington at the theatre, oh yes we did! 🎭"),
    ("p", "Hell of a week. Bath, wine, bed."), ("mc", "you're going to kill it at parents' evening!"),
    ("c", "I'm dying laughing at this 😂😂"), ("c", "This banana bread is the bomb 💣"),
    ("p", "Reading The Twits with my two at bedtime, they love it"),
    ("p", "Anti-Bullying Week: be kind, speak up, and tell a trusted adult 💙"),
    ("c", "I disagree with the council's decision on funding and I've written to my councillor."),
    ("p", "This bloody printer has jammed again"), ("p", "Damn, missed the bus. Again."),
    ("mu", "ffs the wifi is down again 🙄"), ("p", "Booked a weekend in Penistone, any pub recommendations?"),
    ("p", "Cockburn's port and a mince pie, Christmas has started"), ("c", "Sick! 🔥 Congrats hun"),
    ("p", "Watched a Dick Turpin documentary last night, fascinating"), ("c", "That's wicked news, well done {F}!"),
    ("p", "Knackered. Absolutely cream crackered."), ("mc", "crap day, need a brew ☕"),
    ("p", "Killer sudoku has beaten me again"), ("p", "The Gruffalo's Child at bedtime, for the 400th time"),
    ("c", "Pants! I've missed the early bird tickets"), ("p", "Black Cock Inn for Sunday lunch, cracking roast"),
    ("p", "Spotted a great tit and two blue tits at the feeder this morning 🐦"),
    ("c", "Respectfully, I think the new parking scheme is a mistake and I'll be saying so at the consultation."),
    ("p", "Had to explain to my son that calling people names is never ok. Proud of how he handled it."),
    ("mu", "Sorry to hear your daughter's being bullied, that's awful. Have you spoken to her teacher?"),
    ("p", "Scunthorpe United away day with my dad ⚽"),
    ("p", "Just finished 'Go the F**k to Sleep', funniest parenting book ever"),
    ("p", "Hell yeah, summer holidays start now ☀️"), ("c", "I'm gutted I missed it, what a shame"),
    ("p", "Middlesex v Sussex at Lord's today, lovely day for cricket 🏏"),
    ("mc", "ugh the damn photocopier ate my worksheets"), ("p", "I could murder a bacon sandwich right now"),
    ("c", "This made me cry, in a good way 😭"), ("p", "Spotted dick and custard for afters 🍮 proper school dinner vibes"),
    ("c", "Brilliant idea! Count me in."), ("p", "Weather is absolutely rubbish today ☔"),
    ("mu", "what a load of rubbish on telly tonight"), ("p", "Knocked it out of the park at the pub quiz tonight 🏆"),
    ("c", "I'm not a fan of the new one-way system but I'm sure it'll settle down"),
    ("p", "Just the rain, the traffic and the bloody roadworks"), ("c", "I'm so sorry for your loss, thinking of you all x"),
    ("mr", "Thanks for letting me know, I'll have a word with the class about unkind comments."),
    ("p", "Anyone else's kids obsessed with Captain Underpants? 🩲"),
    ("p", "Sh*t, just realised it's non-uniform day tomorrow and I've not washed anything"),
    ("mc", "bloody hell, who knew a nativity could be this emotional 😭"),
    ("p", "Pussy willow out on our walk today 🌿"), ("p", "The bitter cold this morning! ❄️"),
    ("p", "Kudos to the council for fixing the potholes on our road so quickly 👏"),
    ("c", "I think the new homework policy needs more thought, but happy to discuss it properly."),
    ("p", "Assassin's Creed marathon with my son tonight 🎮"), ("p", "Wee dram of whisky by the fire 🥃"),
    ("c", "I was a nervous wreck before my first marathon too, you'll smash it!"),
    ("p", "Parents' evening done and dusted. Lovely chats with some really supportive families 💛"),
    ("c", "Idiot-proof recipe, even I couldn't mess it up 😂"),
    ("p", "I'm such an idiot, locked my keys in the car 🤦‍♀️"), ("c", "Screw it, I'm having the chocolate cake"),
    ("c", "Shut up! That's amazing news 🎉"), ("c", "Stop it, you're killing me 😂"),
    ("p", "Our Stand Up to Bullying assembly was powerful. Kindness wins."), ("c", "Cheers, you absolute legend 🙌"),
    ("p", "Reading 'Bad Dad' by David Walliams with my eldest"), ("b", "Mum 👩‍👧 | cocktail lover 🍹 | Scunthorpe born and bred"),
    ("b", "Bitter drinker, bad dancer, good friend ✌️"), ("b", "Gin o'clock somewhere. Views my own."),
    ("b", "Dick Whittington in the village panto 🎭 | cake fiend | hell on a netball court"), ("b", "Sarcasm, strong tea and sh*t puns ☕"),
    ("mu", "omg that film was the bomb, thanks for the rec"), ("c", "Oh crap, is that today?! On my way"),
    ("p", "Bonkers week. Bring on the weekend 🥂"), ("mc", "sorry, total brain fart, I'll send the file now"),
    ("c", "Wishing you a hell of a good birthday {F}! 🎂"), ("p", "Dick Whittington panto tickets booked for the whole family!"),
    ("mu", "Please don't call people names in the group chat, it's not kind"),
    ("c", "I don't agree with this at all, but I respect your view."), ("p", "Screwfix run for the shelves, wish me luck 🔧"),
    ("p", "Manic Monday. Where's the coffee?! ☕"), ("c", "Damn that looks delicious 😍"),
    ("mr", "I understand you're frustrated, and I'm sorry the letter came so late. Let's talk on Monday."),
    ("p", "Honestly the state of my kitchen after baking with the kids 🙈 carnage"),
    ("c", "Slay queen 👑 you look amazing"), ("p", "Fell flat on my bum on the ice this morning, dignity gone 😂"),
]

NEG_EQ = [
    ("p", "Loved the Pride month assembly today 🏳️‍🌈"), ("p", "Eid Mubarak to everyone celebrating 🌙"),
    ("c", "Our new deputy is pregnant, congratulations! 🎉"), ("p", "Disability Awareness Week starts Monday, lots planned ♿"),
    ("p", "Happy International Women's Day to all the amazing women I work with 💜"),
    ("p", "Black History Month: we've been learning about Walter Tull ⚽"),
    ("c", "Happy retirement {F}! 40 years in the job, what an inspiration"),
    ("p", "Congratulations to {F} and {F2} on your civil partnership 💕"),
    ("mc", "Ramadan Mubarak! Let me know if you want me to cover your lunch duty while you're fasting"),
    ("p", "Happy Diwali! 🪔 The rangoli patterns were stunning"), ("p", "Chag Hanukkah sameach to all our Jewish friends 🕎"),
    ("p", "Started a BSL club this week, the children picked up the alphabet so quickly 🤟"),
    ("p", "Trans Awareness Week: everyone deserves to feel safe at school 🏳️‍⚧️"),
    ("c", "Menopause support group was so helpful, thank you for organising"),
    ("p", "The Equality Act 2010 lists nine protected characteristics: age, disability, gender reassignment, marriage and civil partnership, pregnancy and maternity, race, religion or belief, sex and sexual orientation."),
    ("p", "My wife and I celebrated 10 years married today 💍"), ("c", "Congrats on the baby news! Enjoy your maternity leave 👶"),
    ("mc", "Welcome back from maternity leave! Missed you ❤️"),
    ("p", "Wheelchair-accessible sports day was brilliant, every child took part 🏅"),
    ("p", "Proud to be an ally. Love is love 🌈"), ("c", "My grandad is 92 and still does the crossword every morning. Legend."),
    ("p", "Chinese New Year lanterns up in the hall 🏮"), ("p", "Girls' football team won the cup! ⚽🏆"),
    ("c", "Men in early years are so valuable, more please!"),
    ("p", "Older TAs bring so much life experience, honestly the best colleagues"),
    ("p", "Went to the mosque open day with the family, such a warm welcome"), ("p", "Our Polish club made pierogi today 🥟"),
    ("c", "So proud of my daughter for coming out, love her to bits"), ("p", "Refugee Week: welcoming new families to our town 💛"),
    ("p", "Autism Acceptance Month 💙 small changes make a big difference"),
    ("c", "Dyslexia doesn't define you, it's just a different way of thinking 💪"),
    ("mr", "Thanks for letting us know about Ramadan, we'll make sure there's a quiet space at lunch."),
    ("p", "Happy Christmas everyone! 🎄 The carol service was beautiful"),
    ("p", "Vaisakhi celebrations at the gurdwara today, the food was incredible"),
    ("mc", "Our new TA uses they/them pronouns, just flagging so we all get it right 👍"),
    ("p", "Sex education curriculum review tonight, parents' views welcome"),
    ("c", "Two mums, two dads, one mum, grandparents... all families are welcome here 💕"),
    ("p", "Bit gutted to be turning 50 but the cake helped 🎂"),
    ("c", "Alan Turing on the £50 note, great discussion at dinner about gay rights history"),
    ("p", "Women in STEM event was inspiring, my daughter wants to be an engineer now 👩‍🔧"),
    ("p", "Hearing loop installed in the hall, finally!"), ("p", "Reading 'And Tango Makes Three' with my little one"),
    ("p", "Proud of my son's Irish dancing medal ☘️"), ("c", "Mazel tov on the bar mitzvah! 🎉"),
    ("p", "Baby shower for my sister today 🍼"), ("mc", "Can we make sure the prayer room is free on Friday lunchtimes?"),
    ("p", "My 70-year-old mum has just joined TikTok and she's better at it than me 😂"),
    ("c", "Gay, straight, whatever, just be kind ✌️"), ("p", "Learning about Guru Nanak this term, fascinating"),
    ("c", "Totally agree, we need more women in headship"),
    ("p", "Happy Pride! Marching with my brother and his husband today 🏳️‍🌈"),
    ("mr", "Congratulations on the new baby! Take all the time you need, we'll send the reading books home."),
    ("p", "Celebrating 40 years of my parents' marriage, such an example to us all"),
    ("c", "Old age is a privilege denied to many ❤️"), ("p", "Our Gypsy, Roma and Traveller History Month display looks fab"),
    ("c", "Happy Easter everyone 🐣"), ("p", "Deaf Awareness Week: learnt to sign 'good morning' 🤟"),
    ("p", "Lionesses tonight! Come on England 🦁"), ("c", "The youngest ever to win it, incredible achievement"),
    ("b", "Proud mum of 2 🌈 ally | she/her | tea addict"), ("b", "Wheelchair user, wine lover, Strictly superfan ♿💃"),
    ("b", "Muslim, mum, marathon runner 🏃‍♀️"), ("b", "Happily married to my husband Dan 💍 | dog dad"),
    ("b", "Proud grandma at 52 👵 | Pride volunteer 🏳️‍🌈"), ("b", "Catholic, Celtic fan, crossword addict ✝️"),
    ("mu", "my nan turned 100 today and got a card from the King! 👑"),
    ("mc", "Happy to swap duties so you can get to your antenatal appointment"),
    ("c", "Being autistic myself, this post means a lot. Thank you."), ("p", "Interfaith week: lovely visit from the local rabbi and imam"),
    ("p", "Shout out to all the dads doing the school run today 💪"), ("c", "Wishing you both a lifetime of happiness 💕 #loveislove"),
    ("mr", "We'll make sure the trip has step-free access for your son's wheelchair."),
    ("p", "Learning some basic Urdu so I can say hello properly to the new families 😊"),
]

NEG_AL = [
    ("p", "The roadworks on the high street are a nightmare 🚧"), ("c", "I stole the last biscuit, guilty! 🍪"),
    ("p", "In the book the wolf lied to Red Riding Hood, great chat with my son about trust"),
    ("p", "Line of Duty finale tonight, bent coppers everywhere! 🚔"), ("p", "Gangsta Granny is a brilliant read, a granny jewel thief!"),
    ("c", "The council's new bin collection timetable is confusing, anyone understand it?"),
    ("p", "Huge thanks to the PTA for raising £2,000 at the summer fair 💛"),
    ("c", "Our bursar has done an amazing job balancing the budget this year 👏"),
    ("p", "{org} has announced next year's term dates"), ("mc", "Is the head in tomorrow? Need to ask about the trip budget"),
    ("p", "Murder mystery dinner party: I was the killer and nobody guessed 🔪😂"),
    ("c", "Guilty as charged, I ate all the Celebrations 🙈"), ("p", "Agatha Christie binge this weekend. The butler didn't do it!"),
    ("mu", "My car got broken into last night, police have been great. Just glad nobody was hurt."),
    ("c", "I think the new admissions policy is too strict, but I understand why they did it"),
    ("p", "Bake sale raised £312! Thank you to every family who baked 🧁"),
    ("p", "Potholes on our road are getting ridiculous, I've reported them online"),
    ("mc", "Have you seen where the laminator went? Can't find it anywhere"),
    ("c", "Ha! I've pinched your recipe, hope you don't mind 😂"), ("p", "Cheated on my diet with a doughnut. No regrets 🍩"),
    ("p", "Finished 'The Thursday Murder Club', couldn't put it down"),
    ("mc", "The head has been really supportive about my flexible working request 😊"),
    ("mr", "Thank you for your email. I'll look into the lost jumper and get back to you."),
    ("c", "The consultation closes Friday if anyone wants to have their say"),
    ("p", "The kids and I made up a story about a pirate who stole the moon 🌙"),
    ("p", "Traffic on the school run this morning was a joke"), ("c", "I lied about liking Marmite for 20 years. Time to confess 😂"),
    ("p", "So grateful to our governors, giving up so much time for free"),
    ("mc", "Budget meeting went fine, nothing to worry about"), ("p", "Thought my phone had been nicked. Found it in the fridge 🙈"),
    ("c", "Robin Hood stole from the rich, my son thinks that makes him a hero"),
    ("p", "Fraud awareness: never give your bank details over the phone, even if they say they're your bank"),
    ("mu", "The council tax bill went up again 😩"), ("c", "Great news that {school2} got Good from Ofsted, well deserved"),
    ("p", "Someone left a lovely card on my desk, whoever you are, thank you 💛"),
    ("mc", "Can you check the trip money tally with me tomorrow before it goes to the office?"),
    ("c", "My cat is the real thief in this house, stole a whole sausage 🐱"),
    ("p", "Waited 45 minutes at the GP surgery today, so frustrating"), ("c", "The new car park layout makes no sense but hey ho"),
    ("p", "Finished the jigsaw... one piece missing. The dog definitely ate it 🐶"),
    ("mc", "I think I left my lanyard in your room, can you check?"),
    ("p", "Bonfire night chat with my two: Guy Fawkes tried to blow up parliament!"),
    ("c", "Thanks to the council for the new play park, the kids love it"),
    ("p", "Who ate my yoghurt from the fridge? 😂 Only joking, it was me"),
    ("mr", "Thanks for coming in today, it was really helpful to talk through the plan together."),
    ("p", "Bus was late AGAIN, but the driver was lovely about it"),
    ("c", "I'm not sure I agree with the new marking policy, let's chat at the meeting"),
    ("p", "Escape room with friends tonight: we 'robbed' the bank in 52 minutes 💰"),
    ("c", "Spoiler alert: the vicar did it 😂 #murdermystery"), ("mu", "My neighbour's hedge is out of control lol, need to have a polite word"),
    ("p", "Stuck in a meeting that could have been an email ☕"),
    ("p", "The Highwayman is such a dramatic poem, my daughter recited it at dinner"),
    ("c", "Busted! Caught myself singing in the car at the lights 😳"),
    ("mc", "{role} asked if we could all get our reports in by Friday"),
    ("c", "{org} has extended the deadline for the school admissions appeals"),
    ("p", "Well done to {school2} on their new library, looks amazing 📚"),
    ("mr", "Thank you, {pm} has already sent in the money for the trip, all sorted."),
    ("mc", "{cf} did a brilliant job running the PTA disco, credit where it's due"),
    ("p", "Jury service this week. Can't say anything, obviously!"),
    ("c", "The Grinch stole Christmas and my toddler is FURIOUS about it 😂"),
]

NEG_GR_PUPIL = [
    "Well done on your SATs, you worked so hard this year! 🌟", "Reminder: PE kit tomorrow please 👟",
    "Your mum asked me to remind you about the trip money for Friday", "See you at school on Monday, have a lovely weekend",
    "Great effort in the match today, the team is proud of you ⚽", "The secret ingredient in today's science experiment is vinegar! 🧪",
    "You looked really confident in the assembly today, well done", "Homework is on the learning platform, due next Wednesday",
    "Please bring your reading record back tomorrow 📚", "Don't forget the spelling test on Thursday",
    "Remember to ask your parents to sign the permission slip for the museum trip",
    "Good luck at the swimming gala on Saturday! 🏊", "Your story was brilliant, it's going up on the class display",
    "Keep your password secret and never share it with anyone online 🔒", "Don't tell anyone your password, not even your friends",
    "Secret Santa names will be handed out in class on Friday 🎅", "The secret to long division is checking your working at each step",
    "Meet at the school gate at 8am for the coach, your parents are welcome to wave you off",
    "Your dad will collect you from the office at 2pm for your dentist appointment",
    "Everyone who finishes the reading challenge gets a certificate and a badge 🏅",
    "Get a good night's sleep before the tests, you're all ready 💪", "The whole class did brilliantly at the concert, thank you",
    "Hope you're feeling better {K}, your work pack is at the office for your mum to pick up",
    "Please let the office know if you can't make choir practice", "Lovely to see you at library club today 📖",
    "Your volcano model was one of the best in the year group 🌋", "Reminder that school photos are on Tuesday, full uniform please",
    "Mrs {S} says football club is cancelled tomorrow because of the rain", "The class voted your poem their favourite! 🎉",
    "Can you remind your mum the parents' evening slots are on the portal?", "Brilliant times tables today, keep practising on the app",
    "Class assembly rehearsal is in the hall at 9, bring your script", "Well done for being so kind to the new pupil this week 😊",
    "Your music exam result came through, a distinction! Mr {S} is thrilled", "Sports day is next Friday, sun cream and water bottles please ☀️",
    "Thanks for helping tidy the classroom, very responsible of you", "Please hand in your trip form by Wednesday",
    "If you're worried about anything, you can always talk to your class teacher or a trusted adult at home",
    "Keep up the good work with your handwriting ✏️", "Have a lovely half term, see you all on the 3rd",
    "Your team won the quiz, prizes will be given out in Friday's assembly", "Please remember to bring a packed lunch for the trip",
    "I've shared the revision sheets on the portal, ask your parents to help you log in",
    "Thank you for the lovely card {K}, it made everyone in the staffroom smile", "Your mum says you're off sick today, hope you feel better soon",
    "Don't worry about the missed homework, we'll go through it together in class on Monday",
]

NEG_GR_OTHER = [
    ("mc", "don't tell the head but I've eaten all the biscuits 🤫"), ("mu", "add me on snapchat hun, I never check FB"),
    ("mu", "night night gorgeous xx see you tomorrow"), ("mc", "are you in bed yet? can't sleep, Ofsted brain 😩"),
    ("mu", "meet me at the park on Saturday, bring the dogs 🐕"), ("mc", "this is our secret: I'm applying for the deputy job 🤞"),
    ("mu", "can't stop thinking about that cheesecake we had"),
    ("mr", "The class is planning a surprise for Mrs {S}'s retirement, so please keep it a secret from her!"),
    ("mc", "you looked gorgeous at the staff do last night! 😍"), ("p", "Night night my gorgeous boys, sweet dreams xx"),
    ("mu", "I can pick you up from the station on Friday x"), ("mc", "delete that photo of me from the group chat please 😂"),
    ("p", "Bought my niece something nice for her birthday, she's my favourite (don't tell her brother 🤫)"),
    ("mu", "Miss you already xx, safe flight ✈️"), ("mr", "Could you pick him up from the office at 3? He's got his dental appointment."),
    ("mc", "message me on WhatsApp, Teams keeps crashing"), ("mu", "are you on your own tonight? fancy a takeaway and a film?"),
    ("c", "Oh you look gorgeous, happy birthday hun 💕"),
    ("mr", "Thanks for the lovely gift, you really didn't need to! The class will enjoy the chocolates."),
    ("mu", "what are you wearing to the wedding? I've got nothing 😩"), ("mc", "let's keep this between us until the head announces it"),
    ("mu", "your parents don't need to know we booked Ibiza 😂 we're 40 not 14"),
    ("p", "Secret Santa sorted for the book club, the budget is a tenner 🎁"),
    ("mr", "Please don't tell the children about the surprise visitor on Friday, we want it to be a lovely surprise!"),
    ("mc", "You're my favourite person to share a corridor with ❤️"), ("mu", "thought about you all weekend, hope the op went ok x"),
]

# --- Noise ---------------------------------------------------------------------------------

EMOJI = {
    "off": [" 🙄", " 😡", " 🤬", " smh", " 💯", " #justsaying", " 🖕", " lol"],
    "rant": [" 🙄", " smh", " 💯", " #justsaying", " 🤷‍♀️", " lol", " 👀", " tbh"],
    "gr": [" x", " xx", " 😘", " 😉", " 🤫", " ❤️"],
    "neutral": [" 😊", " 👍", " 🎉", " ☕", " x", " lol", " 😂", " 🙌"],
    "pupil": [" 🙂", " 👍", " ⭐"],
}
TEXTSPEAK = [(r"\byou\b", "u"), (r"\byour\b", "ur"), (r"\bare\b", "r"), (r"\bthough\b", "tho"),
             (r"\bpeople\b", "ppl"), (r"\btonight\b", "2nite"), (r"\bbecause\b", "cos"), (r"\bplease\b", "pls"),
             (r"\bto be honest\b", "tbh"), (r"\bbefore\b", "b4")]
MARK = re.compile(r"\[\[([a-z+]+)\|(.*?)\]\]")


def fill(tmpl: str, rng: random.Random) -> str:
    s = re.sub(r"\{(\w+)\}", lambda m: SLOTS[m.group(1)](rng), tmpl)
    return re.sub(r"<<([^<>]*)>>", lambda m: rng.choice(m.group(1).split("|")), s)


def to_pieces(s: str) -> list[list]:
    out, pos = [], 0
    for m in MARK.finditer(s):
        if m.start() > pos:
            out.append([s[pos:m.start()], ()])
        out.append([m.group(2), tuple(m.group(1).split("+"))])
        pos = m.end()
    if pos < len(s):
        out.append([s[pos:], ()])
    assert "[[" not in "".join(p[0] for p in out) and "<<" not in s and "{" not in s, s
    return out


def noise(pieces: list[list], rng: random.Random, emoji: str) -> None:
    if pieces[0][0][:1].islower() and rng.random() < 0.6:
        pieces[0][0] = pieces[0][0][0].upper() + pieces[0][0][1:]
    if rng.random() < 0.14:
        for p in pieces:
            for pat, rep in TEXTSPEAK:
                p[0] = re.sub(pat, rep, p[0], flags=re.I)
    r = rng.random()
    for p in pieces:
        if r < 0.05:
            p[0] = p[0].upper()
        elif r < 0.17:
            p[0] = p[0].lower()
    q = rng.random()
    if q < 0.08:
        for p in pieces:
            p[0] = p[0].replace("'", "")
    elif q < 0.16:
        for p in pieces:
            p[0] = p[0].replace("'", "\u2019")
    if rng.random() < 0.08:  # one transposition typo in a longish word
        i = rng.randrange(len(pieces))
        words = [m for m in re.finditer(r"[A-Za-z]{6,}", pieces[i][0])]
        if words:
            m = rng.choice(words)
            j = rng.randrange(m.start() + 1, m.end() - 2)
            t = pieces[i][0]
            pieces[i][0] = t[:j] + t[j + 1] + t[j] + t[j + 2:]
    last = pieces[-1][0].rstrip()
    if rng.random() < 0.22 and last[-1:].isascii() and not last.lower().endswith((" x", " xx")):
        pieces.append([rng.choice(EMOJI[emoji]), ()])


def build(tmpl: str, kind: str, rng: random.Random, emoji: str) -> dict:
    pieces = to_pieces(fill(tmpl, rng))
    noise(pieces, rng, emoji)
    text, expected = "", []
    for t, codes in pieces:
        start = len(text)
        text += t
        for code in codes:
            expected.append({"rule": RULES[code], "start": start, "end": len(text), "_span": t})
    for e in expected:
        span = e.pop("_span")
        assert text[e["start"]:e["end"]] == span and span == span.strip() and span, (text, span)
    assert 5 <= len(text) <= 280, text
    expected.sort(key=lambda e: (e["start"], e["rule"]))
    k, to = KINDS[kind]
    return {"text": text, "kind": k, "to": to, "expected": expected}


def generate(group: list[tuple[str, str]], n: int, rng: random.Random, emoji: str,
             seen: set[str], max_uses: int = 4) -> list[dict]:
    order = list(range(len(group)))
    rng.shuffle(order)
    uses = [0] * len(group)
    out: list[dict] = []
    tries = 0
    while len(out) < n:
        tries += 1
        assert tries < 50 * n, f"cannot make {n} distinct items from {len(group)} templates"
        i = order[len(out)] if len(out) < len(order) else rng.randrange(len(group))
        if uses[i] >= max_uses and len(out) >= len(order):
            continue
        kinds, tmpl = group[i]
        item = build(tmpl, rng.choice(kinds.split()), rng, emoji)
        if item["text"].lower() in seen:  # in the first pass this retries the same template
            continue
        seen.add(item["text"].lower())
        uses[i] += 1
        out.append(item)
    return out


def check_templates() -> None:
    for _kinds, t in OFFENSIVE + EQUALITY + ALLEGATION + BOTH:
        assert MARK.search(t), t
    for kinds, t in ALLEGATION + BOTH:
        assert "b" not in kinds.split(), t  # allegations are not checked in profiles
    for kinds, t in NEG_OFF + NEG_EQ + NEG_AL + NEG_GR_OTHER:
        assert not MARK.search(t) and "mp" not in kinds.split(), t
    for t in GROOMING:
        assert "[[gr|" in t, t
    for t in NEG_GR_PUPIL:
        assert "[[" not in t, t


def main() -> None:
    check_templates()
    rng = random.Random(SEED)
    seen: set[str] = set()
    items: list[dict] = []
    items += generate(OFFENSIVE, 74, rng, "off", seen)
    items += generate(EQUALITY, 90, rng, "rant", seen)
    items += generate(ALLEGATION, 80, rng, "rant", seen)
    items += generate(BOTH, 12, rng, "off", seen)
    items += generate([("mp", t) for t in GROOMING], 88, rng, "gr", seen)
    items += generate(NEG_OFF, 100, rng, "neutral", seen, max_uses=2)
    items += generate(NEG_EQ, 86, rng, "neutral", seen, max_uses=2)
    items += generate(NEG_AL, 78, rng, "neutral", seen, max_uses=2)
    items += generate([("mp", t) for t in NEG_GR_PUPIL], 60, rng, "pupil", seen, max_uses=2)
    items += generate(NEG_GR_OTHER, 30, rng, "neutral", seen, max_uses=2)
    rng.shuffle(items)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as fh:
        for n, item in enumerate(items, 1):
            row = {"id": f"k7-{n:04d}", **item}
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(items)} items to {OUT}")


if __name__ == "__main__":
    main()
