import datetime
import io
import zipfile
from pathlib import Path

import pytest

from safepractice.policies.importing import (
    PolicyImportError,
    content_hash,
    read_policy_file,
)

SEED = Path(__file__).resolve().parents[1] / "seed" / "social-media-policy-2017.txt"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
LISTED = '<w:pPr><w:numPr><w:ilvl w:val="0"/></w:numPr></w:pPr>'


def make_docx(paragraphs: list[tuple[str, bool]]) -> bytes:
    body = "".join(
        f"<w:p>{LISTED if listed else ''}"
        f"<w:r><w:t>{text}</w:t></w:r></w:p>"
        for text, listed in paragraphs
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml",
                         f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>')
    return buffer.getvalue()


def test_the_seed_policy_gives_its_adoption_and_review_dates():
    imported = read_policy_file(SEED.read_bytes(), SEED.name)
    assert (imported.adopted_on, imported.review_on) == (
        datetime.date(2017, 9, 1), datetime.date(2018, 9, 1))


def test_the_seed_policy_names_the_six_policies_it_is_read_with():
    imported = read_policy_file(SEED.read_bytes(), SEED.name)
    assert imported.read_with == [
        "Child protection policy", "Safeguarding policy", "Positive behaviour policy",
        "Health and safety policy", "Whistleblowing policy", "Code of conduct policy"]


def test_a_docx_is_read_paragraph_by_paragraph_with_list_items_marked():
    data = make_docx([("Staff policy", False), ("Review date\tMarch 2030", False),
                      ("Read in conjunction with:", False), ("Safeguarding policy", True)])
    imported = read_policy_file(data, "policy.docx")
    assert imported.text.split("\n\n") == [
        "Staff policy", "Review date\tMarch 2030", "Read in conjunction with:",
        "- Safeguarding policy\n"]


def test_a_docx_review_date_is_read():
    data = make_docx([("Review date\tMarch 2030", False)])
    assert read_policy_file(data, "p.docx").review_on == datetime.date(2030, 3, 1)


def test_a_corrupt_docx_is_refused_with_a_reason():
    with pytest.raises(PolicyImportError, match=r"not a \.docx"):
        read_policy_file(b"this is not a zip at all", "policy.docx")


def test_a_zip_without_a_word_document_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(PolicyImportError, match="no Word document inside"):
        read_policy_file(buffer.getvalue(), "policy.docx")


def test_a_truncated_docx_is_refused():
    data = make_docx([("Policy", False)])
    with pytest.raises(PolicyImportError):
        read_policy_file(data[: len(data) // 2], "policy.docx")


def test_a_docx_with_a_doctype_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml",
                         '<!DOCTYPE x [<!ENTITY a "aaaa">]><w:document xmlns:w="x"/>')
    with pytest.raises(PolicyImportError, match="DOCTYPE"):
        read_policy_file(buffer.getvalue(), "policy.docx")


def test_a_pdf_is_refused_naming_the_formats_accepted():
    with pytest.raises(PolicyImportError, match=r"\.txt.*\.md.*\.docx"):
        read_policy_file(b"%PDF-1.4", "policy.pdf")


def test_a_word_file_named_txt_is_refused():
    with pytest.raises(PolicyImportError, match=r"name it \.docx"):
        read_policy_file(make_docx([("Policy", False)]), "policy.txt")


def test_an_empty_file_is_refused():
    with pytest.raises(PolicyImportError, match="empty"):
        read_policy_file(b"", "policy.txt")


def test_markdown_is_kept_as_markdown():
    assert read_policy_file(b"# Policy\n\nText", "p.md").text_format == "markdown"


def test_the_hash_ignores_windows_line_ends_and_trailing_spaces():
    assert content_hash("Policy  \r\nText\r\n") == content_hash("Policy\nText")


def test_the_hash_changes_with_one_word():
    assert content_hash("Staff must not") != content_hash("Staff must")


def test_a_cp1252_file_is_read():
    imported = read_policy_file("Policy – staff’s duties".encode("cp1252"), "p.txt")
    assert "staff’s" in imported.text
