"""The aggregates the head, the governors and the trust see: counts and times, never people.

Every function takes school ids and answers for all of them at once, grouped in the
database, so the trust view of twenty schools costs the same handful of queries as one
school's dashboard (the tests pin the query counts).
"""

import bisect
import datetime
import itertools
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import CharField, Count, Min, Q
from django.db.models.functions import Cast, TruncDate
from django.utils import timezone

from safepractice.cases import rules as case_rules
from safepractice.cases.models import Body, Case, Notification, NotificationKind, Route
from safepractice.cases.workingdays import is_working_day
from safepractice.policies.models import Acknowledgement, PolicyDocument, PolicyKind, PolicyVersion
from safepractice.policies.selectors import (
    CompletionRow,
    ReviewState,
    existing_on_filter,
    review_date_at,
    review_state,
    review_state_of,
)
from safepractice.registers import rules as register_rules
from safepractice.registers.models import (
    ContactDetailsException,
    Decision,
    PhoneOnDutyException,
    SocialContactDeclaration,
)
from safepractice.schools.models import Membership, StaffCategory
from safepractice.schools.rules import active_member_q

# (key, label, lower bound in days, upper bound in days or None)
AGE_BANDS = (
    ("week", "Under a week", 0, 7),
    ("month", "1 to 4 weeks", 7, 28),
    ("quarter", "1 to 3 months", 28, 91),
    ("older", "Over 3 months", 91, None),
)
ROUTES = list(Route)
ROUTE_SHORT = {
    Route.CYBERBULLYING: "Cyberbullying",
    Route.INDECENT_IMAGES: "Indecent images",
    Route.UNSUITABLE_MATERIAL: "Unsuitable material",
    Route.CONDUCT: "Conduct",
    Route.PUPIL_EXPOSURE: "Pupil exposure",
}


def _ids(school_ids: Iterable[int]) -> list[int]:
    return sorted(set(school_ids))


def local_midnight(day: datetime.date) -> datetime.datetime:
    """The first moment of ``day`` in the school's time zone."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def within(field_name: str, start: datetime.date, end: datetime.date) -> Q:
    """``field_name`` on a local day from ``start`` to ``end`` inclusive, as a range over the
    stored datetimes (an index can serve it; ``__date`` would convert every row first)."""
    after = local_midnight(end + datetime.timedelta(days=1))
    return Q(**{f"{field_name}__gte": local_midnight(start), f"{field_name}__lt": after})


# Cases --------------------------------------------------------------------------------------

@dataclass
class CaseFigures:
    open_by_route: dict[str, int] = field(default_factory=dict)
    open_by_route_age: dict[tuple[str, str], int] = field(default_factory=dict)
    overdue_acknowledgements: int = 0
    overdue_notifications: int = 0

    @property
    def open_total(self) -> int:
        return sum(self.open_by_route.values())


def age_band_filter(band: str, now: datetime.datetime) -> Q:
    """Cases raised within an age band (by ``raised_at`` alone: open or not is asked apart)."""
    _, _, low, high = next(b for b in AGE_BANDS if b[0] == band)
    condition = Q(raised_at__lte=now - datetime.timedelta(days=low))
    if high is not None:
        condition &= Q(raised_at__gt=now - datetime.timedelta(days=high))
    return condition


def open_case_filter(route: str | None = None, band: str | None = None, now=None) -> Q:
    """The open cases of a route and age band, as a filter the list behind a number reuses."""
    now = now or timezone.now()
    # ``is_open`` rather than the open states: it is the condition of the open-cases index.
    condition = Q(is_open=True)
    if route:
        condition &= Q(route=route)
    if band:
        condition &= age_band_filter(band, now)
    return condition


def case_figures(school_ids: Iterable[int], now=None) -> dict[int, CaseFigures]:
    """Open cases by route and age, and overdue counts, per school: one query, read from the
    open-cases index alone. Overdue is the cases app's rule (``cases/rules.py``)."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    bands = {key: Count("id", filter=age_band_filter(key, now)) for key, *_ in AGE_BANDS}
    rows = (
        Case.objects.filter(open_case_filter(now=now), school_id__in=_ids(school_ids))
        .values("school_id", "route")
        .annotate(
            total=Count("id"),
            overdue_ack=Count("id", filter=case_rules.acknowledgement_overdue_q(today)),
            overdue_notify=Count("id", filter=case_rules.notifications_overdue_q(now)),
            **bands,
        )
        .order_by()
    )
    figures: dict[int, CaseFigures] = {school_id: CaseFigures() for school_id in school_ids}
    for row in rows:
        school = figures[row["school_id"]]
        school.open_by_route[row["route"]] = row["total"]
        for key, *_ in AGE_BANDS:
            school.open_by_route_age[(row["route"], key)] = row[key]
        school.overdue_acknowledgements += row["overdue_ack"]
        school.overdue_notifications += row["overdue_notify"]
    return figures


