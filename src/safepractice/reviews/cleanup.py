"""Clearing up after reviews: failing those a crash interrupted, deleting expired ones and
uploads nothing points at. Called by the daily purge task and by the workers' supervisor."""

import logging
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from safepractice.audit.actions import REVIEWS_PURGED
from safepractice.audit.services import record

from . import uploads
from .models import Review, ReviewArchive, ReviewStatus

logger = logging.getLogger(__name__)


INTERRUPTED = (
    "Reading your archives was interrupted: the server stopped while it was working. Nothing "
    "from them was kept and they have been deleted. Please upload them again."
)


def recover_interrupted_reviews(*, running_is_interrupted: bool, now=None) -> int:
    """Fail each review a crash left unfinished, asking for a new upload; delete its uploads.

    Interrupted: every review "running" when ``running_is_interrupted`` (the caller knows no
    worker can be reading one: at start, or once the only default-queue worker has died); any
    review still running twice its time limit after it started; a queued review whose upload
    has gone, or that has waited longer than an upload is kept (``uploads.STALE_AFTER_SECONDS``).
    Failing rather than queueing again: a review that killed its worker would only kill the
    next one, and the uploads are deleted either way. Returns how many were failed.
    """
    now = now or timezone.now()
    running = Review.objects.filter(status=ReviewStatus.RUNNING)
    if not running_is_interrupted:
        started_before = now - timedelta(seconds=2 * settings.REVIEW_JOB_CPU_SECONDS)
        running = running.filter(started__lt=started_before)
    queued = Review.objects.filter(status=ReviewStatus.QUEUED).prefetch_related("archives")
    stale = now - timedelta(seconds=uploads.STALE_AFTER_SECONDS)
    interrupted = list(running) + [
        review for review in queued
        if review.created < stale or any(not uploads.exists(archive.upload_path)
                                          for archive in review.archives.all() if not archive.read)
    ]
    failed = 0
    for review in interrupted:
        # Only if it is still unfinished: a worker may have finished it since it was read.
        if not Review.objects.filter(pk=review.pk, status=review.status).update(
            status=ReviewStatus.FAILED, current_archive="", problem=INTERRUPTED
        ):
            continue
        for archive in review.archives.exclude(upload_path=""):
            uploads.delete(archive.upload_path)
        review.archives.update(upload_path="")
        logger.warning("Review %s was interrupted while %s; failed it.", review.pk, review.status)
        failed += 1
    return failed


def delete_orphan_uploads() -> int:
    """At start: delete uploaded archives no review points at (``uploads.sweep_unreferenced``)."""
    referenced = set(ReviewArchive.objects.exclude(upload_path="")
                     .values_list("upload_path", flat=True))
    return uploads.sweep_unreferenced(referenced)


def purge_expired_reviews(now=None) -> int:
    """Delete every review past its retention date, and uploads a dead worker left behind."""
    now = now or timezone.now()
    expired = list(Review.objects.filter(expires__lte=now))
    for review in expired:
        for archive in review.archives.exclude(upload_path=""):
            uploads.delete(archive.upload_path)
        review.delete()
    if expired:
        record(REVIEWS_PURGED, reviews=len(expired))
    uploads.sweep_stale()
    return len(expired)
