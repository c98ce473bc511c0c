"""The report's shape, shared by the web page, the PDF and the CLI.

Built either from a finished ``Review`` (web) or from ``ArchiveReview`` results (CLI); the
findings of both have the same fields, so the templates see one kind of object.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from safepractice.exports import PLATFORM_NAMES, ArchiveReview
from safepractice.exports.review import KINDS

SEVERITY_ORDER = {"breach": 0, "risk": 1, "advice": 2}
SEVERITY_LABELS = {"breach": "Breach of the policy", "risk": "Risk", "advice": "Advice"}


@dataclass(frozen=True)
class Line:
    """One finding as the report shows it: the excerpt split around the marked span."""

    rule: str
    title: str
    severity: str
    kind: str
    platform: str
    date: datetime | None
    before: str
    marked: str
    after: str
    location: str
    action: str
    explanation: str

    @property
    def platform_name(self) -> str:
        return PLATFORM_NAMES.get(self.platform, self.platform)


@dataclass
class Group:
    key: str
    title: str
    severity: str = ""
    lines: list[Line] = field(default_factory=list)


@dataclass
class ArchiveSummary:
    name: str
    platform: str
    items: int
    by_kind: dict[str, int]
    error: str
    warnings: list[str]
    findings_not_kept: int = 0

    @property
    def platform_name(self) -> str:
        return PLATFORM_NAMES.get(self.platform, self.platform or "Not recognised")


@dataclass
class Report:
    archives: list[ArchiveSummary]
    lines: list[Line]
    created: datetime | None = None

    @property
    def items(self) -> int:
        return sum(a.items for a in self.archives)

    @property
    def by_severity(self) -> list[tuple[str, str, int]]:
        counts = Counter(line.severity for line in self.lines)
        return [(s, SEVERITY_LABELS[s], counts.get(s, 0)) for s in SEVERITY_ORDER]

    @property
    def by_kind(self) -> dict[str, int]:
        totals = dict.fromkeys(KINDS, 0)
        for archive in self.archives:
            for kind, count in archive.by_kind.items():
                totals[kind] = totals.get(kind, 0) + count
        return totals

    @property
    def by_rule(self) -> list[Group]:
        groups: dict[str, Group] = {}
        for line in self.lines:
            group = groups.setdefault(line.rule, Group(line.rule, line.title, line.severity))
            if SEVERITY_ORDER[line.severity] < SEVERITY_ORDER.get(group.severity, 9):
                group.severity = line.severity
            group.lines.append(line)
        return sorted(groups.values(),
                      key=lambda g: (SEVERITY_ORDER.get(g.severity, 9), -len(g.lines), g.title))

    @property
    def by_platform(self) -> list[tuple[str, list[Group]]]:
        """Per platform, the findings grouped by rule: the order to work through them in."""
        per_platform: dict[str, list[Line]] = defaultdict(list)
        for line in self.lines:
            per_platform[line.platform_name].append(line)
        return [(name, Report(self.archives, lines).by_rule)
                for name, lines in sorted(per_platform.items())]


def _line(finding: Any) -> Line:
    excerpt = finding.excerpt
    start, end = finding.mark_start, finding.mark_end
    return Line(
        rule=finding.rule, title=finding.title or finding.rule, severity=finding.severity,
        kind=finding.kind, platform=finding.platform, date=finding.date,
        before=excerpt[:start], marked=excerpt[start:end], after=excerpt[end:],
        location=finding.location, action=finding.action, explanation=finding.explanation,
    )


def _ordered(lines: list[Line]) -> list[Line]:
    return sorted(lines, key=lambda line: (SEVERITY_ORDER.get(line.severity, 9),
                                           line.date is None,
                                           line.date.timestamp() if line.date else 0))


def from_results(results: list[ArchiveReview], created: datetime | None = None) -> Report:
    archives = [ArchiveSummary(r.archive, r.platform, r.items, dict(r.by_kind), r.error,
                               list(r.warnings), r.findings_not_kept) for r in results]
    lines = [_line(f) for r in results for f in r.findings]
    return Report(archives, _ordered(lines), created)


def from_review(review) -> Report:
    archives = [ArchiveSummary(a.original_name, a.platform, a.items, a.by_kind or {}, a.error,
                               a.warnings or [], a.findings_not_kept)
                for a in review.archives.all()]
    lines = [_line(f) for f in review.findings.all()]
    return Report(archives, _ordered(lines), review.completed or review.created)