def month_starts(end: datetime.date, months: int) -> list[datetime.date]:
    first = end.replace(day=1)
    starts = []
    for _ in range(months):
        starts.append(first)
        first = (first - datetime.timedelta(days=1)).replace(day=1)
    return starts[::-1]


def cases_per_month(
    school_ids: Iterable[int], start: datetime.date, end: datetime.date
) -> tuple[list[datetime.date], dict[str, list[int]]]:
    """Cases raised per calendar month and route between ``start`` and ``end`` (inclusive)."""
    months = []
    cursor = start.replace(day=1)
    while cursor <= end:
        months.append(cursor)
        cursor = (cursor + datetime.timedelta(days=32)).replace(day=1)
    # One filtered count per month, so the database does the grouping on every backend
    # (SQLite would otherwise call a Python function per row to truncate dates).
    bounds = [
        (max(month, start), min(end, (month + datetime.timedelta(days=32)).replace(day=1)
                                - datetime.timedelta(days=1)))
        for month in months
    ]
    rows = (
        Case.objects.filter(within("raised_at", start, end), school_id__in=_ids(school_ids))
        .values("route")
        .annotate(**{
            f"m{i}": Count("id", filter=within("raised_at", first, last))
            for i, (first, last) in enumerate(bounds)
        })
        .order_by()
    )
    counts = {route.value: [0] * len(months) for route in ROUTES}
    for row in rows:
        counts[row["route"]] = [row[f"m{i}"] for i in range(len(months))]
    return months, counts


def working_days_between(start: datetime.date, end: datetime.date) -> int:
    """Working days after ``start`` up to and including ``end`` (same day → 0)."""
    days, cursor = 0, start
    while cursor < end:
        cursor += datetime.timedelta(days=1)
        days += is_working_day(cursor)
    return days


def _working_day_numbers(first: datetime.date, last: datetime.date) -> dict[datetime.date, int]:
    """Each date's count of working days since ``first``: a difference of two is the number
    of working days between them, without walking the calendar once per case."""
    numbers, count, day = {}, 0, first
    while day <= last:
        count += is_working_day(day)
        numbers[day] = count
        day += datetime.timedelta(days=1)
    return numbers


def _datetime_rows(queryset, *fields: str) -> list[tuple[datetime.datetime | None, ...]]:
    """Rows of aware datetimes from ``fields``, read the cheap way for each database.

    PostgreSQL's driver hands back aware datetimes itself. On SQLite, the driver's converter
    and then Django's parse each value with a regular expression, which dominates a page at
    thousands of values; read as text instead, the stored ISO 8601 in UTC goes through
    ``fromisoformat``, in C.
    """
    if connection.vendor != "sqlite":
        return list(queryset.values_list(*fields))
    texts = queryset.annotate(
        **{f"_text{i}": Cast(name, CharField()) for i, name in enumerate(fields)}
    ).values_list(*(f"_text{i}" for i in range(len(fields))))
    return [
        tuple(None if text is None
              else datetime.datetime.fromisoformat(text).replace(tzinfo=datetime.UTC)
              for text in row)
        for row in texts
    ]


