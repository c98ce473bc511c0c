"""Text repairs and dates shared by the readers."""

import re
from datetime import UTC, datetime
from typing import Any

_INVISIBLE = dict.fromkeys(map(ord, "\u200e\u200f\ufeff"), None)


def fix_mojibake(text: str) -> str:
    """Meta writes UTF-8 bytes as ``\\u00XX`` escapes: ``Jos\\u00c3\\u00a9`` → ``José``."""
    if text.isascii():
        return text
    try:
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text  # already proper text (or not mojibake): leave it


def repair(value: Any) -> Any:
    """``fix_mojibake`` on every string (keys included) of a decoded JSON value."""
    if isinstance(value, str):
        return fix_mojibake(value)
    if isinstance(value, dict):
        return {fix_mojibake(k): repair(v) for k, v in value.items()}
    if isinstance(value, list):
        return [repair(v) for v in value]
    return value


def clean(text: Any) -> str:
    """A string for the checker: invisible direction marks gone, ends trimmed."""
    if text is None:
        return ""
    return str(text).translate(_INVISIBLE).replace("\r\n", "\n").strip()


def from_epoch(value: Any) -> datetime | None:
    try:
        seconds = float(value)
    except (TypeError, ValueError):
        return None
    if seconds > 1e11:  # milliseconds (Instagram messages' timestamp_ms)
        seconds /= 1000
    if seconds <= 0:
        return None
    try:
        return datetime.fromtimestamp(seconds, UTC)
    except (OverflowError, OSError, ValueError):
        return None


_FORMATS = (
    "%a %b %d %H:%M:%S %z %Y",  # X tweets: Thu Oct 06 21:49:02 +0000 2022
    "%Y-%m-%dT%H:%M:%S.%f%z",  # ISO with milliseconds and zone
    "%Y-%m-%dT%H:%M:%S%z",
    "%Y-%m-%d %H:%M:%S %Z",  # TikTok/Snapchat "… UTC"
    "%Y-%m-%d %H:%M:%S %z",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d",
    "%d %b %Y",  # LinkedIn Connected On: 22 Dec 2025
    "%b %Y",  # LinkedIn Positions: Mar 2023
    "%m/%d/%y, %I:%M %p",  # LinkedIn 2018: 1/8/18, 6:14 PM
    "%a %b %d %H:%M:%S %Z %Y",  # LinkedIn Company Follows
)


def parse_date(value: Any) -> datetime | None:
    """The many date strings of the exports, as an aware datetime (UTC when no zone)."""
    if value is None or value == "":
        return None
    if isinstance(value, int | float):
        return from_epoch(value)
    text = clean(value).replace("Z", "+00:00") if isinstance(value, str) else str(value)
    if not text or text.startswith(("1969-12-31", "1970-01-01")):
        return None  # TikTok's "no date" sentinel
    if re.fullmatch(r"\d{9,13}", text):
        return from_epoch(text)
    for fmt in _FORMATS:
        try:
            parsed = datetime.strptime(text, fmt)
        except ValueError:
            continue
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
