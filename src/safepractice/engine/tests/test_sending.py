"""Whether an item must not be sent at all: one rule (``engine.sending``) for every front."""


from safepractice.engine import Checker, Content, ContentKind, SchoolContext
from safepractice.engine.sending import must_not_send, send_advice

from .helpers import checker, message, post

CHECKER = checker()
GROOMING = "Don't tell your mum, it's our little secret. You're my special friend xx"


def _verdict(content: Content) -> bool:
    return must_not_send(content, CHECKER.check(content))


def test_grooming_risk_wording_to_a_pupil_must_not_be_sent():
    assert _verdict(message(GROOMING, "pupil"))


def test_any_breach_in_a_message_to_a_pupil_must_not_be_sent():
    assert _verdict(message("Text me on 07700 900123", "pupil"))


def test_the_same_breach_to_a_parent_may_be_sent_once_put_right():
    assert not _verdict(message("Text me on 07700 900123", "parent"))


def test_a_risk_in_a_post_may_be_sent_once_put_right():
    assert not _verdict(post("Call me on 07700 900123"))


def test_a_message_to_a_pupil_with_nothing_found_may_be_sent():
    assert not _verdict(message("Well done on your spelling test today", "pupil"))


def test_findings_of_an_item_that_must_not_be_sent_offer_no_rewritten_text():
    findings = CHECKER.check(message(f"{GROOMING} Text me on 07700 900123", "pupil"))
    assert findings and not any("Safer:" in f.suggestion for f in findings)


def test_findings_of_an_item_that_may_be_sent_still_offer_the_rewritten_text():
    (finding,) = CHECKER.check(post("Call me on 07700 900123"))
    assert "Safer: “Call me on [number removed]”" in finding.suggestion


def test_the_advice_names_the_schools_safeguarding_leads():
    context = SchoolContext(safeguarding_leads=("Sarah Patel", "Tom Reid"))
    content = message(GROOMING, "pupil")
    advice = send_advice(content, Checker(context).check(content), context)
    assert advice.do_not_send
    assert "Sarah Patel or Tom Reid" in advice.talk_to
    assert "designated safeguarding lead" in advice.talk_to


def test_without_a_named_lead_the_advice_still_says_whom_to_talk_to():
    content = message(GROOMING, "pupil")
    advice = send_advice(content, CHECKER.check(content), SchoolContext())
    assert advice.talk_to.startswith("Talk to your school's designated safeguarding lead")


def test_an_item_that_may_be_sent_has_no_advice_to_stop():
    content = Content("Lovely day at the beach", kind=ContentKind.POST)
    advice = send_advice(content, CHECKER.check(content), SchoolContext())
    assert advice.as_dict() == {"do_not_send": False, "reason": "", "talk_to": ""}
