"""Tasks for the scheduler's tests: importable by path, as a queue needs."""

from django_tasks import task

calls: list[str] = []


@task()
def note_a_run() -> str:
    calls.append("ran")
    return "ran"


@task()
def fail() -> None:
    raise RuntimeError("the mail server is down")
