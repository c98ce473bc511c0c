"""A member of staff's private review of their own social media archives.

``Review``, its ``ReviewArchive`` rows and its ``ReviewFinding`` rows belong to the owner
alone and are deleted with the review (by the owner, or after the retention period). The
school sees only ``ReviewCompletion``: that a review was completed, and when.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from safepractice.web.formatting import date_text


class ReviewStatus(models.TextChoices):
    QUEUED = "queued", "Waiting to start"
    RUNNING = "running", "Reading your archives"
    DONE = "done", "Complete"
    FAILED = "failed", "Could not finish"


class Review(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="social_media_reviews"
    )
    school = models.ForeignKey("schools.School", on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=10, choices=ReviewStatus.choices,
                              default=ReviewStatus.QUEUED)
    created = models.DateTimeField(default=timezone.now)
    # When a worker began reading: a review still running long after it is one a crash left.
    started = models.DateTimeField(null=True, blank=True)
    completed = models.DateTimeField(null=True, blank=True)
    expires = models.DateTimeField()
    # Progress, written by the background task so a reloaded page shows where it is.
    items_read = models.PositiveIntegerField(default=0)
    findings_found = models.PositiveIntegerField(default=0)
    current_archive = models.CharField(max_length=255, blank=True)
    problem = models.TextField(blank=True)

    class Meta:
        ordering = ["-created"]
        indexes = [models.Index(fields=["owner", "school"]), models.Index(fields=["expires"])]

    def __str__(self) -> str:
        return f"Review {self.pk}"

    @property
    def archives_read(self) -> int:
        return self.archives.filter(read=True).count()

    @property
    def is_finished(self) -> bool:
        return self.status in {ReviewStatus.DONE, ReviewStatus.FAILED}

    @property
    def has_report(self) -> bool:
        """Only a review that read every archive has a report (page and PDF); a failed one
        has its problem alone, so nothing partial passes for a complete review."""
        return self.status == ReviewStatus.DONE


class ReviewArchive(models.Model):
    """One uploaded archive. ``upload_path`` is cleared once the file has been deleted."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="archives")
    original_name = models.CharField(max_length=255)
    upload_path = models.CharField(max_length=500, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    platform = models.CharField(max_length=20, blank=True)
    items = models.PositiveIntegerField(default=0)
    by_kind = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)
    warnings = models.JSONField(default=list, blank=True)
    findings_not_kept = models.PositiveIntegerField(default=0)
    read = models.BooleanField(default=False)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.original_name


class ReviewFinding(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="findings")
    archive = models.ForeignKey(ReviewArchive, on_delete=models.CASCADE, related_name="findings")
    rule = models.CharField(max_length=80)
    topic = models.CharField(max_length=40)
    severity = models.CharField(max_length=10)
    title = models.CharField(max_length=200)
    explanation = models.TextField(blank=True)
    kind = models.CharField(max_length=12)
    platform = models.CharField(max_length=20)
    date = models.DateTimeField(null=True, blank=True)
    excerpt = models.TextField()
    mark_start = models.PositiveIntegerField(default=0)
    mark_end = models.PositiveIntegerField(default=0)
    location = models.TextField(blank=True)
    action = models.CharField(max_length=200)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.rule} ({self.platform})"

    @property
    def excerpt_parts(self) -> tuple[str, str, str]:
        """The excerpt split around the finding, so a template can mark the middle."""
        return (self.excerpt[: self.mark_start], self.excerpt[self.mark_start: self.mark_end],
                self.excerpt[self.mark_end:])


class ReviewCompletion(models.Model):
    """All the school ever learns of a review: who completed one, and when."""

    membership = models.ForeignKey("schools.Membership", on_delete=models.CASCADE,
                                   related_name="review_completions")
    completed = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-completed"]

    def __str__(self) -> str:
        return f"{self.membership} completed a review on {date_text(self.completed)}"
