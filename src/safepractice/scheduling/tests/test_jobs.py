"""The declared periodic jobs: each periodic task once, each on a queue that exists."""

from django_tasks.base import Task

from safepractice import queues
from safepractice.scheduling.jobs import JOBS, job_named


def test_every_periodic_task_is_declared_once():
    paths = [job.task.module_path for job in JOBS]
    assert sorted(paths) == sorted(
        {
            "safepractice.cases.tasks.sweep_deadlines",
            "safepractice.cases.tasks.retention_review",
            "safepractice.policies.tasks.send_all_reminders",
            "safepractice.reviews.tasks.purge_reviews",
            "safepractice.oversight.tasks.generate_due_termly_reports",
            "safepractice.audit.tasks.write_audit_checkpoint",
            "safepractice.audit.tasks.verify_audit_chain",
        }
    )


def test_job_names_are_unique():
    assert len({job.name for job in JOBS}) == len(JOBS)


def test_every_job_runs_a_task_on_a_known_queue():
    assert all(isinstance(job.task, Task) and job.task.queue_name in queues.NAMES for job in JOBS)


def test_a_job_is_found_by_its_name():
    assert job_named("case-sweep").task.module_path == "safepractice.cases.tasks.sweep_deadlines"
