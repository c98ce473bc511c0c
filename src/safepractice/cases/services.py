"""Writes for cases: raising one, taking an action, adding evidence, reading it back.

Every action goes through ``perform``: it looks the action up in the route's machine (absent →
refused), checks need-to-know, locks the case row, checks the version the actor opened
(stale → refused, nothing changed) and the state, then applies the action and appends the
chronology line. Every view, download and export is written to the audit log.
"""

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from safepractice.audit.services import record
from safepractice.schools.models import Membership, School

from . import access, notify, retention, rules, vault, workflow
from .models import (
    AlertRequest,
    Body,
    Case,
    CaseAlert,
    CaseEvent,
    CaseTask,
    ConductConcern,
    CyberbullyingReport,
    EventKind,
    EvidenceItem,
    IndecentImagesReport,
    IntegrityFlag,
    Notification,
    NotificationKind,
    PoliceWish,
    PupilExposureReport,
    Route,
    UnsuitableMaterialReport,
)
from .workingdays import add_working_days


class CaseError(Exception):
    """An action refused, with a message for the person who tried it."""


class ActionNotAvailable(CaseError):
    pass


class NotAllowed(CaseError):
    pass


class WrongState(CaseError):
    pass


class StaleCase(CaseError):
    def __init__(self, case: Case) -> None:
        self.current_version = case.version
        super().__init__(
            "This case changed since you opened it (someone else acted on it). Nothing was "
            "saved; what you typed is still in the form below. Check the case and try again."
        )


class Refused(CaseError):
    pass


