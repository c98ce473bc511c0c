import pytest

from safepractice.checks.context import checker_for, school_context
from safepractice.schools.models import PupilStatus, Role
from safepractice.schools.services import import_roster
from safepractice.testing.factories import make_member, make_pupil, make_school, make_user

pytestmark = pytest.mark.django_db


def test_context_holds_the_schools_names_contacts_and_rosters():
    school = make_school(name="Hill Top Primary", aliases=["HTP"], hashtags=["#HillTop"],
                         work_phone_numbers=["01632 960999"])
    make_pupil(school, first_name="Ada", last_name="Lovelace")
    make_pupil(school, status=PupilStatus.PAST, first_name="Bo", last_name="Past")
    make_member(school, user=make_user(full_name="Grace Hopper"))
    built = school_context(school)
    assert built.school_name == "Hill Top Primary"
    assert built.aliases == ("HTP",)
    assert built.hashtags == ("#HillTop",)
    assert built.work_phone_numbers == ("01632 960999",)
    assert {(p.first_name, p.status) for p in built.pupils} == {("Ada", "current"),
                                                               ("Bo", "past")}
    assert [(s.first_name, s.last_name) for s in built.staff] == [("Grace", "Hopper")]


def test_the_schools_current_dsls_are_its_safeguarding_leads():
    school = make_school()
    make_member(school, user=make_user(full_name="Dana Lead"), roles={Role.DSL})
    make_member(school, user=make_user(full_name="Former Lead"), roles={Role.DSL},
                left_on="2020-01-01")
    make_member(school, user=make_user(full_name="Not A Lead"))
    assert school_context(school).safeguarding_leads == ("Dana Lead",)


def test_staff_who_have_left_are_not_in_the_context():
    school = make_school()
    make_member(school, user=make_user(full_name="Left Already"), left_on="2020-01-01")
    assert school_context(school).staff == ()


def test_checker_is_built_once_while_nothing_changes():
    school = make_school()
    assert checker_for(school) is checker_for(school)


def test_a_new_pupil_gives_a_new_checker_with_them_in_it():
    school = make_school()
    before = checker_for(school)
    make_pupil(school, first_name="Newton")
    after = checker_for(school)
    assert after is not before
    assert "Newton" in {p.first_name for p in after.context.pupils}


def test_a_roster_import_gives_a_new_checker():
    school = make_school()
    make_pupil(school, external_id="A1", first_name="Old")
    before = checker_for(school)
    import_roster(school, b"UPN,Forename,Surname\nA1,Renamed,Pupil\n", "pupils")
    after = checker_for(school)
    assert after is not before
    assert [p.first_name for p in after.context.pupils] == ["Renamed"]


def test_renaming_the_school_gives_a_new_checker():
    school = make_school()
    before = checker_for(school)
    school.name = "Renamed Primary"
    school.save()
    assert checker_for(school).context.school_name == "Renamed Primary"
    assert checker_for(school) is not before


def test_signing_in_does_not_rebuild_the_checker():
    member = make_member()
    before = checker_for(member.school)
    member.user.last_login = "2026-01-01T00:00Z"
    member.user.save(update_fields=["last_login"])
    assert checker_for(member.school) is before


def test_another_schools_change_leaves_this_checker_alone():
    school, other = make_school(), make_school()
    before = checker_for(school)
    make_pupil(other)
    assert checker_for(school) is before


def test_a_change_made_by_another_process_is_seen_once_the_version_is_rechecked(monkeypatch):
    from safepractice.checks import context
    from safepractice.checks.models import ContextVersion

    school = make_school()
    before = checker_for(school)
    ContextVersion.objects.filter(school=school).update(version=999)  # as another process would
    monkeypatch.setattr(context, "VERSION_CHECK_SECONDS", 0.0)
    assert checker_for(school) is not before
