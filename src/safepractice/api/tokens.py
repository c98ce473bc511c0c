"""Creating, revoking and checking personal API tokens (who may hold which: ``rules``).

``authenticate`` runs on every API call, so each process keeps the tokens it has recently
accepted for ``TOKEN_CACHE_SECONDS`` rather than querying for them every time. Revoking a token,
or saving or deleting a token, membership or user, empties this process's copy at once. Other
processes see the change within ``TOKEN_CACHE_SECONDS``, or before their next call when
``CACHE_URL`` names a shared cache (Redis): the change also moves a generation number kept
there, which every cached hit compares with the one it was filled under.
"""

import hashlib
import secrets
import threading
import time
from datetime import timedelta

from django.core.cache import cache, caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.db import transaction
from django.utils import timezone

from safepractice.accounts.twofactor import verify_app_code
from safepractice.audit.actions import API_TOKEN_CREATED, API_TOKEN_REVOKED
from safepractice.audit.services import record
from safepractice.errors import ApplicationError
from safepractice.schools.models import Membership
from safepractice.schools.rules import is_active_member

from . import rules
from .models import DEFAULT_LIFETIME_DAYS, DEFAULT_RATE_PER_MINUTE, ApiToken, Scope

TOKEN_PREFIX = "sp_"
LAST_USED_RESOLUTION = timedelta(minutes=1)  # don't write to the database on every call
TOKEN_CACHE_SECONDS = 5.0  # the longest another process may accept a token after revocation
TOKEN_CACHE_MAX_ENTRIES = 10_000
GENERATION_KEY = "api-tokens-generation"

_lock = threading.Lock()
# digest → (monotonic expiry, shared generation when filled, token with membership, school, user)
_accepted: dict[str, tuple[float, int | None, ApiToken]] = {}


def digest_of(raw: str) -> str:
    # 256 random bits need no slow hash: nothing short of the token itself matches its digest.
    return hashlib.sha256(raw.encode()).hexdigest()


class TokenRefused(ApplicationError):
    """A token that may not be created; the message says why."""


@transaction.atomic
def create_token(
    membership: Membership, name: str, actor=None,
    rate_per_minute: int = DEFAULT_RATE_PER_MINUTE,
    *,
    scopes: "set[str] | frozenset[str]" = frozenset({Scope.CHECK}),
    days: int = DEFAULT_LIFETIME_DAYS,
    code: str = "",
) -> tuple[ApiToken, str]:
    """A new token for the membership; returns it and the raw token, shown only this once.

    ``code`` is the owner's current authenticator code, needed for case access (see rules).
    """
    scopes = set(scopes) | {Scope.CHECK}
    user = membership.user
    # Verify only when case access is asked for: each code works once, and a code given with
    # a checking token should not use up the one the person is about to type elsewhere.
    fresh = Scope.CASES in scopes and verify_app_code(user, code) is not None
    if reason := rules.why_not_create(user, scopes, days, fresh_two_factor=fresh):
        raise TokenRefused(reason)
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    now = timezone.now()
    token = ApiToken.objects.create(
        membership=membership, name=name.strip() or "API token", prefix=raw[:10],
        digest=digest_of(raw), rate_per_minute=rate_per_minute,
        scopes=" ".join(s for s in Scope.values if s in scopes),
        created=now, expires_at=now + timedelta(days=days),
    )
    record(API_TOKEN_CREATED, actor=actor or user, school=membership.school, target=token,
           scopes=token.scopes, expires_at=token.expires_at)
    return token, raw


@transaction.atomic
def revoke_token(token: ApiToken, actor=None) -> None:
    if token.revoked_at is not None:
        return
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    forget_accepted_tokens()
    # Again once the revocation is visible to others: a call racing it in this process may
    # have re-cached the token from the row as it was before the commit.
    transaction.on_commit(forget_accepted_tokens)
    record(API_TOKEN_REVOKED, actor=actor or token.membership.user,
           school=token.membership.school, target=token)


def authenticate(raw: str) -> ApiToken | None:
    """The live, unexpired token for ``raw`` whose owner is still an active member and meets
    ``rules.may_use`` (their second factor), or None."""
    if not raw.startswith(TOKEN_PREFIX) or len(raw) > 100:
        return None
    digest = digest_of(raw)
    token = _cached(digest)
    if token is None:
        token = _load(digest)
        if token is None:
            return None
    now = timezone.now()
    if token.is_expired(now):
        return None
    if not is_active_member(token.membership) or not token.membership.user.is_active:
        return None
    if token.last_used is None or now - token.last_used > LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used=now)
        token.last_used = now
    return token


def _load(digest: str) -> ApiToken | None:
    generation = _shared_generation()
    # Digests are unique: no ORDER BY (the model's default ordering costs compile time).
    found = list(
        ApiToken.objects.live()
        .select_related("membership__school", "membership__user")
        .filter(digest=digest)
        .order_by()[:1]
    )
    if not found or not rules.may_use(found[0]):
        return None  # not cached: the owner may set up their second factor at any moment
    with _lock:
        if len(_accepted) >= TOKEN_CACHE_MAX_ENTRIES:
            _accepted.clear()
        _accepted[digest] = (time.monotonic() + TOKEN_CACHE_SECONDS, generation, found[0])
    return found[0]


def _cached(digest: str) -> ApiToken | None:
    entry = _accepted.get(digest)
    if entry is None:
        return None
    expires, generation, token = entry
    if time.monotonic() >= expires or generation != _shared_generation():
        _accepted.pop(digest, None)
        return None
    return token


def _cache_is_shared() -> bool:
    return not isinstance(caches["default"], LocMemCache | DummyCache)


def _shared_generation() -> int | None:
    """The generation number in a shared cache; None when the cache is this process's own."""
    if not _cache_is_shared():
        return None
    return cache.get(GENERATION_KEY, 0)


def forget_accepted_tokens(**_signal_kwargs) -> None:
    """Drop every cached token here, and in every process when the cache is shared."""
    with _lock:
        _accepted.clear()
    if _cache_is_shared():
        cache.add(GENERATION_KEY, 0, timeout=None)
        try:
            cache.incr(GENERATION_KEY)
        except ValueError:  # evicted between add and incr
            cache.set(GENERATION_KEY, 1, timeout=None)


def tokens_of(membership: Membership):
    """Every token of the membership, live or not (the tokens page lists them all)."""
    return ApiToken.objects.filter(membership=membership)