def _local_date_pairs(queryset, first: str, second: str
                      ) -> list[tuple[datetime.date, datetime.date]]:
    """Pairs of local dates of two datetime fields, read the cheap way for each database
    (PostgreSQL turns them into dates itself)."""
    if connection.vendor != "sqlite":
        return list(
            queryset.annotate(_a=TruncDate(first), _b=TruncDate(second)).values_list("_a", "_b")
        )
    zone = timezone.get_current_timezone()
    return [
        (a.astimezone(zone).date(), b.astimezone(zone).date())
        for a, b in _datetime_rows(queryset, first, second)
    ]


def _local_date_counts(queryset, field_name: str) -> dict[datetime.date, int]:
    """How many rows fall on each local date of a datetime field (PostgreSQL groups them
    itself; turning thousands of timestamps into Python objects costs more than that)."""
    if connection.vendor != "sqlite":
        return dict(
            queryset.annotate(_day=TruncDate(field_name)).values("_day")
            .annotate(_n=Count("pk")).values_list("_day", "_n").order_by()
        )
    zone = timezone.get_current_timezone()
    return Counter(at.astimezone(zone).date() for (at,) in _datetime_rows(queryset, field_name))


def acknowledgement_times(
    school_ids: Iterable[int], start: datetime.date, end: datetime.date,
    as_at: datetime.datetime | None = None,
) -> list[int]:
    """Working days from report to acknowledgement, for cyberbullying reports raised in range
    (and, ``as_at`` a past moment, acknowledged by then)."""
    acknowledged = Q(acknowledged_at__isnull=False)
    if as_at is not None:
        acknowledged &= Q(acknowledged_at__lt=as_at)
    dates = _local_date_pairs(
        Case.objects.filter(
            acknowledged,
            within("raised_at", start, end),
            school_id__in=_ids(school_ids),
            route=Route.CYBERBULLYING,
        ),
        "raised_at", "acknowledged_at",
    )
    if not dates:
        return []
    numbers = _working_day_numbers(min(r for r, _ in dates),
                                   max(max(r, a) for r, a in dates))
    return [max(0, numbers[acknowledged] - numbers[raised]) for raised, acknowledged in dates]


def notification_times(
    school_ids: Iterable[int], start: datetime.date, end: datetime.date,
    as_at: datetime.datetime | None = None,
) -> list[float]:
    """Minutes from raising an indecent-images case until both the police and the
    safeguarding unit had been notified, for cases raised in range that have both (by
    ``as_at``, a past moment, when given)."""
    told = Q(at__lt=as_at) if as_at is not None else Q()
    rows = (
        Notification.objects.filter(
            told,
            within("case__raised_at", start, end),
            case__school_id__in=_ids(school_ids),
            case__route=Route.INDECENT_IMAGES,
            kind=NotificationKind.NOTIFIED,
            body__in=[Body.POLICE, Body.SAFEGUARDING_UNIT],
        )
        .values("case_id", "case__raised_at", "body")
        .annotate(first=Min("at"))
        .order_by()
    )
    per_case: dict[int, dict] = defaultdict(dict)
    raised: dict[int, datetime.datetime] = {}
    for row in rows:
        per_case[row["case_id"]][row["body"]] = row["first"]
        raised[row["case_id"]] = row["case__raised_at"]
    return [
        max(0.0, (max(bodies.values()) - raised[case_id]).total_seconds() / 60)
        for case_id, bodies in per_case.items()
        if len(bodies) == 2
    ]


@dataclass(frozen=True)
class RouteSummary:
    route: str
    label: str
    raised: int
    closed: int
    median_days_to_close: float | None


