import pytest

from .helpers import checker, connection, found, message, post

CHECKER = checker()


@pytest.mark.parametrize(
    "text, span",
    [
        ("So proud of Amelia Hughes today", "Amelia Hughes"),
        ("Look at Zoe Okafor's painting", "Zoe Okafor's"),
        ("Billy Thornbury made us laugh", "Billy Thornbury"),
        ("Amelia H was a star", "Amelia H"),
        ("AMELIA HUGHES is famous", "AMELIA HUGHES"),
    ],
)
def test_a_current_pupil_is_found_by_name_forms(text, span):
    assert found(CHECKER.check(post(text)), text) == [("names.pupil", span)]


def test_a_first_name_alone_is_low_confidence_without_pupil_context():
    (finding,) = CHECKER.check(post("Priya came round for tea"))
    assert finding.confidence < 0.5
    assert finding.severity.value == "advice"


def test_a_first_name_with_class_context_is_more_confident():
    findings = CHECKER.check(post("Funny moment with Priya in my class today"))
    names = [f for f in findings if f.rule == "names.pupil"]
    assert names[0].confidence > 0.5


def test_a_past_pupil_is_told_apart_from_a_current_one():
    text = "Sian Pritchard got into Oxford"
    assert found(CHECKER.check(post(text)), text) == [("names.past-pupil", "Sian Pritchard")]


def test_a_colleague_by_title_and_surname():
    text = "Leaving do for Mrs Patel on Friday"
    assert found(CHECKER.check(post(text)), text) == [("names.colleague", "Mrs Patel")]


def test_a_confidential_matter_next_to_a_pupils_name_is_a_risk():
    text = "Oliver Nowak was excluded again today"
    findings = CHECKER.check(post(text))
    assert ("confidential.pupil-matters", "excluded") in found(findings, text)


@pytest.mark.parametrize(
    "text",
    ["Amelia Earhart was an amazing pilot", "Oliver Twist was wonderful", "The Patel family"],
)
def test_a_first_name_with_a_different_surname_is_not_the_pupil(text):
    assert [f for f in CHECKER.check(post(text)) if f.confidence >= 0.5] == []


def test_a_follower_with_a_current_pupils_name_is_a_breach():
    (finding,) = CHECKER.check(connection("Ollie Nowak", "ollie_nowak12"))
    assert (finding.rule, finding.severity.value) == ("connections.current-pupil", "breach")
    assert "nickname" in finding.explanation


def test_a_follower_matched_by_handle_only_says_so():
    (finding,) = CHECKER.check(connection("Billy T", "billythornbury2015"))
    assert finding.rule == "connections.current-pupil"
    assert "handle" in finding.detail["reason"] or "initial" in finding.detail["reason"]


def test_a_past_pupil_follower_is_advice():
    (finding,) = CHECKER.check(connection("Siân Pritchard", "sianprit"))
    assert (finding.rule, finding.severity.value) == ("connections.past-pupil", "advice")


def test_a_stranger_is_not_a_pupil():
    assert CHECKER.check(connection("Jane Smith", "janesmith")) == []


def test_a_first_name_and_initial_with_a_possessive_is_found():
    text = "Priya R's poem had the whole hall in tears"
    assert found(CHECKER.check(post(text)), text) == [("names.pupil", "Priya R's")]


def test_a_colleague_by_title_and_surname_in_lower_case():
    text = "Leaving drinks for mr llewellyn tonight"
    assert found(CHECKER.check(post(text)), text) == [("names.colleague", "mr llewellyn")]


@pytest.mark.parametrize(
    "text",
    [
        "Could you hear Priya (Y6) read?",
        "Priya in Year 6 lost a reading book",
    ],
)
def test_a_year_group_next_to_a_first_name_says_pupil(text):
    (finding,) = CHECKER.check(message(text, "colleague"))
    assert (finding.rule, finding.confidence > 0.5) == ("names.pupil", True)


@pytest.mark.parametrize(
    "text",
    [
        "Did you know Prince William was born in the same year as my nan?",
        "Did you know Jamie Oliver was born the same year as my nan?",
        "Wedding of the year! Congrats William & Tom",
    ],
)
def test_a_first_name_in_someone_elses_name_or_near_year_alone_is_not_a_pupil(text):
    assert [f for f in CHECKER.check(post(text)) if f.confidence >= 0.5] == []


def test_a_pupil_follower_by_a_nickname_from_the_table():
    (finding,) = CHECKER.check(connection("Cal Fitzgerald ⚽"))
    assert finding.rule == "connections.past-pupil"


@pytest.mark.parametrize(
    "text, matter",
    [
        ("Zoë Okafor has been referred to CAMHS", "referred"),
        ("FYI Oliver Nowak had to be restrained today", "restrained"),
        ("Priya Raman's mum has been arrested", "arrested"),
        ("Oliver Nowak has SEND needs", "SEND"),
    ],
)
def test_more_confidential_matters_next_to_a_pupil(text, matter):
    findings = CHECKER.check(message(text, "colleague"))
    assert ("confidential.pupil-matters", matter) in found(findings, text)


def test_send_as_a_verb_is_not_special_needs():
    text = "Can you send Billy Thornbury to the office at 2?"
    rules = [rule for rule, _ in found(CHECKER.check(message(text, "colleague")), text)]
    assert rules == ["names.pupil"]


def test_naming_a_colleague_in_a_message_to_a_colleague_is_not_a_finding():
    # The catalogue gives names.colleague to posts, comments and profiles only.
    assert CHECKER.check(message("Mrs Patel says the meeting has moved", "colleague")) == []
