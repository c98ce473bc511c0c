"""Equality: hateful language about people for a protected characteristic (Equality Act
2010). Rules over normalised text, so leetspeak, look-alike letters and split slurs are
read as meant.

Rules compose: a derogatory, dehumanising, hateful or threatening statement about a group
raises a finding; negation ("X are not scum", "I don't hate X"), counter-speech and quoting
to condemn, reclaimed terms used of oneself, and ordinary meanings of slur homonyms lower
it, and the finding's explanation says which rule fired.
"""

import re
from collections.abc import Iterator

from ..catalogue import make_finding
from ..content import TEXT_KINDS, Content
from ..context import SchoolContext
from ..findings import Finding
from .common import (
    MaskedWords,
    alternation,
    original,
    sentences,
    words_pattern,
)
from .lexicons import (
    CHARACTERISTIC_WORDS,
    CONDEMNATION,
    DEHUMANISING,
    DEROGATORY_PREDICATES,
    FIRST_PERSON_CLAIM,
    GROUP_NOUNS,
    HATE_VERBS,
    IDENTITIES,
    IDENTITY_ADJECTIVES,
    NEGATORS,
    RECLAIMABLE,
    SLUR_HOMONYMS,
    SLURS,
    SPEECH_WORDS,
    THREAT_LEADS,
    VIOLENCE,
)
from .text import Normalised, normalise, tokens

RULE = "online-conduct.equality"

_ID = (
    r"(?P<id>(?:all\s+|the\s+|those\s+|these\s+|most\s+|some\s+|you\s+|filthy\s+|bloody\s+"
    r"|fucking\s+|dirty\s+|a\s+|an\s+)?(?:"
    + alternation(IDENTITIES)
    + r"|(?:"
    + alternation(IDENTITY_ADJECTIVES)
    + r")\s+(?:"
    + GROUP_NOUNS
    + r")"
    + r"|(?:"
    + alternation(s for s in SLURS if s not in SLUR_HOMONYMS)
    + r")"
    + r"))(?!\w)"
)
_COPULA = r"(?:are|r|is|were|be|being|seem|seem\s+to\s+be|look\s+like)"
_FILL = r"(?:\s+(?P<fill>(?:[\w']+\s+){0,3}?))?"
_DEROG = words_pattern(DEROGATORY_PREDICATES)
_DEHUM = words_pattern(DEHUMANISING)
_VIOL = words_pattern(VIOLENCE)

PATTERNS: list[tuple[str, re.Pattern]] = [
    (
        "dehumanising comparison",
        re.compile(
            rf"(?<!\w){_ID}\s+{_COPULA}{_FILL}\s*(?:like\s+|no\s+better\s+than\s+|"
            rf"nothing\s+but\s+|just\s+|basically\s+|worse\s+than\s+)?(?:{_DEHUM})(?!\w)"
        ),
    ),
    (
        "dehumanising comparison",
        re.compile(rf"(?<!\w)(?:{_DEHUM}),?\s+(?:like|the\s+lot\s+of|all\s+of)\s+(?:the\s+)?{_ID}"),
    ),
    (
        "derogatory statement about a group",
        re.compile(rf"(?<!\w){_ID}\s+{_COPULA}{_FILL}\s*(?:{_DEROG})(?!\w)"),
    ),
    (
        "derogatory statement about a group",
        re.compile(
            rf"(?<!\w)(?:why|how\s+come)\s+(?:are|do|is)\s+{_ID}\s+(?:always\s+|all\s+|just\s+)?"
            rf"(?:so\s+)?(?:{_DEROG})(?!\w)"
        ),
    ),
    (
        "derogatory statement about a group",
        re.compile(
            rf"(?<!\w){_ID}\s+(?:make\s+me\s+sick|disgust\s+me|make\s+me\s+want\s+to\s+puke|"
            rf"ruin\s+everything|ruin\s+this\s+country|should\s+go\s+back|don't\s+belong|"
            rf"aren't\s+welcome|are\s+not\s+welcome|not\s+welcome|have\s+no\s+rights)(?!\w)"
        ),
    ),
    (
        "derogatory statement about a group",
        re.compile(rf"(?<!\w)no\s+{_ID}\s+(?:allowed|wanted|welcome|please)(?!\w)"),
    ),
    (
        "hatred of a group",
        re.compile(
            rf"(?<!\w)(?P<lead>(?:[\w']+\s+){{0,3}})(?:{words_pattern(HATE_VERBS)})\s+{_ID}"
        ),
    ),
    (
        "threat against a group",
        re.compile(
            rf"(?<!\w)(?P<lead>(?:{words_pattern(THREAT_LEADS)})\s+(?:[\w']+\s+){{0,2}}?)"
            rf"(?:{_VIOL})\s+(?:all\s+|every\s+|each\s+|any\s+|the\s+|those\s+|these\s+|some\s+)?{_ID}"
        ),
    ),
    (
        "threat against a group",
        re.compile(rf"(?<!\w)(?:{_VIOL})\s+(?:all|every|each)\s+(?:of\s+the\s+|the\s+)?{_ID}"),
    ),
    (
        "threat against a group",
        re.compile(
            rf"(?<!\w){_ID}\s+(?:should|must|need\s+to|needs\s+to|deserve\s+to|ought\s+to|"
            rf"will|are\s+going\s+to|have\s+to|better)\s+(?P<fill>(?:[\w']+\s+){{0,2}}?)"
            rf"(?:be\s+)?(?:{_VIOL}|die|suffer|burn|rot|pay|disappear|be\s+put\s+down)(?!\w)"
        ),
    ),
    (
        "threat against a group",
        re.compile(rf"(?<!\w)(?:death\s+to|gas\s+the|hang\s+the|kill\s+the)\s+{_ID}"),
    ),
]

