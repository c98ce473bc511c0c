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
from .suppression import derived, shown
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
    return derived(f"{statistics.median(values):.1f} {unit}", len(values))


def _percent(row: selectors.CompletionRow) -> str:
    if row.percent is None:
        return "–"
    return derived(f"{row.percent}%", row.in_scope)


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
    report.completion = [
        (row.label, shown(row.in_scope).text, shown(row.acknowledged).text, _percent(row))
        for row in [*policy.completion, policy.total] if row.in_scope
    ]
    summaries = selectors.route_summaries(ids, start, end)
    before = (
        {s.route: s.raised for s in selectors.route_summaries(ids, *previous)}
        if previous else {}
    )
    report.routes = [
        RouteLine(
            s.label, shown(s.raised).text,
            shown(before[s.route]).text if previous else "–",
            shown(s.closed).text,
            derived(f"{s.median_days_to_close:.1f} days", s.closed)
            if s.median_days_to_close is not None else "–",
        )
        for s in summaries
    ]
    acknowledgements = selectors.acknowledgement_times(ids, start, end)
    notifications = selectors.notification_times(ids, start, end)
    report.median_acknowledgement = _median(acknowledgements, "working days")
    report.acknowledgements_measured = shown(len(acknowledgements)).text
    report.median_notification = _median(notifications, "minutes")
    report.notifications_measured = shown(len(notifications)).text
    registers = selectors.register_figures(ids, now)[school.id]
    report.in_force = [
        ("Social contact declarations (acknowledged)", shown(registers.declarations_in_force).text),
        ("Contact-detail exceptions in force", shown(registers.contact_in_force).text),
        ("Phone-on-duty exceptions in force", shown(registers.phone_in_force).text),
        ("Declarations and exceptions awaiting SLT", shown(registers.awaiting_slt).text),
    ]
    cases = selectors.case_figures(ids, now)[school.id]
    report.open_now = [
        (selectors.ROUTE_SHORT[selectors.Route(route)], shown(total).text)
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
