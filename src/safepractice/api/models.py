"""Personal API tokens. Only a SHA-256 digest is kept: the token itself is shown once."""

from datetime import datetime, timedelta

from django.db import models
from django.utils import timezone

from safepractice.schools.models import Membership

DEFAULT_RATE_PER_MINUTE = 120
DEFAULT_LIFETIME_DAYS = 90
MAX_LIFETIME_DAYS = 365


class Scope(models.TextChoices):
    """What a token may do. Checking is every token's; case access is asked for and granted
    only with a fresh two-factor code (``rules.why_not_create``)."""

    CHECK = "check", "Check posts, messages and photos (and your saved checks)"
    CASES = "cases", "Case access: the cases you may open, as on the cases pages"


def default_expiry() -> datetime:
    return timezone.now() + timedelta(days=DEFAULT_LIFETIME_DAYS)


class ApiTokenQuerySet(models.QuerySet):
    def live(self) -> "ApiTokenQuerySet":
        """Neither revoked nor expired: the query twin of ``ApiToken.is_live``."""
        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())


class ApiToken(models.Model):
    """A bearer token acting as one person in one school (never any other school)."""

    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100)
    prefix = models.CharField(max_length=12, help_text="The token's first characters, to tell "
                                                       "tokens apart without revealing them.")
    digest = models.CharField(max_length=64, unique=True)
    rate_per_minute = models.PositiveIntegerField(default=DEFAULT_RATE_PER_MINUTE)
    # Space-separated ``Scope`` values, e.g. "check cases".
    scopes = models.CharField(max_length=100, default=Scope.CHECK)
    created = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(default=default_expiry)
    last_used = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "-pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def scope_set(self) -> frozenset[str]:
        return frozenset(self.scopes.split())

    def scope_labels(self) -> list[str]:
        return [Scope(s).label for s in Scope.values if s in self.scope_set]

    def is_expired(self, now: datetime | None = None) -> bool:
        return (now or timezone.now()) >= self.expires_at

    @property
    def is_live(self) -> bool:
        return self.revoked_at is None and not self.is_expired()
