"""The scheduler queues each due job once per slot, runs it, and retries a failure next slot."""

import datetime
import logging

import pytest
from django.utils import timezone
from django_tasks.base import Task

from safepractice.scheduling import jobs, services
from safepractice.scheduling.models import ScheduledRun
from safepractice.scheduling.schedules import Daily, Every

from . import tasks

pytestmark = pytest.mark.django_db

NOW = timezone.make_aware(datetime.datetime(2026, 11, 24, 9, 7))
FIVE_MINUTES = datetime.timedelta(minutes=5)
SWEEP = jobs.Job("sweep", Every(FIVE_MINUTES), tasks.note_a_run, "a test job")
FAILING = jobs.Job("failing", Daily(datetime.time(7, 0)), tasks.fail, "a job that fails")


@pytest.fixture(autouse=True)
def _declared(monkeypatch):
    # The worker finds a run's job by name among the declared ones: declare the test's.
    monkeypatch.setattr(jobs, "JOBS", (SWEEP, FAILING))
    tasks.calls.clear()


def test_a_due_job_is_queued_and_run():
    services.enqueue_due(NOW, [SWEEP])
    run = ScheduledRun.objects.get(job="sweep")
    assert tasks.calls == ["ran"]
    assert run.slot == timezone.make_aware(datetime.datetime(2026, 11, 24, 9, 5))
    assert run.finished_at is not None and not run.failed


def test_a_slot_already_queued_is_not_queued_again():
    services.enqueue_due(NOW, [SWEEP])
    assert services.enqueue_due(NOW + datetime.timedelta(minutes=2), [SWEEP]) == []
    assert tasks.calls == ["ran"]


def test_a_slot_another_scheduler_claimed_a_moment_ago_is_left_to_it(monkeypatch):
    ScheduledRun.objects.create(job="sweep", slot=SWEEP.schedule.slot(NOW))
    # As if the other scheduler's row landed between this one's look and its insert.
    monkeypatch.setattr(
        services.ScheduledRun.objects, "filter", lambda **_: ScheduledRun.objects.none()
    )
    assert services.enqueue_due(NOW, [SWEEP]) == []
    assert tasks.calls == []


def test_the_next_slot_is_queued_in_its_turn():
    services.enqueue_due(NOW, [SWEEP])
    services.enqueue_due(NOW + FIVE_MINUTES, [SWEEP])
    assert tasks.calls == ["ran", "ran"]


def test_a_failing_job_is_logged_and_recorded(caplog):
    with caplog.at_level(logging.ERROR, logger="safepractice.scheduling.tasks"):
        services.enqueue_due(NOW, [FAILING])
    run = ScheduledRun.objects.get(job="failing")
    assert run.error == "RuntimeError: the mail server is down"
    assert "failing" in caplog.text and "runs again at its next slot, 2026-11-25 07:00" in (
        caplog.text
    )


def test_a_failed_job_runs_again_at_its_next_slot():
    services.enqueue_due(NOW, [FAILING])
    queued = services.enqueue_due(NOW + datetime.timedelta(days=1), [FAILING])
    assert [run.job for run in queued] == ["failing"]
    assert ScheduledRun.objects.filter(job="failing").count() == 2


def test_a_slot_whose_queueing_failed_is_claimed_again_at_the_next_tick(monkeypatch):
    def unreachable(*args, **kwargs):
        raise ConnectionError("Redis is down")

    with monkeypatch.context() as patched:
        patched.setattr(Task, "enqueue", unreachable)
        assert services.enqueue_due(NOW, [SWEEP]) == []
    assert [run.job for run in services.enqueue_due(NOW, [SWEEP])] == ["sweep"]


def test_runs_older_than_the_keeping_period_are_removed():
    old = ScheduledRun.objects.create(job="sweep", slot=NOW - services.KEEP_RUNS - FIVE_MINUTES)
    services.enqueue_due(NOW, [SWEEP])
    assert not ScheduledRun.objects.filter(pk=old.pk).exists()


def test_a_run_whose_claim_was_undone_does_nothing():
    from safepractice.scheduling.tasks import run_scheduled_job

    assert run_scheduled_job.call(12345) is None
    assert tasks.calls == []
