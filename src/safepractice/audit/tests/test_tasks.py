"""The audit check runs on both task queues: the database queue and Redis."""

import pytest
from django.core.management import call_command
from django.test import override_settings

from safepractice.audit.services import record
from safepractice.audit.tasks import verify_audit_chain
from safepractice.testing.services import need_service

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
REDIS_QUEUE = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}


@pytest.mark.django_db(transaction=True)
def test_the_database_queue_runs_the_task_in_a_worker():
    record("test", object_type="x", object_id=1)
    with override_settings(TASKS=DATABASE_QUEUE):
        result = verify_audit_chain.using(backend="default").enqueue()
        call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
        result.refresh()
        from django_tasks_db.models import DBTaskResult

        assert DBTaskResult.objects.filter(id=result.id).exists()
        assert result.status == "SUCCESSFUL"
        assert result.return_value == {"intact": True, "entries": 1, "broken_at": None}


@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_the_redis_queue_runs_the_task_in_a_worker(settings):
    need_service("Redis", "127.0.0.1", 6379)
    import django_rq

    settings.INSTALLED_APPS = [*settings.INSTALLED_APPS, "django_rq", "django_tasks_rq"]
    settings.RQ_QUEUES = {"default": {"URL": "redis://127.0.0.1:6379/15"}}
    with override_settings(TASKS=REDIS_QUEUE):
        queue = django_rq.get_queue("default")
        queue.empty()
        record("test", object_type="x", object_id=1)
        result = verify_audit_chain.enqueue()
        django_rq.get_worker("default", job_class="django_tasks_rq.Job").work(burst=True)
        result.refresh()
        assert result.status == "SUCCESSFUL"
        assert result.return_value["intact"] is True
