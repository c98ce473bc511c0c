"""Session limits and fresh sign-ins, in one place.

- A session ends ``SESSION_IDLE_MINUTES`` after its last request (a computer left signed in
  in a classroom) and ``SESSION_ABSOLUTE_HOURS`` after signing in, however busy.
- A sign-in is *fresh* for ``FRESH_SIGN_IN_MINUTES`` after the password was typed or the
  authenticator code given (signing in, the second step, or the "Confirm it's you" page).
  ``web/sensitive.py`` asks for one before evidence downloads and exports.

Times are kept in the session as Unix seconds.
"""

import time

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse

from safepractice.web.formatting import count_text

SIGNED_IN_AT = "safepractice_signed_in_at"
SEEN_AT = "safepractice_seen_at"
FRESH_AT = "safepractice_fresh_at"
SIGNED_OUT_BECAUSE = "safepractice_signed_out_because"
SEEN_RESOLUTION_SECONDS = 60  # don't write the session on every request


@receiver(user_logged_in, dispatch_uid="safepractice.accounts.sessions.signed_in")
def _signed_in(sender, request: HttpRequest | None, user, **kwargs) -> None:
    if request is None or not hasattr(request, "session"):
        return
    now = time.time()
    request.session[SIGNED_IN_AT] = now
    request.session[SEEN_AT] = now
    request.session[FRESH_AT] = now


def mark_fresh(request: HttpRequest) -> None:
    """The person has just given their password or authenticator code."""
    request.session[FRESH_AT] = time.time()


def is_fresh(request: HttpRequest) -> bool:
    fresh_at = request.session.get(FRESH_AT)
    return fresh_at is not None and time.time() - fresh_at <= settings.FRESH_SIGN_IN_MINUTES * 60


def why_session_ended(session, now: float) -> str | None:
    """ "idle" or "absolute" if the session is past a limit, else None."""
    signed_in, seen = session.get(SIGNED_IN_AT), session.get(SEEN_AT)
    if signed_in is None or seen is None:
        return None  # a session from before these limits: the middleware starts its clock
    if now - seen > settings.SESSION_IDLE_MINUTES * 60:
        return "idle"
    if now - signed_in > settings.SESSION_ABSOLUTE_HOURS * 3600:
        return "absolute"
    return None


class SessionLimitsMiddleware:
    """Signs out a session past its idle or absolute limit; the sign-in page says why."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            session, now = request.session, time.time()
            if reason := why_session_ended(session, now):
                logout(request)
                request.session[SIGNED_OUT_BECAUSE] = reason
            else:
                session.setdefault(SIGNED_IN_AT, now)
                if now - session.get(SEEN_AT, 0) > SEEN_RESOLUTION_SECONDS:
                    session[SEEN_AT] = now
        return self.get_response(request)


def signed_out_message(request: HttpRequest) -> str:
    """Why the last session ended, once (for the sign-in page), or ""."""
    reason = request.session.pop(SIGNED_OUT_BECAUSE, None)
    if reason == "idle":
        return (
            f"You were signed out after {count_text(settings.SESSION_IDLE_MINUTES, 'minute')} "
            "without "
            "using safepractice. Sign in again."
        )
    if reason == "absolute":
        return (
            f"You were signed out {count_text(settings.SESSION_ABSOLUTE_HOURS, 'hour')} after "
            "signing in. "
            "Sign in again."
        )
    return ""
