"""Starting and deleting reviews; the limits on uploading them.

Reading a review is ``reading.run_review``, run by ``tasks.run_review_task``; clearing up
after reviews is ``cleanup``. Both sit below this module and ``tasks``, so this module queues
the task with a plain import and the task does not import this module back.
"""

from datetime import timedelta

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone

from safepractice.audit.actions import (
    REVIEW_DELETED,
    REVIEW_PDF_DOWNLOADED,
    REVIEW_STARTED,
    REVIEW_VIEWED,
)
from safepractice.audit.services import record
from safepractice.exports.limits import human_size
from safepractice.schools.models import Membership
from safepractice.web.throttle import DAY, HOUR, Limit, take

from . import uploads
from .models import Review, ReviewArchive
from .tasks import run_review_task


def retention() -> timedelta:
    return timedelta(days=getattr(settings, "REVIEW_RETENTION_DAYS", 90))


def upload_quota() -> Limit:
    """Bytes of archives one member may upload for review in a day."""
    per_day = settings.REVIEW_UPLOAD_BYTES_PER_DAY
    return Limit("review-upload-bytes", per_day, DAY,
                 f"You can upload {human_size(per_day)} of archives a day.")


def upload_rate() -> Limit:
    """Review uploads one member may start an hour from the web page."""
    per_hour = settings.REVIEW_UPLOADS_PER_HOUR
    return Limit("review-uploads", per_hour, HOUR, f"You can start {per_hour} reviews an hour.")


def start_review(*, membership: Membership, files: list[UploadedFile]) -> Review:
    """Save the uploads privately, create the review and queue its reading.

    The archives' bytes count against the member's ``upload_quota`` first (``LimitReached``).
    """
    take(upload_quota(), membership.pk, amount=sum(upload.size or 0 for upload in files))
    now = timezone.now()
    review = Review.objects.create(owner=membership.user, school=membership.school, created=now,
                                   expires=now + retention())
    for upload in files:
        path, size = uploads.save(upload)
        ReviewArchive.objects.create(review=review, original_name=upload.name[:255],
                                     upload_path=str(path), size=size)
    record(REVIEW_STARTED, actor=membership.user, school=membership.school, target=review,
           archives=len(files))
    run_review_task.enqueue(review.pk)
    return review


def delete_review(review: Review) -> None:
    for archive in review.archives.exclude(upload_path=""):
        uploads.delete(archive.upload_path)
    record(REVIEW_DELETED, actor=review.owner, school=review.school, target=review)
    review.delete()




def record_review_viewed(review: Review, viewer: Membership) -> None:
    """A finished review's report quotes the messages it found: each viewing of it is
    audited. Before that the page shows progress only, which is not."""
    if review.is_finished:
        record(REVIEW_VIEWED, actor=viewer.user, school=viewer.school, target=review)


def record_review_pdf_downloaded(review: Review, viewer: Membership) -> None:
    record(REVIEW_PDF_DOWNLOADED, actor=viewer.user, school=viewer.school, target=review)
