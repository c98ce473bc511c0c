"""The lists behind the dashboard's numbers: which cases, which exceptions.

Each list reuses the very filter its number was counted with (``selectors``, and for overdue
cases the cases app's ``cases/rules.py``), so a count and its list cannot disagree. Cases are
listed by reference, route, state and dates only: what happened stays inside the case, behind
the cases app's own need-to-know rules.
"""

import datetime
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.http import QueryDict
from django.utils import timezone

from safepractice.cases import rules as case_rules
from safepractice.cases.models import Case, Route
from safepractice.cases.workflow import state_label
from safepractice.registers import rules as register_rules
from safepractice.registers.models import ContactDetailsException, PhoneOnDutyException
from safepractice.schools.models import Membership
from safepractice.web.formatting import count_text

from . import selectors
from .errors import FilterRefused
from .links import url_or_none

PAGE_SIZE = 50


@dataclass(frozen=True)
class Row:
    # Dates stay dates: the page writes them in the house style, the CSV in ISO 8601
    # (web/formatting.py).
    cells: list[object]
    url: str | None = None


@dataclass(frozen=True)
class OversightList:
    name: str
    title: str
    columns: list[str]
    rows: Callable[[Membership, QueryDict, datetime.datetime], "QuerySet | list"]
    render: Callable[[object, Membership, datetime.datetime], Row]
    explanation: str = ""


def _case_filter(params: QueryDict, now: datetime.datetime) -> Q:
    route = params.get("route") or None
    band = params.get("band") or None
    if route and route not in Route.values:
        raise FilterRefused(f"There is no route called {route!r}.")
    if band and band not in {key for key, *_ in selectors.AGE_BANDS}:
        raise FilterRefused(f"There is no age band called {band!r}.")
    return selectors.open_case_filter(route, band, now)


def _cases(condition: Q, membership: Membership) -> QuerySet[Case]:
    return (
        Case.objects.filter(condition, school=membership.school)
        .only("id", "route", "state", "raised_at", "acknowledgement_due_on", "school_id")
        .order_by("raised_at", "id")
    )


def _case_row(case: Case, membership: Membership, now: datetime.datetime) -> Row:
    age = (now - case.raised_at).days
    return Row(
        [
            case.reference,
            selectors.ROUTE_SHORT[Route(case.route)],
            state_label(case.route, case.state),
            case.raised_at,
            count_text(age, "day"),
        ],
        url_or_none("cases:detail", membership.school.slug, case.pk),
    )


def _overdue_ack_row(case: Case, membership: Membership, now: datetime.datetime) -> Row:
    row = _case_row(case, membership, now)
    due = case.acknowledgement_due_on
    late = selectors.working_days_between(due, timezone.localdate(now)) if due else 0
    return Row([*row.cells[:4], due or "", f"{late}"], row.url)


def _overdue_notify_row(case: Case, membership: Membership, now: datetime.datetime) -> Row:
    row = _case_row(case, membership, now)
    minutes = case_rules.minutes_since_raised(case, now)
    return Row([*row.cells[:4], f"{minutes}"], row.url)


@dataclass(frozen=True)
class Expiring:
    kind: str
    person: str
    ends: datetime.date | datetime.datetime
    url: str | None


def _expiring(membership: Membership, _params: QueryDict, now: datetime.datetime) -> list:
    today = timezone.localdate(now)
    slug = membership.school.slug
    contacts = (
        ContactDetailsException.objects.filter(
            register_rules.contact_exception_ending_soon_q(today), school=membership.school
        ).select_related("membership__user").order_by("ends_on")
    )
    phones = (
        PhoneOnDutyException.objects.filter(
            register_rules.phone_exception_ending_soon_q(now), school=membership.school
        ).select_related("membership__user").order_by("ends_at")
    )
    return [
        *(Expiring("Contact details given to a pupil or parent", c.membership.user.full_name,
                   c.ends_on, url_or_none("registers:contact", slug, c.pk))
          for c in contacts),
        *(Expiring("Phone on while on duty", p.membership.user.full_name,
                   p.ends_at,
                   url_or_none("registers:phone", slug, p.pk))
          for p in phones),
    ]


CASE_COLUMNS = ["Reference", "Route", "State", "Raised", "Open for"]

LISTS: dict[str, OversightList] = {
    entry.name: entry
    for entry in (
        OversightList(
            "open-cases", "Open cases", CASE_COLUMNS,
            lambda m, params, now: _cases(_case_filter(params, now), m),
            _case_row,
        ),
        OversightList(
            "overdue-acknowledgements", "Cyberbullying reports not acknowledged in time",
            ["Reference", "Route", "State", "Raised", "Acknowledgement due",
             "Working days overdue"],
            lambda m, params, now: _cases(
                case_rules.acknowledgement_overdue_q(timezone.localdate(now)), m),
            _overdue_ack_row,
            "Reports still waiting for acknowledgement after the working days the school allows.",
        ),
        OversightList(
            "overdue-notifications", "Indecent-images cases with a notification missing",
            ["Reference", "Route", "State", "Raised", "Minutes since raised"],
            lambda m, params, now: _cases(case_rules.notifications_overdue_q(now), m),
            _overdue_notify_row,
            "The police and the safeguarding unit must both be told at once; these cases "
            "passed the hour without both notifications recorded.",
        ),
        OversightList(
            "expiring-exceptions", "Exceptions ending in the next 14 days",
            ["Exception", "Member of staff", "Ends"],
            _expiring,
            lambda item, m, now: Row([item.kind, item.person, item.ends], item.url),
        ),
    )
}


def all_rows(entry: OversightList, membership: Membership, params: QueryDict,
             now: datetime.datetime) -> Iterator[Row]:
    items = entry.rows(membership, params, now)
    if isinstance(items, QuerySet):
        items = items.iterator(chunk_size=2000)
    for item in items:
        yield entry.render(item, membership, now)
