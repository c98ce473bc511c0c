import pytest

from safepractice.oversight.suppression import derived, shown, total


@pytest.mark.parametrize("count", [1, 2, 3, 4])
def test_counts_from_one_to_four_are_shown_as_fewer_than_five(count):
    assert shown(count).text == "<5"


@pytest.mark.parametrize("count", [0, 5, 6, 120])
def test_zero_and_five_or_more_are_shown_as_they_are(count):
    assert shown(count).text == str(count)


def test_a_negative_count_is_a_programming_error():
    with pytest.raises(ValueError):
        shown(-1)


def test_a_figure_derived_from_fewer_than_five_records_is_withheld():
    assert derived("3.5 days", 4) == "–"
    assert derived("3.5 days", 5) == "3.5 days"


def test_a_total_that_would_reveal_a_suppressed_cell_is_rounded():
    # 3 + 10 shown exactly as 13 would let a reader subtract 10 and find the 3.
    assert total([3, 10]).text == "≈15"
    assert total([5, 10]).text == "15"
    assert total([1, 2]).text == "<5"
