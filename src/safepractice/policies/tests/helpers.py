"""Test helpers shared by the policies and registers tests."""

from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from safepractice.policies.importing import content_hash
from safepractice.policies.models import PolicyDocument, PolicyKind
from safepractice.policies.services import add_version


def signed_in(client: Client, membership) -> Client:
    """Sign in as the membership's user, with a confirmed second factor where roles need it."""
    user = membership.user
    client.force_login(user)
    device, _ = TOTPDevice.objects.get_or_create(user=user, name="test", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def make_policy(school, text: str = "Staff must not befriend pupils.\n", **fields):
    document = PolicyDocument.objects.create(
        school=school, title=fields.pop("title", "Social media policy"),
        kind=fields.pop("kind", PolicyKind.SOCIAL_MEDIA),
        requires_acknowledgement=fields.pop("requires_acknowledgement", True), **fields)
    version, _ = add_version(document, text)
    assert version.content_hash == content_hash(text)
    return document, version
