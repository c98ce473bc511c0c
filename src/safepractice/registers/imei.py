"""IMEI validation: 15 digits, the last a Luhn check digit. Spaces and dashes are accepted."""

import re

from safepractice.errors import ApplicationError


class InvalidIMEI(ApplicationError):
    """The reason, in words a member of staff can act on."""


def luhn_check_digit(first_fourteen: str) -> int:
    total = 0
    for index, char in enumerate(reversed(first_fourteen)):
        digit = int(char)
        if index % 2 == 0:  # doubled: every second digit from the right of the payload
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return (10 - total % 10) % 10


def normalise_imei(raw: str) -> str:
    """The 15 digits of a valid IMEI, or ``InvalidIMEI`` saying what is wrong."""
    compact = re.sub(r"[\s\-]", "", raw or "")
    if not compact:
        raise InvalidIMEI("Enter the IMEI: dial *#06# on the phone to show it.")
    stray = sorted({char for char in compact if not char.isdigit() or not char.isascii()})
    if stray:
        shown = " ".join(repr(char) for char in stray)
        raise InvalidIMEI(
            f"An IMEI is made of digits only (spaces and dashes are fine); it contains {shown}."
        )
    if len(compact) != 15:
        hint = ""
        if len(compact) == 16:
            hint = " Sixteen digits is an IMEISV (with a software version), not the IMEI."
        elif len(compact) == 14:
            hint = " The last (check) digit may be missing."
        raise InvalidIMEI(
            f"An IMEI has 15 digits; this has {len(compact)}.{hint} Dial *#06# to show it."
        )
    expected = luhn_check_digit(compact[:14])
    if int(compact[14]) != expected:
        raise InvalidIMEI(
            "The check digit does not match (the last digit should be "
            f"{expected} for the first 14 digits given): a digit has probably been mistyped."
        )
    return compact
