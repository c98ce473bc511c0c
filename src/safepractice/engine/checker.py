"""The one checker every front calls: web page, API, CLI and archive review."""

from collections.abc import Iterable, Sequence
from dataclasses import replace

from .catalogue import Catalogue, load_catalogue
from .content import Content, ContentKind
from .context import SchoolContext
from .detector import Detector, DetectorFactory
from .findings import Finding, Severity
from .sending import SendAdvice, must_not_send, send_advice

_SAFER_TEXT_LIMIT = 600  # longer texts get the suggestion without a rewritten copy


# Items a detector prepares at once in ``check_many``: enough for the model's batches of 32 to
# fill with texts of similar length, few enough that a stream's first answers come quickly.
PREPARED_GROUP = 128


def default_detector_factories() -> list[DetectorFactory]:
    """Every detector the engine ships, in a fixed order (so output is deterministic)."""
    # Lazy: the detectors import the engine's core modules, which import this one.
    from .detectors import FACTORIES

    return list(FACTORIES)


def _one_per_topic_and_span(findings: list[Finding]) -> list[Finding]:
    """Two detectors may find the same thing (asking a pupil for their Snapchat is both a
    request for personal details and grooming-risk wording): keep the strongest of the
    findings that share a topic and a span, so the person is told once."""
    strongest: dict[tuple[str, int, int], Finding] = {}
    for finding in findings:
        key = (finding.topic, finding.start, finding.end)
        kept = strongest.get(key)
        if kept is None or _stronger(finding, kept):
            strongest[key] = finding
    return _one_per_judgement_remark(list(strongest.values()))


def _stronger(finding: Finding, kept: Finding) -> bool:
    return (finding.severity.rank, finding.confidence, kept.rule) > (
        kept.severity.rank,
        kept.confidence,
        finding.rule,
    )


# Topics whose findings are judgements about a remark: the roster's "confidential matter next
# to a pupil's name" and the model's "this sentence is confidential" are one thing to tell.
JUDGEMENT_TOPICS = frozenset(
    {"offensive", "equality", "allegation", "grooming-risk", "confidential"}
)


# A remark against equalities law is also offensive; it is told once, as the graver and more
# specific of the two.
SUBSUMED_BY = {"offensive": "equality"}


def _overlap(a: Finding, b: Finding) -> bool:
    return a.start < b.end and b.start < a.end


def _one_per_judgement_remark(findings: list[Finding]) -> list[Finding]:
    """Of the judgement findings of one topic whose spans overlap, keep the strongest; drop
    an offensive finding that an equality finding covers."""
    kept: list[Finding] = []
    # A rule's finding goes first: its span and wording are exact where the model's cover a
    # sentence ("what road do you live on" rather than the whole message).
    for finding in sorted(
        findings,
        key=lambda f: (
            f.detail.get("decided_by") == "model",
            -f.severity.rank,
            -f.confidence,
            f.rule,
        ),
    ):
        if finding.topic in JUDGEMENT_TOPICS and any(
            other.topic == finding.topic and _overlap(other, finding) for other in kept
        ):
            continue
        kept.append(finding)
    graver = [f for f in kept if f.topic in SUBSUMED_BY.values()]
    return [
        f
        for f in kept
        if f.topic not in SUBSUMED_BY
        or not any(g.topic == SUBSUMED_BY[f.topic] and _overlap(f, g) for g in graver)
    ]


