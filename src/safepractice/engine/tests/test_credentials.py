import pytest

from safepractice.engine import Content, ContentKind

from .helpers import checker, found, message, post

CHECKER = checker()


@pytest.mark.parametrize(
    "text",
    [
        "the wifi password is Aldhelm2024!",
        "login: jbaker pass: Summer22",
        "username: sp_admin password: Tigers#9",
        "just use my login for Arbor today",
    ],
)
def test_a_shared_login_is_found(text):
    findings = CHECKER.check(message(text, "colleague"))
    assert [rule for rule, _ in found(findings, text)] == ["credentials.shared-login"]


@pytest.mark.parametrize(
    "text",
    ["I forgot my password again", "Reminder to change your password", "my password is wrong"],
)
def test_talk_about_passwords_is_not_sharing_one(text):
    assert CHECKER.check(post(text)) == []


def test_asking_a_pupil_for_their_snapchat_is_flagged_once_as_grooming_risk():
    text = "Hi, what's your snapchat?"
    findings = CHECKER.check(message(text, "pupil"))
    # The contact-request and grooming detectors both see it; the stronger finding stays.
    assert found(findings, text) == [("communication.grooming-risk", "what's your snapchat")]
    assert findings[0].severity == "breach"


def test_asking_a_parent_for_a_number_is_part_of_the_job():
    assert CHECKER.check(message("What's your phone number for the trip?", "parent")) == []


@pytest.mark.parametrize(
    "text, span",
    [
        ("Staff wifi password's Falcon$1590", "Staff wifi password's Falcon$1590"),
        ("the SIMS login r.ahmed / Tulip_1049 x", "login r.ahmed / Tulip_1049"),
        ("username t.clarke password Daffodil@1444", "username t.clarke password Daffodil@1444"),
    ],
)
def test_a_login_written_without_colons_is_found(text, span):
    assert found(CHECKER.check(message(text, "colleague")), text) == [
        ("credentials.shared-login", span)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The password is... nope, not falling for that one",
        "Username or password incorrect!",
        "my login and password are the same",
        "Login page password reset link sent",
    ],
)
def test_a_password_that_is_not_given_is_not_a_finding(text):
    assert CHECKER.check(message(text, "colleague")) == []


@pytest.mark.parametrize(
    "text, span",
    [
        ("wots ur number need to tell u about saturday", "wots ur number"),
        ("which house is yours on Mill Road?", "which house is yours"),
        ("what road do you live on? I go past there", "what road do you live on"),
        ("what's your Roblox username? I'll add you", "what's your Roblox username"),
    ],
)
def test_more_ways_of_asking_a_pupil_for_personal_details(text, span):
    assert found(CHECKER.check(message(text, "pupil")), text) == [
        ("communication.request-personal-info", span)
    ]


def test_a_request_in_a_public_comment_is_advice_since_it_may_be_to_a_pupil():
    text = "Well played mate!! what's your snapchat, I'll send the pics"
    (finding,) = CHECKER.check(Content(text, kind=ContentKind.COMMENT))
    assert (finding.rule, finding.severity.value) == (
        "communication.request-personal-info", "advice")


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("What's your number bond to 10 for 2?", marks=pytest.mark.xfail(
            strict=True, reason="a known false positive of the judgement model (docs/models.md, "
            "known weaknesses); strict, so a retrain that fixes it shows")),
        "What's your number one tip for Year 3?",
    ],
)
def test_a_number_bond_is_a_lesson_not_a_request(text):
    assert CHECKER.check(message(text, "pupil")) == []


@pytest.mark.xfail(strict=True, reason="a known false positive of the judgement model "
                   "(docs/models.md, known weaknesses); strict, so a retrain that fixes it shows")
def test_refusing_to_give_a_number_is_not_grooming_risk():
    text = "I can't give out my own number, sorry - ask at the office"
    assert CHECKER.check(message(text, "pupil")) == []


@pytest.mark.xfail(strict=True, reason="a known false positive of the judgement model "
                   "(docs/models.md, known weaknesses); strict, so a retrain that fixes it shows")
def test_a_personal_number_given_to_a_pupil_is_told_once_as_personal_contact():
    text = "text me on 07700 900123 if the minibus is late"
    assert found(CHECKER.check(message(text, "pupil")), text) == [
        ("communication.personal-contact", "07700 900123")
    ]


def test_moving_a_pupil_to_a_private_channel_stays_grooming_risk():
    text = "message me on whatsapp at the weekend"
    assert [f.rule for f in CHECKER.check(message(text, "pupil"))] == [
        "communication.grooming-risk"
    ]
