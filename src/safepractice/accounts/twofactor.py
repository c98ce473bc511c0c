"""Who must use two-factor sign-in, and the TOTP device helpers."""

from django_otp.plugins.otp_totp.models import TOTPDevice

from safepractice.schools.models import Membership, Role

ROLES_NEEDING_TWO_FACTOR = frozenset({Role.HEAD_TEACHER, Role.DSL, Role.SLT})


def requires_two_factor(user) -> bool:
    """Head, DSL, SLT, trust and system administrators must sign in with a second factor."""
    if user.is_staff or user.is_superuser:
        return True
    if user.trust_roles.exists():
        return True
    return any(
        membership.has_role(*ROLES_NEEDING_TWO_FACTOR)
        for membership in Membership.objects.filter(user=user).active()
    )


def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def pending_device(user) -> TOTPDevice:
    """The unconfirmed device being set up, created on first visit to the set-up page."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)
    return device
