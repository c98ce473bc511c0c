"""The cases API router, through Ninja's TestClient with a signed-in user."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django.utils.datastructures import MultiValueDict

from safepractice.audit.models import AuditEntry
from safepractice.cases.api import router
from safepractice.cases.models import (
    DESCRIPTION_CHARS,
    EVIDENCE_DESCRIPTION_CHARS,
    EvidenceItem,
    Route,
)
from safepractice.cases.services import Upload
from safepractice.testing.api import router_client
from safepractice.testing.cases import make_case, make_staff_room, png_bytes

pytestmark = pytest.mark.django_db
api = router_client(router)


def _files(*uploads) -> MultiValueDict:
    return MultiValueDict({"files": list(uploads)})


def test_a_member_lists_only_the_cases_they_may_open():
    room = make_staff_room()
    visible = make_case(room, Route.PUPIL_EXPOSURE)
    make_case(room, Route.CONDUCT)
    response = api.get(f"/{room.school.slug}/cases", user=room.ict.user)
    assert response.status_code == 200
    assert [c["reference"] for c in response.json()] == [visible.reference]


def test_reading_a_case_is_audited():
    room = make_staff_room()
    case = make_case(room, Route.PUPIL_EXPOSURE)
    response = api.get(f"/{room.school.slug}/cases/{case.pk}", user=room.dsl.user)
    assert response.status_code == 200 and response.json()["reference"] == case.reference
    assert AuditEntry.objects.filter(action="case-viewed", object_id=str(case.pk)).exists()


def test_whoever_raised_a_case_but_may_not_open_it_is_refused():
    room = make_staff_room()
    case = make_case(room, Route.CONDUCT)
    response = api.get(f"/{room.school.slug}/cases/{case.pk}", user=room.colleague.user)
    assert response.status_code == 403


@pytest.mark.parametrize("path", ["", "/evidence/{item}"])
def test_reading_a_case_a_member_may_not_know_of_is_the_404_of_a_missing_case(path):
    room = make_staff_room()
    case = make_case(room, Route.CYBERBULLYING, uploads=[Upload("a.png", png_bytes())])
    tail = path.format(item=case.evidence.get().pk)
    base = f"/{room.school.slug}/cases"
    response = api.get(f"{base}/{case.pk}{tail}", user=room.slt.user)
    missing = api.get(f"{base}/{case.pk + 1000}{tail}", user=room.slt.user)
    assert (response.status_code, missing.status_code) == (404, 404)
    assert response.json() == missing.json()


def test_whoever_raised_a_case_may_not_download_its_evidence():
    room = make_staff_room()
    case = make_case(room, Route.CONDUCT, uploads=[Upload("a.png", png_bytes())])
    response = api.get(f"/{room.school.slug}/cases/{case.pk}/evidence/{case.evidence.get().pk}",
                       user=room.colleague.user)
    assert response.status_code == 403


def test_an_action_needs_the_current_version():
    room = make_staff_room()
    case = make_case(room, Route.CYBERBULLYING)
    path = f"/{room.school.slug}/cases/{case.pk}/actions/acknowledge"
    response = api.post(path, json={"version": 1}, user=room.head.user)
    assert response.status_code == 200 and response.json()["state"] == "acknowledged"
    response = api.post(f"/{room.school.slug}/cases/{case.pk}/actions/agree-action",
                        json={"version": 1, "action_agreed": "x"}, user=room.head.user)
    assert response.status_code == 409 and response.json()["code"] == "stale"


def test_invalid_action_input_names_the_fields():
    room = make_staff_room()
    case = make_case(room, Route.INDECENT_IMAGES)
    response = api.post(f"/{room.school.slug}/cases/{case.pk}/actions/record-notification",
                        json={"version": 1, "body": "police"}, user=room.head.user)
    assert response.status_code == 422
    assert {"at", "contact", "reference", "notified_by"} <= set(response.json()["errors"])


def test_a_note_longer_than_the_limit_is_a_422_naming_it():
    room = make_staff_room()
    case = make_case(room, Route.CYBERBULLYING)
    response = api.post(f"/{room.school.slug}/cases/{case.pk}/actions/add-note",
                        json={"version": 1, "body": "x" * (DESCRIPTION_CHARS + 1)},
                        user=room.head.user)
    assert response.status_code == 422
    assert f"at most {DESCRIPTION_CHARS} characters" in response.json()["errors"]["body"][0]


def test_an_evidence_description_longer_than_the_limit_is_a_422_and_nothing_is_kept():
    room = make_staff_room()
    case = make_case(room, Route.CYBERBULLYING)
    response = api.post(f"/{room.school.slug}/cases/{case.pk}/evidence",
                        {"description": "x" * (EVIDENCE_DESCRIPTION_CHARS + 1)},
                        FILES=_files(SimpleUploadedFile("a.png", png_bytes())),
                        user=room.teacher.user)
    assert response.status_code == 422
    assert EvidenceItem.objects.count() == 0


def test_a_police_referral_the_reporter_did_not_choose_is_refused():
    room = make_staff_room()
    case = make_case(room, Route.CYBERBULLYING, police_wish="no")
    response = api.post(f"/{room.school.slug}/cases/{case.pk}/actions/refer-to-police", json={
        "version": 1, "at": timezone.localtime().isoformat(), "contact": "101"},
        user=room.head.user)
    assert response.status_code == 409
    assert "chosen to involve the police" in response.json()["detail"]


def test_an_upload_to_an_indecent_images_case_through_the_api_is_refused():
    room = make_staff_room()
    case = make_case(room, Route.INDECENT_IMAGES)
    response = api.post(f"/{room.school.slug}/cases/{case.pk}/evidence",
                        FILES=_files(SimpleUploadedFile("x.png", png_bytes())),
                        user=room.head.user)
    assert response.status_code == 409
    assert response.json()["code"] == "action-not-available"
    assert EvidenceItem.objects.count() == 0


def test_evidence_through_the_api_is_checked_stored_and_downloadable():
    room = make_staff_room()
    case = make_case(room, Route.CYBERBULLYING)
    path = f"/{room.school.slug}/cases/{case.pk}/evidence"
    refused = api.post(path, FILES=_files(SimpleUploadedFile("a.png", b"MZ\x90")),
                       user=room.teacher.user)
    assert refused.status_code == 422 and refused.json()["code"] == "file-refused"
    response = api.post(path, FILES=_files(SimpleUploadedFile("a.png", png_bytes())),
                        user=room.teacher.user)
    assert response.status_code == 201
    item = response.json()[0]
    download = api.get(f"{path}/{item['id']}", user=room.line_manager.user)
    assert download.status_code == 200 and download.content == png_bytes()


def test_the_router_is_mounted_on_the_api_with_bearer_tokens(client):
    from safepractice.testing.auth import make_token

    room = make_staff_room()
    case = make_case(room, Route.INDECENT_IMAGES)
    raw = make_token(room.dsl, cases=True)
    headers = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    base = f"/api/v1/schools/{room.school.slug}/cases"
    assert client.get(base).status_code == 401
    response = client.get(base, **headers)
    assert response.status_code == 200
    assert [c["reference"] for c in response.json()] == [case.reference]
    upload = client.post(f"{base}/{case.pk}/evidence",
                         {"files": [SimpleUploadedFile("x.png", png_bytes())]}, **headers)
    assert upload.status_code == 409
    assert EvidenceItem.objects.count() == 0
    other = make_staff_room()
    assert client.get(f"/api/v1/schools/{other.school.slug}/cases", **headers).status_code == 404


def test_evidence_larger_than_a_json_body_can_be_uploaded_through_the_mounted_api(client):
    from safepractice.testing.auth import make_token

    room = make_staff_room()
    case = make_case(room, Route.CYBERBULLYING)
    raw = make_token(room.teacher, cases=True)
    chat = SimpleUploadedFile("chat.txt", b"[21:04] a message\n" * 60_000)  # about 1 MB
    response = client.post(f"/api/v1/schools/{room.school.slug}/cases/{case.pk}/evidence",
                           {"files": [chat]}, HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 201, response.content[:300]
    assert case.evidence.get().size > 1_000_000


def test_an_unknown_action_from_a_member_without_access_is_the_404_of_a_missing_case():
    room = make_staff_room()
    case = make_case(room, Route.INDECENT_IMAGES)
    base = f"/{room.school.slug}/cases"
    response = api.post(f"{base}/{case.pk}/actions/zzz", json={}, user=room.bystander.user)
    missing = api.post(f"{base}/{case.pk + 1000}/actions/zzz", json={}, user=room.bystander.user)
    assert (response.status_code, missing.status_code) == (404, 404)
    assert response.json() == missing.json()
