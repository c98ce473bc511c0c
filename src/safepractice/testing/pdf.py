"""The text of a PDF the app made, for tests (pure Python: no poppler on a fresh machine)."""

import io
from pathlib import Path

from pypdf import PdfReader


def pdf_text(pdf: bytes | Path) -> str:
    source = pdf if isinstance(pdf, Path) else io.BytesIO(pdf)
    return "\n".join(page.extract_text() or "" for page in PdfReader(source).pages)
