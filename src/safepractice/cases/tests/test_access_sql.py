"""The case lists filter in SQL; the answers must be the ones ``access.can`` gives."""

import pytest
from django.utils import timezone

from safepractice.cases import access
from safepractice.cases.models import Case, ReportTo, Route
from safepractice.testing.cases import make_case, make_staff_room

pytestmark = pytest.mark.django_db

ROLES = ["head", "dsl", "slt", "line_manager", "other_line_manager", "teacher", "colleague",
         "bystander", "ict", "governor"]


def _cases(room) -> list[Case]:
    cases = []
    for route in Route:
        cases.append(make_case(room, route))
        cases.append(make_case(room, route, raised_by=room.colleague, concerns=room.teacher))
        cases.append(make_case(room, route, raised_by=room.teacher, concerns=room.colleague))
    to_manager = make_case(room, Route.CYBERBULLYING, raised_by=room.teacher,
                           concerns=room.teacher)
    to_manager.cyberbullying.report_to = ReportTo.LINE_MANAGER
    to_manager.cyberbullying.save()
    informed = make_case(room, Route.CONDUCT, raised_by=room.colleague, concerns=room.teacher)
    Case.objects.filter(pk=informed.pk).update(subject_informed_at=timezone.now())
    return [*cases, to_manager, informed]


@pytest.mark.parametrize("capability", [access.VIEW, access.SUMMARY])
def test_the_sql_rules_give_the_same_cases_as_can_for_every_role(capability):
    room = make_staff_room()
    cases = _cases(room)
    rule = access.view_q if capability == access.VIEW else access.summary_q
    for role in ROLES:
        member = getattr(room, role)
        by_sql = set(Case.objects.filter(rule(member)).values_list("pk", flat=True))
        fresh = Case.objects.filter(pk__in=[c.pk for c in cases]).select_related(
            "cyberbullying", "concerns")
        by_can = {c.pk for c in fresh if access.can(member, c, capability)}
        assert by_sql == by_can, (role, capability)
