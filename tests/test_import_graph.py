"""No import circles in safepractice, counting imports inside functions.

An import inside a function still makes one module depend on another; hiding it there only
moves the failure from import time to the first call. So the graph below holds every import
in every module of ``src/`` (tests and migrations aside), wherever it is written, and the
test fails on any strongly connected set of modules, naming the modules and the imports that
close the circle. Break one by layering: move what both sides need into a module below them.

``from package import name`` counts as importing ``package`` (and ``package.name`` if that
is a module), so a submodule that imports its own package back forms a circle with a package
``__init__`` that re-exports it: submodules import their siblings directly.
"""

import ast
from collections.abc import Iterator
from pathlib import Path

SOURCE_ROOT = Path(__file__).resolve().parent.parent / "src"
IGNORED_FOLDERS = {"tests", "migrations"}

ImportGraph = dict[str, dict[str, int]]  # module -> {module it imports: line of the import}


def module_files(root: Path = SOURCE_ROOT) -> dict[str, Path]:
    """Every module's dotted name and file; a package is named by its ``__init__.py``."""
    modules = {}
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root).with_suffix("").parts
        if IGNORED_FOLDERS.intersection(parts):
            continue
        if parts[-1] == "__init__":
            parts = parts[:-1]
        modules[".".join(parts)] = path
    return modules


def imported_names(node: ast.Import | ast.ImportFrom, package: str) -> list[str]:
    """The dotted names an import statement may load, relative imports resolved."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    base = node.module or ""
    if node.level:
        package_parts = package.split(".")
        base_parts = package_parts[: len(package_parts) - node.level + 1]
        base = ".".join([*base_parts, base] if base else base_parts)
    return [base, *(f"{base}.{alias.name}" for alias in node.names)]


def import_graph(modules: dict[str, Path]) -> ImportGraph:
    """Each module's imports of the other modules, at module level or inside functions."""
    graph: ImportGraph = {name: {} for name in modules}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if not isinstance(node, (ast.Import, ast.ImportFrom)):
                continue
            for target in imported_names(node, package):
                if target in modules and target != name:
                    graph[name].setdefault(target, node.lineno)
    return graph


def circles(graph: ImportGraph) -> list[list[str]]:
    """The strongly connected sets of two or more modules (Tarjan's algorithm, iterative)."""
    index: dict[str, int] = {}
    lowest: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    for start in graph:
        if start in index:
            continue
        index[start] = lowest[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        work: list[tuple[str, Iterator[str]]] = [(start, iter(graph[start]))]
        while work:
            module, targets = work[-1]
            target = next(targets, None)
            if target is not None:
                if target not in index:
                    index[target] = lowest[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(graph[target])))
                elif target in on_stack:
                    lowest[module] = min(lowest[module], index[target])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                lowest[parent] = min(lowest[parent], lowest[module])
            if lowest[module] == index[module]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == module:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def describe(circle: list[str], graph: ImportGraph, modules: dict[str, Path]) -> str:
    """A circle as its modules and the imports between them, each with file and line."""
    members = set(circle)
    lines = [f"import circle of {len(circle)} modules: {' <-> '.join(circle)}"]
    for module in circle:
        for target, line in sorted(graph[module].items()):
            if target in members:
                where = modules[module].relative_to(SOURCE_ROOT.parent)
                lines.append(f"  {module} imports {target} ({where}:{line})")
    return "\n".join(lines)


def test_no_module_imports_itself_back_through_others():
    modules = module_files()
    graph = import_graph(modules)
    found = circles(graph)
    assert not found, "\n\n".join(describe(circle, graph, modules) for circle in found)


def test_the_finder_sees_a_circle_closed_inside_a_function(tmp_path):
    package = tmp_path / "shop"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "orders.py").write_text("from . import mail\n")
    (package / "mail.py").write_text("def send():\n    from .orders import total\n")
    (package / "stock.py").write_text("import shop.orders\n")
    graph = import_graph(module_files(tmp_path))
    assert circles(graph) == [["shop.mail", "shop.orders"]]


def unexplained_function_imports(path: Path) -> list[int]:
    """Lines of imports inside a function with no comment saying why: on the line itself, or
    on the comment just above the block of imports it belongs to."""
    lines = path.read_text(encoding="utf-8").splitlines()
    found = []
    for function in ast.walk(ast.parse("\n".join(lines))):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for node in ast.walk(function):
            if not isinstance(node, ast.Import | ast.ImportFrom):
                continue
            above = node.lineno - 2
            while above >= 0 and (not lines[above].strip()
                                  or lines[above].strip().startswith(("import ", "from "))):
                above -= 1
            if "#" not in lines[node.lineno - 1] and not (
                    above >= 0 and lines[above].strip().startswith("#")):
                found.append(node.lineno)
    return sorted(set(found))


def test_every_import_inside_a_function_says_why_it_waits():
    unexplained = [
        f"{path.relative_to(SOURCE_ROOT)}:{line}"
        for path in module_files().values()
        for line in unexplained_function_imports(path)
    ]
    assert unexplained == [], (
        "An import inside a function hides what a module depends on; say why it waits "
        "(optional package, heavy, app registry not ready, load order) in a comment:\n"
        + "\n".join(unexplained)
    )
