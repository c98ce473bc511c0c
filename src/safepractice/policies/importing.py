"""Reading a policy file (plain text, Markdown or .docx) into text, and what it says of itself.

Pure Python, no Django. A .docx is read with zipfile and ElementTree, defensively: bounded
sizes, no external entities, a clear ``PolicyImportError`` for anything that is not a sound
Word document.
"""

import datetime
import hashlib
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from xml.etree import ElementTree

from safepractice.errors import ApplicationError

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_DOCUMENT_XML_BYTES = 20 * 1024 * 1024
WORD_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MONTHS = {
    name.lower(): number
    for number, name in enumerate(
        ["January", "February", "March", "April", "May", "June", "July", "August",
         "September", "October", "November", "December"], start=1)
}


class PolicyImportError(ApplicationError):
    """The file cannot be read as a policy; the message says why, for the person uploading."""

    status = 422


@dataclass(frozen=True)
class ImportedPolicy:
    text: str
    text_format: str  # "text" or "markdown"
    title: str
    adopted_on: datetime.date | None = None
    review_on: datetime.date | None = None
    read_with: list[str] = field(default_factory=list)


def normalise(text: str) -> str:
    """The form that is hashed: NFC, Unix line ends, no trailing spaces, no outer blank lines."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n") + "\n"


def content_hash(text: str) -> str:
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()


def read_policy_file(data: bytes, filename: str) -> ImportedPolicy:
    if not data:
        raise PolicyImportError("The file is empty.")
    if len(data) > MAX_FILE_BYTES:
        raise PolicyImportError("The file is larger than 5 MB; a policy is never that long.")
    suffix = filename.lower().rsplit(".", 1)[-1] if "." in filename else ""
    if suffix == "docx":
        text, text_format = docx_text(data), "text"
    elif suffix in {"txt", "text", ""}:
        text, text_format = _decode(data), "text"
    elif suffix in {"md", "markdown"}:
        text, text_format = _decode(data), "markdown"
    elif suffix == "doc":
        raise PolicyImportError(
            "This is an old Word .doc file. Save it as .docx (Word: File › Save As) and try again."
        )
    else:
        raise PolicyImportError(
            f"A .{suffix} file cannot be imported: use plain text (.txt), Markdown (.md) or .docx."
        )
    text = normalise(text)
    if not text.strip():
        raise PolicyImportError("The file holds no text.")
    return ImportedPolicy(
        text=text,
        text_format=text_format,
        title=_title(text),
        adopted_on=_dated_line(text, r"(?:policy|adopted|adoption)\s+date"),
        review_on=_dated_line(text, r"review\s+date"),
        read_with=_read_with(text),
    )


def _decode(data: bytes) -> str:
    if data.startswith(b"PK\x03\x04"):
        raise PolicyImportError(
            "This looks like a Word or zip file, not plain text: name it .docx to import it."
        )
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise PolicyImportError("The text is in an encoding that cannot be read; save it as UTF-8.")


def docx_text(data: bytes) -> str:
    """The paragraphs of a .docx body, list items marked "- ", tabs and breaks kept."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as error:
        raise PolicyImportError(
            "This file is not a .docx (it is not a Word document package); "
            "it may be damaged or another kind of file renamed."
        ) from error
    with archive:
        try:
            info = archive.getinfo("word/document.xml")
        except KeyError as error:
            raise PolicyImportError(
                "This zip file has no Word document inside (word/document.xml is missing)."
            ) from error
        if info.file_size > MAX_DOCUMENT_XML_BYTES:
            raise PolicyImportError("The Word document is too large to be a policy.")
        try:
            xml = archive.read(info)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError) as error:
            raise PolicyImportError("The Word document is damaged and cannot be read.") from error
    if b"<!DOCTYPE" in xml[:2000] or b"<!ENTITY" in xml:
        raise PolicyImportError("The Word document holds a DOCTYPE, which Word never writes.")
    try:
        root = ElementTree.fromstring(xml)
    except ElementTree.ParseError as error:
        raise PolicyImportError(f"The Word document is damaged ({error}).") from error
    paragraphs = []
    for paragraph in root.iter(f"{WORD_NS}p"):
        parts = []
        for node in paragraph.iter():
            if node.tag == f"{WORD_NS}t" and node.text:
                parts.append(node.text)
            elif node.tag == f"{WORD_NS}tab":
                parts.append("\t")
            elif node.tag in {f"{WORD_NS}br", f"{WORD_NS}cr"}:
                parts.append("\n")
        text = "".join(parts)
        if paragraph.find(f"{WORD_NS}pPr/{WORD_NS}numPr") is not None and text.strip():
            text = f"- {text}"
        paragraphs.append(text)
    return "\n\n".join(p for p in paragraphs if p.strip())


def _title(text: str) -> str:
    for line in text.split("\n"):
        stripped = line.strip().lstrip("#").strip()
        if "policy" in stripped.lower() and len(stripped) <= 120:
            return stripped.title() if stripped.isupper() else stripped
    first = next((line.strip() for line in text.split("\n") if line.strip()), "Policy")
    return first[:120]


def parse_month_date(value: str) -> datetime.date | None:
    """'September 2018' → 1 September 2018; '30/09/2018' and '2018-09-30' also read."""
    value = value.strip()
    if match := re.fullmatch(r"(\d{1,2})\s*(?:st|nd|rd|th)?\s+([A-Za-z]+)\s+(\d{4})", value):
        month = MONTHS.get(match[2].lower())
        if month:
            return _safe_date(int(match[3]), month, int(match[1]))
    if match := re.fullmatch(r"([A-Za-z]+)\s+(\d{4})", value):
        month = MONTHS.get(match[1].lower())
        if month:
            return datetime.date(int(match[2]), month, 1)
    if match := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", value):
        return _safe_date(int(match[3]), int(match[2]), int(match[1]))
    if match := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value):
        return _safe_date(int(match[1]), int(match[2]), int(match[3]))
    return None


def _safe_date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _dated_line(text: str, label: str) -> datetime.date | None:
    match = re.search(rf"^\s*{label}\s*[:\t ]\s*(.+?)\s*$", text, re.IGNORECASE | re.MULTILINE)
    return parse_month_date(match[1]) if match else None


def _read_with(text: str) -> list[str]:
    """The bullet list that follows '... read in conjunction with ...'."""
    match = re.search(r"read in conjunction with[^\n]*\n", text, re.IGNORECASE)
    if not match:
        return []
    names: list[str] = []
    for line in text[match.end():].split("\n"):
        stripped = line.strip()
        if not stripped:
            if names:
                break
            continue
        if not stripped.startswith(("-", "*", "•")):
            break
        name = stripped.lstrip("-*• ").strip().rstrip(";.,")
        if name:
            names.append(name[:1].upper() + name[1:])
    return names