def route_summaries(
    school_ids: Iterable[int], start: datetime.date, end: datetime.date
) -> list[RouteSummary]:
    """Per route: cases raised in range, how many of them were closed by the end of ``end``,
    and their median days to close (as at that day: a case closed later is still open)."""
    closed_by = end_of(end)
    rows = Case.objects.filter(
        within("raised_at", start, end), school_id__in=_ids(school_ids)
    ).values_list("route", "raised_at", "closed_at")
    raised: dict[str, int] = defaultdict(int)
    durations: dict[str, list[float]] = defaultdict(list)
    for route, raised_at, closed_at in rows:
        raised[route] += 1
        if closed_at is not None and closed_at < closed_by:
            durations[route].append((closed_at - raised_at).total_seconds() / 86400)
    return [
        RouteSummary(
            route.value, ROUTE_SHORT[route], raised[route.value], len(durations[route.value]),
            statistics.median(durations[route.value]) if durations[route.value] else None,
        )
        for route in ROUTES
    ]


# Declarations and exceptions ----------------------------------------------------------------

@dataclass
class RegisterFigures:
    declarations_awaiting: int = 0
    contact_awaiting: int = 0
    phone_awaiting: int = 0
    contact_expiring: int = 0
    phone_expiring: int = 0
    declarations_in_force: int = 0
    contact_in_force: int = 0
    phone_in_force: int = 0

    @property
    def awaiting_slt(self) -> int:
        return self.declarations_awaiting + self.contact_awaiting + self.phone_awaiting

    @property
    def expiring_soon(self) -> int:
        return self.contact_expiring + self.phone_expiring


def declaration_awaiting_filter() -> Q:
    return Q(acknowledged_at__isnull=True, withdrawn_at__isnull=True)


def register_figures(school_ids: Iterable[int], now=None) -> dict[int, RegisterFigures]:
    """Declarations and exceptions awaiting SLT, expiring soon and in force: three queries,
    with the registers app's rules (``registers/rules.py``)."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    ids = _ids(school_ids)
    figures = {school_id: RegisterFigures() for school_id in school_ids}
    declarations = (
        SocialContactDeclaration.objects.filter(school_id__in=ids, withdrawn_at__isnull=True)
        .values("school_id")
        .annotate(
            awaiting=Count("id", filter=declaration_awaiting_filter()),
            in_force=Count("id", filter=Q(acknowledged_at__isnull=False)),
        )
        .order_by()
    )
    for row in declarations:
        figures[row["school_id"]].declarations_awaiting = row["awaiting"]
        figures[row["school_id"]].declarations_in_force = row["in_force"]
    contacts = (
        ContactDetailsException.objects.filter(school_id__in=ids, ended_at__isnull=True)
        .values("school_id")
        .annotate(
            awaiting=Count(
                "id", filter=register_rules.contact_exception_awaiting_agreement_q(today)
            ),
            active=Count("id", filter=register_rules.contact_exception_active_q(today)),
            expiring=Count("id", filter=register_rules.contact_exception_ending_soon_q(today)),
        )
        .order_by()
    )
    for row in contacts:
        school = figures[row["school_id"]]
        school.contact_awaiting = row["awaiting"]
        school.contact_in_force = row["active"]
        school.contact_expiring = row["expiring"]
    phones = (
        PhoneOnDutyException.objects.filter(school_id__in=ids, ends_at__gt=now)
        .values("school_id")
        .annotate(
            awaiting=Count("id", filter=register_rules.phone_exception_awaiting_decision_q(now)),
            active=Count("id", filter=register_rules.phone_exception_active_q(now)),
            expiring=Count("id", filter=register_rules.phone_exception_ending_soon_q(now)),
        )
        .order_by()
    )
    for row in phones:
        school = figures[row["school_id"]]
        school.phone_awaiting = row["awaiting"]
        school.phone_in_force = row["active"]
        school.phone_expiring = row["expiring"]
    return figures


# Policies -----------------------------------------------------------------------------------

@dataclass
class PolicyFigures:
    has_policy: bool = False
    version_number: int | None = None
    review: ReviewState | None = None
    completion: list[CompletionRow] = field(default_factory=list)

    @property
    def total(self) -> CompletionRow:
        return CompletionRow(
            "all", "Everyone",
            sum(row.in_scope for row in self.completion),
            sum(row.acknowledged for row in self.completion),
        )


def current_social_media_versions(school_ids: Sequence[int]) -> dict[int, PolicyVersion]:
    """The newest version of each school's social media policy (one query)."""
    versions = (
        PolicyVersion.objects.filter(
            document__school_id__in=school_ids, document__kind=PolicyKind.SOCIAL_MEDIA
        )
        .select_related("document")
        .order_by("document__school_id", "document_id", "-number")
    )
    current: dict[int, PolicyVersion] = {}
    for version in versions.only("id", "number", "created_at", "document__school_id",
                                 "document__review_on", "document__title"):
        current.setdefault(version.document.school_id, version)
    return current


