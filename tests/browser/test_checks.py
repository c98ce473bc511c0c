"""A teacher checks a post and a photo in Chromium, end to end."""

import io
import re

from PIL import ExifTags, Image
from playwright.sync_api import expect

from safepractice.testing.photos import photo_with_metadata

POST = (
    "What a brilliant sports day at Example Primary School! "
    "Text me on 07700 900123 if you'd like the photos."
)

FIRST_CHECK_MS = 20_000


def test_teacher_checks_a_post_and_copies_the_safer_version(
    signed_in, live_server, shots, csp_violations
):
    page = signed_in("teacher")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"],
                                   origin=live_server.url)
    page.get_by_role("link", name="Check a post").first.click()
    expect(page.get_by_role("heading", name="Check before you post")).to_be_visible()
    page.get_by_label("Your text").fill(POST)  # findings come as you type: no button pressed

    phone = page.locator("mark.finding", has_text="07700 900123")
    school = page.locator("mark.finding", has_text="Example Primary School")
    # The first check in a fresh server process builds the school's Checker and loads the
    # language model (about a second, several on a busy CI machine).
    expect(phone).to_be_visible(timeout=FIRST_CHECK_MS)
    expect(school).to_be_visible()
    for topic in ("personal-information", "identifies-school"):
        finding = page.locator(f'li.finding-item[data-topic="{topic}"]').first
        expect(finding).to_be_visible()
        expect(finding.locator(".finding-section")).to_have_text(re.compile(r"\w+"))
    shots(page, "1-findings")

    page.get_by_role("button", name="Copy safer version").click()
    expect(page.get_by_role("status").filter(has_text="Copied")).to_be_visible()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert "07700" not in copied and "900123" not in copied
    assert "sports day" in copied
    assert csp_violations == []  # htmx and check.js run under the CSP


def test_teacher_checks_a_photo_and_downloads_a_clean_copy(signed_in, live_server, shots):
    page = signed_in("teacher")
    page.get_by_role("link", name="Check a photo").first.click()
    page.get_by_label(re.compile("^Photos")).set_input_files(files=[{
        "name": "beach.jpg", "mimeType": "image/jpeg",
        "buffer": photo_with_metadata(50.7989, -1.0912),
    }])
    page.get_by_role("button", name="Check photos").click()
    location = page.locator('li.finding-item[data-topic="photo-location"]')
    expect(location).to_be_visible()
    expect(location).to_contain_text("50.7989")
    shots(page, "2-photo-report")

    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile("Download cleaned copy")).click()
    download = download_info.value
    assert download.suggested_filename == "beach-cleaned.jpg"
    with open(download.path(), "rb") as handle:
        cleaned = Image.open(io.BytesIO(handle.read()))
    exif = cleaned.getexif()
    assert ExifTags.IFD.GPSInfo not in exif
    assert not exif.get_ifd(ExifTags.IFD.GPSInfo)


def test_teacher_saves_a_check_and_finds_it_in_their_checks(signed_in, live_server):
    page = signed_in("teacher")
    page.goto(f"{live_server.url}/s/example-primary/check/")
    page.get_by_label("Your text").fill(POST)
    expect(page.locator("mark.finding").first).to_be_visible(timeout=FIRST_CHECK_MS)
    page.get_by_role("button", name="Save to my checks").click()
    expect(page.get_by_role("heading", name="Saved check")).to_be_visible()
    page.get_by_role("link", name="My checks").first.click()
    expect(page.get_by_role("cell", name=re.compile("brilliant sports day"))).to_be_visible()
