"""Reviewing one archive: read it, put every item through the ``Checker``, keep what matters.

Pure Python, shared by the CLI and the web app's background task. Only findings are kept
(with a short excerpt around each), never the items themselves, so memory stays flat
however big the archive.
"""

import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from safepractice.engine import Checker, Content, ContentKind, Finding, ProfileField

from .archive import SafeArchive
from .detect import detect_platform
from .errors import ArchiveRefused
from .limits import Limits
from .parallel import check_in_workers
from .readers import PLATFORM_NAMES, READERS
from .readers.base import Reading

EXCERPT_CONTEXT = 60
KINDS = tuple(kind.value for kind in ContentKind)


@dataclass(frozen=True)
class ReviewedFinding:
    """A finding with what the person needs to find and fix it; no other content."""

    rule: str
    topic: str
    severity: str
    title: str
    explanation: str
    kind: str
    platform: str
    date: datetime | None
    excerpt: str
    mark_start: int  # the finding's span inside ``excerpt``
    mark_end: int
    location: str
    action: str

    def as_json(self) -> dict[str, Any]:
        return {
            "rule": self.rule, "topic": self.topic, "severity": self.severity,
            "kind": self.kind, "date": self.date.isoformat() if self.date else None,
            "excerpt": self.excerpt,
        }


@dataclass
class Progress:
    items: int = 0
    findings: int = 0


@dataclass
class ArchiveReview:
    archive: str
    platform: str = ""
    items: int = 0
    by_kind: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    findings: list[ReviewedFinding] = field(default_factory=list)
    findings_not_kept: int = 0
    warnings: list[str] = field(default_factory=list)
    error: str = ""
    seconds: float = 0.0

    @property
    def platform_name(self) -> str:
        return PLATFORM_NAMES.get(self.platform, self.platform)

    @property
    def usable(self) -> bool:
        """Whether a review may use this archive: the one rule for the CLI and the web.

        ``error`` says why not, in words for the person: refused outright (not a zip, not a
        platform we read, an HTML download, hostile), or nothing in it could be checked.
        A review with an archive it cannot use is not a review: it must never end as
        "nothing goes against the policy".
        """
        return not self.error

    def as_json(self) -> dict[str, Any]:
        if self.error:
            return {"archive": self.archive, "error": self.error}
        return {
            "archive": self.archive, "platform": self.platform, "items": self.items,
            "by_kind": dict(self.by_kind),
            "findings": [finding.as_json() for finding in self.findings],
        }

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def review_archive(
    path: str | Path,
    checker: Checker,
    *,
    display_name: str | None = None,
    limits: Limits | None = None,
    on_progress: Callable[[Progress], None] | None = None,
    progress_every: int = 500,
    workers: int = 1,
) -> ArchiveReview:
    """Read one archive and check every item. A refused archive gives ``error``, not a raise.

    With ``workers`` > 1 the items are checked in that many worker processes while this
    one reads (``parallel.check_in_workers``); findings and their order are the same.
    """
    started = time.monotonic()
    name = display_name or Path(path).name
    result = ArchiveReview(archive=name)
    limits = limits or Limits()
    progress = Progress()
    try:
        with SafeArchive(path, limits, display_name=name) as archive:
            result.platform = detect_platform(archive)
            reading = Reading(archive, result.platform)
            items = READERS[result.platform].read(reading)
            checked = (
                check_in_workers(items, checker, workers)
                if workers > 1
                else checker.check_many(items)
            )
            for content, findings in checked:
                progress.items += 1
                result.by_kind[content.kind.value] += 1
                for finding in findings:
                    progress.findings += 1
                    if len(result.findings) < limits.max_findings:
                        result.findings.append(reviewed(finding, content))
                    else:
                        result.findings_not_kept += 1
                if on_progress and progress.items % progress_every == 0:
                    on_progress(progress)
            result.warnings = archive.warnings + reading.warnings
            if progress.items == 0:
                result.error = nothing_checked(result.platform_name, result.warnings)
    except ArchiveRefused as refused:
        result.error = str(refused)
    except OSError as unreadable:
        result.error = f"The file could not be read ({unreadable.strerror or unreadable})."
    result.items = progress.items
    result.seconds = time.monotonic() - started
    if on_progress:
        on_progress(progress)
    return result


