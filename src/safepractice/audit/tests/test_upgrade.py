"""A log written before entries were keyed still verifies after the upgrade's migrations."""

import hashlib
import json
from collections.abc import Iterator

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from safepractice.audit import checkpoints
from safepractice.audit.models import AuditEntry
from safepractice.audit.services import GENESIS_HASH, record, verify_chain
from safepractice.testing.factories import make_member

BEFORE_KEYING = [("audit", "0001_initial")]


def _migrate(targets: list[tuple[str, str]]) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return MigrationExecutor(connection)


def _sha256(previous_hash: str, fields: dict) -> str:
    canonical = json.dumps(fields, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(f"{previous_hash}\n{canonical}".encode()).hexdigest()


def _old_hash(previous_hash: str, entry: AuditEntry) -> str:
    """The public, unkeyed form over an entry's snapshot: what anyone can recompute."""
    return _sha256(
        previous_hash,
        {
            "sequence": entry.sequence,
            "at": entry.at.isoformat(),
            "actor": entry.actor_ref,
            "actor_label": entry.actor_label,
            "school": entry.school_ref,
            "action": entry.action,
            "object_type": entry.object_type,
            "object_id": entry.object_id,
            "detail": entry.detail,
        },
    )


def _write_as_before_keying(old_apps, actor, count: int) -> None:
    """Append entries exactly as record() did before keying: SHA-256 over the actor's id."""
    entry_model = old_apps.get_model("audit", "AuditEntry")
    head_model = old_apps.get_model("audit", "AuditChainHead")
    previous = GENESIS_HASH
    for sequence in range(1, count + 1):
        fields = {
            "sequence": sequence,
            "at": timezone.now().isoformat(),
            "actor": actor.pk,
            "actor_label": actor.email,
            "school": None,
            "action": "view",
            "object_type": "test",
            "object_id": str(sequence),
            "detail": {"n": sequence},
        }
        digest = _sha256(previous, fields)
        entry_model.objects.create(
            sequence=sequence,
            at=fields["at"],
            actor_id=actor.pk,
            actor_label=actor.email,
            action="view",
            object_type="test",
            object_id=str(sequence),
            detail={"n": sequence},
            previous_hash=previous,
            entry_hash=digest,
        )
        previous = digest
    head_model.objects.create(pk=1, last_sequence=count, last_hash=previous)


@pytest.fixture
def upgraded_log() -> Iterator:
    """Two entries written before keying, by a user who still exists, then the migrations."""
    member = make_member()
    executor = _migrate(BEFORE_KEYING)
    try:
        old_apps = executor.loader.project_state(BEFORE_KEYING).apps
        _write_as_before_keying(old_apps, member.user, 2)
    finally:
        _migrate(executor.loader.graph.leaf_nodes())
    yield member


@pytest.mark.django_db(transaction=True)
def test_entries_written_before_keying_verify_with_keyed_entries_after_them(upgraded_log):
    record("view", object_type="test", object_id=3)
    report = verify_chain()
    assert report.intact, report
    assert report.entries == 3
    assert list(AuditEntry.objects.values_list("algorithm", flat=True)) == [
        "sha256",
        "sha256",
        "hmac-sha256",
    ]


@pytest.mark.django_db(transaction=True)
def test_a_user_deleted_after_the_upgrade_leaves_their_older_entries_verifying(upgraded_log):
    upgraded_log.user.delete()
    assert verify_chain().intact


@pytest.mark.django_db(transaction=True)
def test_the_upgrade_seals_the_entries_written_before_keying_in_a_signed_checkpoint(
    upgraded_log,
):
    (sealed,) = checkpoints.read_all()
    assert (sealed.sequence, sealed.mac) == (2, AuditEntry.objects.get(sequence=2).entry_hash)


@pytest.mark.django_db(transaction=True)
def test_an_entry_after_the_seal_rewritten_in_the_old_form_is_found(upgraded_log):
    entry = record("view", object_type="test", object_id=3)
    entry.algorithm, entry.key_id = "sha256", ""
    forged = _old_hash(entry.previous_hash, entry)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {AuditEntry._meta.db_table} SET algorithm = 'sha256', key_id = '', "
            "entry_hash = %s WHERE id = %s",
            [forged, entry.pk],
        )
    report = verify_chain()
    assert not report.intact
    assert report.broken_at == 3
    assert "not sealed" in report.reason
