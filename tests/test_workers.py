"""The task workers beside the web server: one a queue, supervised, recovered after a crash."""

from safepractice import queues
from safepractice.commands.workers import worker_specs


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
