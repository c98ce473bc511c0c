"""The text cut into highlighted pieces for display (its safer version is the engine's
``safer_text``)."""

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from safepractice.engine import Finding


@dataclass(frozen=True)
class Segment:
    text: str
    numbers: tuple[int, ...] = ()  # 1-based numbers of the findings covering this piece
    severity: str = ""

    @property
    def highlighted(self) -> bool:
        return bool(self.numbers)


def segments(text: str, findings: Sequence[Finding]) -> list[Segment]:
    """Cut the text at every finding boundary, so overlapping findings still highlight."""
    spans = [(n, f) for n, f in enumerate(findings, start=1) if f.end > f.start]
    cuts = sorted({0, len(text), *(f.start for _, f in spans), *(f.end for _, f in spans)})
    result = []
    for start, end in itertools.pairwise(cuts):
        covering = [(n, f) for n, f in spans if f.start <= start and end <= f.end]
        worst = max((f.severity for _, f in covering), key=lambda s: s.rank, default=None)
        result.append(Segment(
            text[start:end], tuple(n for n, _ in covering), worst.value if worst else ""
        ))
    return result
