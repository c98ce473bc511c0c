"""Who may set whose duty roles, and whom a roster import may change: in one place.

- **Roles that open cases** (``CASE_ACCESS_ROLES``): head teacher, DSL and ICT coordinator,
  the roles ``cases/access.py`` hands cases to (a test holds the two equal). SLT opens no case
  but runs the people pages (roster imports) and agrees declarations and exceptions.
- **A roster import sets staff details only.** It never grants or removes a role in
  ``roles_an_import_may_not_set(importer)``: the roles that open cases always, and SLT too
  unless the importer is the school's head. Such roles in a file are ignored and each line is
  named in the import's notices. An import never changes an existing account that is not a
  member of the importing school, or that is also a member of another school (names and
  emails are global): such a row is an error and the file imports nothing.
- **An active member** (``is_active_member`` / ``active_member_q``): a membership with no
  leaving date, or one still ahead. Someone whose leaving date is next month is a member until
  then: they handle cases, get alerts and count for the policy. Every "current staff" read
  uses this pair; a test holds the two equal on every kind of date.
- **Granting or revoking** one of those roles is its own audited step
  (``services.grant_duty_role`` / ``revoke_duty_role``): the head teacher role only by a
  system administrator or an administrator of the school's trust; any other role by them,
  or by the school's head for someone else.
- **A school always has a head teacher.** The role is not revoked from the school's last
  current head (``why_not_revoke``): grant it to the next head first. The head is the case
  manager and handles every escalation route; without one, nobody would.
"""

import datetime

from django.db.models import Q
from django.utils import timezone

from safepractice.accounts.models import User

from .models import Membership, Role, School

CASE_ACCESS_ROLES = frozenset({Role.HEAD_TEACHER, Role.DSL, Role.ICT_COORDINATOR})
# The roles granted and revoked only through the audited step (People › Duty roles).
GOVERNED_ROLES = CASE_ACCESS_ROLES | {Role.SLT}


def is_active_member(membership: Membership, on: datetime.date | None = None) -> bool:
    """Is ``membership`` active on ``on`` (today by default)? The leaving date is their first
    day gone, so on that day they are no longer a member."""
    on = on or timezone.localdate()
    return membership.left_on is None or membership.left_on > on


def active_member_q(on: datetime.date | None = None, prefix: str = "") -> Q:
    """``is_active_member`` as a filter on memberships; ``prefix`` (e.g. ``"membership__"``)
    applies it through a relation."""
    on = on or timezone.localdate()
    return Q(**{f"{prefix}left_on__isnull": True}) | Q(**{f"{prefix}left_on__gt": on})


def active_membership(user, school: School) -> Membership | None:
    """The visitor's membership of ``school`` if it is active today, else None."""
    if not user.is_authenticated:
        return None
    membership = (
        Membership.objects.select_related("school", "user")
        .filter(user=user, school=school)
        .first()
    )
    if membership is None or not is_active_member(membership):
        return None
    return membership


def is_ict_coordinator(membership: Membership) -> bool:
    """The ICT coordinator duty: the role, or the school's named ICT coordinator (the older
    single-person setting). Both open pupil-exposure cases, and both need two-factor sign-in."""
    return (
        membership.has_role(Role.ICT_COORDINATOR)
        or membership.school.ict_coordinator_id == membership.pk
    )


def roles_an_import_may_not_set(importer: Membership | None) -> frozenset[str]:
    """Roles a roster import by ``importer`` (their active membership of the school; None from
    the command line) leaves as they are."""
    if importer is not None and importer.has_role(Role.HEAD_TEACHER):
        return CASE_ACCESS_ROLES
    return GOVERNED_ROLES


def why_import_may_not_update(user: User, school: School) -> str | None:
    """None if a roster import into ``school`` may update the existing account ``user``."""
    school_ids = {m.school_id for m in user.memberships.all()}
    if school.pk not in school_ids:
        return (
            f"{user.email} is an existing account that is not a member of this school, and an "
            "import may not change it. Ask a system administrator to add them."
        )
    if len(school_ids) > 1:
        return (
            f"{user.email} is also a member of another school, and an import here may not "
            "change their account. Ask a system administrator."
        )
    return None


def administers(user: User | None, school: School) -> bool:
    """A system administrator, or an administrator of the school's trust."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return (
        school.trust_id is not None and user.trust_roles.filter(trust_id=school.trust_id).exists()
    )


def why_not_change_role(user: User | None, membership: Membership, role: str) -> str | None:
    """None if ``user`` may grant or revoke ``role`` for ``membership``; else the reason."""
    if role not in Role.values:
        return f"{role!r} is not a duty role."
    if not is_active_member(membership):
        return f"{membership.user} is no longer a member of {membership.school}."
    if administers(user, membership.school):
        return None
    if role == Role.HEAD_TEACHER:
        return (
            "Only a system administrator or an administrator of the school's trust grants or "
            "revokes the head teacher role."
        )
    acting = active_membership(user, membership.school) if user is not None else None
    if acting is None or not acting.has_role(Role.HEAD_TEACHER):
        return "Only the head teacher grants or revokes duty roles."
    if acting.pk == membership.pk:
        return (
            "The head does not change their own duty roles: ask a system administrator or an "
            "administrator of the school's trust."
        )
    return None


def why_not_revoke(membership: Membership, role: str) -> str | None:
    """None if ``role`` may be taken from ``membership`` (who holds it); else the reason."""
    if role != Role.HEAD_TEACHER:
        return None
    heads = Membership.objects.with_role(Role.HEAD_TEACHER).filter(school_id=membership.school_id)
    if any(is_active_member(head) for head in heads.exclude(pk=membership.pk)):
        return None
    return (
        f"{membership.user} is the only head teacher of {membership.school}, and a school "
        "always has one: grant the role to the new head first, then revoke it here."
    )
