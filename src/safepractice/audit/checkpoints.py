"""Signed checkpoints of the audit chain, kept outside the database.

Each line of ``settings.AUDIT_CHECKPOINT_FILE`` (JSON lines, appended, never rewritten) says
"entry #sequence had this MAC at this time", signed with Ed25519. The signing key is the
``audit-checkpoint`` key of ``safepractice.keys`` (a 32-byte private seed in hex), separate
from the audit key: holding the audit key alone is not enough to make a rewritten log match
its checkpoints. Each line names its public key, so a copy shipped elsewhere can be checked by
anyone who knows that public key, without being able to add a line.

A checkpoint fixes everything up to its entry (each MAC covers the one before), so comparing
the log with every checkpoint catches a rewrite of the whole chain, a truncation, or a tail
removed together with the chain head, none of which the chain alone can show.
"""

import json
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from django.conf import settings
from django.utils import timezone

from safepractice import keys

FORMAT = 1
KEY_NAME = "audit-checkpoint"


@dataclass(frozen=True)
class Checkpoint:
    sequence: int
    mac: str
    at: str
    line: int = 0


class CheckpointFileDamaged(Exception):
    """A line of the checkpoint file that is not a checkpoint this installation signed."""


def checkpoint_file() -> Path:
    return Path(settings.AUDIT_CHECKPOINT_FILE)


def _signing_keys() -> list[Ed25519PrivateKey]:
    found = []
    for key in keys.read(KEY_NAME):
        try:
            found.append(Ed25519PrivateKey.from_private_bytes(bytes.fromhex(key.decode())))
        except ValueError as bad:
            raise keys.KeyUnusable(
                f"{keys.env_name(KEY_NAME)}: each key must be 64 hex digits (an Ed25519 seed)."
            ) from bad
    return found


def public_key_hex(private: Ed25519PrivateKey) -> str:
    return private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex()


def _signed_part(fields: dict) -> bytes:
    return json.dumps(fields, sort_keys=True, separators=(",", ":")).encode()


def append(sequence: int, mac: str) -> Checkpoint:
    """Sign and append one checkpoint, flushed to disk before returning."""
    signer = _signing_keys()[0]
    at = timezone.now().isoformat(timespec="seconds")
    fields = {
        "v": FORMAT,
        "sequence": sequence,
        "mac": mac,
        "at": at,
        "key": public_key_hex(signer),
    }
    line = json.dumps(
        fields | {"sig": signer.sign(_signed_part(fields)).hex()},
        sort_keys=True,
        separators=(",", ":"),
    )
    path = checkpoint_file()
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    # One write with O_APPEND: lines from two workers never interleave, none is overwritten.
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(fd, f"{line}\n".encode())
        os.fsync(fd)
    finally:
        os.close(fd)
    return Checkpoint(sequence, mac, at)


def read_all() -> list[Checkpoint]:
    """Every checkpoint in the file, each signature checked; none if there is no file yet."""
    path = checkpoint_file()
    if not path.exists():
        return []
    trusted = {public_key_hex(key): key.public_key() for key in _signing_keys()}
    found = []
    with path.open(encoding="utf-8") as handle:
        for number, text in enumerate(handle, start=1):
            if text.strip():
                found.append(_parse(text, number, trusted, path))
    return found


def _parse(text: str, number: int, trusted: dict[str, Ed25519PublicKey], path: Path) -> Checkpoint:
    where = f"checkpoint file {path} line {number}"
    try:
        fields = json.loads(text)
        signature = bytes.fromhex(fields.pop("sig"))
        public = trusted.get(fields["key"])
        sequence, mac, at = fields["sequence"], fields["mac"], fields["at"]
    except (ValueError, KeyError, TypeError, AttributeError) as bad:
        raise CheckpointFileDamaged(f"{where} is not a checkpoint") from bad
    if public is None:
        raise CheckpointFileDamaged(f"{where} is signed by a key this installation does not hold")
    try:
        public.verify(signature, _signed_part(fields))
    except InvalidSignature as bad:
        raise CheckpointFileDamaged(f"{where} does not match its signature (altered)") from bad
    if fields.get("v") != FORMAT or not isinstance(sequence, int) or not isinstance(mac, str):
        raise CheckpointFileDamaged(f"{where} is in a format this version does not read")
    return Checkpoint(sequence, mac, str(at), number)
