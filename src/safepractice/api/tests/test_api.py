import base64
import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from typer.testing import CliRunner

from safepractice.api.models import ApiToken
from safepractice.api.tokens import create_token, revoke_token
from safepractice.checks.models import SavedCheck
from safepractice.checks.services import check_text, save_check
from safepractice.cli import _register_command_modules, app
from safepractice.testing.factories import make_member, make_school
from safepractice.testing.photos import photo_with_metadata, png_bomb

pytestmark = pytest.mark.django_db
CHECK = "/api/v1/check"


def bearer(raw: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def post_json(client, path, body, raw=None):
    headers = bearer(raw) if raw else {}
    return client.post(path, json.dumps(body), content_type="application/json", **headers)


@pytest.fixture
def member():
    return make_member()


@pytest.fixture
def token(member):
    return create_token(member, "tests")[1]


def test_a_check_returns_findings_in_the_documented_shape(client, token):
    response = post_json(client, CHECK, {"text": "Hello", "kind": "post"}, token)
    assert response.status_code == 200
    assert set(response.json()) == {"findings", "safer_text", "send_advice"}


def test_findings_carry_the_batch_fields_plus_section_explanation_suggestion(client, token):
    photo = SimpleUploadedFile("a.jpg", photo_with_metadata(), content_type="image/jpeg")
    response = client.post(f"{CHECK}/photo", {"file": photo}, **bearer(token))
    finding = response.json()["findings"][0]
    assert {"rule", "topic", "severity", "start", "end", "confidence", "section",
            "explanation", "suggestion"} <= set(finding)


def test_no_token_is_401(client):
    response = post_json(client, CHECK, {"text": "Hello"})
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Bearer"


def test_a_made_up_token_is_401(client, token):
    assert post_json(client, CHECK, {"text": "Hello"}, token[:-2] + "xx").status_code == 401


def test_a_revoked_token_is_401(client, member):
    saved_token, raw = create_token(member, "old script")
    revoke_token(saved_token)
    assert post_json(client, CHECK, {"text": "Hello"}, raw).status_code == 401


def test_the_token_of_someone_who_has_left_is_401(client, member, token):
    member.left_on = "2020-01-01"
    member.save()
    assert post_json(client, CHECK, {"text": "Hello"}, token).status_code == 401


def test_only_a_digest_of_the_token_is_stored(token):
    stored = ApiToken.objects.get()
    assert token not in {stored.digest, stored.prefix} and stored.digest != ""
    assert token.startswith(stored.prefix)


def test_another_schools_token_cannot_read_this_schools_saved_checks(client, member):
    saved = save_check(member, check_text(member.school, "A post about sports day"))
    elsewhere = make_member(school=make_school(), user=member.user)
    raw = create_token(elsewhere, "other school")[1]
    assert client.get("/api/v1/checks", **bearer(raw)).json() == []
    assert client.get(f"/api/v1/checks/{saved.pk}", **bearer(raw)).status_code == 404
    assert client.delete(f"/api/v1/checks/{saved.pk}", **bearer(raw)).status_code == 404
    assert SavedCheck.objects.filter(pk=saved.pk).exists()


def test_a_colleagues_token_cannot_read_my_saved_checks(client, member):
    saved = save_check(member, check_text(member.school, "A post about sports day"))
    colleague_token = create_token(make_member(school=member.school), "colleague")[1]
    assert client.get(f"/api/v1/checks/{saved.pk}", **bearer(colleague_token)).status_code == 404


def test_the_owner_saves_lists_reads_and_deletes_checks(client, token):
    created = post_json(client, "/api/v1/checks", {"text": "Sports day!"}, token)
    assert created.status_code == 201
    check_id = created.json()["id"]
    assert [c["id"] for c in client.get("/api/v1/checks", **bearer(token)).json()] == [check_id]
    assert client.get(f"/api/v1/checks/{check_id}", **bearer(token)).json()["text"] == "Sports day!"
    assert client.delete(f"/api/v1/checks/{check_id}", **bearer(token)).status_code == 204
    assert not SavedCheck.objects.exists()


def test_a_check_through_the_api_stores_nothing(client, token):
    post_json(client, CHECK, {"text": "Call 07700 900123"}, token)
    assert not SavedCheck.objects.exists()


def errors_of(response) -> dict[str, str]:
    assert response.status_code == 422
    return {error["field"]: error["msg"] for error in response.json()["detail"]}


def test_unknown_kind_is_422_naming_the_field_and_allowed_values(client, token):
    errors = errors_of(post_json(client, CHECK, {"text": "hi", "kind": "tweet"}, token))
    assert "'post', 'comment', 'profile' or 'message'" in errors["kind"]


def test_unknown_recipient_is_422_naming_the_allowed_values(client, token):
    body = {"text": "hi", "kind": "message", "recipient": "boss"}
    errors = errors_of(post_json(client, CHECK, body, token))
    assert "'pupil', 'parent', 'colleague' or 'public'" in errors["recipient"]


def test_missing_text_is_422_naming_the_field(client, token):
    assert "text" in errors_of(post_json(client, CHECK, {"kind": "post"}, token))


def test_text_over_50000_characters_is_422_with_the_limit(client, token):
    errors = errors_of(post_json(client, CHECK, {"text": "a" * 50_001}, token))
    assert "50000" in errors["text"]


def test_an_oversize_body_is_413(client, token):
    body = json.dumps({"text": "a" * 600_000})
    response = client.post(CHECK, body, content_type="application/json", **bearer(token))
    assert response.status_code == 413
    assert "limit" in response.json()["detail"]


def test_a_huge_saved_check_id_is_a_validation_error_not_a_crash(client, token):
    assert client.get(f"/api/v1/checks/{2**70}", **bearer(token)).status_code == 422


def test_the_per_token_rate_limit_answers_429_with_retry_after(client, member):
    raw = create_token(member, "slow", rate_per_minute=2)[1]
    statuses = [post_json(client, CHECK, {"text": "hi"}, raw).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]


def test_rate_limits_are_counted_per_token(client, member):
    first = create_token(member, "one", rate_per_minute=1)[1]
    second = create_token(member, "two", rate_per_minute=1)[1]
    assert post_json(client, CHECK, {"text": "hi"}, first).status_code == 200
    assert post_json(client, CHECK, {"text": "hi"}, second).status_code == 200


def photo_upload(client, raw, data, name="photo.jpg", content_type="image/jpeg"):
    upload = SimpleUploadedFile(name, data, content_type=content_type)
    return client.post(f"{CHECK}/photo", {"file": upload}, **bearer(raw))


def test_photo_check_reports_location_and_returns_a_clean_copy(client, token):
    body = photo_upload(client, token, photo_with_metadata(50.8, -1.09)).json()
    assert [f["topic"] for f in body["findings"]] == ["photo-location"]
    assert body["metadata"]["gps"]["latitude"] == pytest.approx(50.8, abs=1e-4)
    assert body["metadata"]["device"]["make"] == "Examplephone"
    cleaned = Image.open(io.BytesIO(base64.b64decode(body["cleaned_image"]["base64"])))
    assert len(cleaned.getexif()) == 0


@pytest.mark.parametrize(
    ("data", "name", "content_type", "message"),
    [
        (b"plain words", "notes.txt", "text/plain", "not an image"),
        (b"GIF89a? no, nothing", "fake.jpg", "image/jpeg", "says it is a JPEG"),
        (png_bomb(), "bomb.png", "image/png", "too large to check"),
    ],
)
def test_bad_photos_are_422_on_the_file_field(client, token, data, name, content_type, message):
    errors = errors_of(photo_upload(client, token, data, name, content_type))
    assert message in errors["file"]


def test_a_photo_upload_without_a_file_is_422_naming_it(client, token):
    assert "file" in errors_of(client.post(f"{CHECK}/photo", {}, **bearer(token)))


def test_openapi_schema_lists_the_check_endpoints(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert {"/api/v1/check", "/api/v1/check/photo", "/api/v1/checks"} <= set(schema["paths"])
    assert "422" in schema["paths"]["/api/v1/check"]["post"]["responses"]


def test_docs_page_loads_its_scripts_from_this_server(client):
    html = client.get("/api/v1/docs").content.decode()
    assert "swagger-ui-bundle.js" in html
    assert "cdn." not in html and "unpkg" not in html


def test_cli_creates_a_token_that_works_and_revokes_it(client, member):
    _register_command_modules()
    runner = CliRunner()
    created = runner.invoke(app, ["token", "create", member.user.email])
    assert created.exit_code == 0, created.output
    raw = created.output.strip()
    assert post_json(client, CHECK, {"text": "hi"}, raw).status_code == 200
    revoked = runner.invoke(app, ["token", "revoke", raw])
    assert revoked.exit_code == 0, revoked.output
    assert post_json(client, CHECK, {"text": "hi"}, raw).status_code == 401


def test_cli_asks_which_school_for_someone_in_two(member):
    make_member(school=make_school(), user=member.user)
    _register_command_modules()
    result = CliRunner().invoke(app, ["token", "create", member.user.email])
    assert result.exit_code == 2 and "--school" in result.output


def test_tokens_page_creates_shows_once_and_revokes(client, member):
    client.force_login(member.user)
    page = f"/s/{member.school.slug}/api-tokens/"
    created = client.post(page, {"name": "My script"})
    raw = created.context["new_token"]
    assert raw.encode() in created.content and created["Cache-Control"] == "no-store"
    assert raw.encode() not in client.get(page).content
    token = ApiToken.objects.get()
    client.post(f"{page}{token.pk}/revoke/")
    assert post_json(client, CHECK, {"text": "hi"}, raw).status_code == 401


def test_nobody_can_revoke_someone_elses_token(client, member):
    token = create_token(member, "mine")[0]
    colleague = make_member(school=member.school)
    client.force_login(colleague.user)
    response = client.post(f"/s/{member.school.slug}/api-tokens/{token.pk}/revoke/")
    assert response.status_code == 404
    token.refresh_from_db()
    assert token.is_live


def test_the_daily_photo_quota_counts_the_web_page_and_the_api_together(client, member, token,
                                                                        settings):
    settings.PHOTO_CHECK_PHOTOS_PER_DAY = 1
    client.force_login(member.user)
    page = reverse("checks:photos", args=[member.school.slug])
    client.post(page, {"files": [SimpleUploadedFile("a.jpg", photo_with_metadata(),
                                                    content_type="image/jpeg")]})
    client.logout()
    refused = photo_upload(client, token, photo_with_metadata())
    assert refused.status_code == 429
    assert refused.json()["detail"].startswith("You can check 1 photos a day.")
