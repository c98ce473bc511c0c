from django_tasks import task

from .services import run_review


@task()
def run_review_task(review_id: int) -> None:
    run_review(review_id)
