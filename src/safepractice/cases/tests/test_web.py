"""The web pages: raising, bad input, stale forms, refused actions, audit of every view."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from safepractice.audit.models import AuditEntry
from safepractice.cases import services
from safepractice.cases.models import DESCRIPTION_CHARS, Case, EvidenceItem, Route
from safepractice.testing.auth import sign_in_verified as sign_in
from safepractice.testing.cases import make_case, make_staff_room, png_bytes

pytestmark = pytest.mark.django_db


def _unmasked(response) -> str:
    """The page without its CSRF tokens, which are masked afresh on every render."""
    return re.sub(r"[A-Za-z0-9]{64}", "TOKEN", response.content.decode())


def _url(room, *parts) -> str:
    return "/".join([f"/s/{room.school.slug}/cases", *map(str, parts)]) + "/"


def test_a_teacher_reports_cyberbullying_with_two_screenshots(client):
    room = make_staff_room()
    sign_in(client, room.teacher.user)
    response = client.post(_url(room, "new", "cyberbullying"), {
        "site": "Facebook", "link": "https://facebook.com/x", "seen_at": "2026-11-02T21:04",
        "what_happened": "Insulting comments under a photo of me", "police_wish": "no",
        "report_to": "line-manager", "wants_confidentiality": "on",
        "files": [SimpleUploadedFile("one.png", png_bytes("red")),
                  SimpleUploadedFile("two.png", png_bytes("blue"))],
        "files_description": "Facebook group, 2 Nov 21:04",
    })
    case = Case.objects.get()
    assert response.status_code == 302 and response.url == _url(room, case.pk)
    assert (case.route, case.concerns, case.raised_by) == ("cyberbullying", room.teacher,
                                                           room.teacher)
    assert case.evidence.count() == 2


def test_missing_required_fields_are_named(client):
    room = make_staff_room()
    sign_in(client, room.teacher.user)
    response = client.post(_url(room, "new", "cyberbullying"), {"police_wish": "no"})
    assert response.status_code == 200
    html = response.content.decode()
    for label in ("Where it happened (site or app)", "Date and time you saw it",
                  "What happened", "Who should receive this report?"):
        assert f"{label}: This field is required." in html
    assert Case.objects.count() == 0


def test_a_wrong_file_type_is_refused_and_nothing_is_recorded(client):
    room = make_staff_room()
    sign_in(client, room.teacher.user)
    response = client.post(_url(room, "new", "cyberbullying"), {
        "site": "X", "seen_at": "2026-11-02T21:04", "what_happened": "Threats",
        "police_wish": "no", "report_to": "head",
        "files": [SimpleUploadedFile("shot.png", b"MZ\x90\x00 pretending")],
    })
    assert "cannot be kept as evidence" in response.content.decode()
    assert Case.objects.count() == 0


def test_a_description_longer_than_the_limit_is_refused_and_nothing_is_recorded(client):
    room = make_staff_room()
    sign_in(client, room.teacher.user)
    response = client.post(_url(room, "new", "cyberbullying"), {
        "site": "X", "seen_at": "2026-11-02T21:04", "police_wish": "no", "report_to": "head",
        "what_happened": "x" * (DESCRIPTION_CHARS + 1),
    })
    assert f"at most {DESCRIPTION_CHARS} characters" in response.content.decode()
    assert Case.objects.count() == 0


def test_an_oversize_file_is_refused_with_the_limit(client, settings):
    settings.CASES_EVIDENCE_MAX_BYTES = 1024 * 1024
    room = make_staff_room()
    case = make_case(room, Route.CYBERBULLYING)
    sign_in(client, room.teacher.user)
    big = SimpleUploadedFile("big.txt", b"a" * (2 * 1024 * 1024))
    response = client.post(_url(room, case.pk, "act", "add-evidence"),
                           {"add-evidence-files": [big], "add-evidence-version": case.version})
    assert response.status_code == 400
    assert "the limit is 1 MB per file" in response.content.decode()
    assert case.evidence.count() == 0


def test_an_upload_to_an_indecent_images_case_through_the_web_is_refused(client):
    room = make_staff_room()
    case = make_case(room, Route.INDECENT_IMAGES)
    sign_in(client, room.head.user)
    response = client.post(_url(room, case.pk, "act", "add-evidence"), {
        "add-evidence-files": [SimpleUploadedFile("x.png", png_bytes())]}, follow=True)
    assert "does not exist on the route" in response.content.decode()
    assert EvidenceItem.objects.count() == 0
    assert 'enctype="multipart/form-data"' not in response.content.decode()


def test_the_indecent_images_form_has_no_file_or_description_of_the_material(client):
    room = make_staff_room()
    sign_in(client, room.colleague.user)
    html = client.get(_url(room, "new", "indecent-images")).content.decode()
    assert 'type="file"' not in html
    assert "<textarea" not in html


def test_whoever_raises_indecent_images_is_sent_back_not_shown_the_case(client):
    room = make_staff_room()
    sign_in(client, room.colleague.user)
    response = client.post(_url(room, "new", "indecent-images"), {
        "found_at": "2026-11-24T08:30", "device": "Laptop LT-9", "location": "Head's office",
    }, follow=True)
    case = Case.objects.get()
    assert response.redirect_chain[-1][0] == _url(room)
    assert "head teacher and the designated safeguarding lead have been alerted" in (
        response.content.decode())
    assert client.get(_url(room, case.pk)).status_code == 404


def test_a_transition_from_the_wrong_state_says_so_and_changes_nothing(client):
    room = make_staff_room()
    case = make_case(room, Route.CYBERBULLYING)
    case = services.perform(case, "acknowledge", room.head, {}, case.version)
    sign_in(client, room.line_manager.user)
    response = client.post(_url(room, case.pk, "act", "acknowledge"),
                           {"acknowledge-version": case.version}, follow=True)
    assert "is not possible now: the case is acknowledged" in response.content.decode()
    case.refresh_from_db()
    assert case.version == 2


def test_two_people_acting_at_once_one_wins_and_the_other_keeps_what_they_typed(client):
    room = make_staff_room()
    case = make_case(room, Route.CYBERBULLYING)
    opened_at = case.version
    services.perform(case, "acknowledge", room.head, {}, opened_at)  # the head wins
    sign_in(client, room.line_manager.user)
    typed = "I spoke to them at 3pm and will follow up tomorrow."
    response = client.post(_url(room, case.pk, "act", "acknowledge"),
                           {"acknowledge-version": opened_at, "acknowledge-note": typed})
    assert response.status_code == 409
    html = response.content.decode()
    assert "changed since you opened it" in html
    assert typed in html
    case.refresh_from_db()
    assert case.version == 2
    assert case.events.filter(kind="state").count() == 1


def test_a_stale_version_is_refused_by_the_service_too():
    room = make_staff_room()
    case = make_case(room, Route.CYBERBULLYING)
    services.perform(case, "acknowledge", room.head, {}, 1)
    with pytest.raises(services.StaleCase):
        services.perform(case, "agree-action", room.head, {"action_agreed": "x"}, 1)


def test_notes_from_two_people_at_once_both_land():
    room = make_staff_room()
    case = make_case(room, Route.CYBERBULLYING)
    services.perform(case, "add-note", room.teacher, {"body": "first"}, 1)
    services.perform(case, "add-note", room.head, {"body": "second"}, 1)
    assert case.events.filter(kind="note").count() == 2


def test_every_view_and_export_is_audited_and_in_the_timeline(client):
    room = make_staff_room()
    case = make_case(room, Route.PUPIL_EXPOSURE)
    sign_in(client, room.ict.user)
    client.get(_url(room, case.pk))
    client.get(_url(room, case.pk))
    assert AuditEntry.objects.filter(action="case-viewed", object_id=str(case.pk),
                                     actor=room.ict.user).count() == 2
    response = client.get(_url(room, case.pk, "export"))
    assert response.status_code == 200 and response.json()["reference"] == case.reference
    assert AuditEntry.objects.filter(action="case-exported", object_id=str(case.pk)).exists()
    kinds = list(case.events.values_list("kind", flat=True))
    assert kinds.count("view") == 2 and "export" in kinds


def test_the_timeline_shows_each_step():
    room = make_staff_room()
    case = make_case(room, Route.CYBERBULLYING, uploads=[services.Upload("a.png", png_bytes())])
    case = services.perform(case, "acknowledge", room.head, {}, case.version)
    summaries = [e.summary for e in case.events.all()]
    assert summaries[0].startswith("Cyberbullying of a member of staff raised by")
    assert any(s.startswith("Acknowledged by") for s in summaries)


def test_an_unknown_action_from_a_member_without_access_is_the_404_of_a_missing_case(client):
    room = make_staff_room()
    case = make_case(room, Route.INDECENT_IMAGES)
    sign_in(client, room.bystander.user)
    response = client.post(_url(room, case.pk, "act", "zzz"), follow=True)
    missing = client.post(_url(room, case.pk + 1000, "act", "zzz"), follow=True)
    assert (response.status_code, missing.status_code) == (404, 404)
    assert _unmasked(response) == _unmasked(missing)
    assert "Indecent images" not in response.content.decode()


# Each page that opens a case, as the path after /cases/<pk>/ (the evidence item's id filled in).
CASE_PAGES = ["", "summary", "export", "evidence/{item}"]


def _page(room, case_pk: int, opened: str, item_pk: int) -> str:
    return _url(room, case_pk, *[p for p in opened.format(item=item_pk).split("/") if p])


@pytest.mark.parametrize("opened", CASE_PAGES)
def test_opening_a_case_a_member_may_not_know_of_is_the_404_of_a_missing_case(client, opened):
    room = make_staff_room()
    case = make_case(room, Route.CYBERBULLYING, uploads=[services.Upload("a.png", png_bytes())])
    item = case.evidence.get()
    sign_in(client, room.bystander.user)
    response = client.get(_page(room, case.pk, opened, item.pk))
    missing = client.get(_page(room, case.pk + 1000, opened, item.pk))
    assert (response.status_code, missing.status_code) == (404, 404)
    assert _unmasked(response) == _unmasked(missing)


@pytest.mark.parametrize("opened", ["export", "evidence/{item}"])
def test_whoever_raised_a_case_knows_of_it_and_is_refused_what_they_may_not_do(client, opened):
    room = make_staff_room()
    case = make_case(room, Route.CONDUCT, uploads=[services.Upload("a.png", png_bytes())])
    sign_in(client, room.colleague.user)
    response = client.get(_page(room, case.pk, opened, case.evidence.get().pk))
    assert response.status_code == 403
