import pytest

from safepractice.engine.config import ConfigError, load_school_config

from .helpers import SCHOOL_TOML


def write(tmp_path, body: str):
    path = tmp_path / "school.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_the_example_school_loads_with_its_rosters():
    context = load_school_config(SCHOOL_TOML)
    assert context.school_name.startswith("St Aldhelm's")
    assert {p.status for p in context.pupils} == {"current", "past"}
    assert context.staff[0].status == "staff"


def test_an_unknown_key_is_named(tmp_path):
    path = write(tmp_path, '[school]\nname = "X"\nnickname = "Y"\n')
    with pytest.raises(ConfigError, match=r"school\.nickname"):
        load_school_config(path)


def test_an_unknown_top_level_table_is_named(tmp_path):
    with pytest.raises(ConfigError, match="'pupil'"):
        load_school_config(write(tmp_path, '[[pupil]]\nfirst_name = "A"\n'))


def test_a_bad_severity_is_named(tmp_path):
    path = write(tmp_path, '[severity]\n"names.pupil" = "terrible"\n')
    with pytest.raises(ConfigError, match=r"severity\.names\.pupil"):
        load_school_config(path)


def test_a_severity_for_an_unknown_rule_is_named(tmp_path):
    with pytest.raises(ConfigError, match=r"severity\.names\.pupils"):
        load_school_config(write(tmp_path, '[severity]\n"names.pupils" = "risk"\n'))


def test_a_pupil_needs_a_surname(tmp_path):
    with pytest.raises(ConfigError, match=r"pupils\[1\]\.last_name"):
        load_school_config(write(tmp_path, '[[pupils]]\nfirst_name = "A"\n'))


def test_the_safeguarding_leads_are_read_for_do_not_send_advice(tmp_path):
    path = write(tmp_path, '[school]\nsafeguarding_leads = ["Sarah Patel"]\n')
    assert load_school_config(path).safeguarding_leads == ("Sarah Patel",)
