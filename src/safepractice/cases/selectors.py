"""Reads for cases, always narrowed by need to know (access.py)."""

from typing import Any

from django.db.models import Q, QuerySet

from safepractice.schools.models import Membership

from . import access, rules, workflow
from .models import Body, Case, CaseAlert, CaseEvent, CaseTask, EventKind, NotificationKind, Route


def school_cases(school) -> QuerySet[Case]:
    return Case.objects.filter(school=school).select_related(
        "school", "raised_by__user", "concerns__user", "concerns__line_manager",
        "cyberbullying", "conduct",
    )


def visible_cases(membership: Membership) -> QuerySet[Case]:
    """Cases this member may open in full, newest first (the access rules, in SQL).

    The case's own columns only, which is all a list or the API shows: PostgreSQL took
    longer to plan the eight joins of ``school_cases`` than to run the query.
    """
    return Case.objects.filter(access.view_q(membership)).order_by("-raised_at", "-pk")


def my_reports(membership: Membership) -> QuerySet[Case]:
    """What this member raised or was told about, but may only see in summary."""
    # Summary-only cases are always ones the member raised or is the subject of: fetching
    # those ids first (by the two indexed keys) spares the access rules a walk over every case
    # of the school, which the planner would otherwise choose for the ordering.
    theirs = list(
        Case.objects.filter(Q(raised_by=membership) | Q(concerns=membership))
        .values_list("pk", flat=True)
    )
    return (
        Case.objects.filter(school=membership.school, pk__in=theirs)
        .filter(access.summary_q(membership))
        .exclude(access.view_q(membership))
        .order_by("-raised_at", "-pk")
    )


def _visible_with_details(membership: Membership) -> QuerySet[Case]:
    """``visible_cases`` with what ``access.is_handler`` and links read, for the few waiting."""
    return school_cases(membership.school).filter(access.view_q(membership)).order_by(
        "-raised_at", "-pk"
    )


def awaiting_notifications(membership: Membership) -> list[Case]:
    waiting = _visible_with_details(membership).filter(rules.awaiting_notifications_q())
    return [c for c in waiting if access.is_handler(membership, c)]


def awaiting_acknowledgement(membership: Membership) -> list[Case]:
    waiting = _visible_with_details(membership).filter(
        route=Route.CYBERBULLYING, state="reported"
    )
    return [c for c in waiting if access.is_handler(membership, c)]


def open_tasks(membership: Membership) -> QuerySet[CaseTask]:
    return CaseTask.objects.filter(owner=membership, done_at__isnull=True).select_related("case")


def unseen_alerts(membership: Membership) -> QuerySet[CaseAlert]:
    """Alerts not yet seen that still ask for something: an URGENT alert to notify the police
    and the safeguarding unit leaves once the case is notified, handed over or closed."""
    return CaseAlert.objects.filter(
        rules.standing_alert_q(), recipient=membership, seen_at__isnull=True
    ).select_related("case")


def chronology(case: Case, include_views: bool = True) -> QuerySet[CaseEvent]:
    events = case.events.select_related("actor__user")
    return events if include_views else events.exclude(kind=EventKind.VIEW)


def confirmation(case: Case, action: str) -> str:
    """What an action just did, said back to the person who took it: the chronology line it
    wrote and, if it moved the case on, the state it is in now ("CB-2026-0004: Acknowledged by
    Sam Patel. The case is now acknowledged.")."""
    case = Case.objects.get(pk=case.pk)
    event = case.events.filter(detail__action=action).order_by("-pk").first()
    if event is None:  # every action writes its line; this is only a safe fallback
        return f"{case.reference}: done."
    said = f"{case.reference}: {event.summary.rstrip('.')}."
    if "to" in event.detail:
        said += f" The case is now {case.state_label.lower()}."
    return said


def notification_status(case: Case) -> dict[str, Any]:
    """Route 2: each body's notification (or None), for the banner and checklist."""
    notified = {n.body: n for n in case.notifications.filter(kind=NotificationKind.NOTIFIED)}
    return {
        "police": notified.get(Body.POLICE),
        "safeguarding": notified.get(Body.SAFEGUARDING_UNIT),
    }


def case_record(case: Case) -> dict[str, Any]:
    """The whole case as plain data (export and API). Route 2 holds no content to leak."""
    details = case.details
    detail_fields = {
        f.name: getattr(details, f.attname)
        for f in details._meta.concrete_fields if f.name not in {"id", "case"}
    }
    return {
        "reference": case.reference,
        "route": case.route,
        "state": case.state,
        "state_label": workflow.state_label(case.route, case.state),
        "version": case.version,
        "raised_by": case.raised_by.user.full_name,
        "concerns": case.concerns.user.full_name if case.concerns else None,
        "raised_at": case.raised_at,
        "acknowledged_at": case.acknowledged_at,
        "closed_at": case.closed_at,
        "outcome": case.outcome,
        "outcome_detail": case.outcome_detail,
        "review_on": case.review_on,
        "details": detail_fields,
        "notifications": [
            {"body": n.body, "kind": n.kind, "at": n.at, "by": n.notified_by.user.full_name,
             "contact": n.contact, "reference": n.reference}
            for n in case.notifications.select_related("notified_by__user")
        ],
        "evidence": [
            {"id": e.pk, "name": e.original_name, "type": e.content_type, "size": e.size,
             "sha256": e.sha256, "added_by": e.added_by.user.full_name, "added_at": e.added_at,
             "supersedes": e.supersedes_id}
            for e in case.evidence.select_related("added_by__user")
        ],
        "chronology": [
            {"at": e.at, "kind": e.kind, "by": e.actor.user.full_name if e.actor else "system",
             "summary": e.summary, "body": e.body}
            for e in chronology(case)
        ],
    }
