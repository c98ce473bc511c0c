"""The per-process cache of accepted tokens never outlives a revocation or a departure."""

import json
import socket
import time

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.utils import timezone

from safepractice.api import tokens
from safepractice.api.models import ApiToken
from safepractice.api.tokens import GENERATION_KEY, create_token, revoke_token
from safepractice.testing.factories import make_member

pytestmark = pytest.mark.django_db
CHECK = "/api/v1/check"


def check_status(client, raw: str) -> int:
    return client.post(CHECK, json.dumps({"text": "hi"}), content_type="application/json",
                       HTTP_AUTHORIZATION=f"Bearer {raw}").status_code


@pytest.fixture
def member():
    return make_member()


@pytest.fixture
def used_token(client, member):
    """A token that has just been accepted, so this process holds it in its cache."""
    token, raw = create_token(member, "script")
    assert check_status(client, raw) == 200
    return token, raw


def revoke_elsewhere(token: ApiToken) -> None:
    """What another process's revocation looks like from here: the row changes, no signal."""
    ApiToken.objects.filter(pk=token.pk).update(revoked_at=timezone.now())


def test_a_token_revoked_in_this_process_is_refused_at_once(client, used_token):
    token, raw = used_token
    revoke_token(token)
    assert check_status(client, raw) == 401


def test_a_token_whose_owner_leaves_is_refused_at_once(client, member, used_token):
    member.left_on = "2020-01-01"
    member.save()
    assert check_status(client, used_token[1]) == 401


def test_a_token_whose_owner_is_deactivated_is_refused_at_once(client, member, used_token):
    member.user.is_active = False
    member.user.save()
    assert check_status(client, used_token[1]) == 401


def test_a_token_revoked_elsewhere_is_refused_once_the_cache_bound_passes(
    client, used_token, monkeypatch
):
    token, raw = used_token
    revoke_elsewhere(token)
    later = time.monotonic() + tokens.TOKEN_CACHE_SECONDS
    monkeypatch.setattr(tokens.time, "monotonic", lambda: later)
    assert check_status(client, raw) == 401


def test_an_accepted_token_is_not_looked_up_again_within_the_bound(
    client, used_token, django_assert_num_queries
):
    # The bound is what makes the cache worth having: no token query on the next call.
    with django_assert_num_queries(0):
        tokens.authenticate(used_token[1])


def test_last_used_is_written_at_most_once_a_minute(client, used_token):
    token, raw = used_token
    first = ApiToken.objects.get(pk=token.pk).last_used
    assert check_status(client, raw) == 200
    assert ApiToken.objects.get(pk=token.pk).last_used == first


def redis_available() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.2).close()
    except OSError:
        return False
    return True


@pytest.mark.skipif(not redis_available(), reason="needs Redis on 127.0.0.1:6379")
def test_with_a_shared_cache_a_revocation_elsewhere_is_refused_at_once(client, member):
    shared = {"BACKEND": "django.core.cache.backends.redis.RedisCache",
              "LOCATION": "redis://127.0.0.1:6379/15", "KEY_PREFIX": f"sp-test-{time.time_ns()}"}
    with override_settings(CACHES={"default": shared, "limits": shared}):  # as CACHE_URL sets
        token, raw = create_token(member, "script")
        assert check_status(client, raw) == 200
        revoke_elsewhere(token)
        cache.incr(GENERATION_KEY)  # what forget_accepted_tokens does in the other process
        assert check_status(client, raw) == 401
        cache.delete(GENERATION_KEY)  # never clear(): that would empty the whole Redis db
