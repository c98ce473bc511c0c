import re

from playwright.sync_api import expect

from .conftest import complete_two_factor_setup, open_emailed_setup_link, sign_in


def test_head_signs_in_with_two_factor_and_sees_their_home(page, live_server, demo_school, shots):
    sign_in(page, live_server, "head@example-primary.sch.uk", "practise-safely-2026")
    # The password alone sets up nothing: the set-up link goes to the head's inbox.
    expect(page.get_by_role("heading", name="Check your email")).to_be_visible()
    open_emailed_setup_link(page)
    expect(page.get_by_role("heading", name="Set up two-factor sign-in")).to_be_visible()
    shots(page, "1-two-factor-setup")
    complete_two_factor_setup(page)
    expect(page).to_have_url(re.compile(r"/s/example-primary/$"))
    expect(page.get_by_role("heading", name=re.compile("^Hello"))).to_be_visible()
    expect(page.get_by_text("Head teacher", exact=False).first).to_be_visible()
    shots(page, "2-head-home")


def test_teacher_cannot_reach_the_heads_pages(page, live_server, demo_school, shots):
    sign_in(page, live_server, "teacher@example-primary.sch.uk", "practise-safely-2026")
    expect(page.get_by_role("heading", name=re.compile("^Hello"))).to_be_visible()
    response = page.goto(f"{live_server.url}/s/example-primary/people/")
    assert response.status == 403
    expect(page.get_by_role("heading", name="You can't open this page")).to_be_visible()
    shots(page, "teacher-refused")
