"""Tokens and two-factor sign-in: scopes, expiry, and who may hold which (``api/rules.py``)."""

import datetime
import json

import pytest
import time_machine
from django.utils import timezone
from typer.testing import CliRunner

from safepractice.api.models import ApiToken, Scope
from safepractice.api.tokens import TokenRefused, create_token
from safepractice.cases.models import Route
from safepractice.cli import _register_command_modules, app
from safepractice.schools.models import Role
from safepractice.schools.services import grant_duty_role
from safepractice.testing.auth import current_code, give_authenticator, make_token
from safepractice.testing.cases import make_case, make_staff_room
from safepractice.testing.factories import make_member

pytestmark = pytest.mark.django_db
CHECK = "/api/v1/check"


def bearer(raw: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def check_status(client, raw: str) -> int:
    return client.post(
        CHECK, json.dumps({"text": "hi"}), content_type="application/json", **bearer(raw)
    ).status_code


def case_path(case) -> str:
    return f"/api/v1/schools/{case.school.slug}/cases/{case.pk}"


def cli(*args: str):
    _register_command_modules()
    return CliRunner().invoke(app, list(args))


def test_a_dsl_token_without_case_access_cannot_read_an_indecent_images_case(client):
    room = make_staff_room()
    case = make_case(room, Route.INDECENT_IMAGES)
    raw = make_token(room.dsl)
    response = client.get(case_path(case), **bearer(raw))
    assert response.status_code == 403
    assert "'cases' scope" in response.json()["detail"]


def test_a_token_with_case_access_reads_the_case(client):
    room = make_staff_room()
    case = make_case(room, Route.INDECENT_IMAGES)
    raw = make_token(room.dsl, cases=True)
    assert client.get(case_path(case), **bearer(raw)).status_code == 200


def test_case_access_is_refused_without_the_current_code():
    member = make_member(roles={Role.DSL})
    give_authenticator(member.user)
    with pytest.raises(TokenRefused, match="current code"):
        create_token(member, "script", scopes={Scope.CHECK, Scope.CASES}, code="000000")


def test_case_access_needs_an_authenticator_app_even_for_a_teacher():
    member = make_member()
    with pytest.raises(TokenRefused, match="set up an authenticator app"):
        create_token(member, "script", scopes={Scope.CHECK, Scope.CASES})


@pytest.mark.parametrize("role", [Role.HEAD_TEACHER, Role.DSL, Role.ICT_COORDINATOR])
def test_no_token_for_a_case_role_before_two_factor_is_set_up(role):
    member = make_member(roles={role})
    with pytest.raises(TokenRefused, match="set it up before"):
        create_token(member, "script")


def test_a_token_stops_working_when_its_owner_gets_a_role_needing_two_factor(client):
    head = make_member(roles={Role.HEAD_TEACHER})
    teacher = make_member(school=head.school)
    raw = make_token(teacher)
    assert check_status(client, raw) == 200
    grant_duty_role(teacher, Role.DSL, by=head.user)
    assert check_status(client, raw) == 401


def test_a_head_with_an_authenticator_app_gets_a_checking_token(client):
    head = make_member(roles={Role.HEAD_TEACHER})
    give_authenticator(head.user)
    raw = create_token(head, "script")[1]
    assert check_status(client, raw) == 200


def test_a_token_expires_after_ninety_days_by_default(client):
    raw = make_token(make_member())
    later = timezone.now() + datetime.timedelta(days=90, minutes=1)
    with time_machine.travel(later, tick=False):
        assert check_status(client, raw) == 401


def test_a_token_may_not_live_longer_than_a_year():
    with pytest.raises(TokenRefused, match="between 1 and 365 days"):
        create_token(make_member(), "script", days=366)


def test_the_api_tells_a_token_its_scopes_expiry_and_last_use(client):
    raw = make_token(make_member(), days=30)
    body = client.get("/api/v1/token", **bearer(raw)).json()
    assert body["scopes"] == ["check"]
    assert body["last_used"] is not None
    expected = timezone.now() + datetime.timedelta(days=30)
    assert abs(datetime.datetime.fromisoformat(body["expires_at"]) - expected).total_seconds() < 60


def test_a_token_revokes_itself_through_the_api(client):
    raw = make_token(make_member())
    assert client.delete("/api/v1/token", **bearer(raw)).status_code == 204
    assert check_status(client, raw) == 401


def test_the_cli_refuses_a_token_for_a_head_before_two_factor_is_set_up():
    head = make_member(roles={Role.HEAD_TEACHER})
    result = cli("token", "create", head.user.email)
    assert result.exit_code == 1
    assert not ApiToken.objects.exists()


def test_the_cli_grants_case_access_only_with_the_current_code(client):
    room = make_staff_room()
    case = make_case(room, Route.PUPIL_EXPOSURE)
    device = give_authenticator(room.ict.user)
    assert cli("token", "create", room.ict.user.email, "--cases").exit_code == 1
    result = cli("token", "create", room.ict.user.email, "--cases", "--code", current_code(device))
    assert result.exit_code == 0, result.output
    assert client.get(case_path(case), **bearer(result.output.strip())).status_code == 200


def test_the_cli_lists_tokens_with_scopes_expiry_and_last_use(client):
    member = make_member()
    raw = make_token(member, name="nightly")
    check_status(client, raw)
    output = cli("token", "list", member.user.email).output
    assert "nightly" in output and "scopes=check" in output and "last-used=never" not in output


def test_the_tokens_page_grants_case_access_with_the_current_code(client):
    from safepractice.testing.auth import sign_in_verified

    member = make_member(roles={Role.DSL})
    sign_in_verified(client, member.user)
    device = give_authenticator(member.user)
    page = f"/s/{member.school.slug}/api-tokens/"
    refused = client.post(page, {"name": "s", "cases": "on", "code": "000000"})
    assert refused.status_code == 400 and not ApiToken.objects.exists()
    client.post(page, {"name": "s", "cases": "on", "code": current_code(device), "days": "30"})
    token = ApiToken.objects.get()
    assert token.scope_set == {Scope.CHECK, Scope.CASES}
    assert (token.expires_at - token.created).days == 30


def test_the_tokens_page_shows_expiry_and_case_access(client):
    member = make_member()
    make_token(member, cases=True)
    client.force_login(member.user)
    page = client.get(f"/s/{member.school.slug}/api-tokens/").content.decode()
    assert "Case access" in page and "Expires" in page


def test_a_trust_administrator_without_an_app_gets_no_token():
    from safepractice.testing.factories import make_trust_admin

    member = make_member()
    admin = make_trust_admin(member.school)
    membership = make_member(school=member.school, user=admin)
    with pytest.raises(TokenRefused):
        create_token(membership, "script")
