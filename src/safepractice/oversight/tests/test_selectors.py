import datetime

import pytest
from django.db.models import Q
from django.utils import timezone

from safepractice.cases.models import Route
from safepractice.oversight import selectors
from safepractice.registers.models import Decision
from safepractice.registers.rules import unfinished_starter_counts
from safepractice.registers.selectors import unfinished_starters
from safepractice.schools.models import StaffCategory
from safepractice.testing.factories import make_member, make_school

from .factories import (
    acknowledge,
    make_case,
    make_contact_exception,
    make_declaration,
    make_phone_exception,
    make_policy,
    notify_both,
)

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


def test_open_cases_are_counted_by_route_and_age_and_closed_ones_left_out():
    school = make_school()
    now = timezone.now()
    make_case(school, Route.CYBERBULLYING, "reported", now - 2 * DAY)
    make_case(school, Route.CYBERBULLYING, "acknowledged", now - 40 * DAY)
    make_case(school, Route.CONDUCT, "raised", now - 200 * DAY)
    make_case(school, Route.CONDUCT, "closed", now - 3 * DAY)
    figures = selectors.case_figures([school.id], now)[school.id]
    assert figures.open_by_route == {Route.CYBERBULLYING: 2, Route.CONDUCT: 1}
    assert figures.open_by_route_age[(Route.CYBERBULLYING, "week")] == 1
    assert figures.open_by_route_age[(Route.CYBERBULLYING, "quarter")] == 1
    assert figures.open_by_route_age[(Route.CONDUCT, "older")] == 1
    assert figures.open_total == 3


def test_overdue_acknowledgements_and_notifications_are_counted():
    school = make_school()
    now = timezone.now()
    today = timezone.localdate(now)
    make_case(school, Route.CYBERBULLYING, "reported", now - 9 * DAY,
              acknowledgement_due_on=today - 2 * DAY)
    make_case(school, Route.CYBERBULLYING, "reported", now, acknowledgement_due_on=today + 3 * DAY)
    make_case(school, Route.INDECENT_IMAGES, "raised", now - datetime.timedelta(minutes=61))
    make_case(school, Route.INDECENT_IMAGES, "raised", now - datetime.timedelta(minutes=20))
    make_case(school, Route.INDECENT_IMAGES, "notified", now - 2 * DAY)
    figures = selectors.case_figures([school.id], now)[school.id]
    assert figures.overdue_acknowledgements == 1
    assert figures.overdue_notifications == 1


def test_case_figures_for_twenty_schools_take_one_query(django_assert_num_queries):
    schools = [make_school() for _ in range(20)]
    for school in schools:
        make_case(school)
    with django_assert_num_queries(1):
        figures = selectors.case_figures([s.id for s in schools])
    assert all(f.open_total == 1 for f in figures.values())


def test_cases_per_month_are_grouped_by_route():
    school = make_school()
    march = timezone.make_aware(datetime.datetime(2026, 3, 10, 12))
    make_case(school, Route.CYBERBULLYING, raised_at=march)
    make_case(school, Route.CYBERBULLYING, raised_at=march + 2 * DAY)
    make_case(school, Route.CONDUCT, "raised", raised_at=march + 30 * DAY)
    months, counts = selectors.cases_per_month(
        [school.id], datetime.date(2026, 2, 1), datetime.date(2026, 4, 30))
    assert months == [datetime.date(2026, 2, 1), datetime.date(2026, 3, 1),
                      datetime.date(2026, 4, 1)]
    assert counts[Route.CYBERBULLYING] == [0, 2, 0]
    assert counts[Route.CONDUCT] == [0, 0, 1]


def test_time_to_acknowledge_counts_working_days():
    school = make_school()
    friday = timezone.make_aware(datetime.datetime(2026, 3, 6, 9))  # a Friday
    make_case(school, Route.CYBERBULLYING, "acknowledged", friday,
              acknowledged_at=friday + 3 * DAY)  # Monday: one working day
    make_case(school, Route.CYBERBULLYING, "reported", friday)  # not yet acknowledged
    times = selectors.acknowledgement_times(
        [school.id], datetime.date(2026, 3, 1), datetime.date(2026, 3, 31))
    assert times == [1]


def test_time_to_notify_is_until_both_bodies_were_told():
    school = make_school()
    raised = timezone.now() - 2 * DAY
    both = make_case(school, Route.INDECENT_IMAGES, "notified", raised)
    notify_both(both, minutes=45)
    make_case(school, Route.INDECENT_IMAGES, "raised", raised)  # nobody told yet
    today = timezone.localdate()
    assert selectors.notification_times([school.id], today - 7 * DAY, today) == [45.0]


