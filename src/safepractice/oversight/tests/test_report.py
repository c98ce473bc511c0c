import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from safepractice.cases.models import Route
from safepractice.oversight import services
from safepractice.oversight.models import TermlyReport
from safepractice.oversight.tasks import generate_due_termly_reports
from safepractice.oversight.terms import Term
from safepractice.schools.models import Role
from safepractice.testing.auth import sign_in_verified
from safepractice.testing.factories import make_member, make_school, make_user
from safepractice.testing.pdf import pdf_text

from .factories import acknowledge, make_case, make_declaration, make_policy

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


def _this_term() -> Term:
    today = timezone.localdate()
    return Term(today - 60 * DAY, today, "Test term")


def test_an_empty_school_gets_a_report_that_says_there_is_no_data():
    school = make_school(name="Quiet Lane Primary")
    saved = services.generate_report(school, _this_term())
    text = pdf_text(bytes(saved.pdf))
    assert "Quiet Lane Primary" in text
    assert "No data for this term" in text


def test_the_report_holds_counts_and_no_names_emails_or_case_text():
    school = make_school(name="Hillside Primary")
    bully_target = make_member(school, user=make_user(full_name="Zebedee Quartermaine",
                                                      email="zebedee@hillside.example"))
    version = make_policy(school, review_on=datetime.date(2018, 9, 1))
    acknowledge(bully_target, version)
    raised = timezone.now() - 10 * DAY
    for _ in range(6):
        make_case(school, Route.CYBERBULLYING, "closed", raised, raised_by=bully_target,
                  concerns=bully_target, closed_at=raised + 4 * DAY,
                  outcome_detail="Zebedee's secret outcome text")
    make_case(school, Route.CONDUCT, "raised", raised, raised_by=bully_target)
    make_declaration(bully_target, contact_with="The Smithereen family")
    text = pdf_text(bytes(services.generate_report(school, _this_term()).pdf))
    assert "Hillside Primary" in text
    assert "Review overdue" in text
    assert "Cyberbullying" in text and " 6 " in text  # six raised, shown
    assert "4.0 days" in text  # median time to close
    assert "<5" in text  # one conduct case, suppressed
    for personal in ("Zebedee", "Quartermaine", "zebedee@", "secret outcome", "Smithereen"):
        assert personal not in text


def test_a_governor_generates_and_downloads_the_report_and_the_download_is_audited(client):
    school = make_school()
    governor = make_member(school, roles={Role.GOVERNING_BOARD})
    sign_in_verified(client, governor.user)
    last_term = Term(timezone.localdate() - 90 * DAY, timezone.localdate() - DAY, "Last term")
    services.set_terms(school, [last_term])
    response = client.post(reverse("oversight:reports", args=[school.slug]),
                           {"term": last_term.ends_on.isoformat()})
    assert response.status_code == 302
    saved = TermlyReport.objects.get(school=school)
    download = client.get(reverse("oversight:report", args=[school.slug, saved.pk]))
    assert download["Content-Type"] == "application/pdf"
    assert bytes(download.content).startswith(b"%PDF")
    from safepractice.audit.models import AuditEntry
    assert AuditEntry.objects.filter(action="oversight-report-downloaded",
                                     actor=governor.user).exists()


def test_another_schools_report_is_not_found(client):
    school, other = make_school(), make_school()
    sign_in_verified(client, make_member(school, roles={Role.HEAD_TEACHER}).user)
    theirs = services.generate_report(other, _this_term())
    response = client.get(reverse("oversight:report", args=[school.slug, theirs.pk]))
    assert response.status_code == 404


def test_the_end_of_term_task_makes_each_report_once():
    school = make_school()
    term = Term(datetime.date(2026, 1, 5), datetime.date(2026, 3, 27), "Spring 2026")
    services.set_terms(school, [term])
    assert generate_due_termly_reports.call("2026-03-26") == []  # term not over yet
    made = generate_due_termly_reports.call("2026-03-27")
    assert len(made) == 1
    assert TermlyReport.objects.get(pk=made[0]).scheduled
    assert generate_due_termly_reports.call("2026-03-28") == []  # not again


def test_the_task_runs_through_the_configured_queue():
    school = make_school()
    services.set_terms(school, [Term(datetime.date(2026, 1, 5), datetime.date(2026, 3, 27),
                                     "Spring 2026")])
    result = generate_due_termly_reports.enqueue("2026-04-01")
    assert result.return_value == [TermlyReport.objects.get(school=school).pk]


def test_the_command_makes_the_reports_due():
    from typer.testing import CliRunner

    from safepractice.cli import _register_command_modules, app

    school = make_school()
    services.set_terms(school, [Term(datetime.date(2026, 1, 5), datetime.date(2026, 3, 27),
                                     "Spring 2026")])
    _register_command_modules()
    result = CliRunner().invoke(app, ["oversight-reports", "--now", "--today", "2026-03-30"])
    assert result.exit_code == 0, result.output
    assert "1 termly reports made" in result.output
    assert TermlyReport.objects.filter(school=school, scheduled=True).count() == 1
