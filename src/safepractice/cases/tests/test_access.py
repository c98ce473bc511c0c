"""Need to know: every role × every route × view, act and download evidence.

The expected table is written out here from DESIGN.md, not computed from access.py. In every
case ``colleague`` raised it; ``teacher`` is the person it concerns (bullied on route 1, the
subject on routes 3 and 4); ``line_manager`` manages the teacher, ``other_line_manager`` the
colleague.
"""

import pytest
from django.utils import timezone

from safepractice.cases import access, services, workflow
from safepractice.cases.models import Route
from safepractice.cases.services import Upload
from safepractice.testing.auth import sign_in_verified as sign_in
from safepractice.testing.cases import make_case, make_staff_room, png_bytes

pytestmark = pytest.mark.django_db

ROLES = ["head", "dsl", "slt", "line_manager", "other_line_manager", "teacher", "colleague",
         "bystander", "ict", "governor", "trust_admin"]
Y, N = True, False
# role: (view, act, download)
EXPECTED = {
    Route.CYBERBULLYING: {
        "head": (Y, Y, Y), "line_manager": (Y, Y, Y), "teacher": (Y, N, Y),
        "colleague": (Y, N, Y),
    },
    Route.INDECENT_IMAGES: {"head": (Y, Y, N), "dsl": (Y, Y, N)},
    Route.UNSUITABLE_MATERIAL: {"head": (Y, Y, Y), "dsl": (Y, Y, Y)},
    Route.CONDUCT: {"head": (Y, Y, Y)},
    Route.PUPIL_EXPOSURE: {"head": (Y, Y, Y), "dsl": (Y, Y, Y), "ict": (Y, Y, Y)},
}
FIRST_HANDLING_ACTION = {
    Route.CYBERBULLYING: ("acknowledge", {}),
    Route.INDECENT_IMAGES: ("record-notification", {
        "body": "police", "contact": "Control room", "reference": "CAD-1"}),
    Route.UNSUITABLE_MATERIAL: ("request-advice", {"source": "hr-advice", "contact": "HR"}),
    Route.CONDUCT: ("start-investigation", {}),
    Route.PUPIL_EXPOSURE: ("record-control-action", {"control": "passwords", "body": "Reset"}),
}


def expected(route, role) -> tuple[bool, bool, bool]:
    return EXPECTED[route].get(role, (N, N, N))


def knows_of(route, role) -> bool:
    """Its viewers, and whoever raised it except on route 2, know of the case."""
    raised_it = role == "colleague" and route != Route.INDECENT_IMAGES
    return expected(route, role)[0] or raised_it


def refused_status(route, role) -> int:
    """Something refused: 403 to whoever knows of the case and to someone outside the school;
    to any other member, the 404 of a case that does not exist."""
    if role == "trust_admin":
        return 403
    return 403 if knows_of(route, role) else 404


def _raise(room, route, uploads=()):
    if route == Route.CYBERBULLYING:
        return make_case(room, route, raised_by=room.colleague, concerns=room.teacher,
                         uploads=uploads)
    return make_case(room, route, uploads=uploads)


def _membership(room, role):
    return None if role == "trust_admin" else getattr(room, role)


def _user(room, role):
    return room.trust_admin if role == "trust_admin" else getattr(room, role).user


@pytest.mark.parametrize("route", Route.values)
def test_access_rules_match_the_need_to_know_table(route):
    room = make_staff_room()
    case = _raise(room, route)
    actual = {
        role: (access.can(_membership(room, role), case, access.VIEW),
               access.can(_membership(room, role), case, workflow.HANDLE),
               access.can(_membership(room, role), case, access.DOWNLOAD))
        for role in ROLES
    }
    assert actual == {role: expected(route, role) for role in ROLES}


def _with_evidence(room, route):
    if route == Route.INDECENT_IMAGES:
        return _raise(room, route), None
    if route == Route.UNSUITABLE_MATERIAL:
        case = _raise(room, route)
        now = timezone.now()
        case = services.perform(case, "request-advice", room.head,
                                {"source": "hr-advice", "at": now, "contact": "HR"}, 1)
        case = services.perform(case, "record-advice", room.head, {
            "source": "hr-advice", "at": now, "contact": "HR", "substance": "Proceed"}, 2)
        services.add_evidence(case, room.head, [Upload("log.txt", b"browser history export")])
    else:
        case = _raise(room, route, uploads=[Upload("shot.png", png_bytes())])
    return case, case.evidence.first()


