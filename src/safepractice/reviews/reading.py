"""Reading a queued review's archives: the work ``tasks.run_review_task`` does on a worker.

Below ``services`` (which queues the task) and ``tasks`` (which calls this), so starting a
review and running one do not import each other.
"""

import logging
import time

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from safepractice.audit.actions import REVIEW_COMPLETED, REVIEW_FAILED
from safepractice.audit.services import record
from safepractice.checks.context import checker_for
from safepractice.engine import Checker
from safepractice.exports import ArchiveReview, Progress, review_archive
from safepractice.exports.limits import human_size
from safepractice.schools.models import Membership
from safepractice.web.throttle import human_duration

from . import joblimits, uploads
from .models import Review, ReviewArchive, ReviewCompletion, ReviewFinding, ReviewStatus

logger = logging.getLogger(__name__)
PROGRESS_INTERVAL = 0.5  # seconds between progress writes


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

