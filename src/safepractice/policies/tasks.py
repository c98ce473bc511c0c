"""Scheduled reminders about policies (run by the task worker; see docs/duties.md)."""

from django.urls import reverse
from django_tasks import task

from safepractice.schools.models import Role, School
from safepractice.schools.selectors import members_with_role

from .reminders import absolute, send_once, weekly_key
from .selectors import current_version, not_acknowledged, policies_needing_review


@task()
def send_policy_reminders(school_id: int) -> int:
    """Review dates due or overdue → the head and governors; unacknowledged versions → each
    person in scope. Weekly; returns how many emails went out."""
    school = School.objects.get(pk=school_id)
    sent = 0
    overseers = list(members_with_role(school, Role.HEAD_TEACHER)) + list(
        members_with_role(school, Role.GOVERNING_BOARD))
    for document, state in policies_needing_review(school):
        url = absolute(reverse("policies:detail", args=[school.slug, document.pk]))
        for person in overseers:
            sent += send_once(
                weekly_key("review", document.pk, state.status, person.pk),
                person.user.email,
                f"{document.title}: {state.label}",
                f"{state.label}.\nThe governing board sets the next review date.\n{url}\n",
            )
    for document in school.policies.filter(requires_acknowledgement=True):
        version = current_version(document)
        if version is None:
            continue
        url = absolute(reverse("policies:detail", args=[school.slug, document.pk]))
        for person in not_acknowledged(document):
            sent += send_once(
                weekly_key("acknowledge", version.pk, person.pk),
                person.user.email,
                f"Please read and acknowledge the {document.title}",
                f"Version {version.number} of the {document.title} needs your "
                f"acknowledgement.\n{url}\n",
            )
    return sent


@task()
def send_all_reminders() -> int:
    """Queue each school's reminder tasks (scheduled each school day: scheduling/jobs.py)."""
    # Lazy: registers' tasks import policies; at call time the two load in either order.
    from safepractice.registers.tasks import send_register_reminders

    count = 0
    for school_id in School.objects.values_list("pk", flat=True):
        send_policy_reminders.enqueue(school_id)
        send_register_reminders.enqueue(school_id)
        count += 1
    return count
