from safepractice.checks.highlighting import segments
from safepractice.engine import Finding, Severity


def finding(start, end, replacement=None, severity=Severity.RISK):
    return Finding(rule="r", topic="personal-information", severity=severity, start=start,
                   end=end, confidence=1.0, explanation="", suggestion="",
                   replacement=replacement)


def test_segments_cover_the_text_and_mark_overlaps_with_both_findings():
    text = "abcdefghij"
    cut = segments(text, [finding(2, 6), finding(4, 8, severity=Severity.BREACH)])
    assert "".join(s.text for s in cut) == text
    assert [(s.text, s.numbers, s.severity) for s in cut if s.highlighted] == [
        ("cd", (1,), "risk"), ("ef", (1, 2), "breach"), ("gh", (2,), "breach"),
    ]


def test_whole_item_findings_highlight_nothing():
    assert not any(s.highlighted for s in segments("hello", [finding(0, 0)]))
