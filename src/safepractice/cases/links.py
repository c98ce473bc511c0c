"""Links to a case's page, for messages that leave the site (alert emails).

Below the alerting and the tasks that send them, so both can link to a case without
importing each other.
"""

from django.conf import settings
from django.urls import reverse

from .models import Case


def case_url(case: Case) -> str:
    """The absolute address of the case's page; opening it needs a sign-in."""
    return settings.SITE_URL + reverse("cases:detail", args=[case.school.slug, case.pk])