def test_declarations_and_exceptions_awaiting_expiring_and_in_force():
    school = make_school()
    member, slt = make_member(school), make_member(school, roles={"slt"})
    today = timezone.localdate()
    make_declaration(member)
    make_declaration(member, acknowledged_by=slt)
    make_contact_exception(member, agreed=False, ends_on=today + 60 * DAY)
    make_contact_exception(member, agreed=True, ends_on=today + 5 * DAY)
    make_phone_exception(member, decision=Decision.PENDING)
    make_phone_exception(member, ends_in=datetime.timedelta(days=30))
    figures = selectors.register_figures([school.id])[school.id]
    assert (figures.declarations_awaiting, figures.contact_awaiting,
            figures.phone_awaiting) == (1, 1, 1)
    assert figures.awaiting_slt == 3
    assert (figures.contact_expiring, figures.phone_expiring) == (1, 0)
    assert (figures.declarations_in_force, figures.contact_in_force,
            figures.phone_in_force) == (1, 1, 1)


def test_register_figures_for_twenty_schools_take_three_queries(django_assert_num_queries):
    schools = [make_school() for _ in range(20)]
    for school in schools:
        make_declaration(make_member(school))
    with django_assert_num_queries(3):
        figures = selectors.register_figures([s.id for s in schools])
    assert all(f.declarations_awaiting == 1 for f in figures.values())


def test_acknowledgement_completion_is_by_staff_category_for_the_current_version():
    school = make_school()
    version = make_policy(school, review_on=datetime.date(2018, 9, 1))
    teachers = [make_member(school) for _ in range(3)]
    make_member(school, staff_category=StaffCategory.SUPPORT)
    make_member(school, left_on=timezone.localdate() - DAY)  # left: out of scope
    acknowledge(teachers[0], version)
    acknowledge(teachers[1], version)
    figures = selectors.policy_figures([school.id])[school.id]
    by_category = {row.category: row for row in figures.completion}
    assert (by_category["teacher"].in_scope, by_category["teacher"].acknowledged) == (3, 2)
    assert by_category["support"].acknowledged == 0
    assert figures.total.in_scope == 4
    assert figures.review.status == "overdue"


def test_policy_figures_for_twenty_schools_take_three_queries(django_assert_num_queries):
    schools = [make_school() for _ in range(20)]
    for school in schools:
        acknowledge(make_member(school), make_policy(school))
    with django_assert_num_queries(3):
        figures = selectors.policy_figures([s.id for s in schools])
    assert all(f.total.acknowledged == 1 for f in figures.values())


def test_completion_over_time_is_cumulative_by_month():
    school = make_school()
    issued = timezone.now() - 70 * DAY
    version = make_policy(school, issued_at=issued)
    members = [make_member(school) for _ in range(4)]
    acknowledge(members[0], version, issued + DAY)
    acknowledge(members[1], version, timezone.now())
    points = selectors.completion_over_time(school.id, timezone.localdate())
    assert points[0][1] == 25.0 and points[-1][1] == 50.0
    assert [p for _, p in points] == sorted(p for _, p in points)


def test_completion_over_time_puts_an_acknowledgement_in_its_local_month():
    school = make_school()
    london = timezone.get_current_timezone()
    version = make_policy(school, issued_at=datetime.datetime(2026, 6, 1, 9, tzinfo=london))
    members = [make_member(school) for _ in range(2)]
    # Half past midnight on 1 August in London is still 31 July in UTC.
    acknowledge(members[0], version, datetime.datetime(2026, 8, 1, 0, 30, tzinfo=london))
    points = dict(selectors.completion_over_time(school.id, datetime.date(2026, 8, 15)))
    assert (points[datetime.date(2026, 7, 1)], points[datetime.date(2026, 8, 1)]) == (0, 50.0)


