"""What oversight adds to the head's and governors' home page and navigation."""

from django.urls import reverse

from safepractice.schools.models import Membership, Role
from safepractice.web import home, navigation

OVERSEERS = (Role.HEAD_TEACHER, Role.GOVERNING_BOARD)


@navigation.register
def oversight_nav(membership: Membership) -> list[navigation.NavItem]:
    if not membership.has_role(*OVERSEERS):
        return []
    slug = membership.school.slug
    return [
        navigation.NavItem("Oversight", reverse("oversight:dashboard", args=[slug]), 60),
        navigation.NavItem("Termly reports", reverse("oversight:reports", args=[slug]), 61),
    ]


@home.register
def oversight_steps(membership: Membership) -> list[home.NextStep]:
    if not membership.has_role(*OVERSEERS):
        return []
    return [home.NextStep(
        title="Oversight dashboard",
        url=reverse("oversight:dashboard", args=[membership.school.slug]),
        urgency=0,
        detail="Cases, overdue items, acknowledgement rates and the governors' termly report.",
    )]
