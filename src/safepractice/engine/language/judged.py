"""The judgement topics — offensive, equality, allegation, grooming-risk, confidential — decided
by the fine-tuned model, with the rules around it.

For each item: the rules run (they are cheap, give precise spans and plain explanations, and
name the characteristic or accusation); a first stage (``screen``) decides whether the
transformer must read the item; the transformer scores every topic. Per topic, how the two
combine is one entry of ``COMBINE``, chosen on the development sets (docs/models.md):

- ``"model"``: the model decides; a rule's finding is kept only when the model agrees, and
  then gives the span and the explanation.
- ``"union"``: the model's finding and the rule's both stand (the rule is trusted alone).

When the model flags a topic and no rule gives a span, the finding covers the sentences the
model flags on their own, or the window it read.
"""

from collections.abc import Iterator
from dataclasses import replace

from ..content import Content, ContentKind
from ..context import SchoolContext
from ..findings import Finding, Severity
from . import allegation, equality, grooming, offensive
from .common import COMMUNICATION, SAFER_ONLINE, TEXT_KINDS, sentences
from .judgement import TOPIC_HEADS, Judgement, JudgementModel, get_judgement_model
from .screen import Screen, get_screen
from .text import Normalised, normalise

RULES = {
    "offensive": offensive.RULE,
    "equality": equality.RULE,
    "allegation": allegation.RULE,
    "grooming-risk": grooming.RULE,
    "confidential": "confidential.pupil-matters",
}
COMBINE = {
    "offensive": "union",
    "equality": "union",
    "allegation": "union",
    "grooming-risk": "union",
    "confidential": "union",
}
_CHUNK = 100_000  # characters normalised at a time: long texts are read whole, in pieces
_SENTENCE_SHARE = 0.8  # a sentence carries the topic when it scores this share of the threshold

_CHARACTERISTIC_WORDS = {
    "race": "race (colour, nationality, ethnic or national origin)",
    "religion": "religion or belief",
    "sex": "sex",
    "sexual-orientation": "sexual orientation",
    "gender-reassignment": "gender reassignment",
    "disability": "disability",
    "age": "age",
    "pregnancy-maternity": "pregnancy and maternity",
    "marriage-civil-partnership": "marriage and civil partnership",
}


