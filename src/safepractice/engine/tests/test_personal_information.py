import pytest

from .helpers import checker, found, message, post, profile

CHECKER = checker()


@pytest.mark.parametrize(
    "text, number",
    [
        ("Call me on 07700 900123!", "07700 900123"),
        ("ring 07700-900-123 later", "07700-900-123"),
        ("landline (01632) 960 118", "(01632) 960 118"),
        ("from abroad +44 (0)20 7946 0958", "+44 (0)20 7946 0958"),
        ("whatsapp 0044 7700 900717", "0044 7700 900717"),
        ("in Spain: +34 612 345 678", "+34 612 345 678"),
        (
            "it's oh seven seven double oh nine hundred four two six",
            "oh seven seven double oh nine hundred four two six",
        ),
        ("hit me up 0 7 7 0 0 9 0 0 5 5 1", "0 7 7 0 0 9 0 0 5 5 1"),
        ("ring 07700 nine hundred 239", "07700 nine hundred 239"),
        ("zero-width 07700\u200b900\u200b377 here", "07700\u200b900\u200b377"),
        ("full width ０７７００ ９００２９０", "０７７００ ９００２９０"),
        ("mixed widths 07700 9０0123", "07700 9０0123"),
        ("mixed scripts 07700 9\u0660\u0660\u0661\u0662\u0663", "07700 9٠٠١٢٣"),
        ("Devanagari ०७७०० ९००४५६", "०७७०० ९००४५६"),
        ("letters O77OO 9OO 618", "O77OO 9OO 618"),
        (
            "my number: oh seven seven double oh, nine hundred, one two three",
            "oh seven seven double oh, nine hundred, one two three",
        ),
        ("call me + 44 7700 900123 ok", "+ 44 7700 900123"),
    ],
)
def test_a_phone_number_in_any_written_form_is_found(text, number):
    assert found(CHECKER.check(post(text)), text) == [("personal-information.phone", number)]


@pytest.mark.parametrize(
    "text",
    [
        "Year 6 raised £1,250 for the hospice",
        "Order number 100234567891 still hasn't arrived",
        "Sort code 40-11-62 is the charity's account",
        "Flight BA2490 lands 14:35 on 12/08/2024",
        "Call 999 in an emergency, 111 for advice",
    ],
)
def test_numbers_that_are_not_phone_numbers_are_left_alone(text):
    assert CHECKER.check(post(text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "Order 01618194390 was dispatched this morning",
        "Account number: 02076349418, sort code 20-11-62",
        "Customer ref 07136 596738 for the broadband complaint",
        "Order no. 01403926972 still hasn't arrived",
    ],
)
def test_a_reference_number_of_a_phone_shape_is_left_alone(text):
    assert CHECKER.check(post(text)) == []


@pytest.mark.parametrize(
    "text, number",
    [
        ("Parcel came today. Call me on 07700 900123 later", "07700 900123"),
        ("Booking ref 4471, text 07700900456 to change it", "07700900456"),
        ("my order number is wrong; my mobile is 07700 900789", "07700 900789"),
    ],
)
def test_a_phone_number_after_a_reference_word_in_another_clause_is_found(text, number):
    assert found(CHECKER.check(post(text)), text) == [("personal-information.phone", number)]


def test_a_personal_number_to_a_parent_is_a_breach():
    text = "Text me on 07700 900483 if he's off"
    (finding,) = CHECKER.check(message(text, "parent"))
    assert (finding.rule, finding.severity.value) == ("communication.personal-contact", "breach")


def test_the_school_work_number_to_a_parent_is_fine():
    assert CHECKER.check(message("Please ring the office on 01962 760321.", "parent")) == []


def test_a_work_email_is_fine_and_a_personal_one_is_not():
    text = "Email s.patel@staldhelms.hants.sch.uk or sarah.p@gmail.com"
    findings = CHECKER.check(message(text, "parent"))
    assert found(findings, text) == [("communication.personal-contact", "sarah.p@gmail.com")]


@pytest.mark.parametrize(
    "text, email",
    [
        ("my email jo dot baker at outlook dot com", "jo dot baker at outlook dot com"),
        ("send to kelly[at]yahoo[dot]co[dot]uk", "kelly[at]yahoo[dot]co[dot]uk"),
        ("Email me at claire.m.b@gmail.com", "claire.m.b@gmail.com"),
    ],
)
def test_obfuscated_email_addresses_are_found(text, email):
    assert found(CHECKER.check(post(text)), text) == [("personal-information.email", email)]


def test_postcode_and_street_address_are_found():
    text = "Moving to 14 Chesil Street, Winchester SO23 0HU"
    assert found(CHECKER.check(post(text)), text) == [
        ("personal-information.address", "14 Chesil Street"),
        ("personal-information.postcode", "SO23 0HU"),
    ]


def test_a_postcode_without_the_space_is_found():
    text = "deliver to PO12AB please"
    assert found(CHECKER.check(post(text)), text) == [("personal-information.postcode", "PO12AB")]


def test_a_date_of_birth_in_a_profile_is_found():
    text = "Runner. Born 12 June 1984. Coffee."
    assert found(CHECKER.check(profile(text)), text) == [
        ("personal-information.date-of-birth", "Born 12 June 1984")
    ]


def test_a_birth_without_a_date_is_not_a_date_of_birth():
    assert CHECKER.check(post("I was born on a Tuesday apparently")) == []


def test_the_suggestion_shows_the_text_with_the_number_removed():
    (finding,) = CHECKER.check(post("Call me on 07700 900123"))
    assert "Call me on [number removed]" in finding.suggestion


@pytest.mark.parametrize(
    "text, number",
    [
        ("Plumber was great, his number: (029) 2018682", "(029) 2018682"),
        ("Lost my phone, text 0292018590 instead x", "0292018590"),
        ("+44289018327 - that's the new landline", "+44289018327"),
        ("New number is +44(0)28 9018362, save it!", "+44(0)28 9018362"),
        ("Car for sale, £1,200 ono, 0289 018 492", "0289 018 492"),
        ("call me on 0 2 9 2 0 1 8 6 8 2 tonight", "0 2 9 2 0 1 8 6 8 2"),
    ],
)
def test_a_phone_shaped_uk_number_a_digit_short_is_still_found(text, number):
    assert found(CHECKER.check(post(text)), text) == [("personal-information.phone", number)]


def test_a_phone_shaped_number_is_less_certain_than_a_valid_one():
    (shaped,) = CHECKER.check(post("text 0292018590 later"))
    (valid,) = CHECKER.check(post("text 02920 185900 later"))
    assert shaped.confidence < valid.confidence


@pytest.mark.parametrize(
    "text",
    [
        "Order 0292018682 was delivered on 18/7/2024",
        "Account number 0123456789 for the direct debit",
        "Reference 07123 456 78 for the council tax query",
        "Doors open 01.02.2024 10:30, tickets £12.50",
        "Scores were 0 2 9 2 0 1 8 6 8 2 across the ten rounds",
        "Policy no. 0291 2345 67 renewed today",
    ],
)
def test_phone_shaped_reference_and_account_numbers_are_left_alone(text):
    assert CHECKER.check(post(text)) == []


def test_postcodes_searched_near_inward_codes_match_the_full_pattern_everywhere():
    import random

    from safepractice.engine.detectors.personal import _POSTCODE, _postcode_matches

    rng = random.Random(1)
    alphabet = "ABCDEHMNSWX0123456789 abcx,.-"
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30)))
             for _ in range(20_000)]
    assert sum(1 for t in texts if _POSTCODE.search(t)) > 100  # postcodes are in there
    for text in texts:
        assert [m.span() for m in _postcode_matches(text)] == [
            m.span() for m in _POSTCODE.finditer(text)
        ], text


@pytest.mark.parametrize(
    "text",
    [
        "projector in room B11 still says SN09042613858",
        "charity run 03/01/2025 - 13.1 miles, raised £1,980",
        "0102176913 is the order number if anyone needs to chase the hoodies",
        "the ISBN for the guided reading books is 0312244126",
    ],
)
def test_codes_dates_and_numbers_said_to_be_references_are_not_phone_numbers(text):
    assert [f for f in CHECKER.check(post(text)) if f.topic == "personal-information"] == []


