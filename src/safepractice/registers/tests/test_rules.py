"""The exception rules: each Python predicate gives the answers its query filter gives."""

import datetime
import itertools

import pytest
from django.db.models import Q
from django.utils import timezone

from safepractice.registers import rules
from safepractice.registers.models import ContactDetailsException, Decision, PhoneOnDutyException
from safepractice.schools.models import Membership
from safepractice.testing.factories import make_member, make_school

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 24)
NOW = timezone.make_aware(datetime.datetime(2026, 11, 24, 10, 0))
DAY = datetime.timedelta(days=1)
# (first day, last day) around TODAY: past, ending today, ending soon, ending later, future.
CONTACT_DATES = [
    (TODAY - 30 * DAY, TODAY - DAY),
    (TODAY - 30 * DAY, TODAY),
    (TODAY - 30 * DAY, TODAY + 14 * DAY),
    (TODAY, TODAY + 15 * DAY),
    (TODAY + DAY, TODAY + 30 * DAY),
]
PHONE_TIMES = [
    (NOW - 2 * DAY, NOW - DAY),
    (NOW - DAY, NOW),
    (NOW, NOW + DAY),
    (NOW - DAY, NOW + 14 * DAY),
    (NOW - DAY, NOW + 15 * DAY),
    (NOW + DAY, NOW + 2 * DAY),
]


def _contact_exceptions() -> None:
    school = make_school()
    member = make_member(school)
    for (starts, ends), senior, parent, ended in itertools.product(
        CONTACT_DATES, (None, NOW - DAY), (None, TODAY - DAY), (None, NOW - DAY)
    ):
        ContactDetailsException.objects.create(
            school=school,
            membership=member,
            given_to="A parent",
            details_given="Mobile",
            reason="A trip",
            starts_on=starts,
            ends_on=ends,
            senior_agreed_at=senior,
            parent_agreed_on=parent,
            ended_at=ended,
        )


def _phone_exceptions() -> None:
    school = make_school()
    member = make_member(school)
    for (starts, ends), decision in itertools.product(PHONE_TIMES, Decision.values):
        PhoneOnDutyException.objects.create(
            school=school,
            membership=member,
            circumstances="A family emergency",
            starts_at=starts,
            ends_at=ends,
            decision=decision,
        )


def _same_answers(model, predicate, condition: Q) -> None:
    by_filter = set(model.objects.filter(condition).values_list("pk", flat=True))
    by_predicate = {item.pk for item in model.objects.all() if predicate(item)}
    assert by_filter == by_predicate
    assert 0 < len(by_filter) < model.objects.count()  # the states tell something apart


@pytest.mark.parametrize(
    ("predicate", "condition"),
    [
        (rules.contact_exception_active, rules.contact_exception_active_q),
        (rules.contact_exception_awaits_agreement, rules.contact_exception_awaiting_agreement_q),
        (rules.contact_exception_ends_soon, rules.contact_exception_ending_soon_q),
    ],
)
def test_each_contact_exception_rule_is_the_same_in_python_and_sql(predicate, condition):
    _contact_exceptions()
    _same_answers(ContactDetailsException, lambda e: predicate(e, TODAY), condition(TODAY))


@pytest.mark.parametrize(
    ("predicate", "condition"),
    [
        (rules.phone_exception_active, rules.phone_exception_active_q),
        (rules.phone_exception_awaits_decision, rules.phone_exception_awaiting_decision_q),
        (rules.phone_exception_ends_soon, rules.phone_exception_ending_soon_q),
    ],
)
def test_each_phone_exception_rule_is_the_same_in_python_and_sql(predicate, condition):
    _phone_exceptions()
    _same_answers(PhoneOnDutyException, lambda e: predicate(e, NOW), condition(NOW))


def test_a_contact_exception_is_active_on_its_last_day():
    _contact_exceptions()
    agreed = ContactDetailsException.objects.filter(
        senior_agreed_at__isnull=False,
        parent_agreed_on__isnull=False,
        ended_at__isnull=True,
        ends_on=TODAY,
    )
    assert all(rules.contact_exception_active(e, TODAY) for e in agreed)


def test_a_phone_exception_has_ended_at_its_end_time():
    _phone_exceptions()
    agreed = PhoneOnDutyException.objects.filter(decision=Decision.AGREED, ends_at=NOW)
    assert not any(rules.phone_exception_active(e, NOW) for e in agreed)


def test_the_new_starter_rule_is_the_same_in_python_and_sql():
    school = make_school()
    for days_ago in (-1, 0, 1, 89, 90, 91, 400):
        make_member(school, started_on=TODAY - days_ago * DAY)
    by_filter = set(
        Membership.objects.filter(rules.new_starter_q(TODAY)).values_list("pk", flat=True)
    )
    by_predicate = {m.pk for m in Membership.objects.all() if rules.is_new_starter(m, TODAY)}
    assert by_filter == by_predicate
    assert 0 < len(by_filter) < Membership.objects.count()
