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
