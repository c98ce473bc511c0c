"""What the head's and the governors' dashboard shows, assembled from the selectors.

The head sees exact numbers, each linking to the list behind it. A governor sees the same
aggregates with small numbers suppressed and no links to lists that name people or cases.
"""

import datetime
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count, Max, Sum
from django.utils import timezone

from safepractice.cases.models import Case, Route
from safepractice.cases.rules import NOTIFICATION_DEADLINE
from safepractice.policies.selectors import completion_rate
from safepractice.registers.rules import unfinished_starter_counts
from safepractice.schools.models import Membership

from . import charts, selectors
from .links import oversight_list, sees_named_lists, url_or_none
from .suppression import Counts, counts_for
from .terms import DateRange

ACK_EDGES = (0, 1, 2, 3, 4, 5, 10)
NOTIFY_EDGES = (0, 15, 30, 45, 60, 120, 240)
_NOTIFY_TARGET = int(NOTIFICATION_DEADLINE.total_seconds() // 60)


@dataclass(frozen=True)
class Figure:
    label: str
    text: str
    url: str | None = None
    urgency: int = 0
    detail: str = ""


@dataclass(frozen=True)
class Cell:
    text: str
    url: str | None = None


def default_period(today: datetime.date) -> DateRange:
    """The last twelve whole and current months."""
    start = selectors.month_starts(today, 12)[0]
    return DateRange(start, today)


def attention(membership: Membership, cases: selectors.CaseFigures,
              now: datetime.datetime) -> list[Figure]:
    school_id = membership.school_id
    slug = membership.school.slug
    named = sees_named_lists(membership)
    counts = counts_for(membership)
    count = counts.count
    today = timezone.localdate(now)
    registers = selectors.register_figures([school_id], now)[school_id]
    starters = unfinished_starter_counts([school_id], today)[school_id]
    return [
        Figure(
            "Cyberbullying reports not acknowledged in time", count(cases.overdue_acknowledgements),
            oversight_list(membership, "overdue-acknowledgements"),
            3 if cases.overdue_acknowledgements else 0,
            f"Acknowledgement is due within {membership.school.acknowledgement_working_days} "
            "working days.",
        ),
        Figure(
            "Indecent-images cases with a notification missing",
            count(cases.overdue_notifications),
            oversight_list(membership, "overdue-notifications"),
            3 if cases.overdue_notifications else 0,
            "Police and safeguarding unit, within the hour.",
        ),
        Figure(
            # Its three parts are shown beside it: a total, so none is found by subtraction.
            "Declarations and exceptions awaiting SLT",
            counts.total([registers.declarations_awaiting, registers.contact_awaiting,
                          registers.phone_awaiting]),
            url_or_none("registers:queue", slug) if named else None,
            2 if registers.awaiting_slt else 0,
            f"{count(registers.declarations_awaiting)} declarations, "
            f"{count(registers.contact_awaiting)} contact-detail and "
            f"{count(registers.phone_awaiting)} phone exceptions.",
        ),
        Figure(
            "Exceptions ending in the next 14 days", count(registers.expiring_soon),
            oversight_list(membership, "expiring-exceptions"),
            1 if registers.expiring_soon else 0,
        ),
        Figure(
            "New starters with unfinished checklists", count(starters),
            url_or_none("registers:starters", slug) if named else None,
            1 if starters else 0,
        ),
    ]


def open_cases_table(membership: Membership, cases: selectors.CaseFigures) -> dict:
    counts = counts_for(membership)
    rows = []
    every_cell: list[int] = []
    for route in Route:
        parts = [cases.open_by_route_age.get((route.value, key), 0)
                 for key, *_ in selectors.AGE_BANDS]
        every_cell += parts
        cells = [
            Cell(counts.count(part),
                 oversight_list(membership, "open-cases", route=route.value, band=key)
                 if part else None)
            for part, (key, *_) in zip(parts, selectors.AGE_BANDS, strict=True)
        ]
        total = cases.open_by_route.get(route.value, 0)
        rows.append((selectors.ROUTE_SHORT[route], cells, Cell(
            counts.total(parts),
            oversight_list(membership, "open-cases", route=route.value) if total else None,
        )))
    return {
        "bands": [label for _, label, *_ in selectors.AGE_BANDS],
        "rows": rows,
        "total": Cell(counts.total(every_cell),
                      oversight_list(membership, "open-cases") if cases.open_total else None),
    }


def _month_label(month: datetime.date) -> str:
    return f"{month:%b %y}"


# The case charts read a year or more of cases. They are kept until a case they count changes
# or the day turns. They count only cases raised in the period, and anything that changes one
# of those goes through ``cases.services.perform``, which bumps the case's version; raising
# adds a case and disposal removes one. So the period's case count, newest id and sum of
# versions tell a change, read from the (school, raised_at, version) index alone. (Events
# without an action, such as views, change no chart and no longer empty the cache.)
CASE_CHARTS_SECONDS = 24 * 60 * 60


def case_charts(school_ids: list[int], period: DateRange, ack_target: int) -> list[charts.Chart]:
    cases = Case.objects.filter(
        selectors.within("raised_at", period.start, period.end), school_id__in=school_ids
    ).aggregate(n=Count("pk"), top=Max("pk"), versions=Sum("version"))
    key = (
        f"oversight:case-charts:{','.join(map(str, sorted(school_ids)))}:{period.start}:"
        f"{period.end}:{ack_target}:{timezone.localdate()}:"
        f"{cases['n']}:{cases['top']}:{cases['versions']}"
    )
    cached = cache.get(key)
    if cached is None:
        cached = _case_charts(school_ids, period, ack_target)
        cache.set(key, cached, CASE_CHARTS_SECONDS)
    return cached


def _case_charts(school_ids: list[int], period: DateRange, ack_target: int) -> list[charts.Chart]:
    months, counts = selectors.cases_per_month(school_ids, period.start, period.end)
    per_month = charts.stacked_bars(
        "Cases raised per month, by route",
        [_month_label(m) for m in months],
        [charts.Series(selectors.ROUTE_SHORT[r], counts[r.value]) for r in Route],
    )
    acknowledgement = charts.distribution(
        "Time to acknowledge cyberbullying reports",
        selectors.acknowledgement_times(school_ids, period.start, period.end),
        edges=ACK_EDGES, target=ack_target, unit="working days",
        target_label=f"{ack_target} working days", whole_numbers=True,
    )
    notification = charts.distribution(
        "Time to notify police and safeguarding unit (indecent images)",
        selectors.notification_times(school_ids, period.start, period.end),
        edges=NOTIFY_EDGES, target=_NOTIFY_TARGET, unit="minutes",
        target_label=f"{_NOTIFY_TARGET} minutes",
    )
    return [per_month, acknowledgement, notification]


COMPLETION_CHART_TITLE = "Staff who have acknowledged the current social media policy"


def completion_chart(school_id: int, end: datetime.date, counts: Counts) -> charts.Chart:
    """The share acknowledged, month by month; withheld for a viewer of aggregates when
    fewer than five staff are in scope (each step would be one person)."""
    # Only a viewer of aggregates pays for the count (the head's page keeps its queries).
    if not counts.exact and counts.withholds(selectors.active_members([school_id], end).count()):
        return charts.line(COMPLETION_CHART_TITLE, [],
                           empty_summary="Not shown: fewer than five staff are in scope.")
    points = selectors.completion_over_time(school_id, end)
    return charts.line(
        COMPLETION_CHART_TITLE,
        [(_month_label(month), round(percent, 1)) for month, percent in points],
    )


def completion_rows(counts: Counts, figures: selectors.PolicyFigures) -> dict:
    """Acknowledgement by staff category, as ``counts`` shows it; the total is a total of the
    rows above it, so a suppressed row cannot be found by subtraction."""
    rows = [(row.label, counts.count(row.in_scope), counts.count(row.acknowledged),
             completion_rate(row, counts))
            for row in figures.completion]
    total = figures.total
    return {
        "figures": figures,
        "rows": rows,
        "total": (total.label, counts.total(r.in_scope for r in figures.completion),
                  counts.total(r.acknowledged for r in figures.completion),
                  completion_rate(total, counts)),
    }
