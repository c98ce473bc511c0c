"""X / Twitter archive: ``data/*.js`` files, each ``window.YTD.<type>.partN = [ … ]``.

Tweets (``tweet.js`` before Nov 2022, ``tweets.js`` and ``tweets-partN.js`` after; records
wrapped as ``{"tweet": {…}}`` since 2020), ``profile.js``, ``account.js``, ``follower.js``,
``following.js`` and ``direct-messages.js``. Followers carry only a numeric account id, so a
follower can be named (and matched against the pupil roster) only when the same id appears
in a mention or a reply; the reading says how many could not be.
"""

import html
import re
from collections.abc import Iterator
from typing import Any, BinaryIO

from safepractice.engine import Content, ContentKind, ProfileField

from ..archive import Member
from ..jsonstream import records, skip_js_assignment
from ..text import clean, parse_date
from .base import Reading

PLATFORM = "x"

TWEETS = re.compile(r"(^|/)tweets?(-part\d+)?\.js$")
FOLLOW = re.compile(r"(^|/)(follower|following)(-part\d+)?\.js$")
MESSAGES = re.compile(r"(^|/)direct-messages(-group)?(-part\d+)?\.js$")
MAX_PEOPLE = 500_000  # ids remembered from mentions and replies


def score(names: list[str]) -> int:
    hits = sum(3 for n in names if n.endswith(("data/manifest.js", "data/tweets.js",
                                               "data/tweet.js", "data/follower.js")))
    hits += sum(1 for n in names if n.endswith("your archive.html"))
    hits += sum(1 for n in names if "/data/" in f"/{n}" and n.endswith(".js")) // 10
    return hits


def _records(reading: Reading, stream: BinaryIO) -> Iterator[dict[str, Any]]:
    skip_js_assignment(stream)
    for record in records(stream, max_depth=reading.max_depth):
        if isinstance(record, dict):
            yield record


def _one(reading: Reading, pattern: str) -> list[Member]:
    return reading.archive.find(lambda m: m.lower == pattern or m.lower.endswith("/" + pattern))


def read(reading: Reading) -> Iterator[Content]:
    state = {"username": "", "account_id": "", "people": {}}
    for member in _one(reading, "account.js"):
        yield from reading.each(member, lambda s, m=member: _account(reading, m, s, state))
    for member in _one(reading, "profile.js"):
        yield from reading.each(member, lambda s, m=member: _profile(reading, m, s))
    for member in reading.archive.find(lambda m: bool(TWEETS.search(m.lower))):
        yield from reading.each(member, lambda s, m=member: _tweets(reading, m, s, state))
    for member in reading.archive.find(lambda m: bool(MESSAGES.search(m.lower))):
        yield from reading.each(member, lambda s, m=member: _messages(reading, m, s))
    counts = {"all": 0, "named": 0}
    for member in reading.archive.find(lambda m: bool(FOLLOW.search(m.lower))):
        yield from reading.each(member, lambda s, m=member: _follows(reading, m, s, state, counts))
    if counts["all"] > counts["named"]:
        reading.warn(
            f"X lists followers and accounts you follow by number only: {counts['named']:,} of "
            f"{counts['all']:,} could be named from your mentions and replies. The others "
            "cannot be checked against the pupil list; look through them on X itself."
        )


def _account(reading: Reading, member: Member, stream: BinaryIO, state: dict
             ) -> Iterator[Content]:
    for record in _records(reading, stream):
        account = record.get("account") or {}
        state["username"] = clean(account.get("username"))
        state["account_id"] = clean(account.get("accountId"))
        if account.get("accountDisplayName"):
            yield reading.profile(ProfileField.NAME, clean(account["accountDisplayName"]),
                                  member.name, "Display name")


def _profile(reading: Reading, member: Member, stream: BinaryIO) -> Iterator[Content]:
    for record in _records(reading, stream):
        description = (record.get("profile") or {}).get("description") or {}
        for key, kind, label in (("bio", ProfileField.BIO, "Bio"),
                                 ("location", ProfileField.LOCATION, "Location"),
                                 ("website", ProfileField.OTHER, "Website")):
            if clean(description.get(key)):
                yield reading.profile(kind, html.unescape(clean(description[key])), member.name,
                                      label)


def _tweets(reading: Reading, member: Member, stream: BinaryIO, state: dict
            ) -> Iterator[Content]:
    people: dict[str, tuple[str, str]] = state["people"]
    for record in _records(reading, stream):
        tweet = record.get("tweet", record)
        entities = tweet.get("entities") or {}
        if len(people) < MAX_PEOPLE:
            for mention in entities.get("user_mentions") or []:
                if isinstance(mention, dict) and mention.get("id_str"):
                    people[mention["id_str"]] = (clean(mention.get("name")),
                                                 clean(mention.get("screen_name")))
            reply_to = tweet.get("in_reply_to_user_id_str")
            if reply_to and reply_to not in people:
                people[reply_to] = ("", clean(tweet.get("in_reply_to_screen_name")))
        tweet_id = clean(tweet.get("id_str") or tweet.get("id"))
        link = (f"https://x.com/{state['username'] or 'i'}/status/{tweet_id}"
                if tweet_id else member.name)
        date = parse_date(tweet.get("created_at"))
        text = html.unescape(clean(tweet.get("full_text") or tweet.get("text")))
        kind = ContentKind.COMMENT if tweet.get("in_reply_to_status_id_str") else ContentKind.POST
        if text:
            yield reading.item(kind, text, date=date, location=link,
                               extra={"retweet": text.startswith("RT @")})
        media = (tweet.get("extended_entities") or entities).get("media") or []
        for item in media:
            if not isinstance(item, dict) or item.get("type", "photo") != "photo":
                continue
            url = clean(item.get("media_url_https") or item.get("media_url"))
            file_name = f"{tweet_id}-{url.rsplit('/', 1)[-1]}" if url else ""
            photo: dict[str, Any] = {}
            for folder in ("data/tweets_media/", "data/tweet_media/"):
                photo = photo or reading.photo_file_metadata(folder + file_name)
            yield reading.item(ContentKind.PHOTO, "", date=date, location=link, photo=photo)


def _messages(reading: Reading, member: Member, stream: BinaryIO) -> Iterator[Content]:
    for record in _records(reading, stream):
        conversation = record.get("dmConversation") or {}
        for message in conversation.get("messages") or []:
            create = message.get("messageCreate") if isinstance(message, dict) else None
            if isinstance(create, dict) and clean(create.get("text")):
                yield reading.item(
                    ContentKind.MESSAGE, html.unescape(clean(create["text"])),
                    date=parse_date(create.get("createdAt")), location=member.name,
                    extra={"sender_id": clean(create.get("senderId")),
                           "recipient_id": clean(create.get("recipientId"))},
                )


def _follows(reading: Reading, member: Member, stream: BinaryIO, state: dict, counts: dict
             ) -> Iterator[Content]:
    relation = "following" if "following" in member.basename.lower() else "follower"
    for record in _records(reading, stream):
        entry = record.get(relation) or record.get("follower") or record.get("following") or {}
        account_id = clean(entry.get("accountId"))
        if not account_id:
            continue
        counts["all"] += 1
        name, screen_name = state["people"].get(account_id, ("", ""))
        if name or screen_name:
            counts["named"] += 1
        yield reading.item(
            ContentKind.CONNECTION, name or screen_name, handle=screen_name or None,
            location=clean(entry.get("userLink"))
            or f"https://twitter.com/intent/user?user_id={account_id}",
            extra={"relation": relation, "account_id": account_id},
        )
