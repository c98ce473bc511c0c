"""Allegations: an accusation of wrongdoing aimed at an identifiable person or body (a
roster name, a role, the school, another school, the local authority). A neutral mention
("the head thanked parents", "anti-bullying week") is not one."""

import re
from collections.abc import Iterator

from ..content import Content
from ..context import SchoolContext
from ..findings import Finding, Severity
from .common import SAFER_ONLINE, TEXT_KINDS, original, sentences, words_pattern
from .targets import target_pattern
from .text import normalise

RULE = "online-conduct.allegation"

ACCUSATIONS = {
    "theft or fraud": "stole|steals|stealing|stolen from|nicked|nicks|nicking|thief|thieves|"
    "embezzled|embezzling|embezzlement|fiddled|fiddling|fiddles|fraud|fraudster|corrupt|"
    "bribe|bribes|bribed|backhanders|pocketed|pockets the|on the take|dodgy|crook|crooked|"
    "con artist|scammer|scamming|rigged|fixed the results|fixed the sats|faked|fakes|"
    "falsified|cooked the books|cooking the books",
    "abuse or violence": "abused|abuses|abusing|abuser|hit a child|hits the kids|hit the kids|"
    "hits children|beat|beats|beaten|assaulted|assaults|molested|groomed|grooming|paedo|"
    "paedophile|pedo|nonce|kiddie fiddler|perv|pervert|hurts the kids|manhandled|"
    "smacked|slapped|shoved",
    "dishonesty": "liar|lied|lies to|lying|covered up|covering up|cover up|covering for|"
    "made up|makes up|two-faced|fake|hypocrite",
    "drink or drugs": "drunk|pissed at|pissed in|pissed during|hungover|alcoholic|"
    "drinks at work|drinks at school|drinking at work|drinking at school|on drugs|"
    "coke head|cokehead|does coke|doing coke|snorting|cocaine|smokes weed|smoking weed|"
    "stoned|high at work|dealer|dealing drugs|off his face|off her face",
    "incompetence": "incompetent|useless|can't do his job|can't do her job|"
    "can't do their job|cannot do his job|clueless|hopeless|not fit to|unfit to|"
    "shouldn't be teaching|should not be teaching|shouldn't be allowed near|"
    "should be sacked|ought to be sacked|a disgrace|a danger to",
    "misconduct": "bully|bullies|bullied|bullying|harassed|harasses|harassing|racist|"
    "sexist|homophobic|cheated|cheating|cheats|having an affair|affair with|"
    "sleeping with|shagging|arrested|criminal record|in prison|was sacked|got sacked|"
    "sacked for|suspended for|skiving|fiddles the|bent|kickbacks|favouritism|"
    "nepotism|discriminated|discriminates|victimised|victimising",
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


class AllegationDetector:
    name = "allegation"
    kinds = TEXT_KINDS

    def __init__(self, context: SchoolContext) -> None:
        self.targets = target_pattern(context)

    def detect(self, content: Content) -> Iterator[Finding]:
        norm = normalise(content.text)
        text = norm.text
        for start, end in sentences(text):
            sentence = text[start:end]
            target_matches = list(self.targets.finditer(sentence))
            if not target_matches:
                continue
            for accusation in _ACCUSE.finditer(sentence):
                if _NEUTRAL_BEFORE.search(sentence[: accusation.start()]) or _NEUTRAL_AFTER.match(
                    sentence[accusation.end() :]
                ):
                    continue
                # The target comes first ("the head stole..."), within a few words.
                target = next(
                    (
                        t
                        for t in reversed(target_matches)
                        if t.end() <= accusation.start()
                        and len(sentence[t.end() : accusation.start()].split()) <= 8
                    ),
                    None,
                )
                if target is None:
                    continue
                kind = _KINDS[int(accusation.lastgroup[1:])]
                o_start, o_end, said = original(
                    norm, content.text, start + target.start(), start + accusation.end()
                )
                who = content.text[o_start : o_start + (target.end() - target.start())]
                yield Finding(
                    rule=RULE,
                    topic="allegation",
                    severity=Severity.RISK,
                    start=o_start,
                    end=o_end,
                    confidence=0.8 if kind != "incompetence" else 0.65,
                    explanation=(
                        f"'{said}' alleges {kind} against an identifiable person or body "
                        f"({who.strip()}). The policy (Safer online behaviour) warns that "
                        "allegations about colleagues, pupils, anyone connected with the "
                        "school, another school or the council risk defamation and formal "
                        "action."
                    ),
                    suggestion="Take it off social media. Raise a concern through the proper "
                    "route (your line manager, the head, or the whistleblowing policy).",
                    section=SAFER_ONLINE,
                    title="Allegation about an identifiable person",
                    replacement="",
                    detail={"accusation": kind, "target": who.strip()},
                )
                break


def factory(context: SchoolContext) -> AllegationDetector:
    return AllegationDetector(context)
