"""Writes for schools and people."""

from dataclasses import dataclass

from django.db import transaction

from safepractice.accounts.models import User
from safepractice.audit.actions import (
    DUTY_ROLE_GRANTED,
    DUTY_ROLE_REVOKED,
    DUTY_ROLES_VIEWED,
    PEOPLE_VIEWED,
    ROSTER_IMPORTED,
)
from safepractice.audit.services import record
from safepractice.errors import ApplicationError

from . import rules
from .models import Membership, Pupil, Role, School
from .roster import ParsedRoster, RosterError, parse_roster
from .signals import roster_changed


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    duplicates_skipped: int
    encoding: str
    # One line each for roles a file named but the import did not change (see rules.py).
    notices: tuple[str, ...] = ()
    # Staff emailed an invitation to set their password (and two-factor sign-in).
    invited: int = 0


@transaction.atomic
def import_roster(school: School, data: bytes, kind: str, actor=None) -> ImportResult:
    """Import a pupil or staff roster: all rows or none. A re-import updates, never duplicates.

    A staff import sets staff details only: see ``rules`` for the duty roles it leaves alone
    and the accounts it may not change.
    """
    parsed = parse_roster(data, kind)
    notices: list[str] = []
    invited = 0
    if kind == "pupils":
        created, updated = _import_pupils(school, parsed)
    else:
        importer = rules.active_membership(actor, school) if actor is not None else None
        created, updated, notices, invited = _import_staff(
            school, parsed, rules.roles_an_import_may_not_set(importer), actor
        )
    record(
        ROSTER_IMPORTED, actor=actor, school=school, object_type=f"roster:{kind}",
        created=created, updated=updated, roles_ignored=len(notices), invited=invited,
    )
    roster_changed.send(sender=School, school=school)
    return ImportResult(
        created, updated, parsed.duplicates_skipped, parsed.encoding, tuple(notices), invited
    )


def _import_pupils(school: School, parsed: ParsedRoster) -> tuple[int, int]:
    existing = {p.external_id: p for p in Pupil.objects.filter(school=school)}
    to_create, to_update = [], []
    fields = ["first_name", "last_name", "preferred_name", "year_group", "status", "leaving_date"]
    for row in parsed.rows:
        pupil = existing.get(row["external_id"])
        if pupil is None:
            to_create.append(Pupil(school=school, external_id=row["external_id"],
                                   **{f: row[f] for f in fields}))
        else:
            for name in fields:
                setattr(pupil, name, row[name])
            to_update.append(pupil)
    Pupil.objects.bulk_create(to_create, batch_size=500)
    Pupil.objects.bulk_update(to_update, fields, batch_size=500)
    return len(to_create), len(to_update)


def _existing_accounts(school: School, parsed: ParsedRoster) -> dict[str, User]:
    """The accounts the rows name that exist already; refuse the file if any may not change."""
    emails = [row["email"] for row in parsed.rows]
    found = {
        user.email: user
        for user in User.objects.filter(email__in=emails).prefetch_related("memberships")
    }
    for row in parsed.rows:
        user = found.get(row["email"])
        if user is not None and (reason := rules.why_import_may_not_update(user, school)):
            raise RosterError(reason, row["line"])
    return found


def _labels(roles: set[str]) -> str:
    return ", ".join(Role(r).label for r in Role.values if r in roles)


def _import_staff(
    school: School, parsed: ParsedRoster, kept: frozenset[str], actor: User | None
) -> tuple[int, int, list[str], int]:
    # Lazy: accounts imports schools' models; invitations at call time keep the load order free.
    from safepractice.accounts.invitations import invite, needs_invitation

    existing = _existing_accounts(school, parsed)
    created = updated = invited = 0
    notices: list[str] = []
    for row in parsed.rows:
        full_name = f"{row['first_name']} {row['last_name']}"
        user = existing.get(row["email"])
        if user is None:
            # No password: the invitation emailed below sets it (and two-factor sign-in).
            user = User.objects.create_user(row["email"], None, full_name=full_name)
        elif user.full_name != full_name:
            user.full_name = full_name
            user.save(update_fields=["full_name"])
        membership = Membership.objects.filter(user=user, school=school).first()
        if membership is None:
            membership = Membership(user=user, school=school)
            created += 1
        else:
            updated += 1
        membership.staff_category = row["staff_category"]
        membership.job_title = row["job_title"] or membership.job_title
        membership.external_id = row["external_id"] or membership.external_id
        if row["roles"]:
            wanted, held = set(row["roles"]), set(membership.role_set)
            membership.set_roles((wanted - kept) | (held & kept))
            notices.extend(_ignored_roles(row["line"], full_name, wanted & kept, held & kept))
        membership.left_on = None
        membership.save()
        # New accounts, and any imported earlier that never got a usable invitation.
        if needs_invitation(user):
            invite(user, by=actor)
            invited += 1
    return created, updated, notices, invited


