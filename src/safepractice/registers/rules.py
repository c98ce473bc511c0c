"""The state of each exception on a date, in one place: a Python predicate and its filter.

- **Contact details given to a pupil or parent** (``ContactDetailsException``) is *active*
  only with both agreements recorded (senior management and the parent or carer), not ended,
  and between its first and last days. It *awaits agreement* while one agreement is missing,
  it has not ended and its last day is still to come.
- **Phone on while on duty** (``PhoneOnDutyException``) is *active* once an SLT member agreed,
  from ``starts_at`` until ``ends_at``, when it ends on its own. It *awaits a decision* while
  pending and not yet past ``ends_at``.
- Either *ends soon* when active and ending within ``ENDING_SOON`` (14 days).
- **A new starter** is a member who started within the last ``NEW_STARTER_DAYS`` (90); their
  checklist is *complete* with every policy acknowledged, their social media reviewed (or the
  guided review ticked through), a phone recorded, and a declaration made (or none to make).
  ``selectors.starter_progress`` shows the steps to the person; ``unfinished_starter_counts``
  is its SQL twin for oversight, whole schools at once.

The registers pages and reminders and oversight's counts and lists use these; a test holds
each predicate equal to its filter for every state (the checklist's twins:
``oversight/tests/test_selectors.py``).
"""

import datetime
from collections import defaultdict
from collections.abc import Iterable

from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from safepractice.policies.models import PolicyVersion
from safepractice.reviews.models import ReviewCompletion
from safepractice.schools.models import Membership
from safepractice.schools.rules import active_member_q

from .models import (
    ContactDetailsException,
    Decision,
    Device,
    PhoneOnDutyException,
    SocialContactDeclaration,
)

ENDING_SOON = datetime.timedelta(days=14)


# Contact details given to a pupil or parent -------------------------------------------------


def contact_exception_active(
    exception: ContactDetailsException, today: datetime.date | None = None
) -> bool:
    today = today or timezone.localdate()
    return (
        exception.senior_agreed_at is not None
        and exception.parent_agreed_on is not None
        and exception.ended_at is None
        and exception.starts_on <= today <= exception.ends_on
    )


def contact_exception_active_q(today: datetime.date | None = None) -> Q:
    today = today or timezone.localdate()
    return Q(
        senior_agreed_at__isnull=False,
        parent_agreed_on__isnull=False,
        ended_at__isnull=True,
        starts_on__lte=today,
        ends_on__gte=today,
    )


def contact_exception_awaits_agreement(
    exception: ContactDetailsException, today: datetime.date | None = None
) -> bool:
    today = today or timezone.localdate()
    return (
        exception.ended_at is None
        and exception.ends_on >= today
        and (exception.senior_agreed_at is None or exception.parent_agreed_on is None)
    )


def contact_exception_awaiting_agreement_q(today: datetime.date | None = None) -> Q:
    today = today or timezone.localdate()
    return Q(ended_at__isnull=True, ends_on__gte=today) & (
        Q(senior_agreed_at__isnull=True) | Q(parent_agreed_on__isnull=True)
    )


def contact_exception_ends_soon(
    exception: ContactDetailsException, today: datetime.date | None = None
) -> bool:
    today = today or timezone.localdate()
    return contact_exception_active(exception, today) and exception.ends_on <= today + ENDING_SOON


def contact_exception_ending_soon_q(today: datetime.date | None = None) -> Q:
    today = today or timezone.localdate()
    return contact_exception_active_q(today) & Q(ends_on__lte=today + ENDING_SOON)


# Phone on while on duty ---------------------------------------------------------------------


def phone_exception_active(
    exception: PhoneOnDutyException, now: datetime.datetime | None = None
) -> bool:
    now = now or timezone.now()
    return exception.decision == Decision.AGREED and exception.starts_at <= now < exception.ends_at


def phone_exception_active_q(now: datetime.datetime | None = None) -> Q:
    now = now or timezone.now()
    return Q(decision=Decision.AGREED, starts_at__lte=now, ends_at__gt=now)


