"""Signed checkpoints outside the database: what the chain alone cannot show."""

import json

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.db import connection
from typer.testing import CliRunner

from safepractice.audit import checkpoints
from safepractice.audit.models import AuditChainHead, AuditEntry
from safepractice.audit.services import (
    _entry_mac,
    audit_keys,
    record,
    verify_chain,
    write_checkpoint,
)
from safepractice.audit.tasks import write_audit_checkpoint

pytestmark = pytest.mark.django_db


def _entries(count: int) -> None:
    for n in range(1, count + 1):
        record("view", object_type="test", object_id=n)


def _lines(settings) -> list[dict]:
    return [json.loads(line) for line in settings.AUDIT_CHECKPOINT_FILE.read_text().splitlines()]


def _set_head(sequence: int, mac: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {AuditChainHead._meta.db_table} SET last_sequence = %s, last_hash = %s",
            [sequence, mac],
        )


def test_a_checkpoint_holds_the_last_entry_its_mac_and_the_time_signed(settings):
    _entries(3)
    written = write_checkpoint().checkpoint
    (line,) = _lines(settings)
    assert (line["sequence"], line["mac"]) == (3, AuditEntry.objects.get(sequence=3).entry_hash)
    assert line["at"] == written.at
    assert checkpoints.read_all() == [checkpoints.Checkpoint(3, line["mac"], line["at"], 1)]


def test_the_checkpoint_file_is_readable_by_its_owner_only(settings):
    _entries(1)
    write_checkpoint()
    assert settings.AUDIT_CHECKPOINT_FILE.stat().st_mode & 0o077 == 0


def test_a_broken_log_is_not_sealed(settings):
    _entries(2)
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {AuditEntry._meta.db_table} SET action = 'x' WHERE sequence = 2")
    result = write_checkpoint()
    assert result.checkpoint is None
    assert not settings.AUDIT_CHECKPOINT_FILE.exists()


def test_no_line_is_added_when_no_entry_was_written_since_the_last_checkpoint(settings):
    _entries(2)
    write_checkpoint()
    assert write_checkpoint().already_sealed
    assert len(_lines(settings)) == 1


def test_a_log_rewritten_by_someone_holding_the_audit_key_differs_from_its_checkpoint():
    _entries(3)
    write_checkpoint()
    key = audit_keys()[0]
    previous = AuditEntry.objects.get(sequence=1).entry_hash
    with connection.cursor() as cursor:
        for entry in AuditEntry.objects.filter(sequence__gte=2).order_by("sequence"):
            entry.action = "nothing-to-see"
            forged = _entry_mac(previous, entry, key)
            cursor.execute(
                f"UPDATE {AuditEntry._meta.db_table} SET action = %s, previous_hash = %s, "
                "entry_hash = %s WHERE id = %s",
                [entry.action, previous, forged, entry.pk],
            )
            previous = forged
    _set_head(3, previous)
    report = verify_chain()
    assert not report.intact
    assert report.broken_at == 3
    assert "signed checkpoint" in report.reason and "rewritten" in report.reason


def test_a_removed_tail_is_named_by_the_checkpoint_the_log_falls_short_of():
    _entries(3)
    write_checkpoint()
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {AuditEntry._meta.db_table} WHERE sequence = 3")
    _set_head(2, AuditEntry.objects.get(sequence=2).entry_hash)
    report = verify_chain()
    assert not report.intact
    assert report.broken_at == 3
    assert "entry #3 is missing" in report.reason and "signed checkpoint" in report.reason


def test_an_altered_checkpoint_line_is_reported(settings):
    _entries(2)
    write_checkpoint()
    (line,) = _lines(settings)
    line["sequence"] = 1
    settings.AUDIT_CHECKPOINT_FILE.write_text(json.dumps(line) + "\n")
    report = verify_chain()
    assert not report.intact
    assert "line 1 does not match its signature" in report.reason


def test_a_checkpoint_signed_by_another_key_is_reported(settings, monkeypatch):
    _entries(1)
    monkeypatch.setenv(
        "SAFEPRACTICE_AUDIT_CHECKPOINT_KEY", Ed25519PrivateKey.generate().private_bytes_raw().hex()
    )
    write_checkpoint()
    monkeypatch.delenv("SAFEPRACTICE_AUDIT_CHECKPOINT_KEY")
    report = verify_chain()
    assert not report.intact
    assert "signed by a key this installation does not hold" in report.reason


def test_the_periodic_task_seals_the_log(settings):
    _entries(2)
    result = write_audit_checkpoint.enqueue()
    assert result.return_value == {"intact": True, "entries": 2, "written": True, "sequence": 2}
    assert [line["sequence"] for line in _lines(settings)] == [2]


def _cli(*args: str):
    from safepractice.cli import _register_command_modules, app

    _register_command_modules()
    return CliRunner().invoke(app, list(args))


def test_the_cli_checkpoint_command_seals_the_log_and_says_where(settings):
    _entries(2)
    result = _cli("audit", "checkpoint")
    assert result.exit_code == 0, result.output
    assert f"entry #2 sealed in {settings.AUDIT_CHECKPOINT_FILE}" in result.output
    assert [line["sequence"] for line in _lines(settings)] == [2]


def test_the_cli_verify_names_the_entries_a_truncated_log_has_lost():
    _entries(3)
    write_checkpoint()
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {AuditEntry._meta.db_table} WHERE sequence >= 2")
    _set_head(1, AuditEntry.objects.get(sequence=1).entry_hash)
    result = _cli("audit", "verify")
    assert result.exit_code == 1
    assert "entries #2 to #3 are missing" in result.output