def _ignored_roles(line: int, name: str, wanted: set[str], held: set[str]) -> list[str]:
    """Notices for the roles a row names (``wanted``) or leaves out but the person holds."""
    where = "such roles change only on People › Duty roles, an audited step"
    notices = []
    if not_granted := wanted - held:
        notices.append(f"Line {line}: {name}: {_labels(not_granted)} not granted ({where}).")
    if not_removed := held - wanted:
        notices.append(f"Line {line}: {name}: {_labels(not_removed)} not removed ({where}).")
    return notices


# --- duty roles -----------------------------------------------------------------------------


class RoleChangeRefused(ApplicationError):
    """A duty role that may not be granted or revoked; the message says why."""


def grant_duty_role(membership: Membership, role: str, *, by: User) -> Membership:
    """Grant ``role`` to ``membership``: audited, and the person is told by email."""
    return _change_duty_role(membership, role, by=by, grant=True)


def revoke_duty_role(membership: Membership, role: str, *, by: User) -> Membership:
    """Revoke ``role`` from ``membership``: audited, and the person is told by email."""
    return _change_duty_role(membership, role, by=by, grant=False)


@transaction.atomic
def _change_duty_role(membership: Membership, role: str, *, by: User, grant: bool) -> Membership:
    if reason := rules.why_not_change_role(by, membership, role):
        raise RoleChangeRefused(reason)
    # The school's row first: two revocations of its last two heads at once take turns, so the
    # second sees the first and is refused.
    School.objects.select_for_update().filter(pk=membership.school_id).first()
    locked = (
        Membership.objects.select_for_update(of=("self",))
        .select_related("user", "school")
        .get(pk=membership.pk)
    )
    label = Role(role).label
    if grant == locked.has_role(role):
        held = "already holds" if grant else "does not hold"
        raise RoleChangeRefused(f"{locked.user} {held} the role {label}.")
    if not grant and (reason := rules.why_not_revoke(locked, role)):
        raise RoleChangeRefused(reason)
    roles = locked.role_set | {role} if grant else locked.role_set - {role}
    locked.set_roles(roles)
    locked.save(update_fields=["roles"])
    entry = record(
        DUTY_ROLE_GRANTED if grant else DUTY_ROLE_REVOKED,
        actor=by, school=locked.school, target=locked, role=role, member=locked.user.email,
    )
    _tell_about_role(locked, label, grant, by, key=f"duty-role:{entry.pk}")
    return locked


def _tell_about_role(membership: Membership, label: str, grant: bool, by: User, key: str) -> None:
    # The project's one email helper lives with the policy reminders, an app that depends on
    # this one: imported here, not at the top.
    from django.urls import reverse

    from safepractice.policies.reminders import absolute, send_once

    school = membership.school
    subject = (
        f"You are now {label} at {school}" if grant else f"You are no longer {label} at {school}"
    )
    body = (
        f"{by.full_name or by.email} {'granted you' if grant else 'removed'} the duty role "
        f"{label} {'at' if grant else 'from you at'} {school}.\n"
        f"{absolute(reverse('web:school_home', args=[school.slug]))}\n"
        "If you did not expect this, tell your head teacher or your system administrator.\n"
    )
    to = membership.user.email
    transaction.on_commit(lambda: send_once(key, to, subject, body))


def record_people_viewed(viewer: Membership) -> None:
    """The staff list names everyone in the school: each viewing is audited."""
    record(PEOPLE_VIEWED, actor=viewer.user, school=viewer.school, object_type="schools.people")


def record_duty_roles_viewed(viewer: Membership) -> None:
    record(DUTY_ROLES_VIEWED, actor=viewer.user, school=viewer.school,
           object_type="schools.duty_roles")
