"""Instagram's JSON export, 2021 to the 2025 layout.

Posts ``(your_instagram_activity/)(content|media)/posts_N.json``; comments
``post_comments(_N).json`` in two shapes; profile ``personal_information.json``
(``profile_user[].string_map_data`` keyed by English labels whose case drifts); followers in
paginated ``followers_N.json`` and ``following.json`` where the user name moved from
``value`` to ``title`` to the ``href``. Strings are repaired from Meta's mis-encoded UTF-8.
"""

import re
from collections.abc import Iterator
from typing import Any, BinaryIO
from urllib.parse import urlparse

from safepractice.engine import Content, ContentKind, ProfileField

from ..archive import Member
from ..jsonstream import records, whole
from ..photos import from_json, is_photo
from ..text import clean, from_epoch, repair
from .base import Reading

PLATFORM = "instagram"

POSTS = re.compile(r"(^|/)(posts|stories|reels)(_\d+)?\.json$")
COMMENTS = re.compile(r"(^|/)(post_)?comments(_\d+)?\.json$")
PROFILE = re.compile(r"(^|/)personal_information\.json$")
LOCATION = re.compile(r"(^|/)(account|profile)_based_in\.json$")
CONNECTIONS = {
    re.compile(r"(^|/)followers(_\d+)?\.json$"): ("relationships_followers", "follower"),
    re.compile(r"(^|/)following(_\d+)?\.json$"): ("relationships_following", "following"),
    re.compile(r"(^|/)close_friends\.json$"): ("relationships_close_friends", "close friend"),
}
MARKERS = ("your_instagram_activity/", "followers_and_following/", "personal_information/",
           "information_about_you/", "account_information/")
PROFILE_FIELDS = {
    "name": (ProfileField.NAME, "Name"),
    "username": (ProfileField.NAME, "Username"),
    "bio": (ProfileField.BIO, "Bio"),
    "website": (ProfileField.OTHER, "Website"),
    "email": (ProfileField.OTHER, "Email"),
    "phone number": (ProfileField.OTHER, "Phone number"),
    "city name": (ProfileField.LOCATION, "City"),
    "town/city name": (ProfileField.LOCATION, "Town or city"),
}


def score(names: list[str]) -> int:
    hits = sum(1 for name in names if any(marker in name for marker in MARKERS))
    hits += sum(3 for name in names if "instagram" in name or "followers_and_following" in name)
    return hits


def read(reading: Reading) -> Iterator[Content]:
    archive = reading.archive
    for member in archive.find(lambda m: bool(PROFILE.search(m.lower) or LOCATION.search(m.lower))):
        # Threads keeps its own personal_information.json; its fields read the same way.
        yield from reading.each(member, lambda s, m=member: _profile(reading, m, s))
    for member in archive.find(lambda m: bool(POSTS.search(m.lower))):
        yield from reading.each(member, lambda s, m=member: _posts(reading, m, s))
    for member in archive.find(lambda m: bool(COMMENTS.search(m.lower))):
        yield from reading.each(member, lambda s, m=member: _comments(reading, m, s))
    for pattern, (key, relation) in CONNECTIONS.items():
        for member in archive.find(lambda m, p=pattern: bool(p.search(m.lower))):
            if "/threads/" in member.lower:
                continue
            yield from reading.each(
                member, lambda s, m=member, k=key, r=relation: _connections(reading, m, s, k, r)
            )