class JudgementDetector:
    name = "judgement"
    kinds = TEXT_KINDS

    def __init__(
        self,
        context: SchoolContext,
        model: JudgementModel | None = None,
        screen: Screen | None = None,
    ) -> None:
        self.model = model or get_judgement_model()
        self.screen = screen if screen is not None else get_screen()
        self.rules = [
            offensive.OffensiveDetector(context),
            equality.factory(context),
            allegation.factory(context),
            grooming.factory(context),
        ]

    def detect(self, content: Content) -> Iterator[Finding]:
        if not content.text.strip():
            return
        by_topic: dict[str, list[Finding]] = {t: [] for t in TOPIC_HEADS}
        for rule in self.rules:
            if content.kind in rule.kinds:
                for finding in rule.detect(content):
                    by_topic.setdefault(finding.topic, []).append(finding)
        pieces = _pieces(content.text)
        to = content.recipient.value if content.recipient else None
        kind = content.kind.value
        rules_found = any(by_topic.values())
        read = rules_found or any(self.screen.passes(kind, to, norm.text) for _, norm in pieces)
        judgements = self._judge(kind, to, pieces) if read else []
        for topic in TOPIC_HEADS:
            yield from self._decide(topic, content, by_topic.get(topic, []), judgements, pieces)

    def _judge(self, kind: str, to: str | None, pieces) -> list[Judgement]:
        return self.model.judge([(kind, to, norm.text) for _, norm in pieces])

    def probability(self, judgements: list[Judgement], topic: str) -> float:
        return max((j.topics[topic] for j in judgements), default=0.0)

    def _decide(self, topic, content, rule_findings, judgements, pieces) -> Iterator[Finding]:
        threshold = self.model.thresholds[topic]
        probability = self.probability(judgements, topic)
        model_says = probability >= threshold
        if rule_findings and (model_says or COMBINE[topic] == "union"):
            for finding in rule_findings:
                detail = finding.detail | {"model_probability": round(probability, 3)}
                confidence = max(finding.confidence, _confidence(probability, threshold))
                if finding.confidence < 0.5:
                    confidence = finding.confidence  # the rule's soft call (mild swearing)
                yield replace(finding, confidence=confidence, detail=detail)
            return
        if not model_says:
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
            return Finding(
                rule=RULES[topic],
                topic=topic,
                severity=Severity.BREACH if aimed else Severity.RISK,
                start=start,
                end=end,
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
                section=SAFER_ONLINE,
                title="Offensive or derogatory language",
                detail=detail,
            )
        if topic == "equality":
            characteristic = best.top_characteristic()
            detail |= {"characteristic": characteristic}
            return Finding(
                rule=RULES[topic],
                topic=topic,
                severity=Severity.BREACH,
                start=start,
                end=end,
                confidence=confidence,
                explanation=(
                    f"“{quoted}” reads as demeaning, stereotyping or excluding people because "
                    f"of {_CHARACTERISTIC_WORDS[characteristic]}, a protected characteristic "
                    "under the Equality Act 2010. Jokes, 'banter' and opinions count too. The "
                    "policy (Safer online behaviour) says online communication must comply "
                    "with equalities legislation."
                ),
                suggestion="Do not post it. If you are reporting or challenging something "
                "someone else said, say so plainly and leave the words out.",
                section=SAFER_ONLINE,
                title="Against equalities legislation",
                detail=detail,
            )
        if topic == "allegation":
            return Finding(
                rule=RULES[topic],
                topic=topic,
                severity=Severity.RISK,
                start=start,
                end=end,
                confidence=confidence,
                explanation=(
                    f"“{quoted}” reads as an allegation, a hint or a rumour of wrongdoing about "
                    "someone connected with the school. The policy (Safer online behaviour) "
                    "warns of defamation and of misplaced or malicious allegations against "
                    "adults."
                ),
                suggestion="Do not post or pass it on. A concern about an adult or a child goes "
                "to the head teacher or the designated safeguarding lead, not online.",
                section=SAFER_ONLINE,
                title="Allegation about someone connected with the school",
                detail=detail,
            )
        if topic == "grooming-risk":
            to_pupil = content.kind is ContentKind.MESSAGE
            return Finding(
                rule=RULES[topic],
                topic=topic,
                severity=Severity.BREACH,
                start=start,
                end=end,
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
                section=COMMUNICATION,
                title="Could be read as grooming",
                detail=detail,
            )
        return Finding(
            rule=RULES[topic],
            topic=topic,
            severity=Severity.RISK,
            start=start,
            end=end,
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
            section=SAFER_ONLINE,
            title="Confidential matter about a pupil or colleague",
            detail=detail,
        )


def _confidence(probability: float, threshold: float) -> float:
    """The model's probability on the confidence scale findings use, where 0.5 is the point
    from which a finding counts: the threshold maps to 0.5, certainty to 0.99."""
    if probability < threshold:
        return round(0.5 * probability / max(threshold, 1e-6), 3)
    return round(min(0.99, 0.5 + 0.5 * (probability - threshold) / max(1 - threshold, 1e-6)), 3)


def _pieces(text: str) -> list[tuple[int, Normalised]]:
    """The text normalised in pieces of at most ``_CHUNK`` characters, cut at a space where
    one is near, each with its offset: a megabyte is read whole, in linear time."""
    if len(text) <= _CHUNK:
        return [(0, normalise(text))]
    pieces = []
    start = 0
    while start < len(text):
        end = min(len(text), start + _CHUNK)
        if end < len(text):
            space = text.rfind(" ", start + _CHUNK // 2, end)
            end = space + 1 if space > 0 else end
        pieces.append((start, normalise(text[start:end])))
        start = end
    return pieces


def factory(context: SchoolContext) -> JudgementDetector:
    return JudgementDetector(context)
