"""The Django admin changes duty roles only through the audited step."""

import pytest

from safepractice.audit.models import AuditEntry
from safepractice.schools.models import Membership, Role
from safepractice.testing.auth import sign_in_verified
from safepractice.testing.factories import make_member, make_school, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    sign_in_verified(client, make_user(is_staff=True, is_superuser=True))
    return client


def _change(admin_client, membership: Membership, roles: list[str]):
    return admin_client.post(
        f"/admin/schools/membership/{membership.pk}/change/",
        {
            "staff_category": membership.staff_category,
            "job_title": membership.job_title,
            "line_manager": "",
            "external_id": "",
            "started_on": membership.started_on.isoformat(),
            "left_on": "",
            "duty_roles": roles,
        },
    )


def test_a_role_ticked_in_the_admin_is_granted_through_the_audited_step(admin_client):
    teacher = make_member()
    response = _change(admin_client, teacher, [Role.DSL])
    assert response.status_code == 302
    teacher.refresh_from_db()
    assert teacher.role_set == {Role.DSL}
    entry = AuditEntry.objects.get(action="duty-role-granted")
    assert (entry.object_id, entry.detail["role"]) == (str(teacher.pk), Role.DSL)


def test_a_role_unticked_in_the_admin_is_revoked_through_the_audited_step(admin_client):
    dsl = make_member(roles={Role.DSL})
    assert _change(admin_client, dsl, []).status_code == 302
    dsl.refresh_from_db()
    assert dsl.role_set == set()
    assert AuditEntry.objects.filter(action="duty-role-revoked").exists()


def test_the_admin_refuses_to_revoke_the_last_head_and_says_why(admin_client):
    head = make_member(roles={Role.HEAD_TEACHER})
    response = _change(admin_client, head, [])
    assert response.status_code == 200
    assert "only head teacher" in response.content.decode()
    head.refresh_from_db()
    assert head.has_role(Role.HEAD_TEACHER)


def test_a_role_ticked_on_a_new_membership_is_granted_through_the_audited_step(admin_client):
    school, user = make_school(), make_user()
    response = admin_client.post(
        "/admin/schools/membership/add/",
        {
            "user": user.pk,
            "school": school.pk,
            "staff_category": "teacher",
            "job_title": "",
            "line_manager": "",
            "external_id": "",
            "started_on": "2026-09-01",
            "left_on": "",
            "duty_roles": [Role.ICT_COORDINATOR],
        },
    )
    assert response.status_code == 302
    membership = Membership.objects.get(user=user, school=school)
    assert membership.role_set == {Role.ICT_COORDINATOR}
    assert AuditEntry.objects.filter(
        action="duty-role-granted", object_id=str(membership.pk)
    ).exists()


def test_the_schools_ict_coordinator_is_not_changed_in_the_admin(admin_client):
    school = make_school()
    page = admin_client.get(f"/admin/schools/school/{school.pk}/change/").content.decode()
    assert 'name="ict_coordinator"' not in page
