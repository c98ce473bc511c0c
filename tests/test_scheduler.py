"""The periodic jobs run by themselves beside the workers, each slot once however many
schedulers there are: real processes on this test's database, as `safepractice run` starts
them."""

import subprocess
import sys
import time

import pytest

from safepractice import queues
from safepractice.commands.supervisor import Supervisor
from safepractice.commands.workers import SCHEDULER, scheduler_spec, worker_specs
from safepractice.scheduling.jobs import JOBS
from safepractice.scheduling.models import ScheduledRun
from safepractice.testing.processes import child_env
from safepractice.testing.services import need_service

DATABASE_QUEUE = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": list(queues.NAMES)}
}
RUN_SCHEDULED_JOB = "safepractice.scheduling.tasks.run_scheduled_job"
REDIS_URL = "redis://127.0.0.1:6379/14"  # a database of its own: the RQ tests empty 15


@pytest.fixture
def children_env(tmp_path):
    # A checkpoint the children write must not outlive this test's (flushed) audit log.
    return child_env(
        SAFEPRACTICE_TASKS="database",
        SAFEPRACTICE_AUDIT_CHECKPOINTS=str(tmp_path / "audit-checkpoints.jsonl"),
    )


def _wait_for(condition, seconds: float):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if value := condition():
            return value
        time.sleep(0.2)
    pytest.fail("timed out")


def test_the_scheduler_is_the_safepractice_scheduler_command():
    assert scheduler_spec(("python",)).command("w1") == [
        "python",
        "-m",
        "safepractice.cli",
        "scheduler",
    ]


@pytest.mark.django_db
def test_run_and_workers_supervise_the_scheduler_beside_the_workers(monkeypatch, settings):
    from safepractice.commands import server, supervisor

    supervised = []

    class Recording:
        def __init__(self, specs, **options) -> None:
            supervised.append([spec.queue for spec in specs])

        def start(self) -> None:
            pass

    monkeypatch.setattr(supervisor, "Supervisor", Recording)
    settings.TASKS_BACKEND = "database"
    server._supervised_workers()
    assert supervised == [[*queues.NAMES, SCHEDULER]]


@pytest.mark.django_db(transaction=True)
def test_two_schedulers_at_once_queue_each_jobs_slot_once(settings, children_env):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = DATABASE_QUEUE
    command = [sys.executable, "-m", "safepractice.cli", "scheduler", "--once"]
    schedulers = [
        subprocess.Popen(command, env=children_env, stdout=subprocess.DEVNULL) for _ in range(2)
    ]
    assert [p.wait(timeout=120) for p in schedulers] == [0, 0]
    assert sorted(ScheduledRun.objects.values_list("job", flat=True)) == sorted(
        job.name for job in JOBS
    )
    assert DBTaskResult.objects.filter(task_path=RUN_SCHEDULED_JOB).count() == len(JOBS)


@pytest.mark.django_db(transaction=True)
def test_under_supervision_the_jobs_run_by_themselves(settings, children_env):
    settings.TASKS = DATABASE_QUEUE
    supervisor = Supervisor(
        [*worker_specs("database"), scheduler_spec()], env=children_env, poll_seconds=0.2
    )
    supervisor.start()
    try:
        _wait_for(
            lambda: ScheduledRun.objects.filter(finished_at__isnull=False).count() == len(JOBS), 180
        )
    finally:
        supervisor.stop(timeout=10)
    assert list(ScheduledRun.objects.exclude(error="").values_list("job", "error")) == []


@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_on_redis_the_jobs_run_by_themselves_beside_the_rq_workers(children_env):
    need_service("Redis", "127.0.0.1", 6379)
    env = {**children_env, "SAFEPRACTICE_TASKS": "redis", "REDIS_URL": REDIS_URL}
    supervisor = Supervisor([*worker_specs("redis"), scheduler_spec()], env=env, poll_seconds=0.2)
    supervisor.start()
    try:
        _wait_for(
            lambda: ScheduledRun.objects.filter(finished_at__isnull=False).count() == len(JOBS), 180
        )
    finally:
        supervisor.stop(timeout=10)
    assert list(ScheduledRun.objects.exclude(error="").values_list("job", "error")) == []
