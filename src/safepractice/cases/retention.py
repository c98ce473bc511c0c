"""How long each route's records are kept, when they come up for review, and disposal.

Defaults follow the IRMS Information Management Toolkit for Schools (records retention
schedule). A school may override the years with ``settings.CASES_RETENTION_YEARS``.
Nothing is deleted automatically: a scheduled task lists records due for review, and the head
disposes of one deliberately, naming a reason; disposal is audited and leaves a tombstone.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from safepractice.audit.actions import CASE_DISPOSED
from safepractice.audit.services import record
from safepractice.errors import ApplicationError
from safepractice.schools.models import Membership, Role

from . import vault
from .models import (
    Case,
    CaseEvent,
    DisposedCase,
    EvidenceItem,
    IntegrityFlag,
    Route,
    _disposal_in_progress,
)


@dataclass(frozen=True)
class RetentionRule:
    years: int
    counted_from: str  # "raised" or "closed"
    basis: str


DEFAULT_RULES: dict[str, RetentionRule] = {
    Route.CYBERBULLYING: RetentionRule(
        6, "closed",
        "IRMS: staff grievance and welfare records: conclusion + 6 years.",
    ),
    Route.INDECENT_IMAGES: RetentionRule(
        10, "raised",
        "IRMS: allegations of a child protection nature: until normal pension age of the "
        "person concerned or 10 years from the allegation, whichever is longer.",
    ),
    Route.UNSUITABLE_MATERIAL: RetentionRule(
        10, "raised",
        "IRMS: allegations about a member of staff: until their normal pension age or 10 "
        "years from the allegation, whichever is longer (check pension age at review).",
    ),
    Route.CONDUCT: RetentionRule(
        6, "closed",
        "IRMS: disciplinary proceedings: warnings expire after 6-18 months; the case file is "
        "kept 6 years after it concludes (allegations of a child protection nature: see "
        "route 3).",
    ),
    Route.PUPIL_EXPOSURE: RetentionRule(
        25, "raised",
        "IRMS: child protection incidents involving pupils: date of birth of the pupil + 25 "
        "years; pupils are not named here, so 25 years from the incident (always later).",
    ),
}


def rule_for(route: str) -> RetentionRule:
    default = DEFAULT_RULES[Route(route)]
    overrides = getattr(settings, "CASES_RETENTION_YEARS", {}) or {}
    if route in overrides:
        return RetentionRule(int(overrides[route]), default.counted_from, default.basis)
    return default


def _add_years(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def review_date(case: Case) -> datetime.date | None:
    """When the record comes up for review, or None while the clock has not started."""
    rule = rule_for(case.route)
    start = case.raised_at if rule.counted_from == "raised" else case.closed_at
    if start is None:
        return None
    return _add_years(timezone.localdate(start), rule.years)


def due_for_review(school, today: datetime.date | None = None):
    today = today or timezone.localdate()
    return Case.objects.filter(
        school=school, state="closed", review_on__isnull=False, review_on__lte=today
    ).order_by("review_on")


class DisposalRefused(ApplicationError):
    """A disposal refused (not due, not confirmed, not the head); the message says which."""


def dispose(case: Case, actor: Membership, reason: str, confirm_reference: str) -> DisposedCase:
    """Destroy a closed case due for review: its files, rows and chronology. Head only."""
    if not actor.has_role(Role.HEAD_TEACHER) or actor.school_id != case.school_id:
        raise DisposalRefused("Only the head teacher of the school can dispose of a record.")
    if confirm_reference.strip() != case.reference:
        raise DisposalRefused(f"Type the reference {case.reference} to confirm.")
    if not reason.strip():
        raise DisposalRefused("Give the reason for disposal (e.g. retention period ended).")
    if case.state != "closed" or case.review_on is None or case.review_on > timezone.localdate():
        raise DisposalRefused("Only a closed case that is due for review can be disposed of.")
    paths = []
    with transaction.atomic():
        items = list(EvidenceItem.objects.filter(case=case))
        paths = [vault.path_for(case.school_id, item.stored_name) for item in items]
        tombstone = DisposedCase.objects.create(
            school=case.school, reference=case.reference, route=case.route,
            raised_on=timezone.localdate(case.raised_at),
            closed_on=timezone.localdate(case.closed_at) if case.closed_at else None,
            review_on=case.review_on, evidence_items=len(items), disposed_by=actor,
            reason=reason.strip(),
        )
        token = _disposal_in_progress.set(True)
        try:
            IntegrityFlag.objects.filter(item__case=case).delete()
            EvidenceItem.objects.filter(case=case).delete()
            CaseEvent.objects.filter(case=case).delete()
            case.delete()
        finally:
            _disposal_in_progress.reset(token)
        record(CASE_DISPOSED, actor=actor.user, school=case.school, target=tombstone,
               reference=tombstone.reference, route=tombstone.route,
               evidence_items=tombstone.evidence_items)
        transaction.on_commit(lambda: vault.discard(*paths))
    return tombstone
