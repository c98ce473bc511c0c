"""TikTok: ``user_data.json`` (or ``user_data_tiktok.json``), one object of sections.

The sections moved between 2020 and 2025 (``Activity`` → ``Your Activity`` →
``Profile And Settings``; ``Video.Videos`` → ``Post.Posts``), so every known place is read in
one streaming pass. Empty lists arrive as ``null``; key case is mixed (``Date`` in follow
lists, ``date`` in comments).
"""

import re
from collections.abc import Iterator
from typing import Any, BinaryIO

from safepractice.engine import Content, ContentKind, ProfileField

from ..archive import Member
from ..jsonstream import select
from ..text import clean, parse_date
from .base import Reading

PLATFORM = "tiktok"

DATA_FILE = re.compile(r"(^|/)user_data(_tiktok)?( \(\d+\))?\.json$")
FOLLOWERS = {
    f"{section}.{group}.{key}.item"
    for section, group in (("Activity", "Follower List"), ("Your Activity", "Follower"),
                           ("Profile And Settings", "Follower"))
    for key in ("FansList", "FollowerList")
}
FOLLOWING = {
    f"{section}.{group}.{key}.item"
    for section, group in (("Activity", "Following List"), ("Your Activity", "Following"),
                           ("Profile And Settings", "Following"))
    for key in ("Following", "FollowingList")
}
PROFILE = {"Profile.Profile Information.ProfileMap", "Profile And Settings.Profile Info.ProfileMap"}
AUTOFILL = {"Profile And Settings.Autofill", "App Settings.Autofill"}
VIDEOS = {"Video.Videos.VideoList.item", "Post.Posts.VideoList.item",
          "Post.Recently Deleted Posts.PostList.item"}
COMMENTS = {"Comment.Comments.CommentsList.item"}
CHATS = "Direct Message.Direct Messages.ChatHistory."
PROFILE_FIELDS = {
    "userName": (ProfileField.NAME, "User name"),
    "displayName": (ProfileField.NAME, "Display name"),
    "bioDescription": (ProfileField.BIO, "Bio"),
    "emailAddress": (ProfileField.OTHER, "Email"),
    "telephoneNumber": (ProfileField.OTHER, "Phone number"),
}


def score(names: list[str]) -> int:
    return sum(5 for n in names if DATA_FILE.search(n))


def read(reading: Reading) -> Iterator[Content]:
    for member in reading.archive.find(lambda m: bool(DATA_FILE.search(m.lower))):
        yield from reading.each(member, lambda s, m=member: _user_data(reading, m, s))


def _want(prefix: str, event: str) -> str | None:
    if prefix in FOLLOWERS:
        return "follower"
    if prefix in FOLLOWING:
        return "following"
    if prefix in PROFILE:
        return "profile"
    if prefix in AUTOFILL:
        return "autofill"
    if prefix in VIDEOS:
        return "video"
    if prefix in COMMENTS:
        return "comment"
    if prefix.startswith(CHATS) and prefix.endswith(".item"):
        return "message"
    return None


def _get(record: dict[str, Any], *keys: str) -> Any:
    for key in keys:
        if record.get(key) not in (None, "", "N/A"):
            return record[key]
    return None


def _user_data(reading: Reading, member: Member, stream: BinaryIO) -> Iterator[Content]:
    where = member.name
    for label, record in select(stream, _want, reading.max_depth):
        if not isinstance(record, dict):
            continue
        if label in {"follower", "following"}:
            name = clean(_get(record, "UserName", "userName", "username", "uniqueId"))
            if name:
                yield reading.item(
                    ContentKind.CONNECTION, name, handle=name,
                    date=parse_date(_get(record, "Date", "date")),
                    location=f"https://www.tiktok.com/@{name}", extra={"relation": label},
                )
        elif label == "profile":
            for key, (kind, nice) in PROFILE_FIELDS.items():
                if clean(record.get(key)) not in ("", "N/A"):
                    yield reading.profile(kind, clean(record[key]), where, nice)
        elif label == "autofill":
            for key, value in record.items():
                if isinstance(value, str) and clean(value) not in ("", "N/A"):
                    yield reading.profile(ProfileField.OTHER, clean(value), where,
                                          f"Autofill {key}")
        elif label == "video":
            text = "\n".join(clean(record.get(k)) for k in ("Title", "AlternateText")
                             if clean(record.get(k)) not in ("", "N/A"))
            place = clean(record.get("Location"))
            if place and place != "N/A":
                text = f"{text}\nLocation: {place}".strip()
            if text:
                yield reading.item(ContentKind.POST, text,
                                   date=parse_date(_get(record, "Date", "date")),
                                   location=clean(_get(record, "Link", "VideoLink")) or where,
                                   extra={"who_can_view": clean(record.get("WhoCanView"))})
        elif label == "comment":
            text = clean(_get(record, "comment", "Comment"))
            if text:
                yield reading.item(ContentKind.COMMENT, text,
                                   date=parse_date(_get(record, "date", "Date")),
                                   location=clean(_get(record, "url", "Link")) or where)
        elif label == "message":
            text = clean(_get(record, "Content", "content"))
            if text:
                yield reading.item(ContentKind.MESSAGE, text,
                                   date=parse_date(_get(record, "Date", "date")), location=where,
                                   handle=clean(record.get("From")) or None)
