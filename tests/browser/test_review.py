"""A teacher reviews their X archive: progress bar, report with three findings, PDF; the head
teacher cannot open it."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import complete_two_factor_setup, sign_in


@pytest.fixture
def oakfield(transactional_db, settings, tmp_path):
    # Tasks wait in the queue, as with a real worker, so the progress bar is seen.
    from safepractice import queues
    from safepractice.schools.models import Role
    from safepractice.testing.factories import make_member, make_pupil, make_school, make_user

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend",
                                  "QUEUES": [*queues.NAMES]}}
    settings.REVIEW_UPLOAD_DIR = tmp_path / "uploads"
    school = make_school(name="Oakfield Primary School", aliases=["Oakfield Primary"])
    make_pupil(school, first_name="Ellie", last_name="Hartwell")
    teacher = make_member(school, user=make_user(email="alex@oakfield.sch.uk",
                                                 full_name="Alex Teacher"))
    head = make_member(school, roles={Role.HEAD_TEACHER, Role.SLT},
                       user=make_user(email="head@oakfield.sch.uk", full_name="Hana Head"))
    return school, teacher, head


def test_teacher_reviews_an_x_archive_and_the_head_cannot_open_it(
        page, browser, live_server, oakfield, tmp_path, settings, shots):
    from safepractice.exports.tests.archives import zip_fixture
    from safepractice.reviews.models import Review
    from safepractice.reviews.reading import run_review
    from safepractice.testing.factories import PASSWORD

    school, teacher, head = oakfield
    archive = zip_fixture("x_2022", tmp_path, zip_name="twitter-2022-11-20-1a2b3c.zip")

    sign_in(page, live_server, teacher.user.email, PASSWORD)
    page.get_by_role("link", name="Review my social media").first.click()
    page.get_by_label("Your downloaded archives").set_input_files(str(archive))
    page.get_by_role("button", name="Upload and review").click()

    expect(page.locator("#review-progress-bar")).to_be_visible()
    expect(page.get_by_text("Waiting to start")).to_be_visible()
    shots(page, "1-progress")
    review = Review.objects.get(owner=teacher.user)
    run_review(review.pk)  # what the task worker does
    # The page polls with htmx and turns into the report once the review is done.
    expect(page.get_by_role("heading", name="X (Twitter)")).to_be_visible(timeout=15_000)
    assert list(settings.REVIEW_UPLOAD_DIR.iterdir()) == []  # the upload is gone

    findings = page.locator("li.finding")
    expect(findings.filter(has=page.locator("mark", has_text="Ellie Hartwell"))).to_have_count(1)
    expect(findings.filter(has=page.locator("mark", has_text="07700 900123"))).to_have_count(1)
    school_marks = findings.filter(has=page.locator("mark", has_text="Oakfield Primary"))
    expect(school_marks.first).to_be_visible()
    expect(page.get_by_text("Remove this follower (or unfollow them) on X.")).to_be_visible()
    shots(page, "2-report")

    with page.expect_download() as download:
        page.get_by_role("link", name="Download the report (PDF)").click()
    pdf = download.value
    assert pdf.suggested_filename.endswith(".pdf")
    with open(pdf.path(), "rb") as handle:
        assert handle.read(4) == b"%PDF"

    report_url = page.url
    head_context = browser.new_context()
    head_page = head_context.new_page()
    sign_in(head_page, live_server, head.user.email, PASSWORD)
    complete_two_factor_setup(head_page)
    expect(head_page).to_have_url(re.compile(rf"/s/{school.slug}/$"))
    response = head_page.goto(report_url)
    assert response.status == 404
    assert head_page.goto(report_url.rstrip("/") + "/report.pdf").status == 404
    shots(head_page, "3-head-refused")
    head_context.close()
