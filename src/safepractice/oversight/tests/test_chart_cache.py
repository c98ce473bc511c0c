"""The case charts are kept between views, and drawn again once a case they count changes."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from safepractice.cases import retention, services
from safepractice.cases.models import Case, Route
from safepractice.oversight import dashboard
from safepractice.oversight.terms import DateRange
from safepractice.testing.cases import make_case, make_staff_room

pytestmark = pytest.mark.django_db


def _last_year() -> DateRange:
    today = timezone.localdate()
    return DateRange(today - datetime.timedelta(days=365), today)


def _charts(room, period: DateRange | None = None):
    return dashboard.case_charts([room.school.pk], period or _last_year(), ack_target=3)


@pytest.fixture
def drawings(monkeypatch) -> list[int]:
    """One entry each time the charts are computed rather than taken from the cache."""
    drawn: list[int] = []
    compute = dashboard._case_charts

    def counted(*args, **kwargs):
        drawn.append(1)
        return compute(*args, **kwargs)

    monkeypatch.setattr(dashboard, "_case_charts", counted)
    return drawn


def test_kept_charts_cost_one_query_to_check(django_assert_num_queries, drawings):
    room = make_staff_room()
    make_case(room, Route.CYBERBULLYING)
    _charts(room)
    with django_assert_num_queries(1):
        _charts(room)
    assert len(drawings) == 1


def test_acknowledging_a_case_redraws_the_cached_chart():
    room = make_staff_room()
    case = make_case(room, Route.CYBERBULLYING)
    before = _charts(room)[1].rows
    assert _charts(room)[1].rows == before
    services.perform(case, "acknowledge", room.head, {}, expected_version=case.version)
    assert _charts(room)[1].rows != before


def test_recording_the_notifications_redraws_the_cached_chart():
    room = make_staff_room()
    case = make_case(room, Route.INDECENT_IMAGES)
    before = _charts(room)[2].rows
    at = timezone.now()
    for body in ("police", "safeguarding-unit"):
        case = services.perform(case, "record-notification", room.head,
                                {"body": body, "at": at, "contact": "Desk", "reference": "R"},
                                expected_version=case.version)
    assert _charts(room)[2].rows != before


def test_raising_a_case_redraws_the_cached_charts():
    room = make_staff_room()
    make_case(room, Route.CONDUCT)
    before = _charts(room)[0].rows
    make_case(room, Route.CONDUCT)
    assert _charts(room)[0].rows != before


def test_disposing_of_a_case_redraws_the_cached_charts():
    room = make_staff_room()
    case = make_case(room, Route.CONDUCT)
    make_case(room, Route.CONDUCT)
    before = _charts(room)[0].rows
    Case.objects.filter(pk=case.pk).update(state="closed", review_on=timezone.localdate())
    retention.dispose(Case.objects.get(pk=case.pk), room.head, "Retention ended",
                      case.reference)
    assert _charts(room)[0].rows != before


def test_viewing_a_case_keeps_the_cached_charts(drawings):
    room = make_staff_room()
    case = make_case(room, Route.CYBERBULLYING)
    _charts(room)
    services.record_view(case, room.head)
    _charts(room)
    assert len(drawings) == 1


def test_the_charts_are_drawn_again_when_the_day_turns(drawings):
    room = make_staff_room()
    make_case(room, Route.CYBERBULLYING)
    period = _last_year()
    evening = timezone.make_aware(datetime.datetime.combine(period.end, datetime.time(23, 58)))
    with time_machine.travel(evening, tick=False):
        _charts(room, period)
        _charts(room, period)
    with time_machine.travel(evening + datetime.timedelta(minutes=5), tick=False):
        _charts(room, period)
    assert len(drawings) == 2
