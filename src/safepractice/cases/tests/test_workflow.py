"""Each route's state machine: every allowed transition, and every forbidden one refused."""

import pytest
from django.utils import timezone

from safepractice.cases import services, workflow
from safepractice.cases.models import Case, Route
from safepractice.testing.cases import make_case, make_staff_room

pytestmark = pytest.mark.django_db


def act(case: Case, name: str, actor, **data) -> Case:
    return services.perform(case, name, actor, data, expected_version=case.version)


def _now():
    return timezone.now() - timezone.timedelta(minutes=1)


def test_cyberbullying_runs_reported_acknowledged_action_agreed_closed_and_reopens():
    room = make_staff_room()
    case = make_case(room, Route.CYBERBULLYING)
    assert case.state == "reported"
    case = act(case, "acknowledge", room.line_manager, note="Spoke to them today.")
    assert (case.state, case.acknowledged_at is not None) == ("acknowledged", True)
    case = act(case, "agree-action", room.line_manager, action_agreed="Ask the parent to remove it")
    assert case.state == "action-agreed"
    case = act(case, "close", room.line_manager, outcome_detail="Post removed; apology received")
    assert (case.state, case.outcome_detail) == ("closed", "Post removed; apology received")
    case = act(case, "reopen", room.head, reason="The posts started again")
    assert (case.state, case.times_reopened, case.closed_at) == ("acknowledged", 1, None)


def test_indecent_images_needs_both_notifications_before_it_counts_as_notified():
    room = make_staff_room()
    case = make_case(room, Route.INDECENT_IMAGES)
    assert case.state == "raised"
    case = act(case, "record-notification", room.head, body="police", at=_now(),
               contact="Control room", reference="CAD-4411", notified_by=room.head)
    assert case.state == "raised"
    case = act(case, "record-notification", room.dsl, body="safeguarding-unit", at=_now(),
               contact="Duty officer", reference="SU-77", notified_by=room.dsl)
    assert case.state == "notified"
    case = act(case, "hand-over", room.head, at=_now(), handed_over_to="DC Patel",
               handover_reference="OP-12")
    assert case.state == "handed-over"
    case = act(case, "close", room.dsl)
    assert case.state == "closed"
    bodies = {(n.body, n.notified_by_id, n.reference) for n in case.notifications.all()}
    assert bodies == {("police", room.head.pk, "CAD-4411"),
                      ("safeguarding-unit", room.dsl.pk, "SU-77")}


def test_the_same_body_cannot_be_recorded_as_notified_twice():
    room = make_staff_room()
    case = make_case(room, Route.INDECENT_IMAGES)
    case = act(case, "record-notification", room.head, body="police", at=_now(),
               contact="Control room", reference="CAD-1")
    with pytest.raises(services.Refused):
        act(case, "record-notification", room.head, body="police", at=_now(),
            contact="Control room", reference="CAD-2")


def test_unsuitable_material_runs_from_advice_to_closed():
    room = make_staff_room()
    case = make_case(room, Route.UNSUITABLE_MATERIAL)
    case = act(case, "request-advice", room.dsl, source="hr-advice", at=_now(),
               contact="HR duty adviser")
    assert case.state == "advice-requested"
    case = act(case, "record-advice", room.dsl, source="hr-advice", at=_now(),
               contact="HR duty adviser", substance="Hold a fact-finding meeting first.")
    assert case.state == "advice-received"
    assert case.details.advice_substance == "Hold a fact-finding meeting first."
    case = act(case, "start-investigation", room.head)
    assert case.state == "under-investigation"
    case = act(case, "record-outcome", room.head, outcome="disciplinary",
               outcome_detail="Formal warning")
    assert (case.state, case.outcome) == ("outcome", "disciplinary")
    case = act(case, "close", room.head)
    assert case.state == "closed"


def test_conduct_concern_runs_from_raised_to_closed():
    room = make_staff_room()
    case = make_case(room, Route.CONDUCT)
    case = act(case, "start-investigation", room.head)
    assert case.state == "under-investigation"
    case = act(case, "record-outcome", room.head, outcome="no-further-action",
               outcome_detail="The request was declined the same day.")
    assert case.state == "outcome"
    case = act(case, "close", room.head)
    assert case.state == "closed"


def test_pupil_exposure_runs_from_raised_through_control_changes_to_closed():
    room = make_staff_room()
    case = make_case(room, Route.PUPIL_EXPOSURE)
    case = act(case, "record-control-action", room.ict, control="web filter",
               body="Blocked the video site for pupil accounts")
    assert case.state == "acting"
    case = act(case, "record-control-action", room.ict, control="passwords",
               body="Reset the shared Year 5 password")
    assert case.state == "acting"
    case = act(case, "close", room.dsl, outcome_detail="Filter updated, passwords reset")
    assert (case.state, case.outcome_detail) == ("closed", "Filter updated, passwords reset")


# --- forbidden transitions ------------------------------------------------------------------

ACTOR_FOR_CAPABILITY = {
    workflow.HANDLE: "head", workflow.CONTRIBUTE: "head", workflow.WISHES: "teacher",
    workflow.POLICE: "teacher", workflow.INFORM: "head",
}
ROUTE_ACTIONS = [(route, name) for route, machine in workflow.MACHINES.items()
                 for name in machine.actions]


