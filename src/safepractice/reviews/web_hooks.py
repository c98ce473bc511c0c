"""What the review adds to the navigation and to the home page."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from safepractice.schools.models import Membership
from safepractice.web.home import NextStep
from safepractice.web.navigation import NavItem

from .selectors import has_completed_review

NEW_STARTER_DAYS = 30


def nav_items(membership: Membership) -> list[NavItem]:
    return [NavItem("Review my social media",
                    reverse("reviews:index", args=[membership.school.slug]), order=40)]


def next_steps(membership: Membership) -> list[NextStep]:
    if has_completed_review(membership):
        return []
    new_starter = membership.started_on >= timezone.localdate() - timedelta(days=NEW_STARTER_DAYS)
    return [NextStep(
        title="Review your social media",
        url=reverse("reviews:index", args=[membership.school.slug]),
        urgency=2 if new_starter else 1,
        detail="The policy asks every member of staff, new staff especially, to check what "
               "their accounts show. Upload your downloaded data for a private report.",
    )]
