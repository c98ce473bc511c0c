"""Signing in within Django's test client, including the second factor."""

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice


def give_authenticator(user) -> TOTPDevice:
    """The person's confirmed authenticator app, created if they have none."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    return device


def current_code(device: TOTPDevice) -> str:
    """The app's code now. Each code verifies once: forget the last one used so a test may ask
    again within the same 30 seconds."""
    device.refresh_from_db()
    device.last_t = -1
    device.throttling_failure_count = 0
    device.throttling_failure_timestamp = None
    device.save()
    value = totp(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{value:0{device.digits}d}"


def sign_in_verified(client, user) -> None:
    """Sign in as ``user`` with a confirmed TOTP device, as after a real two-factor step."""
    device = give_authenticator(user)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


def grant_enrolment(client, user) -> None:
    """As if ``user``, signed in, had just opened an emailed two-factor set-up link."""
    # Test helpers: imported by tests before Django is set up, so Django's modules load at call
    # time.
    from datetime import timedelta

    from django.utils import timezone

    from safepractice.accounts.invitations import ENROL_GRANT_KEY, ENROL_GRANT_MINUTES

    until = timezone.now() + timedelta(minutes=ENROL_GRANT_MINUTES)
    session = client.session
    session[ENROL_GRANT_KEY] = {"user": user.pk, "until": until.isoformat()}
    session.save()


def make_token(membership, *, cases: bool = False, **options) -> str:
    """A raw API token for the membership; with ``cases``, case access granted with a code.
    Whoever needs two-factor sign-in, or asks for case access, is given an authenticator."""
    # As above: at call time, once Django is set up.
    from safepractice.accounts.twofactor import requires_two_factor
    from safepractice.api.models import Scope
    from safepractice.api.tokens import create_token

    code = ""
    if cases or requires_two_factor(membership.user):
        code = current_code(give_authenticator(membership.user))
    scopes = {Scope.CHECK, Scope.CASES} if cases else {Scope.CHECK}
    return create_token(membership, options.pop("name", "tests"), scopes=scopes, code=code,
                        **options)[1]

