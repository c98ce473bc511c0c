"""Small-number suppression on every page, export and PDF a governor or trust administrator
can reach: a walk from their home page through every link, with every aggregate small."""

import csv
import datetime
import io
import re
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from django.utils import timezone

from safepractice.cases.models import Route
from safepractice.oversight import services
from safepractice.oversight.selectors import AGE_BANDS
from safepractice.oversight.terms import last_ended, report_period
from safepractice.policies.models import PolicyDocument, PolicyVersion
from safepractice.registers.models import Decision
from safepractice.schools.models import Role, StaffCategory
from safepractice.testing.auth import sign_in_verified
from safepractice.testing.factories import make_member, make_school, make_trust_admin, make_user
from safepractice.testing.pdf import pdf_text

from .factories import (
    acknowledge,
    make_case,
    make_contact_exception,
    make_declaration,
    make_phone_exception,
    make_policy,
)

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)
LONG_AGO = datetime.date(2020, 1, 6)
# Links a walk must not follow: signing out ends the walk, the admin is not theirs.
NOT_FOLLOWED = ("/accounts/logout", "/admin/", "/static/", "/api/v1/docs")


def _person(school, name: str, **fields):
    return make_member(school, user=make_user(full_name=name), **fields)


def _school_with_every_aggregate_small(school):
    """Every count a governor could be shown lies between 1 and 4."""
    version = make_policy(
        school, review_on=datetime.date(2018, 9, 10), issued_at=timezone.now() - 400 * DAY
    )
    # Its sixth version: "version 6" is no count, and the walk need not be told so. Adopted
    # long ago, so the termly report (as at its term's end) has it too.
    PolicyVersion.objects.filter(pk=version.pk).update(number=6)
    PolicyDocument.objects.filter(pk=version.document_id).update(adopted_on=LONG_AGO)
    calendar = services.calendar_for(school)
    term = last_ended(calendar, timezone.localdate())
    start, _ = report_period(calendar, term)
    in_term = timezone.make_aware(datetime.datetime.combine(start + 3 * DAY, datetime.time(10)))
    head = _person(school, "Hana Head", roles={Role.HEAD_TEACHER}, started_on=LONG_AGO)
    acknowledge(head, version, at=in_term)
    volunteer = _person(
        school, "Val Volunteer", staff_category=StaffCategory.VOLUNTEER, started_on=LONG_AGO
    )
    acknowledge(volunteer, version, at=in_term)  # "Volunteer 1/1": the one volunteer has
    teachers = [_person(school, name, started_on=LONG_AGO) for name in ("Tess Ash", "Tom Birch")]
    acknowledge(teachers[0], version, at=in_term)
    _person(school, "Sam Starter", staff_category=StaffCategory.SUPPORT)  # unfinished checklist
    for route, how_many in [
        (Route.CYBERBULLYING, 3),
        (Route.CONDUCT, 2),
        (Route.INDECENT_IMAGES, 1),
        (Route.UNSUITABLE_MATERIAL, 1),
        (Route.PUPIL_EXPOSURE, 1),
    ]:
        for _ in range(how_many):
            make_case(school, route, raised_at=in_term, raised_by=teachers[1])
            make_case(
                school,
                route,
                raised_by=teachers[1],
                acknowledgement_due_on=timezone.localdate() - 2 * DAY,
            )
    make_declaration(teachers[0], declared_at=in_term)
    make_declaration(teachers[1], acknowledged_by=head, declared_at=in_term)
    make_contact_exception(volunteer, agreed=False, ends_on=timezone.localdate() + 60 * DAY)
    make_contact_exception(teachers[0], agreed=True, ends_on=timezone.localdate() + 5 * DAY)
    make_phone_exception(teachers[1], decision=Decision.PENDING)
    make_phone_exception(teachers[0])
    services.generate_report(school, term)
    return school


