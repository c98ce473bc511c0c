"""The main pages, as each demo role sees them, show people words: no "None", no "---------"
empty choice, no raw choice value ("notified-head") and no Python repr.

The pages are those the role's navigation links to and the pages those link to within the
school (case pages, records, registers, lists), read from the demo school.
"""

import html
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.apps import apps

from safepractice.schools.demo import DEMO_SLUG, NAMED_ACCOUNTS, load_demo
from safepractice.schools.models import Membership
from safepractice.testing.auth import sign_in_verified
from safepractice.web.navigation import nav_items

pytestmark = pytest.mark.django_db

DEMO_LOGINS = [(role, local) for role, local, *_ in NAMED_ACCOUNTS]
MOST_PAGES_PER_ROLE = 80
# Links that change something or download a file rather than show a page.
NOT_PAGES = re.compile(r"format=csv|/download|/pdf|/report/\d+|sign-out|logout|\.(pdf|csv|zip)$")
PYTHON_REPRS = re.compile(r"<[A-Z]\w+: |<QuerySet|object at 0x[0-9a-f]+|\{'[a-z_]+': ")


class _VisibleText(HTMLParser):
    """The words a person can see or hear: text outside scripts and styles, option labels,
    and the alt, title and aria-label attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"script", "style", "template"}:
            self._hidden += 1
        for name, value in attrs:
            if name in {"alt", "title", "aria-label", "placeholder"} and value:
                self.parts.append(value)

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style", "template"} and self._hidden:
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def visible_text(page: str) -> str:
    parser = _VisibleText()
    parser.feed(page)
    return " ".join(" ".join(parser.parts).split())


def raw_choice_values() -> set[str]:
    """Every stored choice value that is written differently from its label and looks like a
    slug ("notified-head", "phone_on_duty"): shown on a page, it is an internal label."""
    values = set()
    for model in apps.get_models():
        for field in model._meta.get_fields():
            for value, label in getattr(field, "flatchoices", None) or []:
                if (isinstance(value, str) and value != str(label)
                        and re.fullmatch(r"[a-z0-9]+(?:[-_][a-z0-9]+)+", value)):
                    values.add(value)
    return values


def school_links(page: str) -> list[str]:
    links = []
    for href in re.findall(r'href="([^"#]+)"', page):
        path = urlsplit(html.unescape(href))
        if path.netloc or not path.path.startswith(f"/s/{DEMO_SLUG}/"):
            continue
        url = path.path + (f"?{path.query}" if path.query else "")
        if not NOT_PAGES.search(url):
            links.append(url)
    return links


def pages_for(client, membership: Membership) -> dict[str, str]:
    """The role's pages: its navigation, then one step further, as {url: html}."""
    start = ["/", *(item.url for item in nav_items(membership))]
    seen: dict[str, str] = {}
    queue = list(dict.fromkeys(start))
    depth = {url: 0 for url in queue}
    while queue and len(seen) < MOST_PAGES_PER_ROLE:
        url = queue.pop(0)
        if url in seen:
            continue
        response = client.get(url)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        seen[url] = response.content.decode()
        if depth[url] < 2:
            for link in school_links(seen[url]):
                if link not in depth:
                    depth[link] = depth[url] + 1
                    queue.append(link)
    return seen


def problems_in(page: str, slugs: set[str]) -> list[str]:
    text = visible_text(page)
    found = [word for word in ("None", "---------") if re.search(rf"(?<!\w){word}(?!\w)", text)]
    found += sorted(value for value in slugs if re.search(rf"(?<![\w-]){value}(?![\w-])", text))
    found += PYTHON_REPRS.findall(text)
    return found


@pytest.fixture(scope="module")
def demo_pages(django_db_setup, django_db_blocker):
    """Every demo role's pages, read once for the module (the demo takes a while to load)."""
    from django.test import Client

    with django_db_blocker.unblock():
        from django.db import transaction

        with transaction.atomic():
            load_demo()
            by_role = {}
            for role, local in DEMO_LOGINS:
                membership = Membership.objects.select_related("user").get(
                    school__slug=DEMO_SLUG, user__email__startswith=f"{local}@")
                client = Client()
                sign_in_verified(client, membership.user)
                by_role[role] = pages_for(client, membership)
            transaction.set_rollback(True)
    return by_role


@pytest.mark.parametrize("role", [role for role, _ in DEMO_LOGINS])
def test_the_demo_roles_pages_show_no_internal_labels(demo_pages, role):
    slugs = raw_choice_values()
    pages = demo_pages[role]
    assert len(pages) > 3, f"{role} reached only {sorted(pages)}"
    problems = {url: found for url, page in pages.items() if (found := problems_in(page, slugs))}
    assert problems == {}
