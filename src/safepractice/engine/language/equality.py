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

from ..content import Content
from ..context import SchoolContext
from ..findings import Finding, Severity
from .common import SAFER_ONLINE, TEXT_KINDS, alternation, original, sentences, words_pattern
from .lexicons import (
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
    r"|fucking\s+|dirty\s+)?(?:"
    + alternation(IDENTITIES)
    + r"|(?:" + alternation(IDENTITY_ADJECTIVES) + r")\s+(?:" + GROUP_NOUNS + r")"
    + r"|(?:" + alternation(s for s in SLURS if s not in SLUR_HOMONYMS) + r")"
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
_SLUR_TOKEN = frozenset(SLURS)
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
    for prefix in ("all ", "the ", "those ", "these ", "most ", "some ", "you ", "filthy ",
                   "bloody ", "fucking ", "dirty "):
        if identity.startswith(prefix) and identity[len(prefix):] in IDENTITIES | SLURS:
            identity = identity[len(prefix):]
            break
    if identity in IDENTITIES:
        return IDENTITIES[identity]
    if identity in SLURS:
        return SLURS[identity]
    return IDENTITY_ADJECTIVES.get(identity.split(" ")[-2 if " " in identity else 0], "race")


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
        if not _may_name_a_group(text):  # every pattern needs a group: skip them all
            yield from self._slurs(content, norm, seen)
            return
        for start, end in sentences(text):
            sentence = text[start:end]
            for pattern_name, pattern in PATTERNS:
                for match in pattern.finditer(sentence):
                    lowered = self._lowered(match, sentence, text, start)
                    if lowered:
                        continue
                    span = (start + match.start("id"), start + match.end())
                    if pattern_name.startswith("hatred") or pattern_name.startswith("threat"):
                        span = (start + match.start(), start + match.end())
                    if any(a < span[1] and span[0] < b for a, b in seen):
                        continue
                    seen.append(span)
                    characteristic = _characteristic(match.group("id").strip())
                    yield self._finding(content, norm, span, pattern_name, characteristic, 0.9)
        yield from self._slurs(content, norm, seen)

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

    def _finding(self, content: Content, norm: Normalised, span: tuple[int, int],
                 pattern: str, characteristic: str, confidence: float) -> Finding:
        o_start, o_end, said = original(norm, content.text, *span)
        return Finding(
            rule=RULE,
            topic="equality",
            severity=Severity.BREACH,
            start=o_start,
            end=o_end,
            confidence=confidence,
            explanation=(
                f"'{said}' reads as a {pattern} targeting {characteristic}, a protected "
                "characteristic under the Equality Act 2010. The policy (Safer online "
                "behaviour) says staff must comply with equalities legislation online."
            ),
            suggestion="Delete it. If you meant to report or challenge someone else's words, "
            "say so clearly and do not repeat the slur.",
            section=SAFER_ONLINE,
            title="Hateful language about a protected characteristic",
            replacement="",
            detail={"characteristic": characteristic, "pattern": pattern},
        )


def factory(context: SchoolContext) -> EqualityDetector:
    return EqualityDetector(context)
