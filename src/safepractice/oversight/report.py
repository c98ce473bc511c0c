"""The governors' termly report: counts and trends only, as a PDF in the school's name.

One term, chosen from the school's term list, and every figure as it stood at the end of the
term's last day, however long after that the report is made: the review dates the policies
had then, acknowledgement of the version current then by the staff in scope then, the cases
raised in the term and what had become of them by its end, and what was open, in force or
awaiting SLT at its end. Nothing in it names a person or repeats what a case says: it is
built from the aggregate selectors alone, and every count goes through small-number
suppression (``AGGREGATES_ONLY``), charts included.
"""

import datetime
import statistics
from dataclasses import dataclass, field

from django.template.loader import render_to_string
from django.utils import timezone

from safepractice.cases.models import Route
from safepractice.schools.models import School
from safepractice.web.formatting import date_text

from . import selectors
from .charts import Chart, Series, grouped_bars, line
from .dashboard import COMPLETION_CHART_TITLE, completion_rows
from .suppression import AGGREGATES_ONLY as COUNTS
from .suppression import THRESHOLD
from .terms import Term


@dataclass(frozen=True)
class RouteLine:
    label: str
    raised: str
    raised_before: str
    closed: str
    median_days_to_close: str


@dataclass(frozen=True)
class PolicyLine:
    title: str
    review: str
    status: str


@dataclass
class GovernorsReport:
    school_name: str
    term: Term
    counted_from: datetime.date  # the day after the term before ended: holidays not lost
    generated_at: datetime.datetime
    policies: list[PolicyLine] = field(default_factory=list)
    completion: list[tuple[str, str, str, str]] = field(default_factory=list)
    routes: list[RouteLine] = field(default_factory=list)
    median_acknowledgement: str = "–"
    acknowledgements_measured: str = "0"
    median_notification: str = "–"
    notifications_measured: str = "0"
    in_force: list[tuple[str, str]] = field(default_factory=list)
    open_at_end: list[tuple[str, str]] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    has_data: bool = False

    @property
    def term_name(self) -> str:
        return self.term.name

    @property
    def as_at(self) -> datetime.date:
        return self.term.ends_on


def _median(values: list[float], unit: str) -> str:
    if not values:
        return "–"
    return COUNTS.derived(f"{statistics.median(values):.1f} {unit}", len(values))


def _review_text(review_on: datetime.date | None) -> str:
    return date_text(review_on) if review_on else "Not set"


def build(school: School, term: Term, period: tuple[datetime.date, datetime.date],
          previous: tuple[datetime.date, datetime.date] | None = None) -> GovernorsReport:
    """The report for ``term``; ``period`` is what its cases are counted over (the term and
    the holiday before it), ``previous`` the term before's, for comparison."""
    start, end = period
    moment = selectors.end_of(end)
    ids = [school.id]
    report = GovernorsReport(school.name, term, start, timezone.now())
    reviews = selectors.policy_reviews_at(school.id, end)
    report.policies = [PolicyLine(document.title, _review_text(state.review_on), state.label)
                       for document, state in reviews]
    policy = selectors.policy_figures_at(school.id, end)
    completion = completion_rows(COUNTS, policy)
    report.completion = [*completion["rows"], completion["total"]] if completion["rows"] else []
    summaries = selectors.route_summaries(ids, start, end)
    before = (
        {s.route: s.raised for s in selectors.route_summaries(ids, *previous)}
        if previous else {}
    )
    report.routes = [
        RouteLine(
            s.label, COUNTS.count(s.raised),
            COUNTS.count(before[s.route]) if previous else "–",
            COUNTS.count(s.closed),
            COUNTS.derived(f"{s.median_days_to_close:.1f} days", s.closed)
            if s.median_days_to_close is not None else "–",
        )
        for s in summaries
    ]
    acknowledgements = selectors.acknowledgement_times(ids, start, end, as_at=moment)
    notifications = selectors.notification_times(ids, start, end, as_at=moment)
    report.median_acknowledgement = _median(acknowledgements, "working days")
    report.acknowledgements_measured = COUNTS.count(len(acknowledgements))
    report.median_notification = _median(notifications, "minutes")
    report.notifications_measured = COUNTS.count(len(notifications))
    registers = selectors.register_figures_at(ids, moment)[school.id]
    report.in_force = [
        ("Social contact declarations (acknowledged)",
         COUNTS.count(registers.declarations_in_force)),
        ("Contact-detail exceptions in force", COUNTS.count(registers.contact_in_force)),
        ("Phone-on-duty exceptions in force", COUNTS.count(registers.phone_in_force)),
        ("Declarations and exceptions awaiting SLT", COUNTS.count(registers.awaiting_slt)),
    ]
    open_at_end = selectors.open_at(ids, moment)[school.id]
    report.open_at_end = [(selectors.ROUTE_SHORT[route], COUNTS.count(open_at_end.get(route, 0)))
                          for route in Route]
    report.charts = _charts(school, end, summaries, before if previous else None, policy)
    report.has_data = bool(
        report.policies
        or any(s.raised for s in summaries)
        or any(open_at_end.values())
        or registers.awaiting_slt
        or registers.declarations_in_force + registers.contact_in_force + registers.phone_in_force
    )
    return report


def _charts(school: School, end: datetime.date, summaries: list[selectors.RouteSummary],
            before: dict[str, int] | None, policy: selectors.PolicyFigures) -> list[Chart]:
    """The report's charts, as at the term's end and through suppression like its tables."""
    series = [Series("This term", [s.raised for s in summaries])]
    if before is not None:
        series.append(Series("The term before", [before[s.route] for s in summaries]))
    cases = grouped_bars(
        "Cases raised by route", [s.label for s in summaries], series,
        # The scale starts above the suppressed range, so no tick reads as a small count.
        text=lambda value: COUNTS.count(int(value)), axis_at_least=THRESHOLD,
    )
    if COUNTS.withholds(policy.total.in_scope):
        completion = line(COMPLETION_CHART_TITLE, [],
                                 empty_summary="Not shown: fewer than five staff were in scope.")
    else:
        completion = line(COMPLETION_CHART_TITLE, [
            (f"{month:%b %y}", round(percent, 1))
            for month, percent in selectors.completion_at_month_ends(school.id, end)
        ])
    return [cases, completion]


def render_pdf(report: GovernorsReport) -> bytes:
    # Heavy: WeasyPrint (and its fonts) loads only when a PDF is made.
    from weasyprint import HTML

    html = render_to_string("oversight/governors_report.html", {"report": report})
    # No base URL and no external references: the PDF is made without any network access;
    # the charts are inline SVG, drawn by WeasyPrint itself.
    return HTML(string=html).write_pdf()
