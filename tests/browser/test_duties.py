"""A new teacher's first duties, an SLT member's acknowledgement, and the head's counts."""

import re

from playwright.sync_api import expect

from safepractice.schools.demo import DEMO_PASSWORD

from .conftest import complete_two_factor_setup, sign_in

DECLARATIONS = "social contact declarations await acknowledgement"
NOT_ACKNOWLEDGED = "staff have not acknowledged the current social media policy"


def senior_page(browser, live_server, local: str):
    page = browser.new_context().new_page()
    sign_in(page, live_server, f"{local}@example-primary.sch.uk", DEMO_PASSWORD)
    complete_two_factor_setup(page)
    expect(page.get_by_role("heading", name=re.compile("^Hello"))).to_be_visible()
    return page


def count_on(page, title: str) -> int:
    card = page.locator("li.card", has_text=title)
    return int(card.locator(".count").inner_text()) if card.count() else 0


def test_new_teacher_duties_and_the_heads_counts(
    browser, page, live_server, signed_in, shots
):
    head = senior_page(browser, live_server, "head")
    expect(head.get_by_text("Social Media Policy: Review overdue by")).to_be_visible()
    declarations_before = count_on(head, DECLARATIONS)
    unacknowledged_before = count_on(head, NOT_ACKNOWLEDGED)
    shots(head, "1-head-home-before")

    teacher = signed_in("teacher")
    teacher.get_by_role("link", name="Read and acknowledge the Social Media Policy").click()
    expect(teacher.get_by_text("WE LIVE OUR LIVES LIKE JESUS")).to_be_visible()
    teacher.get_by_role("button", name="I have read and acknowledge version 1").click()
    expect(teacher.locator("#ack-status")).to_contain_text("You acknowledged version 1")
    shots(teacher, "2-teacher-acknowledged")

    teacher.goto(f"{live_server.url}/s/example-primary/registers/devices/")
    teacher.get_by_label("Make").fill("Apple")
    teacher.get_by_label("Model").fill("iPhone 13")
    teacher.get_by_label("IMEI").fill("49-015420-323751-9")
    teacher.get_by_role("button", name="Record phone").click()
    expect(teacher.get_by_role("alert")).to_contain_text("The check digit does not match")
    shots(teacher, "3-invalid-imei-refused")
    teacher.get_by_label("IMEI").fill("49-015420-323751-8")
    teacher.get_by_role("button", name="Record phone").click()
    expect(teacher.get_by_text("Your phone is recorded.")).to_be_visible()
    expect(teacher.get_by_text("IMEI 490154203237518")).to_be_visible()

    teacher.goto(f"{live_server.url}/s/example-primary/registers/declarations/new/")
    teacher.get_by_label("Kind of contact").select_option("transport-escort")
    teacher.get_by_label("Pupil or family").fill("The Ashworth family (Year 4)")
    teacher.get_by_label("How the contact arises").fill("I share the school run with them.")
    teacher.get_by_role("button", name="Declare").click()
    expect(teacher.get_by_text("awaiting acknowledgement")).to_be_visible()
    shots(teacher, "4-declared")

    head.reload()
    expect(head.locator("li.card", has_text=DECLARATIONS).locator(".count")).to_have_text(
        str(declarations_before + 1))
    expect(head.locator("li.card", has_text=NOT_ACKNOWLEDGED).locator(".count")).to_have_text(
        str(unacknowledged_before - 1))
    shots(head, "5-head-home-after-teacher")

    slt = senior_page(browser, live_server, "slt")
    slt.get_by_role("link", name="To acknowledge").click()
    slt.get_by_role("link", name=re.compile("The Ashworth family")).click()
    slt.get_by_role("button", name="Acknowledge this declaration").click()
    expect(slt.locator(".facts")).to_contain_text("acknowledged")
    expect(slt.get_by_role("heading", name="History")).to_be_visible()
    expect(slt.locator(".history")).to_contain_text("Acknowledged by")
    shots(slt, "6-slt-acknowledged")

    head.reload()
    expect(head.locator("li.card", has_text=DECLARATIONS).locator(".count")).to_have_text(
        str(declarations_before))
    shots(head, "7-head-home-after-slt")
