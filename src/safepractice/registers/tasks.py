"""Scheduled reminders about declarations, exceptions and notices (see docs/duties.md)."""


from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from safepractice.policies.reminders import absolute, send_once, weekly_key
from safepractice.schools.models import Role, School
from safepractice.schools.selectors import members_with_role
from safepractice.web.formatting import count_text, date_text

from .models import ContactDetailsException
from .rules import ENDING_SOON
from .selectors import (
    contact_exceptions_awaiting_agreement,
    declarations_awaiting_acknowledgement,
    declarations_due_reconfirmation,
    notices_awaiting_response,
    phone_exceptions_pending,
    unfinished_starters,
)


def _digest_to(people, key: str, subject: str, body: str) -> int:
    return sum(send_once(weekly_key(key, person.pk), person.user.email, subject, body)
               for person in people)


@task()
def send_register_reminders(school_id: int) -> int:
    school = School.objects.get(pk=school_id)
    slug, sent = school.slug, 0
    queue_url = absolute(reverse("registers:queue", args=[slug]))
    mine_url = absolute(reverse("registers:mine", args=[slug]))
    senior = list(members_with_role(school, Role.SLT))
    waiting = {
        "social contact declarations to acknowledge":
            declarations_awaiting_acknowledgement(school).count(),
        "contact-details exceptions awaiting agreement":
            contact_exceptions_awaiting_agreement(school).count(),
        "phone-on-duty requests to decide": phone_exceptions_pending(school).count(),
    }
    lines = [f"{count} {what}" for what, count in waiting.items() if count]
    if lines:
        sent += _digest_to(senior, "senior-digest", "Declarations and exceptions are waiting",
                           "\n".join(lines) + f"\n{queue_url}\n")
    notices = notices_awaiting_response(school).count()
    if notices:
        sent += _digest_to(members_with_role(school, Role.HEAD_TEACHER), "notices",
                           f"{notices} professional-judgement notices await your response",
                           f"{queue_url}\n")
    for declaration in declarations_due_reconfirmation(school):
        person = declaration.membership
        sent += send_once(weekly_key("reconfirm", declaration.pk), person.user.email,
                          "Please reconfirm your declaration for this school year",
                          f"Your declaration about {declaration.contact_with} needs "
                          f"reconfirming.\n{mine_url}\n")
    # Agreed or not: the owner hears that their exception is running out (rules.ENDING_SOON).
    soon = timezone.localdate() + ENDING_SOON
    for exception in ContactDetailsException.objects.filter(
            school=school, ended_at__isnull=True, ends_on__gte=timezone.localdate(),
            ends_on__lte=soon).select_related("membership__user"):
        sent += send_once(weekly_key("contact-ends", exception.pk),
                          exception.membership.user.email,
                          f"Your contact-details exception ends on {date_text(exception.ends_on)}",
                          f"{exception} ends on {date_text(exception.ends_on)}.\n{mine_url}\n")
    checklist_url = absolute(reverse("registers:checklist", args=[slug]))
    for progress in unfinished_starters(school):
        person = progress.membership
        sent += send_once(weekly_key("starter", person.pk), person.user.email,
                          "Your new-starter checklist is not finished",
                          f"{progress.done_count} of "
                          f"{count_text(len(progress.steps), 'step')} done.\n"
                          f"{checklist_url}\n")
    return sent
