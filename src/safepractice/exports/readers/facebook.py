"""Facebook "Download Your Information" (JSON), both the older and the newer layout.

2018–22: ``posts/your_posts_1.json``, ``comments_and_reactions/comments.json``,
``profile_information/profile_information.json``, ``friends_and_followers/friends.json``.
2023→: the same records under ``your_facebook_activity/…``, ``personal_information/…`` and
``connections/…``. Every string is repaired from Meta's mis-encoded UTF-8.
"""

import re
from collections.abc import Iterator
from typing import Any, BinaryIO

from safepractice.engine import Content, ContentKind, ProfileField

from ..archive import Member
from ..jsonstream import records, whole
from ..photos import from_json, is_photo
from ..text import clean, from_epoch, repair
from .base import Reading

PLATFORM = "facebook"

POSTS = re.compile(r"(^|/)your_posts(__check_ins__photos_and_videos)?(_\d+)?\.json$")
COMMENTS = re.compile(r"(^|/)comments(_and_reactions)?/comments(_\d+)?\.json$")
PROFILE = re.compile(r"(^|/)profile_information/profile_information\.json$")
CONNECTIONS = {
    # file name pattern → (list keys, relation)
    re.compile(r"(^|/)(your_)?friends\.json$"): (("friends_v2", "friends"), "friend"),
    re.compile(r"(^|/)(people_who_followed_you|followers)(_\d+)?\.json$"):
        (("followers_v3", "followers_v2", "followers"), "follower"),
    re.compile(r"(^|/)who_you(_follow|.?ve_followed)(_\d+)?\.json$"):
        (("following_v3", "following_v2", "following"), "following"),
}
MARKERS = (
    "your_facebook_activity/", "profile_information/profile_information.json",
    "friends_and_followers/", "connections/friends/", "comments_and_reactions/",
)


def score(names: list[str]) -> int:
    """How sure we are this is a Facebook export (0: not at all)."""
    hits = sum(1 for name in names if any(marker in name for marker in MARKERS))
    hits += sum(3 for name in names if POSTS.search(name))
    return hits


def read(reading: Reading) -> Iterator[Content]:
    members = reading.archive.members
    for member in reading.archive.find(lambda m: bool(PROFILE.search(m.lower))):
        yield from reading.each(member, lambda s, m=member: _profile(reading, m, s))
    for member in reading.archive.find(lambda m: bool(POSTS.search(m.lower))):
        yield from reading.each(member, lambda s, m=member: _posts(reading, m, s))
    for member in reading.archive.find(lambda m: bool(COMMENTS.search(m.lower))):
        yield from reading.each(member, lambda s, m=member: _comments(reading, m, s))
    for pattern, (keys, relation) in CONNECTIONS.items():
        for member in [m for m in members if pattern.search(m.lower)]:
            yield from reading.each(
                member, lambda s, m=member, k=keys, r=relation: _connections(reading, m, s, k, r)
            )


def _posts(reading: Reading, member: Member, stream: BinaryIO) -> Iterator[Content]:
    for record in records(stream, "status_updates", max_depth=reading.max_depth):
        if isinstance(record, dict):
            yield from _post(reading, member, repair(record))


def _post(reading: Reading, member: Member, record: dict[str, Any]) -> Iterator[Content]:
    date = from_epoch(record.get("timestamp"))
    texts = [clean(d.get("post")) for d in _dicts(record.get("data")) if d.get("post")]
    photos: list[Content] = []
    for attachment in _dicts(record.get("attachments")):
        for data in _dicts(attachment.get("data")):
            if isinstance(data.get("media"), dict):
                photo = _media(reading, data["media"], date)
                if photo is not None:
                    photos.append(photo)
            if isinstance(data.get("place"), dict):
                yield _place(reading, member, data["place"], date)
            if isinstance(data.get("external_context"), dict):
                url = clean(data["external_context"].get("url"))
                if url:
                    texts.append(url)
            if data.get("text"):
                texts.append(clean(data["text"]))
    text = "\n".join(t for t in texts if t)
    if text:
        yield reading.item(ContentKind.POST, text, date=date, location=member.name,
                           extra={"title": clean(record.get("title"))})
    yield from photos


