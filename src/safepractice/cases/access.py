"""Need to know, in one place: who may see and do what on each route.

From the routes table and "Who uses it" in DESIGN.md:

- Route 1, cyberbullying: handled by the head, and by the line manager of the person bullied
  if they chose to report to them. The person bullied and whoever recorded it for them (e.g.
  the ICT coordinator) also view it, download and add evidence; only the person bullied
  changes their wishes, and a police referral needs their choice.
- Route 2, indecent images: head and DSL only; not even whoever raised it sees it again.
- Route 3, unsuitable material: head and DSL (a safeguarding route). The subject never sees it.
- Route 4, conduct concern: the head (with HR advice). The subject sees a summary once the
  head has informed them.
- Route 5, pupil exposure: head, DSL and the ICT coordinator.

Whoever raised a case on routes 1, 3, 4 and 5 keeps a summary of what they reported and its
state (``SUMMARY``), but not the chronology or evidence unless the table gives them more.
Governors, trust administrators and SLT members see no case for their role: only what they
raised themselves. A subject of a route 3 or 4 case gets nothing through a role they hold
(a DSL who is the subject of an allegation does not handle it).
"""

from django.db.models import Q

from safepractice.schools.models import Membership, Role
from safepractice.schools.rules import is_active_member, is_ict_coordinator  # one definition

from .models import Case, ReportTo, Route

VIEW = "view"  # the whole case: details, chronology, evidence list
SUMMARY = "summary"  # what was reported, its state and outcome
DOWNLOAD = "download"  # an evidence file
# What an actor must be able to do to take an action (each route's step names one).
HANDLE = "handle"  # the people handling the case
CONTRIBUTE = "contribute"  # handlers, and on route 1 the person bullied and whoever recorded it
WISHES = "wishes"  # the person bullied, alone
POLICE = "police"  # route 1: handlers or the person bullied, and only if they chose police
INFORM = "inform"  # route 4: the head alone decides to tell the member of staff

CAPABILITIES = (VIEW, SUMMARY, DOWNLOAD, HANDLE, CONTRIBUTE, WISHES, POLICE, INFORM)


def chosen_line_manager(case: Case) -> Membership | None:
    """Route 1: the line manager the person bullied chose to report to, if they did."""
    if case.route != Route.CYBERBULLYING or case.concerns is None:
        return None
    if case.cyberbullying.report_to != ReportTo.LINE_MANAGER:
        return None
    return case.concerns.line_manager


def is_handler(membership: Membership, case: Case) -> bool:
    route = Route(case.route)
    if route in (Route.UNSUITABLE_MATERIAL, Route.CONDUCT) and case.concerns_id == membership.pk:
        return False
    if membership.has_role(Role.HEAD_TEACHER):
        return True
    if route == Route.CYBERBULLYING:
        manager = chosen_line_manager(case)
        return manager is not None and manager.pk == membership.pk
    if route in (Route.INDECENT_IMAGES, Route.UNSUITABLE_MATERIAL):
        return membership.has_role(Role.DSL)
    if route == Route.PUPIL_EXPOSURE:
        return membership.has_role(Role.DSL) or is_ict_coordinator(membership)
    return False


def can(membership: Membership | None, case: Case, capability: str) -> bool:
    """May this member of the case's school do ``capability`` on ``case``?"""
    if membership is None or membership.school_id != case.school_id:
        return False
    if not is_active_member(membership):
        return False
    route = Route(case.route)
    handler = is_handler(membership, case)
    reporter = case.raised_by_id == membership.pk
    concerned = case.concerns_id == membership.pk
    bullied = route == Route.CYBERBULLYING and concerned
    helper = route == Route.CYBERBULLYING and reporter

    if capability == HANDLE:
        return handler
    if capability == DOWNLOAD and route == Route.INDECENT_IMAGES:
        return False  # the route holds no files at all
    if capability in (VIEW, DOWNLOAD, CONTRIBUTE):
        return handler or bullied or helper
    if capability == WISHES:
        return bullied
    if capability == POLICE:
        return handler or bullied
    if capability == INFORM:
        return route == Route.CONDUCT and membership.has_role(Role.HEAD_TEACHER) and not concerned
    if capability == SUMMARY:
        if handler or bullied or helper:
            return True
        if route == Route.CONDUCT and concerned:
            return case.subject_informed_at is not None
        return reporter and not concerned and route != Route.INDECENT_IMAGES
    raise ValueError(f"Unknown capability {capability!r}")


def knows_of(membership: Membership | None, case: Case) -> bool:
    """May this member learn anything of ``case`` at all: that it exists, its route?

    SUMMARY is the least capability and every other implies it. Anyone else is answered as if
    the case did not exist (the same 404), before anything about the case is said.
    """
    return can(membership, case, SUMMARY)


def can_raise(membership: Membership | None) -> bool:
    """Anyone in the policy's scope may raise any route."""
    return membership is not None and is_active_member(membership)


# The same rules as ``can`` for VIEW and SUMMARY, as SQL, so lists stay fast with thousands of
# cases. ``can`` stays the authority for each case opened; a test holds the two to the same
# answers for every role and route.
_NOTHING = Q(pk__in=[])


def _handler_q(membership: Membership) -> Q:
    subject_of_allegation = Q(
        route__in=[Route.UNSUITABLE_MATERIAL, Route.CONDUCT], concerns=membership
    )
    if membership.has_role(Role.HEAD_TEACHER):
        return ~subject_of_allegation
    handled = Q(
        route=Route.CYBERBULLYING,
        cyberbullying__report_to=ReportTo.LINE_MANAGER,
        concerns__line_manager=membership,
    )
    if membership.has_role(Role.DSL):
        handled |= Q(route__in=[Route.INDECENT_IMAGES, Route.UNSUITABLE_MATERIAL])
    if membership.has_role(Role.DSL) or is_ict_coordinator(membership):
        handled |= Q(route=Route.PUPIL_EXPOSURE)
    return handled & ~subject_of_allegation


def view_q(membership: Membership) -> Q:
    """Cases of the member's school they may VIEW in full."""
    if not is_active_member(membership):
        return _NOTHING
    bullied_or_helper = Q(route=Route.CYBERBULLYING) & (
        Q(concerns=membership) | Q(raised_by=membership)
    )
    return Q(school_id=membership.school_id) & (_handler_q(membership) | bullied_or_helper)


def summary_q(membership: Membership) -> Q:
    """Cases the member may see in SUMMARY (a superset of ``view_q``)."""
    if not is_active_member(membership):
        return _NOTHING
    informed_subject = Q(route=Route.CONDUCT, concerns=membership,
                         subject_informed_at__isnull=False)
    own_report = (
        Q(raised_by=membership)
        & ~Q(concerns=membership)
        & ~Q(route=Route.INDECENT_IMAGES)
    )
    return view_q(membership) | (
        Q(school_id=membership.school_id) & (informed_subject | own_report)
    )
