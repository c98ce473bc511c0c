"""Writing to the audit log, and verifying its chain."""

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from .models import AuditChainHead, AuditEntry

GENESIS_HASH = "0" * 64


def _entry_hash(previous_hash: str, fields: dict[str, Any]) -> str:
    canonical = json.dumps(fields, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(f"{previous_hash}\n{canonical}".encode()).hexdigest()


def _hashed_fields(entry: AuditEntry) -> dict[str, Any]:
    return {
        "sequence": entry.sequence,
        "at": entry.at.isoformat(),
        "actor": entry.actor_id,
        "actor_label": entry.actor_label,
        "school": entry.school_id,
        "action": entry.action,
        "object_type": entry.object_type,
        "object_id": entry.object_id,
        "detail": entry.detail,
    }


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
    with transaction.atomic():
        now = timezone.now()
        head, _ = AuditChainHead.objects.select_for_update().get_or_create(pk=1)
        entry = AuditEntry(
            sequence=head.last_sequence + 1,
            at=now,
            actor=actor if actor is not None and actor.is_authenticated else None,
            actor_label=getattr(actor, "email", "") if actor is not None else "system",
            school=school,
            action=action,
            object_type=object_type,
            object_id=str(object_id),
            detail=json.loads(json.dumps(detail, default=str)),
            previous_hash=head.last_hash,
        )
        entry.entry_hash = _entry_hash(head.last_hash, _hashed_fields(entry))
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
    previous_hash = GENESIS_HASH
    expected_sequence = 1
    count = 0
    for entry in AuditEntry.objects.order_by("sequence").iterator(chunk_size=2000):
        count += 1
        if entry.sequence != expected_sequence:
            return ChainReport(False, count, expected_sequence, "an entry is missing")
        if entry.previous_hash != previous_hash:
            return ChainReport(False, count, entry.sequence, "link to the previous entry broken")
        if _entry_hash(previous_hash, _hashed_fields(entry)) != entry.entry_hash:
            return ChainReport(False, count, entry.sequence, "entry content was altered")
        previous_hash = entry.entry_hash
        expected_sequence += 1
    head = AuditChainHead.objects.filter(pk=1).first()
    if head is not None and head.last_sequence != count:
        return ChainReport(False, count, count + 1, "entries after this one are missing")
    return ChainReport(True, count)
