"""The detector interface every check implements."""

from collections.abc import Iterable, Sequence
from typing import Protocol

from .content import Content, ContentKind
from .context import SchoolContext
from .findings import Finding


class Detector(Protocol):
    """Reads one item and yields findings.

    A detector is built once per school context (it may precompile patterns and indexes
    from the rosters) and then called for many items, so ``detect`` must be cheap.
    """

    name: str
    kinds: frozenset[ContentKind]

    def detect(self, content: Content) -> Iterable[Finding]: ...


class PreparingDetector(Detector, Protocol):
    """A detector that does some of its work faster for many items at once (the judgement
    model reads a batch in one call): ``Checker.check_many`` calls ``prepare`` with each
    group of items before it checks them one by one, and ``detect`` answers as before."""

    def prepare(self, contents: Sequence[Content]) -> None: ...


class DetectorFactory(Protocol):
    def __call__(self, context: SchoolContext) -> Detector: ...