# Exclusion, stereotype and workplace discrimination, said of a group ("women can't run a
# school", "Chinese parents are all tiger mums", "SEN kids ruin it for everyone").
_NOT_SUPPORT = (
    r"(?!have\s+to|need\s+to|be\s+(?:made|forced|left|excluded|discriminated|bullied|treated|"
    r"judged|punished|penalised|expected|ashamed|afraid|scared)|worry|suffer|face|feel|miss\s+out|"
    r"lose|struggle|wait|pay|fear)"
)
# One pattern, one scan: the identity alternation is thousands of characters long.
_STEREOTYPE_OR_EXCLUSION = "stereotype or exclusion"
PATTERNS.append(
    (
        _STEREOTYPE_OR_EXCLUSION,
        re.compile(
            rf"(?<!\w){_ID}\s+(?:"
            rf"(?P<exclusion>(?:shouldn'?t|should\s+not|mustn'?t|must\s+not|don'?t\s+deserve\s+to|"
            rf"have\s+no\s+(?:place|business|right))\s+{_NOT_SUPPORT}[\w']+(?:\s+[\w']+){{0,3}})"
            r"|(?:can'?t|cannot|could\s+never|will\s+never)\s+(?:ever\s+)?"
            r"(?:run|lead|manage|teach|drive|park|cope|handle|be\s+trusted|think|understand|"
            r"control|do\s+maths|do\s+the\s+job|keep\s+up|be\s+heads?|be\s+in\s+charge)(?!\w)"
            r"|(?:(?:are|r)\s+(?:all|always|never)|"
            r"only\s+(?=(?:care|cares|want|wants|think|thinks|talk|talks|look|looks|know|knows|"
            r"get|gets|do|does|cause|causes|ever)\b))\s*"
            r"(?!(?:welcome|invited|included|wonderful|brilliant|amazing|great|lovely|kind|"
            r"supportive|helpful|friendly|so\s+kind|been\s+welcome)\b)[\w']+(?:\s+[\w']+){0,3}"
            r"|(?:always\s+|just\s+)?(?:ruin|ruins|drag|drags|hold|holds|"
            r"spoil|spoils|bring|brings)\s+(?:it|everything|everyone|the\s+[\w']+(?:\s+\w+)?|"
            r"us|standards|results)(?:\s+(?:down|back|for\s+everyone(?:\s+else)?))?"
            r")"
        ),
    )
)
_SINGULAR = (
    r"(?:jew|muslim|moslem|woman|women|man|immigrant|foreigner|pole|gypsy|gyppo|traveller|"
    r"asian|black|paki|chinese|indian|arab|romanian|lesbian|gay|trans|catholic|christian|"
    r"hindu|sikh|migrant|refugee|feminist|pensioner|oap|boomer)s?"
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Statements that need no group phrase first. Each names the words it needs: its pattern runs
# only on a text holding one of them (a set test, cheaper than trying every pattern).
STATEMENTS: list[tuple[str, str | None, frozenset[str], re.Pattern]] = [
    (
        "exclusion of a group",
        None,
        _words("many no"),
        re.compile(
            rf"(?<!\w)too\s+many\s+(?:{_ID}|(?:headscarves|hijabs|burkas|burqas|turbans|mosques|"
            r"synagogues|foreign\s+(?:names|kids|families|accents))(?!\w))"
            r"|(?<!\w)no\s+to\s+(?:more\s+)?(?:mosques|synagogues|temples|immigrants|migrants|"
            r"refugees|foreigners)(?!\w)"
        ),
    ),
    (
        "stereotype about a group",
        None,
        _words("typical"),
        re.compile(rf"(?<!\w)typical\s+{_SINGULAR}(?!\w)"),
    ),
    (
        "derogatory statement about a group",
        None,
        _words("lazy dirty filthy ugly smelly scrounging thieving stupid"),
        re.compile(
            r"(?<!\w)(?:lazy|dirty|filthy|ugly|smelly|scrounging|thieving|stupid)\s+"
            r"(?:jew|muslim|moslem|immigrant|foreigner|pole|gypsy|gyppo|traveller|paki|romanian|"
            r"lesbian|migrant|refugee|pensioner|oap)s?(?!\w)"
        ),
    ),
    (
        "stereotype about a group",
        "sex",
        _words("like belong belongs for"),
        re.compile(
            r"(?<!\w)(?:run|runs|running|throw|throws|throwing|cry|cries|crying|fight|fights|"
            r"scream|screams|kick|kicks|play|plays|hit|hits|drive|drives)\s+like\s+(?:a\s+)?"
            r"(?:girl|girls|woman|poof|pansy)(?!\w)"
            r"|(?<!\w)(?:crying|cooking|cleaning|dancing|ballet|pink|dolls|netball|knitting|"
            r"that|it)\s+(?:is|are|'s)\s+for\s+(?:girls|women|poofs|pansies)(?!\w)"
            r"|(?<!\w)(?:women|a\s+woman|girls)\s+belong\s+(?:at|in)\s+(?:home|the\s+kitchen)"
            r"(?!\w)"
        ),
    ),
    (
        "slur (a characteristic used as an insult)",
        "sexual orientation",
        _words("gay"),
        re.compile(
            r"(?<!\w)(?<!i'm\s)(?<!i\sam\s)(?:so|how|well|proper|totally|dead|that'?s|thats|"
            r"it'?s|its|sounds|looks)\s+gay(?!\s+(?:people|men|women|couples?|marriage|pride|"
            r"rights|community|friends?|teachers?|parents?|dads?|mums?|son|daughter|icon|bar|club|"
            r"history|characters?|families))(?!\w)"
        ),
    ),
    (
        "denial of a person's gender",
        "gender reassignment",
        _words("dress wig skirt frock herself himself themselves themself"),
        re.compile(
            r"(?<!\w)(?:man|bloke|geezer|guy|lad)\s+in\s+a\s+(?:dress|wig|skirt|frock)(?!\w)"
            r"|(?<!\w)call\s+(?:her|him|them)sel(?:f|ves)\s+what(?:ever)?\b[^.!?]{0,50}?"
            r"(?:still|always)\s+(?:be\s+)?a\s+(?:man|bloke|woman|girl|lad|boy|geezer)(?!\w)"
        ),
    ),
    (
        "discrimination by age",
        "age",
        _words("old over above past"),
        re.compile(
            r"(?<!\w)too\s+old\s+(?:to\s+(?:teach|work|learn|cope|keep\s+up|change|lead|"
            r"be\s+\w+|do\s+\w+)|for\s+(?:the|this|that|a)\s+(?:job|role|post|work|classroom))(?!\w)"
            r"|(?<!\w)(?:anyone|anybody|nobody|no\s+one|people|staff|teachers)\s+(?:over|above|past)"
            r"\s+(?:\d\d|fifty|sixty|seventy)\b[^.!?]{0,30}?(?:should|shouldn'?t|can'?t|"
            r"cannot|needs?\s+to|ought)(?!\w)"
        ),
    ),
    (
        "discrimination in employment",
        None,
        _words(
            "hire hiring hired employ employing appoint appointing promote promoting "
            "promotion recruit recruiting shortlist shortlisting job role post give"
        ),
        re.compile(
            r"(?<!\w)(?:don'?t|do\s+not|never|stop|should\s+stop|won'?t)\s+(?:give\s+(?:[\w']+\s+){0,3}?"
            r"(?:job|role|post|promotion)|"
            r"hir(?:e|ing)|employ(?:ing)?|appoint(?:ing)?|promot(?:e|ing)|recruit(?:ing)?|shortlist(?:ing)?)"
            r"\b[^.!?]{0,70}?(?:pregnant|maternity|married|her\s+age|his\s+age|that\s+age|over\s+\d\d|"
            r"too\s+old|disabled|wheelchair|muslim|headscarf|hijab|gay|trans|women|foreign)(?!\w)"
        ),
    ),
    (
        "denial of a disability",
        "disability",
        _words("adhd autism dyslexia dyspraxia depression anxiety mental sen send"),
        re.compile(
            r"(?<!\w)(?:adhd|autism|dyslexia|dyspraxia|depression|anxiety|mental\s+illness|"
            r"sen|send)\s+(?:is|isn'?t|are|aren'?t)\s+(?:just\s+|only\s+|not\s+|all\s+)?"
            r"(?:bad\s+parenting|an?\s+excuse|made\s+up|a\s+myth|real|fake|a\s+fad|laziness|"
            r"attention\s+seeking|a\s+label\s+for|a\s+(?:posh|fancy|middle[-\s]class)\s+"
            r"(?:word|name|excuse)\s+for)(?!\w)"
        ),
    ),
    (
        "discrimination in employment",
        None,
        _words("got"),
        re.compile(
            r"(?<!\w)only\s+got\s+(?:the|that|this|her|his|a)\s+(?:job|role|post|promotion)\s+"
            r"(?:cos|coz|cause|because|as|since)\s+(?:she'?s|he'?s|they'?re|she\s+is|he\s+is)\s+"
            r"(?:a\s+|an\s+)?(?:woman|man|female|black|asian|gay|lesbian|trans|disabled|muslim|"
            r"jewish|pregnant|young|old|foreign|indian|pakistani|chinese|polish)(?!\w)"
        ),
    ),
    (
        "exclusion of a group",
        None,
        _words("should send need want islamisation islamization islamification"),
        re.compile(
            r"(?<!\w)(?:married\s+women|mothers|mums|women|wives)\s+should\s+(?:be|stay)\s+"
            r"(?:at\s+home|in\s+the\s+kitchen)(?!\w)"
            r"|(?<!\w)send\s+(?:them|em|'em)\s+(?:all\s+)?back(?:\s+(?:to\s+)?where\s+they\s+"
            r"(?:came|come)\s+from|\s+home)(?!\w)"
            r"|(?<!\w)(?:"
            + alternation(IDENTITIES)
            + r")\s+need\s+not\s+(?:apply|follow|bother)(?!\w)"
            r"|(?<!\w)(?:wouldn'?t|don'?t|do\s+not|would\s+not|never)\s+want\s+(?:a|an|any)\s+"
            r"(?:" + alternation(IDENTITY_ADJECTIVES) + r")\s+(?:teacher|person|man|woman|nurse|"
            r"doctor|head|neighbour|\w+ing)(?!\w)"
            r"|(?<!\w)islami[sz]ation|islamification"
        ),
    ),
    (
        "derogatory statement about a group",
        "sexual orientation",
        _words("mums dads mothers fathers same sex gay civil fairy nancy poof pansy blouse"),
        re.compile(
            r"(?<!\w)(?:two\s+(?:mums|dads|mothers|fathers)|same[-\s]sex\s+(?:couples?|parents|"
            r"marriages?)|gay\s+(?:couples?|parents|marriages?)|civil\s+partnerships?)\s+(?:isn'?t|"
            r"aren'?t|is\s+not|are\s+not|will\s+never\s+be|can'?t\s+be)\s+(?:a\s+)?(?:real|proper|"
            r"normal|natural)\s+(?:famil(?:y|ies)|marriages?|parents)(?!\w)"
            r"|(?<!\w)(?:a\s+bit\s+of\s+a|such\s+a|a\s+right|a\s+total|a\s+proper)\s+(?:fairy|"
            r"nancy(?:\s+boy)?|poof|pansy|girl'?s\s+blouse)(?!\w)"
        ),
    ),
    (
        "derogatory statement about a group",
        None,
        _words(
            "scrounger scroungers sponger spongers thieves criminals scum vermin parasite "
            "parasites cheat cheats typical"
        ),
        re.compile(
            r"(?<!\w)(?:foreign|immigrant|polish|romanian|eastern\s+european|muslim|gypsy|"
            r"traveller)\s+(?:scroungers?|spongers?|thieves|criminals|scum|vermin|parasites?|"
            r"benefit\s+cheats?)(?!\w)"
            r"|(?<!\w)typical\s+(?:"
            + alternation(IDENTITY_ADJECTIVES)
            + r")\s+(?:"
            + GROUP_NOUNS
            + r")(?!\w)"
        ),
    ),
    (
        "exclusion of a group",
        "religion or belief",
        _words("christian white"),
        re.compile(
            r"(?<!\w)(?:this|it)\s+is\s+a\s+(?:christian|white)\s+(?:country|nation|school)(?!\w)"
            r"|(?<!\w)(?:this|it)'s\s+a\s+(?:christian|white)\s+(?:country|nation|school)(?!\w)"
        ),
    ),
]


def _statement_characteristic(said: str) -> str:
    """The characteristic a statement without a named group is about (from its words)."""
    for word in reversed(re.findall(r"[a-z]+(?:\s+age|\s+old)?", said)):
        for key in (word, word.removesuffix("s")):
            if key in CHARACTERISTIC_WORDS:
                return CHARACTERISTIC_WORDS[key]
            if key in IDENTITY_ADJECTIVES:
                return IDENTITY_ADJECTIVES[key]
        if word in IDENTITIES:
            return IDENTITIES[word]
    return "race"


_SLUR_TOKEN = frozenset(SLURS)
_MASKED_SLURS = MaskedWords(SLURS)  # "r*tarded", "sp*z"
_ANY_ID = re.compile(rf"(?<!\w){_ID}")


def _first_words() -> frozenset[str] | None:
    """The first word of every identity phrase _ID can match, or None when one starts
    with something other than a word character (then no word test can stand in for it)."""
    phrases = [*IDENTITIES, *IDENTITY_ADJECTIVES, *(s for s in SLURS if s not in SLUR_HOMONYMS)]
    firsts = set()
    for phrase in phrases:
        first = re.match(r"\w+", phrase.lower())
        if first is None:
            return None
        firsts.add(first.group())
    return frozenset(firsts)


# A match of _ANY_ID starts with a whole word from this set (the optional "all", "the"...
# before it is optional), so a text without one cannot match: a set test instead of
# running a 3,000-character alternation at every position.
_ID_FIRST_WORDS = _first_words()
_WORDS = re.compile(r"\w+")


def _may_name_a_group(text: str) -> bool:
    """Whether _ANY_ID matches ``text`` anywhere, trying it only where a word that can
    start an identity phrase starts (its optional lead word, "all", "the"..., never makes
    a match that the phrase alone would not make)."""
    lowered = text.lower()
    if _ID_FIRST_WORDS is None or len(lowered) != len(text):
        return _ANY_ID.search(text) is not None
    for word in _WORDS.finditer(lowered):
        if word.group() in _ID_FIRST_WORDS and _ANY_ID.match(text, word.start()):
            return True
    return False


_SPEECH = re.compile(rf"(?<!\w)(?:{words_pattern(SPEECH_WORDS)}|if\s+you\s+think)(?!\w)")
_CONDEMN = re.compile(rf"(?<!\w)(?:{words_pattern(CONDEMNATION)})(?!\w)")
_QUOTED = re.compile(r"\"[^\"]{3,}\"|“[^”]{3,}”|(?:(?<=\s)|^)'[^']{3,}'(?=[\s.,!?;:]|$)")
_CLAIM = re.compile(r"(?<!\w)(?:" + alternation(FIRST_PERSON_CLAIM) + r")(?!\w)")


def _characteristic(identity: str) -> str:
    identity = re.sub(r"\s+", " ", identity)
    for prefix in (
        "all ",
        "the ",
        "those ",
        "these ",
        "most ",
        "some ",
        "you ",
        "filthy ",
        "bloody ",
        "fucking ",
        "dirty ",
        "a ",
        "an ",
    ):
        if identity.startswith(prefix) and identity[len(prefix) :] in IDENTITIES | SLURS:
            identity = identity[len(prefix) :]
            break
    if identity in IDENTITIES:
        return IDENTITIES[identity]
    if identity in SLURS:
        return SLURS[identity]
    return IDENTITY_ADJECTIVES.get(identity.split(" ")[-2 if " " in identity else 0], "race")


_HOSTILE_WORDS = frozenset(
    word
    for source in (DEROGATORY_PREDICATES, DEHUMANISING, HATE_VERBS, VIOLENCE)
    for phrase in source.split("|")
    for word in phrase.split()
    if len(word) > 3
) | frozenset(SLURS)


def lowered_statement(text: str) -> str:
    """Why a (normalised) text that reads as hate may not be, or '': the hostile word negated
    ("I don't hate…", "…are not disgusting"), someone else's words reported and condemned,
    a quotation condemned, or a reclaimed word said of oneself. The cues these rules use,
    offered to the judgement model, which reads such texts as hate more often than not."""
    words = text.split()
    for i, word in enumerate(words):
        negator = word in NEGATORS or word.endswith("n't")
        if negator and any(w.strip(".,!?;:'\"") in _HOSTILE_WORDS for w in words[i + 1 : i + 4]):
            return "negated"
    if _SPEECH.search(text) and _CONDEMN.search(text):
        return "counter-speech"
    if _QUOTED.search(text) and _CONDEMN.search(text):
        return "quoted to condemn"
    if _CLAIM.search(text) and any(w.strip(".,!?;:") in RECLAIMABLE for w in words):
        return "reclaimed"
    for word in {w.strip(".,!?;:") for w in words} & SLUR_HOMONYMS.keys():
        if any(cue in text for cue in SLUR_HOMONYMS[word]):
            return "homonym"  # "faggots and peas", "on a bender", "Maine Coon"
    return ""


def _negated(words: str) -> bool:
    return any(w in NEGATORS or w.endswith("n't") for w in words.split())


class EqualityDetector:
    name = "equality"
    kinds = TEXT_KINDS

    def __init__(self, context: SchoolContext) -> None:
        self.context = context

    def detect(self, content: Content) -> Iterator[Finding]:
        norm = normalise(content.text)
        text = norm.text
        seen: list[tuple[int, int]] = []
        yield from self._statements(content, norm, seen)
        if not _may_name_a_group(text):  # every pattern below needs a group: skip them all
            yield from self._slurs(content, norm, seen)
            return
        for start, end in sentences(text):
            sentence = text[start:end]
            for pattern_name, pattern in PATTERNS:
                for match in pattern.finditer(sentence):
                    lowered = self._lowered(match, sentence, text, start)
                    if lowered:
                        continue
                    if pattern_name == _STEREOTYPE_OR_EXCLUSION:
                        pattern_name = (
                            "exclusion of a group"
                            if match.group("exclusion")
                            else "stereotype about a group"
                        )
                    span = (start + match.start("id"), start + match.end())
                    if pattern_name.startswith("hatred") or pattern_name.startswith("threat"):
                        span = (start + match.start(), start + match.end())
                    if any(a < span[1] and span[0] < b for a, b in seen):
                        continue
                    seen.append(span)
                    characteristic = _characteristic(match.group("id").strip())
                    yield self._finding(content, norm, span, pattern_name, characteristic, 0.9)
        yield from self._slurs(content, norm, seen)

    def _statements(self, content: Content, norm: Normalised, seen) -> Iterator[Finding]:
        text = norm.text
        present = {token for token, _, _ in tokens(norm)}
        chosen = [
            (name, characteristic, pattern)
            for name, characteristic, words, pattern in STATEMENTS
            if not words.isdisjoint(present)
        ]
        if not chosen:
            return
        for start, end in sentences(text):
            sentence = text[start:end]
            for pattern_name, characteristic, pattern in chosen:
                for match in pattern.finditer(sentence):
                    if self._lowered(match, sentence, text, start):
                        continue
                    span = (start + match.start(), start + match.end())
                    if any(a < span[1] and span[0] < b for a, b in seen):
                        continue
                    seen.append(span)
                    about = characteristic or _statement_characteristic(match.group())
                    yield self._finding(content, norm, span, pattern_name, about, 0.8)

    def _lowered(self, match: re.Match, sentence: str, text: str, offset: int) -> str:
        """Why a hateful-looking match is not hate, or '' when it is."""
        groups = match.groupdict()
        lead_words = sentence[max(0, match.start() - 30) : match.start()].split()[-4:]
        if _negated(groups.get("fill") or "") or _negated(groups.get("lead") or ""):
            return "negated"
        if _negated(" ".join(lead_words)):
            return "negated"
        before = sentence[: match.start()]
        after = sentence[match.end() :]
        # Counter-speech: someone else's words reported and condemned.
        speech = _SPEECH.search(before) or _SPEECH.search(after[:40])
        if speech and (_CONDEMN.search(text[: offset + match.start()] + " " + after)):
            return "counter-speech"
        for quoted in _QUOTED.finditer(text):
            if quoted.start() <= offset + match.start() and offset + match.end() <= quoted.end():
                rest = text[: quoted.start()] + text[quoted.end() :]
                if _CONDEMN.search(rest) or _SPEECH.search(rest):
                    return "quoted to condemn"
        return ""

    def _slurs(self, content: Content, norm: Normalised, seen) -> Iterator[Finding]:
        text = norm.text
        for token, start, end in tokens(norm):
            token = _MASKED_SLURS.word_for(token) or token
            if token not in _SLUR_TOKEN:
                continue
            if any(a <= start < b for a, b in seen):
                continue
            around = text[max(0, start - 40) : end + 40]
            if any(cue in around for cue in SLUR_HOMONYMS.get(token, ())):
                continue  # the ordinary meaning: "faggots and peas", "a fag break"
            if token in RECLAIMABLE:
                before = text[max(0, start - 20) : start]
                after = text[end : end + 12]
                if _CLAIM.search(before) or "proud" in after:
                    continue  # reclaimed: said of oneself or one's own community
            quoted = any(
                q.start() <= start < q.end() and _CONDEMN.search(text)
                for q in _QUOTED.finditer(text)
            )
            sentence = next((text[a:b] for a, b in sentences(text) if a <= start < b), text)
            if quoted or (_SPEECH.search(sentence) and _CONDEMN.search(sentence)):
                continue
            seen.append((start, end))
            yield self._finding(content, norm, (start, end), "slur", SLURS[token], 0.85)

    def _finding(
        self,
        content: Content,
        norm: Normalised,
        span: tuple[int, int],
        pattern: str,
        characteristic: str,
        confidence: float,
    ) -> Finding:
        o_start, o_end, said = original(norm, content.text, *span)
        return make_finding(
            RULE,
            o_start,
            o_end,
            confidence=confidence,
            explanation=(
                f"'{said}' reads as a {pattern} targeting {characteristic}, a protected "
                "characteristic under the Equality Act 2010. The policy (Safer online "
                "behaviour) says staff must comply with equalities legislation online."
            ),
            suggestion="Delete it. If you meant to report or challenge someone else's words, "
            "say so clearly and do not repeat the slur.",
            replacement="",
            detail={"characteristic": characteristic, "pattern": pattern},
        )


def factory(context: SchoolContext) -> EqualityDetector:
    return EqualityDetector(context)
