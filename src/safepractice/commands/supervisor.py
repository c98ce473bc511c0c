"""Keeping the task workers running: each one restarted when it dies, what it left recovered.

``safepractice run`` (beside gunicorn) and ``safepractice workers`` (on its own) start one
process a queue and watch them from a thread. A worker that exits, is killed (kill -9, the
kernel's OOM killer) or crashes is started again at once; one that dies again within
``quick_death_seconds`` of starting waits 1, 2, 4… up to ``max_delay_seconds`` first, so a
worker that cannot start does not spin. Before each restart ``on_death`` recovers what the dead
worker left (commands/workers.py: its tasks, its review).

Under gunicorn the arbiter reaps any child of its process, ours too; ``Popen.poll`` then
reports the worker as ended with status 0, which is still seen as a death.
"""

import logging
import subprocess
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from django.db import connections

from .workers import WorkerSpec, new_worker_id

logger = logging.getLogger(__name__)

OnDeath = Callable[[WorkerSpec, str], None]


@dataclass
class _Worker:
    spec: WorkerSpec
    worker_id: str = ""
    process: subprocess.Popen | None = None
    started: float = 0.0
    quick_deaths: int = 0
    restart_at: float = 0.0


class Supervisor:
    def __init__(
        self,
        specs: Sequence[WorkerSpec],
        *,
        on_death: OnDeath | None = None,
        env: Mapping[str, str] | None = None,
        poll_seconds: float = 1.0,
        quick_death_seconds: float = 10.0,
        max_delay_seconds: float = 60.0,
    ) -> None:
        self._workers = [_Worker(spec) for spec in specs]
        self._on_death = on_death
        self._env = dict(env) if env is not None else None
        self._poll_seconds = poll_seconds
        self._quick_death_seconds = quick_death_seconds
        self._max_delay_seconds = max_delay_seconds
        self._stopping = threading.Event()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        with self._lock:
            for worker in self._workers:
                self._launch(worker)
        self._thread = threading.Thread(target=self._watch, name="worker-supervisor", daemon=True)
        self._thread.start()

    def running(self) -> dict[str, tuple[int, str]]:
        """Queue → (pid, worker id) of each worker now running."""
        with self._lock:
            return {
                w.spec.queue: (w.process.pid, w.worker_id)
                for w in self._workers
                if w.process is not None and w.process.poll() is None
            }

    def stop_watching(self) -> None:
        """From now on a worker that ends stays ended: call it as shutdown begins, since a
        Ctrl+C reaches the workers as well, and they should not be started again."""
        self._stopping.set()

    def stop(self, timeout: float = 10.0) -> None:
        """Stop watching, ask every worker to stop (SIGTERM), and kill any still there after
        ``timeout`` (a worker finishes its current task first)."""
        self.stop_watching()
        if self._thread is not None:
            self._thread.join()
        with self._lock:
            processes = [w.process for w in self._workers if w.process is not None]
        for process in processes:
            if process.poll() is None:
                process.terminate()
        deadline = time.monotonic() + timeout
        for process in processes:
            try:
                process.wait(timeout=max(0.0, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                logger.warning(
                    "Worker pid %s did not stop in %.0f s; killing it.", process.pid, timeout
                )
                process.kill()
                process.wait()

    def _watch(self) -> None:
        while not self._stopping.wait(self._poll_seconds):
            self.check()

    def check(self) -> None:
        """One round: notice each worker that has died, recover after it, start it again."""
        now = time.monotonic()
        for worker in self._workers:
            with self._lock:
                if self._stopping.is_set():
                    return
                if worker.process is not None:
                    status = worker.process.poll()
                    if status is None:
                        continue
                    self._died(worker, status, now)
                if worker.process is None and now >= worker.restart_at:
                    self._launch(worker)

    def _died(self, worker: _Worker, status: int, now: float) -> None:
        lived = now - worker.started
        logger.warning(
            "The %s worker (pid %s) stopped (%s) after %.0f s; starting it again.",
            worker.spec.queue,
            worker.process.pid,
            f"exit status {status}" if status else "exit status 0, or reaped by gunicorn",
            lived,
        )
        worker.process = None
        if self._on_death is not None:
            try:
                self._on_death(worker.spec, worker.worker_id)
            except Exception:  # recovery must not stop the supervision
                logger.exception("Recovering after the %s worker failed.", worker.spec.queue)
            finally:
                # Deaths are rare: a connection kept open between them would only go stale.
                connections.close_all()
        worker.quick_deaths = worker.quick_deaths + 1 if lived < self._quick_death_seconds else 0
        delay = (
            min(self._max_delay_seconds, 2 ** (worker.quick_deaths - 1))
            if worker.quick_deaths
            else 0.0
        )
        worker.restart_at = now + delay

    def _launch(self, worker: _Worker) -> None:
        worker.worker_id = new_worker_id(worker.spec.queue)
        worker.process = subprocess.Popen(worker.spec.command(worker.worker_id), env=self._env)
        worker.started = time.monotonic()