def active_members(school_ids: Sequence[int], today: datetime.date):
    return Membership.objects.filter(active_member_q(today), school_id__in=school_ids)


def policy_figures(school_ids: Iterable[int], today=None) -> dict[int, PolicyFigures]:
    """Per school: the social media policy's review state and acknowledgement of its current
    version by staff category (three queries)."""
    today = today or timezone.localdate()
    ids = _ids(school_ids)
    figures = {school_id: PolicyFigures() for school_id in school_ids}
    documents = PolicyDocument.objects.filter(school_id__in=ids, kind=PolicyKind.SOCIAL_MEDIA)
    for document in documents.only("id", "school_id", "review_on"):
        figures[document.school_id].has_policy = True
        figures[document.school_id].review = review_state(document, today)
    versions = current_social_media_versions(ids)
    for school_id, version in versions.items():
        figures[school_id].version_number = version.number
    labels = dict(StaffCategory.choices)
    rows = (
        active_members(ids, today)
        .values("school_id", "staff_category")
        .annotate(
            total=Count("id", distinct=True),
            done=Count(
                "policy_acknowledgements",
                filter=Q(policy_acknowledgements__version_id__in=[v.id for v in versions.values()]),
                distinct=True,
            ),
        )
        .order_by()
    )
    by_school: dict[int, dict[str, tuple[int, int]]] = defaultdict(dict)
    for row in rows:
        by_school[row["school_id"]][row["staff_category"]] = (row["total"], row["done"])
    for school_id in ids:
        counts = by_school.get(school_id, {})
        figures[school_id].completion = [
            CompletionRow(value, labels[value], *counts[value])
            for value, _ in StaffCategory.choices
            if value in counts
        ]
    return figures


def policy_reviews(school_id: int, today=None) -> list[tuple[PolicyDocument, ReviewState]]:
    """Every policy of the school with its review state (the related policies included)."""
    today = today or timezone.localdate()
    documents = PolicyDocument.objects.filter(school_id=school_id).order_by("kind", "title")
    return [(document, review_state(document, today)) for document in documents]


def completion_over_time(
    school_id: int, end: datetime.date, months: int = 12, *,
    version: PolicyVersion | None = None, members=None,
) -> list[tuple[datetime.date, float]]:
    """Share of current staff who had acknowledged the current social media policy version
    by the end of each month since the version was issued (at most ``months`` points).
    ``version`` and ``members`` replace "current" for a past day (``completion_at_month_ends``).
    """
    version = version or current_social_media_versions([school_id]).get(school_id)
    if version is None:
        return []
    members = active_members([school_id], end) if members is None else members
    staff = members.count()
    if not staff:
        return []
    issued = timezone.localdate(version.created_at)
    starts = [m for m in month_starts(end, months) if m >= issued.replace(day=1)]
    # Cumulative counts by the end of each month, from the acknowledgements per day (a filtered
    # COUNT per month took longer for Django to build than for the database to run).
    per_day = sorted(_local_date_counts(
        Acknowledgement.objects.filter(
            version=version, membership__in=members,
            acknowledged_at__gte=local_midnight(issued), acknowledged_at__lt=end_of(end),
        ),
        "acknowledged_at",
    ).items())
    days = [day for day, _ in per_day]
    running = list(itertools.accumulate(count for _, count in per_day))
    points = []
    for start in starts:
        following = (start + datetime.timedelta(days=32)).replace(day=1)
        upto = bisect.bisect_left(days, following)
        points.append((start, 100 * (running[upto - 1] if upto else 0) / staff))
    return points


