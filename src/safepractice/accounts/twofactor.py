"""Who must use two-factor sign-in, and the devices that give the second factor.

``requires_two_factor`` is the one rule: the sign-in gate (``middleware``), API tokens
(``api/rules.py``) and fresh sign-ins all call it. Each person has at most one authenticator
app (a TOTP device) and one set of single-use recovery codes (a static device).
"""

from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from safepractice.schools.models import Membership, Role
from safepractice.schools.rules import CASE_ACCESS_ROLES, active_member_q, is_ict_coordinator

# Every role that opens cases (head, DSL, ICT coordinator: the records the policy guards most),
# and SLT, who run the people pages and agree declarations and exceptions.
ROLES_NEEDING_TWO_FACTOR = CASE_ACCESS_ROLES | {Role.SLT}
RECOVERY_CODE_COUNT = 10
RECOVERY_DEVICE_NAME = "Recovery codes"


def requires_two_factor(user) -> bool:
    """Head, DSL, ICT coordinator, SLT, trust and system administrators need a second factor."""
    if user.is_staff or user.is_superuser:
        return True
    if user.trust_roles.exists():
        return True
    return any(
        membership.has_role(*ROLES_NEEDING_TWO_FACTOR) or is_ict_coordinator(membership)
        for membership in Membership.objects.filter(active_member_q(), user=user)
        .select_related("school")
    )


def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def pending_device(user) -> TOTPDevice:
    """The unconfirmed device being set up, created on first visit to the set-up page."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)
    return device


def verify_app_code(user, code: str) -> TOTPDevice | None:
    """The person's authenticator app if ``code`` is its current code (each code works once)."""
    device = confirmed_device(user)
    code = (code or "").strip()
    if device is None or not (code.isdigit() and len(code) == 6):
        return None
    return device if device.verify_token(code) else None


def verify_recovery_code(user, code: str) -> StaticDevice | None:
    """The recovery-code device if ``code`` is one of its unused codes; the code is used up."""
    device = StaticDevice.objects.filter(user=user, confirmed=True).first()
    normalised = (code or "").strip().lower().replace(" ", "").replace("-", "")
    if device is None or not normalised:
        return None
    return device if device.verify_token(normalised) else None


@transaction.atomic
def new_recovery_codes(user) -> list[str]:
    """A fresh set of recovery codes (any earlier set stops working); shown to the person once."""
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=c) for c in codes])
    return codes


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


@transaction.atomic
def forget_devices(user) -> None:
    """Remove every second factor the person has (a new invitation sets them up afresh)."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
