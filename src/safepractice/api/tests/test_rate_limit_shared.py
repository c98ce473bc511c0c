"""A token's rate limit is one count however many worker processes answer its calls.

Each test forks processes as gunicorn forks its workers: each has its own memory (and so its
own local-memory cache) and opens its own database connection.
"""

import multiprocessing
import traceback
import uuid
from collections.abc import Callable

import pytest
from django.core.cache import caches
from django.db import connections

from safepractice.api.models import ApiToken
from safepractice.api.ratelimit import check_rate
from safepractice.api.tokens import create_token
from safepractice.testing.factories import make_member
from safepractice.web.throttle import LIMITS_CACHE, LimitReached

# Committed for real: the other processes read the token and the counts from the database.
pytestmark = pytest.mark.django_db(transaction=True)

FORK = multiprocessing.get_context("fork")


def _child(work: Callable[[], int], start, results) -> None:
    try:
        start.wait(timeout=30)
        results.put(work())
    except Exception:  # reported to the test, which fails on it
        results.put(traceback.format_exc())
    finally:
        connections.close_all()


def in_workers(*work: Callable[[], int]) -> list[int]:
    """Run each callable in its own forked process, all starting at once; their results."""
    connections.close_all()  # each process opens its own connection
    start, results = FORK.Barrier(len(work)), FORK.Queue()
    children = [FORK.Process(target=_child, args=(w, start, results)) for w in work]
    for child in children:
        child.start()
    answers = [results.get(timeout=60) for _ in children]
    for child in children:
        child.join(timeout=10)
    for answer in answers:
        assert isinstance(answer, int), answer
    return answers


def accepted_calls(token_pk: int, calls: int) -> Callable[[], int]:
    def work() -> int:
        token = ApiToken.objects.get(pk=token_pk)
        accepted = 0
        for _ in range(calls):
            try:
                check_rate(token)
            except LimitReached:
                continue
            accepted += 1
        return accepted

    return work


def test_two_workers_accept_no_more_calls_between_them_than_the_token_allows():
    token, _ = create_token(make_member(), "script", rate_per_minute=10)
    accepted = in_workers(accepted_calls(token.pk, 10), accepted_calls(token.pk, 10))
    assert sum(accepted) == 10


def increments(key: str, times: int) -> Callable[[], int]:
    def work() -> int:
        for _ in range(times):
            caches[LIMITS_CACHE].incr(key)
        return times

    return work


def test_counts_added_at_once_in_two_processes_are_all_kept():
    key = f"counted-at-once:{uuid.uuid4().hex}"  # a shared Redis may outlive the test
    caches[LIMITS_CACHE].set(key, 0)
    in_workers(increments(key, 100), increments(key, 100))
    assert caches[LIMITS_CACHE].get(key) == 200
