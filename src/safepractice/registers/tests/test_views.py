import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from safepractice.policies.tests.helpers import signed_in
from safepractice.registers.forms import DECLARATION_CHARS
from safepractice.registers.models import PhoneOnDutyException, SocialContactDeclaration
from safepractice.registers.services import declare_social_contact, request_phone_exception
from safepractice.schools.models import Role
from safepractice.testing.factories import make_member, make_school

pytestmark = pytest.mark.django_db


def declared(member):
    return declare_social_contact(member, kind="other", contact_with="A family",
                                  details="Neighbours.")


def test_an_slt_member_acknowledges_from_the_declaration_page(client):
    school = make_school()
    declaration = declared(make_member(school))
    signed_in(client, make_member(school, roles={Role.SLT})).post(
        reverse("registers:declaration", args=[school.slug, declaration.pk]),
        {"action": "acknowledge"})
    declaration.refresh_from_db()
    assert declaration.acknowledged_at is not None


def test_a_teacher_posting_an_acknowledgement_of_their_own_is_refused(client):
    school = make_school()
    teacher = make_member(school)
    declaration = declared(teacher)
    response = signed_in(client, teacher).post(
        reverse("registers:declaration", args=[school.slug, declaration.pk]),
        {"action": "acknowledge"}, follow=True)
    assert "senior leadership team" in response.text
    assert SocialContactDeclaration.objects.get().acknowledged_at is None


def test_a_colleague_cannot_open_someone_elses_declaration(client):
    school = make_school()
    declaration = declared(make_member(school))
    response = signed_in(client, make_member(school)).get(
        reverse("registers:declaration", args=[school.slug, declaration.pk]))
    assert response.status_code == 403


def test_the_line_manager_can_open_their_staffs_declaration(client):
    school = make_school()
    manager = make_member(school, roles={Role.LINE_MANAGER})
    declaration = declared(make_member(school, line_manager=manager))
    response = signed_in(client, manager).get(
        reverse("registers:declaration", args=[school.slug, declaration.pk]))
    assert response.status_code == 200


def test_contact_dates_in_the_wrong_order_are_named_on_the_form(client):
    school = make_school()
    response = signed_in(client, make_member(school)).post(
        reverse("registers:contact_new", args=[school.slug]),
        {"given_to": "Parent", "details_given": "Mobile", "reason": "Trip",
         "starts_on": "2026-12-01", "ends_on": "2026-11-01"})
    assert response.status_code == 400
    assert "the dates are in the wrong order" in response.text


def test_declaration_details_longer_than_the_limit_are_refused_with_the_limit(client):
    school = make_school()
    response = signed_in(client, make_member(school)).post(
        reverse("registers:declare", args=[school.slug]),
        {"kind": "other", "contact_with": "A family", "details": "x" * (DECLARATION_CHARS + 1)})
    assert f"at most {DECLARATION_CHARS} characters" in response.text
    assert not SocialContactDeclaration.objects.exists()


def test_the_head_home_page_counts_declarations_awaiting_acknowledgement(client):
    school = make_school()
    declared(make_member(school))
    declared(make_member(school))
    head = make_member(school, roles={Role.HEAD_TEACHER, Role.SLT})
    response = signed_in(client, head).get(reverse("web:school_home", args=[school.slug]))
    assert '<span class="count">2</span> social contact declarations' in response.text


def test_the_to_acknowledge_queue_downloads_as_csv_and_the_export_is_audited(client):
    from safepractice.audit.models import AuditEntry

    school = make_school()
    declared(make_member(school))
    slt = make_member(school, roles={Role.SLT})
    response = signed_in(client, slt).get(
        reverse("registers:queue", args=[school.slug]), {"format": "csv"})
    lines = response.content.decode("utf-8-sig").strip().splitlines()
    assert lines[0] == "Waiting for,Name,What,Since"
    assert "Acknowledgement of a declaration" in lines[1] and "A family" in lines[1]
    entry = AuditEntry.objects.get(action="list-exported")
    assert (entry.actor_id, entry.object_id, entry.detail["rows"]) == (
        slt.user_id, "to-acknowledge", len(lines) - 1)


def test_a_teacher_cannot_download_the_queue(client):
    school = make_school()
    response = signed_in(client, make_member(school)).get(
        reverse("registers:queue", args=[school.slug]), {"format": "csv"})
    assert response.status_code == 403


@pytest.mark.parametrize("action", ["", "agreee", "acknowledge"])
def test_a_phone_request_is_decided_only_by_agree_or_decline(client, action):
    school = make_school()
    starts = timezone.now() + datetime.timedelta(hours=1)
    request_ = request_phone_exception(
        make_member(school), circumstances="Relative in hospital", starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=8))
    response = signed_in(client, make_member(school, roles={Role.SLT})).post(
        reverse("registers:phone", args=[school.slug, request_.pk]), {"action": action})
    assert response.status_code == 400
    assert PhoneOnDutyException.objects.get().decided_by is None
