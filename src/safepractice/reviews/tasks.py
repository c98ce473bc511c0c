"""The reviews' tasks: thin wrappers over ``reading`` and ``cleanup``, queued by ``services``
(a review's reading) and by the scheduler (the daily purge, scheduling/jobs.py)."""

from django_tasks import task

from safepractice.web import uploads

from .cleanup import purge_expired_reviews, recover_interrupted_reviews
from .reading import run_review


@task()
def run_review_task(review_id: int) -> None:
    run_review(review_id)


@task()
def purge_reviews() -> dict[str, int]:
    """Daily (scheduling/jobs.py): reviews past their retention period, reviews a crash left
    unfinished, and files left in the upload folders."""
    deleted = purge_expired_reviews()  # also review uploads over a day old
    # Only the time bounds here: workers and web requests may be running.
    interrupted = recover_interrupted_reviews(running_is_interrupted=False)
    return {"deleted": deleted, "interrupted": interrupted, "swept": uploads.sweep()}
