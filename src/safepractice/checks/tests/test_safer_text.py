"""The CLI and the web page show one safer text: the engine's, for the same findings."""

import json

import pytest
from typer.testing import CliRunner

from safepractice.checks.services import check_text
from safepractice.cli import _register_command_modules, app
from safepractice.engine import Checker, Finding, Severity
from safepractice.engine.content import TEXT_KINDS
from safepractice.testing.factories import make_school

pytestmark = pytest.mark.django_db
# A number replaced, a word removed before punctuation, two spans starting together, a
# finding about the whole item, and a line break: each a case the two fronts once differed on.
TEXT = "Ring 07700 900123, you idiot.\nSee you at Hill Top"


def _finding(start: int, end: int, replacement: str | None) -> Finding:
    return Finding(rule="test.rule", topic="personal-information", severity=Severity.RISK,
                   start=start, end=end, confidence=1.0, explanation="", suggestion="",
                   replacement=replacement)


class FixedFindings:
    name = "fixed"
    kinds = TEXT_KINDS

    def __init__(self, context) -> None:
        self.context = context

    def detect(self, content):
        yield _finding(5, 10, "[part of a number]")
        yield _finding(5, 17, "[number removed]")
        yield _finding(23, 28, "")
        yield _finding(0, 0, "[whole item]")


@pytest.fixture
def fixed_checker(monkeypatch) -> Checker:
    checker = Checker(factories=[FixedFindings])
    monkeypatch.setattr("safepractice.checks.services.checker_for", lambda school: checker)
    monkeypatch.setattr("safepractice.commands.engine._checker", lambda config: checker)
    return checker


def test_the_cli_and_the_web_give_the_same_safer_text(fixed_checker):
    _register_command_modules()
    cli = CliRunner().invoke(app, ["check", "--json", TEXT])
    web = check_text(make_school(), TEXT)
    assert json.loads(cli.output)["safer_text"] == web.safer_text
