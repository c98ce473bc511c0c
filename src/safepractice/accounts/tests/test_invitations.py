"""Invitations, emailed two-factor set-up links, recovery codes, password reset and change."""

import datetime
import re
from urllib.parse import urlsplit

import pytest
import time_machine
from django.core import mail
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from typer.testing import CliRunner

from safepractice.accounts.invitations import invite
from safepractice.accounts.models import User
from safepractice.accounts.twofactor import new_recovery_codes
from safepractice.cli import _register_command_modules, app
from safepractice.schools.models import Role
from safepractice.schools.services import import_roster
from safepractice.testing.auth import current_code, give_authenticator, sign_in_verified
from safepractice.testing.factories import PASSWORD, make_member, make_user

pytestmark = pytest.mark.django_db
NEW_PASSWORD = "a-new-long-passphrase-9"


@pytest.fixture(autouse=True)
def _send_on_commit(monkeypatch):
    # Emails go out once the transaction commits, which a test's transaction never does: send
    # them at once, so each step of a test sees the email the step before sent.
    monkeypatch.setattr("django.db.transaction.on_commit", lambda func, *a, **kw: func())


def link_in(message, name: str) -> str:
    found = re.search(rf"http://[^\s]+/accounts/{name}/[^\s]+/", message.body)
    assert found, message.body
    return urlsplit(found.group(0)).path


def sign_in(client, email: str, password: str = PASSWORD):
    return client.post("/accounts/login/", {"username": email, "password": password})


def setup_page(client) -> str:
    return client.get("/accounts/two-factor/setup/").content.decode()


def enrol_with_the_app(client, user) -> str:
    """Answer the set-up page with the pending device's code; returns the page shown."""
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    return client.post(
        "/accounts/two-factor/setup/", {"token": current_code(device)}
    ).content.decode()


def accept(client, path: str, password: str = NEW_PASSWORD):
    client.get(path)
    return client.post(
        "/accounts/invitation/accept/", {"new_password1": password, "new_password2": password}
    )


# --- two-factor set-up needs the emailed link ---------------------------------------------


def test_the_password_alone_does_not_set_up_an_authenticator_app(client):
    head = make_member(roles={Role.HEAD_TEACHER}).user
    sign_in(client, head.email)
    page = setup_page(client)
    assert "Check your email" in page and 'id="totp-secret"' not in page
    assert not TOTPDevice.objects.filter(user=head).exists()


def test_the_emailed_set_up_link_lets_the_person_set_up_their_app(client):
    head = make_member(roles={Role.HEAD_TEACHER}).user
    sign_in(client, head.email)
    setup_page(client)
    client.get(link_in(mail.outbox[-1], "two-factor/setup"))
    assert 'id="totp-secret"' in setup_page(client)
    enrol_with_the_app(client, head)
    assert TOTPDevice.objects.get(user=head).confirmed


def test_the_set_up_link_works_only_in_its_own_persons_session(client):
    head = make_member(roles={Role.HEAD_TEACHER}).user
    sign_in(client, head.email)
    setup_page(client)
    client.logout()
    other = make_member(roles={Role.DSL}).user
    sign_in(client, other.email)
    assert client.get(link_in(mail.outbox[0], "two-factor/setup")).status_code == 403


def test_the_set_up_link_works_once(client):
    head = make_member(roles={Role.HEAD_TEACHER}).user
    sign_in(client, head.email)
    setup_page(client)
    path = link_in(mail.outbox[-1], "two-factor/setup")
    client.get(path)
    assert client.get(path).status_code == 410


def test_reloading_the_set_up_page_does_not_send_another_email(client):
    head = make_member(roles={Role.HEAD_TEACHER}).user
    sign_in(client, head.email)
    setup_page(client)
    setup_page(client)
    assert len(mail.outbox) == 1


def test_setting_up_the_app_shows_ten_recovery_codes(client):
    head = make_member(roles={Role.HEAD_TEACHER}).user
    sign_in(client, head.email)
    setup_page(client)
    client.get(link_in(mail.outbox[-1], "two-factor/setup"))
    setup_page(client)
    page = enrol_with_the_app(client, head)
    assert len(re.findall(r"<li><code>[a-z0-9]{8}</code></li>", page)) == 10


# --- invitations -----------------------------------------------------------------------------


def test_an_imported_member_of_staff_is_emailed_an_invitation():
    school = make_member().school
    data = "Forename,Surname,Email,Staff Type\nAda,Lovelace,ada@school.sch.uk,Teacher\n"
    result = import_roster(school, data.encode(), "staff")
    assert result.invited == 1
    assert mail.outbox[-1].to == ["ada@school.sch.uk"]
    assert "/accounts/invitation/" in mail.outbox[-1].body


