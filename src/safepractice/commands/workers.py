"""The background-task workers, one process a queue (safepractice/queues.py), and the
scheduler that queues the periodic jobs (safepractice/scheduling/)."""

import sys
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from safepractice import queues


@dataclass(frozen=True)
class WorkerSpec:
    """The worker of one queue: its command line for a given worker id."""

    queue: str
    argv: tuple[str, ...]  # "{worker_id}" in it is replaced by a fresh id at each start

    def command(self, worker_id: str) -> list[str]:
        return [part.replace("{worker_id}", worker_id) for part in self.argv]


def new_worker_id(queue: str) -> str:
    # Fresh at each start, so the tasks a dead worker had claimed can be told apart.
    return f"{queue}-{uuid.uuid4().hex[:12]}"


def worker_specs(backend: str, python: Sequence[str] = (sys.executable,)) -> list[WorkerSpec]:
    """A worker for each queue on this backend; none for the immediate backend."""
    if backend == "immediate":
        return []
    manage = (*python, "-m", "safepractice.cli", "manage")
    if backend == "redis":
        return [
            WorkerSpec(queue, (*manage, "rqworker", "--job-class", "django_tasks_rq.Job", queue))
            for queue in queues.NAMES
        ]
    return [
        WorkerSpec(
            queue,
            (
                *manage,
                "db_worker",
                "--queue-name",
                queue,
                "--interval",
                "1",
                "--worker-id",
                "{worker_id}",
            ),
        )
        for queue in queues.NAMES
    ]


# Not a queue: the label of the scheduler's process among the supervised ones.
SCHEDULER = "scheduler"


def scheduler_spec(python: Sequence[str] = (sys.executable,)) -> WorkerSpec:
    """The scheduler's process, on every backend (with the immediate one it runs the jobs
    itself)."""
    return WorkerSpec(SCHEDULER, (*python, "-m", "safepractice.cli", "scheduler"))


class WorkerStopped(Exception):
    """Recorded on a task whose worker stopped (killed or crashed) before it finished."""


def requeue_interrupted_tasks(worker_ids: set[str] | None = None) -> tuple[int, int]:
    """Database-queue tasks a dead worker was running: queued again once, failed the next time.

    ``worker_ids``: the dead workers; None for any (at start, when no worker is running).
    Once, so that an alert whose worker was killed mid-send still goes out (someone may get it
    twice), but a task that kills its worker does not kill every worker after it. A review's
    task queued again finds its review already failed (``recover_interrupted_reviews`` runs
    first) and does nothing. Returns (queued again, failed).
    """
    # Lazy: Django's models load only once Django is set up (by the calling command).
    from django_tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    again = failed = 0
    for result in DBTaskResult.objects.running():
        claimed_by = result.worker_ids[-1] if result.worker_ids else None
        if worker_ids is not None and claimed_by not in worker_ids:
            continue
        if len(result.worker_ids) < 2:
            again += DBTaskResult.objects.filter(pk=result.pk, status=result.status).update(
                status=TaskResultStatus.READY, started_at=None
            )
        else:
            times = len(result.worker_ids)
            result.set_failed(
                WorkerStopped(
                    f"The workers running this task stopped before it finished, {times} times; it "
                    "is not run again."
                )
            )
            failed += 1
    return again, failed


def recover_on_start(backend: str) -> None:
    """Before any worker starts: what the last run's crash left running is interrupted."""
    # Lazy: Django's models load only once Django is set up (by the calling command).
    from safepractice.reviews.cleanup import recover_interrupted_reviews

    # On Redis, workers of other servers may be reading reviews now: only the time bound.
    recover_interrupted_reviews(running_is_interrupted=backend != "redis")
    if backend == "database":
        requeue_interrupted_tasks()


def recover_after_death(backend: str, spec: WorkerSpec, worker_id: str) -> None:
    """After one worker died: the tasks it had claimed, and (default queue) its review.

    The database queue is one machine's, with one default-queue worker (this supervisor's), so
    a review still running when that worker died is one it left. RQ deals with its own jobs
    (and stops them at their timeout); the daily sweep's time bound catches their reviews.
    """
    if backend != "database" or spec.queue not in queues.NAMES:
        return  # the scheduler claims no task: it only queues them
    # Lazy: Django's models load only once Django is set up (by the calling command).
    from safepractice.reviews.cleanup import recover_interrupted_reviews

    if spec.queue == queues.DEFAULT:
        recover_interrupted_reviews(running_is_interrupted=True)
    requeue_interrupted_tasks({worker_id})
