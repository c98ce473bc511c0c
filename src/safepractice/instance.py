"""Where an instance keeps its data, and making that folder ready.

The settings only read these paths: importing them creates nothing. ``prepare`` makes the
instance folder, its private upload folder and its secret key, once; every entry point calls
it before Django starts (the ``safepractice`` command, the WSGI application, the test
settings). A process that starts Django some other way on a new instance is told to run the
command once (``settings.SECRET_KEY``).

Pure ``os``: no Django, so it can run before the settings are read.
"""

import os
import secrets
from pathlib import Path

SECRET_KEY_FILE = "secret_key"
UPLOAD_TEMP_DIR = "upload-tmp"


def instance_dir() -> Path:
    """``$SAFEPRACTICE_INSTANCE``, or ``$XDG_DATA_HOME/safepractice`` (~/.local/share)."""
    if given := os.environ.get("SAFEPRACTICE_INSTANCE"):
        return Path(given)
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data_home) / "safepractice"


def keys_dir() -> Path:
    """Outside the instance folder, so the database and its backups never carry the keys
    that authenticate them (``safepractice.keys`` makes it, mode 0700, when a key is needed)."""
    if given := os.environ.get("SAFEPRACTICE_KEYS"):
        return Path(given)
    config_home = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config_home) / "safepractice" / "keys"


def static_root() -> Path:
    return Path(os.environ.get("STATIC_ROOT") or instance_dir() / "static")


def read_secret_key() -> str | None:
    """``$SECRET_KEY``, else the instance's key file; None when neither is there yet."""
    if key := os.environ.get("SECRET_KEY"):
        return key
    try:
        return (instance_dir() / SECRET_KEY_FILE).read_text().strip() or None
    except FileNotFoundError:
        return None


def prepare() -> Path:
    """Make the instance folder ready (idempotent, safe when processes race): the folder, the
    static folder, a private folder for uploads in progress, and a secret key generated once
    so that sessions survive restarts without a key in the repository."""
    folder = instance_dir()
    folder.mkdir(parents=True, exist_ok=True)
    static_root().mkdir(parents=True, exist_ok=True)
    uploads = folder / UPLOAD_TEMP_DIR
    uploads.mkdir(mode=0o700, exist_ok=True)
    uploads.chmod(0o700)
    if not os.environ.get("SECRET_KEY"):
        try:
            fd = os.open(folder / SECRET_KEY_FILE, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(fd, "w") as handle:
                handle.write(secrets.token_urlsafe(50))
    return folder
