"""The per-token API rate limit: a ``Limit`` of one-minute windows, taken like every other.

It counts in the ``limits`` cache (web/throttle.py), one count for every worker and server, so a
token's count is the same whichever process answers; a token over it is answered ``429`` with
``Retry-After`` (api/main.py, for every ``ApplicationError``).
"""

from safepractice.web.throttle import MINUTE, Limit, take

from .models import ApiToken


def token_limit(token: ApiToken) -> Limit:
    return Limit("api-rate", token.rate_per_minute, MINUTE,
                 f"This token may make {token.rate_per_minute} requests a minute.")


def check_rate(token: ApiToken) -> None:
    take(token_limit(token), token.digest[:24])  # pks can be reused; digests never
