"""Allegations: an accusation of wrongdoing aimed at an identifiable person or body (a
roster name, a role, the school, another school, the local authority). A neutral mention
("the head thanked parents", "anti-bullying week") is not one."""

import re
from collections.abc import Iterator

from ..catalogue import make_finding
from ..content import TEXT_KINDS, Content
from ..context import SchoolContext
from ..findings import Finding
from .common import alternation, original, sentences, words_pattern
from .lexicons import NOT_A_NAME
from .targets import generic_targets, target_pattern
from .text import normalise

RULE = "online-conduct.allegation"

ACCUSATIONS = {
    "theft or fraud": "stole|steals|stealing|stolen from|nicked|nicks|nicking|thief|thieves|"
    "embezzled|embezzling|embezzlement|fiddled|fiddling|fiddles|fraud|fraudster|corrupt|"
    "bribe|bribes|bribed|backhanders|pocketed|pockets the|on the take|dodgy|crook|crooked|"
    "con artist|scammer|scamming|rigged|fixed the results|fixed the sats|faked|fakes|"
    "falsified|cooked the books|cooking the books|skimming|skims|siphoning|siphons|siphoned|"
    "pinched|pinches|pinching|pocketing|shoplifting|shoplifted|robbed|robbing|"
    "benefit fraud|on the fiddle|takes stuff home|took stuff home|helps himself to|"
    "helps herself to|fixed the consultation|changed the sats answers|changed the answers|"
    "changed the marks|changed the results|changed the data|makes up his|makes up her|"
    "makes up their|made up the data|made up the results|off-rolls|off-rolling|off rolls|"
    "off rolling|buried the report|cheated on their sats|cheats on|forged|forging|"
    "backdated|backdating|shredded|shredding|hid it|hid the|hiding the|gave the contract to|"
    "gave the building contract|gave the job to his|gave the job to her",
    "abuse or violence": "abused|abuses|abusing|abuser|hit a child|hits the kids|hit the kids|"
    "beats his|beats her|threatens anyone|threatened anyone|threatens staff|"
    "hits children|beat|beats|beaten|assaulted|assaults|molested|groomed|grooming|paedo|"
    "paedophile|pedo|nonce|kiddie fiddler|perv|pervert|hurts the kids|manhandled|"
    "smacked|slapped|shoved|hits her kids|hits his kids|hits their kids|hits the children|"
    "shouts at the|screams at the|grabbed a child|pushed a child|neglects|neglecting|"
    "neglected|not feeding|doesn't feed|starves",
    "dishonesty": "liar|lied|lies to|lies about|lying|covered up|covered it up|covering up|"
    "cover up|covering for|"
    "made up|makes up|two-faced|fake|hypocrite",
    "drink or drugs": "drunk|pissed at|pissed in|pissed during|hungover|alcoholic|"
    "drinks at work|drinks at school|drinking at work|drinking at school|on drugs|"
    "coke head|cokehead|does coke|doing coke|snorting|cocaine|smokes weed|smoking weed|"
    "stoned|high at work|dealer|dealing drugs|deals drugs|sells drugs|selling drugs|"
    "sells vapes|selling vapes|off his face|off her face|half cut|"
    "drinking on the job|drinks on the job|stinks of drink|smells of alcohol|alky|alkie",
    # "Useless", "clueless", "hopeless" are insults (the offensive detector's), not claims.
    "incompetence": "incompetent|can't do his job|can't do her job|"
    "can't do their job|cannot do his job|not fit to|unfit to|"
    "shouldn't be teaching|should not be teaching|shouldn't be allowed near|"
    "should be sacked|ought to be sacked|a disgrace|a danger to",
    "misconduct": "bully|bullies|bullied|bullying|harassed|harasses|harassing|racist|"
    "sexist|homophobic|cheated|cheating|cheats|having an affair|affair with|"
    "sleeping with|shagging|arrested|criminal record|in prison|was sacked|got sacked|"
    "sacked for|suspended for|skiving|fiddles the|bent|kickbacks|favouritism|"
    "nepotism|discriminated|discriminates|victimised|victimising|spreading lies|"
    "spreads lies|spreading rumours|gossips about|reads the kids' safeguarding files|"
    "leaked|leaks|faking her sick|faking his sick|faking sick|pulling sickies|throws sickies|"
    "fakes sick",
}
_ACCUSE = re.compile(
    "|".join(
        rf"(?P<g{i}>(?<!\w)(?:{words_pattern(words)})(?!\w))"
        for i, words in enumerate(ACCUSATIONS.values())
    )
)
_KINDS = list(ACCUSATIONS)
# A topic, not an accusation: "anti-bullying week", "talked about drugs".
_NEUTRAL_BEFORE = re.compile(
    r"(?:anti-?|about|against|on|awareness|tackling|tackle|prevent|preventing|stop|"
    r"stopping|report|reporting|no|zero|policy|lesson|assembly|workshop|training)\s*$"
)
_NEUTRAL_AFTER = re.compile(r"^\s*(?:awareness|week|policy|assembly|workshop|training|lesson|"
                            r"talk|prevention|day|ambassadors?|scheme)")