@dataclass(frozen=True)
class Upload:
    name: str
    data: bytes
    description: str = ""


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
    items = [_store_evidence(case, actor, upload) for upload in uploads]
    if items:
        _event(case, actor, EventKind.EVIDENCE,
               f"Evidence added by {actor.user.full_name}: "
               + ", ".join(item.original_name for item in items),
               detail={"items": [item.pk for item in items]})
    record("case-raised", actor=actor.user, school=school, target=case, route=route,
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
    from .tasks import check_notifications_overdue

    backend = check_notifications_overdue.get_backend()
    if backend.supports_defer:
        check_notifications_overdue.using(
            run_after=rules.notifications_due_at(case)
        ).enqueue(case.pk)


# --- actions ------------------------------------------------------------------------------


def available_action(case: Case, name: str, actor: Membership) -> workflow.Action:
    """The action if this route has it and the actor may take it; raise otherwise."""
    action = workflow.machine_for(case.route).action(name)
    if action is None:
        raise ActionNotAvailable(
            f"“{name.replace('-', ' ')}” does not exist on the route {case.route_label}."
            + (" The school must not hold or investigate the material: record the facts "
               "and notify the police and the safeguarding unit."
               if case.route == Route.INDECENT_IMAGES else "")
        )
    if not access.can(actor, case, action.capability):
        raise NotAllowed("You cannot take this action on this case.")
    return action


def actions_open_to(case: Case, actor: Membership) -> list[workflow.Action]:
    """Actions the actor may take now, in the route's order."""
    machine = workflow.machine_for(case.route)
    return [
        action for action in machine.actions.values()
        if case.state in action.sources and access.can(actor, case, action.capability)
        and _guard(case, action) is None
    ]


def _guard(case: Case, action: workflow.Action) -> str | None:
    if action.name == "refer-to-police" and case.cyberbullying.police_wish != PoliceWish.YES:
        return ("A police referral can be recorded only if the person bullied has chosen to "
                "involve the police. It is their decision (the policy).")
    if action.name == "complete-task" and not case.tasks.filter(done_at__isnull=True).exists():
        return "There is no open task on this case."
    if action.name == "inform-subject" and case.subject_informed_at is not None:
        return "The member of staff has already been informed."
    return None


def perform(
    case: Case,
    name: str,
    actor: Membership,
    data: dict[str, Any],
    expected_version: int | None = None,
    uploads: list[Upload] | tuple[Upload, ...] = (),
) -> Case:
    """Take action ``name`` on ``case``; ``data`` is the action form's cleaned data."""
    action = available_action(case, name, actor)
    with transaction.atomic():
        locked = Case.objects.select_for_update().select_related("school").get(pk=case.pk)
        if action.version_checked and expected_version != locked.version:
            raise StaleCase(locked)
        if locked.state not in action.sources:
            state = workflow.state_label(locked.route, locked.state)
            raise WrongState(
                action.locked_reason
                or f"“{action.label}” is not possible now: the case is {state.lower()}. "
                "Nothing was changed (the page you used may be out of date)."
            )
        if reason := _guard(locked, action):
            raise Refused(reason)
        summary, body, detail, target = HANDLERS[name](locked, actor, data, uploads)
        target = target or action.target
        if target and target != locked.state:
            detail["from"], detail["to"] = locked.state, target
            locked.state = target
        locked.version = F("version") + 1
        locked.save()
        locked.refresh_from_db()
        _event(locked, actor, EventKind.STATE if target else _event_kind(name), summary, body,
               {"action": name, **detail})
        record(f"case-{name}", actor=actor.user, school=locked.school, target=locked)
    return locked


def _event_kind(name: str) -> str:
    return {
        "add-note": EventKind.NOTE, "add-interview-note": EventKind.INTERVIEW,
        "add-evidence": EventKind.EVIDENCE, "record-notification": EventKind.NOTIFICATION,
        "request-advice": EventKind.NOTIFICATION, "record-advice": EventKind.NOTIFICATION,
        "refer-to-police": EventKind.NOTIFICATION, "update-wishes": EventKind.WISHES,
        "add-task": EventKind.TASK, "complete-task": EventKind.TASK,
        "record-control-action": EventKind.CONTROL,
    }.get(name, EventKind.STATE)


def _name(m: Membership) -> str:
    return m.user.full_name


def _acknowledge(case, actor, data, uploads):
    CyberbullyingReport.objects.filter(case=case).update(acknowledged_by=actor)
    case.acknowledged_at = timezone.now()
    return f"Acknowledged by {_name(actor)}", data.get("note", ""), {}, None


def _agree_action(case, actor, data, uploads):
    CyberbullyingReport.objects.filter(case=case).update(action_agreed=data["action_agreed"])
    return f"Action agreed, recorded by {_name(actor)}", data["action_agreed"], {}, None


def _close(case, actor, data, uploads):
    case.closed_at = timezone.now()
    if data.get("outcome_detail"):
        case.outcome_detail = data["outcome_detail"]
    case.review_on = retention.review_date(case)
    return f"Closed by {_name(actor)}", data.get("outcome_detail", ""), {}, None


def _reopen(case, actor, data, uploads):
    case.closed_at = None
    case.times_reopened += 1
    case.review_on = retention.review_date(case)
    return f"Reopened by {_name(actor)}", data["reason"], {}, None


def _update_wishes(case, actor, data, uploads):
    fields = ["police_wish", "wants_confidentiality", "support_union", "support_colleague",
              "support_notes"]
    CyberbullyingReport.objects.filter(case=case).update(**{f: data[f] for f in fields})
    wish = PoliceWish(data["police_wish"]).label
    summary = f"Wishes updated by {_name(actor)}: {wish}"
    return summary, "", {"police_wish": data["police_wish"]}, None


def _notification(case, actor, data, body, kind) -> Notification:
    return Notification.objects.create(
        case=case, body=body, kind=kind, at=data["at"],
        notified_by=data.get("notified_by") or actor, contact=data["contact"],
        reference=data.get("reference", ""),
    )


def _refer_to_police(case, actor, data, uploads):
    note = _notification(case, actor, data, Body.POLICE, NotificationKind.REFERRAL)
    return (f"Police referral recorded: {note.contact}, reference {note.reference or '—'}", "",
            {"notification": note.pk}, None)


def _record_notification(case, actor, data, uploads):
    body = data["body"]
    if case.notifications.filter(body=body, kind=NotificationKind.NOTIFIED).exists():
        raise Refused(f"{Body(body).label} has already been recorded as notified.")
    note = _notification(case, actor, data, body, NotificationKind.NOTIFIED)
    notified = set(case.notifications.filter(kind=NotificationKind.NOTIFIED)
                   .values_list("body", flat=True))
    target = "notified" if {Body.POLICE, Body.SAFEGUARDING_UNIT} <= notified else None
    summary = (f"{Body(body).label} notified by {_name(note.notified_by)}: {note.contact}, "
               f"reference {note.reference}, at {timezone.localtime(note.at):%H:%M %d/%m/%Y}")
    return summary, "", {"notification": note.pk, "body": body}, target


def _hand_over(case, actor, data, uploads):
    IndecentImagesReport.objects.filter(case=case).update(
        handed_over_to=data["handed_over_to"], handover_reference=data["handover_reference"]
    )
    case.handed_over_at = data["at"]
    return (f"Handed over to {data['handed_over_to']} (reference "
            f"{data['handover_reference'] or '—'})", "", {}, None)


def _request_advice(case, actor, data, uploads):
    source = data.get("source") or Body.HR_ADVICE
    note = _notification(case, actor, data, source, NotificationKind.ADVICE_REQUESTED)
    return (f"Advice sought from {Body(source).label} ({note.contact}) by "
            f"{_name(note.notified_by)}", "", {"notification": note.pk}, None)


def _record_advice(case, actor, data, uploads):
    source = data.get("source") or Body.HR_ADVICE
    note = _notification(case, actor, data, source, NotificationKind.ADVICE_RECEIVED)
    if case.route == Route.UNSUITABLE_MATERIAL:
        UnsuitableMaterialReport.objects.filter(case=case).update(
            advice_substance=data["substance"])
    else:
        ConductConcern.objects.filter(case=case).update(hr_advice_substance=data["substance"])
    return (f"Advice received from {Body(source).label} ({note.contact})", data["substance"],
            {"notification": note.pk}, None)


def _start_investigation(case, actor, data, uploads):
    case.investigation_started_at = timezone.now()
    return f"Investigation started by {_name(actor)}", data.get("note", ""), {}, None


def _add_note(case, actor, data, uploads):
    return f"Note by {_name(actor)}", data["body"], {}, None


def _add_interview_note(case, actor, data, uploads):
    return (f"Interview with {data['interviewee']}, noted by {_name(actor)}", data["body"], {},
            None)


def _record_outcome(case, actor, data, uploads):
    case.outcome = data["outcome"]
    case.outcome_detail = data["outcome_detail"]
    return (f"Outcome: {case.get_outcome_display()}", data["outcome_detail"], {}, None)


def _inform_subject(case, actor, data, uploads):
    ConductConcern.objects.filter(case=case).update(subject_informed_by=actor)
    case.subject_informed_at = timezone.now()
    notify.alert(case, [case.concerns],
                 f"The head teacher has shared a concern with you: {case.reference}")
    return f"{_name(case.concerns)} informed by {_name(actor)}", data.get("note", ""), {}, None


def _record_control_action(case, actor, data, uploads):
    return (f"Internet controls: {data['control']} (by {_name(actor)})", data["body"],
            {"control": data["control"]}, None)


def _add_evidence(case, actor, data, uploads):
    if not uploads:
        raise Refused("Choose a file to add.")
    supersedes = data.get("supersedes")
    if supersedes is not None and supersedes.case_id != case.pk:
        raise Refused("An item can only supersede evidence of the same case.")
    items = [_store_evidence(case, actor, upload, supersedes) for upload in uploads]
    names = ", ".join(item.original_name for item in items)
    return f"Evidence added by {_name(actor)}: {names}", "", {"items": [i.pk for i in items]}, None


def _add_task(case, actor, data, uploads):
    owner = data["owner"]
    if not (access.can(owner, case, access.VIEW)):
        raise Refused(f"{_name(owner)} cannot see this case, so cannot own a task on it.")
    item = CaseTask.objects.create(case=case, title=data["title"], owner=owner,
                                   due_on=data["due_on"], created_by=actor)
    if owner.pk != actor.pk:
        notify.alert(case, [owner], f"{case.reference}: a task for you, due "
                                    f"{item.due_on:%d %B %Y}")
    return (f"Task for {_name(owner)}, due {item.due_on:%d/%m/%Y}: {item.title}", "",
            {"task": item.pk}, None)


def _complete_task(case, actor, data, uploads):
    item = data["task"]
    if item.case_id != case.pk or item.done_at is not None:
        raise Refused("That task is not open on this case.")
    CaseTask.objects.filter(pk=item.pk).update(done_at=timezone.now())
    return f"Task done ({_name(actor)}): {item.title}", "", {"task": item.pk}, None


HANDLERS = {
    "acknowledge": _acknowledge, "agree-action": _agree_action, "close": _close,
    "reopen": _reopen, "update-wishes": _update_wishes, "refer-to-police": _refer_to_police,
    "record-notification": _record_notification, "hand-over": _hand_over,
    "request-advice": _request_advice, "record-advice": _record_advice,
    "start-investigation": _start_investigation, "add-note": _add_note,
    "add-interview-note": _add_interview_note, "record-outcome": _record_outcome,
    "inform-subject": _inform_subject, "record-control-action": _record_control_action,
    "add-evidence": _add_evidence, "add-task": _add_task, "complete-task": _complete_task,
}
ALL_ACTIONS = {name for m in workflow.MACHINES.values() for name in m.actions}
assert set(HANDLERS) >= ALL_ACTIONS, ALL_ACTIONS - set(HANDLERS)


# --- evidence -----------------------------------------------------------------------------


def _store_evidence(case: Case, actor: Membership, upload: Upload,
                    supersedes: EvidenceItem | None = None) -> EvidenceItem:
    kind = vault.check(upload.data)
    stored_name = EvidenceItem.new_stored_name()
    temporary = vault.write_temporary(case.school_id, stored_name, upload.data)
    final = vault.path_for(case.school_id, stored_name)
    try:
        with transaction.atomic():
            item = EvidenceItem.objects.create(
                case=case, stored_name=stored_name, original_name=upload.name[:255],
                content_type=kind.content_type, size=len(upload.data),
                sha256=vault.sha256(upload.data), description=upload.description[:300],
                added_by=actor, supersedes=supersedes,
            )
            vault.publish(temporary, final)
    except BaseException:
        vault.discard(temporary, final)
        raise
    return item


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
            record("evidence-integrity-failure", actor=actor.user, school=case.school,
                   target=item, reason=str(failure))
            notify.alert(case, notify.handlers_of(case),
                         f"{case.reference}: an evidence file failed its integrity check")
        raise
    with transaction.atomic():
        _event(case, actor, EventKind.DOWNLOAD,
               f"{item.original_name} downloaded by {_name(actor)}", detail={"item": item.pk})
        record("evidence-download", actor=actor.user, school=case.school, target=item,
               sha256=item.sha256)
    return data


# --- views and exports --------------------------------------------------------------------


def record_view(case: Case, actor: Membership, what: str = "case") -> None:
    """Every view of a case goes into the audit log and the case's chronology."""
    with transaction.atomic():
        _event(case, actor, EventKind.VIEW, f"Viewed by {_name(actor)}", detail={"what": what})
        record("case-view", actor=actor.user, school=case.school, target=case, what=what)
        CaseAlert.objects.filter(case=case, recipient=actor, seen_at__isnull=True).update(
            seen_at=timezone.now()
        )


def export_case(case: Case, actor: Membership) -> dict[str, Any]:
    """The case's record and chronology as data, for a handler; audited."""
    if not access.can(actor, case, workflow.HANDLE):
        raise NotAllowed("Only the people handling this case can export it.")
    from .selectors import case_record

    data = case_record(case)
    with transaction.atomic():
        _event(case, actor, EventKind.EXPORT, f"Exported by {_name(actor)}")
        record("case-export", actor=actor.user, school=case.school, target=case)
    return data

