"""Reading pupil and staff rosters from the CSV files school MIS systems export.

MIS exports differ in headers ("Legal Surname", "Surname", "Last Name"…), encodings (UTF-8
with or without a BOM, or Windows-1252 from Excel) and delimiters. We map headers to fields,
validate every row with its line number, and import all or nothing.
"""

import csv
import datetime
import io
import re
from dataclasses import dataclass, field

from safepractice.errors import ApplicationError

from .models import PupilStatus, Role, StaffCategory

MAX_ROSTER_BYTES = 20 * 1024 * 1024

PUPIL_HEADERS = {
    "external_id": ["upn", "unique pupil number", "adno", "admission number", "pupil id",
                    "mis id", "id", "student id"],
    "first_name": ["legal forename", "forename", "first name", "firstname", "given name",
                   "legal first name"],
    "last_name": ["legal surname", "surname", "last name", "lastname", "family name"],
    "preferred_name": ["preferred forename", "preferred name", "known as", "chosen name"],
    "year_group": ["year", "year group", "nc year actual", "nc year", "curriculum year",
                   "yeargroup"],
    "leaving_date": ["leaving date", "date of leaving", "left", "leave date", "date left"],
    "status": ["status", "enrolment status", "on roll"],
}
PUPIL_REQUIRED = ("external_id", "first_name", "last_name")

STAFF_HEADERS = {
    "external_id": ["staff id", "staff code", "id", "employee number", "payroll number"],
    "first_name": ["forename", "first name", "legal forename", "preferred forename",
                   "given name"],
    "last_name": ["surname", "last name", "legal surname", "family name"],
    "email": ["email", "e-mail", "email address", "work email", "school email"],
    "staff_category": ["category", "staff category", "staff type", "employment type",
                       "role type"],
    "job_title": ["job title", "post", "role", "position"],
    "roles": ["duty roles", "responsibilities", "roles"],
}
STAFF_REQUIRED = ("first_name", "last_name", "email", "staff_category")

CATEGORY_WORDS = {
    "teacher": StaffCategory.TEACHER, "teaching": StaffCategory.TEACHER,
    "therapist": StaffCategory.THERAPIST, "support": StaffCategory.SUPPORT,
    "support staff": StaffCategory.SUPPORT, "teaching assistant": StaffCategory.SUPPORT,
    "ta": StaffCategory.SUPPORT, "supply": StaffCategory.SUPPLY,
    "supply staff": StaffCategory.SUPPLY, "administration": StaffCategory.ADMINISTRATION,
    "admin": StaffCategory.ADMINISTRATION, "administration staff": StaffCategory.ADMINISTRATION,
    "site": StaffCategory.SITE, "site staff": StaffCategory.SITE,
    "caretaker": StaffCategory.SITE, "governor": StaffCategory.GOVERNOR,
    "volunteer": StaffCategory.VOLUNTEER, "contractor": StaffCategory.CONTRACTOR,
}
ROLE_WORDS = {
    "head": Role.HEAD_TEACHER, "head teacher": Role.HEAD_TEACHER, "headteacher": Role.HEAD_TEACHER,
    "dsl": Role.DSL, "designated safeguarding lead": Role.DSL, "slt": Role.SLT,
    "senior leadership": Role.SLT, "line manager": Role.LINE_MANAGER,
    "line-manager": Role.LINE_MANAGER, "ict": Role.ICT_COORDINATOR,
    "ict coordinator": Role.ICT_COORDINATOR, "governor": Role.GOVERNING_BOARD,
    "governing board": Role.GOVERNING_BOARD,
}
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
DATE_FORMATS = ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y", "%d/%m/%y")


class RosterError(ApplicationError):
    """A roster that cannot be imported; ``line`` is the file's line number, if any."""

    status = 422

    def __init__(self, message: str, line: int | None = None) -> None:
        self.line = line
        super().__init__(f"Line {line}: {message}" if line else message)


@dataclass
class ParsedRoster:
    kind: str
    rows: list[dict] = field(default_factory=list)
    duplicates_skipped: int = 0
    encoding: str = "utf-8"


