"""Builders for engine tests (the engine has no Django models, so no model factories)."""

from pathlib import Path

from safepractice.engine import Checker, Content, ContentKind, ProfileField, Recipient
from safepractice.engine.config import load_school_config
from safepractice.engine.context import SchoolContext

DATA = Path(__file__).parent / "data"
SCHOOL_TOML = DATA / "school.toml"


def school() -> SchoolContext:
    return load_school_config(SCHOOL_TOML)


def checker(context: SchoolContext | None = None) -> Checker:
    return Checker(context if context is not None else school())


def post(text: str) -> Content:
    return Content(text)


def message(text: str, to: str) -> Content:
    return Content(text, kind=ContentKind.MESSAGE, recipient=Recipient(to))


def profile(text: str, field: str = "bio") -> Content:
    return Content(text, kind=ContentKind.PROFILE, profile_field=ProfileField(field))


def connection(display_name: str, handle: str | None = None) -> Content:
    return Content(display_name, kind=ContentKind.CONNECTION, handle=handle)


def found(findings, text: str) -> list[tuple[str, str]]:
    """(rule, spanned text) for each finding: what a person would see highlighted."""
    return [(f.rule, text[f.start:f.end]) for f in findings]
