"""Writes for cases: raising one, taking an action, adding evidence, reading it back.

Every action goes through ``perform``: it looks the action up in the route's machine (absent →
refused), checks need-to-know, locks the case row, checks the version the actor opened
(stale → refused, nothing changed) and the state, then applies the action and appends the
chronology line. Every view, download and export is written to the audit log.
"""

from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from safepractice.audit.actions import (
    CASE_EXPORTED,
    CASE_RAISED,
    CASE_VIEWED,
    EVIDENCE_DOWNLOADED,
    EVIDENCE_INTEGRITY_CHECK_FAILED,
    case_step_done,
)
from safepractice.audit.services import record
from safepractice.schools.models import Membership, School

from . import access, evidence, notify, retention, rules, selectors, vault, workflow
from .errors import ActionNotAvailable, NotAllowed, Refused, StaleCase, WrongState
from .evidence import Upload
from .models import (
    AlertRequest,
    Case,
    CaseAlert,
    CaseEvent,
    ConductConcern,
    CyberbullyingReport,
    EventKind,
    EvidenceItem,
    IndecentImagesReport,
    IntegrityFlag,
    PupilExposureReport,
    Route,
    UnsuitableMaterialReport,
)
from .tasks import check_notifications_overdue
from .workingdays import add_working_days

DETAIL_MODELS = {
    Route.CYBERBULLYING: CyberbullyingReport,
    Route.INDECENT_IMAGES: IndecentImagesReport,
    Route.UNSUITABLE_MATERIAL: UnsuitableMaterialReport,
    Route.CONDUCT: ConductConcern,
    Route.PUPIL_EXPOSURE: PupilExposureReport,
}
EVIDENCE_AT_RAISING = {Route.CYBERBULLYING, Route.CONDUCT, Route.PUPIL_EXPOSURE}


def _event(case: Case, actor: Membership | None, kind: str, summary: str, body: str = "",
           detail: dict[str, Any] | None = None) -> CaseEvent:
    return CaseEvent.objects.create(case=case, actor=actor, kind=kind, summary=summary[:300],
                                    body=body, detail=detail or {})


def _name(m: Membership) -> str:
    return m.user.full_name


# --- raising ------------------------------------------------------------------------------


@transaction.atomic
def raise_case(
    route: str,
    school: School,
    actor: Membership,
    details: dict[str, Any],
    concerns: Membership | None = None,
    uploads: list[Upload] | tuple[Upload, ...] = (),
) -> Case:
    """Open a case on ``route``. ``details`` are the route's detail fields, already validated."""
    route = Route(route)
    if not access.can_raise(actor) or actor.school_id != school.pk:
        raise NotAllowed("Only a current member of the school can raise a case.")
    if uploads and route not in EVIDENCE_AT_RAISING:
        raise ActionNotAvailable(
            f"Files cannot be added when raising this route ({route.label})."
        )
    if route in (Route.UNSUITABLE_MATERIAL, Route.CONDUCT) and concerns is None:
        raise Refused("Name the member of staff the concern is about.")
    if route == Route.CYBERBULLYING:
        concerns = concerns or actor
    if concerns is not None and concerns.school_id != school.pk:
        raise Refused("That person is not a member of this school.")
    machine = workflow.machine_for(route)
    now = timezone.now()
    case = Case.objects.create(
        school=school, route=route, state=machine.initial, raised_by=actor,
        concerns=concerns if route != Route.INDECENT_IMAGES else None, raised_at=now,
    )
    if route == Route.CYBERBULLYING:
        case.acknowledgement_due_on = add_working_days(
            timezone.localdate(now), school.acknowledgement_working_days
        )
    case.review_on = retention.review_date(case)
    case.save(update_fields=["acknowledgement_due_on", "review_on"])
    DETAIL_MODELS[route].objects.create(case=case, **details)
    on_behalf = route == Route.CYBERBULLYING and concerns.pk != actor.pk
    _event(case, actor, EventKind.CREATED,
           f"{route.label} raised by {actor.user.full_name}"
           + (f" on behalf of {concerns.user.full_name}" if on_behalf else ""))
    items = [evidence.store(case, actor, upload) for upload in uploads]
    if items:
        _event(case, actor, EventKind.EVIDENCE,
               f"Evidence added by {actor.user.full_name}: "
               + ", ".join(item.original_name for item in items),
               detail={"items": [item.pk for item in items]})
    record(CASE_RAISED, actor=actor.user, school=school, target=case, route=route,
           reference=case.reference)
    _alert_on_raising(case)
    if route == Route.INDECENT_IMAGES:
        transaction.on_commit(lambda: _schedule_overdue_check(case))
    return case


def _alert_on_raising(case: Case) -> None:
    asks_for = AlertRequest.NOTHING
    if case.route == Route.INDECENT_IMAGES:
        message = (f"URGENT {case.reference}: indecent images reported. Notify the police and "
                   "the safeguarding unit now, and record both")
        asks_for = AlertRequest.NOTIFICATIONS
    else:
        message = f"New {case.route_label.lower()}: {case.reference}"
    recipients = [m for m in notify.handlers_of(case) if m.pk != case.raised_by_id]
    notify.alert(case, recipients, message, asks_for)


def _schedule_overdue_check(case: Case) -> None:
    backend = check_notifications_overdue.get_backend()
    if backend.supports_defer:
        check_notifications_overdue.using(
            run_after=rules.notifications_due_at(case)
        ).enqueue(case.pk)


# --- actions ------------------------------------------------------------------------------


