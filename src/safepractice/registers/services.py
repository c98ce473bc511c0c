"""Writes for declarations, exceptions, the device register and professional-judgement
notices. Who may acknowledge or agree is enforced here, not in views."""

import datetime

from django.db import models, transaction
from django.utils import timezone

from safepractice.audit.actions import (
    DEVICES_LOOKED_UP,
    JUDGEMENT_NOTICE_VIEWED,
    REGISTER_NOTHING_TO_DECLARE_CONFIRMED,
    register_event_done,
)
from safepractice.audit.services import record
from safepractice.errors import ApplicationError
from safepractice.schools.models import Membership, Role
from safepractice.schools.rules import is_active_member

from .imei import normalise_imei
from .models import (
    ContactDetailsException,
    Decision,
    Device,
    JudgementResponse,
    PhoneOnDutyException,
    ProfessionalJudgementNotice,
    RegisterEvent,
    SocialContactDeclaration,
    StarterChecklist,
)
from .rules import GUIDED_REVIEW_STEPS
from .selectors import find_devices


class RegisterError(ApplicationError):
    """A request the rules refuse; the message says why."""


def _log(item: models.Model, actor: Membership | None, action: str, note: str = "") -> None:
    RegisterEvent.objects.create(
        school=item.school, record_type=item._meta.model_name, record_id=item.pk,
        actor=actor, action=action, note=note[:300],
    )
    record(register_event_done(action), actor=actor.user if actor else None, school=item.school,
           target=item)


def _require_same_school(item: models.Model, person: Membership) -> None:
    if person.school_id != item.school_id or not is_active_member(person):
        raise RegisterError("Only current members of this school can do that.")


def _require_other_senior(item: models.Model, person: Membership, what: str) -> None:
    _require_same_school(item, person)
    if not person.has_role(Role.SLT, Role.HEAD_TEACHER):
        raise RegisterError(f"{what} is for a member of the senior leadership team.")
    if person.pk == item.membership_id:
        raise RegisterError(f"{what} must be done by someone other than the person it concerns.")


def _require_dates_in_order(start, end, start_label: str, end_label: str) -> None:
    if end <= start:
        raise RegisterError(f"The {end_label} must be after the {start_label}.")


# Social contact declarations ----------------------------------------------------------------

@transaction.atomic
def declare_social_contact(
    membership: Membership, *, kind: str, contact_with: str, details: str
) -> SocialContactDeclaration:
    now = timezone.now()
    declaration = SocialContactDeclaration.objects.create(
        school=membership.school, membership=membership, kind=kind,
        contact_with=contact_with.strip(), details=details.strip(),
        declared_at=now, confirmed_at=now,
    )
    _log(declaration, membership, "declared")
    return declaration


@transaction.atomic
def acknowledge_declaration(
    declaration: SocialContactDeclaration, by: Membership
) -> SocialContactDeclaration:
    _require_other_senior(declaration, by, "Acknowledging a declaration")
    if declaration.withdrawn_at:
        raise RegisterError("This declaration was withdrawn.")
    if declaration.acknowledged_at:
        raise RegisterError("This declaration has already been acknowledged.")
    declaration.acknowledged_by = by
    declaration.acknowledged_at = timezone.now()
    declaration.save(update_fields=["acknowledged_by", "acknowledged_at"])
    _log(declaration, by, "acknowledged")
    return declaration


@transaction.atomic
def reconfirm_declaration(
    declaration: SocialContactDeclaration, by: Membership
) -> SocialContactDeclaration:
    """The declarer confirms, for this school year, that the declaration still stands."""
    if by.pk != declaration.membership_id:
        raise RegisterError("Only the person who made a declaration can reconfirm it.")
    if declaration.withdrawn_at:
        raise RegisterError("This declaration was withdrawn.")
    declaration.confirmed_at = timezone.now()
    declaration.save(update_fields=["confirmed_at"])
    _log(declaration, by, "reconfirmed")
    return declaration


@transaction.atomic
def withdraw_declaration(
    declaration: SocialContactDeclaration, by: Membership
) -> SocialContactDeclaration:
    if by.pk != declaration.membership_id:
        raise RegisterError("Only the person who made a declaration can withdraw it.")
    declaration.withdrawn_at = timezone.now()
    declaration.save(update_fields=["withdrawn_at"])
    _log(declaration, by, "withdrawn", "The contact has ended.")
    return declaration