def test_a_plus_number_after_a_reference_word_is_still_a_phone_number():
    text = "PE coordinator. bookings: +44(0)117 496 0308"
    assert found(CHECKER.check(post(text)), text) == [
        ("personal-information.phone", "+44(0)117 496 0308")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Email enquiries@ashgrovejuniors.org.uk for a place",
        "send the forms to pta@meadowbankprimary.co.uk",
        "payments go through help@parentpay.com",
    ],
)
def test_role_mailboxes_and_organisations_addresses_are_not_personal(text):
    assert CHECKER.check(post(text)) == []


def test_an_email_with_spaced_dots_is_found():
    text = "use suzanne.foster @ outlook . co . uk for now"
    assert found(CHECKER.check(post(text)), text) == [
        ("personal-information.email", "suzanne.foster @ outlook . co . uk")
    ]


@pytest.mark.parametrize("postcode", ["ne546nq", "HD1  8SB", "Yo439SN"])
def test_postcodes_typed_in_a_hurry_are_found(postcode):
    text = f"we've moved to {postcode} at last"
    assert found(CHECKER.check(post(text)), text) == [("personal-information.postcode", postcode)]


def test_a_lower_case_code_with_inward_letters_no_postcode_uses_is_not_a_postcode():
    assert CHECKER.check(post("my gamer tag is me23ko lol")) == []


def test_an_email_with_braces_for_at_and_dot_is_found():
    text = "email jamie_graham{at}gmail{dot}com"
    assert found(CHECKER.check(post(text)), text) == [
        ("personal-information.email", "jamie_graham{at}gmail{dot}com")
    ]


def test_no_reply_addresses_are_not_personal():
    assert CHECKER.check(post("the code came from no-reply@amazon.co.uk at last")) == []


def test_an_international_number_with_its_plus_is_found_even_outside_known_ranges():
    text = "villa owner in the dordogne: +33 6 39 98 99 98"
    assert found(CHECKER.check(post(text)), text) == [
        ("personal-information.phone", "+33 6 39 98 99 98")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Supply inv 0035 893 1897 came through, can u sign it off",
        "wifi router sn 07608 253453 keeps dropping out",
        "library card 01401158372 expired",
        "raffle: winning tickets 0031 6603122",
    ],
)
def test_invoices_serials_cards_and_unprefixed_foreign_shapes_are_not_phone_numbers(text):
    assert [f for f in CHECKER.check(post(text)) if f.topic == "personal-information"] == []


@pytest.mark.parametrize(
    "text, date",
    [
        ("my DOB is 09.02.1983 too", "09.02.1983"),
        ("b. March 23rd, 1989 | Derby", "March 23rd, 1989"),
        ("Born 1981-09-06 · rugby", "1981-09-06"),
        ("🎂 18.05.92 | dog mum", "18.05.92"),
        ("every form wants my DOB (17th of January 1965)", "17th of January 1965"),
        ("My date of birth is 02/12/1994 if you need it", "02/12/1994"),
    ],
)
def test_a_date_of_birth_is_found_in_the_forms_people_write(text, date):
    (finding,) = [f for f in CHECKER.check(post(text)) if f.rule.endswith("date-of-birth")]
    assert finding.detail["date"] == date


@pytest.mark.parametrize(
    "text",
    [
        "Did a 10 mile walk round Worthing today",
        "3 hours drive to Cornwall with the kids",
        "Took the number 4 bus down Hazel Rise and it broke down",
    ],
)
def test_a_distance_or_a_bus_before_a_street_word_is_not_an_address(text):
    assert [f for f in CHECKER.check(post(text)) if f.rule.endswith("address")] == []


@pytest.mark.parametrize(
    "text",
    [
        "The council's school transport team are on 03069 990275",
        "Family Lives' helpline is free on 0808 157 0892",
    ],
)
def test_an_organisations_line_given_to_a_parent_is_not_personal_contact(text):
    assert CHECKER.check(message(text, "parent")) == []
