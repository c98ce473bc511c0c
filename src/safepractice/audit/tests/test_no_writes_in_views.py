"""Views and API endpoints write nothing to the audit log: their domain's services do."""

import ast
from pathlib import Path

from safepractice.audit import actions

SOURCE = Path(actions.__file__).resolve().parents[1]  # src/safepractice


def _audit_writes(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "safepractice.audit.services":
            found.append(f"line {node.lineno}: imports audit.services")
        if isinstance(node, ast.Call) and ast.unparse(node.func).endswith("record") \
                and not ast.unparse(node.func).endswith("_record"):
            found.append(f"line {node.lineno}: {ast.unparse(node.func)}(...)")
    return found


def test_no_views_or_api_module_writes_to_the_audit_log():
    modules = [path for name in ("views.py", "api.py") for path in SOURCE.rglob(name)]
    assert len(modules) > 5  # the scan found the views
    writes = {str(path.relative_to(SOURCE)): found for path in modules
              if (found := _audit_writes(path))}
    assert writes == {}
