"""Schools (the tenant), the people in the policy's scope and the pupil roster."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class Trust(models.Model):
    """A multi-academy trust or local authority looking after several schools."""

    name = models.CharField(max_length=200, unique=True)

    def __str__(self) -> str:
        return self.name


class School(models.Model):
    name = models.CharField(max_length=200)
    slug = models.SlugField(unique=True)
    trust = models.ForeignKey(
        Trust, null=True, blank=True, on_delete=models.SET_NULL, related_name="schools"
    )
    aliases = models.JSONField(
        default=list, blank=True, help_text="Other names, abbreviations and initials in use."
    )
    hashtags = models.JSONField(default=list, blank=True)
    local_authority = models.CharField(max_length=200, blank=True)
    local_authority_aliases = models.JSONField(default=list, blank=True)
    hr_advice_service = models.CharField(
        max_length=200, blank=True, help_text="Who the head seeks HR advice from (PPS in the seed)."
    )
    safeguarding_unit = models.CharField(max_length=200, blank=True)
    safeguarding_unit_contact = models.CharField(max_length=200, blank=True)
    police_contact = models.CharField(
        max_length=200, blank=True, default="Police: 999 in an emergency, otherwise 101"
    )
    unions = models.JSONField(default=list, blank=True)
    work_email_domains = models.JSONField(default=list, blank=True)
    work_phone_numbers = models.JSONField(default=list, blank=True)
    ict_coordinator = models.ForeignKey(
        "Membership", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    acknowledgement_working_days = models.PositiveSmallIntegerField(
        default=3, help_text="Working days within which a cyberbullying report is acknowledged."
    )
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class StaffCategory(models.TextChoices):
    """The groups the policy's scope names."""

    TEACHER = "teacher", "Teacher"
    THERAPIST = "therapist", "Therapist"
    SUPPORT = "support", "Support staff"
    SUPPLY = "supply", "Supply staff"
    ADMINISTRATION = "administration", "Administration staff"
    SITE = "site", "Site staff"
    GOVERNOR = "governor", "Governor"
    VOLUNTEER = "volunteer", "Volunteer"
    CONTRACTOR = "contractor", "Contractor"


class Role(models.TextChoices):
    """Duty roles a member of a school can hold on top of their staff category."""

    HEAD_TEACHER = "head", "Head teacher"
    DSL = "dsl", "Designated safeguarding lead"
    SLT = "slt", "Senior leadership team"
    LINE_MANAGER = "line-manager", "Line manager"
    ICT_COORDINATOR = "ict", "ICT coordinator"
    GOVERNING_BOARD = "governor", "Governing board member"


class MembershipQuerySet(models.QuerySet):
    # Whether a membership is active is a rule: schools/rules.py (is_active_member,
    # active_member_q), not a method here, so there is one definition of it.
    def with_role(self, role: str) -> "MembershipQuerySet":
        return self.filter(roles__contains=f"|{role}|")


class Membership(models.Model):
    """A person's place in one school: their staff category and duty roles."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="memberships")
    staff_category = models.CharField(max_length=20, choices=StaffCategory.choices)
    job_title = models.CharField(max_length=120, blank=True)
    # Stored as "|head|dsl|" so a role can be found with one indexed LIKE on every database.
    roles = models.CharField(max_length=200, blank=True, default="")
    line_manager = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="reports"
    )
    external_id = models.CharField(max_length=64, blank=True, help_text="MIS staff id.")
    started_on = models.DateField(default=timezone.localdate)
    left_on = models.DateField(null=True, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["user__full_name"]
        constraints = [
            models.UniqueConstraint(fields=["user", "school"], name="one_membership_per_school")
        ]

    def __str__(self) -> str:
        return f"{self.user} at {self.school}"

    @property
    def role_set(self) -> frozenset[str]:
        return frozenset(r for r in self.roles.split("|") if r)

    def set_roles(self, roles: "set[str] | list[str] | tuple[str, ...]") -> None:
        valid = set(Role.values)
        unknown = set(roles) - valid
        if unknown:
            raise ValueError(f"Unknown roles: {', '.join(sorted(unknown))}")
        ordered = [r for r in Role.values if r in set(roles)]
        self.roles = f"|{'|'.join(ordered)}|" if ordered else ""

    def has_role(self, *roles: str) -> bool:
        return bool(self.role_set.intersection(roles))

    @property
    def is_senior(self) -> bool:
        return self.has_role(Role.HEAD_TEACHER, Role.SLT)

    def role_labels(self) -> list[str]:
        return [Role(r).label for r in Role.values if r in self.role_set]


class TrustAdministrator(models.Model):
    """Sees aggregates across the trust's schools, never personal data."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="trust_roles"
    )
    trust = models.ForeignKey(Trust, on_delete=models.CASCADE, related_name="administrators")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "trust"], name="one_role_per_trust")]

    def __str__(self) -> str:
        return f"{self.user} administers {self.trust}"


class PupilStatus(models.TextChoices):
    CURRENT = "current", "Current pupil"
    PAST = "past", "Past pupil"


class PupilQuerySet(models.QuerySet):
    def current(self) -> "PupilQuerySet":
        return self.filter(status=PupilStatus.CURRENT)

    def past(self) -> "PupilQuerySet":
        return self.filter(status=PupilStatus.PAST)


class Pupil(models.Model):
    """A roster entry. Kept minimal: only what the checker needs to recognise a name."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="pupils")
    external_id = models.CharField(max_length=64, help_text="MIS id (UPN or admission number).")
    first_name = models.CharField(max_length=100)
    last_name = models.CharField(max_length=100)
    preferred_name = models.CharField(max_length=100, blank=True)
    year_group = models.CharField(max_length=20, blank=True)
    status = models.CharField(max_length=10, choices=PupilStatus.choices)
    leaving_date = models.DateField(null=True, blank=True)
    updated = models.DateTimeField(auto_now=True)

    objects = PupilQuerySet.as_manager()

    class Meta:
        ordering = ["last_name", "first_name"]
        constraints = [
            models.UniqueConstraint(fields=["school", "external_id"], name="pupil_id_per_school")
        ]
        indexes = [models.Index(fields=["school", "status"])]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}"
