"""Safeguarding alerts go on the urgent queue, whose own worker never runs a review."""

import pytest
from django.core import mail
from django.core.management import call_command

from safepractice import queues
from safepractice.cases.models import Route
from safepractice.reviews.tasks import run_review_task
from safepractice.testing.cases import make_case, make_staff_room
from safepractice.testing.services import need_service

DATABASE_QUEUE = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": list(queues.NAMES)}
}
REDIS_QUEUE = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": list(queues.NAMES)}}


@pytest.mark.django_db(transaction=True)  # the worker closes connections between tasks
def test_the_urgent_worker_sends_an_indecent_images_alert_while_a_review_waits(settings):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = DATABASE_QUEUE
    review = run_review_task.enqueue(0)  # a long review, queued first
    room = make_staff_room()
    make_case(room, Route.INDECENT_IMAGES)  # no transaction around the test: emails queued now
    call_command(
        "db_worker", "--batch", "--no-startup-delay", "--queue-name", queues.URGENT, verbosity=0
    )
    assert {m.to[0] for m in mail.outbox} == {room.head.user.email, room.dsl.user.email}
    assert DBTaskResult.objects.get(id=review.id).status == "READY"


@pytest.mark.redis
@pytest.mark.django_db
def test_on_redis_alerts_are_queued_apart_from_reviews(
    settings, django_capture_on_commit_callbacks
):
    need_service("Redis", "127.0.0.1", 6379)
    import django_rq

    settings.INSTALLED_APPS = [*settings.INSTALLED_APPS, "django_rq", "django_tasks_rq"]
    settings.RQ_QUEUES = {name: {"URL": "redis://127.0.0.1:6379/15"} for name in queues.NAMES}
    settings.TASKS = REDIS_QUEUE
    urgent = django_rq.get_queue(queues.URGENT)
    urgent.empty()
    room = make_staff_room()
    with django_capture_on_commit_callbacks(execute=True):
        make_case(room, Route.INDECENT_IMAGES)
    assert [job.func_name for job in urgent.get_jobs()] == [
        "safepractice.cases.alert_emails.send_alert_emails"
    ]
