"""Creating, revoking and checking personal API tokens."""

import hashlib
import secrets
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from safepractice.audit.services import record
from safepractice.schools.models import Membership

from .models import DEFAULT_RATE_PER_MINUTE, ApiToken

TOKEN_PREFIX = "sp_"
LAST_USED_RESOLUTION = timedelta(minutes=1)  # don't write to the database on every call


def digest_of(raw: str) -> str:
    # 256 random bits need no slow hash: nothing short of the token itself matches its digest.
    return hashlib.sha256(raw.encode()).hexdigest()


@transaction.atomic
def create_token(
    membership: Membership, name: str, actor=None,
    rate_per_minute: int = DEFAULT_RATE_PER_MINUTE,
) -> tuple[ApiToken, str]:
    """A new token for the membership; returns it and the raw token, shown only this once."""
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        membership=membership, name=name.strip() or "API token", prefix=raw[:10],
        digest=digest_of(raw), rate_per_minute=rate_per_minute,
    )
    record("api-token-created", actor=actor or membership.user, school=membership.school,
           target=token)
    return token, raw


@transaction.atomic
def revoke_token(token: ApiToken, actor=None) -> None:
    if token.revoked_at is not None:
        return
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    record("api-token-revoked", actor=actor or token.membership.user,
           school=token.membership.school, target=token)


def authenticate(raw: str) -> ApiToken | None:
    """The live token for ``raw`` whose owner is still an active member, or None."""
    if not raw.startswith(TOKEN_PREFIX) or len(raw) > 100:
        return None
    token = (
        ApiToken.objects.live()
        .select_related("membership__school", "membership__user")
        .filter(digest=digest_of(raw))
        .first()
    )
    if token is None or not token.membership.is_active or not token.membership.user.is_active:
        return None
    now = timezone.now()
    if token.last_used is None or now - token.last_used > LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used=now)
        token.last_used = now
    return token


def tokens_of(membership: Membership):
    return ApiToken.objects.filter(membership=membership)
