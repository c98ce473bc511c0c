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


@pytest.mark.parametrize(
    "text, span",
    [
        ("The Saint Aldhelm's summer fair is the best", "Saint Aldhelm's"),
        ("Walk for St Aldhelm's CofE Primary School", "St Aldhelm's CofE Primary School"),
    ],
)
def test_the_school_is_found_with_saint_spelled_out_or_cofe(text, span):
    assert found(CHECKER.check(post(text)), text) == [("identification.school", span)]


@pytest.mark.parametrize(
    "text, span",
    [
        ("Proud to be a teacher 🍎", "Proud to be a teacher"),
        pytest.param(
            "Just a tired primary school teacher who needs a holiday",
            "a tired primary school teacher",
            marks=pytest.mark.xfail(strict=True, reason="a known false positive of the "
                                    "judgement model: read as offensive (docs/models.md)"),
        ),
        ("HLTA life: 30 books to mark", "HLTA life"),
        ("Fire drill in the rain #TAlife", "#TAlife"),
        ("I've been a teaching assistant for 5 years", "I've been a teaching assistant"),
        ("This teaching assistant is going to sleep for 3 days", "This teaching assistant is"),
    ],
)
def test_a_post_that_says_what_you_do_names_the_profession(text, span):
    findings = CHECKER.check(post(text))
    assert found(findings, text) == [("identification.profession", span)]


def test_teaching_yourself_something_is_not_a_profession():
    assert CHECKER.check(profile("Teaching myself guitar 🎸 badly")) == []
