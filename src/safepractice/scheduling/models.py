"""One row for each slot of each periodic job that a scheduler queued (see jobs.py)."""

from django.db import models
from django.utils import timezone


class ScheduledRun(models.Model):
    """A job's run for one slot. The unique (job, slot) pair is the lock: whichever scheduler
    inserts it queues the run, and any other (another server's ``safepractice run``) finds it
    taken. It also records how the run went, kept for ``KEEP_RUNS``."""

    job = models.CharField(max_length=60)
    slot = models.DateTimeField()
    enqueued_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-slot", "job"]
        constraints = [models.UniqueConstraint(fields=["job", "slot"], name="one_run_per_job_slot")]
        indexes = [models.Index(fields=["slot"])]

    def __str__(self) -> str:
        return f"{self.job} at {self.slot:%Y-%m-%d %H:%M}"

    @property
    def failed(self) -> bool:
        return bool(self.error)
