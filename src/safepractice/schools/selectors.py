"""Reads for schools and people. Every function takes the school: tenancy is explicit."""

from django.db.models import Count, Q, QuerySet

from .models import Membership, Pupil, PupilStatus, Role, School
from .rules import GOVERNED_ROLES, active_member_q


def staff_of(school: School) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(active_member_q(), school=school)
        .select_related("user", "line_manager__user")
        .order_by("user__full_name")
    )


def members_with_role(school: School, role: str) -> QuerySet[Membership]:
    return staff_of(school).with_role(role)


def duty_role_holders(school: School) -> list[tuple[Membership, list[str]]]:
    """Current staff holding a role only the audited step changes, with those roles' labels."""
    return [
        (member, [Role(r).label for r in Role.values if r in member.role_set & GOVERNED_ROLES])
        for member in staff_of(school)
        if member.role_set & GOVERNED_ROLES
    ]


def pupil_counts(school: School) -> dict[str, int]:
    counts = Pupil.objects.filter(school=school).aggregate(
        current=Count("id", filter=Q(status=PupilStatus.CURRENT)),
        past=Count("id", filter=Q(status=PupilStatus.PAST)),
    )
    return {"current": counts["current"] or 0, "past": counts["past"] or 0}
