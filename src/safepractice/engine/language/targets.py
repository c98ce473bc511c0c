"""Who a remark is about: roster names, school roles, the school, another school and the
local authority. Used by the allegation and offensive detectors."""

import re
import unicodedata

from ..context import SchoolContext
from .common import alternation

ROLES = (
    "head|head teacher|headteacher|headmaster|headmistress|head of school|deputy|"
    "deputy head|assistant head|executive head|senco|sendco|caretaker|site manager|"
    "business manager|bursar|chair of governors|governor|governors|ta|teaching assistant|"
    "dsl|safeguarding lead|class teacher|teacher|nqt|ect|supply teacher|supply|"
    "receptionist|office manager|admin|dinner lady|dinner ladies|lunchtime supervisor|cook|"
    "cleaner|inspector|ofsted inspector|pe teacher|head of year|slt|leadership team|"
    "senior leadership team|trust|ceo|line manager|manager|boss|colleague|"
    "pupil|child|kid|boy|girl|mum|dad|parent|parents|pta|chair|vicar|priest|"
    "year \\d teacher|reception teacher|nursery nurse|chef|new head|new deputy"
)
_DETERMINERS = r"(?:the|our|my|their|his|her|your|that|this|one of our|one of the)"
# Anyone by title and surname, roster or not ("Mr Whittaker"); "miss" is also a verb, so it
# needs a capital in the original (checked by the detector that uses it, not here).
_ANYONE_TITLED = r"(?:mr|mrs|ms|mx|dr|miss)\.?\s+[a-z][\w'-]{1,30}"
# Someone's relative ("Katie's mum", "Daniel's dad").
_SOMEONES_FAMILY = (
    r"(?<![\w'-])[a-z][\w-]{1,30}'s\s+(?:mum|mam|mom|dad|stepdad|step-dad|stepmum|step-mum|parents|nan|"
    r"grandad|grandma|carer|brother|sister|uncle|aunt|auntie|boyfriend|girlfriend|partner|"
    r"husband|wife)"
)
# Another school by name ("Oakridge Primary", "Brambleside Academy").
_A_SCHOOL = (
    r"(?<![\w'-])(?!(?:the|a|an|my|our|your|this|that|at|in|to|of|local|secondary|any|every|each|"
    r"primary)\s)[a-z][\w'-]{2,30}\s+(?:primary|academy|juniors?|infants?|c\s+of\s+e|"
    r"high\s+school|college)(?:\s+school)?"
)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def target_pattern(context: SchoolContext) -> re.Pattern:
    """A regex over normalised text matching any identifiable target."""
    names: set[str] = set()
    for person in (*context.pupils, *context.staff):
        first, last = _fold(person.first_name), _fold(person.last_name)
        if first and last:
            names.add(f"{first} {last}")
            names.add(f"{first} {last[0]}")
        preferred = _fold(person.preferred_name)
        if preferred and last:
            names.add(f"{preferred} {last}")
    for person in context.staff:
        last = _fold(person.last_name)
        if last:
            names.update(f"{title} {last}" for title in ("mr", "mrs", "miss", "ms", "dr"))
    places = {
        _fold(p)
        for p in (
            context.school_name,
            *context.aliases,
            context.local_authority,
            *context.local_authority_aliases,
        )
        if p and len(p) > 2
    }
    places.update(("another school", "the council", "the local authority", "the la",
                   "the academy trust", "the trust", "the school down the road",
                   "the school next door", "the other school", "ofsted"))
    parts = [rf"{_DETERMINERS}\s+(?:{ROLES})\b"]
    if names or places:
        parts.insert(0, alternation(names | places))
    return re.compile(r"(?<![\w])(?:" + "|".join(parts) + r")(?![\w])")


# People and schools named without the roster, each tried only when a word it needs is there.
_GENERIC = (
    (("mr", "mrs", "ms ", "mx ", "dr ", "miss "),
     re.compile(rf"(?<![\w]){_ANYONE_TITLED}(?![\w])")),
    (("mum", "mam", "mom", "dad", "parents", "nan", "grand", "carer", "brother", "sister",
      "uncle", "aunt", "friend", "partner", "husband", "wife"),
     re.compile(rf"{_SOMEONES_FAMILY}(?![\w])")),
    (("primary", "academy", "junior", "infant", "c of e", "high school", "college"),
     re.compile(rf"{_A_SCHOOL}(?![\w])")),
)


def generic_targets(text: str) -> list[re.Match]:
    """Anyone by title ("Mr Whittaker"), someone's relative ("Katie's mum") or another school
    by name ("Oakridge Primary") in normalised text."""
    return [
        match
        for hints, pattern in _GENERIC
        if any(hint in text for hint in hints)
        for match in pattern.finditer(text)
    ]
