"""The case charts are kept between views, and drawn again once anything happens to a case."""

import datetime

import pytest
from django.utils import timezone

from safepractice.cases import services
from safepractice.cases.models import Route
from safepractice.oversight import dashboard
from safepractice.oversight.terms import DateRange
from safepractice.testing.cases import make_case, make_staff_room

pytestmark = pytest.mark.django_db


def _ack_chart_rows(room):
    today = timezone.localdate()
    period = DateRange(today - datetime.timedelta(days=365), today)
    charts = dashboard.case_charts([room.school.pk], period, ack_target=3)
    return charts[1].rows


def test_acknowledging_a_case_redraws_the_cached_chart(django_assert_max_num_queries):
    room = make_staff_room()
    case = make_case(room, Route.CYBERBULLYING)
    before = _ack_chart_rows(room)
    with django_assert_max_num_queries(2):  # the change check only: the charts are kept
        assert _ack_chart_rows(room) == before
    services.perform(case, "acknowledge", room.head, {}, expected_version=case.version)
    assert _ack_chart_rows(room) != before
