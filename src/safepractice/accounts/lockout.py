"""Sign-in lockout, in one place: a django-axes handler with the project's rules.

The old rule (five wrong passwords for an account, from anywhere, lock it for an hour) let
anyone lock the head out by typing their email address five times. Now:

- **An account from one address.** ``AXES_FAILURE_LIMIT`` wrong passwords for one account from
  one address pause sign-in to that account *from that address*; the person still signs in
  from anywhere else. The pause grows with each further wrong password from there: the first
  lasts ``LOCKOUT_FIRST_MINUTES``, each next one twice as long, up to
  ``LOCKOUT_LONGEST_HOURS``. A right password from that address clears its count.
- **One address, many accounts.** ``LOCKOUT_ADDRESS_LIMIT`` wrong passwords from one address in
  ``LOCKOUT_ADDRESS_WINDOW_MINUTES``, whichever accounts they name, pause every sign-in from
  that address (password spraying). The limit is high because a school's staff share one
  address.
- Attempts refused during a pause are not guesses (no password was checked): they neither
  count nor lengthen it. Failures are forgotten ``AXES_COOLOFF_TIME`` after the last one.
- The person is told by email when their account is paused (once a day per address), and a
  system administrator lifts a pause with the Django admin's "Unlock sign-in" action or
  ``safepractice unlock EMAIL`` / ``--address``.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from axes.handlers.database import AxesDatabaseHandler
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_client_username
from axes.models import AccessAttempt
from axes.signals import user_locked_out
from django.conf import settings
from django.db import transaction
from django.db.models import Max, Sum
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from safepractice.audit.actions import SIGN_IN_PAUSED, SIGN_IN_UNLOCKED
from safepractice.audit.services import record
from safepractice.web.formatting import datetime_text


def normalise_username(value: str | None) -> str | None:
    """Emails are stored lower-case; ``Head@`` and ``head@`` must count as one account."""
    return value.strip().lower() if value else value


def username_of(request: HttpRequest, credentials: dict | None) -> str | None:
    """``AXES_USERNAME_CALLABLE``: the account an attempt names, as it is stored."""
    field = settings.AXES_USERNAME_FORM_FIELD
    if credentials and credentials.get(field):
        return normalise_username(credentials[field])
    data = getattr(request, "data", None) or request.POST
    return normalise_username(data.get(field))


def client_address(request: HttpRequest) -> str | None:
    """``AXES_CLIENT_IP_CALLABLE``: the visitor's address.

    Behind our own reverse proxy (``BEHIND_PROXY=1``) every request comes from the proxy, so the
    address is the last entry of ``X-Forwarded-For``, the one the proxy itself appended
    (anything before it came from the visitor and may be forged). Otherwise ``REMOTE_ADDR``.
    """
    if getattr(settings, "BEHIND_PROXY", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if last := forwarded.split(",")[-1].strip():
            return last
    return request.META.get("REMOTE_ADDR")


def pause_after(failures: int) -> timedelta:
    """How long an account is paused from one address after ``failures`` wrong passwords."""
    steps = max(0, failures - settings.AXES_FAILURE_LIMIT)
    first = timedelta(minutes=settings.LOCKOUT_FIRST_MINUTES)
    longest = timedelta(hours=settings.LOCKOUT_LONGEST_HOURS)
    # Capped before multiplying so a long run of failures cannot overflow the timedelta.
    return min(first * (2 ** min(steps, 30)), longest)


@dataclass(frozen=True)
class Lock:
    """A pause in force: which kind, and when it ends."""

    kind: str  # "account" (this account from this address) or "address" (every account)
    until: datetime

    def minutes_left(self, now: datetime | None = None) -> int:
        seconds = (self.until - (now or timezone.now())).total_seconds()
        return max(1, int(-(-seconds // 60)))


def lock_for(username: str | None, address: str | None, now: datetime) -> Lock | None:
    """The pause that refuses an attempt for ``username`` from ``address`` now, if any."""
    remembered = AccessAttempt.objects.filter(
        attempt_time__gt=now - settings.AXES_COOLOFF_TIME, ip_address=address
    )
    if username:
        pair = remembered.filter(username=username).aggregate(
            failures=Sum("failures_since_start"), last=Max("attempt_time")
        )
        failures = pair["failures"] or 0
        if failures >= settings.AXES_FAILURE_LIMIT:
            until = pair["last"] + pause_after(failures)
            if now < until:
                return Lock("account", until)
    window = timedelta(minutes=settings.LOCKOUT_ADDRESS_WINDOW_MINUTES)
    recent = remembered.filter(attempt_time__gt=now - window).aggregate(
        failures=Sum("failures_since_start"), latest=Max("attempt_time")
    )
    if (recent["failures"] or 0) >= settings.LOCKOUT_ADDRESS_LIMIT:
        # Lifts as the failures age out of the window: at the latest, when the last one does.
        return Lock("address", recent["latest"] + window)
    return None


def _lock_of_request(request: HttpRequest, credentials: dict | None) -> Lock | None:
    return lock_for(
        get_client_username(request, credentials),
        request.axes_ip_address,
        request.axes_attempt_time or timezone.now(),
    )


class LockoutHandler(AxesDatabaseHandler):
    """axes' database handler recording attempts as usual, with ``lock_for`` deciding.

    Needs ``AXES_LOCK_OUT_AT_FAILURE = False`` (the parent's own limit check stays out of the
    way) and ``AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False`` (axes then marks the
    attempts it refused, which this handler does not count).
    """

    def is_locked(self, request, credentials: dict | None = None) -> bool:
        return _lock_of_request(request, credentials) is not None

    def user_login_failed(self, sender, credentials: dict, request=None, **kwargs) -> None:
        if request is None or getattr(request, "axes_locked_out", False):
            return  # refused unchecked while paused: not a guess
        super().user_login_failed(sender, credentials, request, **kwargs)
        lock = _lock_of_request(request, credentials)
        if lock is not None:
            request.axes_locked_out = True
            request.axes_credentials = credentials
            user_locked_out.send(
                "axes",
                request=request,
                username=get_client_username(request, credentials),
                ip_address=request.axes_ip_address,
                lock=lock,
            )


def lockout_response(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict | None = None,
) -> HttpResponse:
    """``AXES_LOCKOUT_CALLABLE``: the page saying what is paused and for how long."""
    lock = _lock_of_request(request, credentials)
    return render(
        request,
        "accounts/locked_out.html",
        {
            "lock": lock,
            "minutes": lock.minutes_left() if lock else settings.LOCKOUT_FIRST_MINUTES,
        },
        status=429,
    )


@receiver(user_locked_out, dispatch_uid="safepractice.accounts.lockout.tell")
def tell_the_person(
    sender,
    request,
    username: str | None,
    ip_address: str | None,
    lock: Lock | None = None,
    **kwargs,
) -> None:
    """Email the account's owner when their account (not only the address) is paused."""
    # Lazy: django-axes loads this handler from the settings, before the app registry is ready;
    # models and URLs only at call time.
    from django.urls import reverse

    from safepractice.accounts.models import User
    from safepractice.policies.reminders import absolute, send_once

    if lock is None or lock.kind != "account" or not username:
        return
    user = User.objects.filter(email__iexact=username, is_active=True).first()
    if user is None:
        return
    record(SIGN_IN_PAUSED, target=user, address=ip_address, until=lock.until)
    local_until = datetime_text(lock.until)
    body = (
        f"Hello {user.get_short_name()},\n\n"
        f"There were {settings.AXES_FAILURE_LIMIT} or more wrong passwords for your "
        f"safepractice account from the address {ip_address}. Sign-in to your account from "
        f"that address is paused until {local_until}. You can still sign in from anywhere "
        "else.\n\n"
        "If this was you, wait, or reset your password:\n"
        f"{absolute(reverse('accounts:password_reset'))}\n\n"
        "If it was not you, someone may be trying to guess your password: tell your head "
        "teacher or your system administrator.\n"
    )
    key = f"sign-in-paused:{user.pk}:{ip_address}:{timezone.localdate().isoformat()}"
    transaction.on_commit(
        lambda: send_once(key, user.email, "Sign-in to your safepractice account paused", body)
    )


def unlock(*, email: str | None = None, address: str | None = None, by=None) -> int:
    """Lift the pauses on an account (every address) and/or on an address (every account).
    Returns how many attempt records were cleared; audited."""
    if not email and not address:
        raise ValueError("Name an account, an address, or both.")
    username = normalise_username(email)
    if username and address:
        cleared = AxesProxyHandler.reset_attempts(username=username, ip_address=address)
    elif username:
        cleared = AxesProxyHandler.reset_attempts(username=username)
    else:
        cleared = AxesProxyHandler.reset_attempts(ip_address=address)
    record(
        SIGN_IN_UNLOCKED,
        actor=by,
        object_type="account",
        object_id=username or "",
        address=address or "",
        cleared=cleared,
    )
    return cleared
