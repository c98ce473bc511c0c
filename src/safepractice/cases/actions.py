"""Every case action, once: what it does (its handler), what it asks (its form), when it is
refused whatever the state (its guard) and the kind of chronology line it leaves.

The routes' state machines (``workflow.MACHINES``) offer these actions, each from its own
states; ``services.perform`` runs them. To add an action: write its form (``action_forms.py``)
and its handler, declare its ``Action`` here, and offer it on a route in ``workflow.py``.

A handler runs inside ``perform``'s transaction, on the locked case, after the state and the
guard were checked. It returns what the chronology says (``Done``); ``perform`` saves the case,
moves it to the route's target state and writes the chronology and the audit log.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from safepractice.schools.models import Membership
from safepractice.web.formatting import date_text

from . import access, notify, retention
from . import action_forms as forms
from .errors import Refused
from .evidence import Upload, store
from .models import (
    Body,
    Case,
    CaseTask,
    ConductConcern,
    CyberbullyingReport,
    EventKind,
    IndecentImagesReport,
    Notification,
    NotificationKind,
    PoliceWish,
    Route,
    UnsuitableMaterialReport,
)


@dataclass
class Done:
    """What a handler did, for the chronology line; ``target`` overrides the route's target
    (route 2 is "notified" only once both bodies are)."""

    summary: str
    body: str = ""
    detail: dict[str, Any] = field(default_factory=dict)
    target: str | None = None


Handler = Callable[[Case, Membership, dict[str, Any], Sequence[Upload]], Done]
# The reason the action is refused on this case now, or None if it may be taken.
Guard = Callable[[Case], str | None]


def _never_refused(case: Case) -> None:
    return None


@dataclass(frozen=True)
class Action:
    name: str
    handler: Handler
    form: type[forms.ActionForm]
    event_kind: str = EventKind.STATE  # a state change is always a STATE line
    guard: Guard = _never_refused
    # Version-checked actions change what others are looking at; purely additive ones
    # (a note, a file) are serialised by a row lock instead, so two notes both land.
    version_checked: bool = True


def _name(m: Membership) -> str:
    return m.user.full_name


# --- guards -------------------------------------------------------------------------------


def _police_not_chosen(case: Case) -> str | None:
    if case.cyberbullying.police_wish != PoliceWish.YES:
        return ("A police referral can be recorded only if the person bullied has chosen to "
                "involve the police. It is their decision (the policy).")
    return None


def _no_open_task(case: Case) -> str | None:
    if not case.tasks.filter(done_at__isnull=True).exists():
        return "There is no open task on this case."
    return None


def _subject_already_informed(case: Case) -> str | None:
    if case.subject_informed_at is not None:
        return "The member of staff has already been informed."
    return None


# --- handlers -----------------------------------------------------------------------------


def _acknowledge(case, actor, data, uploads) -> Done:
    CyberbullyingReport.objects.filter(case=case).update(acknowledged_by=actor)
    case.acknowledged_at = timezone.now()
    return Done(f"Acknowledged by {_name(actor)}", data.get("note", ""))


def _agree_action(case, actor, data, uploads) -> Done:
    CyberbullyingReport.objects.filter(case=case).update(action_agreed=data["action_agreed"])
    return Done(f"Action agreed, recorded by {_name(actor)}", data["action_agreed"])


def _close(case, actor, data, uploads) -> Done:
    case.closed_at = timezone.now()
    if data.get("outcome_detail"):
        case.outcome_detail = data["outcome_detail"]
    case.review_on = retention.review_date(case)
    return Done(f"Closed by {_name(actor)}", data.get("outcome_detail", ""))


def _reopen(case, actor, data, uploads) -> Done:
    case.closed_at = None
    case.times_reopened += 1
    case.review_on = retention.review_date(case)
    return Done(f"Reopened by {_name(actor)}", data["reason"])


def _update_wishes(case, actor, data, uploads) -> Done:
    fields = ["police_wish", "wants_confidentiality", "support_union", "support_colleague",
              "support_notes"]
    CyberbullyingReport.objects.filter(case=case).update(**{f: data[f] for f in fields})
    wish = PoliceWish(data["police_wish"]).label
    return Done(f"Wishes updated by {_name(actor)}: {wish}",
                detail={"police_wish": data["police_wish"]})


def _notification(case, actor, data, body, kind) -> Notification:
    return Notification.objects.create(
        case=case, body=body, kind=kind, at=data["at"],
        notified_by=data.get("notified_by") or actor, contact=data["contact"],
        reference=data.get("reference", ""),
    )


def _refer_to_police(case, actor, data, uploads) -> Done:
    note = _notification(case, actor, data, Body.POLICE, NotificationKind.REFERRAL)
    return Done(f"Police referral recorded: {note.contact}, reference {note.reference or '—'}",
                detail={"notification": note.pk})


def _record_notification(case, actor, data, uploads) -> Done:
    body = data["body"]
    if case.notifications.filter(body=body, kind=NotificationKind.NOTIFIED).exists():
        raise Refused(f"{Body(body).label} has already been recorded as notified.")
    note = _notification(case, actor, data, body, NotificationKind.NOTIFIED)
    notified = set(case.notifications.filter(kind=NotificationKind.NOTIFIED)
                   .values_list("body", flat=True))
    target = "notified" if {Body.POLICE, Body.SAFEGUARDING_UNIT} <= notified else None
    summary = (f"{Body(body).label} notified by {_name(note.notified_by)}: {note.contact}, "
               f"reference {note.reference}, at {timezone.localtime(note.at):%H:%M %d/%m/%Y}")
    return Done(summary, detail={"notification": note.pk, "body": body}, target=target)


def _hand_over(case, actor, data, uploads) -> Done:
    IndecentImagesReport.objects.filter(case=case).update(
        handed_over_to=data["handed_over_to"], handover_reference=data["handover_reference"]
    )
    case.handed_over_at = data["at"]
    return Done(f"Handed over to {data['handed_over_to']} (reference "
                f"{data['handover_reference'] or '—'})")


def _request_advice(case, actor, data, uploads) -> Done:
    source = data.get("source") or Body.HR_ADVICE
    note = _notification(case, actor, data, source, NotificationKind.ADVICE_REQUESTED)
    return Done(f"Advice sought from {Body(source).label} ({note.contact}) by "
                f"{_name(note.notified_by)}", detail={"notification": note.pk})


def _record_advice(case, actor, data, uploads) -> Done:
    source = data.get("source") or Body.HR_ADVICE
    note = _notification(case, actor, data, source, NotificationKind.ADVICE_RECEIVED)
    if case.route == Route.UNSUITABLE_MATERIAL:
        UnsuitableMaterialReport.objects.filter(case=case).update(
            advice_substance=data["substance"])
    else:
        ConductConcern.objects.filter(case=case).update(hr_advice_substance=data["substance"])
    return Done(f"Advice received from {Body(source).label} ({note.contact})",
                data["substance"], {"notification": note.pk})


def _start_investigation(case, actor, data, uploads) -> Done:
    case.investigation_started_at = timezone.now()
    return Done(f"Investigation started by {_name(actor)}", data.get("note", ""))


def _add_note(case, actor, data, uploads) -> Done:
    return Done(f"Note by {_name(actor)}", data["body"])


def _add_interview_note(case, actor, data, uploads) -> Done:
    return Done(f"Interview with {data['interviewee']}, noted by {_name(actor)}", data["body"])


def _record_outcome(case, actor, data, uploads) -> Done:
    case.outcome = data["outcome"]
    case.outcome_detail = data["outcome_detail"]
    return Done(f"Outcome: {case.get_outcome_display()}", data["outcome_detail"])


def _inform_subject(case, actor, data, uploads) -> Done:
    ConductConcern.objects.filter(case=case).update(subject_informed_by=actor)
    case.subject_informed_at = timezone.now()
    notify.alert(case, [case.concerns],
                 f"The head teacher has shared a concern with you: {case.reference}")
    return Done(f"{_name(case.concerns)} informed by {_name(actor)}", data.get("note", ""))


def _record_control_action(case, actor, data, uploads) -> Done:
    return Done(f"Internet controls: {data['control']} (by {_name(actor)})", data["body"],
                {"control": data["control"]})


def _add_evidence(case, actor, data, uploads) -> Done:
    if not uploads:
        raise Refused("Choose a file to add.")
    supersedes = data.get("supersedes")
    if supersedes is not None and supersedes.case_id != case.pk:
        raise Refused("An item can only supersede evidence of the same case.")
    items = [store(case, actor, upload, supersedes) for upload in uploads]
    names = ", ".join(item.original_name for item in items)
    return Done(f"Evidence added by {_name(actor)}: {names}",
                detail={"items": [i.pk for i in items]})


def _add_task(case, actor, data, uploads) -> Done:
    owner = data["owner"]
    if not (access.can(owner, case, access.VIEW)):
        raise Refused(f"{_name(owner)} cannot see this case, so cannot own a task on it.")
    item = CaseTask.objects.create(case=case, title=data["title"], owner=owner,
                                   due_on=data["due_on"], created_by=actor)
    if owner.pk != actor.pk:
        notify.alert(case, [owner], f"{case.reference}: a task for you, due "
                                    f"{date_text(item.due_on)}")
    return Done(f"Task for {_name(owner)}, due {date_text(item.due_on)}: {item.title}",
                detail={"task": item.pk})


def _complete_task(case, actor, data, uploads) -> Done:
    item = data["task"]
    if item.case_id != case.pk or item.done_at is not None:
        raise Refused("That task is not open on this case.")
    CaseTask.objects.filter(pk=item.pk).update(done_at=timezone.now())
    return Done(f"Task done ({_name(actor)}): {item.title}", detail={"task": item.pk})


# --- the actions --------------------------------------------------------------------------

ACKNOWLEDGE = Action("acknowledge", _acknowledge, forms.NoteOptionalForm)
AGREE_ACTION = Action("agree-action", _agree_action, forms.AgreeActionForm)
# Closing asks a different question on different routes, so each question is its own action;
# all three are "close" to the person and the URL.
CLOSE = Action("close", _close, forms.CloseForm)
CLOSE_WITH_OUTCOME = Action("close", _close, forms.CloseWithOutcomeForm)
CLOSE_WITH_CHANGES = Action("close", _close, forms.CloseWithChangesForm)
REOPEN = Action("reopen", _reopen, forms.ReopenForm)
UPDATE_WISHES = Action("update-wishes", _update_wishes, forms.WishesForm, EventKind.WISHES)
REFER_TO_POLICE = Action("refer-to-police", _refer_to_police, forms.PoliceReferralForm,
                         EventKind.NOTIFICATION, guard=_police_not_chosen)
RECORD_NOTIFICATION = Action("record-notification", _record_notification,
                             forms.RecordNotificationForm, EventKind.NOTIFICATION)
HAND_OVER = Action("hand-over", _hand_over, forms.HandOverForm)
REQUEST_ADVICE = Action("request-advice", _request_advice, forms.AdviceRequestForm,
                        EventKind.NOTIFICATION)
RECORD_ADVICE = Action("record-advice", _record_advice, forms.AdviceReceivedForm,
                       EventKind.NOTIFICATION)
START_INVESTIGATION = Action("start-investigation", _start_investigation,
                             forms.NoteOptionalForm)
ADD_NOTE = Action("add-note", _add_note, forms.NoteForm, EventKind.NOTE, version_checked=False)
ADD_INTERVIEW_NOTE = Action("add-interview-note", _add_interview_note, forms.InterviewNoteForm,
                            EventKind.INTERVIEW, version_checked=False)
RECORD_OUTCOME = Action("record-outcome", _record_outcome, forms.OutcomeForm)
INFORM_SUBJECT = Action("inform-subject", _inform_subject, forms.NoteOptionalForm,
                        guard=_subject_already_informed)
RECORD_CONTROL_ACTION = Action("record-control-action", _record_control_action,
                               forms.ControlActionForm, EventKind.CONTROL)
ADD_EVIDENCE = Action("add-evidence", _add_evidence, forms.EvidenceForm, EventKind.EVIDENCE,
                      version_checked=False)
ADD_TASK = Action("add-task", _add_task, forms.TaskForm, EventKind.TASK, version_checked=False)
COMPLETE_TASK = Action("complete-task", _complete_task, forms.CompleteTaskForm, EventKind.TASK,
                       guard=_no_open_task, version_checked=False)
