"""Schemas shared by every router: errors, and findings as the CLI's batch mode gives them."""

from ninja import Schema
from pydantic import BaseModel


class FieldError(Schema):
    field: str
    loc: list[str | int]
    msg: str
    type: str = ""


class ValidationErrorOut(Schema):
    detail: list[FieldError]


class ErrorOut(Schema):
    detail: str


class FindingOut(BaseModel):
    """Plain pydantic, not ninja's ``Schema``: findings are always dicts, so the ORM-attribute
    lookup ``Schema`` wraps round every object would only cost time on each finding."""

    rule: str
    topic: str
    severity: str
    start: int
    end: int
    confidence: float
    title: str = ""
    section: str
    explanation: str
    suggestion: str
