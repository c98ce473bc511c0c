"""Reads for the registers: statuses, queues for senior staff, counts, the new-starter
checklist. Counts live here so the oversight dashboards can reuse them."""

import datetime
import importlib
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils import timezone

from safepractice.schools.models import Membership, School
from safepractice.schools.rules import active_member_q

from . import rules
from .models import (
    ContactDetailsException,
    Device,
    PhoneOnDutyException,
    ProfessionalJudgementNotice,
    RegisterEvent,
    SocialContactDeclaration,
    StarterChecklist,
)


def school_year_start(today: datetime.date | None = None) -> datetime.date:
    """1 September of the current school year."""
    today = today or timezone.localdate()
    year = today.year if today.month >= 9 else today.year - 1
    return datetime.date(year, 9, 1)


def _start_of_school_year_at(today: datetime.date | None) -> datetime.datetime:
    start = school_year_start(today)
    return timezone.make_aware(datetime.datetime(start.year, start.month, start.day))


def declaration_status(declaration: SocialContactDeclaration, today=None) -> str:
    if declaration.withdrawn_at:
        return "withdrawn"
    if declaration.acknowledged_at is None:
        return "awaiting acknowledgement"
    if declaration.confirmed_at < _start_of_school_year_at(today):
        return "reconfirmation due"
    return "acknowledged"


def declarations_awaiting_acknowledgement(school: School) -> QuerySet[SocialContactDeclaration]:
    return SocialContactDeclaration.objects.filter(
        school=school, acknowledged_at__isnull=True, withdrawn_at__isnull=True
    ).select_related("membership__user")


def declarations_due_reconfirmation(
    school: School, today: datetime.date | None = None
) -> QuerySet[SocialContactDeclaration]:
    return SocialContactDeclaration.objects.filter(
        school=school, withdrawn_at__isnull=True,
        confirmed_at__lt=_start_of_school_year_at(today),
    ).select_related("membership__user")


def contact_exceptions_awaiting_agreement(school: School) -> QuerySet[ContactDetailsException]:
    return ContactDetailsException.objects.filter(
        rules.contact_exception_awaiting_agreement_q(), school=school
    )


def phone_exceptions_pending(school: School) -> QuerySet[PhoneOnDutyException]:
    return PhoneOnDutyException.objects.filter(
        rules.phone_exception_awaiting_decision_q(), school=school
    ).select_related("membership__user")


def notices_awaiting_response(school: School) -> QuerySet[ProfessionalJudgementNotice]:
    return ProfessionalJudgementNotice.objects.filter(
        school=school, responded_at__isnull=True
    ).select_related("membership__user")


def current_devices(membership: Membership) -> QuerySet[Device]:
    return Device.objects.filter(membership=membership, retired_at__isnull=True)


def find_devices(school: School, query: str) -> QuerySet[Device]:
    """For the head, when a phone is lost or stolen: by IMEI digits or owner's name."""
    digits = "".join(char for char in query if char.isdigit())
    matches = Q(membership__user__full_name__icontains=query.strip())
    if len(digits) >= 4:
        matches |= Q(imei__contains=digits)
    return Device.objects.filter(school=school).filter(matches).select_related(
        "membership__user")


def history(item) -> QuerySet[RegisterEvent]:
    return RegisterEvent.objects.filter(
        school=item.school, record_type=item._meta.model_name, record_id=item.pk
    ).select_related("actor__user")


# New-starter checklist -----------------------------------------------------------------------

def completed_review_dates(membership: Membership) -> list[datetime.date] | None:
    """Dates of the person's completed self-reviews, or None when the reviews app is absent."""
    try:
        reviews = importlib.import_module("safepractice.reviews.selectors")
    except ModuleNotFoundError:
        return None
    reader = getattr(reviews, "completed_review_dates", None)
    return list(reader(membership)) if reader else None


@dataclass(frozen=True)
class ChecklistStep:
    key: str
    label: str
    done: bool


@dataclass(frozen=True)
class StarterProgress:
    membership: Membership
    steps: list[ChecklistStep]
    self_review_available: bool

    @property
    def complete(self) -> bool:
        return all(step.done for step in self.steps)

    @property
    def done_count(self) -> int:
        return sum(step.done for step in self.steps)


def starter_progress(membership: Membership) -> StarterProgress:
    # Lazy: policies' selectors import registers'; at call time the two load in either order.
    from safepractice.policies.selectors import policies_to_acknowledge

    checklist = StarterChecklist.objects.filter(membership=membership).first()
    review_dates = completed_review_dates(membership)
    guided = set(checklist.guided_review_done) if checklist else set()
    reviewed = (bool(review_dates) if review_dates is not None else False) or guided >= {
        key for key, _ in rules.GUIDED_REVIEW_STEPS}
    declared = (
        SocialContactDeclaration.objects.filter(membership=membership).exists()
        or bool(checklist and checklist.nothing_to_declare_at)
    )
    steps = [
        ChecklistStep("policy", "Read and acknowledge the social media policy",
                      not policies_to_acknowledge(membership)),
        ChecklistStep("review", "Review your own social media", reviewed),
        ChecklistStep("device", "Record your phone's make, model and IMEI",
                      current_devices(membership).exists()),
        ChecklistStep("declarations", "Make any declarations (or confirm you have none)",
                      declared),
    ]
    return StarterProgress(membership, steps, review_dates is not None)


def new_starters(school: School, today: datetime.date | None = None) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(rules.new_starter_q(today), active_member_q(today), school=school)
        .select_related("user", "school")
        .order_by("started_on")
    )


def unfinished_starters(school: School, today=None) -> list[StarterProgress]:
    progress = [starter_progress(m) for m in new_starters(school, today)]
    return [p for p in progress if not p.complete]
