"""The governors' termly report: counts and trends only, as a PDF in the school's name.

Nothing in it names a person or repeats what a case says: it is built from the aggregate
selectors alone, and every count goes through small-number suppression.
"""

import datetime
import statistics
from dataclasses import dataclass, field

from django.template.loader import render_to_string
from django.utils import timezone

from safepractice.schools.models import School

from . import selectors
from .dashboard import completion_rows
from .suppression import AGGREGATES_ONLY as COUNTS
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
    term_name: str
    period_start: datetime.date
    period_end: datetime.date
    generated_at: datetime.datetime
    policies: list[PolicyLine] = field(default_factory=list)
    completion: list[tuple[str, str, str, str]] = field(default_factory=list)
    routes: list[RouteLine] = field(default_factory=list)
    median_acknowledgement: str = "–"
    acknowledgements_measured: str = "0"
    median_notification: str = "–"
    notifications_measured: str = "0"
    in_force: list[tuple[str, str]] = field(default_factory=list)
    open_now: list[tuple[str, str]] = field(default_factory=list)
    has_data: bool = False


def _median(values: list[float], unit: str) -> str:
    if not values:
        return "–"
    return COUNTS.derived(f"{statistics.median(values):.1f} {unit}", len(values))


def build(school: School, term: Term, period: tuple[datetime.date, datetime.date],
          previous: tuple[datetime.date, datetime.date] | None = None) -> GovernorsReport:
    start, end = period
    ids = [school.id]
    # What is in force or open is as it stands when the report is made, and says so.
    now = timezone.now()
    report = GovernorsReport(school.name, term.name, start, end, now)
    report.policies = [
        PolicyLine(document.title,
                   f"{document.review_on:%-d %B %Y}" if document.review_on else "Not set",
                   state.label)
        for document, state in selectors.policy_reviews(school.id, end)
    ]
    policy = selectors.policy_figures(ids, end)[school.id]
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
    acknowledgements = selectors.acknowledgement_times(ids, start, end)
    notifications = selectors.notification_times(ids, start, end)
    report.median_acknowledgement = _median(acknowledgements, "working days")
    report.acknowledgements_measured = COUNTS.count(len(acknowledgements))
    report.median_notification = _median(notifications, "minutes")
    report.notifications_measured = COUNTS.count(len(notifications))
    registers = selectors.register_figures(ids, now)[school.id]
    report.in_force = [
        ("Social contact declarations (acknowledged)",
         COUNTS.count(registers.declarations_in_force)),
        ("Contact-detail exceptions in force", COUNTS.count(registers.contact_in_force)),
        ("Phone-on-duty exceptions in force", COUNTS.count(registers.phone_in_force)),
        ("Declarations and exceptions awaiting SLT", COUNTS.count(registers.awaiting_slt)),
    ]
    cases = selectors.case_figures(ids, now)[school.id]
    report.open_now = [
        (selectors.ROUTE_SHORT[selectors.Route(route)], COUNTS.count(total))
        for route, total in sorted(cases.open_by_route.items())
    ]
    report.has_data = bool(
        report.policies
        or any(s.raised for s in summaries)
        or cases.open_total
        or registers.awaiting_slt
        or registers.declarations_in_force + registers.contact_in_force + registers.phone_in_force
    )
    return report


def render_pdf(report: GovernorsReport) -> bytes:
    from weasyprint import HTML

    html = render_to_string("oversight/governors_report.html", {"report": report})
    # No base URL and no external references: the PDF is made without any network access.
    return HTML(string=html).write_pdf()
