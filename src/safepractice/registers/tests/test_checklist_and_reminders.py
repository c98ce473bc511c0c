import datetime

import pytest
import time_machine
from django.core import mail
from django.urls import reverse

from safepractice.policies.services import acknowledge
from safepractice.policies.tasks import send_policy_reminders
from safepractice.policies.tests.helpers import make_policy, signed_in
from safepractice.registers.rules import GUIDED_REVIEW_STEPS
from safepractice.registers.selectors import starter_progress, unfinished_starters
from safepractice.registers.services import (
    confirm_nothing_to_declare,
    declare_social_contact,
    record_device,
    tick_guided_review,
)
from safepractice.registers.tasks import send_register_reminders
from safepractice.schools.models import Role, StaffCategory
from safepractice.testing.factories import make_member, make_school

pytestmark = pytest.mark.django_db


def test_a_new_starter_with_nothing_done_has_four_steps_to_do():
    school = make_school()
    make_policy(school)
    assert starter_progress(make_member(school)).done_count == 0


def test_a_new_starter_who_does_every_step_is_complete():
    school = make_school()
    _, version = make_policy(school)
    member = make_member(school)
    acknowledge(member, version)
    tick_guided_review(member, [key for key, _ in GUIDED_REVIEW_STEPS])
    record_device(member, make="Acme", model="One", imei="490154203237518")
    confirm_nothing_to_declare(member)
    assert starter_progress(member).complete


def test_the_guided_review_counts_only_when_every_item_is_ticked():
    school = make_school()
    member = make_member(school)
    tick_guided_review(member, ["privacy", "photos"])
    review = next(s for s in starter_progress(member).steps if s.key == "review")
    assert not review.done


def test_a_declaration_completes_the_declarations_step():
    school = make_school()
    member = make_member(school)
    declare_social_contact(member, kind="family", contact_with="My nephew", details="Family.")
    step = next(s for s in starter_progress(member).steps if s.key == "declarations")
    assert step.done


def test_the_checklist_page_offers_the_guided_social_media_review(client):
    school = make_school()
    response = signed_in(client, make_member(school)).get(
        reverse("registers:checklist", args=[school.slug]))
    assert "privacy settings are set so pupils" in response.text


def test_the_head_sees_a_new_starter_who_has_not_finished():
    school = make_school()
    starter = make_member(school, started_on=datetime.date.today())
    make_member(school, started_on=datetime.date(2015, 1, 1))
    assert [p.membership for p in unfinished_starters(school)] == [starter]


def test_the_overdue_review_email_goes_to_the_head_and_governors_once_a_week():
    school = make_school()
    make_policy(school, review_on=datetime.date(2018, 9, 1))
    head = make_member(school, roles={Role.HEAD_TEACHER})
    governor = make_member(school, roles={Role.GOVERNING_BOARD},
                           staff_category=StaffCategory.GOVERNOR)
    acknowledge(head, head.school.policies.get().versions.get())
    acknowledge(governor, governor.school.policies.get().versions.get())
    send_policy_reminders.enqueue(school.pk)
    send_policy_reminders.enqueue(school.pk)
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [head.user.email, governor.user.email])


def test_an_unacknowledged_policy_is_emailed_again_the_next_week():
    school = make_school()
    make_policy(school)
    make_member(school)
    with time_machine.travel(datetime.date(2026, 11, 2), tick=False):
        send_policy_reminders.enqueue(school.pk)
    with time_machine.travel(datetime.date(2026, 11, 9), tick=False):
        send_policy_reminders.enqueue(school.pk)
    assert len(mail.outbox) == 2


def test_slt_are_emailed_about_a_declaration_awaiting_acknowledgement():
    school = make_school()
    slt = make_member(school, roles={Role.SLT}, started_on=datetime.date(2015, 1, 1))
    declare_social_contact(make_member(school, started_on=datetime.date(2015, 1, 1)),
                           kind="other", contact_with="A family", details="Neighbours.")
    send_register_reminders.enqueue(school.pk)
    assert [m.to[0] for m in mail.outbox] == [slt.user.email]
    assert "1 social contact declarations to acknowledge" in mail.outbox[0].body
