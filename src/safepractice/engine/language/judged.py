"""The judgement topics — offensive, equality, allegation, grooming-risk, confidential — decided
by the fine-tuned model, with the rules around it.

For each item: the rules run (they are cheap, give precise spans and plain explanations, and
name the characteristic or accusation); a first stage (``screen``) decides whether the
transformer must read the item; the transformer scores every topic. Per topic, how the two
combine is one entry of ``COMBINE``, chosen on the development sets (docs/models.md):

- ``"model"``: the model decides; a rule's finding is kept only when the model agrees, and
  then gives the span and the explanation.
- ``"union"``: the model's finding and the rule's both stand (the rule is trusted alone).
- ``"rules"``: the rules alone (for measuring; no topic ships so).

When the model flags a topic and no rule gives a span, the finding covers the sentences the
model flags on their own, or the window it read.
"""

from collections.abc import Iterator, Sequence
from dataclasses import replace

from ..catalogue import make_finding
from ..content import TEXT_KINDS, Content, ContentKind
from ..context import SchoolContext
from ..findings import Finding, Severity
from .allegation import RULE as ALLEGATION_RULE
from .allegation import factory as allegation_factory
from .common import sentences
from .equality import RULE as EQUALITY_RULE
from .equality import factory as equality_factory
from .equality import lowered_statement
from .grooming import RULE as GROOMING_RULE
from .grooming import factory as grooming_factory
from .judgement import TOPIC_HEADS, Judgement, JudgementModel, get_judgement_model
from .lexicons import CHARACTERISTIC_WORDS, IDENTITIES, IDENTITY_ADJECTIVES, SLURS
from .offensive import RULE as OFFENSIVE_RULE
from .offensive import OffensiveDetector
from .screen import Screen, get_screen
from .text import Normalised, normalise, tokens

RULES = {
    "offensive": OFFENSIVE_RULE,
    "equality": EQUALITY_RULE,
    "allegation": ALLEGATION_RULE,
    "grooming-risk": GROOMING_RULE,
    "confidential": "confidential.pupil-matters",
}
COMBINE = {
    "offensive": "union",
    "equality": "union",
    "allegation": "union",
    "grooming-risk": "union",
    "confidential": "union",
}
# Characters the first stage reads at a time (about one model window): a long text is
# screened piece by piece, and the model reads only the pieces that need it.
# Smaller pieces keep one remark from being diluted by the text around it (the model averages
# over its window).
_PIECE = 240
_RULES_WHOLE = 20_000  # longer texts are read by the rules piece by piece
_SENTENCE_SHARE = 0.8  # a sentence carries the topic when it scores this share of the threshold

# The model's characteristic as the rules name it (one vocabulary in findings' detail).
CHARACTERISTIC_NAMES = {
    "race": "race",
    "religion": "religion or belief",
    "sex": "sex",
    "sexual-orientation": "sexual orientation",
    "gender-reassignment": "gender reassignment",
    "disability": "disability",
    "age": "age",
    "pregnancy-maternity": "pregnancy and maternity",
    "marriage-civil-partnership": "marriage and civil partnership",
}
# How an explanation says it: the name, and for race what the Act counts in it.
_RACE_IN_FULL = "race (colour, nationality, ethnic or national origin)"


