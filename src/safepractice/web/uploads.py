"""Uploads too big to keep in memory are spooled to disk encrypted, in a private folder.

Django's ``TemporaryFileUploadHandler`` writes each upload over ``FILE_UPLOAD_MAX_MEMORY_SIZE``
to a named file in the system temp folder, in plain, and deletes it when the request ends. A
worker killed after the body arrived left byte-identical copies of case evidence there, and
review uploads left 0.5–2 GB orphans. ``EncryptedTemporaryFileUploadHandler`` replaces it:

- the spool is ``tempfile.TemporaryFile`` in ``FILE_UPLOAD_TEMP_DIR`` (``<instance>/upload-tmp``,
  mode 0700): on Linux and macOS it has no name, so a killed process leaves nothing to find;
- what reaches the disk is AES-256-GCM, in records of 64 KB, under a key made for that one
  upload and held only in the process's memory: even the blocks the file used are unreadable
  once the process is gone. It is not the evidence vault's key on purpose: nothing on disk
  should be readable with a key that outlives the request.

Reading the upload (``read``, ``chunks``, ``seek``) decrypts on the fly, so the vault, the
photo check and the review upload get the plain bytes in memory only. ``sweep`` empties the
folder of anything else left there (another handler's files), at start and by the daily job.
"""

import io
import tempfile
import time
from pathlib import Path

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler

RECORD = 64 * 1024  # plain bytes a record; Django hands uploads over in chunks of this size
_TAG = 16
STALE_AFTER_SECONDS = 3600  # the daily sweep leaves files touched within the hour alone


def temporary_dir() -> Path:
    folder = Path(settings.FILE_UPLOAD_TEMP_DIR)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    folder.chmod(0o700)  # also when it existed with a looser mode
    return folder


class EncryptedSpool(io.RawIOBase):
    """A nameless temporary file holding bytes encrypted under a key only this object has.

    Written once, front to back (``write`` then ``finish``), then read with any seeks.
    """

    def __init__(self, directory: Path) -> None:
        super().__init__()
        self._file = tempfile.TemporaryFile(dir=directory, prefix="upload-")  # noqa: SIM115 - closed by close()
        self._aead = AESGCM(AESGCM.generate_key(bit_length=256))
        self._pending = bytearray()
        self._records = 0
        self._finished = False
        self.size = 0
        self._position = 0
        self._cached: tuple[int, bytes] = (-1, b"")

    # -- writing ---------------------------------------------------------------------------
    def append(self, data: bytes) -> None:
        if self._finished:
            raise ValueError("The spool is finished.")
        self._pending += data
        self.size += len(data)
        while len(self._pending) >= RECORD:
            self._seal(bytes(self._pending[:RECORD]))
            del self._pending[:RECORD]

    def finish(self) -> None:
        if self._pending:
            self._seal(bytes(self._pending))
            self._pending.clear()
        self._file.flush()
        self._finished = True

    def _seal(self, plain: bytes) -> None:
        # A fresh key for every upload, so the record number is a unique nonce.
        self._file.write(self._aead.encrypt(self._nonce(self._records), plain, None))
        self._records += 1

    @staticmethod
    def _nonce(index: int) -> bytes:
        return index.to_bytes(12, "big")

    # -- reading ---------------------------------------------------------------------------
    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._position

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._position, io.SEEK_END: self.size}[whence]
        self._position = max(0, base + offset)
        return self._position

    def _record(self, index: int) -> bytes:
        if self._cached[0] != index:
            self._file.seek(index * (RECORD + _TAG))
            length = min(RECORD, self.size - index * RECORD) + _TAG
            plain = self._aead.decrypt(self._nonce(index), self._file.read(length), None)
            self._cached = (index, plain)
        return self._cached[1]

    def _piece(self, limit: int) -> bytes:
        """Up to ``limit`` bytes from the current position, within one record."""
        if not self._finished:
            raise ValueError("The spool is still being written.")
        if self._position >= self.size or limit <= 0:
            return b""
        index, offset = divmod(self._position, RECORD)
        piece = self._record(index)[offset : offset + limit]
        self._position += len(piece)
        return piece

    def read(self, size: int | None = -1) -> bytes:
        # Whole reads across records, as callers of a file expect (not a raw stream's short ones).
        wanted = self.size - self._position if size is None or size < 0 else size
        parts = []
        while wanted > 0 and (piece := self._piece(wanted)):
            parts.append(piece)
            wanted -= len(piece)
        return b"".join(parts)

    def readall(self) -> bytes:
        return self.read()

    def readinto(self, buffer) -> int:
        data = self.read(len(buffer))
        memoryview(buffer)[: len(data)] = data
        return len(data)

    def close(self) -> None:
        if not self.closed:
            self._file.close()
            self._cached = (-1, b"")
        super().close()


class EncryptedUploadedFile(UploadedFile):
    """An upload spooled by ``EncryptedTemporaryFileUploadHandler``; reads give plain bytes."""

    def __init__(
        self,
        spool: EncryptedSpool,
        name: str,
        content_type: str,
        size: int,
        charset: str | None,
        content_type_extra: dict | None = None,
    ) -> None:
        super().__init__(spool, name, content_type, size, charset, content_type_extra)


class EncryptedTemporaryFileUploadHandler(FileUploadHandler):
    """Takes every upload the memory handler leaves (see the module's docstring)."""

    spool: EncryptedSpool | None = None

    def new_file(self, *args, **kwargs) -> None:
        super().new_file(*args, **kwargs)
        self.spool = EncryptedSpool(temporary_dir())

    def receive_data_chunk(self, raw_data: bytes, start: int) -> None:
        self.spool.append(raw_data)

    def file_complete(self, file_size: int) -> EncryptedUploadedFile:
        self.spool.finish()
        return EncryptedUploadedFile(
            self.spool,
            self.file_name,
            self.content_type,
            file_size,
            self.charset,
            self.content_type_extra,
        )

    def upload_interrupted(self) -> None:
        if self.spool is not None:
            self.spool.close()


def sweep(older_than_seconds: float = STALE_AFTER_SECONDS) -> int:
    """Delete files in the upload folder not touched for ``older_than_seconds`` (0: all, for
    when no request can be running, at start). Returns how many."""
    cutoff = time.time() - older_than_seconds
    removed = 0
    for path in temporary_dir().iterdir():
        try:
            if path.is_file() and not path.is_symlink() and path.stat().st_mtime <= cutoff:
                path.unlink()
                removed += 1
        except FileNotFoundError:  # gone meanwhile
            continue
    return removed
