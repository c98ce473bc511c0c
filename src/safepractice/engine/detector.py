"""The detector interface every check implements."""

from collections.abc import Iterable
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


class DetectorFactory(Protocol):
    def __call__(self, context: SchoolContext) -> Detector: ...