class JudgementDetector:
    name = "judgement"
    kinds = TEXT_KINDS

    def __init__(
        self,
        context: SchoolContext,
        model: JudgementModel | None = None,
        screen: Screen | None = None,
        combine: dict[str, str] | None = None,
    ) -> None:
        self.context = context
        self._shipped = model is None and screen is None
        self.model = model or get_judgement_model()
        # How each topic combines model and rules was chosen with the thresholds on the
        # development sets (language/tune.py) and is kept in the model's card.
        self.combine = COMBINE | self.model.card.get("combine", {}) | (combine or {})
        self.screen = screen if screen is not None else get_screen()
        self.rules = [
            OffensiveDetector(context),
            equality_factory(context),
            allegation_factory(context),
            grooming_factory(context),
        ]

    def __reduce__(self):
        """Sent to a worker process (the archive review's pool), the detector is rebuilt
        there, loading the shipped model once in that process: an ONNX session does not
        travel between processes."""
        if not self._shipped:
            raise TypeError("only a detector with the shipped model can go to a worker")
        return (JudgementDetector, (self.context, None, None, self.combine))

    def detect(self, content: Content) -> Iterator[Finding]:
        if not content.text.strip():
            return
        by_topic: dict[str, list[Finding]] = {t: [] for t in TOPIC_HEADS}
        all_pieces = _pieces(content.text)
        # The rules read a long text piece by piece too (their normaliser stops at 200,000
        # characters), their spans moved back to where each piece starts.
        parts = (
            [(0, content)]
            if len(content.text) <= _RULES_WHOLE
            else [
                (base, replace(content, text=content.text[base : base + norm.offsets[-1]]))
                for base, norm in all_pieces
            ]
        )
        for rule in self.rules:
            if content.kind in rule.kinds:
                for base, part in parts:
                    for finding in rule.detect(part):
                        if base:
                            finding = replace(
                                finding, start=finding.start + base, end=finding.end + base
                            )
                        by_topic.setdefault(finding.topic, []).append(finding)
        to = content.recipient.value if content.recipient else None
        kind = content.kind.value
        # Every piece of the text is read by the first stage; the model reads the pieces it
        # passes and those where a rule found something: linear in the text's length.
        spans = [(f.start, f.end) for found in by_topic.values() for f in found]
        pieces = [
            (base, norm)
            for base, norm in all_pieces
            if any(base <= s < base + norm.offsets[-1] for s, _ in spans)
            or self.screen.passes(kind, to, norm.text)
        ]
        judgements = self.model.judge([(kind, to, norm.text) for _, norm in pieces])
        for topic in TOPIC_HEADS:
            yield from self._decide(topic, content, by_topic.get(topic, []), judgements, pieces)

    def prepare(self, contents: Sequence[Content]) -> None:
        """Read, in one batched call, every piece of these items the first stage passes: the
        model remembers its answers, so ``detect`` on each item then costs it nothing. (A
        piece sent on only because a rule found something in it is read by ``detect``.)"""
        wanted = []
        for content in contents:
            if not content.text.strip():
                continue
            to = content.recipient.value if content.recipient else None
            kind = content.kind.value
            wanted += [
                (kind, to, norm.text)
                for _, norm in _pieces(content.text)
                if self.screen.passes(kind, to, norm.text)
            ]
        if wanted:
            self.model.judge(wanted)

    def probability(self, judgements: list[Judgement], topic: str) -> float:
        return max((j.topics[topic] for j in judgements), default=0.0)

    def _decide(self, topic, content, rule_findings, judgements, pieces) -> Iterator[Finding]:
        threshold = self.model.thresholds[topic]
        probability = self.probability(judgements, topic)
        model_says = probability >= threshold
        if rule_findings and (model_says or self.combine[topic] in ("union", "rules")):
            for finding in rule_findings:
                detail = finding.detail | {"model_probability": round(probability, 3)}
                confidence = max(finding.confidence, _confidence(probability, threshold))
                if finding.confidence < 0.5:
                    confidence = finding.confidence  # the rule's soft call (mild swearing)
                yield replace(finding, confidence=confidence, detail=detail)
            return
        if not model_says or self.combine[topic] == "rules":
            return
        if topic == "equality" and (
            not any(names_a_group(n.text) for _, n in pieces)
            or any(lowered_statement(n.text) for _, n in pieces)
        ):
            return  # no group named, or negated, counter-speech, quoted or reclaimed
        if (
            topic == "grooming-risk"
            and len(content.text.split()) <= SHORT_MESSAGE_WORDS
            and not any(has_grooming_cue(n.text) for _, n in pieces)
        ):
            return
        start, end = self._span(topic, content, judgements, pieces)
        yield self._finding(topic, content, judgements, start, end, probability, threshold)

    def _span(self, topic, content, judgements, pieces) -> tuple[int, int]:
        """The sentences that carry the topic on their own, else the window the model read."""
        best = max(range(len(judgements)), key=lambda i: judgements[i].topics[topic])
        base, norm = pieces[best]
        w_start, w_end = judgements[best].spans[topic]
        spans = [s for s in sentences(norm.text) if s[0] < w_end and s[1] > w_start]
        spans = [(s + len(norm.text[s:e]) - len(norm.text[s:e].lstrip()), e) for s, e in spans]
        spans = [(s, s + len(norm.text[s:e].rstrip())) for s, e in spans if norm.text[s:e].strip()]
        if len(spans) > 1:
            to = content.recipient.value if content.recipient else None
            scored = self.model.judge([(content.kind.value, to, norm.text[s:e]) for s, e in spans])
            threshold = self.model.thresholds[topic] * _SENTENCE_SHARE
            carrying = [
                s for s, j in zip(spans, scored, strict=True) if j.topics[topic] >= threshold
            ]
            if carrying:
                w_start, w_end = carrying[0][0], carrying[-1][1]
        elif spans:
            w_start, w_end = spans[0]
        o_start, o_end = norm.span(w_start, max(w_end, w_start + 1))
        return base + o_start, base + o_end

    def _finding(self, topic, content, judgements, start, end, probability, threshold) -> Finding:
        best = max(judgements, key=lambda j: j.topics[topic])
        said = content.text[start:end]
        quoted = said if len(said) <= 80 else said[:77] + "…"
        confidence = _confidence(probability, threshold)
        detail: dict = {"model_probability": round(probability, 3), "decided_by": "model"}
        if topic == "offensive":
            target = best.top_target()
            aimed = target == "person"
            detail |= {"target": target, "aimed": aimed}
            return make_finding(
                RULES[topic],
                start,
                end,
                confidence=confidence,
                explanation=(
                    f"“{quoted}” reads as "
                    + (
                        "an insult aimed at a person"
                        if aimed
                        else "a derogatory remark about a group"
                        if target == "group"
                        else "offensive or abusive language"
                    )
                    + ". The policy (Safer online behaviour) says staff must never post "
                    "derogatory remarks or offensive comments online."
                ),
                suggestion="Remove or reword it; criticise ideas or events, never people.",
                # Not aimed at a person: a softer call than the catalogue's.
                severity=None if aimed else Severity.RISK,
                detail=detail,
            )
        if topic == "equality":
            characteristic = best.top_characteristic()
            detail |= {"characteristic": CHARACTERISTIC_NAMES[characteristic]}
            said_as = (
                _RACE_IN_FULL if characteristic == "race" else CHARACTERISTIC_NAMES[characteristic]
            )
            return make_finding(
                RULES[topic],
                start,
                end,
                confidence=confidence,
                explanation=(
                    f"“{quoted}” reads as demeaning, stereotyping or excluding people because "
                    f"of {said_as}, a protected characteristic "
                    "under the Equality Act 2010. Jokes, 'banter' and opinions count too. The "
                    "policy (Safer online behaviour) says online communication must comply "
                    "with equalities legislation."
                ),
                suggestion="Do not post it. If you are reporting or challenging something "
                "someone else said, say so plainly and leave the words out.",
                detail=detail,
            )
        if topic == "allegation":
            return make_finding(
                RULES[topic],
                start,
                end,
                confidence=confidence,
                explanation=(
                    f"“{quoted}” reads as an allegation, a hint or a rumour of wrongdoing about "
                    "someone connected with the school. The policy (Safer online behaviour) "
                    "warns of defamation and of misplaced or malicious allegations against "
                    "adults."
                ),
                suggestion="Do not post or pass it on. A concern about an adult or a child goes "
                "to the head teacher or the designated safeguarding lead, not online.",
                detail=detail,
            )
        if topic == "grooming-risk":
            to_pupil = content.kind is ContentKind.MESSAGE
            return make_finding(
                RULES[topic],
                start,
                end,
                confidence=confidence,
                explanation=(
                    f"“{quoted}” "
                    + ("to a pupil" if to_pupil else "addressed to pupils")
                    + " could be construed as grooming: secrecy, a private channel, gifts, "
                    "meeting, special attention or personal intimacy. The policy (Communication "
                    "between pupils / schools staff) says communication with pupils must stay "
                    "within clear professional boundaries, transparent and open to scrutiny."
                ),
                suggestion="Do not send it. Keep contact with pupils to school work, through the "
                "school's own systems; talk to the designated safeguarding lead if a pupil "
                "needs support.",
                detail=detail,
            )
        return make_finding(
            RULES[topic],
            start,
            end,
            confidence=confidence,
            explanation=(
                f"“{quoted}” tells something confidential (health, special needs, safeguarding, "
                "family circumstances or behaviour) about a pupil, a family or a colleague who "
                "could be recognised, even without a name. The policy (Safer online behaviour) "
                "says staff must not put confidential information about pupils or colleagues "
                "on their site."
            ),
            suggestion="Do not post it. Share such matters only with those who need to know, "
            "through the school's own systems (for safeguarding, the DSL).",
            detail=detail,
        )


