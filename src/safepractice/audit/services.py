"""Writing to the audit log, and verifying its chain.

Each entry's MAC is HMAC-SHA256, keyed with the audit key (``safepractice.keys``, name
``audit``), over the previous entry's MAC and the entry's own fields. The key is not in the
database, so whoever can write to the database can no longer edit an entry and recompute the
chain after it: without the key they cannot produce MACs that verify.

Signed checkpoints (``checkpoints``), written outside the database, fix the MAC of an entry
at a time; verification compares the log with every one of them, so a rewrite of the whole
chain, a truncation or a removed tail is caught even by someone holding the audit key.

Entries written before keying began carry a plain SHA-256 hash (``algorithm="sha256"``).
Anyone can recompute those, so they are accepted only up to the entry the upgrade sealed in
a checkpoint (migration 0003); an entry in the old form after it was rewritten.
"""

import hashlib
import hmac
import json
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.mail import mail_admins
from django.db import models, transaction
from django.utils import timezone

from safepractice import keys

from . import checkpoints
from .models import AuditChainHead, AuditEntry

GENESIS_HASH = "0" * 64
KEYED = "hmac-sha256"
LEGACY = "sha256"  # before keying: a public algorithm, accepted only on the oldest entries


def audit_keys() -> list[bytes]:
    """The audit keys, current first; older ones are kept to verify entries they keyed."""
    return keys.read("audit")


def key_id(key: bytes) -> str:
    # Names the key an entry was keyed with, so a rotated key can still be found; derived
    # through HMAC so the name says nothing about the key itself.
    return hmac.new(key, b"safepractice audit key id", hashlib.sha256).hexdigest()[:16]


def _hashed_fields(entry: AuditEntry) -> dict[str, Any]:
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
    if entry.algorithm != LEGACY:
        # Keyed over its own algorithm and key, so neither can be swapped without notice.
        fields |= {"algorithm": entry.algorithm, "key_id": entry.key_id}
    return fields


def _entry_mac(previous_hash: str, entry: AuditEntry, key: bytes | None) -> str:
    canonical = json.dumps(
        _hashed_fields(entry), sort_keys=True, separators=(",", ":"), default=str
    )
    message = f"{previous_hash}\n{canonical}".encode()
    if key is None:
        return hashlib.sha256(message).hexdigest()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def record(
    action: str,
    *,
    actor=None,
    school=None,
    target: models.Model | None = None,
    object_type: str = "",
    object_id: str | int = "",
    **detail: Any,
) -> AuditEntry:
    """Append one entry: who did what to which record. ``detail`` must hold no content."""
    if target is not None:
        object_type = target._meta.label_lower
        object_id = target.pk
    signed_in = actor if actor is not None and actor.is_authenticated else None
    key = audit_keys()[0]
    with transaction.atomic():
        now = timezone.now()
        head, _ = AuditChainHead.objects.select_for_update().get_or_create(pk=1)
        entry = AuditEntry(
            sequence=head.last_sequence + 1,
            at=now,
            actor=signed_in,
            actor_ref=signed_in.pk if signed_in is not None else None,
            actor_label=getattr(actor, "email", "") if actor is not None else "system",
            school=school,
            school_ref=school.pk if school is not None else None,
            action=action,
            object_type=object_type,
            object_id=str(object_id),
            detail=json.loads(json.dumps(detail, default=str)),
            algorithm=KEYED,
            key_id=key_id(key),
            previous_hash=head.last_hash,
        )
        entry.entry_hash = _entry_mac(head.last_hash, entry, key)
        entry.save(force_insert=True)
        AuditChainHead.objects.filter(pk=1).update(
            last_sequence=entry.sequence, last_hash=entry.entry_hash
        )
    return entry


@dataclass(frozen=True)
class ChainReport:
    intact: bool
    entries: int
    broken_at: int | None = None
    reason: str = ""
    checkpoints: int = 0  # how many signed checkpoints the log was checked against
    last_mac: str = GENESIS_HASH  # of the last entry verified


@dataclass(frozen=True)
class _Rules:
    keys_by_id: dict[str, bytes]
    sealed: dict[int, list[checkpoints.Checkpoint]]
    legacy_until: int  # entries in the unkeyed form are accepted up to this sequence only


