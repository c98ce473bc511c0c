"""The one checker every front calls: web page, API, CLI and archive review."""

from collections.abc import Iterable, Sequence

from .content import Content
from .context import SchoolContext
from .detector import Detector, DetectorFactory
from .findings import Finding


def default_detector_factories() -> list[DetectorFactory]:
    """Every detector the engine ships, in a fixed order (so output is deterministic)."""
    from .detectors import FACTORIES

    return list(FACTORIES)


class Checker:
    """Build once per school context; call ``check`` for each item."""

    def __init__(
        self,
        context: SchoolContext | None = None,
        factories: Sequence[DetectorFactory] | None = None,
    ) -> None:
        self.context = context or SchoolContext()
        chosen = default_detector_factories() if factories is None else factories
        self.detectors: list[Detector] = [factory(self.context) for factory in chosen]

    def check(self, content: Content) -> list[Finding]:
        findings: list[Finding] = []
        for detector in self.detectors:
            if content.kind in detector.kinds:
                findings.extend(detector.detect(content))
        return sorted(findings, key=Finding.sort_key)

    def check_many(self, items: Iterable[Content]) -> Iterable[tuple[Content, list[Finding]]]:
        for item in items:
            yield item, self.check(item)
