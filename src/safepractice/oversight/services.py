"""Writes for oversight: a school's term dates and its governors' termly reports."""

import datetime

from django.db import transaction
from django.utils import timezone

from safepractice.accounts.models import User
from safepractice.audit.actions import (
    OVERSIGHT_LIST_VIEWED,
    OVERSIGHT_REPORT_DOWNLOADED,
    OVERSIGHT_REPORT_GENERATED,
    OVERSIGHT_TERMS_SET,
    OVERSIGHT_TRUST_VIEWED,
)
from safepractice.audit.services import record
from safepractice.schools.models import Membership, School, Trust

from . import report as governors_report
from .models import SchoolTerm, TermlyReport
from .terms import Term, default_calendar, last_ended, report_period, validate


def calendar_for(school: School, around: datetime.date | None = None) -> list[Term]:
    """The school's own terms, or the English default around ``around``."""
    around = around or timezone.localdate()
    own = [Term(t.starts_on, t.ends_on, t.name) for t in school.terms.all()]
    return own or default_calendar(around)


@transaction.atomic
def set_terms(school: School, terms: list[Term], *, actor=None) -> list[Term]:
    """Replace the school's term dates; overlapping or reversed terms raise
    ``TermCalendarError`` and nothing changes."""
    ordered = validate(terms)
    SchoolTerm.objects.filter(school=school).delete()
    SchoolTerm.objects.bulk_create(
        SchoolTerm(school=school, name=t.name, starts_on=t.starts_on, ends_on=t.ends_on)
        for t in ordered
    )
    record(OVERSIGHT_TERMS_SET, actor=actor, school=school, terms=len(ordered))
    return ordered


def _previous(calendar: list[Term], term: Term) -> tuple[datetime.date, datetime.date] | None:
    earlier = [t for t in calendar if t.ends_on < term.starts_on]
    return report_period(calendar, max(earlier)) if earlier else None


def generate_report(school: School, term: Term, *, actor=None, scheduled: bool = False
                    ) -> TermlyReport:
    calendar = calendar_for(school, term.starts_on)
    if term not in calendar:
        calendar = sorted([*calendar, term])
    period = report_period(calendar, term)
    data = governors_report.build(school, term, period, _previous(calendar, term))
    saved = TermlyReport.objects.create(
        school=school, term_name=term.name, term_starts_on=term.starts_on,
        period_start=period[0], period_end=period[1], scheduled=scheduled,
        pdf=governors_report.render_pdf(data),
    )
    record(OVERSIGHT_REPORT_GENERATED, actor=actor, school=school, target=saved,
           term=term.name, scheduled=scheduled)
    return saved


def ended_terms(school: School, today: datetime.date | None = None) -> list[Term]:
    """The terms of the school's list that have ended, the latest first: those a report can
    be made for (every figure as at the term's end, so the end must have come)."""
    today = today or timezone.localdate()
    return sorted((t for t in calendar_for(school, today) if t.ends_on <= today), reverse=True)


def ended_term(school: School, ends_on: str, today: datetime.date | None = None) -> Term | None:
    """The ended term whose last day is ``ends_on`` (YYYY-MM-DD), or None if there is none."""
    return next((t for t in ended_terms(school, today) if t.ends_on.isoformat() == ends_on),
                None)


def report_due(school: School, today: datetime.date) -> Term | None:
    """The term that has ended without its scheduled report yet, if any."""
    term = last_ended(calendar_for(school, today), today)
    if term is None:
        return None
    done = TermlyReport.objects.filter(
        school=school, period_end=term.ends_on, scheduled=True
    ).exists()
    return None if done else term


def record_list_viewed(viewer: Membership, list_name: str, rows: int) -> None:
    """The named lists show people and cases: each page of one is audited, with its size."""
    record(OVERSIGHT_LIST_VIEWED, actor=viewer.user, school=viewer.school,
           object_type="list", object_id=list_name, rows=rows)


def record_report_downloaded(report: TermlyReport, viewer: Membership) -> None:
    record(OVERSIGHT_REPORT_DOWNLOADED, actor=viewer.user, school=viewer.school, target=report)


def record_trust_viewed(viewer: User, trust: Trust, school: School | None = None) -> None:
    """A trust administrator's look at the trust's figures, or at one school's."""
    record(OVERSIGHT_TRUST_VIEWED, actor=viewer, school=school, object_type="trust",
           object_id=trust.pk)
