"""Rate limits and quotas count in a cache every process shares."""

import subprocess
import sys
import textwrap

import pytest
from django.core.cache import caches

from safepractice.testing.processes import child_env
from safepractice.testing.services import need_service
from safepractice.web.throttle import HOUR, LIMITS_CACHE, Limit, LimitReached, take

TWO_AN_HOUR = Limit("test-two", 2, HOUR, "You can do this twice an hour.")

CHILD = textwrap.dedent("""
    import safepractice.instance
    safepractice.instance.prepare()
    import django
    django.setup()
    from safepractice.web.throttle import HOUR, Limit, take
    take(Limit("test-two", 2, HOUR, "m"), "someone", amount=2)
""")


@pytest.fixture(autouse=True)
def _empty_limits(db):
    caches[LIMITS_CACHE].clear()
    yield
    caches[LIMITS_CACHE].clear()


def test_what_would_go_over_the_limit_is_refused_saying_when_to_try_again():
    take(TWO_AN_HOUR, "someone", amount=2)
    with pytest.raises(LimitReached, match=r"twice an hour\. Try again in \d+ (minute|hour)") as e:
        take(TWO_AN_HOUR, "someone")
    assert 0 < e.value.retry_after <= HOUR


def test_an_amount_refused_is_not_counted():
    with pytest.raises(LimitReached):
        take(TWO_AN_HOUR, "someone", amount=3)
    take(TWO_AN_HOUR, "someone", amount=2)


def test_each_person_has_their_own_count():
    take(TWO_AN_HOUR, "someone", amount=2)
    take(TWO_AN_HOUR, "someone-else", amount=2)


def _count_twice_in_a_child(**env: str) -> None:
    subprocess.run(
        [sys.executable, "-c", CHILD],
        env=child_env(**env),
        check=True,
        capture_output=True,
        timeout=120,
    )


@pytest.mark.django_db(transaction=True)
def test_a_count_made_in_another_process_holds_in_this_one():
    # What another gunicorn worker, or another server, counted: a per-process cache would
    # let each of them allow the whole limit again.
    _count_twice_in_a_child()
    with pytest.raises(LimitReached):
        take(TWO_AN_HOUR, "someone")


@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_with_redis_a_count_made_in_another_process_holds_in_this_one(settings):
    need_service("Redis", "127.0.0.1", 6379)
    url = "redis://127.0.0.1:6379/14"
    redis_cache = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    settings.CACHES = {"default": redis_cache, "limits": redis_cache}
    caches[LIMITS_CACHE].clear()
    _count_twice_in_a_child(CACHE_URL=url)
    with pytest.raises(LimitReached):
        take(TWO_AN_HOUR, "someone")
