"""The cases app's entries on the home page ("what to do next") and in the navigation."""

from django.urls import reverse
from django.utils import timezone

from safepractice.schools.models import Membership, Role
from safepractice.web import home, navigation
from safepractice.web.formatting import count_text, date_text

from . import retention, rules, selectors


def _detail(case) -> str:
    return reverse("cases:detail", args=[case.school.slug, case.pk])


@home.register
def case_steps(membership: Membership) -> list[home.NextStep]:
    steps = []
    now = timezone.now()
    for case in selectors.awaiting_notifications(membership):
        minutes = rules.notification_clock(case, now).minutes_elapsed
        steps.append(home.NextStep(
            f"{case.reference}: notify the police and the safeguarding unit", _detail(case),
            urgency=3,
            detail=f"Indecent images reported {count_text(minutes, 'minute')} ago. "
                   "Record both notifications.",
        ))
    today = timezone.localdate(now)
    for case in selectors.awaiting_acknowledgement(membership):
        due = case.acknowledgement_due_on
        urgency = 3 if rules.acknowledgement_overdue(case, today) else 2
        steps.append(home.NextStep(
            f"{case.reference}: acknowledge a cyberbullying report", _detail(case),
            urgency=urgency, detail=f"Due by {date_text(due)}." if due else "",
        ))
    for task in selectors.open_tasks(membership):
        steps.append(home.NextStep(
            f"{task.case.reference}: {task.title}", _detail(task.case),
            urgency=3 if task.due_on < today else (2 if task.due_on == today else 1),
            detail=f"Due {date_text(task.due_on)}.",
        ))
    alerts = list(selectors.unseen_alerts(membership))
    if alerts:
        steps.append(home.NextStep(
            "New case alerts", reverse("cases:list", args=[membership.school.slug]),
            urgency=2, detail=alerts[0].message, count=len(alerts),
        ))
    if membership.has_role(Role.HEAD_TEACHER):
        due = retention.due_for_review(membership.school, today).count()
        if due:
            steps.append(home.NextStep(
                "Case records due for retention review",
                reverse("cases:retention", args=[membership.school.slug]), urgency=1,
                count=due,
            ))
    return steps


@navigation.register
def cases_nav(membership: Membership) -> list[navigation.NavItem]:
    return [navigation.NavItem("Report a concern", reverse("cases:list",
                                                           args=[membership.school.slug]), 40)]
