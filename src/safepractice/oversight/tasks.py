"""The end-of-term report run: daily, it makes each school's report once its term has ended."""

import datetime

from django.utils import timezone
from django_tasks import task

from safepractice.schools.models import School

from .services import generate_report, report_due


@task()
def generate_due_termly_reports(today: str | None = None) -> list[int]:
    """Run daily (queued by the scheduler: scheduling/jobs.py; by hand ``safepractice
    oversight-reports``). A school whose term has ended and has no scheduled report for it gets
    one; returns the report ids."""
    day = datetime.date.fromisoformat(today) if today else timezone.localdate()
    made = []
    for school in School.objects.all():
        term = report_due(school, day)
        if term is not None:
            made.append(generate_report(school, term, scheduled=True).pk)
    return made
