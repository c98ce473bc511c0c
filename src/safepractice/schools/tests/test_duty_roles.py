"""Duty roles that open cases: never set by a roster import."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from safepractice.cases import access
from safepractice.cases.models import Case, Route
from safepractice.schools import rules
from safepractice.schools.models import Role
from safepractice.testing.auth import sign_in_verified
from safepractice.testing.cases import make_case, make_staff_room
from safepractice.testing.factories import make_member

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _own_evidence_folder(settings, tmp_path):
    settings.CASES_EVIDENCE_DIR = str(tmp_path / "evidence")


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
