"""Writes for policies: import, new versions, review dates and acknowledgements."""

import datetime
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from safepractice.audit.actions import (
    ACKNOWLEDGEMENT_NAMES_VIEWED,
    POLICY_ACKNOWLEDGED,
    POLICY_IMPORTED,
    POLICY_REVIEW_DATE_SET,
)
from safepractice.audit.services import record
from safepractice.errors import ApplicationError
from safepractice.schools.models import Membership, School
from safepractice.schools.rules import is_active_member
from safepractice.web.formatting import date_text

from .importing import ImportedPolicy, content_hash, normalise, read_policy_file
from .models import (
    Acknowledgement,
    PolicyDocument,
    PolicyKind,
    PolicyVersion,
    ReviewDateChange,
)
from .selectors import current_version


class PolicyError(ApplicationError):
    """A request about a policy that cannot be done; the message says why."""


class SupersededVersion(PolicyError):
    """The version shown to the person is no longer the current one."""

    status = 409

    def __init__(self, current: PolicyVersion):
        self.current = current
        super().__init__(
            f"This is not the current version of {current.document.title}: it was replaced by "
            f"version {current.number}. Read the current version, then acknowledge that."
        )


@dataclass(frozen=True)
class ImportResult:
    document: PolicyDocument
    version: PolicyVersion
    new_version: bool
    related_created: list[str]


def _actor_user(actor: Membership | None):
    return actor.user if actor is not None else None


@transaction.atomic
def import_policy(
    school: School,
    data: bytes,
    filename: str,
    *,
    actor: Membership | None = None,
    document: PolicyDocument | None = None,
) -> ImportResult:
    """Read a file and make it the current version of ``document`` (the social media policy
    by default). Raises ``PolicyImportError`` with a reason for the person uploading."""
    imported = read_policy_file(data, filename)
    if document is None:
        document = (
            PolicyDocument.objects.filter(school=school, kind=PolicyKind.SOCIAL_MEDIA).first()
            or PolicyDocument.objects.create(
                school=school, title=imported.title, kind=PolicyKind.SOCIAL_MEDIA,
                requires_acknowledgement=True,
            )
        )
    elif document.school_id != school.id:
        raise PolicyError("That policy belongs to another school.")
    _take_dates(document, imported)
    version, new_version = add_version(
        document, imported.text, imported.text_format, source_name=filename, actor=actor
    )
    related_created = _link_related(document, imported.read_with)
    record(POLICY_IMPORTED, actor=_actor_user(actor), school=school, target=version,
           filename=filename, new_version=new_version, content_hash=version.content_hash)
    return ImportResult(document, version, new_version, related_created)


def _take_dates(document: PolicyDocument, imported: ImportedPolicy) -> None:
    if imported.adopted_on:
        document.adopted_on = imported.adopted_on
    if imported.review_on and imported.review_on != document.review_on:
        # A first date read from the text is the policy's own, not a change: as at any
        # earlier day the policy had it (``review_date_at``). A new text moving it is one.
        if document.review_on is not None:
            _note_review_date_change(document, imported.review_on)
        document.review_on = imported.review_on
    document.save()


def _note_review_date_change(document: PolicyDocument, review_on: datetime.date | None) -> None:
    """Every change of a review date leaves its previous value (``review_date_at``)."""
    if document.pk is not None:
        ReviewDateChange.objects.create(document=document, previous=document.review_on,
                                        review_on=review_on)


def _link_related(document: PolicyDocument, names: list[str]) -> list[str]:
    created = []
    for name in names:
        related = PolicyDocument.objects.filter(
            school=document.school, title__iexact=name
        ).first()
        if related is None:
            related = PolicyDocument.objects.create(
                school=document.school, title=name, kind=PolicyKind.RELATED
            )
            created.append(name)
        document.read_with.add(related)
    return created


@transaction.atomic
def add_version(
    document: PolicyDocument,
    text: str,
    text_format: str = "text",
    *,
    source_name: str = "",
    actor: Membership | None = None,
) -> tuple[PolicyVersion, bool]:
    """A new current version, unless the text is the same as the current one."""
    text = normalise(text)
    digest = content_hash(text)
    # Lock the document so two uploads at once cannot take the same number.
    PolicyDocument.objects.select_for_update().filter(pk=document.pk).first()
    current = current_version(document)
    if current is not None and current.content_hash == digest:
        return current, False
    version = PolicyVersion.objects.create(
        document=document,
        number=(current.number + 1) if current else 1,
        text=text,
        text_format=text_format,
        content_hash=digest,
        source_name=source_name,
        created_by=actor,
    )
    return version, True


def set_review_date(
    document: PolicyDocument, review_on: datetime.date, *, actor: Membership | None = None
) -> PolicyDocument:
    if document.adopted_on and review_on <= document.adopted_on:
        raise PolicyError(
            f"The review date ({date_text(review_on)}) must be after the adoption date "
            f"({date_text(document.adopted_on)})."
        )
    previous = document.review_on
    _note_review_date_change(document, review_on)
    document.review_on = review_on
    document.save(update_fields=["review_on"])
    record(POLICY_REVIEW_DATE_SET, actor=_actor_user(actor), school=document.school,
           target=document, previous=previous, review_on=review_on)
    return document


def acknowledge(membership: Membership, version: PolicyVersion) -> Acknowledgement:
    """Record that ``membership`` read and acknowledged exactly ``version``.

    Refused if the version is not the current one (a stale tab), or the person is not in the
    policy's scope at its school.
    """
    document = version.document
    if membership.school_id != document.school_id or not is_active_member(membership):
        raise PolicyError("Only current members of this school acknowledge its policies.")
    current = current_version(document)
    if current is None or current.pk != version.pk:
        raise SupersededVersion(current)
    try:
        with transaction.atomic():
            acknowledgement, created = Acknowledgement.objects.get_or_create(
                version=version, membership=membership,
                defaults={"content_hash": version.content_hash,
                          "acknowledged_at": timezone.now()},
            )
    except IntegrityError:  # a double click racing itself
        acknowledgement = Acknowledgement.objects.get(version=version, membership=membership)
        created = False
    if created:
        record(POLICY_ACKNOWLEDGED, actor=membership.user, school=document.school,
               target=version, content_hash=version.content_hash)
    return acknowledgement


def record_acknowledgement_names_viewed(document: PolicyDocument, viewer: Membership) -> None:
    """Who has not yet acknowledged a policy names people: seeing the names is audited, the
    counts are not."""
    record(ACKNOWLEDGEMENT_NAMES_VIEWED, actor=viewer.user, school=viewer.school,
           target=document)