def nothing_checked(platform_name: str, warnings: list[str]) -> str:
    """Why a recognised archive that gave no item at all cannot stand as a review.

    Every platform's download holds at least a profile, so no item means its files were
    damaged or missing (``warnings`` name them) or the wrong parts were downloaded.
    """
    if warnings:
        more = len(warnings) - 1
        also = (f"; {more} more file{'s' if more > 1 else ''} could not be read either"
                if more else "")
        return (f"This looks like a {platform_name} download, but nothing in it could be "
                f"read: {warnings[0].rstrip('.')}{also}. Download your information again and "
                "upload that.")
    return (f"This looks like a {platform_name} download, but it holds nothing to check: no "
            "posts, comments, profile, messages, photos or connections. Download your "
            "information again, choosing 'All time' and all of your information.")


def reviewed(finding: Finding, content: Content) -> ReviewedFinding:
    excerpt, start, end = excerpt_around(content.text, finding.start, finding.end)
    return ReviewedFinding(
        rule=finding.rule, topic=finding.topic, severity=finding.severity.value,
        title=finding.title or finding.rule, explanation=finding.explanation,
        kind=content.kind.value, platform=content.platform or "", date=content.date,
        excerpt=excerpt, mark_start=start, mark_end=end, location=content.location or "",
        action=action_for(finding, content),
    )


def excerpt_around(text: str, start: int, end: int, context: int = EXCERPT_CONTEXT
                   ) -> tuple[str, int, int]:
    """A short window of ``text`` around the span, with the span's offsets inside it."""
    text = text or ""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    if end <= start:  # a finding about the whole item
        snippet = text[: context * 2]
        return (snippet + ("…" if len(text) > len(snippet) else ""), 0, 0)
    left = max(0, start - context)
    right = min(len(text), end + context)
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(text) else ""
    snippet = prefix + text[left:right] + suffix
    offset = len(prefix) - left
    return snippet, start + offset, end + offset


_UNFRIEND = {
    "facebook": "Unfriend this person, or remove them as a follower, on Facebook.",
    "instagram": "Remove this follower (or unfollow them) on Instagram.",
    "x": "Remove this follower (or unfollow them) on X.",
    "tiktok": "Remove this follower (or unfollow them) on TikTok.",
    "linkedin": "Remove this connection on LinkedIn.",
    "whatsapp": "Leave this chat and do not use WhatsApp to talk with this person.",
}


def action_for(finding: Finding, content: Content) -> str:
    """The step that puts this item right, in the words the policy's checklist uses."""
    kind = content.kind
    if kind is ContentKind.CONNECTION or finding.topic == "connection-pupil":
        return _UNFRIEND.get(content.platform or "", "Remove this connection.")
    if kind is ContentKind.PHOTO or finding.topic.startswith("photo-"):
        if finding.topic == "photo-location" or (content.photo or {}).get("gps"):
            return "Strip the location from this photo, or delete the photo."
        return "Delete this photo or restrict who can see it."
    if kind is ContentKind.PROFILE:
        if content.profile_field in (ProfileField.JOB_TITLE, ProfileField.WORKPLACE) or (
            finding.topic in {"identifies-school", "identifies-profession"}
        ):
            return "Remove the job title and the school's name from your profile."
        return "Remove this from your profile, or make it visible to nobody but you."
    if kind is ContentKind.MESSAGE:
        return "Delete this message, and do not send messages like it again."
    if finding.severity.value == "breach":
        return "Delete the post." if kind is ContentKind.POST else "Delete the comment."
    return "Delete it, or restrict its audience to friends you trust."
