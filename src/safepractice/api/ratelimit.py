"""Per-token rate limit: a fixed one-minute window counted in Django's cache.

With the default per-process cache each worker counts on its own; point ``CACHE_URL`` at
Redis (see settings) for one count across every worker and server.
"""

import time

from django.core.cache import cache

from .models import ApiToken


class RateLimited(Exception):
    def __init__(self, limit: int, retry_after: int) -> None:
        self.limit = limit
        self.retry_after = retry_after
        super().__init__(f"Rate limit of {limit} requests a minute reached.")


def check_rate(token: ApiToken) -> None:
    now = time.time()
    window = int(now // 60)
    key = f"api-rate:{token.digest[:24]}:{window}"  # pks can be reused; digests never
    cache.add(key, 0, timeout=90)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=90)
        count = 1
    if count > token.rate_per_minute:
        raise RateLimited(token.rate_per_minute, retry_after=60 - int(now % 60))