# Personal contact details given to a pupil or parent ----------------------------------------

@transaction.atomic
def request_contact_details_exception(
    membership: Membership, *, given_to: str, details_given: str, reason: str,
    starts_on: datetime.date, ends_on: datetime.date,
) -> ContactDetailsException:
    _require_dates_in_order(starts_on, ends_on, "start date", "end date")
    exception = ContactDetailsException.objects.create(
        school=membership.school, membership=membership, given_to=given_to.strip(),
        details_given=details_given.strip(), reason=reason.strip(),
        starts_on=starts_on, ends_on=ends_on,
    )
    _log(exception, membership, "requested")
    return exception


@transaction.atomic
def record_senior_agreement(
    exception: ContactDetailsException, by: Membership
) -> ContactDetailsException:
    _require_other_senior(exception, by, "Agreeing a contact-details exception")
    if exception.senior_agreed_at:
        raise RegisterError("Senior management has already agreed this exception.")
    exception.senior_agreed_by = by
    exception.senior_agreed_at = timezone.now()
    exception.save(update_fields=["senior_agreed_by", "senior_agreed_at"])
    _log(exception, by, "senior-agreed")
    return exception


@transaction.atomic
def record_parent_agreement(
    exception: ContactDetailsException, by: Membership, *, parent_name: str,
    agreed_on: datetime.date, how: str,
) -> ContactDetailsException:
    """Who (the parent or carer), when and how they agreed; recorded by the member of staff
    concerned or a senior leader."""
    _require_same_school(exception, by)
    if by.pk != exception.membership_id and not by.has_role(Role.SLT, Role.HEAD_TEACHER):
        raise RegisterError("The parent's agreement is recorded by the member of staff "
                            "concerned or a member of the senior leadership team.")
    if agreed_on > timezone.localdate():
        raise RegisterError("The parent's agreement cannot be dated in the future.")
    if how not in ContactDetailsException.HowAgreed.values:
        raise RegisterError("Say how the parent or carer agreed.")
    exception.parent_name = parent_name.strip()
    exception.parent_agreed_on = agreed_on
    exception.parent_agreed_how = how
    exception.parent_recorded_by = by
    exception.parent_recorded_at = timezone.now()
    exception.save()
    _log(exception, by, "parent-agreed", f"{exception.get_parent_agreed_how_display()}")
    return exception


@transaction.atomic
def end_contact_details_exception(
    exception: ContactDetailsException, by: Membership
) -> ContactDetailsException:
    _require_same_school(exception, by)
    if by.pk != exception.membership_id and not by.has_role(Role.SLT, Role.HEAD_TEACHER):
        raise RegisterError("Only the member of staff or a senior leader can end this.")
    exception.ended_at = timezone.now()
    exception.save(update_fields=["ended_at"])
    _log(exception, by, "ended")
    return exception


# Phone switched on while on duty -------------------------------------------------------------

@transaction.atomic
def request_phone_exception(
    membership: Membership, *, circumstances: str, starts_at: datetime.datetime,
    ends_at: datetime.datetime,
) -> PhoneOnDutyException:
    _require_dates_in_order(starts_at, ends_at, "start", "end")
    if ends_at <= timezone.now():
        raise RegisterError("The end is already in the past.")
    exception = PhoneOnDutyException.objects.create(
        school=membership.school, membership=membership, circumstances=circumstances.strip(),
        starts_at=starts_at, ends_at=ends_at,
    )
    _log(exception, membership, "requested")
    return exception


@transaction.atomic
def decide_phone_exception(
    exception: PhoneOnDutyException, by: Membership, *, agree: bool
) -> PhoneOnDutyException:
    _require_other_senior(exception, by, "Agreeing a phone exception")
    if exception.decision != Decision.PENDING:
        raise RegisterError("This request has already been decided.")
    if agree and exception.ends_at <= timezone.now():
        raise RegisterError("This request has already run out; it cannot be agreed now.")
    exception.decision = Decision.AGREED if agree else Decision.DECLINED
    exception.decided_by = by
    exception.decided_at = timezone.now()
    exception.save(update_fields=["decision", "decided_by", "decided_at"])
    _log(exception, by, "agreed" if agree else "declined")
    return exception


