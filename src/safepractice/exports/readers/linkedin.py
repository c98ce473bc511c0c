"""LinkedIn data export: UTF-8 CSV files.

``Connections.csv`` opens with a "Notes:" preamble whose wording varies, so lines are skipped
until the header. ``Shares.csv`` wraps every line of a multi-line post in doubled quotes, which
leaves stray ``"`` after parsing; they are stripped line by line. ``Comments.csv`` became
``Comments_<memberId>.csv`` in 2026.
"""

import csv
import re
from collections.abc import Iterator
from typing import BinaryIO

from safepractice.engine import Content, ContentKind, ProfileField

from ..archive import Member
from ..text import clean, parse_date
from .base import Reading

PLATFORM = "linkedin"

FILES = {
    "connections": re.compile(r"(^|/)connections\.csv$"),
    "profile": re.compile(r"(^|/)profile\.csv$"),
    "positions": re.compile(r"(^|/)positions\.csv$"),
    "education": re.compile(r"(^|/)education\.csv$"),
    "shares": re.compile(r"(^|/)shares\.csv$"),
    "comments": re.compile(r"(^|/)comments(_\w+)?\.csv$"),
    "phones": re.compile(r"(^|/)(phonenumbers|whatsapp phone numbers)\.csv$"),
    "messages": re.compile(r"(^|/)messages\.csv$"),
}
HEADERS = {
    "connections": "First Name",
    "profile": "First Name",
    "positions": "Company Name",
    "education": "School Name",
    "shares": "Date",
    "comments": "Date",
    "phones": "Extension",
    "messages": "CONVERSATION ID",
}


def score(names: list[str]) -> int:
    known = ("connections.csv", "profile.csv", "positions.csv", "shares.csv", "education.csv",
             "invitations.csv", "skills.csv")
    return sum(2 for n in names if n.rsplit("/", 1)[-1] in known)


def read(reading: Reading) -> Iterator[Content]:
    for kind in ("profile", "positions", "education", "phones", "shares", "comments",
                 "messages", "connections"):
        for member in reading.archive.find(lambda m, k=kind: bool(FILES[k].search(m.lower))):
            yield from reading.each(member, lambda s, m=member, k=kind: _file(reading, m, s, k))


def rows(reading: Reading, stream: BinaryIO, first_column: str) -> Iterator[dict[str, str]]:
    """CSV rows after the header line (anything before it, like a preamble, is skipped)."""
    lines = reading.text_lines(stream)
    for line in lines:
        if line.lstrip('"').startswith(first_column):
            header = next(csv.reader([line]))
            break
    else:
        return
    for row in csv.DictReader(lines, fieldnames=header):
        yield {k: (v or "") for k, v in row.items() if isinstance(k, str)}


def strip_share_quotes(text: str) -> str:
    """Undo Shares.csv's doubled quotes around every line of a multi-line post."""
    lines = [line.strip().removeprefix('"').removesuffix('"') for line in text.splitlines()]
    return "\n".join("" if line == '""' else line for line in lines).strip()


def _file(reading: Reading, member: Member, stream: BinaryIO, kind: str) -> Iterator[Content]:
    where = member.name
    for row in rows(reading, stream, HEADERS[kind]):
        if kind == "connections":
            name = clean(f"{row.get('First Name', '')} {row.get('Last Name', '')}")
            if name:
                yield reading.item(
                    ContentKind.CONNECTION, name, handle=clean(row.get("URL")) or None,
                    date=parse_date(row.get("Connected On")),
                    location=clean(row.get("URL")) or where,
                    extra={"relation": "connection", "company": clean(row.get("Company")),
                           "position": clean(row.get("Position"))},
                )
        elif kind == "profile":
            for column, field_, label in (
                ("Headline", ProfileField.JOB_TITLE, "Headline"),
                ("Summary", ProfileField.BIO, "Summary"),
                ("Address", ProfileField.LOCATION, "Address"),
                ("Geo Location", ProfileField.LOCATION, "Location"),
                ("Zip Code", ProfileField.LOCATION, "Postcode"),
                ("Websites", ProfileField.OTHER, "Websites"),
            ):
                if clean(row.get(column)):
                    yield reading.profile(field_, clean(row[column]), where, label)
        elif kind == "positions":
            for column, field_, label in (
                ("Company Name", ProfileField.WORKPLACE, "Workplace"),
                ("Title", ProfileField.JOB_TITLE, "Job title"),
                ("Description", ProfileField.OTHER, "Job description"),
            ):
                if clean(row.get(column)):
                    yield reading.profile(field_, clean(row[column]), where, label)
        elif kind == "education":
            if clean(row.get("School Name")):
                yield reading.profile(ProfileField.OTHER, clean(row["School Name"]), where,
                                      "Education")
        elif kind == "phones":
            if clean(row.get("Number")):
                yield reading.profile(ProfileField.OTHER, clean(row["Number"]), where,
                                      "Phone number")
        elif kind == "shares":
            text = strip_share_quotes(row.get("ShareCommentary", ""))
            if text:
                yield reading.item(ContentKind.POST, text, date=parse_date(row.get("Date")),
                                   location=clean(row.get("ShareLink")) or where,
                                   extra={"visibility": clean(row.get("Visibility"))})
        elif kind == "comments":
            if clean(row.get("Message")):
                yield reading.item(ContentKind.COMMENT, clean(row["Message"]),
                                   date=parse_date(row.get("Date")),
                                   location=clean(row.get("Link")) or where)
        elif kind == "messages" and clean(row.get("CONTENT")):
            yield reading.item(ContentKind.MESSAGE, clean(row["CONTENT"]),
                               date=parse_date(row.get("DATE")), location=where,
                               handle=clean(row.get("FROM")) or None,
                               extra={"to": clean(row.get("TO"))})
