"""Rate limits and quotas: fixed windows counted in a cache.

Every limit is a ``Limit`` (how much, over how many seconds) and is taken with ``take``: the
upload limits and quotas of the web pages and the API, and the API's per-token rate limit
(api/ratelimit.py). They count in the ``limits`` cache, which every process must share, or each
gunicorn worker and each server would allow the whole amount again: Redis when ``CACHE_URL`` is
set, otherwise a database table (made by ``migrate``) whose ``incr`` reads the row under a lock
and writes it back in one transaction (web/counting_cache.py). Both count exactly.
"""

import contextlib
import time
from dataclasses import dataclass

from django.core.cache import caches

from safepractice.errors import ApplicationError

LIMITS_CACHE = "limits"
MINUTE = 60
HOUR = 60 * MINUTE
DAY = 24 * HOUR


@dataclass(frozen=True)
class Limit:
    """At most ``allowed`` (requests, photos, bytes) in each window of ``seconds``."""

    name: str
    allowed: int
    seconds: int
    message: str  # what the person is told, e.g. "You can check 300 photos a day."


class LimitReached(ApplicationError):
    """The message says what the limit is and when to try again."""

    status = 429

    def __init__(self, limit: Limit, retry_after: int) -> None:
        self.limit = limit
        self.retry_after = retry_after
        super().__init__(f"{limit.message} Try again in {human_duration(retry_after)}.")


def take(limit: Limit, who: str | int, amount: int = 1) -> None:
    """Count ``amount`` against ``who``'s window; raise ``LimitReached`` if it would go over.

    An amount refused is not counted, so a big upload refused still leaves room for a small one.
    """
    now = time.time()
    window = int(now // limit.seconds)
    key = f"limit:{limit.name}:{who}:{window}"
    store = caches[LIMITS_CACHE]
    timeout = limit.seconds + MINUTE  # outlives its window, never the next one's count
    try:
        # incr first: in the common case one locked update, with no add (which, in the database
        # cache, also counts the table to decide whether to cull it).
        count = store.incr(key, amount)
    except ValueError:  # the window's first count: start it, unless another process just did
        count = amount if store.add(key, amount, timeout=timeout) else store.incr(key, amount)
    if count > limit.allowed:
        # Give the refused amount back (unless the window ended meanwhile: nothing to give).
        with contextlib.suppress(ValueError):
            store.decr(key, amount)
        raise LimitReached(limit, retry_after=max(1, int((window + 1) * limit.seconds - now)))


def human_duration(seconds: int) -> str:
    for unit, size in (("hour", HOUR), ("minute", MINUTE)):
        if seconds >= size:
            count = round(seconds / size)
            return f"{count} {unit}{'s' if count != 1 else ''}"
    return f"{seconds} second{'s' if seconds != 1 else ''}"
