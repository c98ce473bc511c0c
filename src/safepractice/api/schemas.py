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


# What any operation may answer besides its own outcomes, for its ``response`` dict (django-ninja
# documents none of these by itself): no or a bad token, parameters or a body that do not fit
# the schema (``ValidationErrorOut``, from ``main.validation_error``), the rate limit.
ERRORS: dict[int, type] = {401: ErrorOut, 422: ValidationErrorOut, 429: ErrorOut}
# ...and an operation that reads a body: one that cannot be parsed, or one over the size limit.
BODY_ERRORS: dict[int, type] = {**ERRORS, 400: ErrorOut, 413: ErrorOut}


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
