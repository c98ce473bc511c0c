"""Writing to the audit log, and verifying its chain.

Each entry's MAC is HMAC-SHA256, keyed with the audit key (``safepractice.keys``, name
``audit``), over the previous entry's MAC and the entry's own fields. The key is not in the
database, so whoever can write to the database can no longer edit an entry and recompute the
chain after it: without the key they cannot produce MACs that verify.

Entries written before keying began carry a plain SHA-256 hash (``algorithm="sha256"``).
They still verify, but anyone can recompute them, so they are accepted only before the first
keyed entry: an entry rewritten into the old form after that is reported.
"""

import hashlib
import hmac
import json
from dataclasses import dataclass
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from safepractice import keys

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


def verify_chain() -> ChainReport:
    """Walk the whole log; report the first entry whose content or link does not match."""
    keys_by_id = {key_id(key): key for key in audit_keys()}
    previous_hash = GENESIS_HASH
    expected_sequence = 1
    keyed_seen = False
    count = 0
    for entry in AuditEntry.objects.order_by("sequence").iterator(chunk_size=2000):
        count += 1
        if entry.sequence != expected_sequence:
            return ChainReport(False, count, expected_sequence, "an entry is missing")
        if entry.previous_hash != previous_hash:
            return ChainReport(False, count, entry.sequence, "link to the previous entry broken")
        if problem := _key_problem(entry, keys_by_id, keyed_seen):
            return ChainReport(False, count, entry.sequence, problem)
        key = keys_by_id.get(entry.key_id) if entry.algorithm == KEYED else None
        if not hmac.compare_digest(_entry_mac(previous_hash, entry, key), entry.entry_hash):
            return ChainReport(False, count, entry.sequence, "entry content was altered")
        keyed_seen = keyed_seen or entry.algorithm == KEYED
        previous_hash = entry.entry_hash
        expected_sequence += 1
    head = AuditChainHead.objects.filter(pk=1).first()
    if head is not None and head.last_sequence != count:
        return ChainReport(False, count, count + 1, "entries after this one are missing")
    return ChainReport(True, count)


def _key_problem(entry: AuditEntry, keys_by_id: dict[str, bytes], keyed_seen: bool) -> str:
    """Why this entry's MAC cannot be trusted whatever its value, or "" if it can be checked."""
    if entry.algorithm == LEGACY:
        if keyed_seen:
            # Nothing written since keying began is unkeyed: this is an entry rewritten with
            # the public algorithm by someone without the key.
            return "entry hashed without the audit key after keyed entries began (rewritten)"
        return ""
    if entry.algorithm != KEYED:
        return f"entry names an unknown algorithm {entry.algorithm!r}"
    if entry.key_id not in keys_by_id:
        return (
            f"entry keyed with audit key {entry.key_id}, which this installation does not "
            "hold (set SAFEPRACTICE_AUDIT_KEY or restore the keys folder)"
        )
    return ""
