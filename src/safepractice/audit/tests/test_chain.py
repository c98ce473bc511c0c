import pytest
from django.db import connection
from typer.testing import CliRunner

from safepractice.audit.models import AuditEntry
from safepractice.audit.services import record, verify_chain
from safepractice.testing.factories import make_member

pytestmark = pytest.mark.django_db


def _three_entries():
    member = make_member()
    for action in ("create", "view", "change"):
        record(action, actor=member.user, school=member.school, target=member)
    return member


def test_a_fresh_chain_verifies():
    _three_entries()
    report = verify_chain()
    assert report.intact
    assert report.entries == 3


def test_an_entry_altered_in_the_database_is_found_with_its_position():
    _three_entries()
    second = AuditEntry.objects.get(sequence=2)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {AuditEntry._meta.db_table} SET action = %s WHERE id = %s",
            ["deleted-nothing", second.pk],
        )
    report = verify_chain()
    assert not report.intact
    assert report.broken_at == 2
    assert "altered" in report.reason


def test_an_entry_removed_from_the_middle_is_found():
    _three_entries()
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {AuditEntry._meta.db_table} WHERE sequence = 2")
    report = verify_chain()
    assert not report.intact
    assert report.broken_at == 2


def test_entries_cannot_be_changed_or_deleted_through_the_orm():
    _three_entries()
    entry = AuditEntry.objects.first()
    entry.action = "tampered"
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()
    with pytest.raises(PermissionError):
        AuditEntry.objects.all().delete()
    with pytest.raises(PermissionError):
        AuditEntry.objects.update(action="x")


def test_the_cli_reports_the_broken_entry():
    from safepractice.cli import _register_command_modules, app

    _three_entries()
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {AuditEntry._meta.db_table} SET object_id = %s WHERE sequence = 3", ["999"]
        )
    _register_command_modules()
    result = CliRunner().invoke(app, ["audit", "verify"])
    assert result.exit_code == 1
    assert "#3" in result.output
