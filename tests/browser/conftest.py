"""Browser tests: Playwright driving Debian's Chromium against pytest-django's live server.

Playwright cannot download its own browser here, so we launch /usr/bin/chromium (or
$SAFEPRACTICE_CHROMIUM). Without a browser these tests skip with the reason on a user's machine
and fail in CI. Screenshots go to test-results/<test name>/.
"""

import os
import re
from pathlib import Path

import pytest

from safepractice.testing.services import services_required

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("SAFEPRACTICE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
RESULTS = Path(__file__).resolve().parents[2] / "test-results"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not os.path.exists(CHROMIUM):
        message = f"no Chromium at {CHROMIUM} (Debian: apt-get install chromium)"
        if services_required():
            pytest.fail(f"{message}; browser tests must run in CI.")
        pytest.skip(message)
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture
def shots(request):
    """Save a screenshot of the page under test-results/<test>/<name>.png."""
    folder = RESULTS / re.sub(r"[^\w.-]+", "_", request.node.name)
    folder.mkdir(parents=True, exist_ok=True)

    def take(page, name: str) -> Path:
        path = folder / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


def sign_in(page, live_server, email: str, password: str) -> None:
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def open_emailed_setup_link(page) -> None:
    """On "Check your email", open the two-factor set-up link the server just emailed (the
    live server runs in this process, so its mail is in Django's test outbox)."""
    from urllib.parse import urlsplit

    from django.core import mail

    expect_heading = page.get_by_role("heading", name="Check your email")
    expect_heading.wait_for()
    link = re.search(r"http://\S+/accounts/two-factor/setup/\S+/", mail.outbox[-1].body)
    page.goto(page.url.split("/accounts/")[0] + urlsplit(link.group(0)).path)


def complete_two_factor_setup(page) -> None:
    """Open the emailed set-up link if asked, answer with the current TOTP code for the key
    shown, and continue past the recovery codes."""
    import base64

    from django_otp.oath import totp

    if page.get_by_role("heading", name="Check your email").count():
        open_emailed_setup_link(page)
    secret = page.locator("#totp-secret").inner_text().strip()
    padded = secret + "=" * (-len(secret) % 8)
    code = f"{totp(base64.b32decode(padded)):06d}"
    page.get_by_label("Six-digit code from your authenticator app").fill(code)
    page.get_by_role("button", name="Confirm").click()
    page.get_by_role("link", name="I have kept them: continue").click()


@pytest.fixture
def csp_violations(page) -> list[str]:
    """Console messages of anything the Content-Security-Policy refused on ``page``."""
    refused: list[str] = []
    page.on("console", lambda message: refused.append(message.text)
            if "Content Security Policy" in message.text else None)
    return refused


@pytest.fixture
def demo_school(transactional_db):
    from safepractice.schools.demo import load_demo

    return load_demo()


@pytest.fixture
def signed_in(page, live_server, demo_school):
    """Sign in as a demo account by role ("teacher", "head", ...), doing 2FA set-up if asked."""
    from safepractice.accounts.twofactor import requires_two_factor
    from safepractice.schools.demo import demo_logins

    def sign_in_as(role: str):
        logins = {r: (email, password) for r, email, password in demo_logins()}
        email, password = logins[role]
        sign_in(page, live_server, email, password)
        from safepractice.accounts.models import User

        if requires_two_factor(User.objects.get(email=email)):
            complete_two_factor_setup(page)
        return page

    return sign_in_as
