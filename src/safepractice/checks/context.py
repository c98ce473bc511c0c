"""The school's ``SchoolContext`` and ``Checker``, built in one place and cached per process.

Every front that checks content for a school (web page, API, archive review) calls
``checker_for(school)``. The context is read from the School row and its rosters; the
``Checker`` built on it is kept per process until the school's ``ContextVersion`` moves on,
which happens whenever the school, its pupils or its staff change.
"""

import threading
import time

from django.db.models import F
from django.db.models.signals import post_delete, post_save

from safepractice.engine import Checker, SchoolContext
from safepractice.engine.context import RosterPerson
from safepractice.schools.models import Membership, Pupil, Role, School
from safepractice.schools.rules import active_member_q

from .models import ContextVersion

# How long a process trusts its cached Checker before asking the database for the version
# again. A change made in this process is seen at once (the signal drops the cache); one made
# by another process is seen within this time. Saves a query on every check.
VERSION_CHECK_SECONDS = 1.0

_lock = threading.Lock()
_checkers: dict[int, tuple[int, Checker]] = {}
_version_checked_at: dict[int, float] = {}


def school_context(school: School) -> SchoolContext:
    """Everything school-specific the detectors use, read fresh from the database."""
    pupils = tuple(
        RosterPerson(p.first_name, p.last_name, p.preferred_name, p.status, p.year_group)
        for p in Pupil.objects.filter(school=school).order_by("pk")
    )
    members = [
        m for m in Membership.objects.filter(active_member_q(), school=school)
        .select_related("user")
        .order_by("pk")
        if m.user.full_name.strip()
    ]
    staff = tuple(_staff_person(m.user.full_name) for m in members)
    # Named in "do not send" advice; a change of roles saves the Membership, which moves the
    # context version on, so the cached Checker names whoever holds the role now.
    leads = tuple(m.user.full_name.strip() for m in members if m.has_role(Role.DSL))
    return SchoolContext(
        school_name=school.name,
        aliases=tuple(school.aliases or ()),
        hashtags=tuple(school.hashtags or ()),
        local_authority=school.local_authority,
        local_authority_aliases=tuple(school.local_authority_aliases or ()),
        work_email_domains=tuple(school.work_email_domains or ()),
        work_phone_numbers=tuple(school.work_phone_numbers or ()),
        pupils=pupils,
        staff=staff,
        safeguarding_leads=leads,
    )


def _staff_person(full_name: str) -> RosterPerson:
    first, _, last = full_name.strip().partition(" ")
    return RosterPerson(first_name=first, last_name=last.strip(), status="staff")


def context_version(school: School | int) -> int:
    school_id = school if isinstance(school, int) else school.pk
    version = (
        ContextVersion.objects.filter(school_id=school_id)
        .values_list("version", flat=True)
        .first()
    )
    return version or 0


def checker_for(school: School) -> Checker:
    """The school's ``Checker``: built once per process per context version."""
    cached = _checkers.get(school.pk)
    now = time.monotonic()
    if cached and now - _version_checked_at.get(school.pk, 0.0) < VERSION_CHECK_SECONDS:
        return cached[1]
    version = context_version(school)
    _version_checked_at[school.pk] = now
    if cached and cached[0] == version:
        return cached[1]
    with _lock:
        cached = _checkers.get(school.pk)
        if cached and cached[0] == version:
            return cached[1]
        # The row as it is now, not the caller's copy: callers such as the API may hold a
        # School loaded seconds ago, and the Checker built here lasts until the next change.
        checker = Checker(school_context(School.objects.get(pk=school.pk)))
        _checkers[school.pk] = (version, checker)
        return checker


def forget(school_id: int) -> None:
    _checkers.pop(school_id, None)
    _version_checked_at.pop(school_id, None)


def bump_version(school_id: int) -> None:
    forget(school_id)
    updated = ContextVersion.objects.filter(school_id=school_id).update(
        version=F("version") + 1
    )
    if not updated:
        ContextVersion.objects.get_or_create(school_id=school_id, defaults={"version": 1})


def _school_changed(sender, instance: School, **kwargs) -> None:
    if kwargs.get("signal") is post_delete:
        forget(instance.pk)
        return
    bump_version(instance.pk)


def _school_member_changed(sender, instance, **kwargs) -> None:
    bump_version(instance.school_id)


def _user_changed(sender, instance, update_fields=None, **kwargs) -> None:
    if update_fields is not None and "full_name" not in update_fields:
        return  # a sign-in (last_login) or password change: the roster's names are the same
    for school_id in Membership.objects.filter(user=instance).values_list("school_id", flat=True):
        bump_version(school_id)


def _roster_imported(sender, school: School, **kwargs) -> None:
    bump_version(school.pk)


def connect_signals() -> None:
    # Called from ready(): the user model and the schools' signals load only once the registry is
    # ready.
    from django.contrib.auth import get_user_model

    from safepractice.schools.signals import roster_changed

    uid = "checks.context"
    post_save.connect(_school_changed, sender=School, dispatch_uid=f"{uid}.school")
    post_delete.connect(_school_changed, sender=School, dispatch_uid=f"{uid}.school-deleted")
    for model in (Pupil, Membership):
        for signal in (post_save, post_delete):
            signal.connect(
                _school_member_changed, sender=model,
                dispatch_uid=f"{uid}.{model.__name__}.{id(signal)}",
            )
    post_save.connect(_user_changed, sender=get_user_model(), dispatch_uid=f"{uid}.user")
    roster_changed.connect(_roster_imported, dispatch_uid=f"{uid}.roster")
