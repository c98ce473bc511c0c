"""Each route as a state machine. An action the policy forbids on a route is simply absent.

``MACHINES[route].actions`` lists every action a route has, the states it may start from and
the state it leads to. The services look actions up here and refuse anything missing: route 2
has no ``add-evidence``, ``add-note`` or ``start-investigation``; route 3's investigation steps
exist but start only from "advice received".
"""

from dataclasses import dataclass, field

from .models import Route

# What an actor must be able to do (see access.py) to take an action.
HANDLE = "handle"  # the people handling the case
CONTRIBUTE = "contribute"  # handlers, and on route 1 the person bullied and whoever recorded it
WISHES = "wishes"  # the person bullied, alone
POLICE = "police"  # route 1: handlers or the person bullied, and only if they chose police
INFORM = "inform"  # route 4: the head alone decides to tell the member of staff


@dataclass(frozen=True)
class Action:
    name: str
    label: str
    sources: frozenset[str]
    target: str | None = None  # None: the case stays in its state
    capability: str = HANDLE
    # Version-checked actions change what others are looking at; purely additive ones
    # (a note, a file) are serialised by a row lock instead, so two notes both land.
    version_checked: bool = True
    # Said when the action exists on the route but not from the case's current state.
    locked_reason: str = ""


@dataclass(frozen=True)
class Machine:
    route: Route
    initial: str
    states: dict[str, str]  # state -> label, in order
    actions: dict[str, Action] = field(default_factory=dict)

    @property
    def open_states(self) -> frozenset[str]:
        return frozenset(s for s in self.states if s != "closed")

    def action(self, name: str) -> Action | None:
        return self.actions.get(name)


def _machine(route: Route, states: dict[str, str], actions: list[Action]) -> Machine:
    return Machine(route, next(iter(states)), states, {a.name: a for a in actions})


def _set(*states: str) -> frozenset[str]:
    return frozenset(states)


def _common(open_states: frozenset[str], *, notes: bool = True) -> list[Action]:
    actions = [
        Action("add-task", "Add a task", open_states, version_checked=False),
        Action("complete-task", "Mark a task done", open_states, version_checked=False),
    ]
    if notes:
        actions.append(
            Action("add-note", "Add a note", open_states, capability=CONTRIBUTE,
                   version_checked=False)
        )
    return actions


CYBERBULLYING_STATES = {
    "reported": "Reported",
    "acknowledged": "Acknowledged",
    "action-agreed": "Action agreed",
    "closed": "Closed",
}
_cb_open = _set("reported", "acknowledged", "action-agreed")

INDECENT_IMAGES_STATES = {
    "raised": "Raised: notify the police and the safeguarding unit now",
    "notified": "Police and safeguarding unit notified",
    "handed-over": "Handed over",
    "closed": "Closed",
}
_ii_open = _set("raised", "notified", "handed-over")

UNSUITABLE_MATERIAL_STATES = {
    "raised": "Raised",
    "advice-requested": "Advice requested",
    "advice-received": "Advice received",
    "under-investigation": "Under investigation",
    "outcome": "Outcome recorded",
    "closed": "Closed",
}
_um_open = _set("raised", "advice-requested", "advice-received", "under-investigation",
                "outcome")
_NO_ADVICE_YET = (
    "No investigation step is possible until the advice sought has been recorded as received "
    "(the policy: do not investigate or evaluate the material until advice is received)."
)

CONDUCT_STATES = {
    "raised": "Raised",
    "under-investigation": "Under investigation",
    "outcome": "Outcome recorded",
    "closed": "Closed",
}
_cc_open = _set("raised", "under-investigation", "outcome")

PUPIL_EXPOSURE_STATES = {
    "raised": "Raised",
    "acting": "Controls being changed",
    "closed": "Closed",
}
_pe_open = _set("raised", "acting")

MACHINES: dict[str, Machine] = {
    Route.CYBERBULLYING: _machine(Route.CYBERBULLYING, CYBERBULLYING_STATES, [
        Action("acknowledge", "Acknowledge the report", _set("reported"), "acknowledged"),
        Action("agree-action", "Record the action agreed", _set("acknowledged"),
               "action-agreed"),
        Action("close", "Close with the outcome", _set("action-agreed"), "closed"),
        Action("reopen", "Reopen", _set("closed"), "acknowledged"),
        Action("update-wishes", "Change my wishes", _cb_open, capability=WISHES),
        Action("refer-to-police", "Record the police referral", _cb_open, capability=POLICE),
        Action("add-evidence", "Add evidence", _cb_open, capability=CONTRIBUTE,
               version_checked=False),
        *_common(_cb_open),
    ]),
    # Deliberately no add-evidence, no add-note, no investigation: record the fact, notify.
    Route.INDECENT_IMAGES: _machine(Route.INDECENT_IMAGES, INDECENT_IMAGES_STATES, [
        Action("record-notification", "Record a notification", _set("raised")),
        Action("hand-over", "Record the handover", _set("notified"), "handed-over"),
        Action("close", "Close", _set("handed-over"), "closed"),
        *_common(_ii_open, notes=False),
    ]),
    Route.UNSUITABLE_MATERIAL: _machine(Route.UNSUITABLE_MATERIAL, UNSUITABLE_MATERIAL_STATES, [
        Action("request-advice", "Record that advice was sought", _set("raised"),
               "advice-requested"),
        Action("record-advice", "Record the advice received", _set("advice-requested"),
               "advice-received"),
        Action("start-investigation", "Start the investigation", _set("advice-received"),
               "under-investigation", locked_reason=_NO_ADVICE_YET),
        Action("add-evidence", "Add evidence", _set("advice-received", "under-investigation"),
               version_checked=False, locked_reason=_NO_ADVICE_YET),
        Action("add-interview-note", "Add an interview note", _set("under-investigation"),
               version_checked=False, locked_reason=_NO_ADVICE_YET),
        Action("record-outcome", "Record the outcome", _set("under-investigation"), "outcome",
               locked_reason=_NO_ADVICE_YET),
        Action("close", "Close", _set("outcome"), "closed"),
        *_common(_um_open),
    ]),
    Route.CONDUCT: _machine(Route.CONDUCT, CONDUCT_STATES, [
        Action("request-advice", "Record that HR advice was sought", _cc_open),
        Action("record-advice", "Record the HR advice received", _cc_open),
        Action("start-investigation", "Start the investigation", _set("raised"),
               "under-investigation"),
        Action("add-evidence", "Add evidence", _set("raised", "under-investigation"),
               version_checked=False),
        Action("add-interview-note", "Add an interview note", _set("under-investigation"),
               version_checked=False),
        Action("record-outcome", "Record the outcome", _set("under-investigation"), "outcome"),
        Action("close", "Close", _set("outcome"), "closed"),
        Action("inform-subject", "Inform the member of staff concerned",
               _set(*CONDUCT_STATES), capability=INFORM),
        *_common(_cc_open),
    ]),
    Route.PUPIL_EXPOSURE: _machine(Route.PUPIL_EXPOSURE, PUPIL_EXPOSURE_STATES, [
        Action("record-control-action", "Record a change to internet controls or passwords",
               _pe_open, "acting"),
        Action("add-evidence", "Add evidence (filter logs, not the images)", _pe_open,
               version_checked=False),
        Action("close", "Close with what changed", _set("acting"), "closed"),
        *_common(_pe_open),
    ]),
}


def machine_for(route: str) -> Machine:
    return MACHINES[Route(route)]


def state_label(route: str, state: str) -> str:
    return machine_for(route).states.get(state, state)
