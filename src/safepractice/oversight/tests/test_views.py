import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from safepractice.audit.models import AuditEntry
from safepractice.cases.models import Route
from safepractice.schools.models import Role, StaffCategory
from safepractice.testing.auth import sign_in_verified
from safepractice.testing.factories import make_member, make_school

from .factories import acknowledge, make_case, make_policy

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


@pytest.fixture
def school():
    return make_school()


def _signed_in(client, school, *roles):
    member = make_member(school, roles=set(roles))
    sign_in_verified(client, member.user)
    return member


def _overdue_case(school):
    return make_case(school, Route.CYBERBULLYING, "reported", timezone.now() - 10 * DAY,
                     acknowledgement_due_on=timezone.localdate() - 3 * DAY)


def test_the_head_sees_the_dashboard_with_numbers_linking_to_their_lists(client, school):
    _signed_in(client, school, Role.HEAD_TEACHER)
    case = _overdue_case(school)
    page = client.get(reverse("oversight:dashboard", args=[school.slug]))
    assert page.status_code == 200
    list_url = reverse("oversight:list", args=[school.slug, "overdue-acknowledgements"])
    assert list_url in page.content.decode()
    listing = client.get(list_url)
    assert case.reference in listing.content.decode()


def test_the_dashboard_draws_its_charts_inline(client, school):
    _signed_in(client, school, Role.HEAD_TEACHER)
    make_case(school)
    html = client.get(reverse("oversight:dashboard", args=[school.slug])).content.decode()
    assert html.count("<svg") == 4
    assert "Cases raised per month, by route" in html and "<details>" in html


def test_a_governor_sees_suppressed_counts_and_no_links_to_lists(client, school):
    _signed_in(client, school, Role.GOVERNING_BOARD)
    _overdue_case(school)
    html = client.get(reverse("oversight:dashboard", args=[school.slug])).content.decode()
    assert "&lt;5" in html
    assert "/oversight/lists/" not in html
    assert "Cases raised per month" not in html


def _row(html: str, label: str) -> list[str]:
    row = html[html.index(f'<th scope="row">{label}</th>'):]
    return re.findall(r"<td>(.*?)</td>", row[:row.index("</tr>")])


def test_a_governor_sees_an_open_cases_total_rounded_when_a_cell_is_suppressed(client, school):
    _signed_in(client, school, Role.GOVERNING_BOARD)
    raiser = make_member(school)
    for _ in range(3):
        make_case(school, Route.CONDUCT, raised_by=raiser)
    for _ in range(6):
        make_case(school, Route.CONDUCT, raised_at=timezone.now() - 200 * DAY, raised_by=raiser)
    html = client.get(reverse("oversight:dashboard", args=[school.slug])).content.decode()
    # 9 shown exactly beside the 6 would give the suppressed 3 away.
    assert _row(html, "Conduct") == ["&lt;5", "0", "0", "6", "≈10"]


def test_a_governor_sees_the_completion_total_rounded_when_a_row_is_suppressed(client, school):
    governor = _signed_in(client, school, Role.GOVERNING_BOARD)
    version = make_policy(school)
    volunteer = make_member(school, staff_category=StaffCategory.VOLUNTEER)
    for member in [governor, volunteer, *(make_member(school) for _ in range(6))]:
        acknowledge(member, version)
    html = client.get(reverse("oversight:dashboard", args=[school.slug])).content.decode()
    everyone = html[html.index('<th scope="row">Everyone</th>'):]
    assert re.findall(r"<td>(.*?)</td>", everyone[:everyone.index("</tr>")])[:2] == [
        "≈10", "≈10"]


def test_a_governor_sees_no_completion_chart_over_fewer_than_five_staff(client, school):
    governor = _signed_in(client, school, Role.GOVERNING_BOARD)
    acknowledge(governor, make_policy(school))
    html = client.get(reverse("oversight:dashboard", args=[school.slug])).content.decode()
    assert "Not shown: fewer than five staff are in scope." in html


