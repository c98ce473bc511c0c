"""Reads of saved checks: always narrowed to their owner."""

from django.db.models import QuerySet
from django.http import Http404

from safepractice.schools.models import Membership

from .models import SavedCheck


def saved_checks_of(membership: Membership) -> QuerySet[SavedCheck]:
    return SavedCheck.objects.filter(membership=membership)


def saved_check_of(membership: Membership, pk: int) -> SavedCheck:
    """The owner's saved check, or 404: anyone else's is as absent as a missing one."""
    saved = saved_checks_of(membership).filter(pk=pk).first()
    if saved is None:
        raise Http404("No such saved check.")
    return saved
