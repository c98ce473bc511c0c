"""Reads for policies: current versions, review state, acknowledgement completion."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from safepractice.oversight.suppression import Counts
from safepractice.schools.models import Membership, School, StaffCategory
from safepractice.schools.rules import active_member_q
from safepractice.web.formatting import count_text, date_text

from .models import Acknowledgement, PolicyDocument, PolicyKind, PolicyVersion

DUE_SOON_DAYS = 30


def current_version(document: PolicyDocument) -> PolicyVersion | None:
    return document.versions.order_by("-number").first()


def social_media_policy(school: School) -> PolicyDocument | None:
    return PolicyDocument.objects.filter(school=school, kind=PolicyKind.SOCIAL_MEDIA).first()


def policies_of(school: School) -> QuerySet[PolicyDocument]:
    return PolicyDocument.objects.filter(school=school).order_by("kind", "title")


@dataclass(frozen=True)
class ReviewState:
    status: str  # "overdue", "due", "ok" or "unset"
    review_on: datetime.date | None
    days: int = 0  # days overdue, or days until due

    @property
    def label(self) -> str:
        if self.status == "unset":
            return "No review date set"
        when = date_text(self.review_on)
        if self.status == "overdue":
            return f"Review overdue by {_span(self.days)} (was due {when})"
        if self.status == "due":
            return f"Review due in {count_text(self.days, 'day')} ({when})"
        return f"Next review {when}"


def _span(days: int) -> str:
    if days >= 365:
        return count_text(days // 365, "year")
    if days >= 60:
        return count_text(days // 30, "month")
    return count_text(days, "day")


def review_state(document: PolicyDocument, today: datetime.date | None = None) -> ReviewState:
    return review_state_of(document.review_on, today)


def review_state_of(review_on: datetime.date | None,
                    today: datetime.date | None = None) -> ReviewState:
    """The state of a review date on ``today`` (a past day's date: ``review_date_at``)."""
    today = today or timezone.localdate()
    if review_on is None:
        return ReviewState("unset", None)
    delta = (review_on - today).days
    if delta < 0:
        return ReviewState("overdue", review_on, -delta)
    if delta <= DUE_SOON_DAYS:
        return ReviewState("due", review_on, delta)
    return ReviewState("ok", review_on, delta)


def existing_on_filter(day: datetime.date) -> Q:
    """Policies the school had on ``day``: adopted by then, or (adoption date unknown) added
    to safepractice by the end of it. A policy imported today, adopted years ago, existed."""
    end_of_day = timezone.make_aware(
        datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time.min))
    return Q(adopted_on__lte=day) | Q(adopted_on__isnull=True, created_at__lt=end_of_day)


def review_date_at(document: PolicyDocument, moment: datetime.datetime) -> datetime.date | None:
    """The review date the document had at ``moment``: the value the first change after it
    replaced, or the date as it stands if it has not changed since."""
    later = [change for change in document.review_date_changes.all()
             if change.changed_at >= moment]
    return later[0].previous if later else document.review_on


def policies_needing_review(
    school: School, today: datetime.date | None = None
) -> list[tuple[PolicyDocument, ReviewState]]:
    """Overdue first, then due within 30 days."""
    states = [(doc, review_state(doc, today)) for doc in policies_of(school)]
    waiting = [(doc, state) for doc, state in states if state.status in {"overdue", "due"}]
    return sorted(waiting, key=lambda pair: (pair[1].status != "overdue", pair[1].review_on))


def in_scope(school: School, today: datetime.date | None = None) -> QuerySet[Membership]:
    """Everyone the policy applies to: every active membership, every staff category."""
    return Membership.objects.filter(active_member_q(today), school=school)


def has_acknowledged(membership: Membership, version: PolicyVersion | None) -> bool:
    if version is None:
        return False
    return Acknowledgement.objects.filter(version=version, membership=membership).exists()


def acknowledgement_of(membership: Membership, version: PolicyVersion | None):
    if version is None:
        return None
    return Acknowledgement.objects.filter(version=version, membership=membership).first()


def policies_to_acknowledge(membership: Membership) -> list[PolicyDocument]:
    """Documents whose current version this person has not yet acknowledged."""
    waiting = []
    for document in PolicyDocument.objects.filter(
        school=membership.school, requires_acknowledgement=True
    ):
        version = current_version(document)
        if version is not None and not has_acknowledged(membership, version):
            waiting.append(document)
    return waiting


def not_acknowledged(document: PolicyDocument) -> QuerySet[Membership]:
    version = current_version(document)
    people = in_scope(document.school).select_related("user").order_by("user__full_name")
    if version is None:
        return people
    return people.exclude(policy_acknowledgements__version=version)


@dataclass(frozen=True)
class CompletionRow:
    """One staff category's acknowledgement of a version (the policy page and oversight)."""

    category: str
    label: str
    in_scope: int
    acknowledged: int

    @property
    def outstanding(self) -> int:
        return self.in_scope - self.acknowledged

    @property
    def percent(self) -> int | None:
        """None when no one is in scope: "100% complete" of nobody would reassure falsely."""
        return round(100 * self.acknowledged / self.in_scope) if self.in_scope else None


def acknowledgement_completion(document: PolicyDocument) -> list[CompletionRow]:
    """Per staff category: how many are in scope and how many acknowledged the current version.
    Counts only, so governors may see it. The last row is the total."""
    version = current_version(document)
    counts = (
        in_scope(document.school)
        .values("staff_category")
        .annotate(
            total=Count("id", distinct=True),
            done=Count(
                "policy_acknowledgements",
                filter=Q(policy_acknowledgements__version=version),
                distinct=True,
            ),
        )
    )
    by_category = {row["staff_category"]: row for row in counts}
    rows = [
        CompletionRow(value, label, by_category[value]["total"], by_category[value]["done"])
        for value, label in StaffCategory.choices
        if value in by_category
    ]
    rows.append(CompletionRow("all", "Everyone", sum(r.in_scope for r in rows),
                              sum(r.acknowledged for r in rows)))
    return rows


@dataclass(frozen=True)
class CompletionCells:
    """A completion row as one viewer is shown it (``oversight.suppression.Counts``)."""

    label: str
    in_scope: str
    acknowledged: str
    outstanding: str
    percent: str


def completion_rate(row: CompletionRow, counts: Counts) -> str:
    """The row's percentage as ``counts`` may show it ("–" when no one is in scope)."""
    if row.percent is None:
        return "–"
    return counts.derived(f"{row.percent}%", row.in_scope)


def completion_cells(rows: list[CompletionRow], counts: Counts) -> list[CompletionCells]:
    """The rows of ``acknowledgement_completion`` through the viewer's counts rule. The last
    row (everyone) is a total of the rows above it, so a suppressed one cannot be found by
    subtraction; a rate over fewer than five people is withheld."""
    *categories, everyone = rows
    shown = [
        CompletionCells(row.label, counts.count(row.in_scope), counts.count(row.acknowledged),
                        counts.count(row.outstanding), completion_rate(row, counts))
        for row in categories
    ]
    shown.append(CompletionCells(
        everyone.label,
        counts.total(row.in_scope for row in categories),
        counts.total(row.acknowledged for row in categories),
        counts.total(row.outstanding for row in categories),
        completion_rate(everyone, counts),
    ))
    return shown
