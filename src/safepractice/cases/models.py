"""Cases: the escalation routes the policy fixes, their evidence and their chronology.

A ``Case`` holds what every route shares (who raised it, its state, a version for optimistic
locking, the timestamps the oversight dashboards compute from). What a route may record lives in
that route's own detail model, so a field the policy forbids (a description of indecent images)
does not exist rather than being left empty.
"""

import contextvars
import uuid

from django.db import models
from django.utils import timezone

from safepractice.schools.models import Membership, School
from safepractice.web.formatting import datetime_text


class Route(models.TextChoices):
    CYBERBULLYING = "cyberbullying", "Cyberbullying of a member of staff"
    INDECENT_IMAGES = "indecent-images", "Indecent images of children found"
    UNSUITABLE_MATERIAL = "unsuitable-material", "Other unsuitable material about a member of staff"
    CONDUCT = "conduct", "Conduct concern about a member of staff"
    PUPIL_EXPOSURE = "pupil-exposure", "Pupil exposure to inappropriate images or links"


# Each route's states in order, with the label a person reads. The route's machine
# (workflow.py) says which action moves a case between them; the states are here so that a
# case can name its own state without the models importing the machines.
ROUTE_STATES: dict[Route, dict[str, str]] = {
    Route.CYBERBULLYING: {
        "reported": "Reported",
        "acknowledged": "Acknowledged",
        "action-agreed": "Action agreed",
        "closed": "Closed",
    },
    Route.INDECENT_IMAGES: {
        "raised": "Raised: notify the police and the safeguarding unit now",
        "notified": "Police and safeguarding unit notified",
        "handed-over": "Handed over",
        "closed": "Closed",
    },
    Route.UNSUITABLE_MATERIAL: {
        "raised": "Raised",
        "advice-requested": "Advice requested",
        "advice-received": "Advice received",
        "under-investigation": "Under investigation",
        "outcome": "Outcome recorded",
        "closed": "Closed",
    },
    Route.CONDUCT: {
        "raised": "Raised",
        "under-investigation": "Under investigation",
        "outcome": "Outcome recorded",
        "closed": "Closed",
    },
    Route.PUPIL_EXPOSURE: {
        "raised": "Raised",
        "acting": "Controls being changed",
        "closed": "Closed",
    },
}


ROUTE_PREFIX = {
    Route.CYBERBULLYING: "CB",
    Route.INDECENT_IMAGES: "IIC",
    Route.UNSUITABLE_MATERIAL: "UM",
    Route.CONDUCT: "CC",
    Route.PUPIL_EXPOSURE: "PE",
}


# The longest free text a person may write, in characters: a description of what happened, a
# note, an outcome (about two pages); a record such as interview notes or the advice received
# (about four); what an evidence file shows. Raising forms take them from these models, action
# forms and the API from here.
DESCRIPTION_CHARS = 5_000
RECORD_CHARS = 10_000
EVIDENCE_DESCRIPTION_CHARS = 300


class Outcome(models.TextChoices):
    NO_FURTHER_ACTION = "no-further-action", "No further action"
    DISCIPLINARY = "disciplinary", "Disciplinary procedure"
    REFERRAL = "referral", "Referral (LADO, police or another body)"