@pytest.mark.parametrize("route", Route.values)
def test_every_role_gets_the_pages_the_table_allows_and_no_others(client, route):
    room = make_staff_room()
    case, item = _with_evidence(room, route)
    base = f"/s/{room.school.slug}/cases/{case.pk}"
    for role in ROLES:
        may_view, _, may_download = expected(route, role)
        client.logout()
        sign_in(client, _user(room, role))
        response = client.get(f"{base}/")
        if may_view:
            assert response.status_code == 200, role
        elif knows_of(route, role):
            # a reporter's summary, never the case itself
            assert response.status_code == 302, role
            assert response.url.endswith(f"/cases/{case.pk}/summary/"), role
        else:
            assert response.status_code == refused_status(route, role), role
        if item is not None:
            response = client.get(f"{base}/evidence/{item.pk}/")
            assert response.status_code == (
                200 if may_download else refused_status(route, role)), role


@pytest.mark.parametrize("route", Route.values)
def test_only_handlers_can_act_through_the_web(client, route):
    room = make_staff_room()
    name, data = FIRST_HANDLING_ACTION[route]
    for role in ROLES:
        case = _raise(room, route)
        _, may_act, _ = expected(route, role)
        client.logout()
        sign_in(client, _user(room, role))
        form = {f"{name}-{k}": v for k, v in data.items()}
        form |= {f"{name}-version": case.version,
                 f"{name}-at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
                 f"{name}-notified_by": room.head.pk}
        response = client.post(f"/s/{room.school.slug}/cases/{case.pk}/act/{name}/", form)
        case.refresh_from_db()
        if may_act:
            assert response.status_code == 302, (role, response.content[:500])
            assert case.version == 2, role
        else:
            assert response.status_code == refused_status(route, role), role
            assert case.version == 1, role


def test_who_raised_a_case_keeps_a_summary_except_of_indecent_images():
    room = make_staff_room()
    for route in Route.values:
        case = _raise(room, route)
        assert access.can(room.colleague, case, access.SUMMARY) is (
            route != Route.INDECENT_IMAGES), route


def test_a_conduct_concern_is_hidden_from_its_subject_until_the_head_informs_them(client):
    room = make_staff_room()
    case = _raise(room, Route.CONDUCT)
    sign_in(client, room.teacher.user)
    assert client.get(f"/s/{room.school.slug}/cases/{case.pk}/summary/").status_code == 404
    assert case not in client.get(f"/s/{room.school.slug}/cases/").context["reports"]
    services.perform(case, "inform-subject", room.head, {}, case.version)
    response = client.get(f"/s/{room.school.slug}/cases/{case.pk}/summary/")
    assert response.status_code == 200
    assert "shared this concern with you" in response.content.decode()
    assert client.get(f"/s/{room.school.slug}/cases/{case.pk}/").status_code == 302


def test_a_dsl_who_is_the_subject_of_an_allegation_cannot_see_it():
    room = make_staff_room()
    case = make_case(room, Route.UNSUITABLE_MATERIAL, concerns=room.dsl)
    assert not access.can(room.dsl, case, access.VIEW)
    assert access.can(room.head, case, access.VIEW)


def test_cyberbullying_reported_to_the_head_is_not_shown_to_the_line_manager():
    room = make_staff_room()
    case = make_case(room, Route.CYBERBULLYING, report_to="head")
    assert not access.can(room.line_manager, case, access.VIEW)
    assert access.can(room.head, case, workflow.HANDLE)


def test_nothing_of_one_school_is_visible_from_another(client):
    room, other = make_staff_room(), make_staff_room()
    case = _raise(room, Route.CYBERBULLYING)
    sign_in(client, other.head.user)
    assert client.get(f"/s/{other.school.slug}/cases/{case.pk}/").status_code == 404
    assert client.get(f"/s/{room.school.slug}/cases/{case.pk}/").status_code == 403
