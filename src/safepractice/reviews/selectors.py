"""Reading reviews. Every query filters on the owner: nobody else can reach a review."""

from datetime import datetime

from django.db.models import QuerySet
from django.http import Http404

from safepractice.schools.models import Membership, School

from .models import Review, ReviewCompletion


def own_reviews(user, school: School) -> QuerySet[Review]:
    return Review.objects.filter(owner=user, school=school)


def get_own_review(user, school: School, pk: int) -> Review:
    """The review if ``user`` owns it; 404 for anyone else, whatever their role."""
    review = own_reviews(user, school).filter(pk=pk).first()
    if review is None:
        raise Http404("No such review.")
    return review


def completed_review_dates(membership: Membership) -> list[datetime]:
    """When this person completed a review: all the school may know (new-starter checklist)."""
    return list(ReviewCompletion.objects.filter(membership=membership)
                .values_list("completed", flat=True))


def has_completed_review(membership: Membership) -> bool:
    return ReviewCompletion.objects.filter(membership=membership).exists()
