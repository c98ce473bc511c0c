"""A message the engine says must not be sent: "do not send" and whom to talk to, no rewrite."""

import json

import pytest
from django.urls import reverse

from safepractice.checks.models import SavedCheck
from safepractice.schools.models import Role
from safepractice.testing.factories import make_member, make_user

pytestmark = pytest.mark.django_db
GROOMING = (
    "Don't tell your mum, it's our little secret. You're my special friend. "
    "Text me on 07700 900123 xx"
)
TO_PUPIL = {"text": GROOMING, "kind": "message", "recipient": "pupil"}


@pytest.fixture
def teacher():
    teacher = make_member()
    make_member(teacher.school, user=make_user(full_name="Dana Lead"), roles={Role.DSL})
    return teacher


def _check(client, member, data=TO_PUPIL) -> str:
    client.force_login(member.user)
    response = client.post(
        reverse("checks:check", args=[member.school.slug]), data, HTTP_HX_REQUEST="true"
    )
    return response.content.decode()


def test_the_page_says_do_not_send_this(client, teacher):
    assert "Do not send this" in _check(client, teacher)


def test_the_page_names_the_schools_dsl_to_talk_to(client, teacher):
    assert "Talk to Dana Lead, your designated safeguarding lead" in _check(client, teacher)


def test_the_page_offers_no_safer_version_to_copy(client, teacher):
    html = _check(client, teacher)
    assert "Copy safer version" not in html
    assert 'id="safer-text"' not in html


def test_no_finding_on_the_page_carries_a_rewritten_text(client, teacher):
    assert "Safer:" not in _check(client, teacher)


def test_a_message_that_may_be_sent_still_offers_its_safer_version(client, teacher):
    html = _check(
        client,
        teacher,
        {"text": "Text me on 07700 900123", "kind": "message", "recipient": "parent"},
    )
    assert "Copy safer version" in html
    assert "Do not send this" not in html


def test_a_saved_check_that_must_not_be_sent_keeps_no_safer_text(client, teacher):
    client.force_login(teacher.user)
    client.post(reverse("checks:save", args=[teacher.school.slug]), TO_PUPIL)
    saved = SavedCheck.objects.get()
    assert saved.safer_text == ""
    assert saved.send_advice["do_not_send"] is True


def test_the_saved_check_page_says_do_not_send_this(client, teacher):
    client.force_login(teacher.user)
    client.post(reverse("checks:save", args=[teacher.school.slug]), TO_PUPIL)
    saved = SavedCheck.objects.get()
    page = client.get(reverse("checks:saved_detail", args=[teacher.school.slug, saved.pk]))
    assert "Do not send this" in page.content.decode()


def test_the_api_says_do_not_send_and_whom_to_talk_to(client, teacher):
    from safepractice.api.tokens import create_token

    raw = create_token(teacher, "tests")[1]
    response = client.post(
        "/api/v1/check",
        json.dumps({"text": GROOMING, "kind": "message", "recipient": "pupil"}),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {raw}",
    )
    body = response.json()
    assert body["send_advice"]["do_not_send"] is True
    assert "Dana Lead" in body["send_advice"]["talk_to"]
    assert body["safer_text"] is None
    assert not any("Safer:" in finding["suggestion"] for finding in body["findings"])
