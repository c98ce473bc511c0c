"""The deadline rules: each Python predicate gives the answers its query filter gives."""

import datetime

import pytest
from django.db.models import Q
from django.utils import timezone

from safepractice.cases import rules
from safepractice.cases.models import AlertRequest, Case, CaseAlert, Route
from safepractice.testing.factories import make_member, make_school

pytestmark = pytest.mark.django_db

NOW = timezone.make_aware(datetime.datetime(2026, 11, 24, 10, 0, 0, 500_000))
TODAY = timezone.localdate(NOW)
MINUTE = datetime.timedelta(minutes=1)
DAY = datetime.timedelta(days=1)


def _case(route: str, state: str, raised_at: datetime.datetime, **fields) -> Case:
    school = make_school()
    return Case.objects.create(
        school=school,
        route=route,
        state=state,
        raised_by=make_member(school),
        raised_at=raised_at,
        **fields,
    )


def _every_state() -> list[Case]:
    """A case at every point the rules tell apart, on every route."""
    cases = [
        _case(Route.INDECENT_IMAGES, state, NOW - minutes * MINUTE)
        for state in ("raised", "notified", "handed-over", "closed")
        for minutes in (0, 30, 59.99, 60, 61, 24 * 60)
    ]
    cases += [
        _case(Route.CYBERBULLYING, state, NOW - 10 * DAY, acknowledgement_due_on=due)
        for state in ("reported", "acknowledged", "action-agreed", "closed")
        for due in (None, TODAY - 2 * DAY, TODAY - DAY, TODAY, TODAY + DAY)
    ]
    cases += [
        _case(route, state, NOW - DAY, acknowledgement_due_on=TODAY - DAY)
        for route in (Route.UNSUITABLE_MATERIAL, Route.CONDUCT, Route.PUPIL_EXPOSURE)
        for state in ("raised", "closed")
    ]
    return cases


def _same_answers(predicate, condition: Q) -> None:
    cases = _every_state()
    by_filter = set(Case.objects.filter(condition).values_list("pk", flat=True))
    by_predicate = {c.pk for c in Case.objects.all() if predicate(c)}
    assert by_filter == by_predicate
    assert by_filter and len(by_filter) < len(cases)  # the states tell something apart


def test_awaiting_notifications_is_the_same_in_python_and_sql():
    _same_answers(rules.awaits_notifications, rules.awaiting_notifications_q())


def test_notifications_overdue_is_the_same_in_python_and_sql():
    _same_answers(lambda c: rules.notifications_overdue(c, NOW), rules.notifications_overdue_q(NOW))


def test_acknowledgement_overdue_is_the_same_in_python_and_sql():
    _same_answers(
        lambda c: rules.acknowledgement_overdue(c, TODAY), rules.acknowledgement_overdue_q(TODAY)
    )


def test_standing_alerts_are_the_same_in_python_and_sql():
    for case in _every_state():
        for asks_for in AlertRequest.values:
            CaseAlert.objects.create(
                case=case, recipient=case.raised_by, message="An alert", asks_for=asks_for
            )
    by_filter = set(CaseAlert.objects.filter(rules.standing_alert_q()).values_list("pk", flat=True))
    by_predicate = {a.pk for a in CaseAlert.objects.select_related("case") if rules.alert_stands(a)}
    assert by_filter == by_predicate
    assert 0 < len(by_filter) < CaseAlert.objects.count()


def test_notifications_are_overdue_from_the_sixtieth_minute():
    case = _case(Route.INDECENT_IMAGES, "raised", NOW - 60 * MINUTE)
    assert rules.notifications_overdue(case, NOW)
    assert not rules.notifications_overdue(case, NOW - datetime.timedelta(microseconds=1))


def test_the_clock_of_a_case_awaiting_notifications_says_whether_the_alert_went():
    case = _case(Route.INDECENT_IMAGES, "raised", NOW - 61 * MINUTE)
    clock = rules.notification_clock(case, NOW)
    assert (clock.minutes_elapsed, clock.overdue, clock.alert_sent_at) == (61, True, None)


def test_a_case_no_longer_awaiting_notifications_has_no_clock():
    case = _case(Route.INDECENT_IMAGES, "notified", NOW - 61 * MINUTE)
    assert rules.notification_clock(case, NOW) is None
