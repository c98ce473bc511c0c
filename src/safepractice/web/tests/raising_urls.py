"""Views that only raise, for the tests of the web's error handler (test_errors.py)."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from safepractice.errors import ApplicationError


class OutOfDate(ApplicationError):
    status = 409


def refuses(request: HttpRequest) -> HttpResponse:
    raise OutOfDate("This changed since you opened it.")


def has_a_bug(request: HttpRequest) -> HttpResponse:
    raise ValueError("invalid literal for int() with base 10: 'secret-internal-detail'")


urlpatterns = [
    path("refuses/", refuses),
    path("has-a-bug/", has_a_bug),
]
