"""Each route as a state machine. An action the policy forbids on a route is simply absent.

``MACHINES[route].actions`` maps each action the route offers to its ``Step``: the action
(``actions.py``: handler, form, guard, chronology kind), its label on this route, the states
it may start from, the state it leads to and who may take it. The services look steps up here
and refuse anything missing: route 2 has no ``add-evidence``, ``add-note`` or
``start-investigation``; route 3's investigation steps exist but start only from "advice
received".
"""

from dataclasses import dataclass, field

from . import actions
from .access import CONTRIBUTE, HANDLE, INFORM, POLICE, WISHES
from .models import ROUTE_STATES, Route


@dataclass(frozen=True)
class Step:
    """One action as one route offers it."""

    action: actions.Action
    label: str
    sources: frozenset[str]
    target: str | None = None  # None: the case stays in its state
    capability: str = HANDLE
    # Said when the action exists on the route but not from the case's current state.
    locked_reason: str = ""

    @property
    def name(self) -> str:
        return self.action.name


@dataclass(frozen=True)
class Machine:
    route: Route
    initial: str
    states: dict[str, str]  # state -> label, in order
    actions: dict[str, Step] = field(default_factory=dict)  # action name -> step

    @property
    def open_states(self) -> frozenset[str]:
        return frozenset(s for s in self.states if s != "closed")

    def action(self, name: str) -> Step | None:
        return self.actions.get(name)


def _machine(route: Route, steps: list[Step]) -> Machine:
    states = ROUTE_STATES[route]
    return Machine(route, next(iter(states)), states, {s.name: s for s in steps})


def _set(*states: str) -> frozenset[str]:
    return frozenset(states)


def _common(open_states: frozenset[str], *, notes: bool = True) -> list[Step]:
    steps = [
        Step(actions.ADD_TASK, "Add a task", open_states),
        Step(actions.COMPLETE_TASK, "Mark a task done", open_states),
    ]
    if notes:
        steps.append(Step(actions.ADD_NOTE, "Add a note", open_states, capability=CONTRIBUTE))
    return steps


# The states each route's actions work in while the case is open (states: models.ROUTE_STATES).
_cb_open = _set("reported", "acknowledged", "action-agreed")
_ii_open = _set("raised", "notified", "handed-over")
_um_open = _set("raised", "advice-requested", "advice-received", "under-investigation",
                "outcome")
_cc_open = _set("raised", "under-investigation", "outcome")
_pe_open = _set("raised", "acting")
_NO_ADVICE_YET = (
    "No investigation step is possible until the advice sought has been recorded as received "
    "(the policy: do not investigate or evaluate the material until advice is received)."
)

MACHINES: dict[str, Machine] = {
    Route.CYBERBULLYING: _machine(Route.CYBERBULLYING, [
        Step(actions.ACKNOWLEDGE, "Acknowledge the report", _set("reported"), "acknowledged"),
        Step(actions.AGREE_ACTION, "Record the action agreed", _set("acknowledged"),
             "action-agreed"),
        Step(actions.CLOSE_WITH_OUTCOME, "Close with the outcome", _set("action-agreed"), "closed"),
        Step(actions.REOPEN, "Reopen", _set("closed"), "acknowledged"),
        Step(actions.UPDATE_WISHES, "Change my wishes", _cb_open, capability=WISHES),
        Step(actions.REFER_TO_POLICE, "Record the police referral", _cb_open, capability=POLICE),
        Step(actions.ADD_EVIDENCE, "Add evidence", _cb_open, capability=CONTRIBUTE),
        *_common(_cb_open),
    ]),
    # Deliberately no add-evidence, no add-note, no investigation: record the fact, notify.
    Route.INDECENT_IMAGES: _machine(Route.INDECENT_IMAGES, [
        Step(actions.RECORD_NOTIFICATION, "Record a notification", _set("raised")),
        Step(actions.HAND_OVER, "Record the handover", _set("notified"), "handed-over"),
        Step(actions.CLOSE, "Close", _set("handed-over"), "closed"),
        *_common(_ii_open, notes=False),
    ]),
    Route.UNSUITABLE_MATERIAL: _machine(Route.UNSUITABLE_MATERIAL, [
        Step(actions.REQUEST_ADVICE, "Record that advice was sought", _set("raised"),
             "advice-requested"),
        Step(actions.RECORD_ADVICE, "Record the advice received", _set("advice-requested"),
             "advice-received"),
        Step(actions.START_INVESTIGATION, "Start the investigation", _set("advice-received"),
             "under-investigation", locked_reason=_NO_ADVICE_YET),
        Step(actions.ADD_EVIDENCE, "Add evidence", _set("advice-received", "under-investigation"),
             locked_reason=_NO_ADVICE_YET),
        Step(actions.ADD_INTERVIEW_NOTE, "Add an interview note", _set("under-investigation"),
             locked_reason=_NO_ADVICE_YET),
        Step(actions.RECORD_OUTCOME, "Record the outcome", _set("under-investigation"), "outcome",
             locked_reason=_NO_ADVICE_YET),
        Step(actions.CLOSE, "Close", _set("outcome"), "closed"),
        *_common(_um_open),
    ]),
    Route.CONDUCT: _machine(Route.CONDUCT, [
        Step(actions.REQUEST_ADVICE, "Record that HR advice was sought", _cc_open),
        Step(actions.RECORD_ADVICE, "Record the HR advice received", _cc_open),
        Step(actions.START_INVESTIGATION, "Start the investigation", _set("raised"),
             "under-investigation"),
        Step(actions.ADD_EVIDENCE, "Add evidence", _set("raised", "under-investigation")),
        Step(actions.ADD_INTERVIEW_NOTE, "Add an interview note", _set("under-investigation")),
        Step(actions.RECORD_OUTCOME, "Record the outcome", _set("under-investigation"), "outcome"),
        Step(actions.CLOSE, "Close", _set("outcome"), "closed"),
        Step(actions.INFORM_SUBJECT, "Inform the member of staff concerned",
             _set(*ROUTE_STATES[Route.CONDUCT]), capability=INFORM),
        *_common(_cc_open),
    ]),
    Route.PUPIL_EXPOSURE: _machine(Route.PUPIL_EXPOSURE, [
        Step(actions.RECORD_CONTROL_ACTION, "Record a change to internet controls or passwords",
             _pe_open, "acting"),
        Step(actions.ADD_EVIDENCE, "Add evidence (filter logs, not the images)", _pe_open),
        Step(actions.CLOSE_WITH_CHANGES, "Close with what changed", _set("acting"), "closed"),
        *_common(_pe_open),
    ]),
}


def machine_for(route: str) -> Machine:
    return MACHINES[Route(route)]


def state_label(route: str, state: str) -> str:
    return machine_for(route).states.get(state, state)
