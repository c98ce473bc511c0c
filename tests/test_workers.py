"""The task workers beside the web server: one a queue, supervised, recovered after a crash."""

import io
import os
import signal
import sys
import time
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from safepractice import queues
from safepractice.commands.supervisor import Supervisor
from safepractice.commands.workers import (
    WorkerSpec,
    recover_after_death,
    recover_on_start,
    requeue_interrupted_tasks,
    worker_specs,
)
from safepractice.reviews import uploads
from safepractice.reviews.models import Review, ReviewArchive, ReviewStatus
from safepractice.reviews.tasks import run_review_task
from safepractice.testing.factories import make_member
from safepractice.testing.processes import child_env


def test_the_database_queue_gets_a_worker_for_urgent_alerts_apart_from_the_default_one():
    specs = worker_specs("database")
    assert [spec.queue for spec in specs] == [queues.DEFAULT, queues.URGENT]
    for spec in specs:
        command = spec.command("w1")
        assert command[command.index("--queue-name") + 1] == spec.queue
        assert command[command.index("--worker-id") + 1] == "w1"


def test_redis_gets_a_worker_for_each_queue():
    assert [spec.command("w1")[-1] for spec in worker_specs("redis")] == list(queues.NAMES)


def test_the_immediate_backend_needs_no_worker():
    assert worker_specs("immediate") == []


# -- supervision ---------------------------------------------------------------------------

SLEEPER = WorkerSpec(queues.DEFAULT, (sys.executable, "-c", "import time; time.sleep(120)"))
QUITTER = WorkerSpec(queues.DEFAULT, (sys.executable, "-c", "raise SystemExit(3)"))


def _wait_for(condition, seconds: float = 30.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if value := condition():
            return value
        time.sleep(0.05)
    pytest.fail("timed out")


@pytest.fixture
def supervise():
    started = []

    def start(specs, **options):
        supervisor = Supervisor(specs, poll_seconds=0.05, **options)
        supervisor.start()
        started.append(supervisor)
        return supervisor

    yield start
    for supervisor in started:
        supervisor.stop(timeout=5)


def test_a_worker_killed_with_sigkill_is_started_again(supervise):
    deaths = []
    supervisor = supervise([SLEEPER], on_death=lambda spec, worker_id: deaths.append(worker_id))
    pid, worker_id = supervisor.running()[queues.DEFAULT]
    os.kill(pid, signal.SIGKILL)
    new_pid, _ = _wait_for(
        lambda: (
            (supervisor.running().get(queues.DEFAULT, (pid,))[0] != pid)
            and supervisor.running()[queues.DEFAULT]
        )
    )
    assert new_pid != pid
    assert deaths == [worker_id]


def test_stopping_the_supervisor_ends_every_worker(supervise):
    supervisor = supervise([SLEEPER, WorkerSpec(queues.URGENT, SLEEPER.argv)])
    pids = [pid for pid, _ in supervisor.running().values()]
    supervisor.stop(timeout=5)
    for pid in pids:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)


def test_a_worker_that_dies_as_it_starts_is_started_again_ever_more_slowly(supervise):
    deaths = []
    supervise([QUITTER], on_death=lambda spec, worker_id: deaths.append(worker_id))
    time.sleep(2.5)
    # Waits of 1 s then 2 s: two deaths by now, where restarting at once would give dozens.
    assert 1 <= len(deaths) <= 3


# -- recovering what a crash left ----------------------------------------------------------

DATABASE_QUEUE = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": list(queues.NAMES)}
}


@pytest.fixture
def upload_dir(settings, tmp_path):
    settings.REVIEW_UPLOAD_DIR = tmp_path / "uploads"
    return settings.REVIEW_UPLOAD_DIR


def _review(status: str, **fields) -> Review:
    """A review with one uploaded archive waiting to be read, left in ``status``."""
    member = make_member()
    now = timezone.now()
    review = Review.objects.create(
        owner=member.user,
        school=member.school,
        status=status,
        expires=now + timedelta(days=90),
        **fields,
    )
    path, size = uploads.save(SimpleUploadedFile("x.zip", b"PK\x05\x06" + b"\x00" * 18))
    ReviewArchive.objects.create(
        review=review, original_name="x.zip", upload_path=str(path), size=size
    )
    return review


def _claimed_task(worker_ids: list[str]):
    """A database-queue task a worker had claimed and was running."""
    from django_tasks_db.models import DBTaskResult

    result = run_review_task.enqueue(0)
    DBTaskResult.objects.filter(id=result.id).update(status="RUNNING", worker_ids=worker_ids)
    return DBTaskResult.objects.get(id=result.id)


@pytest.mark.django_db
def test_on_start_a_review_a_crash_left_running_fails_asking_for_a_new_upload(upload_dir):
    review = _review(ReviewStatus.RUNNING, started=timezone.now())
    recover_on_start("database")
    review.refresh_from_db()
    assert review.status == ReviewStatus.FAILED
    assert "interrupted" in review.problem and "Please upload them again" in review.problem


@pytest.mark.django_db
def test_an_interrupted_reviews_uploads_are_deleted(upload_dir):
    _review(ReviewStatus.RUNNING, started=timezone.now())
    recover_on_start("database")
    assert list(upload_dir.iterdir()) == []


