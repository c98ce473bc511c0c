"""What can be checked: a post, comment, profile field, message, photo or connection."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any


class ContentKind(StrEnum):
    POST = "post"
    COMMENT = "comment"
    PROFILE = "profile"
    MESSAGE = "message"
    PHOTO = "photo"
    CONNECTION = "connection"


# The kinds whose text the text detectors read (a photo is read by its metadata, a
# connection by its names).
TEXT_KINDS = frozenset(
    {ContentKind.POST, ContentKind.COMMENT, ContentKind.PROFILE, ContentKind.MESSAGE}
)


class Recipient(StrEnum):
    """Who a direct message is to."""

    PUPIL = "pupil"
    PARENT = "parent"
    COLLEAGUE = "colleague"
    PUBLIC = "public"


class ProfileField(StrEnum):
    BIO = "bio"
    JOB_TITLE = "job_title"
    WORKPLACE = "workplace"
    LOCATION = "location"
    NAME = "name"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Content:
    """One item to check. ``text`` is what the detectors read; the rest is context.

    For a connection, ``text`` is the display name and ``handle`` the account name. For a
    photo, ``photo`` holds the image's metadata read by a front (EXIF and the like); where it
    was taken is always ``photo["gps"] = {"latitude": ..., "longitude": ...}``.
    """

    text: str
    kind: ContentKind = ContentKind.POST
    recipient: Recipient | None = None
    profile_field: ProfileField | None = None
    handle: str | None = None
    date: datetime | None = None
    platform: str | None = None
    location: str | None = None  # where the item can be found: a link or an archive path
    photo: Mapping[str, Any] | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)
