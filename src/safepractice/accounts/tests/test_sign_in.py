import pytest
from django.test import override_settings

from safepractice.schools.models import Role
from safepractice.testing.auth import sign_in_verified
from safepractice.testing.factories import PASSWORD, make_member

pytestmark = pytest.mark.django_db


def _post_login(client, email, password):
    return client.post("/accounts/login/", {"username": email, "password": password})


def test_a_teacher_signs_in_with_a_password_alone(client):
    teacher = make_member()
    response = _post_login(client, teacher.user.email, PASSWORD)
    assert response.status_code == 302
    home = client.get(f"/s/{teacher.school.slug}/")
    assert home.status_code == 200


@pytest.mark.parametrize("role", [Role.HEAD_TEACHER, Role.DSL, Role.SLT, Role.ICT_COORDINATOR])
def test_senior_roles_are_sent_to_set_up_two_factor(client, role):
    member = make_member(roles=[role])
    _post_login(client, member.user.email, PASSWORD)
    response = client.get(f"/s/{member.school.slug}/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/two-factor/setup/")


def test_the_schools_named_ict_coordinator_needs_two_factor():
    from safepractice.accounts.twofactor import requires_two_factor

    member = make_member()
    member.school.ict_coordinator = member
    member.school.save(update_fields=["ict_coordinator"])
    assert requires_two_factor(member.user)


def test_a_system_administrator_needs_two_factor_for_the_admin(client):
    from safepractice.testing.factories import make_user

    admin = make_user(is_staff=True, is_superuser=True)
    _post_login(client, admin.email, PASSWORD)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/accounts/two-factor/" in response["Location"]


def test_a_wrong_code_is_refused_with_a_message(client):
    from safepractice.testing.auth import grant_enrolment

    member = make_member(roles=[Role.HEAD_TEACHER])
    _post_login(client, member.user.email, PASSWORD)
    grant_enrolment(client, member.user)
    client.get("/accounts/two-factor/setup/")
    response = client.post("/accounts/two-factor/setup/", {"token": "000000"})
    assert "That code is not right" in response.content.decode()


@override_settings(AXES_FAILURE_LIMIT=3)
def test_repeated_wrong_passwords_lock_the_account_with_a_message(client):
    member = make_member()
    for _ in range(3):
        _post_login(client, member.user.email, "wrong password")
    response = _post_login(client, member.user.email, PASSWORD)
    assert response.status_code == 429
    assert "Too many failed sign-in attempts" in response.content.decode()


def test_a_teacher_cannot_open_the_django_admin(client):
    teacher = make_member()
    sign_in_verified(client, teacher.user)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_the_login_page_labels_its_fields(client):
    page = client.get("/accounts/login/").content.decode()
    assert '<label for="id_username">Email address</label>' in page
    assert '<label for="id_password">Password</label>' in page
