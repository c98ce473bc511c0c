"""How dates, times and counts are written wherever a person reads them.

One house style, written once here and used by the templates (``web/templatetags/formatting``,
loaded as a builtin), the Python strings of messages and emails, and the CSV exports:

- a date: "4 December 2026" (no leading zero, month in full: nothing to misread as US order);
- a date and time: "4 December 2026, 14:05", on the 24-hour clock, always in the site's time
  zone (``TIME_ZONE``, Europe/London) whatever the server's own clock says;
- a count: "1 minute", "2 minutes", "1,204 findings" (``count_text``).

CSV cells are the one exception, on purpose: a CSV is read by a spreadsheet before a person,
so dates go in ISO 8601 ("2026-12-04", "2026-12-04 14:05", local time), which Excel and
LibreOffice turn into real, sortable dates in any locale (see ``csv_value``).
"""

import datetime
from typing import Any

from django.utils import timezone

# Django's own format strings, for the ``date`` filter and the locale format module.
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
MONTH_FORMAT = "F Y"
EXIF_DATETIME = "%Y:%m:%d %H:%M:%S"


def _local(value: datetime.datetime) -> datetime.datetime:
    """The moment in the site's time zone; a naive value is taken to be local already."""
    return timezone.localtime(value) if timezone.is_aware(value) else value


def date_text(value: datetime.date | datetime.datetime | None) -> str:
    """ "4 December 2026"; the local day of a datetime; "" for no date."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = _local(value).date()
    return f"{value.day} {value:%B %Y}"


def datetime_text(value: datetime.datetime | datetime.date | None) -> str:
    """ "4 December 2026, 14:05" in the site's time zone; a bare date is written as a date."""
    if value is None:
        return ""
    if not isinstance(value, datetime.datetime):
        return date_text(value)
    local = _local(value)
    return f"{date_text(local)}, {local:%H:%M}"


def month_text(value: datetime.date | None) -> str:
    """ "December 2026"."""
    return "" if value is None else f"{value:%B %Y}"


def exif_datetime_text(value: str) -> str:
    """A photo's EXIF time ("2026:06:01 15:30:00") in the house style, as the camera's clock
    read it (EXIF records no time zone); anything unparseable is shown as it is."""
    try:
        moment = datetime.datetime.strptime(value.strip(), EXIF_DATETIME)
    except ValueError:
        return value
    return datetime_text(moment)


def count_text(count: int, singular: str, plural: str | None = None) -> str:
    """ "1 minute", "2 minutes", "0 findings", "3 people" (with ``plural`` for the irregular)."""
    noun = singular if count == 1 else (plural or f"{singular}s")
    return f"{count:,} {noun}"


def csv_value(value: Any) -> Any:
    """A cell's value for a CSV: dates and times in ISO 8601 (local time, to the minute)."""
    if isinstance(value, datetime.datetime):
        return f"{_local(value):%Y-%m-%d %H:%M}"
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value
