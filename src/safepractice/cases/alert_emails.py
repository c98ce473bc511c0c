"""The email copy of each alert, sent by a task on the ``urgent`` queue.

``notify.alert`` enqueues ``send_alert_emails`` after its transaction commits; this module
sits below ``notify`` (it imports only the models and the link helper), so alerting never
imports the periodic tasks in ``tasks.py``, which sit above the deadlines that raise alerts.

The email holds the reference and what is needed, never the case's content: email leaves
the school's system and may be read on a phone in public.
"""

from django.conf import settings
from django.core.mail import send_mail
from django_tasks import task

from safepractice import queues

from .links import case_url
from .models import CaseAlert


@task(queue_name=queues.URGENT)
def send_alert_emails(alert_ids: list[int]) -> int:
    sent = 0
    for item in CaseAlert.objects.filter(pk__in=alert_ids).select_related(
        "case__school", "recipient__user"
    ):
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
