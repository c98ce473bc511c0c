import base64
import io
import logging
import mimetypes
import re

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from safepractice.checks import services
from safepractice.checks.models import SavedCheck
from safepractice.schools.models import StaffCategory
from safepractice.testing.factories import make_member, make_school
from safepractice.testing.photos import photo_with_metadata, plain_png, png_bomb

pytestmark = pytest.mark.django_db
POST = "Lovely day at the fair! Text me on 07700 900123 for photos."


def signed_in(client, membership):
    client.force_login(membership.user)
    return client


def url(name, membership, *args):
    return reverse(f"checks:{name}", args=[membership.school.slug, *args])


def row_counts() -> dict[str, int]:
    return {m._meta.label: m._default_manager.count() for m in apps.get_models()}


@pytest.mark.parametrize("category", StaffCategory.values)
def test_every_staff_category_can_open_the_check_page(client, category):
    member = make_member(staff_category=category)
    response = signed_in(client, member).get(url("check", member))
    assert response.status_code == 200
    assert b"Check before you post" in response.content


def test_someone_from_another_school_cannot_use_this_schools_page(client):
    member, outsider = make_member(), make_member()
    response = signed_in(client, outsider).get(url("check", member))
    assert response.status_code == 403


def test_findings_come_back_highlighted_with_section_and_safer_version(
    client, stub_phone_detector
):
    member = make_member()
    response = signed_in(client, member).post(
        url("check", member), {"text": POST, "kind": "post"}, HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert re.search(r'<mark class="finding severity-breach"[^>]*>07700 900123</mark>', html)
    assert 'data-rule="personal-information.phone"' in html
    assert "Protection of personal information" in html
    safer = re.search(r'<textarea id="safer-text"[^>]*>(.*?)</textarea>', html, re.S).group(1)
    assert "07700" not in safer and "[phone number removed]" in safer
    assert "<html" not in html  # htmx gets the results fragment only


def test_without_javascript_the_button_shows_the_whole_page_with_results(
    client, stub_phone_detector
):
    member = make_member()
    response = signed_in(client, member).post(url("check", member), {"text": POST})
    assert b"<html" in response.content
    assert b'data-rule="personal-information.phone"' in response.content


def test_a_check_stores_nothing_and_logs_nothing(client, caplog, stub_phone_detector):
    member = make_member()
    signed_in(client, member)
    before = row_counts()
    with caplog.at_level(logging.DEBUG):
        client.post(url("check", member), {"text": POST}, HTTP_HX_REQUEST="true")
    assert row_counts() == before
    assert "07700" not in caplog.text and "fair" not in caplog.text


def test_text_over_the_limit_is_refused_with_the_limit_stated(client):
    member = make_member()
    response = signed_in(client, member).post(
        url("check", member), {"text": "a" * 50_001}, HTTP_HX_REQUEST="true"
    )
    assert b"50,000 characters" in response.content
    assert b"thing to look at" not in response.content


def test_unknown_kind_is_refused_naming_the_choices(client):
    member = make_member()
    response = signed_in(client, member).post(url("check", member), {"text": "hi", "kind": "x"})
    assert "choose one of post, comment, profile, message" in response.content.decode()


def test_saving_keeps_the_check_for_its_owner(client, stub_phone_detector):
    member = make_member()
    response = signed_in(client, member).post(url("save", member), {"text": POST})
    saved = SavedCheck.objects.get()
    assert response.status_code == 302
    assert saved.membership == member and saved.text == POST
    assert "personal-information.phone" in [f["rule"] for f in saved.findings]
    assert "07700" not in saved.safer_text
    listing = client.get(url("saved", member))
    assert POST[:40].encode() in listing.content


def test_saved_checks_are_hidden_from_colleagues_in_the_same_school(client):
    owner = make_member()
    colleague = make_member(school=owner.school)
    signed_in(client, owner).post(url("save", owner), {"text": POST})
    saved = SavedCheck.objects.get()
    signed_in(client, colleague)
    assert b"Lovely day" not in client.get(url("saved", colleague)).content
    assert client.get(url("saved_detail", colleague, saved.pk)).status_code == 404
    assert client.post(url("saved_delete", colleague, saved.pk)).status_code == 404
    assert SavedCheck.objects.filter(pk=saved.pk).exists()


def test_saved_checks_stay_in_the_school_they_were_made_in(client):
    owner = make_member()
    same_person_elsewhere = make_member(school=make_school(), user=owner.user)
    signed_in(client, owner).post(url("save", owner), {"text": POST})
    saved = SavedCheck.objects.get()
    assert b"Lovely day" not in client.get(url("saved", same_person_elsewhere)).content
    response = client.get(url("saved_detail", same_person_elsewhere, saved.pk))
    assert response.status_code == 404


def test_the_owner_can_delete_a_saved_check(client):
    owner = make_member()
    signed_in(client, owner).post(url("save", owner), {"text": POST})
    saved = SavedCheck.objects.get()
    client.post(url("saved_delete", owner, saved.pk))
    assert not SavedCheck.objects.exists()


def test_saving_nothing_saves_nothing(client):
    owner = make_member()
    signed_in(client, owner).post(url("save", owner), {"text": "   "})
    assert not SavedCheck.objects.exists()


def upload(client, member, *files):
    return client.post(url("photos", member), {"files": list(files)})


def named(data: bytes, name: str):
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return SimpleUploadedFile(name, data, content_type=content_type)


def test_a_photo_with_gps_gets_a_location_finding_and_a_clean_copy(client):
    member = make_member()
    signed_in(client, member)
    before = row_counts()
    response = upload(client, member, named(photo_with_metadata(), "beach.jpg"))
    html = response.content.decode()
    assert 'data-topic="photo-location"' in html
    assert "Examplephone" in html and "Jo Teacher" in html
    link = re.search(r'download="beach-cleaned.jpg" href="data:image/jpeg;base64,([^"]+)"', html)
    cleaned = Image.open(io.BytesIO(base64.b64decode(link.group(1))))
    assert len(cleaned.getexif()) == 0
    assert row_counts() == before


def test_several_photos_are_reported_one_by_one(client):
    member = make_member()
    response = upload(signed_in(client, member), member,
                      named(photo_with_metadata(), "a.jpg"), named(plain_png(), "b.png"))
    assert response.content.count(b'class="photo-result"') == 2


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"just some text", "notes.txt", "not an image"),
        (b"%PDF-1.4 pretending", "holiday.jpg", "says it is a JPEG image"),
        (png_bomb(), "bomb.png", "too large to check"),
    ],
)
def test_bad_uploads_are_refused_with_a_clear_message(client, data, name, message):
    member = make_member()
    response = upload(signed_in(client, member), member, named(data, name))
    assert response.status_code == 422
    assert message in response.content.decode()


