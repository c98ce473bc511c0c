"""The active-member rule: the Python predicate and its query filter give the same answers."""

import datetime

import pytest
import time_machine

from safepractice.accounts.models import User
from safepractice.schools.models import Membership
from safepractice.schools.rules import active_member_q, is_active_member
from safepractice.testing.factories import make_member, make_school

pytestmark = pytest.mark.django_db

ON = datetime.date(2026, 3, 10)
DAY = datetime.timedelta(days=1)
LEAVING_DATES = {
    "no leaving date": None,
    "left last year": ON - 365 * DAY,
    "leaves today": ON,
    "leaves tomorrow": ON + DAY,
    "leaves next month": ON + 31 * DAY,
}


def test_the_filter_selects_exactly_the_members_the_predicate_calls_active():
    school = make_school()
    members = {
        name: make_member(school, left_on=left_on) for name, left_on in LEAVING_DATES.items()
    }
    by_filter = set(Membership.objects.filter(active_member_q(ON)).values_list("pk", flat=True))
    by_predicate = {m.pk for m in members.values() if is_active_member(m, ON)}
    assert by_filter == by_predicate


@pytest.mark.parametrize(
    ("case", "active"),
    [
        ("no leaving date", True),
        ("left last year", False),
        ("leaves today", False),
        ("leaves tomorrow", True),
        ("leaves next month", True),
    ],
)
def test_a_member_is_active_until_their_leaving_date(case, active):
    assert is_active_member(Membership(left_on=LEAVING_DATES[case]), ON) is active


def test_the_filter_applies_through_a_relation():
    school = make_school()
    leaver = make_member(school, left_on=ON - DAY)
    staying = make_member(school, left_on=ON + DAY)
    users = {m.user.pk for m in (leaver, staying)}
    through_users = User.objects.filter(active_member_q(ON, prefix="memberships__"), pk__in=users)
    found = set(through_users.values_list("pk", flat=True))
    assert found == {staying.user.pk}


def test_without_a_date_the_rule_asks_about_today():
    school = make_school()
    with time_machine.travel(datetime.datetime(2026, 3, 10, 12, tzinfo=datetime.UTC)):
        leaving_today = make_member(school, left_on=datetime.date(2026, 3, 10))
        assert not is_active_member(leaving_today)
        assert not Membership.objects.filter(active_member_q(), pk=leaving_today.pk).exists()
