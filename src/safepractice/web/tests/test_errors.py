"""The web's one handler of ``ApplicationError`` (web/errors.py), through the whole stack."""

import pytest
from django.contrib.messages import get_messages
from django.test import Client

pytestmark = [pytest.mark.django_db, pytest.mark.urls("safepractice.web.tests.raising_urls")]


def test_a_refused_get_is_a_page_with_the_message_and_the_status(client: Client) -> None:
    response = client.get("/refuses/")
    assert response.status_code == 409
    assert "This changed since you opened it." in response.content.decode()


def test_a_refused_post_is_the_message_on_the_page_it_came_from(client: Client) -> None:
    response = client.post("/refuses/", HTTP_REFERER="http://testserver/the-form/")
    assert response.status_code == 302 and response.url == "http://testserver/the-form/"
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "This changed since you opened it."
    ]


def test_a_refused_post_from_another_site_is_a_page_not_a_redirect_there(client: Client) -> None:
    response = client.post("/refuses/", HTTP_REFERER="https://elsewhere.example/")
    assert response.status_code == 409
    assert "This changed since you opened it." in response.content.decode()


def test_a_bugs_value_error_is_a_500_without_its_message() -> None:
    response = Client(raise_request_exception=False).get("/has-a-bug/")
    assert response.status_code == 500
    assert "secret-internal-detail" not in response.content.decode()
