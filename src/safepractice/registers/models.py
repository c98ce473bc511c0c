"""What individual staff declare or ask for, and who acknowledged or agreed it, and when.

Every change is also written to ``RegisterEvent`` (the record's own history) and to the audit
log. Timestamps are kept for the oversight dashboards.
"""

from django.db import models
from django.utils import timezone

from safepractice.schools.models import Membership, School
from safepractice.web.formatting import date_text, datetime_text


class SocialContactKind(models.TextChoices):
    SOCIAL_CIRCLE = "social-circle", "Same social circle"
    TRANSPORT_ESCORT = "transport-escort", "Transport escort"
    RESPITE_CARE = "respite-care", "Respite care"
    FAMILY = "family", "Family relationship"
    OTHER = "other", "Other"


class SocialContactDeclaration(models.Model):
    """Social contact with a pupil or their family outside school, made known to the SLT."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    membership = models.ForeignKey(
        Membership, on_delete=models.CASCADE, related_name="social_contact_declarations"
    )
    kind = models.CharField(max_length=20, choices=SocialContactKind.choices)
    contact_with = models.CharField(
        max_length=200, help_text="The pupil or family (as you would name them to the SLT)."
    )
    details = models.TextField(help_text="How the contact arises and how often.")
    declared_at = models.DateTimeField(default=timezone.now)
    acknowledged_by = models.ForeignKey(
        Membership, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    # The declaration or its latest yearly reconfirmation.
    confirmed_at = models.DateTimeField(default=timezone.now)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-declared_at"]
        indexes = [models.Index(fields=["school", "acknowledged_at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.contact_with}"


class ContactDetailsException(models.Model):
    """Personal contact details given to a pupil or parent: active only with both agreements
    (senior management and the parent or carer), between its start and end dates."""

    class HowAgreed(models.TextChoices):
        IN_PERSON = "in-person", "In person"
        LETTER = "letter", "Signed letter or form"
        EMAIL = "email", "Email"
        PHONE = "phone", "Telephone call"

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    membership = models.ForeignKey(
        Membership, on_delete=models.CASCADE, related_name="contact_details_exceptions"
    )
    given_to = models.CharField(max_length=200, help_text="The pupil or parent/carer.")
    details_given = models.CharField(max_length=200, help_text="e.g. personal mobile number.")
    reason = models.TextField()
    starts_on = models.DateField(default=timezone.localdate)
    ends_on = models.DateField()
    requested_at = models.DateTimeField(default=timezone.now)
    senior_agreed_by = models.ForeignKey(
        Membership, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    senior_agreed_at = models.DateTimeField(null=True, blank=True)
    parent_name = models.CharField(max_length=200, blank=True)
    parent_agreed_on = models.DateField(null=True, blank=True)
    parent_agreed_how = models.CharField(max_length=20, choices=HowAgreed.choices, blank=True)
    parent_recorded_by = models.ForeignKey(
        Membership, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    parent_recorded_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at"]

    def __str__(self) -> str:
        return f"{self.details_given} given to {self.given_to}"

    # Whether it is active is a rule: registers/rules.py (contact_exception_active and its
    # filter), so there is one definition of it.


class Decision(models.TextChoices):
    PENDING = "pending", "Awaiting a decision"
    AGREED = "agreed", "Agreed"
    DECLINED = "declined", "Not agreed"


class PhoneOnDutyException(models.Model):
    """A phone switched on while on duty, in exceptional circumstances agreed by an SLT member.
    It ends on its own at ``ends_at``."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    membership = models.ForeignKey(
        Membership, on_delete=models.CASCADE, related_name="phone_exceptions"
    )
    circumstances = models.TextField()
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    requested_at = models.DateTimeField(default=timezone.now)
    decision = models.CharField(max_length=10, choices=Decision.choices, default=Decision.PENDING)
    decided_by = models.ForeignKey(
        Membership, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-starts_at"]

    def __str__(self) -> str:
        return f"Phone on duty {datetime_text(self.starts_at)} to {datetime_text(self.ends_at)}"

    # Whether it is active is a rule: registers/rules.py (phone_exception_active).


class Device(models.Model):
    """A member of staff's phone: make, model and IMEI. Private to its owner; the head can
    look it up when a phone is lost or stolen (audited)."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="devices")
    make = models.CharField(max_length=80)
    model = models.CharField(max_length=80)
    imei = models.CharField(max_length=15)
    recorded_at = models.DateTimeField(default=timezone.now)
    retired_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-recorded_at"]
        indexes = [models.Index(fields=["school", "imei"])]

    def __str__(self) -> str:
        return f"{self.make} {self.model}"


class JudgementResponse(models.TextChoices):
    NOTED = "noted", "Noted"
    AGREED = "agreed", "Agreed"
    NOT_AGREED = "not-agreed", "Not agreed"


class ProfessionalJudgementNotice(models.Model):
    """A member of staff tells the head what they did, or propose to do, outside the policy,
    and why. The head responds and records whether HR advice was sought."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    membership = models.ForeignKey(
        Membership, on_delete=models.CASCADE, related_name="judgement_notices"
    )
    action = models.TextField(help_text="What you did, or propose to do.")
    already_taken = models.BooleanField(default=False)
    justification = models.TextField()
    submitted_at = models.DateTimeField(default=timezone.now)
    response = models.CharField(max_length=12, choices=JudgementResponse.choices, blank=True)
    response_note = models.TextField(blank=True)
    responded_by = models.ForeignKey(
        Membership, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    responded_at = models.DateTimeField(null=True, blank=True)
    hr_advice_sought = models.BooleanField(null=True)
    hr_advice = models.TextField(blank=True)

    class Meta:
        ordering = ["-submitted_at"]

    def __str__(self) -> str:
        return f"Notice from {self.membership} ({date_text(self.submitted_at)})"


class StarterChecklist(models.Model):
    """A new member of staff's own ticks; the other steps are read from their records."""

    membership = models.OneToOneField(
        Membership, on_delete=models.CASCADE, related_name="starter_checklist"
    )
    guided_review_done = models.JSONField(default=list, blank=True)
    nothing_to_declare_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Checklist of {self.membership}"


# How a record's history words each action (services._log stores the key).
REGISTER_ACTION_LABELS = {
    "declared": "Declared",
    "acknowledged": "Acknowledged",
    "reconfirmed": "Reconfirmed",
    "withdrawn": "Withdrawn",
    "requested": "Requested",
    "senior-agreed": "Agreed by a senior leader",
    "parent-agreed": "Agreed by the parent",
    "ended": "Ended",
    "agreed": "Agreed",
    "declined": "Declined",
    "recorded": "Recorded",
    "retired": "No longer used",
    "notified-head": "Sent to the head teacher",
    "responded": "Head teacher responded",
}


class RegisterEvent(models.Model):
    """One line of a register record's history: who did what, when."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    record_type = models.CharField(max_length=40)
    record_id = models.PositiveBigIntegerField()
    actor = models.ForeignKey(
        Membership, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=60)
    note = models.CharField(max_length=300, blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["record_type", "record_id"])]

    def __str__(self) -> str:
        return f"{self.record_type} {self.record_id}: {self.action}"

    @property
    def action_label(self) -> str:
        """The action in words ("Sent to the head teacher"), never its key ("notified-head")."""
        return REGISTER_ACTION_LABELS.get(self.action, self.action.replace("-", " ").capitalize())