_PLAIN_ACCUSATIONS = frozenset((
    "stole", "steals", "stealing", "nicked", "nicks", "nicking", "pinched", "pinches",
    "pinching", "shoplifting", "shoplifted", "skimming", "skims", "siphoning", "siphons",
    "siphoned", "embezzled", "embezzling", "fiddles", "fiddled", "fraud", "pocketed",
    "pocketing", "neglects", "neglecting", "assaulted", "molested", "groomed",
    "stolen from", "benefit fraud", "on the fiddle", "takes stuff home", "took stuff home",
    "hits her kids", "hits his kids", "hits their kids", "hits the kids", "hits the children",
    "not feeding", "doesn't feed", "having an affair", "affair with", "sleeping with",
    "makes up his", "makes up her", "makes up their", "drinking at work", "drinks at work",
    "drinking at school", "drinks at school", "drinking on the job", "drinks on the job",
    "half cut", "cooked the books", "cooking the books", "helps himself to",
    "helps herself to", "spreading lies", "spreads lies", "faking her sick", "faking his sick",
))  # fmt: skip
_PLAIN_ACCUSE = re.compile(
    "|".join(
        rf"(?P<g{i}>(?<!\w)(?:{alternation(plain)})(?!\w))"
        for i, words in enumerate(ACCUSATIONS.values())
        if (plain := [w for w in words.split("|") if w in _PLAIN_ACCUSATIONS])
    )
)
_WORD = re.compile(r"[\w'-]+")
_ACCUSE_FIRST_WORDS = frozenset(
    phrase.split()[0] for words in ACCUSATIONS.values() for phrase in words.split("|")
)
_PLAIN_FIRST_WORDS = frozenset(phrase.split()[0] for phrase in _PLAIN_ACCUSATIONS)
_NAME = re.compile(r"\b[A-Z][a-z]{2,}\b")


def _named_just_before(text: str, position: int) -> re.Match[str] | None:
    """A capitalised name among the three words before ``position`` in the original text."""
    window_start = position
    for _ in range(3):
        previous = text.rfind(" ", 0, max(0, window_start - 1))
        window_start = previous + 1 if previous >= 0 else 0
        if previous < 0:
            break
    window = text[window_start:position]
    if any(mark in window for mark in ".!?\n"):
        window_start += max(window.rfind(mark) for mark in ".!?\n") + 1
    names = [m for m in _NAME.finditer(text, window_start, position) if m.group() not in NOT_A_NAME]
    return names[-1] if names else None


class AllegationDetector:
    name = "allegation"
    kinds = TEXT_KINDS

    def __init__(self, context: SchoolContext) -> None:
        self.targets = target_pattern(context)

    def detect(self, content: Content) -> Iterator[Finding]:
        norm = normalise(content.text)
        text = norm.text
        words = set(_WORD.findall(text))
        if _ACCUSE_FIRST_WORDS.isdisjoint(words):
            return  # no accusation can start anywhere in the text
        generic = [match.span() for match in generic_targets(text)]
        # A name before an accusation is looked for only with the plain accusations.
        may_name = (
            not _PLAIN_FIRST_WORDS.isdisjoint(words) and _NAME.search(content.text) is not None
        )
        for start, end in sentences(text):
            sentence = text[start:end]
            target_spans = sorted(
                [
                    *(match.span() for match in self.targets.finditer(sentence)),
                    *((a - start, b - start) for a, b in generic if start <= a and b <= end),
                ]
            )
            if target_spans:
                accusations = _ACCUSE.finditer(sentence)
            elif may_name:
                accusations = _PLAIN_ACCUSE.finditer(sentence)
            else:
                continue
            for accusation in accusations:
                if _NEUTRAL_BEFORE.search(sentence[: accusation.start()]) or _NEUTRAL_AFTER.match(
                    sentence[accusation.end() :]
                ):
                    continue
                # The target comes first ("the head stole..."), within a few words.
                target = next(
                    (
                        (t_start, t_end)
                        for t_start, t_end in reversed(target_spans)
                        if t_end <= accusation.start()
                        and len(sentence[t_end : accusation.start()].split()) <= 8
                    ),
                    None,
                )
                kind = _KINDS[int(accusation.lastgroup[1:])]
                if target is not None:
                    o_start, o_end, said = original(
                        norm, content.text, start + target[0], start + accusation.end()
                    )
                    who = content.text[o_start : o_start + (target[1] - target[0])]
                    confidence = 0.8 if kind != "incompetence" else 0.65
                else:
                    # Someone named just before it ("Dylan steals from the tuck shop"), for
                    # the accusations no game or song also says ("Year 4 beat the teachers").
                    a_start, o_end = norm.span(start + accusation.start(), start + accusation.end())
                    named = _named_just_before(content.text, a_start)
                    if named is None:
                        continue
                    o_start, who = named.start(), named.group()
                    said = content.text[o_start:o_end]
                    confidence = 0.65
                yield make_finding(
                    RULE,
                    o_start,
                    o_end,
                    confidence=confidence,
                    explanation=(
                        f"'{said}' alleges {kind} against an identifiable person or body "
                        f"({who.strip()}). The policy (Safer online behaviour) warns that "
                        "allegations about colleagues, pupils, anyone connected with the "
                        "school, another school or the council risk defamation and formal "
                        "action."
                    ),
                    suggestion="Take it off social media. Raise a concern through the proper "
                    "route (your line manager, the head, or the whistleblowing policy).",
                    replacement="",
                    detail={"accusation": kind, "target": who.strip()},
                )
                break


def factory(context: SchoolContext) -> AllegationDetector:
    return AllegationDetector(context)
