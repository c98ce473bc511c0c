"""Oversight in a real browser: the head's dashboard and its charts, an overdue count followed
to its list, and a governor downloading the termly report (its text read back from the PDF)."""

import datetime
import re
from pathlib import Path

from django.utils import timezone
from playwright.sync_api import expect

from safepractice.testing.factories import make_member, make_user
from safepractice.testing.pdf import pdf_text


def test_head_sees_charts_and_follows_an_overdue_count_to_its_list(signed_in, demo_school,
                                                                  live_server, shots):
    from safepractice.cases.models import Route
    from safepractice.oversight.tests.factories import make_case

    overdue = make_case(demo_school, Route.CYBERBULLYING, "reported",
                        timezone.now() - datetime.timedelta(days=12),
                        acknowledgement_due_on=timezone.localdate() - datetime.timedelta(days=5))
    page = signed_in("head")
    page.goto(f"{live_server.url}/s/{demo_school.slug}/oversight/")
    expect(page.get_by_role("heading", name="Oversight", exact=True)).to_be_visible()
    charts = page.locator("svg.chart")
    expect(charts).to_have_count(4)
    expect(page.get_by_role("img", name="Cases raised per month, by route")).to_be_visible()
    shots(page, "1-head-dashboard")

    card = page.get_by_role("link", name=re.compile("Cyberbullying reports not acknowledged"))
    count = int(card.locator(".count").inner_text())
    assert count >= 1
    card.click()
    expect(page.get_by_role("heading", name="Cyberbullying reports not acknowledged in time")
           ).to_be_visible()
    expect(page.get_by_text(f"{count} in all")).to_be_visible()
    expect(page.get_by_role("rowheader", name=overdue.reference)).to_be_visible()
    shots(page, "2-overdue-list")


def test_governor_downloads_the_termly_report_with_figures_and_no_names(
        signed_in, demo_school, live_server, shots):
    from safepractice.cases.models import Route
    from safepractice.oversight.services import calendar_for
    from safepractice.oversight.terms import last_ended, report_period
    from safepractice.oversight.tests.factories import make_case

    calendar = calendar_for(demo_school)
    term = last_ended(calendar, timezone.localdate())
    start, _ = report_period(calendar, term)
    bullied = make_member(demo_school, user=make_user(full_name="Philippa Gravesend-Oakley"))
    raised = timezone.make_aware(datetime.datetime.combine(start, datetime.time(10)))
    for day in range(6):
        make_case(demo_school, Route.CYBERBULLYING, "closed",
                  raised + datetime.timedelta(days=day), raised_by=bullied, concerns=bullied,
                  closed_at=raised + datetime.timedelta(days=day + 3))

    page = signed_in("governor")
    page.goto(f"{live_server.url}/s/{demo_school.slug}/oversight/reports/")
    # The term is chosen from the school's list; the latest ended one comes first.
    expect(page.get_by_label("Term")).to_have_value(term.ends_on.isoformat())
    page.get_by_role("button", name="Make the report").click()
    expect(page.get_by_text(f"The report for the {term.name} is ready.")).to_be_visible()
    shots(page, "1-reports")
    with page.expect_download() as download:
        page.get_by_role("link", name=f"{term.name} (").click()
    text = pdf_text(Path(download.value.path()))

    assert demo_school.name in text
    assert term.name in text
    cyberbullying = next(line for line in text.splitlines() if line.strip().startswith(
        "Cyberbullying"))
    assert re.search(r"Cyberbullying\s+6\s", cyberbullying)  # six raised this term
    assert "3.0 days" in cyberbullying  # median time to close
    assert "Review overdue" in text  # the seed policy's 2018 review date
    for name in ("Philippa", "Gravesend-Oakley", demo_school.memberships.first().user.full_name):
        assert name not in text
