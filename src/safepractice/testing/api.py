"""Ninja's TestClient for one router, answering errors as the project's API does."""

from itertools import count

from ninja import NinjaAPI, Router
from ninja.testing import TestClient

from safepractice.api.main import application_error
from safepractice.errors import ApplicationError

_names = count()


def router_client(router: Router) -> TestClient:
    """A client for ``router`` alone (no bearer auth: the signed-in ``user=`` is the member).

    ``TestClient(router)`` mounts the router on a bare ``NinjaAPI``, which would answer a
    refusal with a 500: the refusals are translated by the API's one handler, not the router.
    """
    api = NinjaAPI(urls_namespace=f"router-test-{next(_names)}")
    api.add_exception_handler(ApplicationError, application_error)
    api.add_router("", router)
    return TestClient(api)
