"""Deadlines: route 2's 60 minutes, route 1's acknowledgement, task due dates, retention."""

import datetime

from django.db import transaction
from django.utils import timezone

from safepractice.schools.models import Membership, Role, School
from safepractice.schools.rules import active_member_q
from safepractice.web.formatting import count_text, date_text

from . import notify, retention, rules, vault
from .models import AlertRequest, Case, CaseAlert, CaseTask, EvidenceItem

# An upload in progress is seconds old; anything unreferenced after an hour was interrupted.
ORPHAN_AGE_SECONDS = 3600


def alert_if_notifications_overdue(case_id: int, now: datetime.datetime) -> bool:
    """Route 2 still waiting for both notifications after 60 minutes: alert head and DSL once."""
    with transaction.atomic():
        case = Case.objects.select_for_update().select_related("school").filter(pk=case_id).first()
        if (case is None or not rules.notifications_overdue(case, now)
                or case.overdue_alert_sent_at is not None):
            return False
        minutes = rules.minutes_since_raised(case, now)
        recipients = list(
            Membership.objects.filter(active_member_q(), school=case.school)
            .with_role(Role.HEAD_TEACHER).select_related("user", "school")
        ) + list(
            Membership.objects.filter(active_member_q(), school=case.school)
            .with_role(Role.DSL).select_related("user", "school")
        )
        notify.alert(case, recipients,
                     f"OVERDUE: {case.reference} raised {count_text(minutes, 'minute')} ago; "
                     "the police and the safeguarding unit have not both been recorded as notified",
                     AlertRequest.NOTIFICATIONS)
        Case.objects.filter(pk=case.pk).update(overdue_alert_sent_at=now)
    return True


def _acknowledgements_overdue(today: datetime.date) -> int:
    count = 0
    for case in Case.objects.filter(
        rules.acknowledgement_overdue_q(today), overdue_alert_sent_at__isnull=True
    ).select_related("school", "concerns__line_manager", "cyberbullying"):
        with transaction.atomic():
            notify.alert(case, notify.handlers_of(case),
                         f"{case.reference}: acknowledgement was due on "
                         f"{date_text(case.acknowledgement_due_on)}")
            Case.objects.filter(pk=case.pk).update(overdue_alert_sent_at=timezone.now())
        count += 1
    return count


def _task_reminders(today: datetime.date) -> int:
    count = 0
    due = (CaseTask.objects.filter(done_at__isnull=True, due_on__lte=today)
           .exclude(last_reminded_on=today).select_related("case__school", "owner__user"))
    for item in due:
        with transaction.atomic():
            when = "is due today" if item.due_on == today else f"was due {date_text(item.due_on)}"
            notify.alert(item.case, [item.owner],
                         f"{item.case.reference}: your task {when}")
            CaseTask.objects.filter(pk=item.pk).update(last_reminded_on=today)
        count += 1
    return count


def sweep(now: datetime.datetime) -> dict[str, int]:
    today = timezone.localdate(now)
    overdue = 0
    for case_id in Case.objects.filter(
        rules.notifications_overdue_q(now), overdue_alert_sent_at__isnull=True
    ).values_list("pk", flat=True):
        overdue += alert_if_notifications_overdue(case_id, now)
    return {
        "notifications_overdue": overdue,
        "acknowledgements_overdue": _acknowledgements_overdue(today),
        "task_reminders": _task_reminders(today),
        "interrupted_uploads_removed": remove_interrupted_uploads(),
    }


def remove_interrupted_uploads(older_than_seconds: float = ORPHAN_AGE_SECONDS) -> int:
    """Delete files left by uploads that never committed: they were never evidence items."""
    root = vault.evidence_root()
    if not root.exists():
        return 0
    removed = 0
    for folder in root.iterdir():
        if not folder.is_dir() or not folder.name.isdigit():
            continue
        known = set(EvidenceItem.objects.filter(case__school_id=int(folder.name))
                    .values_list("stored_name", flat=True))
        for path in vault.orphans(folder, known, older_than_seconds):
            vault.discard(path)
            removed += 1
    return removed


def retention_reminders(today: datetime.date) -> dict[str, int]:
    """Tell each school's head how many records are due for review (once a day at most)."""
    result = {}
    for school in School.objects.all():
        due = list(retention.due_for_review(school, today))
        if not due:
            continue
        heads = list(Membership.objects.filter(active_member_q(), school=school)
                     .with_role(Role.HEAD_TEACHER).select_related("user", "school"))
        message = f"{count_text(len(due), 'case record')} due for retention review"
        already = CaseAlert.objects.filter(case=due[0], message=message,
                                           created_at__date=today).exists()
        if not already:
            with transaction.atomic():
                notify.alert(due[0], heads, message)
        result[school.slug] = len(due)
    return result
