"""Readers for social media "download your data" archives: streaming, bounded, safe.

Pure Python like the engine (no Django). ``review_archive`` reads one archive and puts every
item through the engine's ``Checker``; the readers themselves yield engine ``Content``.
"""

from .archive import Member, SafeArchive
from .detect import detect_platform
from .errors import ArchiveRefused, MemberSkipped
from .limits import Limits
from .readers import PLATFORM_NAMES, READERS
from .readers.base import Reading
from .review import ArchiveReview, Progress, ReviewedFinding, review_archive

__all__ = [
    "PLATFORM_NAMES",
    "READERS",
    "ArchiveRefused",
    "ArchiveReview",
    "Limits",
    "Member",
    "MemberSkipped",
    "Progress",
    "Reading",
    "ReviewedFinding",
    "SafeArchive",
    "detect_platform",
    "read_items",
    "review_archive",
]


def read_items(path, limits: Limits | None = None, display_name: str | None = None):
    """Every item of an archive, with its platform and warnings (for tests and tools).

    Returns ``(platform, items, warnings)``; raises ``ArchiveRefused``.
    """
    with SafeArchive(path, limits, display_name=display_name) as archive:
        platform = detect_platform(archive)
        reading = Reading(archive, platform)
        items = list(READERS[platform].read(reading))
        return platform, items, archive.warnings + reading.warnings
