from safepractice.engine import Finding, Severity
from safepractice.engine.checker import safer_text


def finding(start, end, replacement=None):
    return Finding(rule="r", topic="personal-information", severity=Severity.RISK, start=start,
                   end=end, confidence=1.0, explanation="", suggestion="",
                   replacement=replacement)


def test_replaced_spans_are_swapped_and_others_kept():
    text = "Call me on 07700 900123 at Hill Top"
    findings = [finding(11, 23, "[phone number removed]"), finding(27, 35)]
    assert safer_text(text, findings) == "Call me on [phone number removed] at Hill Top"


def test_overlapping_replacements_do_not_garble_the_text():
    text = "abcdefghij"
    assert safer_text(text, [finding(2, 6, "X"), finding(4, 8, "Y")]) == "abXghij"


def test_of_two_spans_starting_together_the_longer_is_replaced():
    text = "Call 07700 900123 now"
    findings = [finding(5, 10, "[part]"), finding(5, 17, "[number removed]")]
    assert safer_text(text, findings) == "Call [number removed] now"


def test_a_finding_about_the_whole_item_replaces_nothing():
    assert safer_text("hello", [finding(0, 0, "[removed]")]) == "hello"


def test_text_without_replacements_is_returned_as_written():
    text = "Two  spaces\nand a line"
    assert safer_text(text, [finding(0, 3)]) == text


def test_line_breaks_are_kept():
    text = "Call me on 07700 900123.\n\nSee you soon"
    assert safer_text(text, [finding(11, 23, "[number removed]")]) == (
        "Call me on [number removed].\n\nSee you soon"
    )


def test_a_removed_word_leaves_one_space():
    assert safer_text("you stupid idiot", [finding(4, 10, "")]) == "you idiot"


def test_a_removed_word_before_punctuation_leaves_no_space():
    assert safer_text("what an idiot.", [finding(7, 13, "")]) == "what an."


def test_a_removed_word_at_the_end_leaves_no_space():
    assert safer_text("see you idiot", [finding(8, 13, "")]) == "see you"


def test_a_removed_sentence_at_the_start_of_a_line_leaves_no_space():
    text = "Hi all.\nIdiots. See you"
    assert safer_text(text, [finding(8, 15, "")]) == "Hi all.\nSee you"
