"""Demo declarations, exceptions, phones and a notice, each at a different stage."""

import datetime

from django.utils import timezone

from safepractice.schools.models import Membership, School

from . import services
from .imei import luhn_check_digit
from .models import SocialContactDeclaration, SocialContactKind

DOMAIN = "example-primary.sch.uk"


def _person(school: School, local: str) -> Membership:
    return Membership.objects.select_related("user").get(
        school=school, user__email=f"{local}@{DOMAIN}")


def _imei(seed: int) -> str:
    body = f"35{seed:012d}"
    return body + str(luhn_check_digit(body))


def load(school: School) -> None:
    if SocialContactDeclaration.objects.filter(school=school).exists():
        return  # loaded before; the demo is idempotent
    slt = _person(school, "slt")
    ta, staff1 = _person(school, "ta"), _person(school, "staff01")
    now, today = timezone.now(), timezone.localdate()

    # Acknowledged last school year, so this year's reconfirmation is due.
    escort = services.declare_social_contact(
        ta, kind=SocialContactKind.TRANSPORT_ESCORT, contact_with="A Year 3 pupil's family",
        details="I drive my neighbour's child to school on Tuesdays.")
    services.acknowledge_declaration(escort, slt)
    last_year = now - datetime.timedelta(days=400)
    SocialContactDeclaration.objects.filter(pk=escort.pk).update(
        declared_at=last_year, confirmed_at=last_year, acknowledged_at=last_year)
    # Waiting for an SLT member.
    services.declare_social_contact(
        staff1, kind=SocialContactKind.SOCIAL_CIRCLE, contact_with="The family of a Year 5 pupil",
        details="We sing in the same church choir.")

    # One of two agreements: stays inactive until the parent's is recorded.
    contact = services.request_contact_details_exception(
        _person(school, "staff02"), given_to="Parent of a Year 6 pupil",
        details_given="Personal mobile number", reason="Residential trip contact.",
        starts_on=today, ends_on=today + datetime.timedelta(days=30))
    services.record_senior_agreement(contact, slt)

    agreed = services.request_phone_exception(
        _person(school, "staff03"), circumstances="A close relative is in hospital.",
        starts_at=now - datetime.timedelta(hours=2), ends_at=now + datetime.timedelta(days=2))
    services.decide_phone_exception(agreed, slt, agree=True)
    services.request_phone_exception(
        _person(school, "staff04"), circumstances="Expecting a call from the hospital.",
        starts_at=now + datetime.timedelta(days=1), ends_at=now + datetime.timedelta(days=1,
                                                                                       hours=6))

    for seed, local, make, model in [(1, "head", "Apple", "iPhone 14"),
                                     (2, "slt", "Samsung", "Galaxy S23"),
                                     (3, "ta", "Google", "Pixel 8")]:
        services.record_device(_person(school, local), make=make, model=model, imei=_imei(seed))

    services.give_judgement_notice(
        _person(school, "phase.leader"), already_taken=True,
        action="Replied to a parent's Facebook message about a lost coat.",
        justification="It was the weekend before a trip and the parent had no other way to "
                      "reach the school; I kept it to the facts and told them to use the office.")
