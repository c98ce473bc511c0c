"""Headers, no-store on sensitive pages, and a fresh sign-in before downloads and exports."""

import datetime
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import time_machine
from django.utils import timezone

from safepractice.cases.models import Route
from safepractice.cases.services import Upload
from safepractice.testing.auth import current_code, give_authenticator, sign_in_verified
from safepractice.testing.cases import make_case, make_staff_room, png_bytes
from safepractice.testing.factories import PASSWORD

pytestmark = pytest.mark.django_db
PACKAGE = Path(__file__).resolve().parents[2]
# Rendered to PDF by WeasyPrint and never served as a page, so no CSP applies to them.
PDF_TEMPLATES = {"reviews/report_pdf.html", "oversight/governors_report.html"}
LATER = datetime.timedelta(minutes=16)  # past the fresh sign-in, within the idle limit


@pytest.fixture
def room():
    return make_staff_room()


def cases_url(room, *parts) -> str:
    return "/".join([f"/s/{room.school.slug}/cases", *map(str, parts)]) + "/"


# --- headers -----------------------------------------------------------------------------


def test_pages_carry_a_content_security_policy_allowing_no_inline_script(client):
    policy = client.get("/accounts/login/")["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy


def test_pages_carry_a_permissions_policy_switching_off_the_camera(client):
    assert "camera=()" in client.get("/accounts/login/")["Permissions-Policy"]


def served_templates() -> list[Path]:
    found = []
    for path in PACKAGE.rglob("templates/**/*.html"):
        name = path.as_posix().split("/templates/", 1)[1]
        if name not in PDF_TEMPLATES:
            found.append(path)
    return found


@pytest.mark.parametrize("path", served_templates(), ids=lambda p: p.name)
def test_no_served_template_has_inline_script_or_style(path):
    text = path.read_text()
    inline_scripts = [
        tag
        for tag in re.findall(r"<script\b[^>]*>", text)
        if "src=" not in tag and 'type="application/json"' not in tag
    ]
    assert not inline_scripts, "move the script to a static file (the CSP refuses inline ones)"
    assert not re.search(r"\sstyle=|<style\b|\son[a-z]+=", text), "use a class in a CSS file"


def settings_behind_proxy(**env: str) -> str:
    code = (
        "from safepractice import settings as s; "
        "print(s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SECURE_PROXY_SSL_HEADER)"
    )
    environment = {**os.environ, "BEHIND_PROXY": "1", "SAFEPRACTICE_TESTING": "1", **env}
    return subprocess.run(
        [sys.executable, "-c", code],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
        cwd=PACKAGE.parent,
    ).stdout.strip()


def test_behind_a_proxy_http_is_redirected_and_browsers_told_https_only():
    assert settings_behind_proxy() == ("True 31536000 ('HTTP_X_FORWARDED_PROTO', 'https')")


# --- no-store ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "page",
    ["cases/", "registers/", "registers/to-acknowledge/", "reviews/", "oversight/"],
)
def test_sensitive_pages_are_never_stored(client, room, page):
    sign_in_verified(client, room.head.user)
    response = client.get(f"/s/{room.school.slug}/{page}")
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"


def test_a_case_is_never_stored(client, room):
    case = make_case(room, Route.PUPIL_EXPOSURE)
    sign_in_verified(client, room.ict.user)
    assert client.get(cases_url(room, case.pk))["Cache-Control"] == "no-store"


def test_the_check_page_is_not_marked_no_store(client, room):
    client.force_login(room.teacher.user)
    response = client.get(f"/s/{room.school.slug}/check/")
    assert "no-store" not in response.get("Cache-Control", "")


# --- fresh sign-in ---------------------------------------------------------------------------


def evidence_url(room) -> tuple[str, object]:
    case = make_case(room, Route.CYBERBULLYING, uploads=[Upload("post.png", png_bytes())])
    return cases_url(room, case.pk, "evidence", case.evidence.get().pk), case


def test_an_evidence_download_right_after_signing_in_goes_through(client, room):
    url, _ = evidence_url(room)
    client.force_login(room.teacher.user)
    assert client.get(url).status_code == 200


def test_an_evidence_download_later_asks_to_confirm_it_is_you(client, room):
    url, _ = evidence_url(room)
    client.force_login(room.teacher.user)
    with time_machine.travel(timezone.now() + LATER):
        response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/confirm/?next=")


def test_the_password_confirms_it_is_you_and_the_download_goes_through(client, room):
    url, _ = evidence_url(room)
    client.force_login(room.teacher.user)
    with time_machine.travel(timezone.now() + LATER):
        confirmed = client.post("/accounts/confirm/", {"password": PASSWORD, "next": url})
        assert confirmed["Location"] == url
        assert client.get(url).status_code == 200


def test_a_wrong_password_does_not_confirm_it(client, room):
    url, _ = evidence_url(room)
    client.force_login(room.teacher.user)
    with time_machine.travel(timezone.now() + LATER):
        client.post("/accounts/confirm/", {"password": "wrong", "next": url})
        assert client.get(url).status_code == 302


def test_someone_with_an_app_confirms_with_its_code(client, room):
    case = make_case(room, Route.PUPIL_EXPOSURE)
    export = cases_url(room, case.pk, "export")
    device = give_authenticator(room.ict.user)
    sign_in_verified(client, room.ict.user)
    with time_machine.travel(timezone.now() + LATER):
        assert client.get(export).status_code == 302
        client.post("/accounts/confirm/", {"code": current_code(device), "next": export})
        assert client.get(export).status_code == 200


def test_a_csv_export_later_asks_to_confirm_it_is_you(client, room):
    client.force_login(room.teacher.user)
    with time_machine.travel(timezone.now() + LATER):
        response = client.get(cases_url(room) + "?format=csv")
    assert response["Location"].startswith("/accounts/confirm/")
