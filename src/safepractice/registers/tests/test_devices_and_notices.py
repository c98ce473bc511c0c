import pytest
from django.urls import reverse

from safepractice.audit.models import AuditEntry
from safepractice.policies.tests.helpers import signed_in
from safepractice.registers.imei import InvalidIMEI
from safepractice.registers.models import Device, JudgementResponse
from safepractice.registers.services import (
    RegisterError,
    give_judgement_notice,
    record_device,
    respond_to_notice,
)
from safepractice.schools.models import Role
from safepractice.testing.factories import make_member, make_school

pytestmark = pytest.mark.django_db
VALID = "490154203237518"


def test_an_invalid_imei_is_not_recorded():
    with pytest.raises(InvalidIMEI):
        record_device(make_member(make_school()), make="Acme", model="One",
                      imei="490154203237519")
    assert not Device.objects.exists()


def test_a_device_is_stored_with_the_digits_only():
    device = record_device(make_member(make_school()), make="Acme", model="One",
                           imei="49 015420 323751 8")
    assert device.imei == VALID


def test_the_device_page_refuses_an_invalid_imei_with_the_reason(client):
    school = make_school()
    response = signed_in(client, make_member(school)).post(
        reverse("registers:devices", args=[school.slug]),
        {"make": "Acme", "model": "One", "imei": "12345"})
    assert response.status_code == 400
    assert "An IMEI has 15 digits; this has 5." in response.text


def test_a_colleagues_phone_is_not_on_my_device_page(client):
    school = make_school()
    record_device(make_member(school), make="Acme", model="One", imei=VALID)
    response = signed_in(client, make_member(school)).get(
        reverse("registers:devices", args=[school.slug]))
    assert VALID not in response.text


def test_the_heads_device_look_up_is_audited_with_its_reason(client):
    school = make_school()
    record_device(make_member(school), make="Acme", model="One", imei=VALID)
    head = make_member(school, roles={Role.HEAD_TEACHER, Role.SLT})
    response = signed_in(client, head).get(
        reverse("registers:device_lookup", args=[school.slug]),
        {"query": "3237518", "reason": "Reported stolen"})
    assert VALID in response.text
    entry = AuditEntry.objects.get(action="devices-looked-up")
    assert entry.detail["reason"] == "Reported stolen"


def test_a_teacher_cannot_look_up_phones(client):
    school = make_school()
    response = signed_in(client, make_member(school)).get(
        reverse("registers:device_lookup", args=[school.slug]), {"query": "x", "reason": "y"})
    assert response.status_code == 403


def notice(member):
    return give_judgement_notice(member, action="Answered a parent on Facebook",
                                 already_taken=True, justification="No other route.")


def test_only_the_head_responds_to_a_professional_judgement_notice():
    school = make_school()
    with pytest.raises(RegisterError, match="head teacher"):
        respond_to_notice(notice(make_member(school)), make_member(school, roles={Role.SLT}),
                          response=JudgementResponse.NOTED, hr_advice_sought=False)


def test_the_heads_response_records_the_hr_advice():
    school = make_school()
    head = make_member(school, roles={Role.HEAD_TEACHER})
    item = respond_to_notice(notice(make_member(school)), head,
                             response=JudgementResponse.NOT_AGREED, hr_advice_sought=True,
                             hr_advice="Remind of the policy; no further action.")
    assert (item.response, item.hr_advice_sought, item.responded_by) == (
        "not-agreed", True, head)


def test_advice_sought_without_the_advice_is_refused():
    school = make_school()
    with pytest.raises(RegisterError, match="advice"):
        respond_to_notice(notice(make_member(school)), make_member(
            school, roles={Role.HEAD_TEACHER}), response=JudgementResponse.AGREED,
            hr_advice_sought=True, hr_advice="  ")


def test_a_colleague_cannot_read_someone_elses_notice(client):
    school = make_school()
    item = notice(make_member(school))
    response = signed_in(client, make_member(school, roles={Role.SLT})).get(
        reverse("registers:notice", args=[school.slug, item.pk]))
    assert response.status_code == 403
