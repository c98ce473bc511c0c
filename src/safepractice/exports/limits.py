"""The bounds every archive is read within. A hostile archive meets one of these first."""

from dataclasses import dataclass

MB = 1024 * 1024
GB = 1024 * MB


@dataclass(frozen=True, slots=True)
class Limits:
    max_total_uncompressed: int = 8 * GB
    max_member_size: int = 256 * MB
    max_members: int = 200_000
    # A ratio above this on a member bigger than ``ratio_floor`` looks like a zip bomb. Real
    # exports' JSON compresses about 10:1; text full of repetition can reach 50:1.
    max_ratio: float = 200.0
    ratio_floor: int = 1 * MB
    max_json_depth: int = 64
    max_photo_header: int = 256 * 1024  # EXIF sits in the first 64 KB of a JPEG
    max_findings: int = 5_000  # per archive; the report says how many more there were


def human_size(size: int) -> str:
    for unit, step in (("GB", GB), ("MB", MB), ("KB", 1024)):
        if size >= step:
            return f"{size / step:.1f} {unit}"
    return f"{size} bytes"