def _posts(reading: Reading, member: Member, stream: BinaryIO) -> Iterator[Content]:
    for record in records(stream, "ig_stories", "ig_reels_media",
                                     max_depth=reading.max_depth):
        if not isinstance(record, dict):
            continue
        record = repair(record)
        media = [m for m in record.get("media") or [] if isinstance(m, dict)]
        # A carousel keeps its caption at the top; a single image keeps it in media[0].
        caption = clean(record.get("title")) or (clean(media[0].get("title")) if media else "")
        date = from_epoch(record.get("creation_timestamp")) or (
            from_epoch(media[0].get("creation_timestamp")) if media else None
        )
        first_uri = clean(media[0].get("uri")) if media else member.name
        if caption:
            yield reading.item(ContentKind.POST, caption, date=date, location=first_uri)
        for item in media:
            uri = clean(item.get("uri"))
            if not is_photo(uri):
                continue
            photo: dict[str, Any] = {}
            metadata = item.get("media_metadata")
            if isinstance(metadata, dict):
                photo_metadata = metadata.get("photo_metadata") or {}
                exif = photo_metadata.get("exif_data") if isinstance(photo_metadata, dict) else None
                if isinstance(exif, list):
                    for entry in exif:
                        photo |= from_json(entry)
            photo |= from_json({"latitude": item.get("latitude"),
                                "longitude": item.get("longitude")})
            photo |= reading.photo_file_metadata(uri)
            yield reading.item(
                ContentKind.PHOTO, "" if len(media) == 1 else clean(item.get("title")),
                date=from_epoch(item.get("creation_timestamp")) or date, location=uri,
                photo=photo,
            )


def _comments(reading: Reading, member: Member, stream: BinaryIO) -> Iterator[Content]:
    for record in records(stream, "comments_media_comments", "comments_reels_comments",
                                     max_depth=reading.max_depth):
        if not isinstance(record, dict):
            continue
        record = repair(record)
        string_map = record.get("string_map_data")
        if isinstance(string_map, dict):  # 2024+
            fields = {k.lower(): v for k, v in string_map.items() if isinstance(v, dict)}
            text = clean(fields.get("comment", {}).get("value"))
            owner = clean(fields.get("media owner", {}).get("value"))
            if text:
                yield reading.item(
                    ContentKind.COMMENT, text,
                    date=from_epoch(fields.get("time", {}).get("timestamp")),
                    location=member.name, extra={"media_owner": owner},
                )
            continue
        for entry in record.get("string_list_data") or []:  # 2021–22
            if isinstance(entry, dict) and entry.get("value"):
                yield reading.item(
                    ContentKind.COMMENT, clean(entry["value"]),
                    date=from_epoch(entry.get("timestamp")), location=member.name,
                    extra={"media_owner": clean(record.get("title"))},
                )


def _profile(reading: Reading, member: Member, stream: BinaryIO) -> Iterator[Content]:
    document = repair(whole(stream, reading.max_depth))
    if not isinstance(document, dict):
        return
    for key, entries in document.items():
        if not isinstance(entries, list):
            entries = [entries]
        for entry in entries:
            string_map = entry.get("string_map_data") if isinstance(entry, dict) else None
            if not isinstance(string_map, dict):
                continue
            for label, value in string_map.items():
                known = PROFILE_FIELDS.get(label.lower())
                text = clean(value.get("value")) if isinstance(value, dict) else ""
                if known and text:
                    kind, nice = known
                    yield reading.profile(kind, text, member.name,
                                          nice if "threads" not in key else f"Threads {nice}")


def username_of(entry: dict[str, Any]) -> str:
    """``value``, then ``title``, then the last part of ``href`` (late-2025 exports)."""
    listed = entry.get("string_list_data")
    first = listed[0] if isinstance(listed, list) and listed and isinstance(listed[0], dict) else {}
    if first.get("value"):
        return clean(first["value"])
    if entry.get("title"):
        return clean(entry["title"])
    href = clean(first.get("href"))
    return urlparse(href).path.rstrip("/").rsplit("/", 1)[-1] if href else ""


def _connections(reading: Reading, member: Member, stream: BinaryIO, key: str, relation: str
                 ) -> Iterator[Content]:
    for record in records(stream, key, max_depth=reading.max_depth):
        if not isinstance(record, dict):
            continue
        record = repair(record)
        username = username_of(record)
        if not username:
            continue
        listed = record.get("string_list_data") or [{}]
        first = listed[0] if isinstance(listed[0], dict) else {}
        yield reading.item(
            ContentKind.CONNECTION, username, handle=username,
            date=from_epoch(first.get("timestamp")),
            location=clean(first.get("href")) or f"https://www.instagram.com/{username}",
            extra={"relation": relation},
        )
