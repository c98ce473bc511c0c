"""WhatsApp chat export: ``_chat.txt`` (iOS, in a zip with its media) or
``WhatsApp Chat with <name>.txt`` (Android).

Dates follow the phone's locale (``d/m/y``, ``m/d/yy``, ``dd.mm.yy``, ``yyyy/mm/dd``; 12- or
24-hour clocks, ``a.m.``/``PM`` after a normal, no-break or narrow no-break space), so the
day/month order is decided from the whole file before it is read. Lines without a header
continue the message before them; system lines have no author and are skipped.
"""

import re
from collections.abc import Iterator
from datetime import datetime
from typing import BinaryIO
from zoneinfo import ZoneInfo

from safepractice.engine import Content, ContentKind

from ..archive import Member
from ..photos import is_photo
from ..text import clean
from .base import Reading

PLATFORM = "whatsapp"

# Chats carry the phone's local time and no zone; the school is in the UK.
LOCAL = ZoneInfo("Europe/London")
CHAT_FILE = re.compile(r"(^|/)(_chat|whatsapp chat (with|-) [^/]*)\.txt$")
HEADER = re.compile(
    r"^\[?(?P<date>\d{1,4}[./-]\d{1,2}[./-]\d{1,4}),?\s+"
    r"(?P<time>\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:[\s\u202f\u00a0]*[aApP]\.?[\s\u202f\u00a0]?[mM]\.?)?)"
    r"(?:\]\s*|\s+[-–]\s+)(?P<rest>.*)$"
)
AUTHOR = re.compile(r"^(?P<author>[^:]{1,100}?): (?P<text>.*)$", re.DOTALL)
ATTACHED = re.compile(r"<attached: (?P<file>[^>]+)>|^(?P<file2>\S+\.\w{2,4}) \(file attached\)")
SKIP_TEXT = ("<media omitted>", "image omitted", "video omitted", "sticker omitted",
             "gif omitted", "audio omitted", "this message was deleted",
             "you deleted this message", "null")
SYSTEM_TEXT = ("messages and calls are end-to-end encrypted", "created group", "added ",
               "changed the subject", " left", "joined using this group", "changed this group",
               "security code", "changed their phone number", "removed ", "you were added")
MAX_PARTICIPANTS = 5_000
MAX_MESSAGE = 64 * 1024
_INVISIBLE = "\u200e\u200f\ufeff"


def score(names: list[str]) -> int:
    return sum(5 for n in names if CHAT_FILE.search(n))


def looks_like_chat(first_lines: list[str]) -> bool:
    """For a lone .txt upload whose name says nothing."""
    headers = sum(1 for line in first_lines if HEADER.match(line.lstrip(_INVISIBLE)))
    return headers >= max(1, len(first_lines) // 3)


def read(reading: Reading) -> Iterator[Content]:
    chats = reading.archive.find(lambda m: bool(CHAT_FILE.search(m.lower)))
    if not chats:  # a lone chat file renamed by its owner
        chats = reading.archive.find(lambda m: m.lower.endswith(".txt"))
    for member in chats:
        order = _date_order(reading, member)
        yield from reading.each(member, lambda s, m=member, o=order: _chat(reading, m, s, o))


def _date_order(reading: Reading, member: Member) -> str:
    """"dmy" unless the file shows a month-first date (second number above 12)."""
    day_first = month_first = False
    try:
        with reading.archive.open(member) as stream:
            for line in reading.text_lines(stream):
                match = HEADER.match(line.lstrip(_INVISIBLE))
                if not match:
                    continue
                first, second, _ = (int(p) for p in re.split(r"[./-]", match["date"]))
                if first > 31:
                    return "ymd"
                day_first |= first > 12
                month_first |= second > 12
                if day_first or month_first:
                    break
    except (UnicodeDecodeError, OSError, ValueError):
        pass  # the reading pass reports the damage
    return "mdy" if month_first and not day_first else "dmy"


def parse_stamp(date: str, time: str, order: str) -> datetime | None:
    parts = [int(p) for p in re.split(r"[./-]", date)]
    if order == "ymd" or parts[0] > 31:
        year, month, day = parts
    elif order == "mdy":
        month, day, year = parts
    else:
        day, month, year = parts
    if year < 100:
        year += 2000
    clock = re.sub(r"[\s\u202f\u00a0.]", "", time.lower())
    meridiem = clock[-2:] if clock.endswith(("am", "pm")) else ""
    numbers = [int(p) for p in re.split(r"[:.]", clock.removesuffix(meridiem)) if p]
    hour, minute = numbers[0], numbers[1]
    second = numbers[2] if len(numbers) > 2 else 0
    if meridiem == "pm" and hour < 12:
        hour += 12
    elif meridiem == "am" and hour == 12:
        hour = 0
    try:
        return datetime(year, month, day, hour, minute, second, tzinfo=LOCAL)
    except ValueError:
        return None


def _chat(reading: Reading, member: Member, stream: BinaryIO, order: str) -> Iterator[Content]:
    participants: dict[str, None] = {}
    current: dict | None = None
    for raw in reading.text_lines(stream):
        line = raw.rstrip("\r\n")
        match = HEADER.match(line.lstrip(_INVISIBLE))
        if match is None:
            if current is not None and len(current["text"]) < MAX_MESSAGE:
                current["text"] += "\n" + line
            continue
        if current is not None:
            yield from _emit(reading, member, current)
        current = None
        author_match = AUTHOR.match(match["rest"])
        if author_match is None:
            continue  # a system line: no author
        author = clean(author_match["author"])
        text = author_match["text"]
        if text[:1] in _INVISIBLE and not ATTACHED.search(text) and _is_system(text):
            continue
        if len(participants) < MAX_PARTICIPANTS:
            participants.setdefault(author, None)
        current = {"author": author, "text": text,
                   "date": parse_stamp(match["date"], match["time"], order)}
    if current is not None:
        yield from _emit(reading, member, current)
    for person in participants:
        yield reading.item(ContentKind.CONNECTION, person, location=member.name,
                           handle=person if person.lstrip("+").replace(" ", "").isdigit()
                           else None, extra={"relation": "chat participant"})


def _is_system(text: str) -> bool:
    lowered = clean(text).lower()
    return any(marker in lowered for marker in SYSTEM_TEXT)


def _emit(reading: Reading, member: Member, message: dict) -> Iterator[Content]:
    text = clean(message["text"].replace("<This message was edited>", ""))
    attached = ATTACHED.search(text)
    if attached:
        file_name = clean(attached["file"] or attached["file2"])
        if is_photo(file_name):
            folder = member.name.rsplit("/", 1)[0] + "/" if "/" in member.name else ""
            yield reading.item(ContentKind.PHOTO, "", date=message["date"],
                               location=folder + file_name, handle=message["author"],
                               photo=reading.photo_file_metadata(folder + file_name))
        return
    if not text or text.lower() in SKIP_TEXT:
        return
    yield reading.item(ContentKind.MESSAGE, text, date=message["date"], location=member.name,
                       handle=message["author"], extra={"author": message["author"]})
