"""Personal API tokens. Only a SHA-256 digest is kept: the token itself is shown once."""

from django.db import models
from django.utils import timezone

from safepractice.schools.models import Membership

DEFAULT_RATE_PER_MINUTE = 120


class ApiTokenQuerySet(models.QuerySet):
    def live(self) -> "ApiTokenQuerySet":
        return self.filter(revoked_at__isnull=True)


class ApiToken(models.Model):
    """A bearer token acting as one person in one school (never any other school)."""

    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100)
    prefix = models.CharField(max_length=12, help_text="The token's first characters, to tell "
                                                       "tokens apart without revealing them.")
    digest = models.CharField(max_length=64, unique=True)
    rate_per_minute = models.PositiveIntegerField(default=DEFAULT_RATE_PER_MINUTE)
    created = models.DateTimeField(default=timezone.now)
    last_used = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "-pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_live(self) -> bool:
        return self.revoked_at is None
