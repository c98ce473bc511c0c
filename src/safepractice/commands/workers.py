"""The background-task workers: one process a queue (safepractice/queues.py)."""

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
