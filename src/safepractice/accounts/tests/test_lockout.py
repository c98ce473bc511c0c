"""Lockout by account and address, growing pauses, spraying, email and unlocking."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.test import override_settings
from django.utils import timezone
from typer.testing import CliRunner

from safepractice.accounts.lockout import pause_after
from safepractice.cli import _register_command_modules, app
from safepractice.schools.models import Role
from safepractice.testing.factories import PASSWORD, make_member, make_user

pytestmark = pytest.mark.django_db
ATTACKER, STAFFROOM = "203.0.113.9", "198.51.100.20"


def sign_in(client, email: str, password: str, address: str = ATTACKER):
    return client.post(
        "/accounts/login/", {"username": email, "password": password}, REMOTE_ADDR=address
    )


def guess(client, email: str, times: int = 5, address: str = ATTACKER) -> None:
    for _ in range(times):
        sign_in(client, email, "wrong password", address)


@pytest.fixture
def head():
    return make_member(roles={Role.HEAD_TEACHER}).user


def test_wrong_passwords_from_one_address_do_not_lock_the_account_elsewhere(client, head):
    guess(client, head.email)
    assert sign_in(client, head.email, PASSWORD, STAFFROOM).status_code == 302


def test_the_account_is_paused_from_the_address_that_guessed(client, head):
    guess(client, head.email)
    response = sign_in(client, head.email, PASSWORD)
    assert response.status_code == 429
    assert "paused for 5 minutes" in response.content.decode()


def test_the_first_pause_lifts_after_five_minutes(client, head):
    guess(client, head.email)
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=6)):
        assert sign_in(client, head.email, PASSWORD).status_code == 302


def test_each_further_wrong_password_doubles_the_pause_up_to_the_longest():
    assert [pause_after(n) for n in (5, 6, 7)] == [
        datetime.timedelta(minutes=m) for m in (5, 10, 20)
    ]
    assert pause_after(1000) == datetime.timedelta(hours=12)


def test_a_wrong_password_after_a_pause_pauses_again_for_longer(client, head):
    guess(client, head.email)
    later = timezone.now() + datetime.timedelta(minutes=6)
    with time_machine.travel(later, tick=False):
        guess(client, head.email, times=1)
    with time_machine.travel(later + datetime.timedelta(minutes=9), tick=False):
        assert sign_in(client, head.email, PASSWORD).status_code == 429


def test_attempts_refused_during_a_pause_do_not_lengthen_it(client, head):
    guess(client, head.email, times=8)  # the last three are refused unchecked
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=6)):
        assert sign_in(client, head.email, PASSWORD).status_code == 302


def test_capitals_in_the_email_do_not_dodge_the_limit(client, head):
    for variant in (head.email, head.email.upper(), head.email.title(), head.email, head.email):
        sign_in(client, variant, "wrong password")
    assert sign_in(client, head.email, PASSWORD).status_code == 429


@override_settings(LOCKOUT_ADDRESS_LIMIT=6)
def test_one_address_spraying_many_accounts_is_paused_for_every_account(client):
    for _ in range(6):
        sign_in(client, make_user().email, "Password1")
    target = make_user()
    assert sign_in(client, target.email, PASSWORD).status_code == 429
    assert sign_in(client, target.email, PASSWORD, STAFFROOM).status_code == 302


def test_the_person_is_emailed_once_when_their_account_is_paused(
    client, head, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        guess(client, head.email)
        with time_machine.travel(timezone.now() + datetime.timedelta(minutes=6)):
            guess(client, head.email, times=1)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [head.email]
    assert ATTACKER in mail.outbox[0].body


def test_the_admin_action_unlocks_the_account(client, head):
    from safepractice.testing.auth import sign_in_verified

    guess(client, head.email)
    admin = make_user(is_staff=True, is_superuser=True)
    sign_in_verified(client, admin)
    client.post(
        "/admin/accounts/user/", {"action": "unlock_sign_in", "_selected_action": [head.pk]}
    )
    client.logout()
    assert sign_in(client, head.email, PASSWORD).status_code == 302


def test_the_cli_unlocks_the_account(client, head):
    guess(client, head.email)
    _register_command_modules()
    result = CliRunner().invoke(app, ["unlock", head.email.upper()])
    assert result.exit_code == 0, result.output
    assert sign_in(client, head.email, PASSWORD).status_code == 302


@override_settings(BEHIND_PROXY=True)
def test_behind_the_proxy_the_address_it_appended_is_the_one_counted(client, head):
    for _ in range(5):
        client.post(
            "/accounts/login/",
            {"username": head.email, "password": "x"},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR=f"10.9.9.9, {ATTACKER}",
        )
    # The same proxy, another visitor: not paused.
    response = client.post(
        "/accounts/login/",
        {"username": head.email, "password": PASSWORD},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR=STAFFROOM,
    )
    assert response.status_code == 302