class Case(models.Model):
    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="cases")
    route = models.CharField(max_length=30, choices=Route.choices)
    state = models.CharField(max_length=30)
    # Optimistic locking: every change bumps it; a form carries the version it was opened at.
    version = models.PositiveIntegerField(default=1)
    raised_by = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="+")
    concerns = models.ForeignKey(
        Membership, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        help_text="The member of staff the case is about (bullied, or the subject of a concern).",
    )
    raised_at = models.DateTimeField(default=timezone.now)
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    acknowledgement_due_on = models.DateField(null=True, blank=True)
    investigation_started_at = models.DateTimeField(null=True, blank=True)
    subject_informed_at = models.DateTimeField(null=True, blank=True)
    handed_over_at = models.DateTimeField(null=True, blank=True)
    overdue_alert_sent_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=30, choices=Outcome.choices, blank=True)
    outcome_detail = models.TextField(blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    times_reopened = models.PositiveSmallIntegerField(default=0)
    review_on = models.DateField(
        null=True, blank=True, help_text="When the record is due for retention review."
    )
    # Kept by the database from ``state`` for the partial index of open cases below: SQLite
    # uses a partial index only when the query repeats its condition word for word, which a
    # "state IN (...)" filter never does (its values arrive as bound parameters). For queries;
    # an instance saved since it was loaded may hold the old value (``is_closed`` does not).
    is_open = models.GeneratedField(
        expression=~models.Q(state="closed"), output_field=models.BooleanField(),
        db_persist=True,
    )

    class Meta:
        ordering = ["-raised_at"]
        indexes = [
            models.Index(fields=["school", "route", "state"]),
            models.Index(fields=["school", "review_on"]),
            # Oversight counts cases raised in a period (charts, termly report, trust view);
            # with the version, the dashboard's chart cache sees from this index alone whether
            # any case of a period has changed.
            models.Index(fields=["school", "raised_at", "version"]),
            models.Index(fields=["school", "state"]),
            # Open cases are a few per cent of all: the dashboard and the trust view count
            # them by route, age and deadline from this index alone, never reading the
            # years of closed ones.
            models.Index(
                fields=["school", "route", "state", "raised_at", "acknowledgement_due_on"],
                condition=models.Q(is_open=True), name="cases_case_open_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def reference(self) -> str:
        return f"{ROUTE_PREFIX[Route(self.route)]}-{self.raised_at:%Y}-{self.pk or 0:04d}"

    @property
    def route_label(self) -> str:
        return Route(self.route).label

    @property
    def state_label(self) -> str:
        return ROUTE_STATES[Route(self.route)].get(self.state, self.state)

    @property
    def is_closed(self) -> bool:
        return self.state == "closed"

    @property
    def details(self) -> models.Model:
        return getattr(self, DETAIL_ATTRIBUTE[Route(self.route)])


class CaseDetail(models.Model):
    """A route's own fields, one row per case."""

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.case} details"


class PoliceWish(models.TextChoices):
    YES = "yes", "Yes, I want the police involved"
    NO = "no", "No, I do not want the police involved"
    NOT_YET = "not-yet", "Not yet: I will decide later"


class ReportTo(models.TextChoices):
    LINE_MANAGER = "line-manager", "My line manager"
    HEAD = "head", "The head teacher"


class CyberbullyingReport(CaseDetail):
    """Route 1. The reporter's wishes decide confidentiality and whether the police are told."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="cyberbullying")
    site = models.CharField("Where it happened (site or app)", max_length=200)
    link = models.URLField("Link to the page or message", max_length=500, blank=True)
    seen_at = models.DateTimeField("Date and time you saw it")
    what_happened = models.TextField("What happened", max_length=DESCRIPTION_CHARS)
    wants_confidentiality = models.BooleanField(
        "Keep this confidential to the people handling it", default=True
    )
    police_wish = models.CharField(
        "Do you want the police involved?", max_length=10, choices=PoliceWish.choices
    )
    report_to = models.CharField("Who should receive this report?", max_length=20,
                                 choices=ReportTo.choices)
    support_union = models.BooleanField("I would like support from my union or association",
                                        default=False)
    support_colleague = models.BooleanField("I would like a colleague to support me",
                                            default=False)
    support_notes = models.CharField("Who supports you (optional)", max_length=200, blank=True)
    acknowledged_by = models.ForeignKey(
        Membership, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    action_agreed = models.TextField(blank=True)


class IndecentImagesReport(CaseDetail):
    """Route 2. Only the fact, place and device: there is no field for the material itself."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="indecent_images")
    found_at = models.DateTimeField("When it was found")
    device = models.CharField("Device (e.g. school laptop asset tag, personal phone)",
                              max_length=200)
    location = models.CharField("Where the device is now", max_length=200)
    account = models.CharField("Account or profile (if known)", max_length=200, blank=True)
    others_aware = models.CharField("Who else knows", max_length=300, blank=True)
    handed_over_to = models.CharField(max_length=200, blank=True)
    handover_reference = models.CharField(max_length=100, blank=True)


class AdviceSource(models.TextChoices):
    HR = "hr-advice", "HR advice service"
    SAFEGUARDING = "safeguarding-unit", "Safeguarding unit"


class UnsuitableMaterialReport(CaseDetail):
    """Route 3. No investigation step is possible until the advice sought is recorded."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="unsuitable_material")
    found_at = models.DateTimeField("When it was found")
    where_found = models.CharField("Where it was found (device, location, account)",
                                   max_length=300)
    concern = models.TextField("Why it raises a concern about the member of staff",
                               max_length=DESCRIPTION_CHARS)
    advice_substance = models.TextField(blank=True)


class ConductKind(models.TextChoices):
    FRIENDING_PUPIL = "friending-pupil", "Friending or following a pupil or past pupil"
    PERSONAL_CONTACT = "personal-contact", "Personal contact with a pupil outside the protocols"
    DEROGATORY_POST = "derogatory-post", "A derogatory post about the school, pupils or staff"
    CONFIDENTIAL_INFORMATION = "confidential", "Sharing confidential information"
    OTHER = "other", "Another possible breach of the social media policy"


class ConductConcern(CaseDetail):
    """Route 4. Hidden from the member of staff concerned until the head decides to tell them."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="conduct")
    kind = models.CharField("Kind of concern", max_length=30, choices=ConductKind.choices)
    occurred_on = models.DateField("When it happened (or was seen)")
    concern = models.TextField("What you saw or were told", max_length=DESCRIPTION_CHARS)
    hr_advice_substance = models.TextField(blank=True)
    subject_informed_by = models.ForeignKey(
        Membership, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )


class PupilExposureReport(CaseDetail):
    """Route 5. Closed with what changed in the internet controls."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="pupil_exposure")
    occurred_at = models.DateTimeField("When it happened")
    where = models.CharField("Device and room", max_length=200)
    pupils_involved = models.CharField("Class or year group (no names needed)", max_length=200)
    what_happened = models.TextField("What the pupils were exposed to and how",
                                     max_length=DESCRIPTION_CHARS)


DETAIL_ATTRIBUTE = {
    Route.CYBERBULLYING: "cyberbullying",
    Route.INDECENT_IMAGES: "indecent_images",
    Route.UNSUITABLE_MATERIAL: "unsuitable_material",
    Route.CONDUCT: "conduct",
    Route.PUPIL_EXPOSURE: "pupil_exposure",
}


class Body(models.TextChoices):
    POLICE = "police", "Police"
    SAFEGUARDING_UNIT = "safeguarding-unit", "Safeguarding unit"
    HR_ADVICE = "hr-advice", "HR advice service"


class NotificationKind(models.TextChoices):
    NOTIFIED = "notified", "Notified"
    ADVICE_REQUESTED = "advice-requested", "Advice requested"
    ADVICE_RECEIVED = "advice-received", "Advice received"
    REFERRAL = "referral", "Referral"


class Notification(models.Model):
    """Who told which outside body, when, and the reference they gave."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="notifications")
    body = models.CharField(max_length=30, choices=Body.choices)
    kind = models.CharField(max_length=30, choices=NotificationKind.choices)
    at = models.DateTimeField(help_text="When it happened (may be before it was recorded).")
    notified_by = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="+")
    contact = models.CharField("Whom (name or desk)", max_length=200)
    reference = models.CharField(max_length=100, blank=True)
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at"]

    def __str__(self) -> str:
        return f"{self.get_body_display()} {self.get_kind_display().lower()} ({self.case})"


class EventKind(models.TextChoices):
    CREATED = "created", "Raised"
    STATE = "state", "State changed"
    NOTE = "note", "Note"
    INTERVIEW = "interview", "Interview note"
    CONTROL = "control", "Internet controls changed"
    EVIDENCE = "evidence", "Evidence added"
    EVIDENCE_FLAGGED = "evidence-flagged", "Evidence integrity failure"
    NOTIFICATION = "notification", "Notification"
    WISHES = "wishes", "Reporter's wishes"
    TASK = "task", "Task"
    ALERT = "alert", "Alert sent"
    VIEW = "view", "Viewed"
    DOWNLOAD = "download", "Evidence downloaded"
    EXPORT = "export", "Exported"


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionError(f"{self.model.__name__} records cannot be changed.")

    def delete(self):
        if _disposal_in_progress.get():
            return super().delete()
        raise PermissionError(f"{self.model.__name__} records cannot be deleted.")


# Set only by retention.dispose(): the one deliberate, audited way records leave the system.
_disposal_in_progress: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "cases_disposal_in_progress", default=False
)