def test_a_governor_cannot_open_a_list(client, school):
    _signed_in(client, school, Role.GOVERNING_BOARD)
    url = reverse("oversight:list", args=[school.slug, "open-cases"])
    assert client.get(url).status_code == 403


def test_a_teacher_cannot_open_the_dashboard(client, school):
    _signed_in(client, school)
    assert client.get(reverse("oversight:dashboard", args=[school.slug])).status_code == 403


def test_a_date_range_ending_before_it_starts_is_explained(client, school):
    _signed_in(client, school, Role.HEAD_TEACHER)
    page = client.get(reverse("oversight:dashboard", args=[school.slug]),
                      {"from": "2026-05-01", "to": "2026-04-01"})
    assert page.status_code == 400
    assert "is before the start date" in page.content.decode()


def test_an_unknown_filter_on_a_list_is_explained(client, school):
    _signed_in(client, school, Role.HEAD_TEACHER)
    page = client.get(reverse("oversight:list", args=[school.slug, "open-cases"]),
                      {"route": "gossip"})
    assert page.status_code == 400
    assert "no route called" in page.content.decode()


def test_the_open_cases_list_matches_its_count_and_exports_csv_with_an_audit_entry(
        client, school):
    head = _signed_in(client, school, Role.HEAD_TEACHER)
    for _ in range(3):
        make_case(school, Route.CONDUCT, "raised")
    make_case(school, Route.CONDUCT, "closed")
    url = reverse("oversight:list", args=[school.slug, "open-cases"])
    response = client.get(url, {"route": Route.CONDUCT, "format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    lines = response.content.decode("utf-8-sig").strip().splitlines()
    assert lines[0].startswith("Reference,Route,State") and len(lines) == 4
    entry = AuditEntry.objects.get(action="list-exported")
    assert (entry.actor_id, entry.school_id, entry.object_id) == (
        head.user_id, school.id, "oversight-open-cases")
    assert entry.detail["rows"] == 3 and entry.detail["filters"] == {"route": Route.CONDUCT}


def test_the_list_is_paginated_in_a_fixed_number_of_queries(
        client, school, django_assert_max_num_queries):
    _signed_in(client, school, Role.HEAD_TEACHER)
    raiser = make_member(school)
    for _ in range(60):
        make_case(school, raised_by=raiser)
    url = reverse("oversight:list", args=[school.slug, "open-cases"])
    client.get(url)  # warm the session
    with django_assert_max_num_queries(14):
        page = client.get(url)
    assert "Page 1 of 2" in page.content.decode()


def test_the_dashboard_takes_a_fixed_number_of_queries_as_data_grows(
        client, school, django_assert_num_queries):
    _signed_in(client, school, Role.HEAD_TEACHER)
    make_policy(school)
    url = reverse("oversight:dashboard", args=[school.slug])

    def queries_for_page() -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    before = queries_for_page()
    raiser = make_member(school)
    for route in Route:
        for _ in range(5):
            make_case(school, route, "raised", raised_by=raiser)
    assert queries_for_page() == before
    with django_assert_num_queries(19):  # the case charts kept from the request before
        client.get(url)


def test_a_term_calendar_with_overlapping_terms_is_refused_and_nothing_saved(client, school):
    _signed_in(client, school, Role.HEAD_TEACHER)
    page = client.post(reverse("oversight:terms", args=[school.slug]), {
        "calendar": "Autumn, 2025-09-01, 2025-12-20\nSpring, 2025-12-01, 2026-03-31",
    })
    assert page.status_code == 400
    assert "overlaps" in page.content.decode()
    assert not school.terms.exists()


def test_the_head_sets_term_dates(client, school):
    _signed_in(client, school, Role.HEAD_TEACHER)
    response = client.post(reverse("oversight:terms", args=[school.slug]), {
        "calendar": "Autumn, 2025-09-03, 2025-12-19\nSpring, 2026-01-06, 2026-03-27",
    })
    assert response.status_code == 302
    assert list(school.terms.values_list("name", flat=True)) == ["Autumn", "Spring"]
