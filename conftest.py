import pytest


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    # Argon2 is what users get; tests need thousands of hashes, not the protection.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _empty_cache():
    # Ids are reused after each test's rollback, so nothing cached may outlive a test.
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
