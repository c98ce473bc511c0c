import pytest

from safepractice.registers.imei import InvalidIMEI, luhn_check_digit, normalise_imei


def test_a_valid_imei_with_spaces_and_dashes_is_accepted():
    assert normalise_imei("49-015420 323751-8") == "490154203237518"


def test_the_check_digit_is_the_luhn_digit():
    assert luhn_check_digit("35209900176148") == 1


def test_a_wrong_check_digit_is_refused_naming_the_expected_digit():
    with pytest.raises(InvalidIMEI, match="should be 8"):
        normalise_imei("490154203237519")


def test_fourteen_digits_is_refused_saying_how_many():
    with pytest.raises(InvalidIMEI, match="15 digits; this has 14"):
        normalise_imei("49015420323751")


def test_sixteen_digits_is_recognised_as_an_imeisv():
    with pytest.raises(InvalidIMEI, match="IMEISV"):
        normalise_imei("4901542032375180")


def test_letters_are_refused_naming_them():
    with pytest.raises(InvalidIMEI, match="'O'"):
        normalise_imei("49O154203237518")


def test_non_ascii_digits_are_refused():
    with pytest.raises(InvalidIMEI):
        normalise_imei("٤٩٠١٥٤٢٠٣٢٣٧٥١٨")


def test_an_empty_imei_says_how_to_find_it():
    with pytest.raises(InvalidIMEI, match=r"\*#06#"):
        normalise_imei("  ")