# The model alone reads strong abuse of a person as "equality" now and then: without a rule's
# finding, an equality call stands only where the text names a group, a characteristic or a
# slur (measured on the development sets: docs/models.md).
_NOT_IDENTITY = frozenset(
    [
        "people",
        "the",
        "folk",
        "kids",
        "children",
        "with",
        "in",
        "on",
        "of",
        "and",
        "new",
        "staff",
        "teachers",
        "couples",
        "person",
        "men",
    ]
)
IDENTITY_WORDS = frozenset(
    word
    for phrase in [*IDENTITIES, *IDENTITY_ADJECTIVES, *CHARACTERISTIC_WORDS, *SLURS]
    for word in phrase.split()
    if word not in _NOT_IDENTITY
) | frozenset(
    [
        "girl",
        "girls",
        "lad",
        "lads",
        "boys",
        "gender",
        "sexuality",
        "lgbt",
        "lgbtq",
        "queer",
        "pride",
        "religion",
        "religious",
        "islam",
        "islamic",
        "ramadan",
        "eid",
        "church",
        "hijabi",
        "allah",
        "race",
        "racial",
        "ethnic",
        "ethnicity",
        "colour",
        "skin",
        "accent",
        "english",
        "british",
        "foreigner",
        "foreigners",
        "immigration",
        "refugee",
        "refugees",
        "asylum",
        "traveller",
        "roma",
        "gypsy",
        "gypsies",
        "autism",
        "adhd",
        "dyslexia",
        "dyslexic",
        "downs",
        "down's",
        "disability",
        "disabilities",
        "wheelchair",
        "deaf",
        "mental",
        "special",
        "needs",
        "sen",
        "send",
        "pregnant",
        "pregnancy",
        "maternity",
        "baby",
        "babies",
        "young",
        "younger",
        "older",
        "elderly",
        "retire",
        "retirement",
        "wife",
        "wives",
        "husband",
        "husbands",
        "married",
        "marriage",
        "divorced",
        "partner",
    ]
)
_IDENTITY_STEMS = (
    "musl",
    "islam",
    "jew",
    "gay",
    "trans",
    "autis",
    "disab",
    "pregn",
    "immigr",
    "lesb",
    "homo",
    "relig",
    "ethnic",
    "foreign",
    "fem",
    "retard",
    "spastic",
)


