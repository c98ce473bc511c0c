"""Bearer-token API calls skip the browser middleware but keep what protects them."""

import json

import pytest

from safepractice.api.tokens import create_token
from safepractice.checks.models import SavedCheck
from safepractice.schools.models import Role
from safepractice.testing.factories import make_member

pytestmark = pytest.mark.django_db


def bearer(raw: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def test_a_signed_in_browser_session_does_not_change_who_a_token_acts_as(client):
    owner = make_member()
    head = make_member(school=owner.school, roles={Role.HEAD_TEACHER})  # 2FA gate applies
    client.force_login(head.user)
    raw = create_token(owner, "script")[1]
    response = client.post("/api/v1/checks", json.dumps({"text": "Sports day!"}),
                           content_type="application/json", **bearer(raw))
    assert response.status_code == 201
    assert SavedCheck.objects.get().membership == owner


def test_an_unknown_api_path_with_a_token_is_404(client):
    raw = create_token(make_member(), "script")[1]
    assert client.get("/api/v1/no-such-thing", **bearer(raw)).status_code == 404


def test_bearer_calls_keep_the_security_headers(client):
    raw = create_token(make_member(), "script")[1]
    response = client.post("/api/v1/check", json.dumps({"text": "hi"}),
                           content_type="application/json", **bearer(raw))
    assert response["X-Content-Type-Options"] == "nosniff"


def test_the_docs_page_without_a_token_still_takes_the_full_path(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "DENY"