class _Page(HTMLParser):
    """The text of one page a reader can see (SVG labels and tooltips included), and its
    links."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.links: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._hidden += 1
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.links.append(href)

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._hidden:
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden and data.strip():
            self.text.append(" ".join(data.split()))


def _walk(client, start: str, limit: int = 300) -> dict[str, str]:
    """Every page reachable from ``start`` by links (GET only), as its shown text."""
    seen: dict[str, str] = {}
    queue = [start]
    while queue and len(seen) < limit:
        url = queue.pop(0)
        if url in seen:
            continue
        response = client.get(url)
        if response.status_code in (301, 302):
            seen[url] = ""
            queue.append(urljoin(url, response["Location"]))
            continue
        kind = response.get("Content-Type", "")
        if "pdf" in kind:
            seen[url] = pdf_text(response.content)
        elif "csv" in kind:
            rows = csv.reader(io.StringIO(response.content.decode("utf-8-sig")))
            seen[url] = "\n".join(" | ".join(row) for row in rows)
        elif "html" in kind:
            page = _Page()
            page.feed(response.content.decode())
            seen[url] = "\n".join(page.text)
            for href in page.links:
                target = urldefrag(urljoin(url, href))[0]
                parts = urlsplit(target)
                ours = parts.netloc in ("", "testserver") and parts.path.startswith("/")
                if ours and not any(parts.path.startswith(p) for p in NOT_FOLLOWED):
                    queue.append(parts.path + (f"?{parts.query}" if parts.query else ""))
        else:
            seen[url] = ""
    assert not set(queue) - set(seen), f"the walk stopped at {limit} pages"
    return seen


# What may show a 1 to 4 that is not a count of people or records: dates, the page numbers
# of a PDF, the explanation of the rule itself, the age bands' names, the school's
# working-day limit, a token's lifetime, and counts of schools (a school's review date or its
# existence is no person's), and the viewer's own checklist.
NOT_COUNTS = re.compile(
    "|".join(
        [
            r"\b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b",
            r"\bpage \d+ of \d+",
            r"\b1 to 4\b",
            *(re.escape(label) for _, label, *_ in AGE_BANDS),
            r"\bwithin \d+ working days\b",
            r"\b1 year\b",
            r"\b\d+ schools?\b|\b\d+ of \d+ overdue\b",
            r"\b\d+ of \d+ done\b",
        ]
    )
)
SMALL = re.compile(r"(?<![\w.,:/–-])[1-4](?![\w.,:%–])")


def _unsuppressed(pages: dict[str, str]) -> list[str]:
    """Each 1 to 4 shown as it is, with where it is and the words around it."""
    found = []
    for url, text in pages.items():
        text = NOT_COUNTS.sub("·", text)
        found += [
            f"{url}: …{text[max(0, m.start() - 50) : m.end() + 30]}…".replace("\n", " ⏎ ")
            for m in SMALL.finditer(text)
        ]
    return found


@pytest.fixture
def school():
    """A school of a few people, each named without digits so a name is never a count."""
    school = make_school(
        name="Little Oaks Primary", slug="little-oaks", acknowledgement_working_days=7
    )
    return _school_with_every_aggregate_small(school)


@pytest.fixture
def governor(client, school):
    governor = make_member(
        school,
        roles={Role.GOVERNING_BOARD},
        staff_category=StaffCategory.GOVERNOR,
        started_on=LONG_AGO,
        user=make_user(full_name="Gail Governor"),
    )
    sign_in_verified(client, governor.user)
    return governor


@pytest.fixture
def trust_admin(client, school):
    other = make_school(name="Great Elms Primary", slug="great-elms")
    make_case(other, Route.CONDUCT, raised_by=_person(other, "Ed Elm"))
    admin = make_trust_admin(school, other)
    admin.full_name = "Terry Trust"
    admin.save(update_fields=["full_name"])
    sign_in_verified(client, admin)
    return admin


def test_the_walk_reaches_every_governor_page_export_and_pdf(client, governor):
    pages = _walk(client, "/")
    slug = governor.school.slug
    policy = PolicyDocument.objects.get(school=governor.school).pk
    assert {
        f"/s/{slug}/oversight/",
        f"/s/{slug}/oversight/reports/",
        f"/s/{slug}/policies/{policy}/completion/",
        f"/s/{slug}/policies/{policy}/completion/?format=csv",
    } <= set(pages)
    assert any(
        "/oversight/reports/" in url and "Governors' termly report" in text
        for url, text in pages.items()
    ), "the termly report's PDF was not reached"


def test_no_page_export_or_pdf_a_governor_can_reach_shows_a_count_from_1_to_4(client, governor):
    found = _unsuppressed(_walk(client, "/"))
    assert not found, "\n".join(found)


def test_the_walk_reaches_every_trust_page_and_export(client, trust_admin):
    pages = _walk(client, "/")
    trust = trust_admin.trust_roles.get().trust
    assert {f"/trust/{trust.pk}/", f"/trust/{trust.pk}/?format=csv"} <= set(pages)
    assert sum(f"/trust/{trust.pk}/schools/" in url for url in pages) == 2


def test_no_page_or_export_a_trust_administrator_can_reach_shows_a_count_from_1_to_4(
    client, trust_admin
):
    found = _unsuppressed(_walk(client, "/"))
    assert not found, "\n".join(found)
