import gzip
import shutil
from datetime import datetime

import pytest

from safepractice.engine import Checker, Content, ContentKind, Recipient, SchoolContext, Severity
from safepractice.engine.context import RosterPerson
from safepractice.engine.language import RULE_FACTORIES, data
from safepractice.engine.language.model import MODELS_DIR, ModelError, load_model
from safepractice.engine.language.text import normalise

CONTEXT = SchoolContext(
    school_name="Corpus Christi Catholic Primary School",
    local_authority="Portsmouth City Council",
    local_authority_aliases=("PCC",),
    staff=(RosterPerson("Jane", "Smith", status="staff"),),
)


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(CONTEXT, RULE_FACTORIES)


def topics(checker: Checker, text: str, **kwargs) -> dict[str, list]:
    found: dict[str, list] = {}
    for finding in checker.check(Content(text, **kwargs)):
        found.setdefault(finding.topic, []).append(finding)
    return found


def test_normalise_reads_leetspeak_split_letters_and_lookalikes():
    assert normalise("m u s l 1 m s").text == "muslims"
    assert normalise("sh!t").text == "shit"
    assert normalise("Muslіms").text == "muslims"  # Cyrillic i


def test_normalised_spans_point_at_the_original_text():
    text = "oh F u c k"
    norm = normalise(text)
    start = norm.text.index("fuck")
    assert norm.span(start, start + 4) == (3, 10)


def test_insult_at_a_person_is_worse_than_general_profanity(checker):
    aimed = topics(checker, "You are a useless pillock")["offensive"]
    general = topics(checker, "Shitty inset day today")["offensive"]
    assert aimed[0].severity == Severity.BREACH
    assert general[0].severity.rank < Severity.BREACH.rank


def test_offensive_span_names_the_word(checker):
    text = "What a bellend, parking across the gates"
    finding = topics(checker, text)["offensive"][0]
    assert text[finding.start : finding.end] == "bellend"
    assert "Safer online behaviour" in finding.explanation


def test_harmless_idiom_is_not_offensive(checker):
    assert "offensive" not in topics(checker, "Year 3 were absolutely killing it at sports day")


@pytest.mark.parametrize(
    "text",
    [
        "I have nine hundred sheep",
        "nine hundred two three nine",
        "Selling the cot, ring oh seven seven double oh nine hundred one two three",
        "Twenty three children, forty five minutes, one hundred percent effort",
    ],
)
def test_numbers_in_words_are_not_offensive(checker, text):
    assert "offensive" not in topics(checker, text)


def test_benign_school_posts_stay_under_two_percent(checker):
    posts = data.benign_school()
    flagged = [p for p in posts if {"offensive", "equality"} & set(topics(checker, p))]
    assert len(posts) >= 300
    assert len(flagged) / len(posts) < 0.02, flagged


@pytest.mark.parametrize(
    ("text", "characteristic"),
    [
        ("Muslims are vermin", "religion or belief"),
        ("1mm1grants are scum", "race"),
        ("Trans people should all be shot", "gender reassignment"),
        ("I despise disabled people", "disability"),
    ],
)
def test_hate_names_the_characteristic(checker, text, characteristic):
    finding = topics(checker, text)["equality"][0]
    assert finding.detail["characteristic"] == characteristic
    assert finding.severity == Severity.BREACH


@pytest.mark.parametrize(
    "text",
    [
        "I don't hate gay people",
        "Gay people are not disgusting",
        'Saying "Muslims are scum" is racist and unacceptable',
        "We're queer and proud",
        "My gay brother is coming to the fair",
        "Faggots and peas for tea",
        "Fuck all racists",
    ],
)
def test_not_hate(checker, text):
    assert "equality" not in topics(checker, text)


def test_abuse_without_a_protected_characteristic_is_offensive_not_equality(checker):
    found = topics(checker, "You are a disgusting idiot")
    assert "offensive" in found and "equality" not in found


def test_allegation_against_a_role_and_the_council(checker):
    assert "allegation" in topics(checker, "The head stole money from the PTA fund")
    assert "allegation" in topics(checker, "PCC fiddled the school budget")
    assert "allegation" in topics(checker, "Jane Smith is a liar")


def test_neutral_mentions_are_not_allegations(checker):
    assert "allegation" not in topics(checker, "Anti-bullying week assembly with the head")
    assert "allegation" not in topics(checker, "The head thanked all the parents")


def test_grooming_risk_only_in_messages_to_pupils(checker):
    text = "Don't tell your mum, it's our little secret"
    to_pupil = topics(checker, text, kind=ContentKind.MESSAGE, recipient=Recipient.PUPIL)
    to_colleague = topics(checker, text, kind=ContentKind.MESSAGE, recipient=Recipient.COLLEAGUE)
    finding = to_pupil["grooming-risk"][0]
    assert finding.severity == Severity.BREACH
    assert finding.detail["pattern"] == "secrecy"
    assert "Communication between pupils / schools staff" in finding.explanation
    assert "grooming-risk" not in to_colleague
    assert "grooming-risk" not in topics(checker, text)


