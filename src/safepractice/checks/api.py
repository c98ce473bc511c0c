"""The checks endpoints: check text, check a photo, and the owner's saved checks."""

from datetime import datetime
from enum import StrEnum
from typing import Annotated

from django.http import HttpRequest
from ninja import File, Path, Router, Schema, UploadedFile
from pydantic import BaseModel, Field

from safepractice.api.schemas import BODY_ERRORS, ERRORS, ErrorOut, FindingOut
from safepractice.engine import ContentKind, ProfileField, Recipient
from safepractice.engine.content import TEXT_KINDS

from .models import MAX_TEXT_CHARS
from .selectors import saved_check_of, saved_checks_of
from .services import check_photos, check_text, delete_saved_check, save_check

router = Router(tags=["checks"])


# The engine's text kinds, as an enum of their own so the API schema lists only those.
TextKind = StrEnum(  # type: ignore[misc]
    "TextKind", {kind.name: kind.value for kind in ContentKind if kind in TEXT_KINDS}
)


class CheckIn(Schema):
    text: str = Field(max_length=MAX_TEXT_CHARS, description="Up to 50,000 characters.")
    kind: TextKind = TextKind.POST
    recipient: Recipient | None = Field(None, description="Who a message is to.")
    profile_field: ProfileField | None = Field(None, description="Which field, for a profile.")


class SendAdviceOut(Schema):
    do_not_send: bool = Field(description="True when the text must not be sent in any form: "
                              "a grooming-risk finding, or any breach in a message to a pupil.")
    reason: str = Field(description="Why not, in plain words; empty when it may be sent.")
    talk_to: str = Field(description="Whom to talk to: the school's designated safeguarding "
                         "lead(s) by name; empty when it may be sent.")


class CheckOut(BaseModel):  # built from a dict on every check: see FindingOut
    findings: list[FindingOut]
    safer_text: str | None = Field(description="The text with the findings put right; null "
                                   "when send_advice.do_not_send (no rewritten version).")
    send_advice: SendAdviceOut


class PhotoMetadataOut(Schema):
    format: str
    mime_type: str
    width: int
    height: int
    gps: dict[str, float | None] | None
    device: dict[str, str]
    owner: dict[str, str]
    timestamps: dict[str, str]
    other_metadata: list[str]


class CleanedImageOut(Schema):
    content_type: str
    filename: str
    base64: str


class PhotoOut(Schema):
    findings: list[FindingOut]
    metadata: PhotoMetadataOut
    faces: int | None
    cleaned_image: CleanedImageOut


class SavedCheckOut(Schema):
    id: int
    created: datetime
    kind: str
    recipient: str
    text: str
    safer_text: str | None
    findings: list[FindingOut]
    send_advice: SendAdviceOut


SavedId = Annotated[int, Path(ge=1, le=2**63 - 1)]


@router.post("/check", response={200: CheckOut, **BODY_ERRORS})
def check(request: HttpRequest, payload: CheckIn):
    """Check one post, comment, profile field or message. Nothing is stored."""
    result = check_text(request.school, payload.text, payload.kind.value, payload.recipient,
                        payload.profile_field)
    return {"findings": result.findings_as_dicts(), "safer_text": result.safer_text,
            "send_advice": result.advice.as_dict()}


@router.post("/check/photo", response={200: PhotoOut, **BODY_ERRORS})
def check_photo_endpoint(request: HttpRequest, file: File[UploadedFile]):
    """Check a photo (multipart, field ``file``): location and other metadata, and faces.

    The response carries a cleaned copy with all metadata removed, base64-encoded.
    Nothing is stored.
    """
    checked, refused = check_photos(request.membership, [file])
    if refused:
        return 422, _file_error(refused[0][1])
    result = checked[0]
    report = result.report.as_dict()
    faces = report.pop("faces")
    return {
        "findings": [f.as_dict() for f in result.findings],
        "metadata": report,
        "faces": faces,
        "cleaned_image": {"content_type": result.cleaned_type, "filename": result.cleaned_name,
                          "base64": result.cleaned_base64},
    }


def _file_error(message: str) -> dict:
    return {"detail": [{"field": "file", "loc": ["body", "file"], "msg": message,
                        "type": "invalid_image"}]}


def _saved_out(saved) -> dict:
    # Checks saved before send advice was recorded have none: shown as they were saved.
    advice = saved.send_advice or {"do_not_send": False, "reason": "", "talk_to": ""}
    return {"id": saved.pk, "created": saved.created, "kind": saved.kind,
            "recipient": saved.recipient, "text": saved.text,
            "safer_text": None if saved.do_not_send else saved.safer_text,
            "findings": saved.findings, "send_advice": advice}


@router.get("/checks", response={200: list[SavedCheckOut], **ERRORS})
def list_saved(request: HttpRequest):
    """Your saved checks in the token's school (only yours)."""
    return [_saved_out(s) for s in saved_checks_of(request.membership)]


@router.post("/checks", response={201: SavedCheckOut, **BODY_ERRORS})
def save(request: HttpRequest, payload: CheckIn):
    """Check a text and save it to your checks."""
    result = check_text(request.school, payload.text, payload.kind.value, payload.recipient,
                        payload.profile_field)
    return 201, _saved_out(save_check(request.membership, result))


@router.get("/checks/{check_id}", response={200: SavedCheckOut, 404: ErrorOut, **ERRORS})
def get_saved(request: HttpRequest, check_id: SavedId):
    """One of your saved checks; anyone else's is 404."""
    return _saved_out(saved_check_of(request.membership, check_id))


@router.delete("/checks/{check_id}", response={204: None, 404: ErrorOut, **ERRORS})
def delete_saved(request: HttpRequest, check_id: SavedId):
    delete_saved_check(saved_check_of(request.membership, check_id), request.auth.membership.user)
    return 204, None
