import random

import phonenumbers
import pytest

from safepractice.engine.uk_numbers import is_valid_uk, possible_uk_lengths


def _uk(national: str) -> phonenumbers.PhoneNumber:
    return phonenumbers.PhoneNumber(country_code=44, national_number=int(national))


def _random_nationals(count: int, seed: int) -> list[str]:
    """Every leading digit pair and every length phonenumbers knows for +44 and beyond."""
    rng = random.Random(seed)
    numbers = []
    for _ in range(count):
        length = rng.randint(4, 14)
        numbers.append(str(rng.randint(1, 9)) + "".join(rng.choice("0123456789")
                                                       for _ in range(length - 1)))
    return numbers


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_validity_agrees_with_phonenumbers_on_random_numbers(seed):
    disagreements = [
        n for n in _random_nationals(20_000, seed)
        if is_valid_uk(n) != phonenumbers.is_valid_number(_uk(n))
    ]
    assert disagreements == []


def test_validity_agrees_on_numbers_of_real_shapes():
    # Random numbers are mostly invalid; these prefixes are where the valid ones are.
    rng = random.Random(4)
    prefixes = ["7", "74576", "7624", "7781", "7839", "7911", "1481", "1534", "1624",
                "20", "121", "1632", "3", "800", "845", "870", "9", "56", "55", "76"]
    numbers = [p + "".join(rng.choice("0123456789") for _ in range(length - len(p)))
               for p in prefixes for length in range(max(len(p), 7), 12) for _ in range(300)]
    valid = [n for n in numbers if phonenumbers.is_valid_number(_uk(n))]
    assert len(valid) > 1000  # the test reaches valid numbers of several types
    assert [n for n in numbers if is_valid_uk(n) != (n in set(valid))] == []


def test_possible_lengths_agree_with_phonenumbers():
    for length in range(2, 16):
        national = "7" + "0" * (length - 1)
        assert (length in possible_uk_lengths()) == phonenumbers.is_possible_number(_uk(national))
