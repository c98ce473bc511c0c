"""Invitations and two-factor set-up links: who may set up a second factor, and how.

Two-factor set-up used to be first come, first served: whoever first signed in with the
password enrolled their own phone. Now an authenticator app is set up only in a session that
has proved it reads the person's email:

- **An invitation** (``Invitation.INVITE``, ``INVITATION_DAYS``) goes to each new member (a
  roster import, the Django admin, ``safepractice invite``). Its link sets their password,
  signs them in and lets them set up two-factor sign-in. A new invitation replaces any earlier
  one and clears the person's old second factors (an administrator's fresh start for someone
  who lost their phone and their recovery codes).
- **A set-up link** (``Invitation.ENROL``, ``ENROL_LINK_HOURS``) is emailed to someone signed in
  with their password who has no authenticator app yet; it works only in that person's own
  signed-in session.

Either link works once. Using it grants the session ``ENROL_GRANT_MINUTES`` to set up the app.
"""

import hashlib
import secrets
from datetime import datetime, timedelta

from django.contrib.auth import login
from django.db import transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from safepractice.audit.actions import (
    INVITATION_ACCEPTED,
    INVITATION_SENT,
    TWO_FACTOR_LINK_SENT,
    TWO_FACTOR_LINK_USED,
)
from safepractice.audit.services import record
from safepractice.errors import ApplicationError

from .models import Invitation, User
from .twofactor import forget_devices

INVITATION_DAYS = 7
ENROL_LINK_HOURS = 24
ENROL_LINK_RESEND_MINUTES = 10  # a reload of the set-up page does not send another email
ENROL_GRANT_MINUTES = 30
ENROL_GRANT_KEY = "safepractice_enrol_grant"


def _digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def _new_link(
    user: User, purpose: str, lifetime: timedelta, by: User | None
) -> tuple[Invitation, str]:
    raw = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        user=user,
        purpose=purpose,
        digest=_digest(raw),
        expires_at=timezone.now() + lifetime,
        created_by=by if by is not None and by.is_authenticated else None,
    )
    return invitation, raw


def _email(invitation: Invitation, subject: str, body: str) -> None:
    # The project's one email helper lives with the policy reminders (an app that depends on
    # this one): imported here, not at the top.
    from safepractice.policies.reminders import send_once

    key, to = f"account-link:{invitation.pk}", invitation.user.email
    transaction.on_commit(lambda: send_once(key, to, subject, body))


@transaction.atomic
def invite(user: User, *, by: User | None = None) -> Invitation:
    """Email ``user`` a fresh invitation; any earlier unused one stops working."""
    # Lazy: policies imports accounts (its reminders address people); imported at call time so the
    # two apps load in either order.
    from safepractice.policies.reminders import absolute

    Invitation.objects.filter(user=user, purpose=Invitation.INVITE).usable().update(
        used_at=timezone.now()
    )
    invitation, raw = _new_link(user, Invitation.INVITE, timedelta(days=INVITATION_DAYS), by)
    schools = ", ".join(m.school.name for m in user.memberships.select_related("school"))
    body = (
        f"Hello {user.get_short_name()},\n\n"
        f"You have a safepractice account{f' at {schools}' if schools else ''}: it helps staff "
        "follow the school's social media policy.\n\n"
        "Open this link to choose your password (and, if your role needs it, set up two-factor "
        f"sign-in with an authenticator app). It works once, for {INVITATION_DAYS} days:\n"
        f"{absolute(reverse('accounts:invitation', args=[raw]))}\n\n"
        "If you did not expect this, tell your head teacher or your system administrator.\n"
    )
    _email(invitation, "Your safepractice account", body)
    record(INVITATION_SENT, actor=by, target=user, expires_at=invitation.expires_at)
    return invitation


