"""Sending a reminder email at most once per period, whichever task run gets there first."""

import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import SentReminder


def weekly_key(*parts: object, today: datetime.date | None = None) -> str:
    """A key that repeats each ISO week: reminders about the same thing go out weekly."""
    year, week, _ = (today or timezone.localdate()).isocalendar()
    return ":".join(str(part) for part in (*parts, f"{year}W{week:02d}"))[:200]


def absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def send_once(key: str, to: str, subject: str, body: str) -> bool:
    """Send unless a reminder with ``key`` was sent already. True when sent."""
    try:
        with transaction.atomic():
            SentReminder.objects.create(key=key)
            send_mail(subject, body, None, [to])
    except IntegrityError:
        return False
    return True
