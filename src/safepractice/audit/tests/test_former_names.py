"""Entries written under an action's former name are found under its current one."""

import pytest

from safepractice.audit.actions import CASE_VIEWED, LIST_EXPORTED, case_step_done
from safepractice.audit.selectors import current_name, entries_with_action
from safepractice.audit.services import record, verify_chain
from safepractice.testing.auth import sign_in_verified
from safepractice.testing.factories import make_member, make_user

pytestmark = pytest.mark.django_db


def test_an_entry_written_under_a_former_name_is_found_under_the_current_one():
    member = make_member()
    old = record("case-view", actor=member.user, school=member.school, target=member)
    new = record(CASE_VIEWED, actor=member.user, school=member.school, target=member)
    assert set(entries_with_action(CASE_VIEWED)) == {old, new}


def test_a_case_step_written_in_the_imperative_is_found_under_its_past_participle():
    member = make_member()
    old = record("case-close", actor=member.user, school=member.school, target=member)
    assert list(entries_with_action(case_step_done("close"))) == [old]


def test_looking_up_one_action_finds_no_other():
    member = make_member()
    record("export.csv", actor=member.user, school=member.school, target=member)
    assert not entries_with_action(CASE_VIEWED).exists()


def test_a_former_name_reads_as_the_current_one():
    assert current_name("oversight.list_viewed") == "oversight-list-viewed"


def test_entries_under_former_names_still_verify():
    # Nothing is rewritten to rename an action: the chain over old and new names is intact.
    member = make_member()
    record("review.viewed", actor=member.user, school=member.school, target=member)
    record(LIST_EXPORTED, actor=member.user, school=member.school, target=member)
    assert verify_chain().intact


def test_the_admin_filter_by_current_name_shows_entries_written_under_the_former(client):
    member = make_member()
    record("export.csv", actor=member.user, school=member.school, object_type="list",
           object_id="written-before-the-rename")
    sign_in_verified(client, make_user(is_staff=True, is_superuser=True))
    page = client.get("/admin/audit/auditentry/", {"action": LIST_EXPORTED})
    assert "written-before-the-rename" in page.content.decode()
