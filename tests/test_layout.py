"""The house rules of the layout, checked: folders in core, small modules, no circles."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "localdigital_tui"
MAX_LINES = 300


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(path): path for path in PACKAGE.rglob("*.py")}


def _imports(path: Path, modules: dict[str, Path]) -> set[str]:
    """Every package module ``path`` imports, at any depth of the file (TYPE_CHECKING too)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        found.update(name for name in names if name in modules)
    return found


def test_core_holds_folders_and_at_most_two_small_modules() -> None:
    core = PACKAGE / "core"
    modules = [p for p in core.glob("*.py") if p.name != "__init__.py"]
    assert len(modules) <= 2, modules
    assert all(len(p.read_text().splitlines()) < 100 for p in modules)
    assert all(
        (p / "__init__.py").exists()
        for p in core.iterdir()
        if p.is_dir() and p.name != "__pycache__"
    )


def test_no_module_is_over_300_lines() -> None:
    long = {
        str(path.relative_to(PACKAGE)): n
        for path in PACKAGE.rglob("*.py")
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert not long


def test_no_import_circles() -> None:
    modules = _modules()
    graph = {name: _imports(path, modules) - {name} for name, path in modules.items()}
    # A module's package __init__ is imported with it; count only real edges.
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(name: str, stack: list[str]) -> None:
        state[name] = 1
        for target in sorted(graph[name]):
            if state.get(target) == 1:
                cycles.append([*stack[stack.index(target) :], target])
            elif target not in state:
                visit(target, [*stack, target])
        state[name] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert cycles == []


def test_the_circle_check_finds_a_circle(tmp_path: Path) -> None:
    """The check above can fail: two modules importing each other are found."""
    (tmp_path / "a.py").write_text("from localdigital_tui.b import x\n")
    modules = {"localdigital_tui.a": tmp_path / "a.py", "localdigital_tui.b": tmp_path / "a.py"}
    assert _imports(tmp_path / "a.py", modules) == {"localdigital_tui.b"}
