"""A teacher reports cyberbullying with two screenshots and no police; the head acknowledges."""

import datetime
import re

from playwright.sync_api import expect

from safepractice.testing.cases import png_bytes


def test_teacher_reports_cyberbullying_and_the_head_acknowledges(
    page, live_server, signed_in, shots, tmp_path
):
    from safepractice.cases.models import Case

    first, second = tmp_path / "post-2104.png", tmp_path / "comments-2130.png"
    first.write_bytes(png_bytes("red", (300, 200)))
    second.write_bytes(png_bytes("blue", (300, 200)))
    seen = (datetime.datetime.now() - datetime.timedelta(days=1)).strftime("%Y-%m-%dT21:04")

    signed_in("teacher")
    page.get_by_role("link", name="Report a concern").click()
    page.get_by_role("link", name="Report cyberbullying").click()
    expect(page.get_by_role("heading", name="Cyberbullying of a member of staff")).to_be_visible()
    page.get_by_label("Where it happened (site or app)").fill("Facebook parents' group")
    page.get_by_label("Link to the page or message").fill("https://facebook.com/groups/p/1")
    page.get_by_label("Date and time you saw it").fill(seen)
    page.get_by_label("What happened").fill("Insulting comments under a photo of my classroom.")
    page.get_by_label("No, I do not want the police involved").check()
    page.get_by_label("The head teacher").check()
    page.get_by_label("Evidence files").set_input_files([str(first), str(second)])
    page.get_by_label("What the files show").fill("Facebook group, yesterday 21:04")
    shots(page, "1-teacher-report-form")
    page.get_by_role("button", name="Send the report").click()

    expect(page.get_by_role("heading", name=re.compile(r"^CB-\d{4}-\d{4}"))).to_be_visible()
    expect(page.get_by_role("heading", name="Evidence (2)")).to_be_visible()
    expect(page.locator("#case-state")).to_have_text("Reported")
    shots(page, "2-teacher-sees-their-report")
    case = Case.objects.get(pk=int(re.search(r"/cases/(\d+)/$", page.url).group(1)))
    assert case.evidence.count() == 2

    page.get_by_role("button", name=re.compile("^Sign out")).click()
    signed_in("head")
    page.goto(f"{live_server.url}/s/example-primary/")
    page.get_by_role("link", name=f"{case.reference}: acknowledge a cyberbullying report").click()
    page.locator("summary", has_text="Acknowledge the report").click()
    page.get_by_label("Note (optional)").fill("Met the teacher; support agreed.")
    page.get_by_role("button", name="Acknowledge the report").click()

    expect(page.locator("#case-state")).to_have_text("Acknowledged")
    expect(page.get_by_text("Police referral: not available.")).to_be_visible()
    expect(page.get_by_role("button", name="Record the police referral")).to_have_count(0)
    expect(page.locator("summary", has_text="Record the police referral")).to_have_count(0)
    timeline = page.locator("#timeline")
    expect(timeline).to_contain_text("Cyberbullying of a member of staff raised by")
    expect(timeline).to_contain_text("Evidence added by")
    expect(timeline).to_contain_text("post-2104.png, comments-2130.png")
    expect(timeline).to_contain_text("Acknowledged by")
    expect(timeline).to_contain_text("Met the teacher; support agreed.")
    expect(timeline).to_contain_text("Viewed by")
    shots(page, "3-head-acknowledged-timeline")
    case.refresh_from_db()
    assert case.state == "acknowledged" and case.details.police_wish == "no"


def test_dsl_records_both_notifications_and_the_banner_goes(
    page, live_server, signed_in, shots, csp_violations
):
    from safepractice.cases.models import Case, Route

    case = Case.objects.get(route=Route.INDECENT_IMAGES)  # the demo's, raised 25 minutes ago
    signed_in("dsl")
    page.goto(f"{live_server.url}/s/example-primary/cases/{case.pk}/")
    banner = page.locator("#notification-banner")
    expect(banner).to_contain_text(re.compile(r"Raised 2\d minutes ago"))
    expect(banner).to_contain_text("Safeguarding unit: not yet recorded")
    expect(page.get_by_role("heading", name=re.compile("^Evidence"))).to_have_count(0)
    expect(page.locator("input[type=file]")).to_have_count(0)
    shots(page, "1-banner")
    page.locator("summary", has_text="Record a notification").click()
    page.get_by_label("Whom (name, desk or officer)").fill("Duty social worker")
    page.get_by_label("Their reference").fill("SU-2026-0042")
    page.get_by_role("button", name="Record a notification").click()
    expect(page.locator("#case-state")).to_have_text("Police and safeguarding unit notified")
    expect(page.locator("#notification-banner")).to_have_count(0)
    shots(page, "2-notified")
    assert csp_violations == []  # the banner's clock is a static script the CSP allows
