"""Retention: review dates per route, the review list, deliberate audited disposal."""

import datetime
import zoneinfo

import pytest
import time_machine
from typer.testing import CliRunner

from safepractice.audit.models import AuditEntry
from safepractice.cases import retention, services, vault
from safepractice.cases.models import Case, CaseEvent, DisposedCase, EvidenceItem, Route
from safepractice.cases.services import Upload
from safepractice.testing.auth import sign_in_verified as sign_in
from safepractice.testing.cases import make_case, make_staff_room, png_bytes

pytestmark = pytest.mark.django_db
LONDON = zoneinfo.ZoneInfo("Europe/London")
RAISED = datetime.datetime(2026, 3, 2, 10, 0, tzinfo=LONDON)


def _closed_cyberbullying(room):
    with time_machine.travel(RAISED, tick=False):
        case = make_case(room, Route.CYBERBULLYING, uploads=[Upload("a.png", png_bytes())])
        for name, data in [("acknowledge", {}), ("agree-action", {"action_agreed": "x"}),
                           ("close", {"outcome_detail": "Resolved"})]:
            case = services.perform(case, name, room.head, data, case.version)
    return case


def test_allegations_about_staff_are_reviewed_ten_years_from_the_allegation():
    room = make_staff_room()
    with time_machine.travel(RAISED, tick=False):
        case = make_case(room, Route.UNSUITABLE_MATERIAL)
    assert case.review_on == datetime.date(2036, 3, 2)


def test_cyberbullying_is_reviewed_six_years_after_it_closes():
    room = make_staff_room()
    case = make_case(room, Route.CYBERBULLYING)
    assert case.review_on is None
    case = _closed_cyberbullying(room)
    assert case.review_on == datetime.date(2032, 3, 2)


def test_a_school_can_override_the_years(settings):
    settings.CASES_RETENTION_YEARS = {"pupil-exposure": 30}
    room = make_staff_room()
    with time_machine.travel(RAISED, tick=False):
        case = make_case(room, Route.PUPIL_EXPOSURE)
    assert case.review_on == datetime.date(2056, 3, 2)


def test_records_due_for_review_are_listed_and_the_head_is_told():
    room = make_staff_room()
    case = _closed_cyberbullying(room)
    assert list(retention.due_for_review(room.school, datetime.date(2032, 3, 1))) == []
    assert list(retention.due_for_review(room.school, datetime.date(2032, 3, 2))) == [case]
    from safepractice.cases.deadlines import retention_reminders

    assert retention_reminders(datetime.date(2032, 3, 2)) == {room.school.slug: 1}
    assert case.alerts.filter(recipient=room.head, message__contains="retention").exists()


def test_disposal_is_refused_before_the_review_date_and_without_confirmation():
    room = make_staff_room()
    case = _closed_cyberbullying(room)
    with pytest.raises(retention.DisposalRefused, match="due for review"):
        retention.dispose(case, room.head, "Retention ended", case.reference)
    with time_machine.travel(datetime.datetime(2032, 3, 3, tzinfo=LONDON)):
        with pytest.raises(retention.DisposalRefused, match="Type the reference"):
            retention.dispose(case, room.head, "Retention ended", "wrong")
        with pytest.raises(retention.DisposalRefused, match="Only the head"):
            retention.dispose(case, room.dsl, "Retention ended", case.reference)


def test_disposal_removes_the_case_and_its_files_and_leaves_an_audited_tombstone(
    client, django_capture_on_commit_callbacks
):
    room = make_staff_room()
    case = _closed_cyberbullying(room)
    reference, path = case.reference, vault.path_for(
        case.school_id, case.evidence.get().stored_name)
    with time_machine.travel(datetime.datetime(2032, 3, 3, 9, 0, tzinfo=LONDON)), \
            django_capture_on_commit_callbacks(execute=True):
        sign_in(client, room.head.user)
        page = client.get(f"/s/{room.school.slug}/cases/retention/").content.decode()
        assert reference in page
        client.post(f"/s/{room.school.slug}/cases/retention/", {
            "case": case.pk, "reason": "Retention period ended", "confirm": reference})
    assert not Case.objects.filter(pk=case.pk).exists()
    assert not EvidenceItem.objects.exists() and not CaseEvent.objects.exists()
    assert not path.exists()
    tombstone = DisposedCase.objects.get()
    assert (tombstone.reference, tombstone.evidence_items) == (reference, 1)
    assert AuditEntry.objects.filter(action="case-disposed").exists()


def test_the_cli_lists_records_due_for_review(monkeypatch):
    from safepractice.cli import _register_command_modules, app

    room = make_staff_room()
    case = _closed_cyberbullying(room)
    monkeypatch.setattr("safepractice.commands.django_setup.setup_django", lambda: None)
    _register_command_modules()
    with time_machine.travel(datetime.datetime(2032, 3, 3, tzinfo=LONDON)):
        result = CliRunner().invoke(app, ["cases", "retention-review", "--no-notify"])
    assert result.exit_code == 0, result.output
    assert case.reference in result.output
    assert "1 record(s) due for review" in result.output
