"""The governors' report: one term, chosen from the school's list, every figure as at its end."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from safepractice.cases.models import Route
from safepractice.oversight import report, services
from safepractice.oversight.models import TermlyReport
from safepractice.oversight.terms import Term
from safepractice.policies.models import PolicyDocument
from safepractice.policies.services import set_review_date
from safepractice.schools.models import Role, StaffCategory
from safepractice.testing.auth import sign_in_verified
from safepractice.testing.factories import make_member, make_school
from safepractice.testing.pdf import pdf_text

from .factories import acknowledge, make_case, make_declaration, make_policy

pytestmark = pytest.mark.django_db
SPRING = Term(datetime.date(2026, 1, 5), datetime.date(2026, 3, 27), "Spring 2026")
SUMMER = Term(datetime.date(2026, 4, 20), datetime.date(2026, 7, 22), "Summer 2026")
NEXT = Term(datetime.date(2027, 1, 4), datetime.date(2027, 3, 26), "Spring 2027")
LONG_AGO = datetime.date(2020, 1, 6)


def _at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


IN_SUMMER = _at(datetime.date(2026, 5, 11))
AFTER_SUMMER = _at(datetime.date(2026, 8, 10))


@pytest.fixture
def school():
    school = make_school(name="Brook Street Primary")
    services.set_terms(school, [SPRING, SUMMER, NEXT])
    return school


@pytest.fixture
def governor(client, school):
    governor = make_member(
        school,
        roles={Role.GOVERNING_BOARD},
        staff_category=StaffCategory.GOVERNOR,
        started_on=LONG_AGO,
    )
    sign_in_verified(client, governor.user)
    return governor


def _summer_report(school) -> report.GovernorsReport:
    calendar = services.calendar_for(school)
    return report.build(
        school,
        SUMMER,
        (datetime.date(2026, 3, 28), SUMMER.ends_on),
        services._previous(calendar, SUMMER),
    )


def _policy(school, review_on: datetime.date):
    version = make_policy(school, review_on=review_on, issued_at=_at(LONG_AGO))
    PolicyDocument.objects.filter(pk=version.document_id).update(adopted_on=LONG_AGO)
    return version


# Choosing the term ---------------------------------------------------------------------------


def test_the_reports_page_offers_each_ended_term_of_the_schools_list(client, school, governor):
    html = client.get(reverse("oversight:reports", args=[school.slug])).content.decode()
    options = re.findall(r'<option value="([\d-]+)"[^>]*>([^<]+)</option>', html)
    assert options == [("2026-07-22", SUMMER.label), ("2026-03-27", SPRING.label)]


def test_a_governor_makes_the_report_for_the_term_they_choose(client, school, governor):
    client.post(reverse("oversight:reports", args=[school.slug]), {"term": "2026-03-27"})
    assert TermlyReport.objects.get(school=school).term_name == "Spring 2026"


def test_a_term_that_has_not_ended_is_refused_and_no_report_made(client, school, governor):
    response = client.post(
        reverse("oversight:reports", args=[school.slug]), {"term": NEXT.ends_on.isoformat()}
    )
    assert response.status_code == 400
    assert not TermlyReport.objects.exists()


# Its dates -----------------------------------------------------------------------------------


def test_the_reports_list_names_the_term_with_its_dates_from_the_term_list(
    client, school, governor
):
    client.post(reverse("oversight:reports", args=[school.slug]), {"term": "2026-07-22"})
    html = client.get(reverse("oversight:reports", args=[school.slug])).content.decode()
    assert f"{SUMMER.label}, PDF" in html


def test_the_pdf_gives_the_terms_own_dates_and_says_it_is_as_at_the_end(school):
    text = " ".join(pdf_text(bytes(services.generate_report(school, SUMMER).pdf)).split())
    assert "Summer 2026 · 20 April 2026 to 22 July 2026" in text
    assert "Every figure is as it stood at the end of 22 July 2026" in text
    assert "from 28 March 2026, are counted with it" in text


# Every figure as at the end of the term --------------------------------------------------


def test_a_review_date_moved_after_the_term_is_reported_as_it_was_at_its_end(school):
    version = _policy(school, review_on=datetime.date(2026, 6, 1))
    set_review_date(version.document, datetime.date(2027, 9, 1))  # today, after the term
    (line,) = _summer_report(school).policies
    assert (line.review, line.status) == (
        "1 June 2026",
        "Review overdue by 51 days (was due 1 June 2026)",
    )


def test_a_policy_adopted_after_the_term_is_not_in_its_report(school):
    version = _policy(school, review_on=datetime.date(2029, 9, 1))
    PolicyDocument.objects.filter(pk=version.document_id).update(
        adopted_on=datetime.date(2026, 9, 1)
    )
    assert _summer_report(school).policies == []


def test_an_acknowledgement_made_after_the_term_is_not_counted(school):
    version = _policy(school, review_on=datetime.date(2029, 9, 1))
    staff = [make_member(school, started_on=LONG_AGO) for _ in range(6)]
    for member in staff[:5]:
        acknowledge(member, version, at=IN_SUMMER)
    acknowledge(staff[5], version, at=AFTER_SUMMER)
    teachers = _summer_report(school).completion[0]
    assert teachers == ("Teacher", "6", "5", "83%")


def test_someone_who_started_after_the_term_is_not_in_scope_at_its_end(school):
    version = _policy(school, review_on=datetime.date(2029, 9, 1))
    for _ in range(5):
        acknowledge(make_member(school, started_on=LONG_AGO), version, at=IN_SUMMER)
    make_member(school, started_on=datetime.date(2026, 9, 1))
    assert _summer_report(school).completion[0][1] == "5"


def test_a_case_closed_after_the_term_was_open_at_its_end_and_not_closed(school):
    for _ in range(5):
        make_case(school, Route.CONDUCT, "closed", IN_SUMMER, closed_at=AFTER_SUMMER)
    built = _summer_report(school)
    assert ("Conduct", "5") in built.open_at_end
    assert next(line for line in built.routes if line.label == "Conduct").closed == "0"


def test_a_declaration_acknowledged_after_the_term_was_awaiting_slt_at_its_end(school):
    slt = make_member(school, roles={Role.SLT})
    for _ in range(5):
        make_declaration(make_member(school), acknowledged_by=slt, declared_at=IN_SUMMER)
    assert dict(_summer_report(school).in_force) == {
        "Social contact declarations (acknowledged)": "0",
        "Contact-detail exceptions in force": "0",
        "Phone-on-duty exceptions in force": "0",
        "Declarations and exceptions awaiting SLT": "5",
    }


# Its charts --------------------------------------------------------------------------------


def test_the_report_carries_its_charts_as_svg(school):
    assert [chart.title for chart in _summer_report(school).charts] == [
        "Cases raised by route",
        "Staff who have acknowledged the current social media policy",
    ]
    assert all(chart.svg.startswith("<svg") for chart in _summer_report(school).charts)


def test_the_pdf_draws_the_charts(school):
    for _ in range(6):
        make_case(school, Route.CYBERBULLYING, "raised", IN_SUMMER)
    text = pdf_text(bytes(services.generate_report(school, SUMMER).pdf))
    # The chart's own labels, drawn from its SVG: the legend and the bar's value.
    assert "This term" in text and "The term before" in text
    assert re.search(r"^6$", text, re.MULTILINE)


def test_a_suppressed_count_gets_no_bar_in_the_chart(school):
    make_case(school, Route.CONDUCT, "raised", IN_SUMMER)
    cases = _summer_report(school).charts[0]
    assert "&lt;5" in cases.svg
    assert "Conduct, This term" not in cases.svg  # the tooltip of a drawn bar