def test_a_photo_past_the_checks_pixel_budget_is_refused_without_being_decoded(
    client, monkeypatch
):
    monkeypatch.setattr("safepractice.checks.services.MAX_PIXELS_PER_CHECK", 32 * 32 * 3 // 2)
    decoded = []
    real_check_photo = services.check_photo
    monkeypatch.setattr(services, "check_photo",
                        lambda school, data, name, content_type: decoded.append(name)
                        or real_check_photo(school, data, name, content_type))
    member = make_member()
    photos = [named(plain_png((32, 32)), "first.png"), named(plain_png((32, 32)), "next.png")]
    response = upload(signed_in(client, member), member, *photos)
    assert decoded == ["first.png"]
    assert "next.png:</strong> With the photos before it" in response.content.decode()


def test_images_over_20_mb_are_refused_before_reading(client):
    member = make_member()
    big = named(b"\xff\xd8\xff" + b"\x00" * (20 * 1024 * 1024 + 1), "huge.jpg")
    response = upload(signed_in(client, member), member, big)
    assert response.status_code == 422
    assert b"the limit is 20 MB" in response.content


def test_the_photo_check_page_refuses_a_members_checks_past_the_rate_limit(client, settings):
    settings.PHOTO_CHECKS_PER_MINUTE = 2
    member = make_member()
    signed_in(client, member)
    statuses = [upload(client, member, named(plain_png(), "a.png")).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]


def test_a_rate_limited_photo_check_says_when_to_try_again(client, settings):
    settings.PHOTO_CHECKS_PER_MINUTE = 1
    member = make_member()
    upload(signed_in(client, member), member, named(plain_png(), "a.png"))
    refused = upload(client, member, named(plain_png(), "a.png"))
    assert int(refused["Retry-After"]) <= 60
    assert "You can send 1 photo checks a minute. Try again in" in refused.content.decode()


def test_photos_past_the_daily_quota_are_refused_without_being_read(client, settings, monkeypatch):
    settings.PHOTO_CHECK_PHOTOS_PER_DAY = 3
    member = make_member()
    upload(signed_in(client, member), member, named(plain_png(), "a.png"),
           named(plain_png(), "b.png"))
    monkeypatch.setattr(services, "check_photo", lambda *args: pytest.fail("read a photo"))
    refused = upload(client, member, named(plain_png(), "c.png"), named(plain_png(), "d.png"))
    assert refused.status_code == 429
    assert "You can check 3 photos a day." in refused.content.decode()