class AppendOnlyModel(models.Model):
    """Written once; changed never; deleted only by a retention disposal."""

    change_refused = "These records cannot be changed."
    delete_refused = "These records cannot be deleted."

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError(self.change_refused)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if _disposal_in_progress.get():
            return super().delete(*args, **kwargs)
        raise PermissionError(self.delete_refused)



class CaseEvent(AppendOnlyModel):
    """One line of a case's chronology. Append-only."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(
        Membership, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(max_length=20, choices=EventKind.choices)
    summary = models.CharField(max_length=300)
    body = models.TextField(blank=True)
    detail = models.JSONField(default=dict, blank=True)

    change_refused = "Chronology entries cannot be changed."
    delete_refused = "Chronology entries cannot be deleted."

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{datetime_text(self.at)} {self.summary}"



class EvidenceItem(AppendOnlyModel):
    """One file in the vault. Never changed or deleted; a correction supersedes it."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="evidence")
    stored_name = models.CharField(max_length=64, unique=True, default="", editable=False)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=60)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    description = models.CharField(
        "What it shows (time, date and place of the site)",
        max_length=EVIDENCE_DESCRIPTION_CHARS, blank=True,
    )
    added_by = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(default=timezone.now)
    supersedes = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="superseded_by"
    )

    change_refused = "Evidence cannot be changed; add a new item that supersedes it."
    delete_refused = "Evidence cannot be deleted."

    class Meta:
        ordering = ["added_at", "pk"]

    def __str__(self) -> str:
        return f"{self.original_name} ({self.sha256[:12]})"

    @staticmethod
    def new_stored_name() -> str:
        return uuid.uuid4().hex


