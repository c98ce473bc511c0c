"""The school's policy documents, their versions and who has acknowledged which version."""

from django.db import models
from django.utils import timezone

from safepractice.schools.models import Membership, School


class PolicyKind(models.TextChoices):
    SOCIAL_MEDIA = "social-media", "Social media policy"
    RELATED = "related", "Related policy"


class PolicyDocument(models.Model):
    """A named policy of one school. Its text lives in versions; the newest is current."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="policies")
    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=PolicyKind.choices, default=PolicyKind.RELATED)
    adopted_on = models.DateField(null=True, blank=True)
    adopting_body = models.CharField(max_length=200, blank=True, default="Governing Board")
    review_on = models.DateField(null=True, blank=True, help_text="Set by the governing board.")
    # The policies this one must be read with; each is a document with its own review date.
    read_with = models.ManyToManyField(
        "self", symmetrical=False, blank=True, related_name="read_with_by"
    )
    requires_acknowledgement = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["kind", "title"]
        constraints = [
            models.UniqueConstraint(fields=["school", "title"], name="policy_title_per_school")
        ]

    def __str__(self) -> str:
        return self.title


class ReviewDateChange(models.Model):
    """One change of a policy's review date, so a report can say what it was on a past day
    (the governors' report is as at its term's end, not as the date stands now)."""

    document = models.ForeignKey(PolicyDocument, on_delete=models.CASCADE,
                                 related_name="review_date_changes")
    previous = models.DateField(null=True, blank=True)
    review_on = models.DateField(null=True, blank=True)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["changed_at", "pk"]
        indexes = [models.Index(fields=["document", "changed_at"])]

    def __str__(self) -> str:
        return f"{self.document}: {self.previous} → {self.review_on}"


class TextFormat(models.TextChoices):
    PLAIN = "text", "Plain text"
    MARKDOWN = "markdown", "Markdown"


class PolicyVersion(models.Model):
    """One wording of a policy. Acknowledgements point at the exact wording (its hash)."""

    document = models.ForeignKey(
        PolicyDocument, on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField()
    text = models.TextField()
    text_format = models.CharField(
        max_length=10, choices=TextFormat.choices, default=TextFormat.PLAIN
    )
    content_hash = models.CharField(max_length=64, help_text="SHA-256 of the normalised text.")
    source_name = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        Membership, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["document", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="version_number_once")
        ]

    def __str__(self) -> str:
        return f"{self.document} v{self.number}"


class Acknowledgement(models.Model):
    """A member of staff has read and acknowledged one exact version."""

    version = models.ForeignKey(
        PolicyVersion, on_delete=models.PROTECT, related_name="acknowledgements"
    )
    membership = models.ForeignKey(
        Membership, on_delete=models.CASCADE, related_name="policy_acknowledgements"
    )
    content_hash = models.CharField(max_length=64)
    acknowledged_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-acknowledged_at"]
        constraints = [
            models.UniqueConstraint(fields=["version", "membership"], name="acknowledge_once")
        ]

    def __str__(self) -> str:
        return f"{self.membership} acknowledged {self.version}"


class SentReminder(models.Model):
    """A reminder already sent, so a daily run does not repeat it within its period."""

    key = models.CharField(max_length=200, unique=True)
    sent_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return self.key
