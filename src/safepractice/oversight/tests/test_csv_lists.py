"""Every list a role can see downloads as CSV, and each download is audited."""

import pytest
from django.urls import reverse

from safepractice.audit.models import AuditEntry
from safepractice.schools.models import Role
from safepractice.testing.auth import sign_in_verified
from safepractice.testing.factories import make_member, make_school, make_user

from .factories import make_policy

pytestmark = pytest.mark.django_db


@pytest.fixture
def head_client(client):
    school = make_school()
    head = make_member(school, roles={Role.HEAD_TEACHER})
    sign_in_verified(client, head.user)
    return client, school


def _csv(response) -> list[str]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    return response.content.decode("utf-8-sig").strip().splitlines()


def test_the_staff_list_exports(head_client):
    client, school = head_client
    make_member(school, user=make_user(full_name="Ada Lovelace"))
    lines = _csv(client.get(reverse("schools:people", args=[school.slug]), {"format": "csv"}))
    assert lines[0] == "Name,Email,Staff category,Roles,Line manager"
    assert any(line.startswith("Ada Lovelace,") for line in lines)
    assert AuditEntry.objects.filter(action="list-exported", object_id="staff").exists()


def test_the_unfinished_new_starters_export(head_client):
    client, school = head_client
    make_policy(school)
    make_member(school, user=make_user(full_name="New Starter"))
    lines = _csv(client.get(reverse("registers:starters", args=[school.slug]),
                            {"format": "csv"}))
    assert lines[0].startswith("Name,Started,")
    assert any(line.startswith("New Starter,") for line in lines)
    assert AuditEntry.objects.filter(action="list-exported",
                                     object_id="new-starters-unfinished").exists()


def test_policy_completion_exports_with_names_for_the_head_only(head_client):
    client, school = head_client
    version = make_policy(school)
    make_member(school, user=make_user(full_name="Not Yet Read"))
    url = reverse("policies:completion", args=[school.slug, version.document.pk])
    lines = _csv(client.get(url, {"format": "csv"}))
    assert lines[0].endswith("Not yet acknowledged")
    assert any("Not Yet Read" in line for line in lines)
    governor = make_member(school, roles={Role.GOVERNING_BOARD})
    sign_in_verified(client, governor.user)
    governor_lines = _csv(client.get(url, {"format": "csv"}))
    assert not any("Not Yet Read" in line for line in governor_lines)
    assert AuditEntry.objects.filter(action="list-exported", actor=governor.user).exists()
