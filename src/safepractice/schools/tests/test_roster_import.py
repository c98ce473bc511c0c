import pytest

from safepractice.accounts.models import User
from safepractice.schools.models import Membership, Pupil, PupilStatus, Role
from safepractice.schools.roster import RosterError
from safepractice.schools.services import import_roster
from safepractice.testing.factories import make_member, make_school

pytestmark = pytest.mark.django_db

SIMS_PUPILS = (
    "UPN,Legal Surname,Legal Forename,Preferred Forename,Year,Leaving Date\r\n"
    "A123456789012,Nowak,Zoë,Zo,Year 4,\r\n"
    "B123456789012,O'Brien,Siobhán,,Year 6,\r\n"
    "C123456789012,Patel,Arjun,,Year 6,20/07/2021\r\n"
)


def test_a_sims_export_with_a_bom_is_imported():
    school = make_school()
    result = import_roster(school, "\ufeff".encode() + SIMS_PUPILS.encode(), "pupils")
    assert result.created == 3
    zoe = Pupil.objects.get(school=school, external_id="A123456789012")
    assert (zoe.first_name, zoe.preferred_name, zoe.year_group) == ("Zoë", "Zo", "Year 4")


def test_a_leaving_date_in_the_past_makes_a_past_pupil():
    school = make_school()
    import_roster(school, SIMS_PUPILS.encode(), "pupils")
    assert Pupil.objects.get(external_id="C123456789012").status == PupilStatus.PAST
    assert Pupil.objects.get(external_id="B123456789012").status == PupilStatus.CURRENT


def test_windows_1252_from_excel_is_read():
    school = make_school()
    result = import_roster(school, SIMS_PUPILS.encode("cp1252"), "pupils")
    assert result.encoding == "windows-1252"
    assert Pupil.objects.get(external_id="B123456789012").first_name == "Siobhán"


def test_semicolon_separated_files_are_read():
    school = make_school()
    data = "Adno;Surname;Forename;NC Year Actual\n1001;Smith;Amy;5\n1002;Jones;Ben;3\n"
    assert import_roster(school, data.encode(), "pupils").created == 2


def test_a_missing_column_is_named_and_nothing_is_imported():
    school = make_school()
    with pytest.raises(RosterError) as error:
        import_roster(school, b"UPN,Forename\nA1,Amy\n", "pupils")
    assert "last name" in str(error.value)
    assert error.value.line == 1
    assert not Pupil.objects.exists()


def test_a_bad_row_in_the_middle_imports_nothing_and_names_the_line():
    school = make_school()
    data = (
        "UPN,Surname,Forename,Leaving Date\n"
        "A1,Smith,Amy,\nA2,Jones,Ben,31/31/2020\nA3,Li,Chen,\n"
    )
    with pytest.raises(RosterError) as error:
        import_roster(school, data.encode(), "pupils")
    assert error.value.line == 3
    assert "Line 3" in str(error.value)
    assert not Pupil.objects.exists()


def test_identical_duplicate_rows_are_skipped_and_counted():
    school = make_school()
    data = "UPN,Surname,Forename\nA1,Smith,Amy\nA1,Smith,Amy\nA2,Jones,Ben\n"
    result = import_roster(school, data.encode(), "pupils")
    assert (result.created, result.duplicates_skipped) == (2, 1)


def test_conflicting_duplicate_ids_are_refused_with_both_lines():
    school = make_school()
    data = "UPN,Surname,Forename\nA1,Smith,Amy\nA1,Smyth,Amy\n"
    with pytest.raises(RosterError) as error:
        import_roster(school, data.encode(), "pupils")
    assert error.value.line == 3
    assert "line 2" in str(error.value)


def test_a_reimport_updates_rather_than_duplicates():
    school = make_school()
    import_roster(school, SIMS_PUPILS.encode(), "pupils")
    changed = SIMS_PUPILS.replace("Year 4", "Year 5")
    result = import_roster(school, changed.encode(), "pupils")
    assert (result.created, result.updated) == (0, 3)
    assert Pupil.objects.filter(school=school).count() == 3
    assert Pupil.objects.get(external_id="A123456789012").year_group == "Year 5"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"   \n", "empty"),
        (b"PK\x03\x04\x00\x00binary excel", "not a CSV"),
        (b"UPN,Surname,Forename\n", "no people"),
    ],
)
def test_files_that_are_not_rosters_get_a_clear_message(data, message):
    with pytest.raises(RosterError) as error:
        import_roster(make_school(), data, "pupils")
    assert message in str(error.value)