def test_reimporting_does_not_invite_someone_again():
    school = make_member().school
    data = b"Forename,Surname,Email,Staff Type\nAda,Lovelace,ada@school.sch.uk,Teacher\n"
    import_roster(school, data, "staff")
    assert import_roster(school, data, "staff").invited == 0


def test_an_invitation_sets_the_password_and_signs_the_person_in(client):
    user = make_user(password=None)
    invite(user)
    response = accept(client, link_in(mail.outbox[-1], "invitation"))
    assert response.status_code == 302
    client.logout()
    assert sign_in(client, user.email, NEW_PASSWORD).status_code == 302


def test_an_invitation_keeps_its_secret_out_of_the_address_bar(client):
    invite(make_user(password=None))
    response = client.get(link_in(mail.outbox[-1], "invitation"))
    assert response["Location"] == "/accounts/invitation/accept/"


def test_an_invited_head_goes_on_to_set_up_their_app_without_another_email(client):
    head = make_member(roles={Role.HEAD_TEACHER}, user=make_user(password=None)).user
    invite(head)
    response = accept(client, link_in(mail.outbox[-1], "invitation"))
    assert response["Location"] == "/accounts/two-factor/setup/"
    assert 'id="totp-secret"' in setup_page(client)
    assert len(mail.outbox) == 1


def test_an_invitation_works_once(client):
    invite(make_user(password=None))
    path = link_in(mail.outbox[-1], "invitation")
    accept(client, path)
    client.logout()
    assert client.get(path).status_code == 410


def test_an_invitation_expires_after_seven_days(client):
    invite(make_user(password=None))
    with time_machine.travel(timezone.now() + datetime.timedelta(days=7, minutes=1)):
        assert client.get(link_in(mail.outbox[-1], "invitation")).status_code == 410


def test_a_new_invitation_replaces_the_earlier_one(client):
    user = make_user(password=None)
    invite(user)
    first = link_in(mail.outbox[-1], "invitation")
    invite(user)
    assert client.get(first).status_code == 410


def test_accepting_a_new_invitation_clears_the_old_authenticator_app(client):
    user = make_user()
    give_authenticator(user)
    invite(user)
    accept(client, link_in(mail.outbox[-1], "invitation"))
    assert not TOTPDevice.objects.filter(user=user).exists()


def test_adding_someone_in_the_django_admin_emails_them_an_invitation(client):
    admin = make_user(is_staff=True, is_superuser=True)
    sign_in_verified(client, admin)
    client.post("/admin/accounts/user/add/", {"email": "new@school.sch.uk", "full_name": "New"})
    added = User.objects.get(email="new@school.sch.uk")
    assert not added.has_usable_password()
    assert mail.outbox[-1].to == ["new@school.sch.uk"]


def test_the_cli_emails_an_invitation():
    user = make_user()
    _register_command_modules()
    result = CliRunner().invoke(app, ["invite", user.email])
    assert result.exit_code == 0, result.output
    assert mail.outbox[-1].to == [user.email]


# --- recovery codes ------------------------------------------------------------------------


def test_a_recovery_code_gives_the_second_factor_once(client):
    head = make_member(roles={Role.HEAD_TEACHER}).user
    give_authenticator(head)
    code = new_recovery_codes(head)[0]
    sign_in(client, head.email)
    assert client.post("/accounts/two-factor/", {"code": code}).status_code == 302
    client.logout()
    sign_in(client, head.email)
    response = client.post("/accounts/two-factor/", {"code": code})
    assert "That code is not right" in response.content.decode()


def test_new_recovery_codes_stop_the_old_ones_working(client):
    head = make_member(roles={Role.HEAD_TEACHER}).user
    old = new_recovery_codes(give_authenticator(head).user)[0]
    sign_in_verified(client, head)
    client.post("/accounts/two-factor/recovery-codes/")
    client.logout()
    sign_in(client, head.email)
    response = client.post("/accounts/two-factor/", {"code": old})
    assert "That code is not right" in response.content.decode()


# --- password reset and change -------------------------------------------------------------


def test_the_password_reset_page_is_there(client):
    assert client.get("/accounts/password_reset/").status_code == 200


def test_a_password_reset_link_sets_a_new_password(client):
    user = make_user()
    client.post("/accounts/password_reset/", {"email": user.email})
    path = link_in(mail.outbox[-1], "reset")
    form_page = client.get(path, follow=True)
    client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert sign_in(client, user.email, NEW_PASSWORD).status_code == 302


def test_a_member_changes_their_password(client):
    user = make_member().user
    client.force_login(user)
    response = client.post(
        "/accounts/password/change/",
        {
            "old_password": PASSWORD,
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)


def test_changing_the_password_of_a_head_needs_the_second_factor(client):
    head = make_member(roles={Role.HEAD_TEACHER}).user
    give_authenticator(head)
    sign_in(client, head.email)
    response = client.get("/accounts/password/change/")
    assert response["Location"].startswith("/accounts/two-factor/")
