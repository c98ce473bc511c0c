import hashlib
import json

import pytest
from django.db import connection
from typer.testing import CliRunner

from safepractice.audit.models import AuditChainHead, AuditEntry
from safepractice.audit.services import GENESIS_HASH, record, verify_chain
from safepractice.testing.factories import make_member, make_school

pytestmark = pytest.mark.django_db


def _three_entries():
    member = make_member()
    for action in ("create", "view", "change"):
        record(action, actor=member.user, school=member.school, target=member)
    return member


def _public_hash(previous_hash: str, entry: AuditEntry) -> str:
    # The unkeyed SHA-256 of versions before keying: published, so anyone can compute it.
    fields = {
        "sequence": entry.sequence,
        "at": entry.at.isoformat(),
        "actor": entry.actor_ref,
        "actor_label": entry.actor_label,
        "school": entry.school_ref,
        "action": entry.action,
        "object_type": entry.object_type,
        "object_id": entry.object_id,
        "detail": entry.detail,
    }
    canonical = json.dumps(fields, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(f"{previous_hash}\n{canonical}".encode()).hexdigest()


def _edit_and_rehash_from(sequence: int, **changes: str) -> None:
    """What someone who can write to the database but lacks the key can do: change an entry,
    recompute it and every later one with the public algorithm, and move the chain head."""
    table = AuditEntry._meta.db_table
    with connection.cursor() as cursor:
        for column, value in changes.items():
            cursor.execute(
                f"UPDATE {table} SET {column} = %s WHERE sequence = %s", [value, sequence]
            )
        before = AuditEntry.objects.filter(sequence=sequence - 1).first()
        previous = before.entry_hash if before else GENESIS_HASH
        for entry in AuditEntry.objects.filter(sequence__gte=sequence).order_by("sequence"):
            forged = _public_hash(previous, entry)
            cursor.execute(
                f"UPDATE {table} SET algorithm = 'sha256', key_id = '', previous_hash = %s, "
                "entry_hash = %s WHERE id = %s",
                [previous, forged, entry.pk],
            )
            previous = forged
        cursor.execute(f"UPDATE {AuditChainHead._meta.db_table} SET last_hash = %s", [previous])


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


def test_an_entry_edited_and_rehashed_with_the_public_algorithm_is_found():
    _three_entries()
    _edit_and_rehash_from(2, action="deleted-nothing")
    report = verify_chain()
    assert not report.intact
    assert report.broken_at == 2
    assert "rewritten" in report.reason


def test_a_whole_log_rewritten_with_the_public_algorithm_is_found():
    _three_entries()
    _edit_and_rehash_from(1, action="deleted-nothing")
    report = verify_chain()
    assert not report.intact
    assert report.broken_at == 1
    assert "rewritten" in report.reason


def test_entries_keyed_with_a_key_no_longer_held_do_not_verify(monkeypatch):
    _three_entries()
    monkeypatch.setenv("SAFEPRACTICE_AUDIT_KEY", "a-different-key")
    report = verify_chain()
    assert not report.intact
    assert report.broken_at == 1
    assert "does not hold" in report.reason


def test_entries_keyed_before_a_key_rotation_verify_with_the_old_key_kept_second(monkeypatch):
    monkeypatch.setenv("SAFEPRACTICE_AUDIT_KEY", "old-key")
    _three_entries()
    monkeypatch.setenv("SAFEPRACTICE_AUDIT_KEY", "new-key,old-key")
    record("after-rotation", object_type="test", object_id=4)
    assert verify_chain().intact


def test_deleting_a_user_does_not_break_the_chain_of_what_they_did():
    member = _three_entries()
    user_id, email = member.user.pk, member.user.email
    member.user.delete()
    assert verify_chain().intact
    entry = AuditEntry.objects.get(sequence=1)
    assert (entry.actor_id, entry.actor_ref, entry.actor_label) == (None, user_id, email)


def test_deleting_a_school_does_not_break_the_chain_of_what_happened_there():
    school = make_school()
    record("view", school=school, object_type="test", object_id=1)
    school.delete()
    assert verify_chain().intact


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
