import datetime

import pytest
import time_machine

from safepractice.registers.models import ContactDetailsException
from safepractice.registers.rules import contact_exception_active, phone_exception_active
from safepractice.registers.services import (
    RegisterError,
    decide_phone_exception,
    record_parent_agreement,
    record_senior_agreement,
    request_contact_details_exception,
    request_phone_exception,
)
from safepractice.schools.models import Role
from safepractice.testing.factories import make_member, make_school

pytestmark = pytest.mark.django_db
HOW = ContactDetailsException.HowAgreed.LETTER
UTC = datetime.UTC


def contact_exception(member, starts=datetime.date(2026, 11, 1), ends=datetime.date(2026, 12, 1)):
    return request_contact_details_exception(
        member, given_to="Parent of a Year 6 pupil", details_given="Personal mobile",
        reason="Residential trip", starts_on=starts, ends_on=ends)


@pytest.fixture
def school():
    return make_school()


@pytest.fixture
def slt(school):
    return make_member(school, roles={Role.SLT})


@time_machine.travel(datetime.date(2026, 11, 10), tick=False)
def test_a_contact_exception_with_only_senior_agreement_stays_inactive(school, slt):
    exception = contact_exception(make_member(school))
    record_senior_agreement(exception, slt)
    assert not contact_exception_active(exception)


@time_machine.travel(datetime.date(2026, 11, 10), tick=False)
def test_a_contact_exception_with_only_the_parents_agreement_stays_inactive(school):
    member = make_member(school)
    exception = contact_exception(member)
    record_parent_agreement(exception, member, parent_name="Ms Carer",
                            agreed_on=datetime.date(2026, 11, 9), how=HOW)
    assert not contact_exception_active(exception)


@time_machine.travel(datetime.date(2026, 11, 10), tick=False)
def test_a_contact_exception_with_both_agreements_is_active(school, slt):
    member = make_member(school)
    exception = contact_exception(member)
    record_senior_agreement(exception, slt)
    record_parent_agreement(exception, member, parent_name="Ms Carer",
                            agreed_on=datetime.date(2026, 11, 9), how=HOW)
    assert contact_exception_active(exception)


def test_a_contact_exception_is_inactive_after_its_end_date(school, slt):
    member = make_member(school)
    with time_machine.travel(datetime.date(2026, 11, 10), tick=False):
        exception = contact_exception(member)
        record_senior_agreement(exception, slt)
        record_parent_agreement(exception, member, parent_name="Ms Carer",
                                agreed_on=datetime.date(2026, 11, 9), how=HOW)
    with time_machine.travel(datetime.date(2026, 12, 2), tick=False):
        assert not contact_exception_active(exception)


def test_a_contact_exception_with_dates_in_the_wrong_order_is_refused(school):
    with pytest.raises(RegisterError, match="end date must be after the start date"):
        contact_exception(make_member(school), starts=datetime.date(2026, 12, 1),
                          ends=datetime.date(2026, 11, 1))


def test_a_teacher_cannot_give_the_senior_agreement(school):
    exception = contact_exception(make_member(school))
    with pytest.raises(RegisterError):
        record_senior_agreement(exception, make_member(school))


def test_an_slt_member_cannot_agree_their_own_contact_exception(school, slt):
    with pytest.raises(RegisterError):
        record_senior_agreement(contact_exception(slt), slt)


def test_a_colleague_cannot_record_the_parents_agreement(school):
    exception = contact_exception(make_member(school))
    with pytest.raises(RegisterError):
        record_parent_agreement(exception, make_member(school), parent_name="Ms Carer",
                                agreed_on=datetime.date(2026, 11, 9), how=HOW)


@time_machine.travel(datetime.date(2026, 11, 10), tick=False)
def test_a_parents_agreement_dated_in_the_future_is_refused(school):
    member = make_member(school)
    with pytest.raises(RegisterError, match="future"):
        record_parent_agreement(contact_exception(member), member, parent_name="Ms Carer",
                                agreed_on=datetime.date(2026, 11, 11), how=HOW)


def phone_exception(member, start=datetime.datetime(2026, 11, 10, 8, tzinfo=UTC),
                    end=datetime.datetime(2026, 11, 12, 16, tzinfo=UTC)):
    return request_phone_exception(member, circumstances="Relative in hospital",
                                   starts_at=start, ends_at=end)


@time_machine.travel(datetime.datetime(2026, 11, 10, 9, tzinfo=UTC), tick=False)
def test_a_pending_phone_exception_is_not_active(school):
    assert not phone_exception_active(phone_exception(make_member(school)))


@time_machine.travel(datetime.datetime(2026, 11, 10, 9, tzinfo=UTC), tick=False)
def test_an_agreed_phone_exception_is_active_within_its_times(school, slt):
    exception = phone_exception(make_member(school))
    decide_phone_exception(exception, slt, agree=True)
    assert phone_exception_active(exception)


def test_an_agreed_phone_exception_expires_on_its_own(school, slt):
    with time_machine.travel(datetime.datetime(2026, 11, 10, 9, tzinfo=UTC), tick=False):
        exception = phone_exception(make_member(school))
        decide_phone_exception(exception, slt, agree=True)
    with time_machine.travel(datetime.datetime(2026, 11, 12, 16, 1, tzinfo=UTC), tick=False):
        assert not phone_exception_active(exception)


@time_machine.travel(datetime.datetime(2026, 11, 10, 9, tzinfo=UTC), tick=False)
def test_a_declined_phone_exception_is_not_active(school, slt):
    exception = phone_exception(make_member(school))
    decide_phone_exception(exception, slt, agree=False)
    assert not phone_exception_active(exception)


@time_machine.travel(datetime.datetime(2026, 11, 10, 9, tzinfo=UTC), tick=False)
def test_a_teacher_cannot_agree_a_phone_exception(school):
    exception = phone_exception(make_member(school))
    with pytest.raises(RegisterError):
        decide_phone_exception(exception, make_member(school), agree=True)


@time_machine.travel(datetime.datetime(2026, 11, 10, 9, tzinfo=UTC), tick=False)
def test_a_phone_exception_ending_before_it_starts_is_refused(school):
    with pytest.raises(RegisterError, match="end must be after the start"):
        phone_exception(make_member(school), start=datetime.datetime(2026, 11, 12, tzinfo=UTC),
                        end=datetime.datetime(2026, 11, 11, tzinfo=UTC))
