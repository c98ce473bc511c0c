"""The audit of signing in and of changes to how an account signs in.

Django's and django-otp's views do the work; these record that it was done, so the views
write nothing to the audit log themselves."""

from safepractice.audit.actions import (
    PASSWORD_CHANGED,
    PASSWORD_RESET,
    RECOVERY_CODES_RENEWED,
    SIGN_IN_CONFIRMED,
    TWO_FACTOR_ENROLLED,
    TWO_FACTOR_VERIFIED,
    USER_SIGNED_IN,
)
from safepractice.audit.services import record

from .models import User
from .twofactor import new_recovery_codes


def record_signed_in(user: User) -> None:
    """The password was accepted (the second factor, where required, is recorded apart)."""
    record(USER_SIGNED_IN, actor=user, target=user)


def record_two_factor_verified(user: User, *, used_recovery_code: bool) -> None:
    record(TWO_FACTOR_VERIFIED, actor=user, target=user, recovery_code=used_recovery_code)


def record_two_factor_enrolled(user: User) -> None:
    record(TWO_FACTOR_ENROLLED, actor=user, target=user)


def record_sign_in_confirmed(user: User) -> None:
    """"Confirm it's you" passed, before an evidence download or an export."""
    record(SIGN_IN_CONFIRMED, actor=user, target=user)


def renew_recovery_codes(user: User) -> list[str]:
    """A new set of recovery codes, the old set no longer working; audited."""
    record(RECOVERY_CODES_RENEWED, actor=user, target=user)
    return new_recovery_codes(user)


def record_password_reset(user: User) -> None:
    record(PASSWORD_RESET, actor=user, target=user)


def record_password_changed(user: User) -> None:
    record(PASSWORD_CHANGED, actor=user, target=user)
