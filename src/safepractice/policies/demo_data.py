"""The demo school's policy, IMPORTED from the seed text through the import service."""

import datetime
from pathlib import Path

from django.utils import timezone

from safepractice.schools.models import Membership, School

from .models import PolicyDocument
from .selectors import current_version, in_scope
from .services import acknowledge, import_policy

SEED_NAME = "social-media-policy-2017.txt"
# Related policies' review dates, in days from today: one due soon, one overdue, the rest later.
RELATED_REVIEW_IN_DAYS = {
    "Child protection policy": 20,
    "Safeguarding policy": 200,
    "Positive behaviour policy": -60,
    "Health and safety policy": 300,
    "Whistleblowing policy": 150,
    "Code of conduct policy": 250,
}
NOT_YET_ACKNOWLEDGED = {"teacher@example-primary.sch.uk"}


def seed_policy_path() -> Path:
    """The shared policy beside the repository if present, else the copy in the package."""
    repository = Path(__file__).resolve().parents[3]
    shared = repository.parent / "shared" / "policy" / SEED_NAME
    if shared.is_file():
        return shared
    return Path(__file__).resolve().parent / "seed" / SEED_NAME


def load(school: School) -> None:
    path = seed_policy_path()
    result = import_policy(school, path.read_bytes(), path.name)
    today = timezone.localdate()
    for document in PolicyDocument.objects.filter(school=school, review_on__isnull=True):
        days = RELATED_REVIEW_IN_DAYS.get(document.title)
        if days is not None:
            document.review_on = today + datetime.timedelta(days=days)
            document.adopted_on = document.review_on - datetime.timedelta(days=3 * 365)
            document.save(update_fields=["review_on", "adopted_on"])
    _acknowledgements(school, result.document)


def _acknowledgements(school: School, document: PolicyDocument) -> None:
    """Most staff have acknowledged; the new teacher and every seventh person have not."""
    version = current_version(document)
    people = in_scope(school).select_related("user").order_by("user__email")
    for index, membership in enumerate(people):
        if membership.user.email in NOT_YET_ACKNOWLEDGED or index % 7 == 3:
            continue
        _acknowledge_quietly(membership, version)


def _acknowledge_quietly(membership: Membership, version) -> None:
    if not version.acknowledgements.filter(membership=membership).exists():
        acknowledge(membership, version)
