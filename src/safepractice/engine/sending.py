"""Whether an item must not be sent at all, and whom to talk to: one rule for every front.

Most findings can be put right: take the number out, drop the school's name, and the safer
version may go. Some cannot. Wording that could be read as grooming is not made safe by
rewording it, and a message to a pupil that breaks the policy is a message that should not
exist. For those every front (web page, API, CLI) says "do not send this" and who to talk
to, and offers no rewritten text, not even in a finding's suggestion (``Checker.check``).
"""

from collections.abc import Iterable
from dataclasses import asdict, dataclass

from .content import Content, ContentKind, Recipient
from .context import SchoolContext
from .findings import Finding, Severity

# The catalogue's topic for wording that builds secrecy, special friendship or private
# contact with a pupil (communication.grooming-risk, communication.request-personal-info).
GROOMING_TOPIC = "grooming-risk"


def _to_pupil(content: Content) -> bool:
    return content.kind is ContentKind.MESSAGE and content.recipient is Recipient.PUPIL


def must_not_send(content: Content, findings: Iterable[Finding]) -> bool:
    """True when the item must not go out in any form.

    A grooming-risk finding at risk or breach (advice is the detector's own soft call, as a
    public comment asking "whoever this is" for their Snapchat), or any breach in a direct
    message to a pupil. Severities are the checked ones, so a school's overrides count.
    """
    to_pupil = _to_pupil(content)
    return any(
        (finding.topic == GROOMING_TOPIC and finding.severity.rank >= Severity.RISK.rank)
        or (to_pupil and finding.severity is Severity.BREACH)
        for finding in findings
    )


@dataclass(frozen=True)
class SendAdvice:
    """What a front shows above the findings: nothing, or "do not send" and whom to ask."""

    do_not_send: bool
    reason: str = ""
    talk_to: str = ""

    def as_dict(self) -> dict[str, bool | str]:
        return asdict(self)


def send_advice(
    content: Content, findings: Iterable[Finding], context: SchoolContext
) -> SendAdvice:
    findings = list(findings)
    if not must_not_send(content, findings):
        return SendAdvice(do_not_send=False)
    grooming = any(f.topic == GROOMING_TOPIC for f in findings)
    to_pupil = _to_pupil(content)
    if grooming:
        reason = (
            "Parts of this could be read as grooming. Rewording it does not make it "
            "safe, so no safer version is offered."
        )
    else:
        reason = (
            "A message like this to a pupil goes against the policy on communication "
            "with pupils, so no safer version is offered."
        )
    return SendAdvice(do_not_send=True, reason=reason, talk_to=_talk_to(context, to_pupil))


def _talk_to(context: SchoolContext, to_pupil: bool) -> str:
    """The school's designated safeguarding lead(s) by name, from its configuration."""
    leads = [name.strip() for name in context.safeguarding_leads if name.strip()]
    if not leads:
        who = "your school's designated safeguarding lead"
    elif len(leads) == 1:
        who = f"{leads[0]}, your designated safeguarding lead,"
    else:
        who = f"{', '.join(leads[:-1])} or {leads[-1]}, your designated safeguarding leads,"
    if to_pupil:
        return f"Talk to {who} before you contact this pupil again."
    return f"Talk to {who} before you post anything like it."
