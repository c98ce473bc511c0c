"""Settings read from the environment refuse what they cannot read."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from safepractice.settings import env_bool


@pytest.mark.parametrize("word", ["1", "true", "Yes", " on "])
def test_a_yes_word_is_true(monkeypatch, word):
    monkeypatch.setenv("SAFEPRACTICE_EXAMPLE", word)
    assert env_bool("SAFEPRACTICE_EXAMPLE") is True


@pytest.mark.parametrize("word", ["0", "false", "No", "off", ""])
def test_a_no_word_is_false(monkeypatch, word):
    monkeypatch.setenv("SAFEPRACTICE_EXAMPLE", word)
    assert env_bool("SAFEPRACTICE_EXAMPLE", default=True) is False


def test_a_mistyped_yes_is_refused_not_read_as_false(monkeypatch):
    monkeypatch.setenv("SESSION_COOKIE_SECURE", "ture")
    with pytest.raises(ImproperlyConfigured, match="SESSION_COOKIE_SECURE='ture'"):
        env_bool("SESSION_COOKIE_SECURE")


def test_an_unset_value_is_the_default(monkeypatch):
    monkeypatch.delenv("SAFEPRACTICE_EXAMPLE", raising=False)
    assert env_bool("SAFEPRACTICE_EXAMPLE", default=True) is True
