"""The judgement model as shipped: loading and its errors, bad input, long texts, context."""

import shutil
import time

import pytest

from safepractice.engine import Checker, Content
from safepractice.engine.content import ContentKind, Recipient
from safepractice.engine.context import SchoolContext
from safepractice.engine.language import judged
from safepractice.engine.language.judgement import (
    CARD_FILE,
    MODEL_FILE,
    TOKENIZER_FILE,
    JudgementModel,
    context_words,
)
from safepractice.engine.language.model import MODELS_DIR, ModelError


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(SchoolContext(), [judged.factory])


def topics(checker: Checker, text: str, **kwargs) -> set[str]:
    return {f.topic for f in checker.check(Content(text, **kwargs)) if f.confidence >= 0.5}


def copy_models(tmp_path):
    for name in (MODEL_FILE, TOKENIZER_FILE, CARD_FILE):
        shutil.copyfile(MODELS_DIR / name, tmp_path / name)
    return tmp_path


def test_a_missing_model_file_names_the_file_and_the_rebuild_command(tmp_path):
    copy_models(tmp_path)
    (tmp_path / MODEL_FILE).unlink()
    with pytest.raises(ModelError, match=r"judgement\.int8\.onnx is missing.*train_judgement"):
        JudgementModel(tmp_path)


def test_a_damaged_model_file_is_refused(tmp_path):
    copy_models(tmp_path)
    data = bytearray((tmp_path / MODEL_FILE).read_bytes())
    data[len(data) // 2] ^= 0xFF
    (tmp_path / MODEL_FILE).write_bytes(bytes(data))
    with pytest.raises(ModelError, match="damaged"):
        JudgementModel(tmp_path)


def test_a_damaged_card_is_refused(tmp_path):
    copy_models(tmp_path)
    (tmp_path / CARD_FILE).write_text("{not json")
    with pytest.raises(ModelError, match="not valid JSON"):
        JudgementModel(tmp_path)


def test_the_context_words_say_who_a_message_is_to():
    assert context_words("message", "pupil") == "message to a pupil"
    assert context_words("profile:bio", None) == "bio"
    assert context_words("post", "pupil") == "post"


@pytest.mark.parametrize(
    "text",
    ["", "   ", "😀😀😀🎉", "\x00\x01\x02 \u202e\u200b", "Bonjour à tous, bonne rentrée !",
     "今日は学校の運動会でした", "ا" * 50],
)
def test_odd_input_gets_a_clear_result(checker, text):
    findings = checker.check(Content(text))
    assert all(f.topic != "offensive" for f in findings)


def test_look_alike_letters_do_not_hide_abuse(checker):
    assert "offensive" in topics(checker, "Yоu аre а fuсking idiоt")  # Cyrillic о, а, с


def test_a_megabyte_is_read_to_its_end_in_linear_time(checker):
    filler = "We had a lovely day at the farm with Year 2 and everyone enjoyed it. " * 15_000
    text = filler + "You are a useless fucking prick and everyone hates you."
    assert len(text) > 1_000_000
    started = time.perf_counter()
    findings = checker.check(Content(text))
    assert time.perf_counter() - started < 60
    assert any(f.topic == "offensive" and f.start >= len(filler) for f in findings)


def test_a_secret_meeting_is_grooming_risk_to_a_pupil_but_not_to_a_colleague(checker):
    text = "Don't tell your mum, but I'll pick you up after school and we can go for a drive x"
    assert "grooming-risk" in topics(
        checker, text, kind=ContentKind.MESSAGE, recipient=Recipient.PUPIL
    )
    assert "grooming-risk" not in topics(
        checker, "Fancy a drink after work on Friday? x", kind=ContentKind.MESSAGE,
        recipient=Recipient.COLLEAGUE,
    )


def test_a_stereotype_without_a_slur_is_against_equalities_law(checker):
    found = checker.check(Content("Never hire a woman in her thirties, she'll be off on "
                                  "maternity leave within a year."))
    equality = [f for f in found if f.topic == "equality"]
    assert equality and equality[0].detail["characteristic"] in {"sex", "pregnancy and maternity"}


def test_a_pupils_health_told_without_a_name_is_confidential(checker):
    text = "The little lad in my Year 3 class with the EHCP had another seizure today, mum's " \
           "in bits, social services are involved now"
    assert "confidential" in topics(checker, text)


def test_an_equality_finding_is_told_once_not_also_as_offensive(checker):
    found = checker.check(Content("Muslims are vermin and should all be deported"))
    assert [f.topic for f in found if f.topic in {"equality", "offensive"}] == ["equality"]


def test_a_clean_school_post_has_no_judgement_finding(checker):
    text = "Huge well done to Year 6 for their brilliant performance of Oliver! tonight 👏"
    assert not topics(checker, text) & set(judged.RULES)


def test_checking_many_at_once_finds_what_checking_each_finds(checker):
    texts = [
        "What a brilliant sports day, well done Year 4!",
        "don't tell your mum, just message me on snapchat x",
        "women shouldn't teach science, they're too emotional",
        "that new TA is a useless waste of space",
        "Kacper in 3W had another seizure at home so keep him off the climbing frame",
        "",
        "Reminder: reading books back on Friday please",
    ] * 20  # more than one prepared group, with repeats
    items = [
        Content(text, kind=ContentKind.MESSAGE, recipient=Recipient.PUPIL)
        if "snapchat" in text else Content(text)
        for text in texts
    ]
    checker.detectors[0].model.forget()  # so that check_many's batches do the reading
    at_once = [findings for _, findings in checker.check_many(items)]
    one_by_one = [checker.check(item) for item in items]
    assert at_once == one_by_one
