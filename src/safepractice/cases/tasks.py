"""Background work, written against the Django Tasks API so the queue is a setting.

Thin task wrappers over ``deadlines``; this module sits above the domain logic and nothing in
the cases app below it imports it back (``services`` enqueues from above).

``check_notifications_overdue`` is enqueued when an indecent-images report is raised, to run
60 minutes later on a backend that can defer (the database and Redis queues). The
``sweep_deadlines`` task catches every deadline whatever the backend: the scheduler queues it
every five minutes (scheduling/jobs.py; ``safepractice cases sweep`` by hand).

Alerts go on the ``urgent`` queue, whose worker runs nothing else, so they never wait behind
a review (see safepractice/queues.py).
"""

from django.utils import timezone
from django_tasks import task

from safepractice import queues

# Re-exported: queued rows written before the email task moved to alert_emails.py name it
# as ``safepractice.cases.tasks.send_alert_emails``, and both task backends import that path.
from .alert_emails import send_alert_emails
from .deadlines import alert_if_notifications_overdue, retention_reminders, sweep

__all__ = ["check_notifications_overdue", "retention_review", "send_alert_emails",
           "sweep_deadlines"]


@task(queue_name=queues.URGENT)
def check_notifications_overdue(case_id: int) -> bool:
    return alert_if_notifications_overdue(case_id, timezone.now())


@task()
def sweep_deadlines() -> dict[str, int]:
    return sweep(timezone.now())


@task()
def retention_review() -> dict[str, int]:
    return retention_reminders(timezone.localdate())
