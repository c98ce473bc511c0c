"""Alerts: an in-app ``CaseAlert`` for each person, and the same alert by email (a task).

Alert text names the case reference and what is needed, never the case's content: email
leaves the school's system and may be read on a phone in public.
"""

from django.db import transaction

from safepractice.schools.models import Membership
from safepractice.schools.rules import active_member_q, is_active_member

from . import access
from .alert_emails import send_alert_emails
from .models import AlertRequest, Case, CaseAlert, CaseEvent, EventKind


def handlers_of(case: Case) -> list[Membership]:
    members = Membership.objects.filter(active_member_q(), school=case.school).select_related(
        "user", "school", "line_manager"
    )
    return [m for m in members if access.is_handler(m, case)]


def alert(case: Case, recipients: list[Membership], message: str,
          asks_for: str = AlertRequest.NOTHING) -> list[CaseAlert]:
    """Create in-app alerts now and send the emails after the transaction commits.

    ``asks_for`` names what the alert waits for, if it stops standing once that is done
    (``rules.alert_stands``)."""
    unique = {m.pk: m for m in recipients if is_active_member(m)}
    alerts = [CaseAlert.objects.create(case=case, recipient=m, message=message, asks_for=asks_for)
              for m in unique.values()]
    if alerts:
        CaseEvent.objects.create(
            case=case, kind=EventKind.ALERT,
            summary=f"Alert sent to {', '.join(m.user.full_name for m in unique.values())}",
            detail={"message": message, "recipients": list(unique)},
        )
        ids = [a.pk for a in alerts]
        transaction.on_commit(lambda: send_alert_emails.enqueue(ids))
    return alerts