def decode(data: bytes) -> tuple[str, str]:
    if not data.strip():
        raise RosterError("The file is empty.")
    if len(data) > MAX_ROSTER_BYTES:
        raise RosterError(
            f"The file is {len(data) / 1_048_576:.1f} MB; the limit is 20 MB."
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # Excel's "Unicode text" export is UTF-16 with a byte-order mark.
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as broken:
            raise RosterError("The file says it is UTF-16 but is damaged.") from broken
    if b"\x00" in data[:4096]:
        raise RosterError("This is not a CSV file (it looks like a binary file, e.g. Excel).")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        # Excel on Windows saves "CSV" as Windows-1252.
        return data.decode("cp1252", errors="strict"), "windows-1252"


def _normalise_header(header: str) -> str:
    return re.sub(r"[\s_]+", " ", header.strip().strip('"').lower())


def _map_headers(headers: list[str], spec: dict[str, list[str]], required) -> dict[str, int]:
    positions: dict[str, int] = {}
    normalised = [_normalise_header(h) for h in headers]
    for field_name, names in spec.items():
        for name in names:
            if name in normalised:
                positions[field_name] = normalised.index(name)
                break
    missing = [f for f in required if f not in positions]
    if missing:
        wanted = "; ".join(f"{f.replace('_', ' ')} (e.g. {spec[f][0]!r})" for f in missing)
        raise RosterError(
            f"Missing column(s): {wanted}. The header row was: {', '.join(headers)}.", line=1
        )
    return positions


def _parse_date(value: str, line: int, column: str) -> datetime.date | None:
    value = value.strip()
    if not value:
        return None
    for fmt in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    raise RosterError(f"{column} {value!r} is not a date (use DD/MM/YYYY).", line)


def _rows(text: str):
    sample = text[:8192]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    for row in reader:
        yield reader.line_num, row


def parse_roster(data: bytes, kind: str) -> ParsedRoster:
    if kind not in {"pupils", "staff"}:
        raise RosterError("The roster kind must be 'pupils' or 'staff'.")
    text, encoding = decode(data)
    spec, required = (
        (PUPIL_HEADERS, PUPIL_REQUIRED) if kind == "pupils" else (STAFF_HEADERS, STAFF_REQUIRED)
    )
    rows = _rows(text)
    try:
        _, headers = next(rows)
    except StopIteration as empty:
        raise RosterError("The file is empty.") from empty
    except csv.Error as bad:
        raise RosterError(f"This is not a readable CSV file: {bad}.") from bad
    positions = _map_headers(headers, spec, required)
    parsed = ParsedRoster(kind=kind, encoding=encoding)
    seen: dict[str, tuple[int, dict]] = {}
    try:
        for line, raw in rows:
            if not any(cell.strip() for cell in raw):
                continue
            values = {
                name: (raw[index].strip() if index < len(raw) else "")
                for name, index in positions.items()
            }
            row = _pupil_row(values, line) if kind == "pupils" else _staff_row(values, line)
            key = row["external_id"] or row.get("email", "")
            if key in seen:
                first_line, first = seen[key]
                if first == row:
                    parsed.duplicates_skipped += 1
                    continue
                raise RosterError(
                    f"{key!r} appears again with different details (first on line {first_line}).",
                    line,
                )
            seen[key] = (line, dict(row))
            parsed.rows.append(row | {"line": line})
    except csv.Error as bad:
        raise RosterError(f"The CSV is malformed: {bad}.") from bad
    if not parsed.rows:
        raise RosterError("The file has a header row but no people in it.")
    return parsed


def _pupil_row(values: dict, line: int) -> dict:
    for name in PUPIL_REQUIRED:
        if not values.get(name):
            raise RosterError(f"{name.replace('_', ' ')} is empty.", line)
    leaving = _parse_date(values.get("leaving_date", ""), line, "Leaving date")
    status_word = values.get("status", "").lower()
    past = leaving is not None and leaving <= datetime.date.today()
    if status_word in {"left", "leaver", "past", "former", "no", "off roll"}:
        past = True
    elif status_word in {"current", "on roll", "yes", "active"}:
        past = False
    return {
        "external_id": values["external_id"],
        "first_name": values["first_name"],
        "last_name": values["last_name"],
        "preferred_name": values.get("preferred_name", ""),
        "year_group": values.get("year_group", ""),
        "leaving_date": leaving,
        "status": PupilStatus.PAST if past else PupilStatus.CURRENT,
    }


def _staff_row(values: dict, line: int) -> dict:
    for name in STAFF_REQUIRED:
        if not values.get(name):
            raise RosterError(f"{name.replace('_', ' ')} is empty.", line)
    email = values["email"].lower()
    if not EMAIL_RE.match(email):
        raise RosterError(f"{values['email']!r} is not an email address.", line)
    category = CATEGORY_WORDS.get(values["staff_category"].strip().lower())
    if category is None:
        allowed = ", ".join(StaffCategory.labels)
        raise RosterError(
            f"Staff category {values['staff_category']!r} is not one of: {allowed}.", line
        )
    roles = set()
    for word in re.split(r"[;,/|]", values.get("roles", "")):
        word = word.strip().lower()
        if not word:
            continue
        if word not in ROLE_WORDS:
            raise RosterError(f"Duty role {word!r} is not known.", line)
        roles.add(ROLE_WORDS[word])
    return {
        "external_id": values.get("external_id", ""),
        "first_name": values["first_name"],
        "last_name": values["last_name"],
        "email": email,
        "staff_category": category,
        "job_title": values.get("job_title", ""),
        "roles": sorted(roles),
    }