# As at a past moment (the governors' report) ------------------------------------------------
#
# The report for a term gives every figure as it stood at the end of the term's last day,
# however long after it is made: what happened since (a case closed, a declaration
# acknowledged, a review date moved, a new version issued) is not counted. Each filter below
# is the history-aware twin of the "now" filter above it in this module, and a test holds
# each pair to the same answer at the present moment.

def end_of(day: datetime.date) -> datetime.datetime:
    """The moment a local day ends: the first moment of the next."""
    return local_midnight(day + datetime.timedelta(days=1))


def open_at_filter(moment: datetime.datetime) -> Q:
    """Cases raised before ``moment`` and not closed by then (twin of ``open_case_filter``)."""
    return Q(raised_at__lt=moment) & (
        Q(closed_at__gte=moment) | Q(closed_at__isnull=True, is_open=True)
    )


def open_at(school_ids: Iterable[int], moment: datetime.datetime) -> dict[int, dict[str, int]]:
    """Per school, the cases of each route open at ``moment``."""
    counts: dict[int, dict[str, int]] = {school_id: {} for school_id in school_ids}
    rows = (
        Case.objects.filter(open_at_filter(moment), school_id__in=_ids(school_ids))
        .values("school_id", "route").annotate(n=Count("id")).order_by()
    )
    for row in rows:
        counts[row["school_id"]][row["route"]] = row["n"]
    return counts


def declaration_awaiting_at_filter(moment: datetime.datetime) -> Q:
    return Q(declared_at__lt=moment) & (
        Q(acknowledged_at__isnull=True) | Q(acknowledged_at__gte=moment)
    ) & (Q(withdrawn_at__isnull=True) | Q(withdrawn_at__gte=moment))


def declaration_in_force_at_filter(moment: datetime.datetime) -> Q:
    return Q(acknowledged_at__lt=moment) & (
        Q(withdrawn_at__isnull=True) | Q(withdrawn_at__gte=moment)
    )


def _not_ended_at(moment: datetime.datetime) -> Q:
    return Q(ended_at__isnull=True) | Q(ended_at__gte=moment)


def contact_awaiting_at_filter(moment: datetime.datetime) -> Q:
    day = timezone.localdate(moment - datetime.timedelta(microseconds=1))
    agreed = Q(senior_agreed_at__lt=moment, parent_agreed_on__lte=day)
    return Q(requested_at__lt=moment, ends_on__gte=day) & _not_ended_at(moment) & ~agreed


def contact_active_at_filter(moment: datetime.datetime) -> Q:
    day = timezone.localdate(moment - datetime.timedelta(microseconds=1))
    return Q(senior_agreed_at__lt=moment, parent_agreed_on__lte=day, starts_on__lte=day,
             ends_on__gte=day) & _not_ended_at(moment)


def phone_awaiting_at_filter(moment: datetime.datetime) -> Q:
    undecided = Q(decision=Decision.PENDING) | Q(decided_at__gte=moment)
    return Q(requested_at__lt=moment, ends_at__gt=moment) & undecided


def phone_active_at_filter(moment: datetime.datetime) -> Q:
    # An agreement without its time (made before decisions were timed) counts as made.
    decided = Q(decided_at__lt=moment) | Q(decided_at__isnull=True)
    return Q(decision=Decision.AGREED, starts_at__lte=moment, ends_at__gt=moment) & decided


