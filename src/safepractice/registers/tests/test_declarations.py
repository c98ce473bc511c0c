import datetime

import pytest
import time_machine

from safepractice.registers.models import RegisterEvent, SocialContactKind
from safepractice.registers.selectors import (
    declaration_status,
    declarations_awaiting_acknowledgement,
)
from safepractice.registers.services import (
    RegisterError,
    acknowledge_declaration,
    declare_social_contact,
    reconfirm_declaration,
)
from safepractice.schools.models import Role
from safepractice.testing.factories import make_member, make_school

pytestmark = pytest.mark.django_db


def declare(member):
    return declare_social_contact(member, kind=SocialContactKind.RESPITE_CARE,
                                  contact_with="A Year 2 family", details="Weekend respite.")


def test_a_teacher_cannot_acknowledge_their_own_declaration():
    teacher = make_member(make_school())
    declaration = declare(teacher)
    with pytest.raises(RegisterError):
        acknowledge_declaration(declaration, teacher)


def test_a_teacher_cannot_acknowledge_a_colleagues_declaration():
    school = make_school()
    declaration = declare(make_member(school))
    with pytest.raises(RegisterError, match="senior leadership team"):
        acknowledge_declaration(declaration, make_member(school))


def test_an_slt_member_acknowledges_a_colleagues_declaration():
    school = make_school()
    declaration = declare(make_member(school))
    slt = make_member(school, roles={Role.SLT})
    acknowledge_declaration(declaration, slt)
    assert (declaration.acknowledged_by, declaration_status(declaration)) == (
        slt, "acknowledged")


def test_an_slt_member_cannot_acknowledge_their_own_declaration():
    slt = make_member(make_school(), roles={Role.SLT})
    with pytest.raises(RegisterError, match="someone other than"):
        acknowledge_declaration(declare(slt), slt)


def test_an_slt_member_of_another_school_cannot_acknowledge():
    declaration = declare(make_member(make_school()))
    with pytest.raises(RegisterError):
        acknowledge_declaration(declaration, make_member(make_school(), roles={Role.SLT}))


def test_a_new_declaration_waits_for_acknowledgement():
    school = make_school()
    declaration = declare(make_member(school))
    assert list(declarations_awaiting_acknowledgement(school)) == [declaration]


def test_a_declaration_needs_reconfirming_in_the_next_school_year():
    school = make_school()
    with time_machine.travel(datetime.datetime(2026, 7, 10, 12, tzinfo=datetime.UTC)):
        declaration = declare(make_member(school))
        acknowledge_declaration(declaration, make_member(school, roles={Role.SLT}))
    with time_machine.travel(datetime.datetime(2026, 9, 2, 12, tzinfo=datetime.UTC)):
        assert declaration_status(declaration) == "reconfirmation due"


def test_a_declaration_stays_current_until_the_school_year_ends():
    school = make_school()
    with time_machine.travel(datetime.datetime(2025, 9, 10, 12, tzinfo=datetime.UTC)):
        declaration = declare(make_member(school))
        acknowledge_declaration(declaration, make_member(school, roles={Role.SLT}))
    with time_machine.travel(datetime.datetime(2026, 8, 30, 12, tzinfo=datetime.UTC)):
        assert declaration_status(declaration) == "acknowledged"


def test_reconfirming_makes_the_declaration_current_for_the_new_year():
    school = make_school()
    member = make_member(school)
    with time_machine.travel(datetime.datetime(2026, 7, 10, 12, tzinfo=datetime.UTC)):
        declaration = declare(member)
        acknowledge_declaration(declaration, make_member(school, roles={Role.SLT}))
    with time_machine.travel(datetime.datetime(2026, 9, 5, 12, tzinfo=datetime.UTC)):
        reconfirm_declaration(declaration, member)
        assert declaration_status(declaration) == "acknowledged"


def test_only_the_declarer_can_reconfirm():
    school = make_school()
    declaration = declare(make_member(school))
    with pytest.raises(RegisterError):
        reconfirm_declaration(declaration, make_member(school, roles={Role.SLT}))


def test_each_step_is_kept_in_the_declarations_history():
    school = make_school()
    member = make_member(school)
    declaration = declare(member)
    acknowledge_declaration(declaration, make_member(school, roles={Role.HEAD_TEACHER}))
    reconfirm_declaration(declaration, member)
    assert list(RegisterEvent.objects.values_list("action", flat=True)) == [
        "declared", "acknowledged", "reconfirmed"]