def test_unfinished_starters_agree_with_the_registers_checklist(django_assert_num_queries):
    from safepractice.registers.models import Device, StarterChecklist
    from safepractice.reviews.models import ReviewCompletion

    school = make_school()
    version = make_policy(school)
    today = timezone.localdate()
    make_member(school, started_on=today - 3 * DAY)  # nothing done yet
    make_member(school, started_on=today - 200 * DAY)  # long-serving: not a new starter
    finished = make_member(school, started_on=today - 10 * DAY)
    acknowledge(finished, version)
    ReviewCompletion.objects.create(membership=finished)
    Device.objects.create(school=school, membership=finished, make="Acme", model="One",
                          imei="490154203237518")
    StarterChecklist.objects.create(membership=finished, nothing_to_declare_at=timezone.now())
    expected = len(unfinished_starters(school))
    with django_assert_num_queries(2):
        counted = unfinished_starter_counts([school.id])[school.id]
    assert counted == expected == 1


def test_route_summaries_give_medians_to_close():
    school = make_school()
    start = timezone.now() - 20 * DAY
    for days in (2, 4, 9):
        make_case(school, Route.CONDUCT, "closed", start, closed_at=start + days * DAY)
    make_case(school, Route.CONDUCT, "raised", start)
    summary = {s.route: s for s in selectors.route_summaries(
        [school.id], timezone.localdate() - 30 * DAY, timezone.localdate())}
    assert (summary[Route.CONDUCT].raised, summary[Route.CONDUCT].closed) == (4, 3)
    assert summary[Route.CONDUCT].median_days_to_close == pytest.approx(4.0)
    assert summary[Route.CYBERBULLYING].raised == 0


def _every_kind_of_register_record_and_case(school):
    """Records in each state a twin filter tells apart: awaiting, agreed, ended, withdrawn,
    declined, expired; cases open and closed."""
    member, slt = make_member(school), make_member(school, roles={"slt"})
    today = timezone.localdate()
    make_declaration(member)
    make_declaration(member, acknowledged_by=slt)
    make_declaration(member, acknowledged_by=slt, withdrawn_at=timezone.now() - DAY)
    make_contact_exception(member, agreed=False, ends_on=today + 60 * DAY)
    make_contact_exception(member, agreed=True, ends_on=today + 5 * DAY)
    make_contact_exception(member, agreed=True, ends_on=today + 5 * DAY,
                           ended_at=timezone.now() - DAY)
    make_phone_exception(member, decision=Decision.PENDING)
    make_phone_exception(member)
    make_phone_exception(member, decision=Decision.DECLINED)
    make_case(school, Route.CONDUCT, "raised", raised_by=member)
    make_case(school, Route.CONDUCT, "closed", raised_by=member, closed_at=timezone.now() - DAY)


def _twins():
    from safepractice.cases.models import Case
    from safepractice.registers import rules as register_rules
    from safepractice.registers.models import (
        ContactDetailsException,
        PhoneOnDutyException,
        SocialContactDeclaration,
    )

    today = timezone.localdate()
    return {
        "open cases": (Case, selectors.open_case_filter(), selectors.open_at_filter),
        "declarations awaiting": (SocialContactDeclaration,
                                  selectors.declaration_awaiting_filter(),
                                  selectors.declaration_awaiting_at_filter),
        "declarations in force": (SocialContactDeclaration,
                                  Q(acknowledged_at__isnull=False, withdrawn_at__isnull=True),
                                  selectors.declaration_in_force_at_filter),
        "contact awaiting": (ContactDetailsException,
                             register_rules.contact_exception_awaiting_agreement_q(today),
                             selectors.contact_awaiting_at_filter),
        "contact in force": (ContactDetailsException,
                             register_rules.contact_exception_active_q(today),
                             selectors.contact_active_at_filter),
        "phone awaiting": (PhoneOnDutyException,
                           register_rules.phone_exception_awaiting_decision_q(timezone.now()),
                           selectors.phone_awaiting_at_filter),
        "phone in force": (PhoneOnDutyException,
                           register_rules.phone_exception_active_q(timezone.now()),
                           selectors.phone_active_at_filter),
    }


@pytest.mark.parametrize("name", [
    "open cases", "declarations awaiting", "declarations in force", "contact awaiting",
    "contact in force", "phone awaiting", "phone in force"])
def test_each_as_at_filter_agrees_with_its_twin_for_now(name):
    """The report's history-aware filters, asked about this moment, give the dashboard's."""
    school = make_school()
    _every_kind_of_register_record_and_case(school)
    model, now_filter, at_filter = _twins()[name]
    in_school = model.objects.filter(school=school)
    now = timezone.now()
    expected = set(in_school.filter(now_filter).values_list("pk", flat=True))
    assert expected, "the records should give each filter something to find"
    assert set(in_school.filter(at_filter(now)).values_list("pk", flat=True)) == expected
