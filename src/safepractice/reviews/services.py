"""Starting, running, deleting and expiring reviews."""

import logging
import time
from datetime import timedelta

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from safepractice.audit.actions import (
    REVIEW_COMPLETED,
    REVIEW_DELETED,
    REVIEW_FAILED,
    REVIEW_PDF_DOWNLOADED,
    REVIEW_STARTED,
    REVIEW_VIEWED,
    REVIEWS_PURGED,
)
from safepractice.audit.services import record
from safepractice.checks.context import checker_for
from safepractice.engine import Checker
from safepractice.exports import ArchiveReview, Progress, review_archive
from safepractice.exports.limits import human_size
from safepractice.schools.models import Membership
from safepractice.web.throttle import DAY, HOUR, Limit, human_duration, take

from . import joblimits, uploads
from .models import Review, ReviewArchive, ReviewCompletion, ReviewFinding, ReviewStatus

logger = logging.getLogger(__name__)
PROGRESS_INTERVAL = 0.5  # seconds between progress writes


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
    from .tasks import run_review_task

    run_review_task.enqueue(review.pk)
    return review


def run_review(review_id: int) -> None:
    """Read every archive of a review; the uploads are deleted whatever happens."""
    review = Review.objects.select_related("school", "owner").filter(pk=review_id).first()
    if review is None or review.is_finished:
        return
    Review.objects.filter(pk=review.pk).update(status=ReviewStatus.RUNNING, started=timezone.now())
    try:
        checker = checker_for(review.school)  # cached per process: not the job's to pay for
        items = findings = 0
        unusable: list[tuple[str, str]] = []
        with joblimits.job_limits(cpu_seconds=settings.REVIEW_JOB_CPU_SECONDS,
                                  memory_bytes=settings.REVIEW_JOB_MEMORY_BYTES):
            for archive in review.archives.filter(read=False):
                Review.objects.filter(pk=review.pk).update(current_archive=archive.original_name)
                result = _read_archive(review, archive, checker, items, findings)
                items += result.items
                findings += len(result.findings) + result.findings_not_kept
                if not result.usable:
                    unusable.append((archive.original_name, result.error))
        if unusable:
            _fail_unusable(review, unusable)
            return
        completed = timezone.now()
        with transaction.atomic():
            Review.objects.filter(pk=review.pk).update(
                status=ReviewStatus.DONE, completed=completed, current_archive="",
                items_read=items, findings_found=findings,
            )
            membership = Membership.objects.filter(user=review.owner, school=review.school).first()
            if membership is not None:
                ReviewCompletion.objects.create(membership=membership, completed=completed)
        record(REVIEW_COMPLETED, actor=review.owner, school=review.school, target=review)
    except (joblimits.JobLimitExceeded, MemoryError) as exceeded:
        logger.warning("Review %s stopped at its limit: %r", review.pk, exceeded)
        _fail(review, _over_the_limit(exceeded))
        raise
    except Exception:
        logger.exception("Review %s failed", review.pk)
        _fail(review, "Something went wrong while reading your archives. They have been "
                      "deleted; please try again.")
        raise
    finally:
        for archive in review.archives.exclude(upload_path=""):
            uploads.delete(archive.upload_path)
            ReviewArchive.objects.filter(pk=archive.pk).update(upload_path="")


def _fail(review: Review, problem: str) -> None:
    Review.objects.filter(pk=review.pk).update(status=ReviewStatus.FAILED, current_archive="",
                                               problem=problem)


def _fail_unusable(review: Review, unusable: list[tuple[str, str]]) -> None:
    """A review with an archive it could not use fails whole, with no ``ReviewCompletion``.

    The other archives' findings are deleted rather than shown: beside an archive that was
    never checked they would read as a complete review, and they are the person's own data,
    kept no longer than needed. The reasons are the CLI's (``ArchiveReview.usable``).
    """
    reasons = [f"'{name}' could not be used: {reason}" for name, reason in unusable]
    read_too = review.archives.count() > len(unusable)
    problem = "\n".join([*reasons, (
        "So this review is not complete and does not count as done. Nothing from it was kept "
        "and the uploads have been deleted. "
        + (f"Upload all the archives again, with downloads that can be read in place of "
           f"{'the one' if len(unusable) == 1 else 'those'} above." if read_too
           else "Upload a download that can be read.")
    )])
    ReviewFinding.objects.filter(review=review).delete()
    _fail(review, problem)
    record(REVIEW_FAILED, actor=review.owner, school=review.school, target=review,
           archives_unusable=len(unusable))


def _over_the_limit(exceeded: BaseException) -> str:
    if isinstance(exceeded, MemoryError):
        what = f"more memory than a review may use ({human_size(settings.REVIEW_JOB_MEMORY_BYTES)})"
    else:
        allowed = human_duration(settings.REVIEW_JOB_CPU_SECONDS)
        what = f"longer than a review may take ({allowed} of processing)"
    return (f"Reading your archives needed {what}, so it was stopped. They have been deleted. "
            "If an archive is very large, download your data again for a shorter period, or "
            "upload the archives one at a time.")


def _read_archive(review: Review, archive: ReviewArchive, checker: Checker, items: int,
                  findings: int) -> ArchiveReview:
    """Read one archive, store what it gave, and return the reading (findings already saved)."""
    last_write = [0.0]

    def on_progress(progress: Progress) -> None:
        now = time.monotonic()
        if now - last_write[0] >= PROGRESS_INTERVAL:
            last_write[0] = now
            Review.objects.filter(pk=review.pk).update(
                items_read=items + progress.items, findings_found=findings + progress.findings
            )

    try:
        result = review_archive(archive.upload_path, checker, display_name=archive.original_name,
                                on_progress=on_progress)
    finally:
        uploads.delete(archive.upload_path)  # read or refused: the upload goes now
    archive.upload_path = ""
    archive.read = True
    archive.platform = result.platform
    archive.items = result.items
    archive.by_kind = dict(result.by_kind)
    archive.error = result.error
    archive.warnings = result.warnings
    archive.findings_not_kept = result.findings_not_kept
    archive.save()
    ReviewFinding.objects.bulk_create(
        [ReviewFinding(review=review, archive=archive, **_finding_fields(f))
         for f in result.findings],
        batch_size=500,
    )
    return result


def _finding_fields(finding) -> dict:
    return {
        "rule": finding.rule[:80], "topic": finding.topic[:40], "severity": finding.severity,
        "title": finding.title[:200], "explanation": finding.explanation, "kind": finding.kind,
        "platform": finding.platform, "date": finding.date, "excerpt": finding.excerpt,
        "mark_start": finding.mark_start, "mark_end": finding.mark_end,
        "location": finding.location, "action": finding.action[:200],
    }


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


def delete_review(review: Review) -> None:
    for archive in review.archives.exclude(upload_path=""):
        uploads.delete(archive.upload_path)
    record(REVIEW_DELETED, actor=review.owner, school=review.school, target=review)
    review.delete()


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


def record_review_viewed(review: Review, viewer: Membership) -> None:
    """A finished review's report quotes the messages it found: each viewing of it is
    audited. Before that the page shows progress only, which is not."""
    if review.is_finished:
        record(REVIEW_VIEWED, actor=viewer.user, school=viewer.school, target=review)


def record_review_pdf_downloaded(review: Review, viewer: Membership) -> None:
    record(REVIEW_PDF_DOWNLOADED, actor=viewer.user, school=viewer.school, target=review)
