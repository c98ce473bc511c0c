"""What the registers add to each person's home page and navigation."""

from django.urls import reverse

from safepractice.schools.models import Membership, Role
from safepractice.web import home, navigation

from .rules import is_new_starter
from .selectors import (
    contact_exceptions_awaiting_agreement,
    declarations_awaiting_acknowledgement,
    declarations_due_reconfirmation,
    notices_awaiting_response,
    phone_exceptions_pending,
    starter_progress,
    unfinished_starters,
)


def _url(name: str, membership: Membership) -> str:
    return reverse(name, args=[membership.school.slug])


@home.register
def register_steps(membership: Membership) -> list[home.NextStep]:
    school = membership.school
    steps = []
    if is_new_starter(membership):
        progress = starter_progress(membership)
        if not progress.complete:
            steps.append(home.NextStep(
                "Finish your new-starter checklist", _url("registers:checklist", membership),
                urgency=2, detail=f"{progress.done_count} of {len(progress.steps)} done."))
    due = declarations_due_reconfirmation(school).filter(membership=membership).count()
    if due:
        steps.append(home.NextStep(
            "of your declarations need reconfirming for this school year",
            _url("registers:mine", membership), urgency=2, count=due))
    if membership.has_role(Role.SLT, Role.HEAD_TEACHER):
        queue = _url("registers:queue", membership)
        waiting = [
            (declarations_awaiting_acknowledgement(school).exclude(membership=membership)
             .count(), "social contact declarations await acknowledgement"),
            (contact_exceptions_awaiting_agreement(school).filter(
                senior_agreed_at__isnull=True).exclude(membership=membership).count(),
             "contact-details exceptions await senior agreement"),
            (phone_exceptions_pending(school).exclude(membership=membership).count(),
             "phone-on-duty requests await a decision"),
        ]
        steps += [home.NextStep(title, queue, urgency=1, count=count)
                  for count, title in waiting if count]
    if membership.has_role(Role.HEAD_TEACHER):
        notices = notices_awaiting_response(school).count()
        if notices:
            steps.append(home.NextStep(
                "professional-judgement notices await your response",
                _url("registers:queue", membership), urgency=1, count=notices))
        unfinished = len(unfinished_starters(school))
        if unfinished:
            steps.append(home.NextStep(
                "new starters have not finished their checklist",
                _url("registers:starters", membership), urgency=1, count=unfinished))
    return steps


@navigation.register
def register_nav(membership: Membership) -> list[navigation.NavItem]:
    items = [navigation.NavItem("My declarations", _url("registers:mine", membership), 30)]
    if membership.has_role(Role.SLT, Role.HEAD_TEACHER):
        items.append(navigation.NavItem("To acknowledge", _url("registers:queue", membership),
                                        31))
    return items
