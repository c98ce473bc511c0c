"""The trust or local-authority view: each school's aggregates side by side, and in total.

Only counts, each through small-number suppression; no list behind any number.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from safepractice.cases.models import Route
from safepractice.registers.rules import unfinished_starter_counts
from safepractice.schools.models import School

from . import selectors
from .suppression import AGGREGATES_ONLY as COUNTS


@dataclass(frozen=True)
class Measure:
    key: str
    label: str


MEASURES = [
    Measure("staff", "Staff in scope"),
    Measure("acknowledged", "Acknowledged the current social media policy"),
    Measure("completion", "Acknowledgement rate"),
    Measure("review", "Social media policy review"),
    *(Measure(f"open:{route.value}", f"Open cases: {selectors.ROUTE_SHORT[route]}")
      for route in Route),
    Measure("open", "Open cases: all routes"),
    Measure("overdue_ack", "Cyberbullying reports not acknowledged in time"),
    Measure("overdue_notify", "Indecent-images cases with a notification missing"),
    Measure("awaiting_slt", "Declarations and exceptions awaiting SLT"),
    Measure("expiring", "Exceptions ending in the next 14 days"),
    Measure("in_force", "Declarations and exceptions in force"),
    Measure("starters", "New starters with unfinished checklists"),
]
ROUTE_KEYS = [f"open:{route.value}" for route in Route]
# "open" is the sum of the route rows shown above it: shown as a total of those parts.
COUNTED = {m.key for m in MEASURES} - {"completion", "review", "open"}


@dataclass(frozen=True)
class TrustTable:
    schools: list[School]
    measures: list[Measure]
    cells: dict[tuple[str, int], str]
    totals: dict[str, str]

    def rows(self) -> list[tuple[str, list[str], str]]:
        return [
            (m.label, [self.cells[(m.key, s.id)] for s in self.schools], self.totals[m.key])
            for m in self.measures
        ]


def _review_text(figures: selectors.PolicyFigures) -> str:
    if not figures.has_policy or figures.review is None:
        return "No policy recorded"
    return {"overdue": "Overdue", "due": "Due soon", "ok": "In date", "unset": "No date set"}[
        figures.review.status
    ]


def school_values(
    schools: list[School], now: datetime.datetime | None = None
) -> tuple[dict[int, dict[str, int]], dict[int, selectors.PolicyFigures]]:
    """True counts per school (never shown as they are: see ``table``)."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    ids = [s.id for s in schools]
    cases = selectors.case_figures(ids, now)
    registers = selectors.register_figures(ids, now)
    policies = selectors.policy_figures(ids, today)
    starters = unfinished_starter_counts(ids, today)
    values: dict[int, dict[str, int]] = {}
    for school_id in ids:
        c, r, p = cases[school_id], registers[school_id], policies[school_id]
        values[school_id] = {
            "staff": p.total.in_scope,
            "acknowledged": p.total.acknowledged,
            **{f"open:{route.value}": c.open_by_route.get(route.value, 0) for route in Route},
            "open": c.open_total,
            "overdue_ack": c.overdue_acknowledgements,
            "overdue_notify": c.overdue_notifications,
            "awaiting_slt": r.awaiting_slt,
            "expiring": r.expiring_soon,
            "in_force": r.declarations_in_force + r.contact_in_force + r.phone_in_force,
            "starters": starters[school_id],
        }
    return values, policies


def _rate(acknowledged: int, staff: int) -> str:
    if not staff:
        return "–"
    return COUNTS.derived(f"{round(100 * acknowledged / staff)}%", staff)


def table(schools: list[School], now: datetime.datetime | None = None) -> TrustTable:
    values, policies = school_values(schools, now)
    cells: dict[tuple[str, int], str] = {}
    for school in schools:
        v = values[school.id]
        for key in COUNTED:
            cells[(key, school.id)] = COUNTS.count(v[key])
        cells[("open", school.id)] = COUNTS.total(v[key] for key in ROUTE_KEYS)
        cells[("completion", school.id)] = _rate(v["acknowledged"], v["staff"])
        cells[("review", school.id)] = _review_text(policies[school.id])
    totals = {key: COUNTS.total(values[s.id][key] for s in schools) for key in COUNTED}
    totals["open"] = COUNTS.total(values[s.id][key] for s in schools for key in ROUTE_KEYS)
    all_staff = sum(values[s.id]["staff"] for s in schools)
    totals["completion"] = _rate(sum(values[s.id]["acknowledged"] for s in schools), all_staff)
    overdue = sum(1 for s in schools if policies[s.id].review
                  and policies[s.id].review.status == "overdue")
    totals["review"] = f"{overdue} of {len(schools)} overdue"
    return TrustTable(schools, MEASURES, cells, totals)
