"""Secrets kept outside the database and outside the instance folder, all found by one rule.

The key called ``audit`` (likewise ``evidence``, ``audit-checkpoint``) is, in this order:

1. ``$SAFEPRACTICE_AUDIT_KEY``: one or more keys, comma-separated;
2. the file named by ``$SAFEPRACTICE_AUDIT_KEY_FILE``: one key a line;
3. ``<keys folder>/audit.key``, generated once (mode 0600) the first time it is needed.

The keys folder is ``settings.KEYS_DIR``: ``$SAFEPRACTICE_KEYS``, else
``~/.config/safepractice/keys``. It is kept apart from the instance folder on purpose: whoever
gets the database, or a copy of the instance folder (a backup, a support bundle), must not get
the keys that authenticate the audit log and decrypt the evidence with it.

When several keys are given the first is current (it encrypts, keys and signs); the others are
older keys still accepted for reading, so a key can be rotated without losing what it protects.
"""

import contextlib
import os
import secrets
from collections.abc import Callable
from pathlib import Path

from django.conf import settings


class KeyUnusable(RuntimeError):
    """A key that is configured but cannot be used as it stands."""


class KeyConflict(KeyUnusable):
    """Two different keys claim one name; choosing either could make data unreadable."""


def keys_dir() -> Path:
    folder = Path(settings.KEYS_DIR)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


def env_name(name: str) -> str:
    return f"SAFEPRACTICE_{name.upper().replace('-', '_')}_KEY"


def key_path(name: str) -> Path:
    return keys_dir() / f"{name}.key"


def read(
    name: str,
    *,
    generate: Callable[[], bytes] = lambda: secrets.token_hex(32).encode(),
    legacy_file: Path | None = None,
) -> list[bytes]:
    """The keys called ``name``, current first. ``legacy_file`` is where an earlier version
    kept this key: it is moved into the keys folder, never replaced by a new one."""
    variable = env_name(name)
    if configured := os.environ.get(variable):
        return _non_empty(configured.split(","), variable)
    if key_file := os.environ.get(f"{variable}_FILE"):
        return _non_empty(Path(key_file).read_text().splitlines(), key_file)
    path = key_path(name)
    if legacy_file is not None and legacy_file.exists():
        _adopt(legacy_file, path)
    if not path.exists():
        _create_once(path, generate())
    return _non_empty(path.read_text().splitlines(), str(path))


def _non_empty(values: list[str], where: str) -> list[bytes]:
    found = [value.strip().encode() for value in values if value.strip()]
    if not found:
        raise KeyUnusable(f"{where} holds no key.")
    return found


def _create_once(path: Path, data: bytes) -> None:
    # Write a temporary file and hard-link it into place: the key appears whole or not at all,
    # and when two processes race the first link wins and both then read the same key.
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(8)}")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data.rstrip(b"\n") + b"\n")
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(FileExistsError):  # another process made it first
            os.link(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    _fsync_dir(path.parent)


def _adopt(legacy_file: Path, path: Path) -> None:
    """Move a key from where an earlier version kept it; remove the old copy only once the new
    one holds the same key, so a crash at any point leaves at least one readable copy."""
    data = legacy_file.read_bytes()
    if not data.strip():
        return
    _create_once(path, data)
    if path.read_bytes().strip() != data.strip():
        raise KeyConflict(
            f"{legacy_file} and {path} hold different keys. Data may be protected by either: "
            f"keep both files, and give this instance its own keys folder ($SAFEPRACTICE_KEYS) "
            f"or put both keys in {path}, current first, one a line."
        )
    legacy_file.unlink(missing_ok=True)
    _fsync_dir(legacy_file.parent)


def _fsync_dir(folder: Path) -> None:
    dir_fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