class Checker:
    """Build once per school context; call ``check`` for each item.

    Detectors are built (patterns compiled, roster indexed) here, once. ``check`` fills in
    each finding's title and section from the catalogue, cites the policy in its
    explanation, applies the school's severity overrides and sorts by position.
    """

    def __init__(
        self,
        context: SchoolContext | None = None,
        factories: Sequence[DetectorFactory] | None = None,
        catalogue: Catalogue | None = None,
    ) -> None:
        self.context = context or SchoolContext()
        self.catalogue = catalogue or load_catalogue()
        chosen = default_detector_factories() if factories is None else factories
        self.detectors: list[Detector] = [factory(self.context) for factory in chosen]
        self.overrides = {
            rule: Severity(value) for rule, value in self.context.severity_overrides.items()
        }

    def check(self, content: Content) -> list[Finding]:
        findings: list[Finding] = []
        for detector in self.detectors:
            if content.kind in detector.kinds:
                findings.extend(detector.detect(content))
        completed = [
            self._complete(finding)
            for finding in findings
            if self._applies(finding.rule, content.kind)
        ]
        kept = sorted(_one_per_topic_and_span(completed), key=Finding.sort_key)
        # A rewritten copy in the suggestion only once the whole item may go out at all:
        # what must not be sent gets no reworded version anywhere (engine.sending).
        if must_not_send(content, kept):
            return kept
        return [self._with_safer_copy(finding, content.text) for finding in kept]

    def send_advice(self, content: Content, findings: Iterable[Finding]) -> SendAdvice:
        """Whether ``content`` must not be sent, and whom to talk to (the school's DSL)."""
        return send_advice(content, findings, self.context)

    def check_many(self, items: Iterable[Content]) -> Iterable[tuple[Content, list[Finding]]]:
        """Check items in order, letting detectors that can prepare a group at once do so
        (``PreparingDetector``): the same findings as ``check`` on each, faster."""
        preparing = [d for d in self.detectors if hasattr(d, "prepare")]
        group: list[Content] = []
        for item in items:
            group.append(item)
            if len(group) == PREPARED_GROUP:
                yield from self._check_group(group, preparing)
                group = []
        if group:
            yield from self._check_group(group, preparing)

    def _check_group(
        self, group: list[Content], preparing: list
    ) -> Iterable[tuple[Content, list[Finding]]]:
        for detector in preparing:
            detector.prepare([c for c in group if c.kind in detector.kinds])
        for item in group:
            yield item, self.check(item)

    def _applies(self, rule_id: str, kind: ContentKind) -> bool:
        """A rule speaks only to the kinds of content the catalogue gives it: naming a
        colleague is a matter for posts and profiles, not for a message to that colleague."""
        rule = self.catalogue.get(rule_id)
        return rule is None or not rule.kinds or kind in rule.kinds

    def _complete(self, finding: Finding) -> Finding:
        rule = self.catalogue.get(finding.rule)
        changes: dict = {}
        if rule is not None:
            if not finding.title:
                changes["title"] = rule.title
            if not finding.section:
                changes["section"] = rule.section
            section = finding.section or rule.section
            if section and section not in finding.explanation:
                changes["explanation"] = (
                    f"{finding.explanation.rstrip()} Policy, “{section}”: {rule.summary}"
                ).strip()
            override = self.overrides.get(finding.rule)
            # A school's override replaces the default; a detector's own softer call
            # (a low-confidence match) stays soft.
            if override is not None and finding.severity == rule.severity:
                changes["severity"] = override
        return replace(finding, **changes) if changes else finding

    @staticmethod
    def _with_safer_copy(finding: Finding, text: str) -> Finding:
        if finding.replacement is None or len(text) > _SAFER_TEXT_LIMIT:
            return finding
        # Quoted inside a sentence, the rewritten copy is written on one line.
        safer = " ".join(safer_text(text, [finding]).split())
        return replace(finding, suggestion=f"{finding.suggestion} Safer: “{safer}”")


def safer_text(text: str, findings: Iterable[Finding]) -> str:
    """The text with every span a finding offers a replacement for replaced; the rest of it,
    line breaks included, as written.

    Where spans overlap, the earliest (then longest) wins: the others are inside it already,
    and a shorter one first would leave the rest of the longer span showing. A finding about
    the whole item (an empty span) replaces nothing. Where a span is removed, the spaces
    either side of it close up to one.
    """
    replaced = sorted(
        (f for f in findings if f.replacement is not None and f.end > f.start),
        key=lambda f: (f.start, -(f.end - f.start)),
    )
    safer, position = "", 0
    for finding in replaced:
        if finding.start < position:
            continue
        safer += text[position : finding.start] + (finding.replacement or "")
        position = finding.end
        if not finding.replacement:
            safer, position = _close_up(safer, text, position)
    return safer + text[position:]


_SPACE = " \t"


def _close_up(safer: str, text: str, position: int) -> tuple[str, int]:
    """After a removed span: one space where there were two, none before punctuation, a
    line break or the end, and none at the start of a line."""
    rest = text[position:]
    at_line_start = not safer or safer.endswith("\n")
    if at_line_start or safer.endswith(tuple(_SPACE)):
        position += len(rest) - len(rest.lstrip(_SPACE))
        rest = text[position:]
        if not rest or rest[0] in "\n.,;:!?)":
            safer = safer.rstrip(_SPACE)
    return safer, position


def worst_severity(findings: Iterable[Finding]) -> Severity | None:
    return max((f.severity for f in findings), key=lambda s: s.rank, default=None)
