"""The photo check page describes where a photo was taken in words, keeps the coordinates
behind a details element, and never shows "None" for what a photo does not record."""

import mimetypes

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from safepractice.testing.auth import sign_in_verified
from safepractice.testing.factories import make_member
from safepractice.testing.photos import photo_with_metadata, plain_png

pytestmark = pytest.mark.django_db


def _checked(client, name: str, data: bytes) -> str:
    member = make_member()
    sign_in_verified(client, member.user)
    upload = SimpleUploadedFile(name, data, content_type=mimetypes.guess_type(name)[0])
    return client.post(reverse("checks:photos", args=[member.school.slug]),
                       {"files": [upload]}).content.decode()


def test_a_photos_location_is_described_in_words(client):
    html = _checked(client, "beach.jpg", photo_with_metadata(50.8198, -1.0880))
    assert "GPS coordinates that place the photo within about 10 m" in html


def test_a_photos_coordinates_are_behind_a_details_element(client):
    html = _checked(client, "beach.jpg", photo_with_metadata(50.8198, -1.0880))
    assert "<summary>Show the coordinates</summary><p>50.81980, -1.08800</p>" in html


def test_a_photo_with_no_metadata_shows_not_recorded_rather_than_none(client):
    html = _checked(client, "plain.png", plain_png())
    assert "<dt>Location</dt><dd>Not recorded</dd>" in html
    assert ">None<" not in html and "None" not in html.split("<main", 1)[-1]


def test_a_photos_dates_are_written_in_the_house_style(client):
    html = _checked(client, "beach.jpg", photo_with_metadata(taken="2026:06:01 15:30:00"))
    assert "Taken 1 June 2026, 15:30" in html
