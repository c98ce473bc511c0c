"""Every periodic job, declared once: its name, when it runs and the task it runs.

The scheduler (``services.enqueue_due``, run by ``safepractice scheduler``, which
``safepractice run`` and ``safepractice workers`` start and supervise) queues each job at its
slots on the job's own queue, once per slot however many schedulers are running. No cron or
systemd timer is needed. Each task can still be run by hand with its own command.
"""

import datetime
from dataclasses import dataclass

from django_tasks.base import Task

from safepractice.audit.tasks import verify_audit_chain, write_audit_checkpoint
from safepractice.cases.tasks import retention_review, sweep_deadlines
from safepractice.oversight.tasks import generate_due_termly_reports
from safepractice.policies.tasks import send_all_reminders
from safepractice.reviews.tasks import purge_reviews

from .schedules import WEEKDAYS, Daily, Every, Schedule


@dataclass(frozen=True)
class Job:
    name: str
    schedule: Schedule
    task: Task  # called with no arguments
    does: str


JOBS: tuple[Job, ...] = (
    Job(
        "case-sweep",
        Every(datetime.timedelta(minutes=5)),
        sweep_deadlines,
        "Case deadlines: route 2's hour, acknowledgements due, task reminders, interrupted "
        "evidence uploads (safepractice cases sweep)",
    ),
    Job(
        "audit-checkpoint",
        Every(datetime.timedelta(hours=1)),
        write_audit_checkpoint,
        "Verify the audit log and seal its last entry in a signed checkpoint "
        "(safepractice audit checkpoint)",
    ),
    # Nightly, before the day's work, so a broken chain is reported by the morning.
    Job(
        "audit-verify",
        Daily(datetime.time(3, 0)),
        verify_audit_chain,
        "Walk the audit chain and tell the administrators if it is broken "
        "(safepractice audit verify)",
    ),
    Job(
        "purge-reviews",
        Daily(datetime.time(3, 30)),
        purge_reviews,
        "Expired and interrupted reviews, upload leftovers (safepractice manage purge_reviews)",
    ),
    Job(
        "termly-reports",
        Daily(datetime.time(6, 0)),
        generate_due_termly_reports,
        "The governors' termly report of each school whose term has ended "
        "(safepractice oversight-reports)",
    ),
    # Before school on school days (as the timer the docs used to suggest), never at weekends.
    Job(
        "reminders",
        Daily(datetime.time(7, 30), WEEKDAYS),
        send_all_reminders,
        "Policy and register reminder emails (safepractice reminders)",
    ),
    Job(
        "retention-review",
        Daily(datetime.time(7, 45), WEEKDAYS),
        retention_review,
        "Tell each head how many case records are due for retention review "
        "(safepractice cases retention-review)",
    ),
)


def job_named(name: str) -> Job:
    for job in JOBS:
        if job.name == name:
            return job
    raise LookupError(f"No periodic job is called {name!r}.")