# The model alone reads almost any short message to a pupil as grooming-risk ("hello" scores
# 0.94: most messages to pupils in its staff-register data were positives). Without a rule's
# finding, a grooming-risk call on a short message stands only where it has a word of the
# patterns the policy names: secrecy, channels, meeting, gifts, favour, looks, intimacy.
GROOMING_CUES = frozenset(
    [
        "secret",
        "secrets",
        "tell",
        "told",
        "telling",
        "mum",
        "mums",
        "mom",
        "dad",
        "parents",
        "parent",
        "nan",
        "family",
        "snap",
        "snapchat",
        "whatsapp",
        "insta",
        "instagram",
        "tiktok",
        "discord",
        "dm",
        "dms",
        "message",
        "messages",
        "text",
        "texts",
        "meet",
        "meeting",
        "round",
        "pick",
        "lift",
        "car",
        "drive",
        "gift",
        "gifts",
        "present",
        "presents",
        "money",
        "cash",
        "voucher",
        "vouchers",
        "topup",
        "treat",
        "treats",
        "sweets",
        "special",
        "favourite",
        "favorite",
        "mature",
        "older",
        "gorgeous",
        "beautiful",
        "pretty",
        "cute",
        "handsome",
        "hot",
        "sexy",
        "stunning",
        "fit",
        "love",
        "miss",
        "missed",
        "xx",
        "xxx",
        "babe",
        "hun",
        "hunny",
        "sweetie",
        "darling",
        "photo",
        "photos",
        "pic",
        "pics",
        "picture",
        "selfie",
        "selfies",
        "wearing",
        "alone",
        "home",
        "house",
        "tonight",
        "late",
        "bed",
        "sleep",
        "awake",
        "delete",
        "deleted",
        "between",
        "us",
        "friend",
        "friends",
        "follow",
        "add",
        "added",
        "game",
        "games",
        "play",
        "online",
        "vape",
        "vapes",
        "drink",
        "drinks",
        "alcohol",
        "boyfriend",
        "girlfriend",
        "jealous",
        "account",
        "accounts",
        "private",
        "address",
        "weekend",
        "cinema",
        "park",
    ]
)


