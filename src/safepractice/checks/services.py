"""Checking text and photos, and saving a check when its owner asks. Nothing else is stored."""

import base64
import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from safepractice.audit.actions import CHECK_DELETED, CHECK_SAVED, SAVED_CHECK_VIEWED
from safepractice.audit.services import record
from safepractice.engine import Content, ContentKind, Finding, ProfileField, Recipient
from safepractice.engine.checker import safer_text
from safepractice.engine.photo import (
    PhotoError,
    PhotoReport,
    check_size,
    open_image,
    read_photo,
    strip_metadata,
)
from safepractice.engine.sending import SendAdvice
from safepractice.errors import ApplicationError
from safepractice.schools.models import Membership, School
from safepractice.web.throttle import DAY, MINUTE, Limit, take

from .context import checker_for
from .models import MAX_TEXT_CHARS, SavedCheck

# Ten 12 MP phone photos. Each image is held to the engine's MAX_PIXELS (40 MP) on its own,
# but ten of those would still cost ~25 s of decoding in one request on a busy machine.
MAX_PIXELS_PER_CHECK = 120_000_000


class CheckError(ApplicationError):
    status = 413  # the one refusal: a text over the length limit


def photo_quota() -> Limit:
    """Photos one member may check in a day, on the web page and through the API together."""
    per_day = settings.PHOTO_CHECK_PHOTOS_PER_DAY
    return Limit("photo-check-photos", per_day, DAY, f"You can check {per_day} photos a day.")


def photo_check_rate() -> Limit:
    """Photo checks one member may send a minute from the web page (API tokens have their own)."""
    per_minute = settings.PHOTO_CHECKS_PER_MINUTE
    return Limit("photo-check-requests", per_minute, MINUTE,
                 f"You can send {per_minute} photo checks a minute.")


@dataclass(frozen=True)
class TextCheck:
    text: str
    kind: ContentKind
    recipient: Recipient | None
    findings: list[Finding]
    # None when the engine says the text must not be sent: no rewritten version exists then.
    safer_text: str | None
    advice: SendAdvice

    def findings_as_dicts(self) -> list[dict]:
        return [f.as_dict() for f in self.findings]


@dataclass(frozen=True)
class PhotoCheck:
    name: str
    report: PhotoReport
    findings: list[Finding]
    cleaned: bytes
    cleaned_type: str
    cleaned_name: str
    notes: list[str] = field(default_factory=list)

    @property
    def cleaned_base64(self) -> str:
        return base64.b64encode(self.cleaned).decode("ascii")


def check_text(
    school: School,
    text: str,
    kind: ContentKind | str = ContentKind.POST,
    recipient: Recipient | str | None = None,
    profile_field: ProfileField | str | None = None,
) -> TextCheck:
    """Run the school's checker over one piece of text. Stores and logs nothing."""
    if len(text) > MAX_TEXT_CHARS:
        raise CheckError(
            f"The text is {len(text):,} characters; the limit is {MAX_TEXT_CHARS:,}."
        )
    kind = ContentKind(kind)
    recipient = Recipient(recipient) if recipient else None
    content = Content(
        text=text,
        kind=kind,
        recipient=recipient if kind == ContentKind.MESSAGE else None,
        profile_field=ProfileField(profile_field) if profile_field else None,
    )
    checker = checker_for(school)
    findings = checker.check(content)
    advice = checker.send_advice(content, findings)
    safer = None if advice.do_not_send else safer_text(text, findings)
    return TextCheck(text, kind, content.recipient, findings, safer, advice)


def check_photo(school: School, data: bytes, name: str = "", content_type: str = "") -> PhotoCheck:
    """Report a photo's metadata and faces and make its cleaned copy. Raises ``PhotoError``."""
    report = read_photo(data, name, content_type)
    findings = checker_for(school).check(report.content(name))
    cleaned, cleaned_type, extension = strip_metadata(data, name, content_type)
    stem = (name.rsplit(".", 1)[0] if "." in name else name) or "photo"
    notes = []
    if report.faces is None:
        notes.append("Face detection is not installed on this server, so faces were not "
                     "looked for.")
    return PhotoCheck(
        name or "photo", report, findings, cleaned, cleaned_type, f"{stem}-cleaned.{extension}",
        notes,
    )


def check_photos(
    membership: Membership, uploads: Sequence[UploadedFile]
) -> tuple[list[PhotoCheck], list[tuple[str, str]]]:
    """Check photos in turn within one check's pixel budget: (results, (name, reason) refused).

    The photos count against the member's ``photo_quota`` first (``LimitReached`` if over).
    Every size is read from the file's header before any photo is decoded, so a photo that
    would take the check over ``MAX_PIXELS_PER_CHECK`` is refused without costing anything.
    """
    take(photo_quota(), membership.pk, amount=len(uploads))
    results: list[PhotoCheck] = []
    refused: list[tuple[str, str]] = []
    budget = MAX_PIXELS_PER_CHECK
    for upload in uploads:
        name, content_type = upload.name or "", upload.content_type or ""
        try:
            check_size(upload.size or 0)
            data = upload.read()
            pixels = math.prod(open_image(data, name, content_type).size)
            if pixels > budget:
                raise PhotoError(
                    f"With the photos before it, this one takes the check over the "
                    f"{MAX_PIXELS_PER_CHECK // 1_000_000} megapixels one check can read. "
                    "Check it on its own."
                )
            budget -= pixels
            results.append(check_photo(membership.school, data, name, content_type))
        except PhotoError as error:
            refused.append((name, str(error)))
    return results, refused


@transaction.atomic
def save_check(membership: Membership, result: TextCheck) -> SavedCheck:
    saved = SavedCheck.objects.create(
        membership=membership,
        kind=result.kind.value,
        recipient=result.recipient.value if result.recipient else "",
        text=result.text,
        safer_text=result.safer_text or "",
        findings=result.findings_as_dicts(),
        send_advice=result.advice.as_dict(),
    )
    record(CHECK_SAVED, actor=membership.user, school=membership.school, target=saved,
           findings=len(result.findings))
    return saved


@transaction.atomic
def delete_saved_check(saved: SavedCheck, actor) -> None:
    record(CHECK_DELETED, actor=actor, school=saved.membership.school, target=saved)
    saved.delete()


def record_saved_check_viewed(saved: SavedCheck, viewer: Membership) -> None:
    """A saved check holds the text that was checked: each opening of it is audited."""
    record(SAVED_CHECK_VIEWED, actor=viewer.user, school=viewer.school, target=saved)
