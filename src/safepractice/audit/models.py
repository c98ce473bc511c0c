"""An append-only audit log, each entry keyed (HMAC) and chained to the one before."""

from django.conf import settings
from django.db import models


class AuditEntryQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionError("Audit entries cannot be changed.")

    def delete(self):
        raise PermissionError("Audit entries cannot be deleted.")


class AuditEntry(models.Model):
    """One thing that happened. Each entry carries the MAC of the one before it.

    ``actor`` and ``school`` are links for browsing and go null when their row is deleted;
    what is keyed is the snapshot (``actor_ref``, ``actor_label``, ``school_ref``) taken when
    the entry was written, so deleting a user or a school does not look like tampering.
    """

    sequence = models.PositiveBigIntegerField(unique=True)
    at = models.DateTimeField()
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_ref = models.PositiveBigIntegerField(
        null=True, blank=True, help_text="The actor's id when written; kept if the user goes."
    )
    actor_label = models.CharField(max_length=254, blank=True)
    school = models.ForeignKey(
        "schools.School", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    school_ref = models.PositiveBigIntegerField(
        null=True, blank=True, help_text="The school's id when written; kept if it goes."
    )
    action = models.CharField(max_length=40)
    object_type = models.CharField(max_length=80, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    detail = models.JSONField(default=dict, blank=True)
    # "hmac-sha256" keyed with the audit key named by key_id; "sha256" (no key) only on
    # entries written before keying began.
    algorithm = models.CharField(max_length=16)
    key_id = models.CharField(max_length=16, blank=True)
    previous_hash = models.CharField(max_length=64)
    entry_hash = models.CharField(max_length=64, unique=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        ordering = ["sequence"]
        verbose_name_plural = "audit entries"
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self) -> str:
        return f"#{self.sequence} {self.action} {self.object_type}:{self.object_id}"

    def save(self, *args, **kwargs):
        if self.pk is not None or not kwargs.get("force_insert", False):
            raise PermissionError("Audit entries are written only by audit.services.record().")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("Audit entries cannot be deleted.")


class AuditChainHead(models.Model):
    """A single row locked while appending, so concurrent writers keep the chain in order."""

    last_sequence = models.PositiveBigIntegerField(default=0)
    last_hash = models.CharField(max_length=64, default="0" * 64)

    def __str__(self) -> str:
        return f"chain head at #{self.last_sequence}"