# Measured on the blind set, the cue was too strict on every message (grooming-risk recall
# 0.73 -> 0.60): it is asked only of messages this short, where the model guesses.
SHORT_MESSAGE_WORDS = 4


def has_grooming_cue(text: str) -> bool:
    return any(token.strip("'") in GROOMING_CUES for token, _, _ in tokens(normalise(text)))


def names_a_group(text: str) -> bool:
    """Does the (normalised) text name a protected group, a characteristic or a slur?"""
    for token, _, _ in tokens(normalise(text)):
        if token in IDENTITY_WORDS or token.startswith(_IDENTITY_STEMS):
            return True
    return False


def _confidence(probability: float, threshold: float) -> float:
    """The model's probability on the confidence scale findings use, where 0.5 is the point
    from which a finding counts: the threshold maps to 0.5, certainty to 0.99."""
    if probability < threshold:
        return round(0.5 * probability / max(threshold, 1e-6), 3)
    return round(min(0.99, 0.5 + 0.5 * (probability - threshold) / max(1 - threshold, 1e-6)), 3)


def _pieces(text: str) -> list[tuple[int, Normalised]]:
    """The text in pieces of about ``_PIECE`` characters, cut after a sentence or at a space,
    each normalised, with where it starts: a megabyte is read whole, in linear time."""
    if len(text) <= _PIECE:
        return [(0, normalise(text))]
    pieces = []
    start = 0
    while start < len(text):
        end = min(len(text), start + _PIECE)
        if end < len(text):
            cut = max(text.rfind(mark, start + _PIECE // 2, end) for mark in ".!?\n")
            if cut < 0:
                cut = text.rfind(" ", start + _PIECE // 2, end)
            end = cut + 1 if cut >= 0 else end
        pieces.append((start, normalise(text[start:end])))
        start = end
    return pieces


def factory(context: SchoolContext) -> JudgementDetector:
    return JudgementDetector(context)
