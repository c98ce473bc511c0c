"""Helpers the pattern detectors share."""

from ..content import Content, ContentKind, Recipient


def to_pupil_or_parent(content: Content) -> bool:
    return content.kind == ContentKind.MESSAGE and content.recipient in (
        Recipient.PUPIL,
        Recipient.PARENT,
    )
