from safepractice.engine.text import digit_runs, fold_word, normalise, words


def test_zero_width_characters_are_removed_and_offsets_point_at_the_original():
    text = "call 0770\u200b0 900"
    norm = normalise(text)
    assert norm.text == "call 07700 900"
    start = norm.text.index("07700")
    assert norm.span(start, start + 5) == (5, 11)


def test_full_width_digits_and_cyrillic_letters_fold_to_ascii():
    norm = normalise("０７７ раss")
    assert norm.text == "077 pass"


def test_decimal_digits_of_any_script_fold_to_ascii_and_offsets_point_at_the_original():
    text = "ring 07700 9\u0660\u0966\u06f1\u07c2\uff13 now"  # Arabic-Indic, Devanagari, NKo…
    norm = normalise(text)
    assert norm.text == "ring 07700 900123 now"
    start = norm.text.index("9")
    assert norm.span(start, start + 6) == (11, 17)


def test_spelled_out_number_reads_as_digits():
    (run,) = digit_runs("oh seven seven double oh nine hundred one two three")
    assert run.digits == "07700900123"


def test_spaced_out_digits_read_as_one_run():
    (run,) = digit_runs("0 7 7 0 0 - 9 0 0 - 1 2 3")
    assert run.digits == "07700900123"


def test_letter_o_inside_a_number_reads_as_zero():
    (run,) = digit_runs("O77OO 9OO123")
    assert run.digits == "07700900123"


def test_words_between_numbers_end_the_run():
    assert digit_runs("I have 2 cats and 3 dogs") == []


def test_possessive_and_accents_fold_away():
    assert fold_word("Zoë's") == "zoe"
    assert [t.key for t in words("Siân’s bag")] == ["sian", "bag"]