# Device register -----------------------------------------------------------------------------

@transaction.atomic
def record_device(membership: Membership, *, make: str, model: str, imei: str) -> Device:
    """Raises ``InvalidIMEI`` with the reason for a wrong IMEI."""
    digits = normalise_imei(imei)
    device = Device.objects.create(
        school=membership.school, membership=membership, make=make.strip(),
        model=model.strip(), imei=digits,
    )
    _log(device, membership, "recorded")
    return device


@transaction.atomic
def retire_device(device: Device, by: Membership) -> Device:
    if by.pk != device.membership_id:
        raise RegisterError("Only the phone's owner can remove it from the register.")
    device.retired_at = timezone.now()
    device.save(update_fields=["retired_at"])
    _log(device, by, "retired")
    return device


# Professional-judgement notices --------------------------------------------------------------

@transaction.atomic
def give_judgement_notice(
    membership: Membership, *, action: str, already_taken: bool, justification: str
) -> ProfessionalJudgementNotice:
    notice = ProfessionalJudgementNotice.objects.create(
        school=membership.school, membership=membership, action=action.strip(),
        already_taken=already_taken, justification=justification.strip(),
    )
    _log(notice, membership, "notified-head")
    return notice


@transaction.atomic
def respond_to_notice(
    notice: ProfessionalJudgementNotice, by: Membership, *, response: str, note: str = "",
    hr_advice_sought: bool, hr_advice: str = "",
) -> ProfessionalJudgementNotice:
    _require_same_school(notice, by)
    if not by.has_role(Role.HEAD_TEACHER):
        raise RegisterError("The head teacher responds to professional-judgement notices.")
    if response not in JudgementResponse.values:
        raise RegisterError("Choose noted, agreed or not agreed.")
    if hr_advice_sought and not hr_advice.strip():
        raise RegisterError("Record the advice the HR advice service gave (or that it is "
                            "awaited).")
    notice.response = response
    notice.response_note = note.strip()
    notice.hr_advice_sought = hr_advice_sought
    notice.hr_advice = hr_advice.strip() if hr_advice_sought else ""
    notice.responded_by = by
    notice.responded_at = timezone.now()
    notice.save()
    _log(notice, by, "responded", notice.get_response_display())
    return notice


# New-starter checklist -----------------------------------------------------------------------

def _checklist(membership: Membership) -> StarterChecklist:
    checklist, _ = StarterChecklist.objects.get_or_create(membership=membership)
    return checklist


def tick_guided_review(membership: Membership, steps: list[str]) -> StarterChecklist:
    known = {key for key, _ in GUIDED_REVIEW_STEPS}
    checklist = _checklist(membership)
    checklist.guided_review_done = [key for key, _ in GUIDED_REVIEW_STEPS
                                    if key in set(steps) & known]
    checklist.save()
    return checklist


def confirm_nothing_to_declare(membership: Membership) -> StarterChecklist:
    checklist = _checklist(membership)
    checklist.nothing_to_declare_at = timezone.now()
    checklist.save()
    record(REGISTER_NOTHING_TO_DECLARE_CONFIRMED, actor=membership.user, school=membership.school,
           target=membership)
    return checklist


def look_up_devices(head: Membership, query: str, reason: str) -> list[Device]:
    """The head's search of the device register, for a lost or stolen phone. Reading and
    auditing are one call: the register holds staff's phone numbers, so no search goes
    unrecorded (with its reason and what it found)."""
    found = list(find_devices(head.school, query))
    record(DEVICES_LOOKED_UP, actor=head.user, school=head.school,
           object_type="registers.device", query=query, reason=reason,
           found=[device.pk for device in found])
    return found


def record_judgement_notice_viewed(notice: ProfessionalJudgementNotice, viewer: Membership
                                   ) -> None:
    """A notice is between its author and the head: the head's readings of it are audited,
    its author's are not."""
    if viewer.pk != notice.membership_id:
        record(JUDGEMENT_NOTICE_VIEWED, actor=viewer.user, school=viewer.school, target=notice)
