"""Factories for the records oversight aggregates (cases, policies, registers).

They write rows directly, as the other apps' services would leave them, so a test can place
a case at any point of its life and any date.
"""

import datetime
import hashlib

from django.utils import timezone

from safepractice.cases.models import (
    Body,
    Case,
    ConductConcern,
    CyberbullyingReport,
    IndecentImagesReport,
    Notification,
    NotificationKind,
    PupilExposureReport,
    Route,
    UnsuitableMaterialReport,
)
from safepractice.policies.models import Acknowledgement, PolicyDocument, PolicyKind, PolicyVersion
from safepractice.registers.models import (
    ContactDetailsException,
    Decision,
    PhoneOnDutyException,
    SocialContactDeclaration,
)
from safepractice.schools.models import Membership, School
from safepractice.testing.factories import make_member


def make_case(
    school: School,
    route: str = Route.CYBERBULLYING,
    state: str = "reported",
    raised_at: datetime.datetime | None = None,
    raised_by: Membership | None = None,
    **fields,
) -> Case:
    raised_by = raised_by or make_member(school)
    case = Case.objects.create(
        school=school, route=route, state=state, raised_by=raised_by,
        raised_at=raised_at or timezone.now(), **fields,
    )
    _DETAILS[Route(route)](case)
    return case


# Each route's own record, with what the cases app requires of it.
_DETAILS = {
    Route.CYBERBULLYING: lambda case: CyberbullyingReport.objects.create(
        case=case, site="A social network", seen_at=case.raised_at,
        what_happened="Unkind comments", police_wish="no", report_to="head"),
    Route.INDECENT_IMAGES: lambda case: IndecentImagesReport.objects.create(
        case=case, found_at=case.raised_at, device="School laptop", location="Office safe"),
    Route.UNSUITABLE_MATERIAL: lambda case: UnsuitableMaterialReport.objects.create(
        case=case, found_at=case.raised_at, where_found="Shared drive",
        concern="Material about a colleague"),
    Route.CONDUCT: lambda case: ConductConcern.objects.create(
        case=case, kind="other", occurred_on=case.raised_at.date(), concern="A post"),
    Route.PUPIL_EXPOSURE: lambda case: PupilExposureReport.objects.create(
        case=case, occurred_at=case.raised_at, where="ICT suite", pupils_involved="Year 5",
        what_happened="A pop-up"),
}


def notify(case: Case, body: str, at: datetime.datetime, by: Membership | None = None
           ) -> Notification:
    return Notification.objects.create(
        case=case, body=body, kind=NotificationKind.NOTIFIED, at=at,
        notified_by=by or case.raised_by, contact="Duty desk", reference="REF-1",
    )


def notify_both(case: Case, minutes: int) -> None:
    at = case.raised_at + datetime.timedelta(minutes=minutes)
    notify(case, Body.POLICE, at)
    notify(case, Body.SAFEGUARDING_UNIT, at - datetime.timedelta(minutes=5))


def make_policy(
    school: School,
    review_on: datetime.date | None = None,
    issued_at: datetime.datetime | None = None,
    title: str = "Staff social media policy",
    kind: str = PolicyKind.SOCIAL_MEDIA,
) -> PolicyVersion:
    document = PolicyDocument.objects.create(
        school=school, title=title, kind=kind, review_on=review_on,
        requires_acknowledgement=kind == PolicyKind.SOCIAL_MEDIA,
    )
    text = f"{title} for {school.name}"
    return PolicyVersion.objects.create(
        document=document, number=1, text=text,
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
        created_at=issued_at or timezone.now(),
    )


def acknowledge(member: Membership, version: PolicyVersion,
                at: datetime.datetime | None = None) -> Acknowledgement:
    return Acknowledgement.objects.create(
        version=version, membership=member, content_hash=version.content_hash,
        acknowledged_at=at or timezone.now(),
    )


def make_declaration(member: Membership, acknowledged_by: Membership | None = None,
                     **fields) -> SocialContactDeclaration:
    return SocialContactDeclaration.objects.create(
        school=member.school, membership=member, kind="social-circle",
        contact_with=fields.pop("contact_with", "A family from church"),
        details=fields.pop("details", "We meet at weekends."),
        acknowledged_by=acknowledged_by,
        acknowledged_at=timezone.now() if acknowledged_by else None, **fields,
    )


def make_contact_exception(member: Membership, *, agreed: bool, ends_on: datetime.date,
                           **fields) -> ContactDetailsException:
    today = timezone.localdate()
    return ContactDetailsException.objects.create(
        school=member.school, membership=member, given_to="A parent", details_given="Mobile",
        reason="Transport escort", starts_on=today - datetime.timedelta(days=10),
        ends_on=ends_on,
        senior_agreed_at=timezone.now() if agreed else None,
        parent_agreed_on=today if agreed else None, **fields,
    )


def make_phone_exception(member: Membership, *, decision: str = Decision.AGREED,
                         ends_in: datetime.timedelta = datetime.timedelta(days=2)
                         ) -> PhoneOnDutyException:
    now = timezone.now()
    return PhoneOnDutyException.objects.create(
        school=member.school, membership=member, circumstances="A relative in hospital",
        starts_at=now - datetime.timedelta(hours=1), ends_at=now + ends_in, decision=decision,
    )
