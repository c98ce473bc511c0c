"""The judgement model was trained on this normaliser's output, and the screen on
``model_words``: any change to either, however sensible, silently degrades them. These
cases pin the text the models read; change them only together with retraining."""

import pytest

from safepractice.engine.language.text import model_words, normalise

# (as written, what the judgement model reads, what the screen reads)
MODEL_INPUTS = [
    ("You’re such an іdіot, Mr Smith", "you're such an idiot, mr smith",
     ["you're", "such", "an", "idiot", "mr", "smith"]),
    ("Ѕhе's а ρаthеtіc lіаr", "she's a pathetic liar", ["she's", "a", "pathetic", "liar"]),
    ("what a sh1t day, y0u l0ser", "what a shit day, you loser",
     ["what", "a", "shit", "day", "you", "loser"]),
    ("Year 6 paid £5 at 7pm, 3rd time", "year 6 paid £5 at 7pm, 3rd time",
     ["year", "0", "paid", "0", "at", "0", "pm", "0", "rd", "time"]),
    # The joined run takes the one-letter word before it: what the model was trained on.
    ("you are a f u c k i n g joke", "you are afucking joke", ["you", "are", "afucking", "joke"]),
    ("i-d-i-o-t", "idiot", ["idiot"]),
    ("sooooo stuuuupid, nooo way", "so stupid, no way", ["so", "stupid", "no", "way"]),
    ("st\u200bup\u200cid te\u200dacher\ufeff", "stupid teacher", ["stupid", "teacher"]),
    ("Zoë and Siân went to the café", "zoe and sian went to the cafe",
     ["zoe", "and", "sian", "went", "to", "the", "cafe"]),
    ("😡 you muppet 🤬 lol 😂", "😡 you muppet 🤬 lol 😂",
     ["😡", "you", "muppet", "🤬", "lol", "😂"]),
    ("ＦＵＬＬ ｗｉｄｔｈ and 𝐛𝐨𝐥𝐝", "full width and bold", ["full", "width", "and", "bold"]),
    ("f*ck off @teacher_99 #fail", "f*ck off @teacher_gg #fail", ["f*ck", "off", "@user", "#fail"]),
    ("nine hundred quid, call oh seven seven", "nine hundred quid, call oh seven seven",
     ["0", "0", "quid", "call", "oh", "0", "0"]),
    ("Line one.\nLine two!  Tabs\there", "line one.\nline two!  tabs\there",
     ["line", "0", "line", "0", "tabs", "here"]),
]


@pytest.mark.parametrize(("written", "judged", "_"), MODEL_INPUTS)
def test_the_judgement_model_reads_the_text_it_was_trained_on(written, judged, _):
    assert normalise(written).text == judged


@pytest.mark.parametrize(("written", "_", "screened"), MODEL_INPUTS)
def test_the_screen_reads_the_words_it_was_trained_on(written, _, screened):
    assert model_words(written) == screened
