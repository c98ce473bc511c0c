"""Reading an uploaded archive safely: files are streamed from the zip, never extracted.

Every member is checked before anything is read: names that climb out of the archive
(``../``), absolute names, symlinks, encryption, too many members, a total or a ratio that
only a zip bomb has. Each member is then read through a counter that stops at its declared
size, so a header that lies about its size cannot make us read more.
"""

import io
import os
import re
import stat
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from .errors import ArchiveRefused, MemberSkipped
from .limits import Limits, human_size

ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")  # a zip, or an empty zip
_DRIVE = re.compile(r"^[A-Za-z]:")


@dataclass(frozen=True, slots=True)
class Member:
    """One file in the archive. ``name`` uses forward slashes, as in the zip."""

    name: str
    size: int
    compressed: int

    @property
    def basename(self) -> str:
        return self.name.rsplit("/", 1)[-1]

    @property
    def lower(self) -> str:
        return self.name.lower()


class _Bounded(io.RawIOBase):
    """Counts what is read and stops at ``limit`` bytes, whatever the zip header said."""

    def __init__(self, raw: BinaryIO, limit: int, name: str) -> None:
        self._raw = raw
        self._left = limit
        self._limit = limit
        self._name = name

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self._left <= 0:
            # One byte more than promised means the header lied: stop before reading on.
            if self._raw.read(1):
                raise MemberSkipped(
                    f"holds more than the {human_size(self._limit)} its header declares"
                )
            return 0
        view = memoryview(buffer)[: min(len(buffer), self._left)]
        data = self._raw.read(len(view))
        view[: len(data)] = data
        self._left -= len(data)
        return len(data)

    def close(self) -> None:
        self._raw.close()
        super().close()


class SafeArchive:
    """A zip (or one plain file) whose members can be listed and streamed within ``limits``."""

    def __init__(self, path: str | os.PathLike, limits: Limits | None = None,
                 display_name: str | None = None) -> None:
        self.path = Path(path)
        self.limits = limits or Limits()
        self.display_name = display_name or self.path.name
        self._zip: zipfile.ZipFile | None = None
        self.members: list[Member] = []
        self.warnings: list[str] = []
        with open(self.path, "rb") as handle:
            head = handle.read(4)
        if head in ZIP_MAGIC:
            self._open_zip()
        else:
            size = self.path.stat().st_size
            self.members = [Member(_plain_name(self.display_name), size, size)]

    # -- opening and checking --------------------------------------------------------------
    def _open_zip(self) -> None:
        try:
            self._zip = zipfile.ZipFile(self.path)
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, EOFError, OSError, ValueError) as damaged:
            raise ArchiveRefused(
                f"The zip file is damaged or incomplete ({damaged}). Download it again and "
                "upload the whole file."
            ) from damaged
        if len(infos) > self.limits.max_members:
            raise ArchiveRefused(
                f"The zip holds {len(infos):,} files, more than the {self.limits.max_members:,} "
                "a social media export has."
            )
        total = 0
        for info in infos:
            name = _check_name(info.filename)
            if info.flag_bits & 0x1:
                raise ArchiveRefused(
                    f"The zip is encrypted ('{name}' needs a password). Download your data "
                    "again without a password."
                )
            if stat.S_ISLNK(info.external_attr >> 16):
                raise ArchiveRefused(
                    f"The zip holds a symbolic link ('{name}'); exports never do, so it is refused."
                )
            if info.is_dir():
                continue
            total += info.file_size
            if total > self.limits.max_total_uncompressed:
                raise ArchiveRefused(
                    "The zip would unpack to more than "
                    f"{human_size(self.limits.max_total_uncompressed)}, which looks like a zip "
                    "bomb, so it is refused."
                )
            if info.file_size > self.limits.ratio_floor:
                ratio = info.file_size / max(info.compress_size, 1)
                if ratio > self.limits.max_ratio:
                    raise ArchiveRefused(
                        f"'{name}' expands {ratio:,.0f} times ({human_size(info.compress_size)} "
                        f"to {human_size(info.file_size)}): a zip bomb, so the zip is refused."
                    )
            self.members.append(Member(name, info.file_size, info.compress_size))

    # -- reading ---------------------------------------------------------------------------
    def open(self, member: Member) -> BinaryIO:
        """A buffered, bounded stream over one member. Raises ``MemberSkipped`` if too big."""
        if member.size > self.limits.max_member_size:
            raise MemberSkipped(
                f"is {human_size(member.size)}, over the "
                f"{human_size(self.limits.max_member_size)} limit for one file"
            )
        if self._zip is None:
            raw: BinaryIO = open(self.path, "rb")  # noqa: SIM115 - closed by the caller
        else:
            try:
                raw = self._zip.open(member.name)
            except (zipfile.BadZipFile, EOFError, OSError, NotImplementedError) as bad:
                raise MemberSkipped(f"cannot be read from the zip ({bad})") from bad
        return io.BufferedReader(_Bounded(raw, member.size, member.name), 256 * 1024)

    def find(self, predicate: Callable[[Member], bool]) -> list[Member]:
        return sorted((m for m in self.members if predicate(m)), key=lambda m: _natural(m.name))

    def __iter__(self) -> Iterator[Member]:
        return iter(self.members)

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()

    def __enter__(self) -> "SafeArchive":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _check_name(raw_name: str) -> str:
    name = raw_name.replace("\\", "/")
    if name.startswith("/") or _DRIVE.match(name):
        raise ArchiveRefused(
            f"The zip holds a file with an absolute path ('{raw_name}'); it is refused."
        )
    if ".." in PurePosixPath(name).parts:
        raise ArchiveRefused(
            f"The zip holds a file whose path climbs out of the folder ('{raw_name}'); "
            "it is refused."
        )
    if "\x00" in name:
        raise ArchiveRefused("The zip holds a file name with a NUL character; it is refused.")
    return name.removeprefix("./")


def _plain_name(display_name: str) -> str:
    return PurePosixPath(display_name.replace("\\", "/")).name or "upload"


def _natural(name: str) -> list:
    """Sort ``posts_2`` before ``posts_10``."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name)]
