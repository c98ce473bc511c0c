import re

import pytest
from django.urls import reverse

from safepractice.audit.models import AuditEntry
from safepractice.cases.models import Route
from safepractice.testing.auth import sign_in_verified
from safepractice.testing.factories import make_member, make_school, make_trust_admin, make_user

from .factories import make_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def trust_of_two(client):
    north, south = make_school(name="North Primary"), make_school(name="South Primary")
    admin = make_trust_admin(north, south)
    sign_in_verified(client, admin)
    return north.trust, north, south


def test_the_trust_sees_schools_side_by_side_with_small_counts_suppressed(client, trust_of_two):
    trust, north, south = trust_of_two
    named = make_member(north, user=make_user(full_name="Ophelia Nettlebed",
                                              email="ophelia@north.example"))
    for _ in range(2):
        make_case(north, Route.CONDUCT, "raised", raised_by=named, concerns=named,
                  outcome_detail="Ophelia's private matter")
    for _ in range(7):
        make_case(south, Route.CONDUCT, "raised")
    html = client.get(reverse("oversight:trust", args=[trust.pk])).content.decode()
    assert "North Primary" in html and "South Primary" in html
    row = html[html.index("Open cases: Conduct"):]
    row = row[:row.index("</tr>")]
    assert "<td>&lt;5</td>" in row and "<td>7</td>" in row
    assert "≈10" in row  # 2 + 7 would give the 2 away
    for personal in ("Ophelia", "Nettlebed", "ophelia@", "private matter"):
        assert personal not in html


def test_a_schools_open_cases_across_routes_are_a_total_of_the_rows_above(client, trust_of_two):
    trust, north, _ = trust_of_two
    for route, how_many in [(Route.CONDUCT, 2), (Route.CYBERBULLYING, 6)]:
        for _ in range(how_many):
            make_case(north, route, "raised")
    html = client.get(reverse("oversight:trust", args=[trust.pk])).content.decode()
    row = html[html.index("Open cases: all routes"):]
    # 8 shown exactly beside the 6 would give the suppressed 2 away.
    assert re.findall(r"<td>(.*?)</td>", row[:row.index("</tr>")])[0] == "≈10"


def _queries_for_trust_page(client, school_count: int) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    schools = [make_school() for _ in range(school_count)]
    admin = make_trust_admin(*schools)
    sign_in_verified(client, admin)
    for school in schools:
        make_case(school)
        make_member(school)
    url = reverse("oversight:trust", args=[schools[0].trust_id])
    client.get(url)  # the audit chain's first entry costs extra queries once
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_trust_view_costs_the_same_queries_for_twenty_schools_as_for_one(client):
    one = _queries_for_trust_page(client, 1)
    assert _queries_for_trust_page(client, 20) == one
    assert one <= 20


def test_an_unknown_school_id_in_a_trust_url_is_a_clear_404(client, trust_of_two):
    trust, *_ = trust_of_two
    response = client.get(reverse("oversight:trust_school", args=[trust.pk, 999999]))
    assert response.status_code == 404
    assert "no school with id 999999" in response.content.decode()


def test_a_school_of_another_trust_is_not_reachable_through_this_one(client, trust_of_two):
    trust, *_ = trust_of_two
    elsewhere = make_school()
    make_trust_admin(elsewhere)
    response = client.get(reverse("oversight:trust_school", args=[trust.pk, elsewhere.pk]))
    assert response.status_code == 404


def test_an_unknown_trust_is_a_clear_404(client, trust_of_two):
    response = client.get(reverse("oversight:trust", args=[424242]))
    assert response.status_code == 404
    assert "no trust with id 424242" in response.content.decode()


def test_someone_who_does_not_administer_the_trust_is_refused(client, trust_of_two):
    trust, north, _ = trust_of_two
    sign_in_verified(client, make_member(north, roles={"head"}).user)
    assert client.get(reverse("oversight:trust", args=[trust.pk])).status_code == 403


def test_the_trust_table_exports_as_csv_and_the_export_is_audited(client, trust_of_two):
    trust, *_ = trust_of_two
    response = client.get(reverse("oversight:trust", args=[trust.pk]), {"format": "csv"})
    header = response.content.decode("utf-8-sig").splitlines()[0]
    assert header == "Measure,North Primary,South Primary,All schools"
    assert AuditEntry.objects.filter(action="list-exported",
                                      object_id=f"trust-{trust.pk}-overview").exists()
