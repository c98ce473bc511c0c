"""Case deadlines and "overdue", in one place: each a Python predicate and its query filter.

- **Awaiting notifications** (route 2, indecent images): the case is "raised" until both the
  police and the safeguarding unit are recorded as notified; then it is "notified", later
  "handed over" or "closed".
- **Notifications overdue**: awaiting them ``NOTIFICATION_DEADLINE`` (60 minutes) or more
  after it was raised. The sweep and the deferred check alert the head and DSL once, and
  record when in ``overdue_alert_sent_at``: whether that alert went is read from there, never
  from the clock.
- **Acknowledgement overdue** (route 1, cyberbullying): still "reported" after the day its
  acknowledgement was due.
- **An alert still asking for something**: an alert sent to get the notifications made
  (``AlertRequest.NOTIFICATIONS``: the URGENT one on raising and the OVERDUE one) stands only
  while its case awaits them; every other alert stands until it is seen.

The cases app (sweeps, deferred check, case page, home page) and oversight (counts and the
lists behind them) use these; ``tests/test_rules.py`` holds each predicate equal to its
filter for every state.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Q

from .models import AlertRequest, Case, CaseAlert, Route

NOTIFICATION_DEADLINE = datetime.timedelta(minutes=60)
_AWAITING_NOTIFICATIONS = "raised"
_AWAITING_ACKNOWLEDGEMENT = "reported"


def awaits_notifications(case: Case) -> bool:
    return case.route == Route.INDECENT_IMAGES and case.state == _AWAITING_NOTIFICATIONS


def awaiting_notifications_q(prefix: str = "") -> Q:
    return Q(**{f"{prefix}route": Route.INDECENT_IMAGES, f"{prefix}state": _AWAITING_NOTIFICATIONS})


def notifications_due_at(case: Case) -> datetime.datetime:
    return case.raised_at + NOTIFICATION_DEADLINE


def minutes_since_raised(case: Case, now: datetime.datetime) -> int:
    return int((now - case.raised_at).total_seconds() // 60)


def notifications_overdue(case: Case, now: datetime.datetime) -> bool:
    return awaits_notifications(case) and now >= notifications_due_at(case)


def notifications_overdue_q(now: datetime.datetime, prefix: str = "") -> Q:
    return awaiting_notifications_q(prefix) & Q(
        **{f"{prefix}raised_at__lte": now - NOTIFICATION_DEADLINE}
    )


def acknowledgement_overdue(case: Case, today: datetime.date) -> bool:
    return (
        case.route == Route.CYBERBULLYING
        and case.state == _AWAITING_ACKNOWLEDGEMENT
        and case.acknowledgement_due_on is not None
        and case.acknowledgement_due_on < today
    )


def acknowledgement_overdue_q(today: datetime.date, prefix: str = "") -> Q:
    return Q(
        **{
            f"{prefix}route": Route.CYBERBULLYING,
            f"{prefix}state": _AWAITING_ACKNOWLEDGEMENT,
            f"{prefix}acknowledgement_due_on__lt": today,
        }
    )


def alert_stands(alert: CaseAlert) -> bool:
    """Is the alert still asking for something (before anyone has seen it)?"""
    if alert.asks_for == AlertRequest.NOTIFICATIONS:
        return awaits_notifications(alert.case)
    return True


def standing_alert_q() -> Q:
    """``alert_stands`` as a filter on alerts."""
    return ~Q(asks_for=AlertRequest.NOTIFICATIONS) | awaiting_notifications_q("case__")


@dataclass(frozen=True)
class NotificationClock:
    """Route 2's hour, as the case page and the home page show it."""

    due_at: datetime.datetime
    minutes_elapsed: int
    overdue: bool
    alert_sent_at: datetime.datetime | None


def notification_clock(case: Case, now: datetime.datetime) -> NotificationClock | None:
    """The clock of a case awaiting notifications; None for any other case."""
    if not awaits_notifications(case):
        return None
    return NotificationClock(
        due_at=notifications_due_at(case),
        minutes_elapsed=minutes_since_raised(case, now),
        overdue=notifications_overdue(case, now),
        alert_sent_at=case.overdue_alert_sent_at,
    )