def available_action(case: Case, name: str, actor: Membership) -> workflow.Step:
    """The route's step for action ``name`` if the actor may take it; raise otherwise."""
    step = workflow.machine_for(case.route).action(name)
    if step is None:
        raise ActionNotAvailable(
            f"“{name.replace('-', ' ')}” does not exist on the route {case.route_label}."
            + (" The school must not hold or investigate the material: record the facts "
               "and notify the police and the safeguarding unit."
               if case.route == Route.INDECENT_IMAGES else "")
        )
    if not access.can(actor, case, step.capability):
        raise NotAllowed("You cannot take this action on this case.")
    return step


def actions_open_to(case: Case, actor: Membership) -> list[workflow.Step]:
    """Steps the actor may take now, in the route's order."""
    machine = workflow.machine_for(case.route)
    return [
        step for step in machine.actions.values()
        if case.state in step.sources and access.can(actor, case, step.capability)
        and step.action.guard(case) is None
    ]


def refusal_reason(case: Case, name: str) -> str | None:
    """Why the route's action ``name`` is refused on this case whatever its state and
    whoever asks (e.g. a police referral the person bullied has not chosen), or None."""
    step = workflow.machine_for(case.route).action(name)
    return None if step is None else step.action.guard(case)


def perform(
    case: Case,
    name: str,
    actor: Membership,
    data: dict[str, Any],
    expected_version: int | None = None,
    uploads: list[Upload] | tuple[Upload, ...] = (),
) -> Case:
    """Take action ``name`` on ``case``; ``data`` is the action form's cleaned data.

    The one way in for every action, from the pages, the API, the demo data and the tests."""
    step = available_action(case, name, actor)
    action = step.action
    with transaction.atomic():
        locked = Case.objects.select_for_update().select_related("school").get(pk=case.pk)
        if action.version_checked and expected_version != locked.version:
            raise StaleCase(locked)
        if locked.state not in step.sources:
            state = workflow.state_label(locked.route, locked.state)
            raise WrongState(
                step.locked_reason
                or f"“{step.label}” is not possible now: the case is {state.lower()}. "
                "Nothing was changed (the page you used may be out of date)."
            )
        if reason := action.guard(locked):
            raise Refused(reason)
        done = action.handler(locked, actor, data, uploads)
        target = done.target or step.target
        if target and target != locked.state:
            done.detail["from"], done.detail["to"] = locked.state, target
            locked.state = target
        locked.version = F("version") + 1
        locked.save()
        locked.refresh_from_db()
        _event(locked, actor, EventKind.STATE if target else action.event_kind, done.summary,
               done.body, {"action": name, **done.detail})
        record(case_step_done(name), actor=actor.user, school=locked.school, target=locked)
    return locked


# Every action name some route offers; a name outside it is refused on every route.
ALL_ACTIONS = {name for m in workflow.MACHINES.values() for name in m.actions}


# --- evidence -----------------------------------------------------------------------------


def add_evidence(case: Case, actor: Membership, uploads: list[Upload],
                 supersedes: EvidenceItem | None = None) -> Case:
    return perform(case, "add-evidence", actor, {"supersedes": supersedes}, uploads=uploads)


def read_evidence(item: EvidenceItem, actor: Membership) -> bytes:
    """The original file, audited; an item that fails its check is flagged and refused."""
    case = item.case
    if not access.can(actor, case, access.DOWNLOAD):
        raise NotAllowed("You cannot download evidence of this case.")
    try:
        data = vault.read_verified(case.school_id, item.stored_name, item.sha256)
    except vault.IntegrityFailure as failure:
        with transaction.atomic():
            IntegrityFlag.objects.create(item=item, detected_by=actor, reason=str(failure))
            _event(case, actor, EventKind.EVIDENCE_FLAGGED,
                   f"Integrity check failed for {item.original_name}: {failure}",
                   detail={"item": item.pk})
            record(EVIDENCE_INTEGRITY_CHECK_FAILED, actor=actor.user, school=case.school,
                   target=item, reason=str(failure))
            notify.alert(case, notify.handlers_of(case),
                         f"{case.reference}: an evidence file failed its integrity check")
        raise
    with transaction.atomic():
        _event(case, actor, EventKind.DOWNLOAD,
               f"{item.original_name} downloaded by {_name(actor)}", detail={"item": item.pk})
        record(EVIDENCE_DOWNLOADED, actor=actor.user, school=case.school, target=item,
               sha256=item.sha256)
    return data


# --- views and exports --------------------------------------------------------------------


def record_view(case: Case, actor: Membership, what: str = "case") -> None:
    """Every view of a case goes into the audit log and the case's chronology."""
    with transaction.atomic():
        _event(case, actor, EventKind.VIEW, f"Viewed by {_name(actor)}", detail={"what": what})
        record(CASE_VIEWED, actor=actor.user, school=case.school, target=case, what=what)
        CaseAlert.objects.filter(case=case, recipient=actor, seen_at__isnull=True).update(
            seen_at=timezone.now()
        )


def export_case(case: Case, actor: Membership) -> dict[str, Any]:
    """The case's record and chronology as data, for a handler; audited."""
    if not access.can(actor, case, access.HANDLE):
        raise NotAllowed("Only the people handling this case can export it.")
    data = selectors.case_record(case)
    with transaction.atomic():
        _event(case, actor, EventKind.EXPORT, f"Exported by {_name(actor)}")
        record(CASE_EXPORTED, actor=actor.user, school=case.school, target=case)
    return data

