import pytest
from django.urls import reverse

from safepractice.cases.models import Route
from safepractice.cases.views import CASES_PER_PAGE
from safepractice.testing.auth import sign_in_verified
from safepractice.testing.cases import make_case, make_staff_room

pytestmark = pytest.mark.django_db


def test_the_case_list_pages_newest_first(client):
    room = make_staff_room()
    cases = [make_case(room, Route.PUPIL_EXPOSURE) for _ in range(CASES_PER_PAGE + 2)]
    sign_in_verified(client, room.head.user)
    url = reverse("cases:list", args=[room.school.slug])
    first = client.get(url).content.decode()
    assert cases[-1].reference in first and cases[0].reference not in first
    assert "Older</a>" in first
    second = client.get(url, {"page": 2}).content.decode()
    assert cases[0].reference in second and "Older</a>" not in second
    assert client.get(url, {"page": "x"}).status_code == 200



def _queries_for_list(client, room) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = reverse("cases:list", args=[room.school.slug])
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_case_list_takes_the_same_queries_for_a_full_page_as_for_one_case(client):
    room = make_staff_room()
    sign_in_verified(client, room.colleague.user)

    def raise_both() -> None:
        # One they help with (listed in full) and one they reported (listed in summary).
        make_case(room, Route.CYBERBULLYING, raised_by=room.colleague, concerns=room.teacher)
        make_case(room, Route.CONDUCT)

    raise_both()
    client.get(reverse("cases:list", args=[room.school.slug]))  # the session's first writes
    one = _queries_for_list(client, room)
    for _ in range(CASES_PER_PAGE):
        raise_both()
    assert _queries_for_list(client, room) == one


def test_the_case_list_downloads_as_csv_with_what_the_page_shows_and_is_audited(client):
    from safepractice.audit.models import AuditEntry

    room = make_staff_room()
    visible = make_case(room, Route.PUPIL_EXPOSURE)
    sign_in_verified(client, room.ict.user)  # sees pupil-exposure cases, not conduct ones
    hidden = make_case(room, Route.CONDUCT)
    response = client.get(reverse("cases:list", args=[room.school.slug]), {"format": "csv"})
    text = response.content.decode("utf-8-sig")
    assert text.splitlines()[0] == "Reference,Route,State,Raised,Acknowledgement due"
    assert visible.reference in text and hidden.reference not in text
    entry = AuditEntry.objects.get(action="list-exported")
    assert (entry.actor_id, entry.object_id, entry.detail["rows"]) == (
        room.ict.user_id, "cases", 1)