def _media(reading: Reading, media: dict[str, Any], fallback_date) -> Content | None:
    uri = clean(media.get("uri"))
    if not is_photo(uri):
        return None
    metadata = media.get("media_metadata") or {}
    photo_metadata = metadata.get("photo_metadata") if isinstance(metadata, dict) else None
    exif: dict[str, Any] | None = None
    if isinstance(photo_metadata, dict):
        listed = photo_metadata.get("exif_data")
        exif = listed[0] if isinstance(listed, list) and listed else photo_metadata
    photo = from_json(exif)
    photo |= reading.photo_file_metadata(uri)
    caption = clean(media.get("description") or "")
    date = from_epoch(media.get("creation_timestamp")) or fallback_date
    return reading.item(ContentKind.PHOTO, caption, date=date, location=uri, photo=photo)


def _place(reading: Reading, member: Member, place: dict[str, Any], date) -> Content:
    parts = [clean(place.get("name")), clean(place.get("address"))]
    coordinate = place.get("coordinate") if isinstance(place.get("coordinate"), dict) else {}
    return reading.item(
        ContentKind.POST, "Checked in at " + ", ".join(p for p in parts if p), date=date,
        location=clean(place.get("url")) or member.name,
        extra={"check_in": True, "coordinate": coordinate},
    )


def _comments(reading: Reading, member: Member, stream: BinaryIO) -> Iterator[Content]:
    for record in records(stream, "comments_v2", "comments",
                                     max_depth=reading.max_depth):
        if not isinstance(record, dict):
            continue
        record = repair(record)
        for data in _dicts(record.get("data")):
            comment = data.get("comment")
            if isinstance(comment, dict) and comment.get("comment"):
                yield reading.item(
                    ContentKind.COMMENT, clean(comment["comment"]),
                    date=from_epoch(comment.get("timestamp") or record.get("timestamp")),
                    location=member.name, extra={"title": clean(record.get("title"))},
                )


def _connections(reading: Reading, member: Member, stream: BinaryIO, keys: tuple[str, ...],
                 relation: str) -> Iterator[Content]:
    for record in records(stream, *keys, max_depth=reading.max_depth):
        if isinstance(record, dict) and record.get("name"):
            yield reading.item(
                ContentKind.CONNECTION, clean(repair(record["name"])),
                date=from_epoch(record.get("timestamp")), location=member.name,
                extra={"relation": relation},
            )


def _profile(reading: Reading, member: Member, stream: BinaryIO) -> Iterator[Content]:
    document = repair(whole(stream, reading.max_depth))
    if not isinstance(document, dict):
        return
    profile = document.get("profile_v2") or document.get("profile") or {}
    if not isinstance(profile, dict):
        return
    where = member.name

    def field(kind: ProfileField, value: Any, label: str) -> Iterator[Content]:
        if value and clean(value):
            yield reading.profile(kind, clean(value), where, label)

    name = profile.get("name")
    yield from field(ProfileField.NAME,
                     name.get("full_name") if isinstance(name, dict) else name, "Name")
    for key, label in (("current_city", "Current city"), ("hometown", "Home town")):
        place = profile.get(key)
        yield from field(ProfileField.LOCATION,
                         place.get("name") if isinstance(place, dict) else place, label)
    for key in ("intro_bio", "about_me", "bio"):
        yield from field(ProfileField.BIO, profile.get(key), "Intro")
    for work in _dicts(profile.get("work_experiences")):
        yield from field(ProfileField.WORKPLACE, work.get("employer"), "Workplace")
        yield from field(ProfileField.JOB_TITLE, work.get("title"), "Job title")
        yield from field(ProfileField.OTHER, work.get("description"), "Work description")
    for school in _dicts(profile.get("education_experiences")):
        yield from field(ProfileField.OTHER, school.get("name"), "Education")
    for phone in _dicts(profile.get("phone_numbers")):
        yield from field(ProfileField.OTHER, phone.get("phone_number"), "Phone number")
    emails = profile.get("emails")
    if isinstance(emails, dict):
        for email in emails.get("emails") or []:
            yield from field(ProfileField.OTHER, email, "Email")
    for site in profile.get("websites") or []:
        yield from field(ProfileField.OTHER,
                         site.get("address") if isinstance(site, dict) else site, "Website")


def _dicts(value: Any) -> list[dict[str, Any]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []
