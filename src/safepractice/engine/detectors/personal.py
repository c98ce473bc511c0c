"""Personal information: phone numbers, email addresses, postcodes, addresses, dates of birth.

Policy, "Protection of personal information": personal numbers and emails stay private and
never go to pupils or parents; the school's work number and email are the channel.
"""

import re
from collections.abc import Callable, Iterable, Iterator

import phonenumbers

from ..catalogue import make_finding
from ..content import TEXT_KINDS, Content
from ..context import SchoolContext
from ..findings import Finding
from ..text import (
    DigitRun,
    Normalised,
    digit_runs,
    might_hold_number,
    normalise,
    word_texts_and_keys,
)
from ..uk_numbers import UK_COUNTRY_CODE, is_valid_uk, possible_uk_lengths
from ._common import to_pupil_or_parent

# --- phone numbers ------------------------------------------------------------------------

_PHONE_REPLACEMENT = "[number removed]"
_DIGIT = re.compile(r"[0-9]")
_EMAIL_REPLACEMENT = "[email removed]"


# Confidence by how sure the number is: a valid number, a UK number of a real shape that
# phonenumbers calls merely "possible", and a phone-SHAPED UK number it rejects outright
# (a digit short or over: a typo or an old format, still somebody's number to the reader).
VALID, POSSIBLE, SHAPED = 0.95, 0.85, 0.75
INTERNATIONAL_POSSIBLE = 0.7


def _plausibility(number: phonenumbers.PhoneNumber) -> float | None:
    """The confidence for a parsed number: valid, or a UK number of a real shape (Ofcom's
    drama ranges such as 07700 900xxx are "possible" but not "valid", and people do post
    them as their number); None for anything else."""
    if number.country_code != UK_COUNTRY_CODE:
        if phonenumbers.is_valid_number(number):
            return VALID
        # Written with its country code and of that country's length: still a number to
        # the reader, even in a range phonenumbers does not know as allocated.
        return INTERNATIONAL_POSSIBLE if phonenumbers.is_possible_number(number) else None
    national = str(number.national_number)
    if is_valid_uk(national):
        return VALID
    if len(national) not in possible_uk_lengths():
        return None
    return POSSIBLE if len(national) == 10 and national[0] in "1237" else None


def _parse(candidate: str) -> tuple[phonenumbers.PhoneNumber, float] | None:
    """``candidate`` is digits, maybe after a "+"."""
    national = _uk_national(candidate)
    if national is not None:
        number = phonenumbers.PhoneNumber(country_code=44, national_number=int(national))
    else:
        try:
            number = phonenumbers.parse(candidate, "GB")
        except phonenumbers.NumberParseException:
            return None
    confidence = _plausibility(number)
    return None if confidence is None else (number, confidence)


def _uk_national(candidate: str) -> str | None:
    """The national digits of a plain UK candidate ("0…" or "+44…", no trunk zero after
    +44), which ``phonenumbers.parse(candidate, "GB")`` would read as exactly that number
    (checked on 400,000 random candidates) at a third of the cost; None for anything else."""
    if candidate.startswith("+44"):
        national = candidate[3:]
        return national if 6 <= len(national) <= 14 and national[0] != "0" else None
    if candidate[:1] == "0" and len(candidate) in (10, 11) and candidate[1] != "0":
        return candidate[1:]
    return None


def _uk_shaped(national: str) -> phonenumbers.PhoneNumber | None:
    """A UK number by its shape alone: 9 or 10 digits after the trunk 0 (or +44), starting
    as geographic (01, 02), non-geographic (03) and mobile (07) numbers do."""
    if 9 <= len(national) <= 10 and national[0] in "1237":
        return phonenumbers.PhoneNumber(country_code=44, national_number=int(national))
    return None


def _e164(number: phonenumbers.PhoneNumber) -> str:
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _starts_token(run: DigitRun, index: int) -> bool:
    return index == 0 or run.positions[index] != run.positions[index - 1]


def _ends_token(run: DigitRun, index: int) -> bool:
    """``index`` is one past the last digit."""
    return index == len(run.digits) or run.positions[index] != run.positions[index - 1]


# Decides whether a phone-shaped candidate (first digit, one past the last) reads as a number.
ShapeCheck = Callable[[DigitRun, int, int], bool]
Candidate = tuple[int, int, phonenumbers.PhoneNumber, float]


def phone_numbers_in(run: DigitRun, shaped: ShapeCheck | None = None) -> Iterator[Candidate]:
    """(first digit, one past last digit, number, confidence) for each phone number in a
    digit run. With ``shaped``, UK numbers phonenumbers rejects are accepted by their shape
    when ``shaped`` agrees (at the SHAPED confidence)."""
    digits = run.digits
    if run.plus or digits.startswith("00"):
        body = digits if run.plus else digits[2:]
        offset = 0 if run.plus else 2
        # "+44 (0)20 ..." carries a trunk zero that is not dialled from abroad.
        skip_trunk = body.startswith("440")
        for length in range(min(len(body), 16), 7, -1):
            candidate = body[:length]
            if skip_trunk:
                candidate = "44" + candidate[3:]
            parsed = _parse("+" + candidate)
            if parsed is not None and _ends_token(run, offset + length):
                yield 0, offset + length, *parsed
                return
        if shaped is not None and body.startswith("44"):
            lead = offset + (3 if skip_trunk else 2)
            for end in (lead + 10, lead + 9):
                if end <= len(digits) and _ends_token(run, end):
                    number = _uk_shaped(digits[lead:end])
                    if number is not None and shaped(run, 0, end):
                        yield 0, end, number, SHAPED
                        return
    index = 0
    while index < len(digits) - 9:
        found = None
        if _starts_token(run, index):
            if digits[index] == "0" and digits[index + 1] != "0":
                for length in (11, 10):
                    end = index + length
                    if end <= len(digits) and _ends_token(run, end):
                        parsed = _parse(digits[index:end])
                        if parsed is not None:
                            found = (index, end, *parsed)
                            break
                if found is None and shaped is not None:
                    for length in (11, 10):
                        end = index + length
                        if end <= len(digits) and _ends_token(run, end):
                            number = _uk_shaped(digits[index + 1 : end])
                            if number is not None and shaped(run, index, end):
                                found = (index, end, number, SHAPED)
                                break
            elif digits.startswith("44", index) and digits[index + 2] in "123789":
                end = index + 12
                if end <= len(digits) and _ends_token(run, end):
                    parsed = _parse("+" + digits[index:end])
                    if parsed is not None:
                        found = (index, end, *parsed)
        if found:
            yield found
            index = found[1]
        else:
            index += 1


# Words that say a number is a phone number, and words that say it is something else.
_STRONG_PHONE_WORDS_PATTERN = (
    r"call|calls|calling|text|texts|txt|ring|rang|mobile|mob|tel|phone|phoned|"
    r"whatsapp|landline|dial|sms"
)
_PHONE_WORDS = re.compile(
    r"\b(?:" + _STRONG_PHONE_WORDS_PATTERN + r"|number|no|num|contact|reach)\b", re.IGNORECASE
)
_REFERENCE_WORDS = re.compile(
    r"\b(?:order|ref|reference|invoice|account|acct|a/c|tracking|booking|policy|customer|"
    r"membership|member|serial|claim|parcel|ticket|sort\s+code|code|product|sku|iban|nhs|"
    r"passport|licen[cs]e|insurance|vat|company|(?<!\bin\s)case|transaction|receipt|isbn|"
    r"barcode|pin|inv|sn|s/n|card|part\s+(?:no|number)|cert|certificate)\b",
    re.IGNORECASE,
)
_STRONG_PHONE = re.compile(r"\b(?:" + _STRONG_PHONE_WORDS_PATTERN + r")\b", re.IGNORECASE)
_IS_A_REFERENCE = re.compile(
    r"\s*(?:is|was|=|-)\s+(?:the|my|our|your|an?|its)?\s*(?:[a-z]+\s+)?" + _REFERENCE_WORDS.pattern,
    re.IGNORECASE,
)
_DATE_AT = re.compile(r"\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})(?!\d)")
_CONTEXT_BEFORE, _CONTEXT_AFTER = 40, 25
_REFERENCE_REACH = 40
# The last reference word before a number, with nothing after it that ends the sentence
# or says "phone" ("Order 0161...", "Account number: 0207...", not "Order came. Call 07...").
_REFERENCE_BEFORE = re.compile(
    _REFERENCE_WORDS.pattern
    + r"(?:(?![!?]|\.\s+[A-Z]|[;\n]|\b(?:"
    + _STRONG_PHONE_WORDS_PATTERN
    + r")\b).)*$",
    re.IGNORECASE | re.DOTALL,
)


def _after_reference_word(text: str, start: int) -> bool:
    """Does a word for an order, account or other reference number lead up to the number
    starting at ``start``? Such numbers are often 0-led and 10 or 11 digits long, which
    phonenumbers reads as valid UK numbers."""
    before = text[max(0, start - _REFERENCE_REACH) : start]
    return _REFERENCE_BEFORE.search(before) is not None


def _said_to_be_a_reference(text: str, start: int, stop: int) -> bool:
    """ "0102176913 is the order number": the number is then said to be a reference, with
    no phone word before it."""
    return _IS_A_REFERENCE.match(text, stop) is not None and not _STRONG_PHONE.search(
        text, max(0, start - _CONTEXT_BEFORE), start
    )


def _part_of_something_else(text: str, start: int, stop: int) -> bool:
    """Digits run on from letters ("SN09042613858": a serial or product code) or a date
    ("03/01/2025 - 13.1 miles") are not a phone number, whatever their shape."""
    return (start > 0 and text[start - 1].isalpha()) or _DATE_AT.match(text, start) is not None


def _reads_as_phone(text: str, run: DigitRun, first: int, end: int) -> bool:
    """Is the phone-shaped digit run ``first:end`` written like a phone number? Not after a
    word for a reference or account number; then either a phone word nearby ("call",
    "text", "mobile", "whatsapp"...) or phone-like grouping: at most three groups of
    digits of three or more, none of them spelled out."""
    start, stop = run.span(first, end - 1)
    before = text[max(0, start - _CONTEXT_BEFORE) : start]
    if _REFERENCE_WORDS.search(before[-_REFERENCE_REACH:]):
        return False
    if _PHONE_WORDS.search(before) or _PHONE_WORDS.search(text[stop : stop + _CONTEXT_AFTER]):
        return True
    groups = sorted(set(run.positions[first:end]))
    if run.plus_at is not None and first == 0:
        return True  # "+44 ..." is a phone number's own prefix
    return len(groups) <= 3 and all(e - s >= 3 and text[s:e].isdigit() for s, e in groups)


# --- email addresses -------------------------------------------------------------------------

_TLDS = "com|co|uk|org|net|me|io|info|biz|ac|sch|gov|nhs|edu|ie|eu|de|fr|us|ca|au|live|email|online"
_AT = r"(?:\s*@\s*|\s*[\[({<{]\s*at\s*[\])}>}]\s*|\s+at\s+)"
_DOT = r"(?:\.|\s*[\[({<{]\s*dot\s*[\])}>}]\s*|\s+dot\s+|\s+\.\s+)"
_EMAIL = re.compile(
    r"(?<![\w.+-])(?P<local>[a-z0-9](?:[a-z0-9._+-]{0,63}[a-z0-9])?"
    r"(?:(?:\s+dot\s+|\s*[\[({<{]\s*dot\s*[\])}>}]\s*)[a-z0-9_+-]{1,63}){0,3})"
    + _AT
    + r"(?P<domain>[a-z0-9](?:[a-z0-9-]{0,62})(?:"
    + _DOT
    + r"[a-z0-9-]{1,63}){1,4})"
    r"(?![\w-])",
    re.IGNORECASE,
)
# What any match of _EMAIL holds around its "at": the full pattern is costly, " at " is in
# most posts and "@" in every post that mentions a handle ("@USER thanks").
_EMAIL_HINT = re.compile(
    r"(?:[a-z0-9_+-]\s*@|\sat)\s*[a-z0-9][a-z0-9-]{0,62}"
    r"(?:\.|\s*[\[({<{]\s*dot\s*[\])}>}]\s*|\s+dot\s+|\s+\.\s+)[a-z0-9-]"
    r"|[\[({<{]\s*at\s*[\])}>}]",
    re.IGNORECASE,
)
_PLAIN_DOMAIN = re.compile(r"^[a-z0-9-]+(?:\.[a-z0-9-]+)+$", re.IGNORECASE)
_DOMAIN_SEPARATORS = re.compile(
    r"\s*[\[({<{]\s*dot\s*[\])}>}]\s*|\s+dot\s+|\s+\.\s+", re.IGNORECASE
)
# Organisations' domains rather than a person's own mailbox.
_INSTITUTIONAL_SUFFIXES = (".sch.uk", ".gov.uk", ".ac.uk", ".nhs.uk", ".nhs.net", ".police.uk")
_TLD_SET = frozenset(_TLDS.split("|"))
# Mailboxes of a role, not of a person ("office@", "enquiries@", "pta@"), and domains of an
# organisation such as a school ("meadowbankprimary.co.uk"): not personal information.
# ("hello@", "info@" and "contact@" are left out: people use them on their own domains.)
_ROLE_MAILBOXES = frozenset((
    "office", "admin", "head", "headteacher", "enquiries", "enquiry", "finance", "clerk",
    "reception", "pta", "payments", "help", "support", "bursar", "admissions", "governors",
    "accounts", "noreply", "no-reply", "donotreply", "do-not-reply", "sales", "schooloffice",
    "attendance", "safeguarding", "dsl", "senco",
))  # fmt: skip
_ORGANISATION_DOMAIN = re.compile(
    r"^www\.|primary|junior|infant|school|academy|college|nursery|trust\b|council",
    re.IGNORECASE,
)
_LOCAL_PARTS = re.compile(r"[._+-]")


def _clean_domain(raw: str) -> str:
    return _DOMAIN_SEPARATORS.sub(".", raw).strip().lower()


# --- postcodes, addresses, dates of birth ---------------------------------------------------

_POSTCODE_AREAS = [
    "AB",
    "AL",
    "B",
    "BA",
    "BB",
    "BD",
    "BH",
    "BL",
    "BN",
    "BR",
    "BS",
    "BT",
    "CA",
    "CB",
    "CF",
    "CH",
    "CM",
    "CO",
    "CR",
    "CT",
    "CV",
    "CW",
    "DA",
    "DD",
    "DE",
    "DG",
    "DH",
    "DL",
    "DN",
    "DT",
    "DY",
    "E",
    "EC",
    "EH",
    "EN",
    "EX",
    "FK",
    "FY",
    "G",
    "GL",
    "GU",
    "GY",
    "HA",
    "HD",
    "HG",
    "HP",
    "HR",
    "HS",
    "HU",
    "HX",
    "IG",
    "IM",
    "IP",
    "IV",
    "JE",
    "KA",
    "KT",
    "KW",
    "KY",
    "L",
    "LA",
    "LD",
    "LE",
    "LL",
    "LN",
    "LS",
    "LU",
    "M",
    "ME",
    "MK",
    "ML",
    "N",
    "NE",
    "NG",
    "NN",
    "NP",
    "NR",
    "NW",
    "OL",
    "OX",
    "PA",
    "PE",
    "PH",
    "PL",
    "PO",
    "PR",
    "RG",
    "RH",
    "RM",
    "S",
    "SA",
    "SE",
    "SG",
    "SK",
    "SL",
    "SM",
    "SN",
    "SO",
    "SP",
    "SR",
    "SS",
    "ST",
    "SW",
    "SY",
    "TA",
    "TD",
    "TF",
    "TN",
    "TQ",
    "TR",
    "TS",
    "TW",
    "UB",
    "W",
    "WA",
    "WC",
    "WD",
    "WF",
    "WN",
    "WR",
    "WS",
    "WV",
    "YO",
    "ZE",
]
_AREA_ALTERNATION = "|".join(sorted(_POSTCODE_AREAS, key=len, reverse=True))
_POSTCODE = re.compile(
    r"(?<![A-Za-z0-9])(?P<outward>(?:" + _AREA_ALTERNATION + r")[0-9](?:[0-9]|[A-Z])?)"
    r"(?P<space>[ \t]{0,2})(?P<inward>[0-9][A-Z]{2})(?![A-Za-z0-9])",
    re.IGNORECASE,
)
# Any postcode ends in its inward code; the outward code before it is at most four
# characters and up to two spaces.
_INWARD = re.compile(r"[0-9][A-Za-z]{2}(?![A-Za-z0-9])")
_LONGEST_OUTWARD = 4
# Royal Mail never uses C, I, K, M, O or V in the inward code's letters.
_INWARD_LETTERS = frozenset("ABDEFGHJLNPQRSTUWXYZ")
_STREET_TYPES = (
    "road|rd|street|st|avenue|ave|lane|ln|close|cl|drive|dr|way|crescent|cres|grove|gardens|"
    "gdns|place|pl|terrace|tce|court|ct|walk|hill|row|square|sq|mews|rise|view|parade|"
    "boulevard|green|park|vale|wharf|chase|croft|meadow|meadows|fields|end"
)
# "a 10 mile walk", "3 hours drive", "the number 4 bus down Hazel Rise": not house numbers.
_MEASURES = (
    r"(?:miles?|mi|km|k|hours?|hrs?|minutes?|mins?|days?|weeks?|months?|years?|yrs?|bus|buses|"
    r"times|kids|children|people|laps|steps|metres?|meters?|yards?|feet|ft|inch(?:es)?)"
)
_STOP_WORDS = r"(?:the|a|an|my|our|your|in|on|at|to|of|for|and|or|with|from|by|is|was|are)"
_ADDRESS = re.compile(
    r"(?<![\w£$.,/-])(?:(?:flat|apartment|apt|unit)\s+\d{1,4}[a-z]?\s*,?\s+)?"
    r"\d{1,4}[a-z]?,?[ \t]+(?!" + _MEASURES + r"\b)"
    r"(?:(?!" + _STOP_WORDS + r"\b)[A-Za-z][A-Za-z'’-]{1,30}[ \t]+){1,3}"
    r"(?:" + _STREET_TYPES + r")\b\.?",
    re.IGNORECASE,
)
_ADDRESS_WORDS = frozenset(_STREET_TYPES.split("|")) | {"flat", "apartment", "apt"}
_FLAT = re.compile(r"\b(?:flat|apartment|apt)\s+\d{1,4}[a-z]?\b(?=\s*,?\s+[A-Z0-9])", re.IGNORECASE)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DATE = (
    r"(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|(?:19|20)\d\d-\d\d-\d\d"
    r"|\d{1,2}(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?" + _MONTH + r"\.?(?:,?[ \t]+\d{4})?"
    r"|" + _MONTH + r"\.?[ \t]+\d{1,2}(?:st|nd|rd|th)?(?:,?[ \t]+\d{4})?)"
)
_DATE_OF_BIRTH = re.compile(
    r"(?:\b(?:d\.?o\.?b\.?|date[ \t]+of[ \t]+birth|born(?:[ \t]+on)?|birthday)"
    r"(?:[ \t]+(?:is|was|=))?|(?<![\w.])b\.|🎂)"  # "b. 1984-04-21" and "🎂 18.05.92" in bios
    r"[ \t]*[:\-(]?[ \t]*(?:the[ \t]+)?(?P<date>" + _DATE + r")(?![\w/])",
    re.IGNORECASE,
)


class PersonalInformationDetector:
    name = "personal-information"
    kinds = TEXT_KINDS

    def __init__(self, context: SchoolContext) -> None:
        self.work_numbers = frozenset(
            _e164(number)
            for raw in context.work_phone_numbers
            if (number := _parse_any(raw)) is not None
        )
        self.work_domains = tuple(d.lower().lstrip("@") for d in context.work_email_domains)

    def detect(self, content: Content) -> Iterable[Finding]:
        text = content.text
        if not text:
            return []
        norm = normalise(text)
        private_channel = to_pupil_or_parent(content)
        findings: list[Finding] = []
        findings.extend(self._phones(norm, private_channel))
        lowered = norm.text.lower()
        if (
            "@" in norm.text
            or " at " in lowered
            or "at]" in lowered
            or "at)" in lowered
            or "at}" in lowered
            or "at>" in lowered
        ) and _EMAIL_HINT.search(norm.text):
            findings.extend(self._emails(norm, private_channel))
        findings.extend(self._postcodes(norm))
        findings.extend(self._addresses(norm))
        findings.extend(self._dates_of_birth(norm))
        return findings

    # phones
    def _phones(self, norm: Normalised, private_channel: bool) -> Iterator[Finding]:
        if not might_hold_number(norm.text):
            return
        text = norm.text

        def shaped(run: DigitRun, first: int, end: int) -> bool:
            return _reads_as_phone(text, run, first, end)

        for run in digit_runs(text):
            for first, end, number, confidence in phone_numbers_in(run, shaped):
                e164 = _e164(number)
                if e164 in self.work_numbers:
                    continue
                run_start, run_end = run.span(first, end - 1)
                if confidence == INTERNATIONAL_POSSIBLE and run.plus_at is None:
                    continue  # "0031 6603122": without its "+", too weak a sign
                if _part_of_something_else(text, run_start, run_end) or (
                    run.plus_at is None  # nobody writes a reference number after a "+"
                    and (
                        _after_reference_word(text, run_start)
                        or _said_to_be_a_reference(text, run_start, run_end)
                    )
                ):
                    continue  # "Order 01618194390": a reference number of a phone's shape
                if run_start > 0 and text[run_start - 1] == "(":
                    run_start -= 1  # "(01632) 960 118": the bracket belongs to the number
                start, stop = norm.span(run_start, run_end)
                international = number.country_code != 44
                kind = "international" if international else _uk_kind(number)
                if confidence == SHAPED:
                    shown = f"0{number.national_number}"
                else:
                    shown = phonenumbers.format_number(
                        number,
                        phonenumbers.PhoneNumberFormat.INTERNATIONAL
                        if international
                        else phonenumbers.PhoneNumberFormat.NATIONAL,
                    )
                if private_channel and not international and _organisations_range(number):
                    continue  # a helpline or council's 03/08 line given to a parent: not yours
                if private_channel:
                    yield make_finding(
                        "communication.personal-contact",
                        start,
                        stop,
                        confidence=VALID if confidence > SHAPED else POSSIBLE,
                        explanation=f"This message to a pupil or parent gives a personal "
                        f"{kind} number ({shown}).",
                        suggestion="Remove the number; contact pupils and parents through the "
                        "school phone system or office number.",
                        replacement=_PHONE_REPLACEMENT,
                        detail={"number": e164, "kind": kind},
                    )
                else:
                    yield make_finding(
                        "personal-information.phone",
                        start,
                        stop,
                        confidence=confidence,
                        explanation=f"This looks like a personal {kind} number ({shown}).",
                        suggestion="Remove the number, or share it privately with people you know.",
                        replacement=_PHONE_REPLACEMENT,
                        detail={"number": e164, "kind": kind},
                    )

    # emails
    def _is_work_domain(self, domain: str) -> bool:
        return any(domain == d or domain.endswith("." + d) for d in self.work_domains) or (
            domain.endswith(_INSTITUTIONAL_SUFFIXES)
        )

    def _emails(self, norm: Normalised, private_channel: bool) -> Iterator[Finding]:
        for match in _email_matches(norm.text):
            domain = _clean_domain(match.group("domain"))
            written_plainly = "@" in match.group()
            if self._is_work_domain(domain):
                continue
            local = _clean_domain(match.group("local"))
            if _organisation_address(local, domain):
                continue
            address = f"{local}@{domain}"
            start, stop = norm.span(*match.span())
            confidence = 0.97 if written_plainly else 0.85
            if private_channel:
                yield make_finding(
                    "communication.personal-contact",
                    start,
                    stop,
                    confidence=confidence,
                    explanation=f"This message to a pupil or parent gives a personal email "
                    f"address ({address}).",
                    suggestion="Remove it and use your school email address instead.",
                    replacement=_EMAIL_REPLACEMENT,
                    detail={"email": address},
                )
            else:
                yield make_finding(
                    "personal-information.email",
                    start,
                    stop,
                    confidence=confidence,
                    explanation=f"This looks like a personal email address ({address}).",
                    suggestion="Remove the address; for school matters give your school email.",
                    replacement=_EMAIL_REPLACEMENT,
                    detail={"email": address},
                )

    def _postcodes(self, norm: Normalised) -> Iterator[Finding]:
        for match in _postcode_matches(norm.text):
            outward, inward = match.group("outward"), match.group("inward")
            upper = outward.isupper() and inward.isupper()
            if upper:
                confidence = 0.9
            elif match.group("space"):
                confidence = 0.7
            elif _INWARD_LETTERS.issuperset(inward[1:].upper()):
                confidence = 0.6  # "ne546nq": a postcode typed in a hurry, or a handle
            else:
                continue
            start, stop = norm.span(*match.span())
            postcode = f"{outward} {inward}".upper()
            yield make_finding(
                "personal-information.postcode",
                start,
                stop,
                confidence=confidence,
                explanation=f"This looks like a UK postcode ({postcode}), which narrows down "
                "where someone lives to a few houses.",
                suggestion="Remove the postcode; a town or area is enough.",
                replacement="[postcode removed]",
                detail={"postcode": postcode},
            )

    def _addresses(self, norm: Normalised) -> Iterator[Finding]:
        if _DIGIT.search(norm.text) is None or _ADDRESS_WORDS.isdisjoint(
            word_texts_and_keys(norm.text)[1]
        ):
            return  # every address has a number and a street type or "flat"
        seen_end = -1
        for match in _ADDRESS.finditer(norm.text):
            start, stop = norm.span(*match.span())
            seen_end = match.end()
            yield make_finding(
                "personal-information.address",
                start,
                stop,
                confidence=0.85,
                explanation="This looks like a street address.",
                suggestion="Remove the address; never post where you live.",
                replacement="[address removed]",
            )
        for match in _FLAT.finditer(norm.text):
            if match.start() < seen_end:
                continue
            start, stop = norm.span(*match.span())
            yield make_finding(
                "personal-information.address",
                start,
                stop,
                confidence=0.6,
                explanation="This looks like part of an address (a flat or unit number).",
                suggestion="Remove the address; never post where you live.",
                replacement="[address removed]",
            )

    def _dates_of_birth(self, norm: Normalised) -> Iterator[Finding]:
        lowered = norm.text.lower()
        if not any(word in lowered for word in ("born", "birth", "dob", "d.o.b", "b.", "🎂")):
            return
        for match in _DATE_OF_BIRTH.finditer(norm.text):
            start, stop = norm.span(*match.span())
            yield make_finding(
                "personal-information.date-of-birth",
                start,
                stop,
                confidence=0.85,
                explanation="This gives a date of birth, which helps identity theft.",
                suggestion="Remove the date of birth.",
                replacement="[date of birth removed]",
                detail={"date": match.group("date")},
            )


def _postcode_matches(text: str) -> Iterator[re.Match[str]]:
    """``_POSTCODE.finditer(text)``, searched only just before each inward code ("9AB"):
    the full pattern, with its hundred and more areas, is costly to try at every position."""
    searched_to = 0
    for inward in _INWARD.finditer(text):
        start = max(searched_to, inward.start() - _LONGEST_OUTWARD - 2)
        match = _POSTCODE.search(text, start, inward.end())
        if match is not None:
            yield match
            searched_to = match.end()


def _email_matches(text: str) -> Iterator[re.Match[str]]:
    """Email-like matches whose domain ends in a real TLD. A rejected match ("me at
    claire.m.b") does not swallow the address that starts inside it."""
    position = 0
    while (match := _EMAIL.search(text, position)) is not None:
        domain = _clean_domain(match.group("domain"))
        if _PLAIN_DOMAIN.match(domain) and domain.rsplit(".", 1)[-1] in _TLD_SET:
            yield match
            position = match.end()
        else:
            position = match.start() + 1


def _organisation_address(local: str, domain: str) -> bool:
    return (
        local in _ROLE_MAILBOXES
        or _LOCAL_PARTS.split(local, maxsplit=1)[0] in _ROLE_MAILBOXES
        or _ORGANISATION_DOMAIN.search(domain) is not None
    )


def _parse_any(raw: str) -> phonenumbers.PhoneNumber | None:
    try:
        return phonenumbers.parse(raw, "GB")
    except phonenumbers.NumberParseException:
        return None


def _organisations_range(number: phonenumbers.PhoneNumber) -> bool:
    """03 (national rate), 080 (freephone), 084/087 and 09: ranges that organisations hold;
    nobody's own mobile or home line is on one."""
    national = str(number.national_number)
    return national.startswith(("3", "80", "84", "87", "9"))


def _uk_kind(number: phonenumbers.PhoneNumber) -> str:
    national = str(number.national_number)
    if national.startswith("7"):
        return "mobile"
    if national[:1] in "123":
        return "landline"
    return "phone"


def factory(context: SchoolContext) -> PersonalInformationDetector:
    return PersonalInformationDetector(context)
