"""The school's people as an index of name phrases, built once per roster."""

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .context import RosterPerson
from .matching import PhraseIndex
from .text import fold_word, words

# A small curated table of English nicknames (formal name → familiar forms).
NICKNAMES: dict[str, tuple[str, ...]] = {
    "alexander": ("alex", "xander", "sandy"),
    "alexandra": ("alex", "lexi", "sasha"),
    "abigail": ("abi", "abby", "gail"),
    "amelia": ("millie", "mia", "amy"),
    "anthony": ("tony", "ant"),
    "benjamin": ("ben", "benji", "benny"),
    "catherine": ("cath", "cathy", "kate", "katie"),
    "charles": ("charlie", "chas"),
    "charlotte": ("lottie", "charlie", "lotte"),
    "christopher": ("chris", "kit"),
    "daniel": ("dan", "danny"),
    "edward": ("ed", "eddie", "ted", "teddy"),
    "eleanor": ("ellie", "nell", "nora"),
    "elizabeth": ("liz", "lizzie", "beth", "betty", "libby"),
    "ellie": ("el",),
    "emily": ("em", "emmy", "millie"),
    "frederick": ("fred", "freddie"),
    "gabriel": ("gabe",),
    "harold": ("harry",),
    "henry": ("harry", "hal"),
    "isabella": ("bella", "izzy", "issy"),
    "isabelle": ("bella", "izzy", "issy"),
    "jacob": ("jake",),
    "james": ("jim", "jimmy", "jamie"),
    "jennifer": ("jen", "jenny"),
    "jessica": ("jess", "jessie"),
    "jonathan": ("jon", "jonny"),
    "joseph": ("joe", "joey"),
    "joshua": ("josh",),
    "katherine": ("kate", "katie", "kath"),
    "kathryn": ("kate", "katie"),
    "lucas": ("luke",),
    "margaret": ("maggie", "meg", "peggy"),
    "matilda": ("tilly", "tilda"),
    "matthew": ("matt", "matty"),
    "michael": ("mike", "mikey", "mick"),
    "nathaniel": ("nate", "nat"),
    "nicholas": ("nick", "nicky"),
    "oliver": ("ollie", "olly"),
    "olivia": ("liv", "livvy", "olive"),
    "patrick": ("paddy", "pat"),
    "rebecca": ("becky", "becca"),
    "richard": ("rich", "richie", "dick"),
    "robert": ("rob", "robbie", "bob", "bobby"),
    "samantha": ("sam", "sammy"),
    "samuel": ("sam", "sammy"),
    "sebastian": ("seb", "sebby"),
    "sophia": ("sophie",),
    "stephen": ("steve",),
    "steven": ("steve",),
    "theodore": ("theo", "ted", "teddy"),
    "thomas": ("tom", "tommy"),
    "victoria": ("vicky", "tori"),
    "william": ("will", "bill", "billy", "liam"),
    "zachary": ("zach", "zack"),
    "florence": ("flo", "florrie"),
    "penelope": ("penny",),
    "archibald": ("archie",),
    "alfred": ("alfie", "alf"),
    "maximilian": ("max",),
    "maxwell": ("max",),
    "harriet": ("hattie", "harry"),
    "evelyn": ("evie",),
    "callum": ("cal", "cally"),
    "harrison": ("harry", "haz"),
    "francesca": ("fran", "frankie", "chesca"),
    "frances": ("fran", "frankie"),
    "georgina": ("georgie", "gina"),
    "georgia": ("georgie",),
    "gabriella": ("gabby", "ella"),
    "muhammad": ("mo",),
    "mohammed": ("mo",),
    "mohammad": ("mo",),
    "nathan": ("nate", "nat"),
    "natalie": ("nat", "tali"),
    "madison": ("maddie", "maddy"),
    "madeleine": ("maddie", "maddy"),
    "madeline": ("maddie", "maddy"),
    "louis": ("lou",),
    "louise": ("lou",),
    "leonardo": ("leo",),
    "leon": ("leo",),
    "oscar": ("ozzy", "oz"),
    "reuben": ("reub",),
    "isaac": ("ike",),
    "jasmine": ("jas", "jaz", "jazzy"),
    "josephine": ("jo", "josie"),
    "joanna": ("jo",),
    "kimberley": ("kim",),
    "kimberly": ("kim",),
    "lucinda": ("lucy", "cindy"),
    "annabelle": ("annie", "belle", "bella"),
    "annabel": ("annie", "belle", "bella"),
    "ruby": ("rubes",),
    "sophie": ("soph",),
    "stanley": ("stan",),
    "tobias": ("toby",),
    "dominic": ("dom",),
    "jasper": ("jas",),
    "mackenzie": ("kenzie", "mac"),
    "ronald": ("ron", "ronnie"),
    "albert": ("albie", "bertie", "alb"),
    "hannah": ("han",),
    "amelie": ("millie",),
    "imogen": ("immy", "imi"),
    "ophelia": ("ophie",),
    "rosalind": ("ros", "rosie"),
    "rosemary": ("rosie",),
    "christina": ("chrissy", "tina"),
    "daisy": ("daise",),
}

TITLES = ("mr", "mrs", "miss", "ms", "mx", "dr", "sir")


@dataclass(frozen=True, slots=True)
class NameHit:
    person: RosterPerson
    form: str  # "full name", "nickname and surname", "first name and initial", ...
    confidence: float


def _key(name: str) -> list[str]:
    return [token.key for token in words(name)]


@lru_cache(maxsize=16)
def roster_index(pupils: Sequence[RosterPerson], staff: Sequence[RosterPerson]) -> PhraseIndex:
    """Name phrases for every person (cached: several detectors share it)."""
    index = PhraseIndex()
    for person in (*pupils, *staff):
        last = _key(person.last_name)
        firsts = {tuple(_key(person.first_name)): "full name"}
        if person.preferred_name:
            firsts.setdefault(tuple(_key(person.preferred_name)), "preferred name and surname")
        formal = fold_word(person.first_name.split()[0]) if person.first_name.split() else ""
        for nickname in NICKNAMES.get(formal, ()):
            firsts.setdefault((nickname,), "nickname and surname")
        for first, form in firsts.items():
            if not first:
                continue
            exact = form != "nickname and surname"
            index.add([*first, *last], NameHit(person, form, 0.95 if exact else 0.85))
            if last:
                index.add(
                    [*first, last[0][0]],
                    NameHit(person, "first name and initial", 0.6),
                    fuzzy=False,
                )
            if person.status != "staff" and form != "nickname and surname":
                index.add(list(first), NameHit(person, "first name", 0.3), fuzzy=False)
        if person.status == "staff":
            for title in TITLES:
                index.add([title, *last], NameHit(person, "title and surname", 0.85), fuzzy=False)
    return index