def test_a_file_over_20_mb_is_refused():
    data = b"UPN,Surname,Forename\n" + b"A1,Smith,Amy\n" * (21 * 1024 * 1024 // 13)
    with pytest.raises(RosterError) as error:
        import_roster(make_school(), data, "pupils")
    assert "20 MB" in str(error.value)


def test_staff_import_creates_memberships_with_categories_and_roles():
    school = make_school()
    data = (
        "Staff ID,Forename,Surname,Email,Staff Type,Job Title,Duty Roles\n"
        "S1,Ada,Lovelace,ada@school.sch.uk,Teacher,Year 2 teacher,Line manager; Governor\n"
        "S2,Bob,Builder,bob@school.sch.uk,Site staff,Caretaker,\n"
    )
    result = import_roster(school, data.encode(), "staff")
    assert result.created == 2
    ada = Membership.objects.get(user__email="ada@school.sch.uk", school=school)
    assert ada.role_set == {Role.LINE_MANAGER, Role.GOVERNING_BOARD}
    assert Membership.objects.get(user__email="bob@school.sch.uk").staff_category == "site"


def test_an_unknown_staff_category_names_the_allowed_ones():
    data = "Forename,Surname,Email,Category\nAda,Lovelace,ada@s.sch.uk,Wizard\n"
    with pytest.raises(RosterError) as error:
        import_roster(make_school(), data.encode(), "staff")
    assert "Wizard" in str(error.value) and "Teacher" in str(error.value)


def test_utf_16_from_excels_unicode_text_export_is_read():
    school = make_school()
    data = SIMS_PUPILS.replace(",", "\t").encode("utf-16")
    result = import_roster(school, data, "pupils")
    assert (result.created, result.encoding) == (3, "utf-16")
    assert Pupil.objects.get(external_id="A123456789012").first_name == "Zoë"


STAFF_HEADER = "Forename,Surname,Email,Staff Type,Duty Roles\n"


def _staff_row(member, roles: str, name: str = "Ann Other") -> str:
    first, last = name.split()
    return f"{first},{last},{member.user.email},Teacher,{roles}\n"


def test_an_slt_import_does_not_grant_the_importer_case_access_roles():
    slt = make_member(roles={Role.SLT})
    data = STAFF_HEADER + _staff_row(slt, "head teacher;dsl;slt")
    import_roster(slt.school, data.encode(), "staff", actor=slt.user)
    slt.refresh_from_db()
    assert slt.role_set == {Role.SLT}


def test_an_slt_import_does_not_strip_the_heads_roles():
    head = make_member(roles={Role.HEAD_TEACHER, Role.SLT})
    slt = make_member(head.school, roles={Role.SLT})
    data = STAFF_HEADER + _staff_row(head, "line manager")
    import_roster(head.school, data.encode(), "staff", actor=slt.user)
    head.refresh_from_db()
    assert head.role_set == {Role.HEAD_TEACHER, Role.SLT, Role.LINE_MANAGER}


def test_an_import_grants_no_dsl_or_ict_coordinator_role_even_by_the_head():
    head = make_member(roles={Role.HEAD_TEACHER})
    teacher = make_member(head.school)
    data = STAFF_HEADER + _staff_row(teacher, "dsl;ict;line manager")
    import_roster(head.school, data.encode(), "staff", actor=head.user)
    teacher.refresh_from_db()
    assert teacher.role_set == {Role.LINE_MANAGER}


def test_an_import_by_the_head_sets_slt():
    head = make_member(roles={Role.HEAD_TEACHER})
    teacher = make_member(head.school)
    import_roster(head.school, (STAFF_HEADER + _staff_row(teacher, "slt")).encode(), "staff",
                  actor=head.user)
    teacher.refresh_from_db()
    assert teacher.role_set == {Role.SLT}


def test_ignored_roles_are_named_line_by_line_in_the_result():
    slt = make_member(roles={Role.SLT})
    dsl = make_member(slt.school, roles={Role.DSL})
    data = (STAFF_HEADER + _staff_row(slt, "slt;dsl") + "Bob,Builder,bob@s.sch.uk,Site,\n"
            + _staff_row(dsl, "line manager", name="Dee Ess"))
    result = import_roster(slt.school, data.encode(), "staff", actor=slt.user)
    assert len(result.notices) == 2
    assert result.notices[0].startswith("Line 2: ")
    assert "Designated safeguarding lead not granted" in result.notices[0]
    assert result.notices[1].startswith("Line 4: ")
    assert "Designated safeguarding lead not removed" in result.notices[1]


def test_a_row_for_an_account_outside_the_school_imports_nothing_and_names_the_line():
    school = make_school()
    outsider = make_member(make_school())
    data = STAFF_HEADER + "Bob,Builder,bob@s.sch.uk,Site,\n" + _staff_row(outsider, "")
    with pytest.raises(RosterError) as error:
        import_roster(school, data.encode(), "staff")
    assert error.value.line == 3
    assert not User.objects.filter(email="bob@s.sch.uk").exists()
    outsider.user.refresh_from_db()
    assert outsider.user.full_name != "Ann Other"


def test_a_row_for_someone_who_is_also_in_another_school_imports_nothing():
    shared = make_member()
    make_member(make_school(), user=shared.user)
    data = STAFF_HEADER + _staff_row(shared, "")
    with pytest.raises(RosterError) as error:
        import_roster(shared.school, data.encode(), "staff")
    assert "Line 2" in str(error.value) and "another school" in str(error.value)
    shared.user.refresh_from_db()
    assert shared.user.full_name != "Ann Other"
