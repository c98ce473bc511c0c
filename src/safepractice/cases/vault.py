"""The evidence vault: allow-listed files, hashed, encrypted at rest, written atomically.

Files live under ``CASES_EVIDENCE_DIR`` (default ``<instance>/evidence/<school id>/``), each
encrypted with Fernet (AES-128-CBC + HMAC-SHA256). The key is found by the rule of
``safepractice.keys``: ``SAFEPRACTICE_EVIDENCE_KEY`` (several keys, comma-separated, rotate: the
first encrypts), ``SAFEPRACTICE_EVIDENCE_KEY_FILE``, else ``<keys folder>/evidence.key``,
generated once. A key an earlier version left in ``<instance>/evidence.key`` is moved there on
first use, never replaced. The SHA-256 of the original is kept in the
database, so a file altered on disk fails on reading either at decryption or at the hash.

Writing: encrypt into a hidden temporary file, fsync, then insert the row and rename the file
inside one transaction. A crash before the rename leaves only a temporary file; a crash after
it but before the commit leaves a file no row points at. Neither is an item, and
``sweep_orphans`` removes both.
"""

import hashlib
import os
import re
import time
from dataclasses import dataclass
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings

from safepractice import keys
from safepractice.errors import ApplicationError

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
TEMP_PREFIX = ".upload-"


class EvidenceRejected(ApplicationError):
    """A file the vault will not take, with a reason a person can act on."""

    status = 422
    code = "file-refused"


class IntegrityFailure(ApplicationError):
    """A stored file that no longer matches what was put in."""

    status = 409
    code = "integrity-failure"


@dataclass(frozen=True)
class FileType:
    content_type: str
    extension: str
    label: str


PNG = FileType("image/png", "png", "PNG image")
JPEG = FileType("image/jpeg", "jpg", "JPEG image")
PDF = FileType("application/pdf", "pdf", "PDF document")
EML = FileType("message/rfc822", "eml", "saved email")
TXT = FileType("text/plain", "txt", "text file")
ALLOWED = (PNG, JPEG, PDF, EML, TXT)
ALLOWED_LABELS = ", ".join(t.label for t in ALLOWED)

_HEADER_LINE = re.compile(rb"^[A-Za-z][A-Za-z0-9-]*:[ \t]")
_EMAIL_HEADERS = {b"from", b"to", b"subject", b"date", b"message-id", b"received",
                  b"return-path", b"mime-version", b"delivered-to"}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def max_bytes() -> int:
    return int(getattr(settings, "CASES_EVIDENCE_MAX_BYTES", DEFAULT_MAX_BYTES))


def _looks_like_email(data: bytes) -> bool:
    head = data[:8192].replace(b"\r\n", b"\n").split(b"\n\n", 1)[0]
    lines = [line for line in head.split(b"\n") if line and not line[:1].isspace()]
    if len(lines) < 2 or not all(_HEADER_LINE.match(line) for line in lines):
        return False
    names = {line.split(b":", 1)[0].lower() for line in lines}
    return len(names & _EMAIL_HEADERS) >= 2 and b"from" in names


def _looks_like_text(data: bytes) -> bool:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    return not _CONTROL.search(text)


def detect_type(data: bytes) -> FileType | None:
    """What the content is, from its bytes alone; None if it is not on the allow-list."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG
    if data.startswith(b"%PDF-"):
        return PDF
    if _looks_like_email(data):
        return EML
    if _looks_like_text(data):
        return TXT
    return None


def check(data: bytes) -> FileType:
    """Refuse an empty, oversize or not-allowed file with a reason; return its type."""
    limit = max_bytes()
    if not data:
        raise EvidenceRejected("The file is empty.")
    if len(data) > limit:
        raise EvidenceRejected(
            f"The file is {len(data) / 1_048_576:.1f} MB; the limit is "
            f"{limit / 1_048_576:.0f} MB per file."
        )
    kind = detect_type(data)
    if kind is None:
        raise EvidenceRejected(
            f"This kind of file cannot be kept as evidence. Allowed: {ALLOWED_LABELS} "
            "(checked by what the file contains, not its name)."
        )
    return kind


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def legacy_key_file() -> Path:
    """Where versions before the keys folder kept the vault key, beside the files it opens."""
    return Path(settings.INSTANCE_DIR) / "evidence.key"


def _keys() -> list[bytes]:
    return keys.read("evidence", generate=Fernet.generate_key, legacy_file=legacy_key_file())


def cipher() -> MultiFernet:
    return MultiFernet([Fernet(key) for key in _keys()])


def evidence_root() -> Path:
    configured = getattr(settings, "CASES_EVIDENCE_DIR", None)
    return Path(configured) if configured else Path(settings.INSTANCE_DIR) / "evidence"


def school_dir(school_id: int) -> Path:
    folder = evidence_root() / str(school_id)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


def path_for(school_id: int, stored_name: str) -> Path:
    return school_dir(school_id) / f"{stored_name}.enc"


def write_temporary(school_id: int, stored_name: str, data: bytes) -> Path:
    """Encrypt ``data`` into a temporary file beside its final place, flushed to disk."""
    token = cipher().encrypt(data)
    temporary = school_dir(school_id) / f"{TEMP_PREFIX}{stored_name}"
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(token)
        handle.flush()
        os.fsync(handle.fileno())
    return temporary


def publish(temporary: Path, final: Path) -> None:
    os.replace(temporary, final)
    dir_fd = os.open(final.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def discard(*paths: Path) -> None:
    for path in paths:
        path.unlink(missing_ok=True)


def read_verified(school_id: int, stored_name: str, expected_sha256: str) -> bytes:
    """The original bytes, or IntegrityFailure saying what is wrong with the stored file."""
    path = path_for(school_id, stored_name)
    try:
        token = path.read_bytes()
    except FileNotFoundError as missing:
        raise IntegrityFailure("the stored file is missing") from missing
    try:
        data = cipher().decrypt(token)
    except InvalidToken as bad:
        raise IntegrityFailure(
            "the stored file was altered (it no longer decrypts with the vault key)"
        ) from bad
    if sha256(data) != expected_sha256:
        raise IntegrityFailure("hash mismatch: the stored file is not the one that was added")
    return data


def orphans(directory: Path, known_names: set[str], older_than_seconds: float = 0) -> list[Path]:
    """Files in a school's folder that are not an item: temporaries and unreferenced files."""
    cutoff = time.time() - older_than_seconds
    found = []
    for path in sorted(directory.iterdir()) if directory.exists() else []:
        if path.stat().st_mtime > cutoff:
            continue
        temporary = path.name.startswith(TEMP_PREFIX)
        if temporary or (path.suffix == ".enc" and path.stem not in known_names):
            found.append(path)
    return found
