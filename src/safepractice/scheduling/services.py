"""The scheduler: each tick, queue every periodic job whose latest slot no one has queued.

``enqueue_due`` is one tick; ``run_scheduler`` ticks until told to stop (``safepractice
scheduler``). Two schedulers (two servers, or a second ``safepractice run``) may tick at the
same moment: the unique ``ScheduledRun`` row of a job's slot lets only one of them queue it.
"""

import datetime
import logging
import threading
from collections.abc import Sequence

from django.db import IntegrityError, close_old_connections, transaction
from django.utils import timezone

from . import jobs as declared
from .models import ScheduledRun
from .tasks import run_scheduled_job

logger = logging.getLogger(__name__)

# A tick a quarter of a minute: the five-minute sweep runs within 15 s of its slot.
TICK_SECONDS = 15.0
KEEP_RUNS = datetime.timedelta(days=30)


def enqueue_due(
    now: datetime.datetime, jobs: Sequence[declared.Job] | None = None
) -> list[ScheduledRun]:
    """Claim and queue each job (every declared job by default) whose current slot is
    unclaimed; returns the runs this call queued."""
    queued = []
    for job in declared.JOBS if jobs is None else jobs:
        run = _claim(job, job.schedule.slot(now))
        if run is None:
            continue
        try:
            run_scheduled_job.using(queue_name=job.task.queue_name).enqueue(run.pk)
        except Exception:
            # The queue is unreachable (Redis down): free the slot so the next tick tries again.
            logger.exception("Could not queue the periodic job %s; trying again shortly.", job.name)
            ScheduledRun.objects.filter(pk=run.pk).delete()
            continue
        queued.append(run)
    if queued:
        ScheduledRun.objects.filter(slot__lt=now - KEEP_RUNS).delete()
    return queued


def _claim(job: declared.Job, slot: datetime.datetime) -> ScheduledRun | None:
    # Look first: a unique violation at every tick would fill PostgreSQL's log.
    if ScheduledRun.objects.filter(job=job.name, slot=slot).exists():
        return None
    try:
        with transaction.atomic():
            return ScheduledRun.objects.create(job=job.name, slot=slot)
    except IntegrityError:  # another scheduler claimed it a moment ago
        return None


def run_scheduler(stop: threading.Event, tick_seconds: float = TICK_SECONDS) -> None:
    """Tick until ``stop`` is set. A tick that fails (the database restarting) is logged and
    the next one tries again."""
    while not stop.is_set():
        close_old_connections()
        try:
            enqueue_due(timezone.now())
        except Exception:
            logger.exception(
                "The scheduler could not queue its jobs; trying again in %.0f s.", tick_seconds
            )
        finally:
            # Between ticks the connection would only go stale (or hold SQLite's file).
            close_old_connections()
        stop.wait(tick_seconds)