@pytest.mark.parametrize(("route", "name"), ROUTE_ACTIONS)
def test_an_action_from_a_state_it_does_not_start_from_is_refused_and_changes_nothing(
    route, name
):
    room = make_staff_room()
    case = make_case(room, route)
    machine = workflow.machine_for(route)
    action = machine.action(name)
    actor = getattr(room, ACTOR_FOR_CAPABILITY[action.capability])
    refused_from = [state for state in machine.states if state not in action.sources]
    for state in refused_from:
        Case.objects.filter(pk=case.pk).update(state=state)
        case.refresh_from_db()
        with pytest.raises(services.WrongState):
            act(case, name, actor)
        case.refresh_from_db()
        assert case.state == state
    assert case.events.filter(detail__action=name).count() == 0


ABSENT = [(route, name) for route, machine in workflow.MACHINES.items()
          for name in sorted(services.ALL_ACTIONS | {"investigate"}) if name not in machine.actions]


@pytest.mark.parametrize(("route", "name"), ABSENT)
def test_an_action_a_route_does_not_have_is_refused_whoever_asks(route, name):
    room = make_staff_room()
    case = make_case(room, route)
    with pytest.raises(services.ActionNotAvailable):
        act(case, name, room.head)
    case.refresh_from_db()
    assert case.version == 1


def test_indecent_images_has_no_evidence_note_or_investigation_action():
    actions = set(workflow.MACHINES[Route.INDECENT_IMAGES].actions)
    assert not actions & {"add-evidence", "add-note", "start-investigation",
                          "add-interview-note", "record-outcome"}


def test_indecent_images_record_has_no_field_for_the_material():
    from safepractice.cases.models import IndecentImagesReport

    names = {f.name for f in IndecentImagesReport._meta.get_fields()}
    assert names == {"id", "case", "found_at", "device", "location", "account",
                     "others_aware", "handed_over_to", "handover_reference"}


def test_unsuitable_material_refuses_every_investigation_step_until_advice_is_received():
    room = make_staff_room()
    case = make_case(room, Route.UNSUITABLE_MATERIAL)
    steps = ["start-investigation", "add-evidence", "add-interview-note", "record-outcome"]
    for state in ("raised", "advice-requested"):
        Case.objects.filter(pk=case.pk).update(state=state)
        case.refresh_from_db()
        for step in steps:
            with pytest.raises(services.WrongState, match="until the advice"):
                act(case, step, room.head)
    assert case.evidence.count() == 0


def test_advice_cannot_be_recorded_without_its_substance():
    from safepractice.cases.forms import action_form

    room = make_staff_room()
    case = make_case(room, Route.UNSUITABLE_MATERIAL)
    case = act(case, "request-advice", room.dsl, source="hr-advice", at=_now(), contact="HR")
    form = action_form(case, "record-advice", room.dsl, {
        "version": case.version, "source": "hr-advice", "at": "2026-01-01T10:00",
        "contact": "HR", "substance": "",
    }, prefixed=False)
    assert not form.is_valid()
    assert "substance" in form.errors


def test_cyberbullying_police_referral_is_refused_unless_the_reporter_chose_police():
    room = make_staff_room()
    for wish in ("no", "not-yet"):
        case = make_case(room, Route.CYBERBULLYING, police_wish=wish)
        with pytest.raises(services.Refused, match="chosen to involve the police"):
            act(case, "refer-to-police", room.head, at=_now(), contact="101", reference="X")
        assert case.notifications.count() == 0


def test_cyberbullying_police_referral_is_recorded_once_the_reporter_chooses_it():
    room = make_staff_room()
    case = make_case(room, Route.CYBERBULLYING, police_wish="not-yet")
    case = act(case, "update-wishes", room.teacher, police_wish="yes",
               wants_confidentiality=True, support_union=False, support_colleague=True,
               support_notes="")
    case = act(case, "refer-to-police", room.teacher, at=_now(), contact="101 online",
               reference="PR-1")
    referral = case.notifications.get()
    assert (referral.body, referral.kind, referral.reference) == ("police", "referral", "PR-1")


def test_only_the_person_bullied_changes_their_wishes():
    room = make_staff_room()
    case = make_case(room, Route.CYBERBULLYING, raised_by=room.ict, concerns=room.teacher)
    wishes = {"police_wish": "yes", "wants_confidentiality": True, "support_union": False,
              "support_colleague": False, "support_notes": ""}
    for someone in (room.head, room.line_manager, room.ict):
        with pytest.raises(services.NotAllowed):
            act(case, "update-wishes", someone, **wishes)
    case = act(case, "update-wishes", room.teacher, **wishes)
    assert case.details.police_wish == "yes"


def test_conduct_concern_subject_is_informed_once_by_the_head():
    room = make_staff_room()
    case = make_case(room, Route.CONDUCT)
    with pytest.raises(services.NotAllowed):
        act(case, "inform-subject", room.dsl)
    case = act(case, "inform-subject", room.head)
    assert case.subject_informed_at is not None
    with pytest.raises(services.Refused):
        act(case, "inform-subject", room.head)


def test_the_database_marks_a_case_open_in_every_state_of_its_route_but_closed():
    room = make_staff_room()
    for route, machine in workflow.MACHINES.items():
        case = make_case(room, route)
        for state in machine.states:
            Case.objects.filter(pk=case.pk).update(state=state)
            assert Case.objects.get(pk=case.pk).is_open == (state != "closed"), (route, state)
