"""Where uploaded archives wait for the background task: a private folder, files 0600.

Each file is deleted as soon as its archive has been read, whether the reading succeeded
or not; anything left behind by a crashed worker is swept by ``sweep_stale``.
"""

import os
import time
import uuid
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile

STALE_AFTER_SECONDS = 24 * 3600


def upload_dir() -> Path:
    folder = Path(getattr(settings, "REVIEW_UPLOAD_DIR", settings.INSTANCE_DIR / "review-uploads"))
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def save(upload: UploadedFile) -> tuple[Path, int]:
    path = upload_dir() / f"{uuid.uuid4().hex}.upload"
    size = 0
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        for chunk in upload.chunks():
            handle.write(chunk)
            size += len(chunk)
    return path, size


def exists(path: str) -> bool:
    return bool(path) and Path(path).is_file()


def delete(path: str) -> None:
    if not path:
        return
    target = Path(path)
    # Only ever delete inside the upload folder, whatever the database says.
    if target.parent.resolve() == upload_dir().resolve():
        target.unlink(missing_ok=True)


def sweep_stale(now: float | None = None) -> int:
    now = now or time.time()
    removed = 0
    for path in upload_dir().glob("*.upload"):
        if now - path.stat().st_mtime > STALE_AFTER_SECONDS:
            path.unlink(missing_ok=True)
            removed += 1
    return removed


def sweep_unreferenced(referenced: set[str]) -> int:
    """Delete every upload no archive points at (a worker killed while saving one leaves it).

    Only when no upload can be being saved: at start, before the web server takes requests.
    """
    removed = 0
    for path in upload_dir().glob("*.upload"):
        if str(path) not in referenced:
            path.unlink(missing_ok=True)
            removed += 1
    return removed
