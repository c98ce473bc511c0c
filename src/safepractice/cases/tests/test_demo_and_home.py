"""The demo cases load once, and the home page shows each person what needs them."""

import pytest

from safepractice.cases.models import Case, Route
from safepractice.schools.demo import load_demo
from safepractice.schools.models import Membership
from safepractice.web.home import next_steps
from safepractice.web.navigation import nav_items

pytestmark = pytest.mark.django_db


def _person(local_part: str) -> Membership:
    return Membership.objects.get(user__email__startswith=f"{local_part}@")


def test_the_demo_school_has_cases_on_every_route_and_loads_them_once():
    school = load_demo()
    assert set(Case.objects.values_list("route", flat=True)) == set(Route.values)
    count = Case.objects.count()
    load_demo()
    assert Case.objects.filter(school=school).count() == count


def test_the_demo_head_sees_the_indecent_images_step_among_the_most_urgent():
    load_demo()
    urgent = [s.title for s in next_steps(_person("head")) if s.urgency == 3]
    assert any("notify the police and the safeguarding unit" in title for title in urgent)


def test_a_teacher_is_not_shown_other_peoples_cases_on_the_home_page():
    load_demo()
    assert not any("IIC-" in s.title or "UM-" in s.title for s in next_steps(_person("teacher")))


def test_everyone_has_the_report_a_concern_link():
    load_demo()
    for person in ("teacher", "governor", "head"):
        assert "Report a concern" in [item.label for item in nav_items(_person(person))]