def verify_chain() -> ChainReport:
    """Walk the whole log with the audit key and against every signed checkpoint; report the
    first entry that does not match, or the checkpoint that the log falls short of."""
    try:
        sealed = checkpoints.read_all()
    except checkpoints.CheckpointFileDamaged as damaged:
        return ChainReport(False, 0, None, str(damaged))
    by_sequence: dict[int, list[checkpoints.Checkpoint]] = {}
    for checkpoint in sealed:
        by_sequence.setdefault(checkpoint.sequence, []).append(checkpoint)
    rules = _Rules(
        keys_by_id={key_id(key): key for key in audit_keys()},
        sealed=by_sequence,
        # The first checkpoint fixes the hash of every entry up to it, so unkeyed entries
        # (sealed there by the upgrade) can be trusted that far and no further.
        legacy_until=min(by_sequence, default=0),
    )
    previous_hash = GENESIS_HASH
    keyed_seen = False
    count = 0
    for entry in AuditEntry.objects.order_by("sequence").iterator(chunk_size=2000):
        count += 1
        if entry.sequence != count:
            return ChainReport(False, count, count, "an entry is missing", len(sealed))
        if problem := _entry_problem(entry, previous_hash, keyed_seen, rules):
            return ChainReport(False, count, entry.sequence, problem, len(sealed))
        keyed_seen = keyed_seen or entry.algorithm == KEYED
        previous_hash = entry.entry_hash
    if sealed and (furthest := max(sealed, key=lambda c: c.sequence)).sequence > count:
        return ChainReport(False, count, count + 1, _short_of(furthest, count), len(sealed))
    head = AuditChainHead.objects.filter(pk=1).first()
    if head is not None and head.last_sequence != count:
        return ChainReport(
            False, count, count + 1, "entries after this one are missing", len(sealed)
        )
    return ChainReport(True, count, checkpoints=len(sealed), last_mac=previous_hash)


def _short_of(furthest: checkpoints.Checkpoint, count: int) -> str:
    lost = (
        f"entry #{count + 1} is"
        if furthest.sequence == count + 1
        else f"entries #{count + 1} to #{furthest.sequence} are"
    )
    return (
        f"{lost} missing: the signed checkpoint of {furthest.at} (line {furthest.line}) "
        f"recorded #{furthest.sequence}; the log was truncated"
    )


def _entry_problem(entry: AuditEntry, previous_hash: str, keyed_seen: bool, rules: _Rules) -> str:
    """What is wrong with one entry, or "" if its link, MAC and checkpoints all match."""
    if entry.previous_hash != previous_hash:
        return "link to the previous entry broken"
    if problem := _key_problem(entry, rules, keyed_seen):
        return problem
    key = rules.keys_by_id.get(entry.key_id) if entry.algorithm == KEYED else None
    if not hmac.compare_digest(_entry_mac(previous_hash, entry, key), entry.entry_hash):
        return "entry content was altered"
    for checkpoint in rules.sealed.get(entry.sequence, []):
        if not hmac.compare_digest(checkpoint.mac, entry.entry_hash):
            return (
                f"entry differs from the signed checkpoint of {checkpoint.at} (line "
                f"{checkpoint.line}): the log was rewritten up to here"
            )
    return ""


def _key_problem(entry: AuditEntry, rules: _Rules, keyed_seen: bool) -> str:
    """Why this entry's MAC cannot be trusted whatever its value, or "" if it can be checked."""
    if entry.algorithm == LEGACY:
        # Everything written since keying began is keyed, so an unkeyed entry after a keyed
        # one, or beyond what the upgrade sealed, was rewritten with the public algorithm.
        if keyed_seen:
            return "entry hashed without the audit key after keyed entries began (rewritten)"
        if entry.sequence > rules.legacy_until:
            return (
                "entry hashed without the audit key and not sealed by a signed checkpoint "
                "(rewritten)"
            )
        return ""
    if entry.algorithm != KEYED:
        return f"entry names an unknown algorithm {entry.algorithm!r}"
    if entry.key_id not in rules.keys_by_id:
        return (
            f"entry keyed with audit key {entry.key_id}, which this installation does not "
            "hold (set SAFEPRACTICE_AUDIT_KEY or restore the keys folder)"
        )
    return ""


@dataclass(frozen=True)
class CheckpointResult:
    report: ChainReport
    checkpoint: checkpoints.Checkpoint | None = None  # None: not written
    already_sealed: bool = False


def write_checkpoint() -> CheckpointResult:
    """Verify the log, then seal its last verified entry in a signed checkpoint.

    A broken log is not sealed (that would vouch for it), an empty one has nothing to seal,
    and one whose last entry is already sealed gets no repeat line."""
    report = verify_chain()
    if not report.intact:
        tell_admins_if_broken(report)
        return CheckpointResult(report)
    if report.entries == 0:
        return CheckpointResult(report)
    if any(c.sequence == report.entries for c in checkpoints.read_all()):
        return CheckpointResult(report, already_sealed=True)
    return CheckpointResult(report, checkpoints.append(report.entries, report.last_mac))


def tell_admins_if_broken(report: ChainReport) -> None:
    if not report.intact and settings.ADMINS:
        where = f"Entry #{report.broken_at}: " if report.broken_at else ""
        mail_admins(
            "safepractice: the audit log's hash chain is broken",
            f"{where}{report.reason}. Run `safepractice audit verify`.",
        )
