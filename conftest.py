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


@pytest.fixture(autouse=True)
def _empty_limits_cache(request, django_db_blocker):
    # The upload limits count in a database table (web/throttle.py). A test in a transaction
    # rolls its counts back; a transactional test's flush leaves them for the next test,
    # whose members may have the same ids.
    yield
    marker = request.node.get_closest_marker("django_db")
    transactional = bool(marker and marker.kwargs.get("transaction")) or any(
        name in request.fixturenames for name in ("transactional_db", "live_server")
    )
    if transactional:
        from django.core.cache import caches

        with django_db_blocker.unblock():
            caches["limits"].clear()


@pytest.fixture(autouse=True)
def _admin_forgets_django_rq():
    """A test that adds django_rq to INSTALLED_APPS registers its admin for good; the admin's
    pages then look the app up after the setting is restored. Forget it afterwards."""
    yield
    from django.conf import settings
    from django.contrib import admin

    if "django_rq" in settings.INSTALLED_APPS:
        return  # installed for real (SAFEPRACTICE_TASKS=redis)
    for model in list(admin.site._registry):
        if model._meta.app_label in ("django_rq", "django_tasks_rq"):
            admin.site.unregister(model)
