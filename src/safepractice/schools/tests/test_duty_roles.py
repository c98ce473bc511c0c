"""Granting and revoking duty roles: its own audited step, never a roster import."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from typer.testing import CliRunner

from safepractice.audit.models import AuditEntry
from safepractice.cases import access
from safepractice.cases.models import Case, Route
from safepractice.cli import _register_command_modules, app
from safepractice.schools import rules
from safepractice.schools.models import Role
from safepractice.schools.services import RoleChangeRefused, grant_duty_role, revoke_duty_role
from safepractice.testing.auth import sign_in_verified
from safepractice.testing.cases import make_case, make_staff_room
from safepractice.testing.factories import make_member, make_school, make_trust_admin, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _own_evidence_folder(settings, tmp_path):
    settings.CASES_EVIDENCE_DIR = str(tmp_path / "evidence")


def _head_and_teacher():
    head = make_member(roles={Role.HEAD_TEACHER, Role.SLT})
    return head, make_member(head.school)


def test_the_roles_that_open_cases_are_those_cases_access_hands_cases_to():
    room = make_staff_room()
    cases = [make_case(room, route) for route in Route.values]

    def opens_a_case(role: str) -> bool:
        holder = make_member(room.school, roles={role})
        by_predicate = any(access.can(holder, case, access.VIEW) for case in cases)
        by_query = Case.objects.filter(access.view_q(holder)).exists()
        assert by_predicate == by_query, role
        return by_predicate

    assert {role for role in Role.values if opens_a_case(role)} == rules.CASE_ACCESS_ROLES


def test_the_head_grants_the_dsl_role_to_a_colleague():
    head, teacher = _head_and_teacher()
    grant_duty_role(teacher, Role.DSL, by=head.user)
    teacher.refresh_from_db()
    assert teacher.role_set == {Role.DSL}


def test_a_grant_records_who_granted_what_to_whom():
    head, teacher = _head_and_teacher()
    grant_duty_role(teacher, Role.DSL, by=head.user)
    entry = AuditEntry.objects.get(action="duty-role-granted")
    assert (entry.actor, entry.school, entry.object_id) == (head.user, head.school, str(teacher.pk))
    assert entry.detail == {"role": "dsl", "member": teacher.user.email}


def test_the_person_granted_a_role_is_told_by_email(django_capture_on_commit_callbacks):
    head, teacher = _head_and_teacher()
    with django_capture_on_commit_callbacks(execute=True):
        grant_duty_role(teacher, Role.DSL, by=head.user)
    assert [m.to for m in mail.outbox] == [[teacher.user.email]]
    assert "Designated safeguarding lead" in mail.outbox[0].subject


def test_the_head_revokes_a_role_audited_and_told(django_capture_on_commit_callbacks):
    head, teacher = _head_and_teacher()
    grant_duty_role(teacher, Role.SLT, by=head.user)
    with django_capture_on_commit_callbacks(execute=True):
        revoke_duty_role(teacher, Role.SLT, by=head.user)
    teacher.refresh_from_db()
    assert teacher.role_set == frozenset()
    assert AuditEntry.objects.filter(action="duty-role-revoked", actor=head.user).exists()
    assert "no longer" in mail.outbox[-1].subject


def test_a_senior_leader_may_not_grant_roles():
    head, teacher = _head_and_teacher()
    slt = make_member(head.school, roles={Role.SLT})
    with pytest.raises(RoleChangeRefused, match="Only the head teacher"):
        grant_duty_role(teacher, Role.DSL, by=slt.user)


def test_the_head_of_another_school_may_not_grant_roles_here():
    _, teacher = _head_and_teacher()
    other_head = make_member(roles={Role.HEAD_TEACHER})
    with pytest.raises(RoleChangeRefused):
        grant_duty_role(teacher, Role.DSL, by=other_head.user)


def test_the_head_does_not_change_their_own_roles():
    head, _ = _head_and_teacher()
    with pytest.raises(RoleChangeRefused, match="their own"):
        grant_duty_role(head, Role.DSL, by=head.user)


def test_the_head_may_not_grant_the_head_teacher_role():
    head, teacher = _head_and_teacher()
    with pytest.raises(RoleChangeRefused, match="system administrator"):
        grant_duty_role(teacher, Role.HEAD_TEACHER, by=head.user)


def test_an_administrator_of_the_schools_trust_grants_the_head_teacher_role():
    _, teacher = _head_and_teacher()
    trust_admin = make_trust_admin(teacher.school)
    grant_duty_role(teacher, Role.HEAD_TEACHER, by=trust_admin)
    teacher.refresh_from_db()
    assert teacher.has_role(Role.HEAD_TEACHER)


def test_an_administrator_of_another_trust_may_not_grant_the_head_teacher_role():
    _, teacher = _head_and_teacher()
    outsider = make_trust_admin(make_school())
    with pytest.raises(RoleChangeRefused):
        grant_duty_role(teacher, Role.HEAD_TEACHER, by=outsider)


def test_a_system_administrator_revokes_the_head_teacher_role():
    head, _ = _head_and_teacher()
    make_member(head.school, roles={Role.HEAD_TEACHER})  # the new head
    revoke_duty_role(head, Role.HEAD_TEACHER, by=make_user(is_staff=True, is_superuser=True))
    head.refresh_from_db()
    assert head.role_set == {Role.SLT}


def test_the_schools_last_head_teacher_keeps_the_role():
    head, _ = _head_and_teacher()
    make_member(head.school, roles={Role.HEAD_TEACHER}, left_on="2020-07-31")  # a past head
    with pytest.raises(RoleChangeRefused, match="only head teacher"):
        revoke_duty_role(head, Role.HEAD_TEACHER, by=make_user(is_staff=True, is_superuser=True))
    head.refresh_from_db()
    assert head.has_role(Role.HEAD_TEACHER)


def test_granting_a_role_already_held_is_refused():
    head, teacher = _head_and_teacher()
    grant_duty_role(teacher, Role.DSL, by=head.user)
    with pytest.raises(RoleChangeRefused, match="already holds"):
        grant_duty_role(teacher, Role.DSL, by=head.user)


# --- the page -------------------------------------------------------------------------------


def _roles_url(school) -> str:
    return f"/s/{school.slug}/people/roles/"


def test_the_head_grants_a_role_on_the_duty_roles_page(client):
    head, teacher = _head_and_teacher()
    sign_in_verified(client, head.user)
    response = client.post(
        _roles_url(head.school),
        {"member": teacher.pk, "role": Role.DSL, "change": "grant"},
        follow=True,
    )
    assert response.status_code == 200
    teacher.refresh_from_db()
    assert teacher.has_role(Role.DSL)
    assert "granted" in response.content.decode()


def test_a_refused_change_on_the_page_says_why(client):
    head, _ = _head_and_teacher()
    sign_in_verified(client, head.user)
    response = client.post(
        _roles_url(head.school),
        {"member": head.pk, "role": Role.DSL, "change": "grant"},
        follow=True,
    )
    assert "their own duty roles" in response.content.decode()
    head.refresh_from_db()
    assert not head.has_role(Role.DSL)


def test_a_senior_leader_cannot_open_the_duty_roles_page(client):
    slt = make_member(roles={Role.SLT})
    sign_in_verified(client, slt.user)
    assert client.get(_roles_url(slt.school)).status_code == 403


def test_the_import_notices_are_shown_to_whoever_imported(client):
    slt = make_member(roles={Role.SLT})
    sign_in_verified(client, slt.user)
    csv_file = (
        "Forename,Surname,Email,Staff Type,Duty Roles\n"
        f"Ann,Other,{slt.user.email},Teacher,head teacher;dsl;slt\n"
    ).encode()
    response = client.post(
        f"/s/{slt.school.slug}/people/",
        {"kind": "staff", "file": SimpleUploadedFile("staff.csv", csv_file)},
        follow=True,
    )
    assert "Line 2: Ann Other: Head teacher, Designated safeguarding lead not granted" in (
        response.content.decode()
    )


# --- the command line -----------------------------------------------------------------------


def _grant_from_the_command_line(member, role: str, by: str):
    _register_command_modules()
    command = ["roles", "grant", member.user.email, role, "--school", member.school.slug]
    return CliRunner().invoke(app, [*command, "--by", by])


def test_the_command_line_grants_the_head_teacher_role_for_a_system_administrator():
    _, teacher = _head_and_teacher()
    admin = make_user(is_staff=True, is_superuser=True)
    result = _grant_from_the_command_line(teacher, "head", by=admin.email)
    assert result.exit_code == 0, result.output
    teacher.refresh_from_db()
    assert teacher.has_role(Role.HEAD_TEACHER)


def test_the_command_line_refuses_a_grant_the_rules_refuse():
    head, teacher = _head_and_teacher()
    result = _grant_from_the_command_line(teacher, "head", by=head.user.email)
    assert result.exit_code == 1
    assert "system administrator" in result.output
    teacher.refresh_from_db()
    assert not teacher.has_role(Role.HEAD_TEACHER)
