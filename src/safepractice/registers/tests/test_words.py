"""A register record's history says what happened in words, not the stored action key."""

import pytest
from django.urls import reverse

from safepractice.policies.tests.helpers import signed_in
from safepractice.registers.services import give_judgement_notice
from safepractice.testing.factories import make_member, make_school

pytestmark = pytest.mark.django_db


def test_a_notices_history_says_it_was_sent_to_the_head_not_notified_head(client):
    author = make_member(make_school())
    notice = give_judgement_notice(author, action="Answered a parent on Facebook",
                                   already_taken=True, justification="No other route.")
    html = signed_in(client, author).get(
        reverse("registers:notice", args=[author.school.slug, notice.pk])).content.decode()
    assert "Sent to the head teacher" in html
    assert "notified-head" not in html
