"""Schemas shared by every router: errors, and findings as the CLI's batch mode gives them."""

from ninja import Schema


class FieldError(Schema):
    field: str
    loc: list[str | int]
    msg: str
    type: str = ""


class ValidationErrorOut(Schema):
    detail: list[FieldError]


class ErrorOut(Schema):
    detail: str


class FindingOut(Schema):
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
