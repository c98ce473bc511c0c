"""Reads for the registers: statuses, queues for senior staff, counts, the new-starter
checklist. Counts live here so the oversight dashboards can reuse them."""

import datetime
import importlib
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils import timezone

from safepractice.schools.models import Membership, School
from safepractice.schools.rules import active_member_q

from .models import (
    ContactDetailsException,
    Decision,
    Device,
    PhoneOnDutyException,
    ProfessionalJudgementNotice,
    RegisterEvent,
    SocialContactDeclaration,
    StarterChecklist,
)

NEW_STARTER_DAYS = 90
ENDING_SOON_DAYS = 14
GUIDED_REVIEW_STEPS = [
    ("privacy", "My accounts' privacy settings are set so pupils and parents cannot see my "
                "personal posts, photos or friends."),
    ("job-fields", "My profiles do not name the school or my job title in workplace fields."),
    ("pupils", "No current pupils (and no past pupils under 18) are among my friends or "
               "followers."),
    ("photos", "No photos of pupils, or of me that would embarrass the school, are visible."),
]


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
        school=school, ended_at__isnull=True, ends_on__gte=timezone.localdate()
    ).filter(Q(senior_agreed_at__isnull=True) | Q(parent_agreed_on__isnull=True))


def active_contact_exceptions(
    school: School, today: datetime.date | None = None
) -> QuerySet[ContactDetailsException]:
    today = today or timezone.localdate()
    return ContactDetailsException.objects.filter(
        school=school, ended_at__isnull=True, senior_agreed_at__isnull=False,
        parent_agreed_on__isnull=False, starts_on__lte=today, ends_on__gte=today,
    )


def phone_exceptions_pending(school: School) -> QuerySet[PhoneOnDutyException]:
    return PhoneOnDutyException.objects.filter(
        school=school, decision=Decision.PENDING, ends_at__gt=timezone.now()
    ).select_related("membership__user")


def active_phone_exceptions(
    school: School, now: datetime.datetime | None = None
) -> QuerySet[PhoneOnDutyException]:
    now = now or timezone.now()
    return PhoneOnDutyException.objects.filter(
        school=school, decision=Decision.AGREED, starts_at__lte=now, ends_at__gt=now
    )


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


def register_counts(school: School, today: datetime.date | None = None) -> dict[str, int]:
    """Aggregates for the head and the oversight dashboards (no personal data)."""
    return {
        "declarations_awaiting_acknowledgement":
            declarations_awaiting_acknowledgement(school).count(),
        "declarations_due_reconfirmation": declarations_due_reconfirmation(school, today).count(),
        "declarations_current": SocialContactDeclaration.objects.filter(
            school=school, withdrawn_at__isnull=True).count(),
        "contact_exceptions_awaiting_agreement":
            contact_exceptions_awaiting_agreement(school).count(),
        "contact_exceptions_active": active_contact_exceptions(school, today).count(),
        "phone_exceptions_pending": phone_exceptions_pending(school).count(),
        "phone_exceptions_active": active_phone_exceptions(school).count(),
        "devices_recorded": Device.objects.filter(
            school=school, retired_at__isnull=True).count(),
        "notices_awaiting_response": notices_awaiting_response(school).count(),
    }


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
    from safepractice.policies.selectors import policies_to_acknowledge

    checklist = StarterChecklist.objects.filter(membership=membership).first()
    review_dates = completed_review_dates(membership)
    guided = set(checklist.guided_review_done) if checklist else set()
    reviewed = (bool(review_dates) if review_dates is not None else False) or guided >= {
        key for key, _ in GUIDED_REVIEW_STEPS}
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
    today = today or timezone.localdate()
    return (
        Membership.objects.filter(school=school, started_on__gte=today - datetime.timedelta(
            days=NEW_STARTER_DAYS), started_on__lte=today)
        .filter(active_member_q(today))
        .select_related("user", "school")
        .order_by("started_on")
    )


def is_new_starter(membership: Membership, today: datetime.date | None = None) -> bool:
    today = today or timezone.localdate()
    return today - datetime.timedelta(days=NEW_STARTER_DAYS) <= membership.started_on <= today


def unfinished_starters(school: School, today=None) -> list[StarterProgress]:
    progress = [starter_progress(m) for m in new_starters(school, today)]
    return [p for p in progress if not p.complete]
