"""Per-token rate limit: a fixed one-minute window counted in the ``shared`` cache.

That cache is one for every worker and server (Redis when ``CACHE_URL`` is set, else a table in
the database; see settings), so a token's count is the same whichever process answers.
"""

import time

from django.core.cache import caches

from .models import ApiToken

RATE_CACHE = "shared"


class RateLimited(Exception):
    def __init__(self, limit: int, retry_after: int) -> None:
        self.limit = limit
        self.retry_after = retry_after
        super().__init__(f"Rate limit of {limit} requests a minute reached.")


def check_rate(token: ApiToken) -> None:
    now = time.time()
    window = int(now // 60)
    key = f"api-rate:{token.digest[:24]}:{window}"  # pks can be reused; digests never
    counts = caches[RATE_CACHE]
    try:
        count = counts.incr(key)
    except ValueError:  # the window's first call: start its count, unless another just did
        count = 1 if counts.add(key, 1, timeout=90) else counts.incr(key)
    if count > token.rate_per_minute:
        raise RateLimited(token.rate_per_minute, retry_after=60 - int(now % 60))
