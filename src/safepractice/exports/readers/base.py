"""What every reader shares: the archive, the warnings, and reading one member safely."""

import csv
import io
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, BinaryIO

import ijson

from safepractice.engine import Content, ContentKind, ProfileField

from ..archive import Member, SafeArchive
from ..errors import MemberSkipped
from ..photos import from_image, is_photo

# Damage inside one member: reported, and the other members are still read.
MEMBER_ERRORS = (
    MemberSkipped,
    ijson.JSONError,
    UnicodeDecodeError,
    csv.Error,
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
)


def describe(error: BaseException) -> str:
    if isinstance(error, MemberSkipped):
        return str(error)
    if isinstance(error, UnicodeDecodeError):
        return f"is not valid UTF-8 text (byte {error.object[error.start:error.start + 1]!r})"
    if isinstance(error, ijson.JSONError):
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else "broken"
        if "UTF8" in first_line or "utf-8" in first_line.lower():
            return "is not valid UTF-8 JSON"
        return f"is not valid JSON ({first_line.removeprefix('b').strip(chr(39))})"
    if isinstance(error, csv.Error):
        return f"is not a readable CSV file ({error})"
    return f"is damaged in the zip ({error})"


@dataclass
class Reading:
    """One pass over one archive by one reader."""

    archive: SafeArchive
    platform: str
    warnings: list[str] = field(default_factory=list)
    members_read: int = 0

    def warn(self, message: str) -> None:
        if len(self.warnings) < 200:
            self.warnings.append(message)

    @property
    def max_depth(self) -> int:
        return self.archive.limits.max_json_depth

    def each(self, member: Member, parse: Callable[[BinaryIO], Iterator[Content]]
             ) -> Iterator[Content]:
        """Run ``parse`` over one member; damage is a warning naming the file, not a crash."""
        try:
            with self.archive.open(member) as stream:
                self.members_read += 1
                yield from parse(stream)
        except MEMBER_ERRORS as error:
            self.warn(f"'{member.name}' {describe(error)}; skipped the rest of that file.")

    def text_lines(self, stream: BinaryIO) -> Iterator[str]:
        """Strict UTF-8 lines (a BOM is dropped); invalid bytes raise and skip the member."""
        return io.TextIOWrapper(stream, encoding="utf-8-sig", errors="strict", newline="")

    def photo_file_metadata(self, path: str) -> dict[str, Any]:
        """EXIF from an image in the archive, found by the path the JSON gives."""
        member = self.by_path(path)
        if member is None or not is_photo(member.name):
            return {}
        try:
            with self.archive.open(member) as stream:
                return from_image(stream, self.archive.limits.max_photo_header)
        except MemberSkipped as skipped:
            self.warn(f"'{member.name}' {skipped}.")
            return {}
        except MEMBER_ERRORS:
            return {}

    def by_path(self, path: str) -> Member | None:
        index = getattr(self, "_by_path", None)
        if index is None:
            index = self._by_path = {}
            for member in self.archive.members:
                index[member.name] = member
                # Exports are often re-zipped under a folder: index the path after it too.
                if "/" in member.name:
                    index.setdefault(member.name.split("/", 1)[1], member)
        return index.get(path.lstrip("/")) if path else None

    def item(self, kind: ContentKind, text: str, *, date: datetime | None = None,
             location: str | None = None, **fields: Any) -> Content:
        return Content(text=text, kind=kind, date=date, location=location,
                       platform=self.platform, **fields)

    def profile(self, field_: ProfileField, text: str, location: str, label: str = ""
                ) -> Content:
        return self.item(ContentKind.PROFILE, text, location=location, profile_field=field_,
                         extra={"label": label} if label else {})