@pytest.mark.django_db
def test_a_queued_review_whose_upload_is_still_there_waits_for_its_worker(upload_dir):
    review = _review(ReviewStatus.QUEUED)
    recover_on_start("database")
    review.refresh_from_db()
    assert review.status == ReviewStatus.QUEUED


@pytest.mark.django_db
def test_a_queued_review_whose_upload_has_gone_is_interrupted(upload_dir):
    review = _review(ReviewStatus.QUEUED)
    uploads.delete(review.archives.get().upload_path)
    recover_on_start("database")
    review.refresh_from_db()
    assert review.status == ReviewStatus.FAILED


@pytest.mark.django_db
def test_on_redis_only_a_review_running_past_twice_its_time_limit_is_interrupted(
    upload_dir, settings
):
    # Other servers' workers may be reading reviews: running alone proves nothing there.
    long_ago = timezone.now() - timedelta(seconds=2 * settings.REVIEW_JOB_CPU_SECONDS + 60)
    stuck = _review(ReviewStatus.RUNNING, started=long_ago)
    working = _review(ReviewStatus.RUNNING, started=timezone.now())
    recover_on_start("redis")
    stuck.refresh_from_db()
    working.refresh_from_db()
    assert (stuck.status, working.status) == (ReviewStatus.FAILED, ReviewStatus.RUNNING)


@pytest.mark.django_db
def test_the_daily_purge_fails_a_review_stuck_running_past_twice_its_time_limit(
    upload_dir, settings
):
    long_ago = timezone.now() - timedelta(seconds=2 * settings.REVIEW_JOB_CPU_SECONDS + 60)
    stuck = _review(ReviewStatus.RUNNING, started=long_ago)
    call_command("purge_reviews", stdout=io.StringIO())
    stuck.refresh_from_db()
    assert stuck.status == ReviewStatus.FAILED


@pytest.mark.django_db
def test_a_task_a_dead_worker_was_running_is_queued_again_once(settings):
    settings.TASKS = DATABASE_QUEUE
    task = _claimed_task(["default-dead"])
    requeue_interrupted_tasks({"default-dead"})
    task.refresh_from_db()
    assert task.status == "READY"


@pytest.mark.django_db
def test_a_task_that_was_running_when_a_second_worker_died_fails(settings):
    settings.TASKS = DATABASE_QUEUE
    task = _claimed_task(["default-first", "default-second"])
    requeue_interrupted_tasks({"default-second"})
    task.refresh_from_db()
    assert task.status == "FAILED"
    assert task.exception_class_path.endswith("WorkerStopped")


@pytest.mark.django_db
def test_a_task_a_live_worker_is_running_is_left_alone(settings):
    settings.TASKS = DATABASE_QUEUE
    task = _claimed_task(["urgent-alive"])
    requeue_interrupted_tasks({"default-dead"})
    task.refresh_from_db()
    assert task.status == "RUNNING"


@pytest.mark.django_db(transaction=True)
def test_a_default_worker_killed_mid_review_is_restarted_and_its_review_recovered(
    upload_dir, settings
):
    """kill -9 of the real database-queue worker while it reads a review: the supervisor
    fails the review, queues its task again and starts a new worker, which runs the task."""
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = DATABASE_QUEUE
    supervisor = Supervisor(
        worker_specs("database"),
        env=child_env(SAFEPRACTICE_TASKS="database"),
        on_death=lambda spec, worker_id: recover_after_death("database", spec, worker_id),
        poll_seconds=0.2,
    )
    supervisor.start()
    try:
        pid, worker_id = supervisor.running()[queues.DEFAULT]
        review = _review(ReviewStatus.RUNNING, started=timezone.now())
        task = run_review_task.using(run_after=timezone.now() + timedelta(days=1)).enqueue(
            review.pk
        )
        # What the worker's claim of the task looks like, made here so the worker cannot
        # finish the review before it is killed.
        DBTaskResult.objects.filter(id=task.id).update(
            status="RUNNING", worker_ids=[worker_id], run_after=timezone.now()
        )
        os.kill(pid, signal.SIGKILL)
        _wait_for(lambda: DBTaskResult.objects.get(id=task.id).status == "SUCCESSFUL", 60)
        review.refresh_from_db()
        assert review.status == ReviewStatus.FAILED and "interrupted" in review.problem
        assert supervisor.running()[queues.DEFAULT][0] != pid
    finally:
        supervisor.stop(timeout=10)


@pytest.mark.django_db
def test_before_serving_run_removes_what_a_crash_left_in_the_upload_folders(upload_dir):
    from safepractice.commands.server import _sweep_uploads_left_by_a_crash
    from safepractice.web import uploads as web_uploads

    waiting = _review(ReviewStatus.QUEUED)
    half_saved = uploads.upload_dir() / "0123abcd.upload"  # no archive points at it
    half_saved.write_bytes(b"PK")
    spooled = web_uploads.temporary_dir() / "tmpabc.upload.zip"
    spooled.write_bytes(b"PK")
    _sweep_uploads_left_by_a_crash()
    assert not half_saved.exists() and not spooled.exists()
    assert uploads.exists(waiting.archives.get().upload_path)