class IntegrityFlag(models.Model):
    """An evidence item found altered, missing or undecryptable when it was read."""

    item = models.ForeignKey(EvidenceItem, on_delete=models.PROTECT, related_name="flags")
    detected_at = models.DateTimeField(default=timezone.now)
    detected_by = models.ForeignKey(
        Membership, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reason = models.CharField(max_length=200)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["detected_at"]

    def __str__(self) -> str:
        return f"{self.item}: {self.reason}"


class CaseTask(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="tasks")
    title = models.CharField(max_length=200)
    owner = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="case_tasks")
    due_on = models.DateField()
    created_by = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    done_at = models.DateTimeField(null=True, blank=True)
    last_reminded_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["done_at", "due_on", "pk"]

    def __str__(self) -> str:
        return self.title


class AlertRequest(models.TextChoices):
    """What an alert asks for, when it stops standing once that is done (cases/rules.py)."""

    NOTHING = "", "Nothing it waits for"
    NOTIFICATIONS = "notifications", "Notify the police and the safeguarding unit"


class CaseAlert(models.Model):
    """An in-app alert (the same alert also goes by email)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="alerts")
    recipient = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="case_alerts")
    message = models.CharField(max_length=300)
    asks_for = models.CharField(
        max_length=20, choices=AlertRequest.choices, blank=True, default=AlertRequest.NOTHING
    )
    created_at = models.DateTimeField(default=timezone.now)
    seen_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.message


class DisposedCase(models.Model):
    """What remains of a case after its deliberate disposal: that it existed, never its content."""

    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="+")
    reference = models.CharField(max_length=40)
    route = models.CharField(max_length=30, choices=Route.choices)
    raised_on = models.DateField()
    closed_on = models.DateField(null=True, blank=True)
    review_on = models.DateField(null=True, blank=True)
    evidence_items = models.PositiveIntegerField(default=0)
    disposed_at = models.DateTimeField(default=timezone.now)
    disposed_by = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="+")
    reason = models.CharField(max_length=300)

    class Meta:
        ordering = ["-disposed_at"]

    def __str__(self) -> str:
        return f"{self.reference} (disposed)"