def phone_exception_awaits_decision(
    exception: PhoneOnDutyException, now: datetime.datetime | None = None
) -> bool:
    now = now or timezone.now()
    return exception.decision == Decision.PENDING and exception.ends_at > now


def phone_exception_awaiting_decision_q(now: datetime.datetime | None = None) -> Q:
    now = now or timezone.now()
    return Q(decision=Decision.PENDING, ends_at__gt=now)


def phone_exception_ends_soon(
    exception: PhoneOnDutyException, now: datetime.datetime | None = None
) -> bool:
    now = now or timezone.now()
    return phone_exception_active(exception, now) and exception.ends_at <= now + ENDING_SOON


def phone_exception_ending_soon_q(now: datetime.datetime | None = None) -> Q:
    now = now or timezone.now()
    return phone_exception_active_q(now) & Q(ends_at__lte=now + ENDING_SOON)


# New starters -------------------------------------------------------------------------------

NEW_STARTER_DAYS = 90
GUIDED_REVIEW_STEPS = [
    (
        "privacy",
        "My accounts' privacy settings are set so pupils and parents cannot see my "
        "personal posts, photos or friends.",
    ),
    ("job-fields", "My profiles do not name the school or my job title in workplace fields."),
    (
        "pupils",
        "No current pupils (and no past pupils under 18) are among my friends or followers.",
    ),
    ("photos", "No photos of pupils, or of me that would embarrass the school, are visible."),
]


def is_new_starter(membership: Membership, today: datetime.date | None = None) -> bool:
    today = today or timezone.localdate()
    return today - datetime.timedelta(days=NEW_STARTER_DAYS) <= membership.started_on <= today


def new_starter_q(today: datetime.date | None = None) -> Q:
    today = today or timezone.localdate()
    return Q(
        started_on__gte=today - datetime.timedelta(days=NEW_STARTER_DAYS), started_on__lte=today
    )


def unfinished_starter_counts(
    school_ids: Iterable[int], today: datetime.date | None = None
) -> dict[int, int]:
    """Active new starters whose checklist is not complete, per school, in two queries: the
    steps of ``selectors.starter_progress`` computed for whole schools at once."""
    today = today or timezone.localdate()
    school_ids = list(school_ids)  # read twice: for the query and for the zero counts
    ids = sorted(set(school_ids))
    required: dict[int, set[int]] = defaultdict(set)
    seen_documents: set[int] = set()
    versions = (
        PolicyVersion.objects.filter(
            document__school_id__in=ids, document__requires_acknowledgement=True
        )
        .order_by("document_id", "-number")
        .values_list("id", "document_id", "document__school_id")
    )
    for version_id, document_id, school_id in versions:
        if document_id not in seen_documents:  # the newest version of each document
            seen_documents.add(document_id)
            required[school_id].add(version_id)
    all_required = [v for versions_ in required.values() for v in versions_]
    starters = (
        Membership.objects.filter(new_starter_q(today), active_member_q(today), school_id__in=ids)
        .annotate(
            acknowledged=Count(
                "policy_acknowledgements",
                filter=Q(policy_acknowledgements__version_id__in=all_required),
                distinct=True,
            ),
            has_device=Exists(
                Device.objects.filter(membership=OuterRef("pk"), retired_at__isnull=True)
            ),
            has_declaration=Exists(
                SocialContactDeclaration.objects.filter(membership=OuterRef("pk"))
            ),
            has_review=Exists(ReviewCompletion.objects.filter(membership=OuterRef("pk"))),
        )
        .values_list(
            "school_id",
            "acknowledged",
            "has_device",
            "has_declaration",
            "has_review",
            "starter_checklist__guided_review_done",
            "starter_checklist__nothing_to_declare_at",
        )
        .order_by()
    )
    guided_steps = {key for key, _ in GUIDED_REVIEW_STEPS}
    counts = dict.fromkeys(school_ids, 0)
    for school_id, acknowledged, device, declared, reviewed, guided, nothing_to_declare in starters:
        complete = (
            acknowledged >= len(required.get(school_id, ()))
            and (reviewed or set(guided or ()) >= guided_steps)
            and device
            and (declared or nothing_to_declare is not None)
        )
        counts[school_id] += not complete
    return counts
