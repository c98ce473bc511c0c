"""What the policies app adds to each person's home page and navigation."""

from django.urls import reverse

from safepractice.oversight.suppression import counts_for
from safepractice.schools.models import Membership, Role
from safepractice.web import home, navigation

from .selectors import (
    current_version,
    not_acknowledged,
    policies_needing_review,
    policies_to_acknowledge,
    social_media_policy,
)

OVERSEERS = (Role.HEAD_TEACHER, Role.GOVERNING_BOARD)


def is_overseer(membership: Membership) -> bool:
    """The head and governing board members see review dates and completion."""
    return membership.has_role(*OVERSEERS)


@home.register
def policy_steps(membership: Membership) -> list[home.NextStep]:
    slug = membership.school.slug
    steps = [
        home.NextStep(
            title=f"Read and acknowledge the {document.title}",
            url=reverse("policies:detail", args=[slug, document.pk]),
            urgency=2,
            detail=f"Version {current_version(document).number} needs your acknowledgement.",
        )
        for document in policies_to_acknowledge(membership)
    ]
    if not is_overseer(membership):
        return steps
    for document, state in policies_needing_review(membership.school):
        steps.append(home.NextStep(
            title=f"{document.title}: {state.label}",
            url=reverse("policies:detail", args=[slug, document.pk]),
            urgency=3 if state.status == "overdue" else 2,
            detail="The governing board sets the next review date.",
        ))
    main = social_media_policy(membership.school)
    if main is not None and current_version(main) is not None:
        outstanding = not_acknowledged(main).count()
        if outstanding:
            steps.append(home.NextStep(
                title="staff have not acknowledged the current social media policy",
                url=reverse("policies:completion", args=[slug, main.pk]),
                urgency=1,
                count=counts_for(membership).count(outstanding),
                detail="Completion by staff category.",
            ))
    return steps


@navigation.register
def policy_nav(membership: Membership) -> list[navigation.NavItem]:
    return [navigation.NavItem(
        "Policies", reverse("policies:list", args=[membership.school.slug]), 20)]