def test_late_night_message_to_a_pupil_is_flagged(checker):
    found = topics(checker, "Did you finish it?", kind=ContentKind.MESSAGE,
                   recipient=Recipient.PUPIL, date=datetime(2025, 3, 3, 23, 30))
    assert found["grooming-risk"][0].detail["pattern"] == "out-of-hours intimacy"


def test_ordinary_message_to_a_pupil_is_fine(checker):
    found = topics(checker, "Please remember your PE kit tomorrow", kind=ContentKind.MESSAGE,
                   recipient=Recipient.PUPIL)
    assert not found


def test_empty_and_huge_input(checker):
    assert checker.check(Content("")) == []
    huge = ("Lovely day at forest school. " * 40_000)[:1_000_000]
    assert checker.check(Content(huge)) == []


def test_missing_model_file_names_file_and_rebuild_command(tmp_path):
    with pytest.raises(ModelError, match=r"offensive\.json is missing.*language\.train"):
        load_model("offensive", tmp_path)


def test_corrupt_model_file_is_refused(tmp_path):
    for name in ("offensive.json", "offensive.weights.gz"):
        shutil.copy(MODELS_DIR / name, tmp_path / name)
    raw = bytearray(gzip.decompress((tmp_path / "offensive.weights.gz").read_bytes()))
    raw[100] ^= 0xFF
    (tmp_path / "offensive.weights.gz").write_bytes(gzip.compress(bytes(raw)))
    with pytest.raises(ModelError, match=r"offensive\.weights\.gz is corrupt"):
        load_model("offensive", tmp_path)


def test_insult_words_near_one_another_are_one_remark(checker):
    text = "THE PARENTS IN 4B ARE useless pr*cks"
    (finding,) = topics(checker, text)["offensive"]
    assert text[finding.start : finding.end] == "useless pr*cks"


def test_mild_swearing_is_low_confidence_advice(checker):
    (finding,) = topics(checker, "BLOODY HELL WHAT A DAY")["offensive"]
    assert (finding.severity, finding.confidence) == (Severity.ADVICE, 0.4)


@pytest.mark.parametrize(
    "text", ["I'm such an idiot, locked my keys in the car", "the witches in Macbeth were great"]
)
def test_an_insult_said_of_oneself_or_of_no_one_is_not_offensive(checker, text):
    assert "offensive" not in topics(checker, text)


@pytest.mark.parametrize(
    "text, characteristic",
    [
        ("Trans teachers shouldn't be allowed near children", "gender reassignment"),
        ("Sorry but a woman can't run a school", "sex"),
        ("Chinese parents are all tiger mums", "race"),
        ("Marc is too old to teach tbh", "age"),
        ("Ms Owen only got the job cos she's a woman", "sex"),
        ("ADHD is just bad parenting", "disability"),
        ("two mums isn't a real family", "sexual orientation"),
        ("This new marking policy is r*tarded", "disability"),
    ],
)
def test_stereotypes_exclusion_and_workplace_discrimination(checker, text, characteristic):
    (finding,) = topics(checker, text)["equality"]
    assert finding.detail["characteristic"] == characteristic


@pytest.mark.parametrize(
    "text",
    [
        "Disabled parents shouldn't have to fight for support",
        "Women are always welcome at our book club",
        "Girls only football session on Friday",
        "Pride month assembly, so proud of our gay and lesbian families",
    ],
)
def test_support_and_plain_mentions_are_not_equality_findings(checker, text):
    assert "equality" not in topics(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "I reckon Mr Jackson is drinking at work",
        "Katie's mum is not feeding those kids",
        "Oakridge Primary cheated on their SATs",
        "Dylan steals from the tuck shop",
    ],
)
def test_allegations_about_people_not_on_the_roster(checker, text):
    assert "allegation" in topics(checker, text)


@pytest.mark.parametrize(
    "text", ["Year 4 beat the teachers at rounders", "I stole the last biscuit, guilty!"]
)
def test_a_game_or_a_joke_at_ones_own_expense_is_not_an_allegation(checker, text):
    assert "allegation" not in topics(checker, text)


@pytest.mark.parametrize(
    "text",
    [
        "Your parents dont need to know about this",
        "Can you sneak out later?",
        "You're so mature for your age",
        "you're gorgeous you know",
        "Is your mum at work tonight?",
    ],
)
def test_more_grooming_wording(checker, text):
    found = topics(checker, text, kind=ContentKind.MESSAGE, recipient=Recipient.PUPIL)
    assert "grooming-risk" in found


@pytest.mark.parametrize(
    "text",
    [
        "Don't tell anyone your password, not even your friends",
        "Meet me at the school office at 3 with your form",
    ],
)
def test_e_safety_advice_and_school_meetings_are_not_grooming(checker, text):
    found = topics(checker, text, kind=ContentKind.MESSAGE, recipient=Recipient.PUPIL)
    assert "grooming-risk" not in found


def test_kisses_beside_other_wording_are_not_a_finding_of_their_own(checker):
    text = "missing you loads xx"
    found = topics(checker, text, kind=ContentKind.MESSAGE, recipient=Recipient.PUPIL)
    assert [text[f.start : f.end] for f in found["grooming-risk"]] == ["missing you"]
