import pytest

from .helpers import checker, found, post, profile

CHECKER = checker()


def test_school_in_a_workplace_field_is_a_breach():
    text = "St Aldhelm's Church of England Primary School"
    (finding,) = CHECKER.check(profile(text, "workplace"))
    assert (finding.rule, finding.severity.value) == ("identification.school-in-profile", "breach")


@pytest.mark.parametrize(
    "text, span",
    [
        ("Christmas fair at St Aldhelms Primary School tomorrow", "St Aldhelms Primary School"),
        ("SAPS choir smashed it", "SAPS"),
        ("Great day #StAldhelmsPrimary", "#StAldhelmsPrimary"),
        ("Sports day at St Aldhelm's!", "St Aldhelm's"),
    ],
)
def test_the_school_is_found_by_typo_initials_hashtag_and_short_name(text, span):
    assert found(CHECKER.check(post(text)), text) == [("identification.school", span)]


def test_a_lower_case_word_that_spells_the_initials_is_not_the_school():
    assert CHECKER.check(post("it saps me of energy")) == []


def test_local_authority_initials_are_found():
    text = "Another email from HCC about budgets"
    assert found(CHECKER.check(post(text)), text) == [("identification.local-authority", "HCC")]


@pytest.mark.parametrize(
    "text, span",
    [
        ("TA at a Winchester primary", "TA"),
        ("Year 6 teacher | runner", "Year 6 teacher"),
        ("#teacherlife #coffee", "#teacherlife"),
    ],
)
def test_profession_in_a_profile_is_a_breach(text, span):
    findings = CHECKER.check(profile(text))
    assert found(findings, text)[0] == ("identification.profession-in-profile", span)


def test_first_person_profession_in_a_post_is_advice():
    text = "I'm a teacher and this term has been long"
    (finding,) = CHECKER.check(post(text))
    assert (finding.rule, finding.severity.value) == ("identification.profession", "advice")


@pytest.mark.parametrize(
    "text",
    [
        "My son is in Year 6 and the homework is intense",
        "Great teacher at my daughter's swimming club",
        "My class of 1995 reunion is next week",
    ],
)
def test_a_year_group_or_someone_elses_teacher_is_not_the_profession(text):
    assert CHECKER.check(post(text)) == []
