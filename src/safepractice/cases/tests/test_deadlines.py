"""Time: route 2's 60 minutes, the acknowledgement due in working days, task reminders."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from safepractice import queues
from safepractice.cases import notify, services, tasks
from safepractice.cases.models import Case, CaseAlert, Route
from safepractice.cases.workingdays import add_working_days, is_working_day
from safepractice.testing.auth import sign_in_verified as sign_in
from safepractice.testing.cases import make_case, make_staff_room
from safepractice.web.home import next_steps

pytestmark = pytest.mark.django_db
LONDON = zoneinfo.ZoneInfo("Europe/London")


def _raise_indecent_images(room, when, capture):
    with time_machine.travel(when, tick=False), capture(execute=True):
        return make_case(room, Route.INDECENT_IMAGES)


def test_raising_indecent_images_alerts_head_and_dsl_at_once(django_capture_on_commit_callbacks):
    room = make_staff_room()
    with django_capture_on_commit_callbacks(execute=True):
        case = make_case(room, Route.INDECENT_IMAGES)
    recipients = {a.recipient for a in case.alerts.all()}
    assert recipients == {room.head, room.dsl}
    assert {m.to[0] for m in mail.outbox} == {room.head.user.email, room.dsl.user.email}
    # The email carries no details, only the reference and what to do.
    assert all(case.details.device not in m.body for m in mail.outbox)


def test_the_banner_shows_minutes_elapsed_until_both_notifications_are_recorded(
    client, django_capture_on_commit_callbacks
):
    room = make_staff_room()
    start = datetime.datetime(2026, 11, 24, 9, 0, tzinfo=LONDON)
    case = _raise_indecent_images(room, start, django_capture_on_commit_callbacks)
    sign_in(client, room.dsl.user)
    with time_machine.travel(start + datetime.timedelta(minutes=23), tick=False):
        html = client.get(f"/s/{room.school.slug}/cases/{case.pk}/").content.decode()
    assert 'id="minutes-elapsed">23<' in html
    at = start + datetime.timedelta(minutes=20)
    for body in ("police", "safeguarding-unit"):
        case = services.perform(case, "record-notification", room.dsl, {
            "body": body, "at": at, "contact": "Desk", "reference": "R1"}, case.version)
    html = client.get(f"/s/{room.school.slug}/cases/{case.pk}/").content.decode()
    assert "minutes-elapsed" not in html


def test_after_60_minutes_without_both_notifications_head_and_dsl_are_alerted_once(
    django_capture_on_commit_callbacks
):
    room = make_staff_room()
    start = datetime.datetime(2026, 11, 24, 9, 0, tzinfo=LONDON)
    case = _raise_indecent_images(room, start, django_capture_on_commit_callbacks)
    services.perform(case, "record-notification", room.dsl, {
        "body": "police", "at": start, "contact": "Desk", "reference": "R1"}, case.version)
    mail.outbox.clear()
    with time_machine.travel(start + datetime.timedelta(minutes=59), tick=False), \
            django_capture_on_commit_callbacks(execute=True):
        assert tasks.sweep_deadlines.enqueue().return_value["notifications_overdue"] == 0
    assert mail.outbox == []
    with time_machine.travel(start + datetime.timedelta(minutes=61), tick=False), \
            django_capture_on_commit_callbacks(execute=True):
        assert tasks.sweep_deadlines.enqueue().return_value["notifications_overdue"] == 1
        assert tasks.sweep_deadlines.enqueue().return_value["notifications_overdue"] == 0
    overdue = CaseAlert.objects.filter(case=case, message__startswith="OVERDUE")
    assert {a.recipient for a in overdue} == {room.head, room.dsl}
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [room.head.user.email, room.dsl.user.email])
    assert "61 minutes" in mail.outbox[0].subject


def test_no_overdue_alert_once_both_bodies_are_notified(django_capture_on_commit_callbacks):
    room = make_staff_room()
    start = datetime.datetime(2026, 11, 24, 9, 0, tzinfo=LONDON)
    case = _raise_indecent_images(room, start, django_capture_on_commit_callbacks)
    for body in ("police", "safeguarding-unit"):
        case = services.perform(case, "record-notification", room.head, {
            "body": body, "at": start, "contact": "Desk", "reference": "R"}, case.version)
    with time_machine.travel(start + datetime.timedelta(hours=2), tick=False):
        assert tasks.sweep_deadlines.enqueue().return_value["notifications_overdue"] == 0


def test_on_a_queue_that_can_defer_the_overdue_check_is_enqueued_for_60_minutes_later(
    settings, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend",
                                  "QUEUES": list(queues.NAMES)}}
    room = make_staff_room()
    with django_capture_on_commit_callbacks(execute=True):
        case = make_case(room, Route.INDECENT_IMAGES)
    queued = DBTaskResult.objects.get(task_path__endswith="check_notifications_overdue")
    assert queued.run_after == case.raised_at + datetime.timedelta(minutes=60)
    assert queued.args_kwargs["args"] == [case.pk]


def test_head_and_dsl_see_the_urgent_step_on_their_home_page():
    room = make_staff_room()
    case = make_case(room, Route.INDECENT_IMAGES)
    for person in (room.head, room.dsl):
        titles = [s.title for s in next_steps(person)]
        assert f"{case.reference}: notify the police and the safeguarding unit" in titles
    assert not any(case.reference in s.title for s in next_steps(room.colleague))


def test_working_days_skip_weekends_and_bank_holidays():
    assert not is_working_day(datetime.date(2026, 12, 28))  # Boxing Day substitute
    assert add_working_days(datetime.date(2026, 12, 23), 3) == datetime.date(2026, 12, 30)
    assert add_working_days(datetime.date(2027, 3, 25), 1) == datetime.date(2027, 3, 30)


def test_acknowledgement_is_due_the_schools_number_of_working_days_later():
    room = make_staff_room()
    room.school.acknowledgement_working_days = 2
    room.school.save()
    with time_machine.travel(datetime.datetime(2026, 4, 2, 15, 0, tzinfo=LONDON)):
        case = make_case(room, Route.CYBERBULLYING)
    # Thursday 2 April 2026; Good Friday and Easter Monday do not count.
    assert case.acknowledgement_due_on == datetime.date(2026, 4, 8)


def test_an_unacknowledged_report_past_its_due_date_alerts_whoever_handles_it(
    django_capture_on_commit_callbacks
):
    room = make_staff_room()
    with time_machine.travel(datetime.datetime(2026, 11, 23, 10, 0, tzinfo=LONDON)):
        case = make_case(room, Route.CYBERBULLYING)
    mail.outbox.clear()
    with time_machine.travel(datetime.datetime(2026, 11, 27, 10, 0, tzinfo=LONDON)), \
            django_capture_on_commit_callbacks(execute=True):
        result = tasks.sweep_deadlines.enqueue().return_value
    assert result["acknowledgements_overdue"] == 1
    assert {m.to[0] for m in mail.outbox} == {room.head.user.email,
                                             room.line_manager.user.email}
    assert case.reference in mail.outbox[0].subject


def test_a_task_owner_is_reminded_on_the_due_date_once_a_day(django_capture_on_commit_callbacks):
    room = make_staff_room()
    case = make_case(room, Route.PUPIL_EXPOSURE)
    due = timezone.localdate() + datetime.timedelta(days=2)
    services.perform(case, "add-task", room.dsl, {
        "title": "Check the filter logs", "owner": room.ict, "due_on": due})
    mail.outbox.clear()
    with time_machine.travel(datetime.datetime.combine(due, datetime.time(8, 0), LONDON)), \
            django_capture_on_commit_callbacks(execute=True):
        assert tasks.sweep_deadlines.enqueue().return_value["task_reminders"] == 1
        assert tasks.sweep_deadlines.enqueue().return_value["task_reminders"] == 0
    assert [m.to[0] for m in mail.outbox] == [room.ict.user.email]
    assert "due today" in mail.outbox[0].subject


def test_a_head_leaving_next_month_gets_the_urgent_indecent_images_alert(
    django_capture_on_commit_callbacks
):
    room = make_staff_room()
    room.head.left_on = timezone.localdate() + datetime.timedelta(days=31)
    room.head.save(update_fields=["left_on"])
    with django_capture_on_commit_callbacks(execute=True):
        case = make_case(room, Route.INDECENT_IMAGES, raised_by=room.teacher)
    urgent = CaseAlert.objects.filter(case=case, message__startswith="URGENT")
    assert room.head in {a.recipient for a in urgent}


def test_the_case_page_says_the_head_and_dsl_were_alerted_only_once_the_alert_was_sent(
    client, django_capture_on_commit_callbacks
):
    room = make_staff_room()
    start = datetime.datetime(2026, 11, 24, 9, 0, tzinfo=LONDON)
    case = _raise_indecent_images(room, start, django_capture_on_commit_callbacks)
    sign_in(client, room.dsl.user)
    # Past the hour, but the sweep that sends the overdue alert has not run yet.
    with time_machine.travel(start + datetime.timedelta(minutes=61), tick=False):
        html = client.get(f"/s/{room.school.slug}/cases/{case.pk}/").content.decode()
    assert "Overdue" in html
    assert "have been alerted" not in html


def test_the_case_page_shows_overdue_exactly_when_oversight_counts_the_case(
    client, django_capture_on_commit_callbacks
):
    from safepractice.oversight.selectors import case_figures

    room = make_staff_room()
    start = datetime.datetime(2026, 11, 24, 9, 0, 0, 700_000, tzinfo=LONDON)
    case = _raise_indecent_images(room, start, django_capture_on_commit_callbacks)
    sign_in(client, room.dsl.user)
    for seconds in (59 * 60 + 59.9, 60 * 60, 60 * 60 + 0.1, 61 * 60):
        with time_machine.travel(start + datetime.timedelta(seconds=seconds), tick=False):
            html = client.get(f"/s/{room.school.slug}/cases/{case.pk}/").content.decode()
            counted = case_figures([room.school.pk])[room.school.pk].overdue_notifications
        assert ("Overdue" in html) == (counted == 1), seconds


def test_an_urgent_alert_leaves_the_heads_home_page_once_both_bodies_are_notified(
    django_capture_on_commit_callbacks
):
    room = make_staff_room()
    with django_capture_on_commit_callbacks(execute=True):
        case = make_case(room, Route.INDECENT_IMAGES, raised_by=room.teacher)
    for body in ("police", "safeguarding-unit"):
        case = services.perform(case, "record-notification", room.dsl, {
            "body": body, "at": timezone.now(), "contact": "Desk", "reference": "R1"},
            case.version)
    assert not any("URGENT" in s.detail for s in next_steps(room.head))


def test_an_overdue_alert_leaves_the_heads_home_page_once_the_case_is_closed(
    django_capture_on_commit_callbacks
):
    room = make_staff_room()
    start = datetime.datetime(2026, 11, 24, 9, 0, tzinfo=LONDON)
    case = _raise_indecent_images(room, start, django_capture_on_commit_callbacks)
    with time_machine.travel(start + datetime.timedelta(minutes=61), tick=False), \
            django_capture_on_commit_callbacks(execute=True):
        tasks.sweep_deadlines.enqueue()
    CaseAlert.objects.filter(case=case, message__startswith="URGENT").update(
        seen_at=timezone.now())
    assert any("OVERDUE" in s.detail for s in next_steps(room.head))
    Case.objects.filter(pk=case.pk).update(state="closed")
    assert not any("OVERDUE" in s.detail for s in next_steps(room.head))


def test_other_alerts_stay_on_the_home_page_whatever_the_cases_state():
    room = make_staff_room()
    case = make_case(room, Route.INDECENT_IMAGES, raised_by=room.teacher)
    notify.alert(case, [room.head], f"{case.reference}: a task for you, due 1 December 2026")
    Case.objects.filter(pk=case.pk).update(state="closed")
    assert any("a task for you" in s.detail for s in next_steps(room.head))
