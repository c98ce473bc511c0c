"""One naming scheme for audit actions, held at every place that writes an entry."""

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from safepractice.audit import actions
from safepractice.cases.workflow import MACHINES

SOURCE = Path(actions.__file__).resolve().parents[1]  # src/safepractice
FAMILIES = {"case_step_done", "register_event_done"}  # name a family of actions by argument


def _modules() -> Iterator[Path]:
    for path in sorted(SOURCE.rglob("*.py")):
        if "tests" not in path.relative_to(SOURCE).parts and "migrations" not in path.parts:
            yield path


def _record_calls(path: Path) -> Iterator[ast.Call]:
    """Calls of ``audit.services.record`` in a module (imported under its own name)."""
    tree = ast.parse(path.read_text(), filename=str(path))
    imports_record = any(
        isinstance(node, ast.ImportFrom) and node.module == "safepractice.audit.services"
        and any(alias.name == "record" for alias in node.names)
        for node in ast.walk(tree)
    )
    if not imports_record:
        return
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                and node.func.id == "record":
            yield node


def _where(path: Path, call: ast.Call) -> str:
    return f"{path.relative_to(SOURCE)}:{call.lineno}"


def _names_in(expression: ast.expr) -> Iterator[ast.expr]:
    # "A if grant else B" names two actions.
    if isinstance(expression, ast.IfExp):
        yield from _names_in(expression.body)
        yield from _names_in(expression.orelse)
    else:
        yield expression


def _unnamed_actions(path: Path) -> Iterator[str]:
    for call in _record_calls(path):
        for name in _names_in(call.args[0]):
            if isinstance(name, ast.Name) and isinstance(getattr(actions, name.id, None), str):
                continue
            if isinstance(name, ast.Call) and isinstance(name.func, ast.Name) \
                    and name.func.id in FAMILIES:
                continue
            yield f"{_where(path, call)}: {ast.unparse(name)}"


def _current_names() -> set[str]:
    constants = {value for key, value in vars(actions).items()
                 if key.isupper() and isinstance(value, str) and key != "MAX_LENGTH"}
    families = {*actions.CASE_STEPS_DONE.values(), *actions.REGISTER_EVENTS_RENAMED.values()}
    return constants | families


def test_every_audit_write_names_its_action_by_a_constant_of_the_actions_module():
    unnamed = [problem for path in _modules() for problem in _unnamed_actions(path)]
    assert unnamed == []


def test_the_scan_finds_the_audit_writes():
    # Guards the test above against finding nothing (a renamed import, a moved module).
    assert sum(1 for path in _modules() for _ in _record_calls(path)) > 40


@pytest.mark.parametrize("name", sorted(_current_names()))
def test_every_current_name_follows_the_scheme(name):
    assert actions.follows_scheme(name)


@pytest.mark.parametrize("name", ["case-view", "view-people", "review.viewed",
                                  "review.pdf_downloaded", "login", "export.csv",
                                  "device-lookup", "case-close", "Case-viewed"])
def test_names_of_the_old_grammars_do_not_follow_it(name):
    assert not actions.follows_scheme(name)


def test_every_step_a_route_offers_has_a_name_in_the_scheme():
    steps = {name for machine in MACHINES.values() for name in machine.actions}
    assert all(actions.follows_scheme(actions.case_step_done(step)) for step in steps)


def test_no_step_is_named_that_no_route_offers():
    steps = {name for machine in MACHINES.values() for name in machine.actions}
    assert set(actions.CASE_STEPS_DONE) == steps


def _register_events() -> set[str]:
    """The events ``registers.services._log`` is called with."""
    path = SOURCE / "registers" / "services.py"
    events = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                and node.func.id == "_log":
            events |= {name.value for name in _names_in(node.args[2])}
    return events


def test_the_scan_finds_the_register_events():
    assert {"declared", "notified-head", "agreed", "declined"} <= _register_events()


@pytest.mark.parametrize("event", sorted(_register_events()))
def test_every_register_event_has_a_name_in_the_scheme(event):
    assert actions.follows_scheme(actions.register_event_done(event))


def test_no_former_name_is_the_current_name_of_another_action():
    # Else looking up one action would find the other's entries too.
    former = {old for olds in actions.FORMER_NAMES.values() for old in olds}
    assert former & _current_names() == set()


def test_every_renamed_action_is_renamed_to_a_current_name():
    assert set(actions.FORMER_NAMES) <= _current_names()
