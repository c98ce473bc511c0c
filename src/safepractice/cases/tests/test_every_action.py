"""Every action of every route, end to end: the case page offers its form, and the action
posts through the page and through the API. A route offering an action whose form, handler or
guard does not fit fails here rather than on a page.

An action added to a route needs an entry in ``SAMPLE_INPUT`` (what a person would type);
``test_every_action_has_sample_input`` says which is missing.
"""

from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django.utils.datastructures import MultiValueDict

from safepractice.cases import access, workflow
from safepractice.cases.api import router
from safepractice.cases.models import Case, CaseTask, PoliceWish, Route
from safepractice.schools.models import Membership
from safepractice.testing.api import router_client
from safepractice.testing.auth import sign_in_verified as sign_in
from safepractice.testing.cases import StaffRoom, make_case, make_staff_room, png_bytes

pytestmark = pytest.mark.django_db
api = router_client(router)

# Who takes an action needing each capability, in a case raised by make_case.
ACTOR_FOR_CAPABILITY = {
    access.HANDLE: "head", access.CONTRIBUTE: "head", access.WISHES: "teacher",
    access.POLICE: "teacher", access.INFORM: "head",
}


def _an_hour_ago() -> str:
    return f"{timezone.localtime() - timezone.timedelta(hours=1):%Y-%m-%dT%H:%M}"


def _open_task(case: Case, actor: Membership) -> dict[str, Any]:
    task = CaseTask.objects.create(case=case, title="Call the parent", owner=actor,
                                   due_on=timezone.localdate(), created_by=actor)
    return {"task": task.pk}


# What a person would fill in for each action, given the case and who acts; "files" is the
# evidence upload, sent to the page with the form and to the API's evidence endpoint.
SAMPLE_INPUT: dict[str, Callable[[Case, Membership], dict[str, Any]]] = {
    "acknowledge": lambda case, actor: {"note": "Spoke to them today."},
    "agree-action": lambda case, actor: {"action_agreed": "Ask the parent to remove it."},
    "close": lambda case, actor: {"outcome_detail": "Post removed; controls changed."},
    "reopen": lambda case, actor: {"reason": "The posts started again."},
    "update-wishes": lambda case, actor: {"police_wish": PoliceWish.YES, "support_notes": ""},
    "refer-to-police": lambda case, actor: {"at": _an_hour_ago(), "contact": "101 online",
                                            "reference": "PR-1"},
    "record-notification": lambda case, actor: {
        "body": "police", "notified_by": actor.pk, "at": _an_hour_ago(),
        "contact": "Control room", "reference": "CAD-4411"},
    "hand-over": lambda case, actor: {"at": _an_hour_ago(), "handed_over_to": "DC Patel",
                                      "handover_reference": "OP-12"},
    "request-advice": lambda case, actor: {"source": "hr-advice", "at": _an_hour_ago(),
                                           "contact": "HR duty adviser"},
    "record-advice": lambda case, actor: {"source": "hr-advice", "at": _an_hour_ago(),
                                          "contact": "HR duty adviser",
                                          "substance": "Hold a fact-finding meeting first."},
    "start-investigation": lambda case, actor: {"note": ""},
    "add-note": lambda case, actor: {"body": "Parent phoned back."},
    "add-interview-note": lambda case, actor: {"interviewee": "The class teacher",
                                               "body": "Saw nothing on the day."},
    "record-outcome": lambda case, actor: {"outcome": "no-further-action",
                                           "outcome_detail": "Declined the same day."},
    "inform-subject": lambda case, actor: {"note": ""},
    "record-control-action": lambda case, actor: {"control": "web filter",
                                                  "body": "Blocked the site for pupils."},
    "add-evidence": lambda case, actor: {"description": "Filter log, 2 Nov"},
    "add-task": lambda case, actor: {"title": "Call the parent", "owner": actor.pk,
                                     "due_on": f"{timezone.localdate():%Y-%m-%d}"},
    "complete-task": _open_task,
}

ROUTE_ACTIONS = [(route, name) for route, machine in workflow.MACHINES.items()
                 for name in machine.actions]


def _case_ready_for(room: StaffRoom, route: str, name: str) -> tuple[Case, Membership]:
    """A case of ``route`` in the first state ``name`` starts from, and who may take it."""
    machine = workflow.machine_for(route)
    step = machine.action(name)
    # The police referral is there only once the person bullied chose police.
    details = {"police_wish": PoliceWish.YES} if route == Route.CYBERBULLYING else {}
    case = make_case(room, route, **details)
    state = next(state for state in machine.states if state in step.sources)
    Case.objects.filter(pk=case.pk).update(state=state)
    case.refresh_from_db()
    return case, getattr(room, ACTOR_FOR_CAPABILITY[step.capability])


def _page(room: StaffRoom, case: Case, *parts: str) -> str:
    return "/".join([f"/s/{room.school.slug}/cases/{case.pk}", *parts]) + "/"


def _input(case: Case, name: str, actor: Membership) -> dict[str, Any]:
    return {"version": case.version, **SAMPLE_INPUT[name](case, actor)}


def test_every_action_has_sample_input():
    assert {name for _, name in ROUTE_ACTIONS} - set(SAMPLE_INPUT) == set()


@pytest.mark.parametrize(("route", "name"), ROUTE_ACTIONS)
def test_the_case_page_offers_the_form_of_every_action_from_its_state(client, route, name):
    room = make_staff_room()
    case, actor = _case_ready_for(room, route, name)
    SAMPLE_INPUT[name](case, actor)  # e.g. the open task a task is marked done from
    sign_in(client, actor.user)
    response = client.get(_page(room, case))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'action="{_page(room, case, "act", name)}"' in html
    assert f'name="{name}-version"' in html


@pytest.mark.parametrize(("route", "name"), ROUTE_ACTIONS)
def test_every_action_posts_through_the_case_page(client, route, name):
    room = make_staff_room()
    case, actor = _case_ready_for(room, route, name)
    data = _input(case, name, actor)
    if name == "add-evidence":
        data["files"] = SimpleUploadedFile("log.png", png_bytes())
    sign_in(client, actor.user)
    response = client.post(_page(room, case, "act", name),
                           {f"{name}-{field}": value for field, value in data.items()})
    assert response.status_code == 302 and response.url == _page(room, case)
    assert case.events.filter(detail__action=name).count() == 1


@pytest.mark.parametrize(("route", "name"), ROUTE_ACTIONS)
def test_every_action_posts_through_the_api(route, name):
    room = make_staff_room()
    case, actor = _case_ready_for(room, route, name)
    data = _input(case, name, actor)
    if name == "add-evidence":
        response = api.post(f"/{room.school.slug}/cases/{case.pk}/evidence",
                            {"description": data["description"]},
                            FILES=MultiValueDict({"files": [SimpleUploadedFile(
                                "log.png", png_bytes())]}),
                            user=actor.user)
        assert response.status_code == 201
    else:
        response = api.post(f"/{room.school.slug}/cases/{case.pk}/actions/{name}", json=data,
                            user=actor.user)
        assert response.status_code == 200, response.json()
    assert case.events.filter(detail__action=name).count() == 1
