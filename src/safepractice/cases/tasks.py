"""Background work, written against the Django Tasks API so the queue is a setting.

``check_notifications_overdue`` is enqueued when an indecent-images report is raised, to run
60 minutes later on a backend that can defer (the database and Redis queues). The
``sweep_deadlines`` task catches every deadline whatever the backend: the scheduler queues it
every five minutes (scheduling/jobs.py; ``safepractice cases sweep`` by hand).

Alerts go on the ``urgent`` queue, whose worker runs nothing else, so they never wait behind
a review (see safepractice/queues.py).
"""

from django.conf import settings
from django.core.mail import send_mail
from django.utils import timezone
from django_tasks import task

from safepractice import queues

from .models import CaseAlert


@task(queue_name=queues.URGENT)
def send_alert_emails(alert_ids: list[int]) -> int:
    sent = 0
    for item in CaseAlert.objects.filter(pk__in=alert_ids).select_related(
        "case__school", "recipient__user"
    ):
        from .notify import case_url

        send_mail(
            subject=f"safepractice: {item.message}",
            message=(
                f"{item.message}\n\nOpen the case (sign-in needed): {case_url(item.case)}\n\n"
                "This email holds no details of the case on purpose."
            ),
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[item.recipient.user.email],
        )
        sent += 1
    return sent


@task(queue_name=queues.URGENT)
def check_notifications_overdue(case_id: int) -> bool:
    from .deadlines import alert_if_notifications_overdue

    return alert_if_notifications_overdue(case_id, timezone.now())


@task()
def sweep_deadlines() -> dict[str, int]:
    from .deadlines import sweep

    return sweep(timezone.now())


@task()
def retention_review() -> dict[str, int]:
    from .deadlines import retention_reminders

    return retention_reminders(timezone.localdate())
