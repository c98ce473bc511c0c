"""Sessions end after 30 idle minutes and 12 hours after signing in."""

import datetime
import time

import pytest
import time_machine
from django.utils import timezone

from safepractice.accounts.sessions import SEEN_AT, SIGNED_IN_AT
from safepractice.testing.factories import make_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def member():
    return make_member()


def home(client, member):
    return client.get(f"/s/{member.school.slug}/")


def test_a_session_ends_after_thirty_idle_minutes(client, member):
    client.force_login(member.user)
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=31)):
        response = home(client, member)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
        page = client.get(response["Location"]).content.decode()
    assert "signed out after 30 minutes" in page


def test_a_session_in_use_stays_signed_in(client, member):
    client.force_login(member.user)
    start = timezone.now()
    for minutes in (20, 40, 60):
        with time_machine.travel(start + datetime.timedelta(minutes=minutes)):
            assert home(client, member).status_code == 200


def test_a_busy_session_ends_twelve_hours_after_signing_in(client, member):
    client.force_login(member.user)
    session = client.session
    session[SIGNED_IN_AT] = time.time() - 12 * 3600 - 60
    session[SEEN_AT] = time.time()
    session.save()
    assert home(client, member).status_code == 302


def test_the_session_cookie_lasts_no_longer_than_the_absolute_limit(client, member):
    client.force_login(member.user)
    assert client.session.get_expiry_age() == 12 * 3600
