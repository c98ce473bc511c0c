"""Nothing of school A is reachable by a member of school B, whatever the URL."""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from safepractice.schools.models import Role
from safepractice.testing.auth import sign_in_verified
from safepractice.testing.factories import make_member, make_pupil, make_school, make_user

pytestmark = pytest.mark.django_db

ALL_ROLES = tuple(Role.values)


def _school_routes(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        pattern = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _school_routes(entry, pattern)
        elif isinstance(entry, URLPattern) and "<slug:school_slug>" in pattern:
            yield pattern


def _fill(pattern: str, slug: str) -> str:
    path = pattern.replace("<slug:school_slug>", slug)
    path = re.sub(r"<int:\w+>", "1", path)
    path = re.sub(r"<uuid:\w+>", "00000000-0000-0000-0000-000000000001", path)
    path = re.sub(r"<(?:str|slug):\w+>", "x", path)
    path = re.sub(r"<path:\w+>", "x", path)
    return "/" + path.lstrip("^").rstrip("$")


def test_there_are_school_routes_to_check():
    assert len(list(_school_routes())) >= 2


def test_every_school_route_refuses_a_member_of_another_school(client):
    school_a = make_school()
    outsider = make_member(make_school(), roles=ALL_ROLES)  # every role, but at school B
    sign_in_verified(client, outsider.user)
    for pattern in _school_routes():
        url = _fill(pattern, school_a.slug)
        read = client.get(url)
        assert read.status_code in {403, 404, 405}, pattern  # 405: a POST-only action
        assert school_a.name not in read.content.decode(), pattern
        write = client.post(url, {})
        assert write.status_code in {403, 404}, pattern
        assert school_a.name not in write.content.decode(), pattern


def test_an_unknown_school_is_404(client):
    member = make_member()
    client.force_login(member.user)
    assert client.get("/s/no-such-school/").status_code == 404


def test_a_removed_membership_is_403_in_the_sites_style(client):
    import datetime

    member = make_member(left_on=datetime.date(2020, 1, 1))
    client.force_login(member.user)
    response = client.get(f"/s/{member.school.slug}/")
    assert response.status_code == 403
    assert "You can't open this page" in response.content.decode()


def test_the_roster_of_another_school_is_not_listed(client):
    school_a, school_b = make_school(), make_school()
    make_pupil(school_a, first_name="Zebedee", last_name="Aschool")
    make_member(school_a, user=make_user(full_name="Staffa Aschool"))
    head_b = make_member(school_b, roles=[Role.HEAD_TEACHER])
    sign_in_verified(client, head_b.user)
    page = client.get(f"/s/{school_b.slug}/people/").content.decode()
    assert "Aschool" not in page
