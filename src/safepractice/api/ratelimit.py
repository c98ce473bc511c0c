"""Per-token rate limit: a one-minute window counted by ``web.throttle``.

It counts in the default cache: per process unless ``CACHE_URL`` names Redis (see settings),
so that an API call costs no database query for it; each worker then allows the whole rate.
"""

from safepractice.web.throttle import MINUTE, Limit, take

from .models import ApiToken


def check_rate(token: ApiToken) -> None:
    """Raise ``LimitReached`` once the token has made its ``rate_per_minute`` calls."""
    limit = Limit("api-rate", token.rate_per_minute, MINUTE,
                  f"Rate limit of {token.rate_per_minute} requests a minute reached.")
    # Keyed by digest: token pks can be reused, digests never.
    take(limit, token.digest[:24], cache_alias="default")
