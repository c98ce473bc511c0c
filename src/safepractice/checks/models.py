"""Saved checks (only when the person asks) and the version stamp of each school's context."""

from django.db import models
from django.utils import timezone

from safepractice.engine import ContentKind, Recipient
from safepractice.engine.content import TEXT_KINDS
from safepractice.schools.models import Membership, School

MAX_TEXT_CHARS = 50_000


# The stored kind and recipient in words, for the pages (the stored values are the engine's).
KIND_WORDS = {"post": "Post", "comment": "Comment", "profile": "Bio or profile field",
              "message": "Message"}
RECIPIENT_WORDS = {"pupil": "a pupil", "parent": "a parent or carer",
                   "colleague": "a colleague", "public": "the public"}


class SavedCheck(models.Model):
    """A check its owner chose to keep. Visible to that person alone."""

    membership = models.ForeignKey(
        Membership, on_delete=models.CASCADE, related_name="saved_checks"
    )
    created = models.DateTimeField(default=timezone.now)
    kind = models.CharField(max_length=20, choices=[
        (k.value, k.value) for k in ContentKind if k in TEXT_KINDS  # in the enum's order
    ])
    recipient = models.CharField(
        max_length=20, blank=True, choices=[(r.value, r.value) for r in Recipient]
    )
    text = models.TextField(max_length=MAX_TEXT_CHARS)
    safer_text = models.TextField(blank=True)
    findings = models.JSONField(default=list)
    # The engine's send advice when it was saved (engine.sending.SendAdvice.as_dict):
    # {"do_not_send": true, ...} means no safer version was made and none is shown.
    send_advice = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-created", "-pk"]

    def __str__(self) -> str:
        return f"Saved check {self.pk}"

    @property
    def kind_label(self) -> str:
        return KIND_WORDS.get(self.kind, self.kind.capitalize())

    @property
    def recipient_label(self) -> str:
        return RECIPIENT_WORDS.get(self.recipient, self.recipient)

    @property
    def do_not_send(self) -> bool:
        return bool(self.send_advice.get("do_not_send"))

    @property
    def excerpt(self) -> str:
        return self.text if len(self.text) <= 80 else self.text[:79] + "…"


class ContextVersion(models.Model):
    """Bumped whenever a school's names or rosters change, so every process rebuilds its
    cached ``Checker`` for that school (the stamp lives in the database, which all share)."""

    school = models.OneToOneField(
        School, primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    version = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.school_id} v{self.version}"
