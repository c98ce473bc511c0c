"""The admin adds, changes and deletes no evidence and no case."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from safepractice.cases.models import EvidenceItem, Route
from safepractice.cases.services import Upload
from safepractice.testing.auth import sign_in_verified as sign_in
from safepractice.testing.cases import make_case, make_staff_room, png_bytes
from safepractice.testing.factories import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    sign_in(client, make_user(is_staff=True, is_superuser=True))
    return client


def test_evidence_cannot_be_added_in_the_admin(admin_client):
    room = make_staff_room()
    case = make_case(room, Route.CYBERBULLYING)
    response = admin_client.post("/admin/cases/evidenceitem/add/", {
        "case": case.pk, "added_by": room.teacher.pk, "description": "scan",
        "file": SimpleUploadedFile("x.png", png_bytes()),
    })
    assert response.status_code == 403
    assert EvidenceItem.objects.count() == 0


def test_evidence_cannot_be_deleted_or_changed_in_the_admin(admin_client):
    room = make_staff_room()
    case = make_case(room, Route.CYBERBULLYING, uploads=[Upload("a.png", png_bytes())])
    item = case.evidence.get()
    assert admin_client.get(f"/admin/cases/evidenceitem/{item.pk}/delete/").status_code == 403
    response = admin_client.post("/admin/cases/evidenceitem/", {
        "action": "delete_selected", "_selected_action": [item.pk], "post": "yes"})
    assert EvidenceItem.objects.filter(pk=item.pk).exists()
    assert response.status_code in (200, 302)
    page = admin_client.get(f"/admin/cases/evidenceitem/{item.pk}/change/").content.decode()
    assert 'name="_save"' not in page


def test_cases_cannot_be_deleted_in_the_admin(admin_client):
    room = make_staff_room()
    case = make_case(room, Route.CONDUCT)
    assert admin_client.get(f"/admin/cases/case/{case.pk}/delete/").status_code == 403