@transaction.atomic
def send_enrolment_link(user: User) -> bool:
    """Email a signed-in person a link to set up two-factor sign-in; False if one went out in
    the last ``ENROL_LINK_RESEND_MINUTES`` (it is still in their inbox)."""
    # Lazy: as above (policies' reminders).
    from safepractice.policies.reminders import absolute

    recent = timezone.now() - timedelta(minutes=ENROL_LINK_RESEND_MINUTES)
    if Invitation.objects.filter(user=user, purpose=Invitation.ENROL, created__gt=recent).exists():
        return False
    invitation, raw = _new_link(user, Invitation.ENROL, timedelta(hours=ENROL_LINK_HOURS), None)
    body = (
        f"Hello {user.get_short_name()},\n\n"
        "You signed in to safepractice and need to set up two-factor sign-in. Open this link "
        f"in the same browser, within {ENROL_LINK_HOURS} hours:\n"
        f"{absolute(reverse('accounts:enrol', args=[raw]))}\n\n"
        "If you did not just sign in, someone knows your password: do not open the link, and "
        "tell your system administrator.\n"
    )
    _email(invitation, "Set up two-factor sign-in for safepractice", body)
    record(TWO_FACTOR_LINK_SENT, target=user)
    return True


def usable_link(raw: str, purpose: str) -> Invitation | None:
    """The unused, unexpired link with secret ``raw``, or None."""
    if not raw or len(raw) > 100:
        return None
    return (
        Invitation.objects.usable()
        .select_related("user")
        .filter(digest=_digest(raw), purpose=purpose, user__is_active=True)
        .first()
    )


def _use(invitation: Invitation) -> bool:
    """Mark the link used; False if another request used it first."""
    return bool(
        Invitation.objects.filter(pk=invitation.pk, used_at__isnull=True).update(
            used_at=timezone.now()
        )
    )


class LinkRefused(ApplicationError):
    """The link may not be used (already used, or for someone else); the message says why.

    The link pages catch it: they show ``link_unusable.html``, which says what to do next.
    """

    status = 403


@transaction.atomic
def accept_invitation(request: HttpRequest, invitation: Invitation, password: str) -> User:
    """Set the password, sign the person in, and let this session set up two-factor sign-in."""
    if not _use(invitation):
        raise LinkRefused("This invitation has already been used.")
    user = invitation.user
    user.set_password(password)
    user.save(update_fields=["password"])
    forget_devices(user)
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    grant_enrolment(request)
    record(INVITATION_ACCEPTED, actor=user, target=user)
    return user


@transaction.atomic
def use_enrolment_link(request: HttpRequest, invitation: Invitation) -> None:
    if invitation.user_id != request.user.pk:
        raise LinkRefused("This link is for someone else: sign in as the person it was sent to.")
    if not _use(invitation):
        raise LinkRefused("This link has already been used.")
    grant_enrolment(request)
    record(TWO_FACTOR_LINK_USED, actor=request.user, target=request.user)


def grant_enrolment(request: HttpRequest) -> None:
    until = timezone.now() + timedelta(minutes=ENROL_GRANT_MINUTES)
    request.session[ENROL_GRANT_KEY] = {"user": request.user.pk, "until": until.isoformat()}


def may_enrol(request: HttpRequest) -> bool:
    """Whether this session may set up an authenticator app (it used an emailed link lately)."""
    grant = request.session.get(ENROL_GRANT_KEY) or {}
    if grant.get("user") != request.user.pk:
        return False
    try:
        until = datetime.fromisoformat(grant["until"])
    except (KeyError, TypeError, ValueError):
        return False
    return timezone.now() < until


def end_enrolment(request: HttpRequest) -> None:
    request.session.pop(ENROL_GRANT_KEY, None)


def needs_invitation(user: User) -> bool:
    """An account nobody can sign in to yet (no password) and with no live invitation."""
    return (
        not user.has_usable_password()
        and not Invitation.objects.filter(user=user, purpose=Invitation.INVITE).usable().exists()
    )