def register_figures_at(school_ids: Iterable[int],
                        moment: datetime.datetime) -> dict[int, RegisterFigures]:
    """Declarations and exceptions awaiting SLT and in force at ``moment``: three queries."""
    ids = _ids(school_ids)
    figures = {school_id: RegisterFigures() for school_id in school_ids}
    declarations = (
        SocialContactDeclaration.objects.filter(school_id__in=ids, declared_at__lt=moment)
        .values("school_id")
        .annotate(awaiting=Count("id", filter=declaration_awaiting_at_filter(moment)),
                  in_force=Count("id", filter=declaration_in_force_at_filter(moment)))
        .order_by()
    )
    for row in declarations:
        figures[row["school_id"]].declarations_awaiting = row["awaiting"]
        figures[row["school_id"]].declarations_in_force = row["in_force"]
    contacts = (
        ContactDetailsException.objects.filter(school_id__in=ids, requested_at__lt=moment)
        .values("school_id")
        .annotate(awaiting=Count("id", filter=contact_awaiting_at_filter(moment)),
                  active=Count("id", filter=contact_active_at_filter(moment)))
        .order_by()
    )
    for row in contacts:
        figures[row["school_id"]].contact_awaiting = row["awaiting"]
        figures[row["school_id"]].contact_in_force = row["active"]
    phones = (
        PhoneOnDutyException.objects.filter(school_id__in=ids, requested_at__lt=moment)
        .values("school_id")
        .annotate(awaiting=Count("id", filter=phone_awaiting_at_filter(moment)),
                  active=Count("id", filter=phone_active_at_filter(moment)))
        .order_by()
    )
    for row in phones:
        figures[row["school_id"]].phone_awaiting = row["awaiting"]
        figures[row["school_id"]].phone_in_force = row["active"]
    return figures


def in_scope_at(school_id: int, day: datetime.date):
    """Everyone in the policy's scope on ``day``: started by then and not yet left."""
    return active_members([school_id], day).filter(started_on__lte=day)


def version_at(school_id: int, moment: datetime.datetime) -> PolicyVersion | None:
    """The social media policy's current version at ``moment``: the newest issued by then."""
    return (
        PolicyVersion.objects.filter(document__school_id=school_id,
                                     document__kind=PolicyKind.SOCIAL_MEDIA,
                                     created_at__lt=moment)
        .select_related("document").order_by("-created_at", "-number").first()
    )


def policy_figures_at(school_id: int, day: datetime.date) -> PolicyFigures:
    """The social media policy at the end of ``day``: its review state by the review date it
    had then, and acknowledgement of the version current then, by the staff in scope then,
    counting only acknowledgements made by then."""
    moment = end_of(day)
    figures = PolicyFigures()
    document = (PolicyDocument.objects.filter(existing_on_filter(day), school_id=school_id,
                                              kind=PolicyKind.SOCIAL_MEDIA)
                .prefetch_related("review_date_changes").first())
    if document is None:
        return figures
    figures.has_policy = True
    figures.review = review_state_of(review_date_at(document, moment), day)
    version = version_at(school_id, moment)
    if version is None:
        return figures
    figures.version_number = version.number
    labels = dict(StaffCategory.choices)
    rows = (
        in_scope_at(school_id, day).values("staff_category")
        .annotate(total=Count("id", distinct=True),
                  done=Count("policy_acknowledgements",
                             filter=Q(policy_acknowledgements__version=version,
                                      policy_acknowledgements__acknowledged_at__lt=moment),
                             distinct=True))
        .order_by()
    )
    counts = {row["staff_category"]: (row["total"], row["done"]) for row in rows}
    figures.completion = [CompletionRow(value, labels[value], *counts[value])
                          for value, _ in StaffCategory.choices if value in counts]
    return figures


def policy_reviews_at(school_id: int, day: datetime.date
                      ) -> list[tuple[PolicyDocument, ReviewState]]:
    """Every policy the school had at the end of ``day``, with the review date it had then
    and that date's state on ``day``."""
    moment = end_of(day)
    documents = (PolicyDocument.objects.filter(existing_on_filter(day), school_id=school_id)
                 .prefetch_related("review_date_changes").order_by("kind", "title"))
    return [(document, review_state_of(review_date_at(document, moment), day))
            for document in documents]


def completion_at_month_ends(school_id: int, day: datetime.date, months: int = 12
                             ) -> list[tuple[datetime.date, float]]:
    """``completion_over_time`` as at the end of ``day``: the version current then and the
    staff in scope then."""
    moment = end_of(day)
    version = version_at(school_id, moment)
    if version is None:
        return []
    return completion_over_time(school_id, day, months, version=version,
                                members=in_scope_at(school_id, day))
