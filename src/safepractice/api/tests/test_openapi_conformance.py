"""The API against its own OpenAPI schema.

Schemathesis generates requests for every operation of ``/api/v1/openapi.json`` (a few each,
from a fixed seed, so a run takes seconds and is the same every time), sends them with a
personal token to the project's WSGI application, and checks each answer: no server error,
a documented status code and content type, and a body that fits the documented schema.
"""

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from safepractice.api.main import api
from safepractice.api.models import Scope
from safepractice.api.tokens import create_token
from safepractice.cases.models import Route
from safepractice.cases.services import Upload
from safepractice.testing.auth import current_code, give_authenticator
from safepractice.testing.cases import make_case, make_staff_room, png_bytes
from safepractice.wsgi import application

pytestmark = pytest.mark.django_db

schema = schemathesis.openapi.from_dict(api.get_openapi_schema())
schema.app = application

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@dataclass(frozen=True)
class Caller:
    school_slug: str
    case_id: int
    item_id: int
    headers: dict[str, str]


@pytest.fixture
def caller() -> Caller:
    """The head of a school with one cyberbullying case holding one file."""
    room = make_staff_room()
    case = make_case(room, Route.CYBERBULLYING, uploads=[Upload("a.png", png_bytes())])
    device = give_authenticator(room.head.user)  # case access needs two factors
    raw = create_token(room.head, "schemathesis", rate_per_minute=100_000,
                       scopes={Scope.CHECK, Scope.CASES}, code=current_code(device))[1]
    return Caller(
        room.school.slug, case.pk, case.evidence.get().pk, {"Authorization": f"Bearer {raw}"}
    )


@pytest.fixture
def _requests_keep_the_test_transaction() -> Iterator[None]:
    # A WSGI call closes "old" database connections when it starts and ends; Django's test
    # client turns that off, and so must anything else calling the application in a test.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=10,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
@pytest.mark.usefixtures("_requests_keep_the_test_transaction")
def test_every_answer_is_documented_and_none_is_a_server_error(case, caller: Caller):
    # Generated slugs and ids name nothing (a 404 each): aim them at the caller's school, case
    # and file, so the operations themselves run on whatever else was generated.
    aimed = {
        "school_slug": caller.school_slug,
        "case_id": caller.case_id,
        "item_id": caller.item_id,
    }
    for name in (case.path_parameters or {}).keys() & aimed.keys():
        case.path_parameters[name] = aimed[name]
    case.call_and_validate(headers=caller.headers, checks=CHECKS)


CASE = "/api/v1/schools/{school_slug}/cases/{case_id}"


def _path(caller: Caller) -> dict[str, object]:
    return {"school_slug": caller.school_slug, "case_id": caller.case_id}


@pytest.mark.usefixtures("_requests_keep_the_test_transaction")
def test_an_action_whose_body_is_not_an_object_gets_the_documented_422(caller: Caller):
    operation = schema[CASE + "/actions/{action}"]["POST"]
    case = operation.Case(
        path_parameters=_path(caller) | {"action": "add-note"},
        body=[1],
        media_type="application/json",
    )
    response = case.call_and_validate(headers=caller.headers, checks=CHECKS)
    assert response.status_code == 422


@pytest.mark.usefixtures("_requests_keep_the_test_transaction")
def test_evidence_sent_without_files_gets_the_documented_422(caller: Caller):
    operation = schema[CASE + "/evidence"]["POST"]
    case = operation.Case(
        path_parameters=_path(caller),
        body={"description": "none"},
        media_type="multipart/form-data",
    )
    response = case.call_and_validate(headers=caller.headers, checks=CHECKS)
    assert response.status_code == 422


@pytest.mark.usefixtures("_requests_keep_the_test_transaction")
def test_an_offset_past_the_largest_gets_the_documented_422(caller: Caller):
    operation = schema["/api/v1/schools/{school_slug}/cases"]["GET"]
    case = operation.Case(
        path_parameters={"school_slug": caller.school_slug}, query={"offset": 2**63}
    )
    response = case.call_and_validate(headers=caller.headers, checks=CHECKS)
    assert response.status_code == 422
