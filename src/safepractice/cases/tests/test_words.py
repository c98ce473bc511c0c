"""What the case pages say: dates in the house style, plurals, and confirmations that say
what happened."""

import datetime
import zoneinfo

import pytest
import time_machine

from safepractice.cases.models import Case, Route
from safepractice.testing.auth import sign_in_verified as sign_in
from safepractice.testing.cases import make_case, make_staff_room

pytestmark = pytest.mark.django_db
LONDON = zoneinfo.ZoneInfo("Europe/London")
RAISED = datetime.datetime(2026, 12, 4, 14, 5, tzinfo=LONDON)


def _raised_at(room, route: str, when: datetime.datetime, capture) -> Case:
    with time_machine.travel(when, tick=False), capture(execute=True):
        return make_case(room, route)


def test_the_case_list_shows_when_a_case_was_raised_in_the_house_style(
    client, django_capture_on_commit_callbacks
):
    room = make_staff_room()
    _raised_at(room, Route.CYBERBULLYING, RAISED, django_capture_on_commit_callbacks)
    sign_in(client, room.head.user)
    html = client.get(f"/s/{room.school.slug}/cases/").content.decode()
    assert "4 December 2026, 14:05" in html


def test_the_case_list_csv_gives_when_a_case_was_raised_in_iso_8601_london_time(
    client, django_capture_on_commit_callbacks
):
    room = make_staff_room()
    _raised_at(room, Route.CYBERBULLYING, RAISED, django_capture_on_commit_callbacks)
    sign_in(client, room.head.user)
    csv = client.get(f"/s/{room.school.slug}/cases/?format=csv").content.decode()
    assert ",2026-12-04 14:05," in csv


def test_an_indecent_images_case_raised_a_minute_ago_says_1_minute(
    client, django_capture_on_commit_callbacks
):
    room = make_staff_room()
    case = _raised_at(room, Route.INDECENT_IMAGES, RAISED, django_capture_on_commit_callbacks)
    sign_in(client, room.dsl.user)
    with time_machine.travel(RAISED + datetime.timedelta(minutes=1), tick=False):
        html = client.get(f"/s/{room.school.slug}/cases/{case.pk}/").content.decode()
    assert 'id="minutes-elapsed">1</span> <span id="minutes-noun">minute</span> ago' in html


def test_acknowledging_a_report_confirms_which_case_what_was_done_and_its_state(client):
    room = make_staff_room()
    case = make_case(room, Route.CYBERBULLYING)
    sign_in(client, room.head.user)
    response = client.post(f"/s/{room.school.slug}/cases/{case.pk}/act/acknowledge/",
                           {"acknowledge-version": case.version}, follow=True)
    assert (f"{case.reference}: Acknowledged by {room.head.user.full_name}. "
            "The case is now acknowledged.") in response.content.decode()
