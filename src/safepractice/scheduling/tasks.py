"""The one task the scheduler queues: it runs a periodic job's own task and records how it went."""

import logging
from typing import Any

from django.utils import timezone
from django_tasks import task

from . import jobs
from .models import ScheduledRun

logger = logging.getLogger(__name__)


@task()
def run_scheduled_job(run_id: int) -> Any:
    """Run the job of ``ScheduledRun`` ``run_id``. A failure is logged and recorded on the run,
    and raised so the queue records it too; the job runs again at its next slot."""
    run = ScheduledRun.objects.filter(pk=run_id).first()
    if run is None:
        # Its claim was undone because queueing failed: the scheduler claims the slot afresh.
        return None
    job = jobs.job_named(run.job)
    ScheduledRun.objects.filter(pk=run.pk).update(started_at=timezone.now())
    try:
        result = job.task.call()
    except Exception as failure:
        ScheduledRun.objects.filter(pk=run.pk).update(
            finished_at=timezone.now(), error=f"{type(failure).__name__}: {failure}"[:2000]
        )
        logger.exception(
            "The periodic job %s (slot %s) failed; it runs again at its next slot, %s.",
            job.name,
            f"{timezone.localtime(run.slot):%Y-%m-%d %H:%M}",
            f"{timezone.localtime(job.schedule.following(run.slot)):%Y-%m-%d %H:%M}",
        )
        raise
    ScheduledRun.objects.filter(pk=run.pk).update(finished_at=timezone.now())
    return result
