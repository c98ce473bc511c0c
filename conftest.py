import pytest


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    # Argon2 is what users get; tests need thousands of hashes, not the protection.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
