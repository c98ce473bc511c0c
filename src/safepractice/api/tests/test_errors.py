"""The API's one handler of ``ApplicationError`` (api/main.py)."""

import json

import pytest
from django.test import RequestFactory

from safepractice.api.main import api
from safepractice.errors import ApplicationError


class OutOfDate(ApplicationError):
    status = 409


class TooMany(ApplicationError):
    status = 429


def test_a_refusal_is_its_message_as_detail_with_its_status() -> None:
    response = api.on_exception(RequestFactory().get("/api/v1/x"),
                                OutOfDate("This changed since you read it."))
    assert response.status_code == 409
    assert json.loads(response.content) == {"detail": "This changed since you read it."}


def test_a_rate_limit_says_when_to_try_again() -> None:
    refusal = TooMany("You can check 300 photos a day.")
    refusal.retry_after = 120
    response = api.on_exception(RequestFactory().get("/api/v1/x"), refusal)
    assert response.status_code == 429 and response["Retry-After"] == "120"


def test_a_bugs_value_error_is_not_answered_with_its_message() -> None:
    # Not handled: it propagates to Django, whose answer is the generic 500.
    with pytest.raises(ValueError):
        api.on_exception(RequestFactory().get("/api/v1/x"), ValueError("internal detail"))
