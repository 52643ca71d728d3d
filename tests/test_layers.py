"""The house's floors hold: imports run one way, down, read from the code itself.

domain → presentation → typesetting → print and ui → cli. ``print`` never imports ``ui``; ``ui``
reaches ``print`` only through its print dialogs (``ui/printing.py``); the floors below Qt import
no Qt; no two modules import each other, however indirectly.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

PACKAGE = Path(__file__).parent.parent / "viewer"
FLOORS = ("base", "domain", "presentation", "typesetting", "print", "ui", "cli")
"""From the bottom up; ``base`` is the package's own top-level helpers (folders, resources…)."""
QT_FREE = {"base", "domain", "presentation"}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def floor(module: str) -> str:
    parts = module.split(".")
    if len(parts) > 1 and parts[1] in FLOORS:
        return parts[1]
    return "cli" if parts[-1] in ("cli", "__main__") else "base"


def imports() -> dict[str, set[str]]:
    """Every module of the package and the modules (of the package, or PySide6) it imports."""
    found: dict[str, set[str]] = defaultdict(set)
    modules = {module_name(path) for path in PACKAGE.rglob("*.py")}
    for path in PACKAGE.rglob("*.py"):
        name = module_name(path)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                targets = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
            elif isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                continue
            for target in targets:
                if target in modules and target != name:
                    found[name].add(target)
                elif target.startswith("PySide6"):
                    found[name].add("PySide6")
    return found


def package_graph() -> dict[str, set[str]]:
    """Which floor imports which, from the modules' imports."""
    graph: dict[str, set[str]] = defaultdict(set)
    for module, targets in imports().items():
        for target in targets:
            low = "Qt" if target == "PySide6" else floor(target)
            if low != floor(module):
                graph[floor(module)].add(low)
    return graph


def test_every_arrow_runs_down() -> None:
    for high, lows in package_graph().items():
        for low in lows - {"Qt"}:
            assert FLOORS.index(low) < FLOORS.index(high), f"{high} imports {low}"


def test_print_never_imports_ui_and_ui_reaches_print_only_through_its_dialogs() -> None:
    for module, targets in imports().items():
        reached = {floor(t) for t in targets if t != "PySide6"}
        if floor(module) == "print":
            assert "ui" not in reached, module
        if floor(module) == "ui" and "print" in reached:
            assert module == "viewer.ui.printing", module


def test_the_floors_below_qt_import_no_qt() -> None:
    for module, targets in imports().items():
        if floor(module) in QT_FREE:
            assert "PySide6" not in targets, module


def test_no_import_circles() -> None:
    graph = imports()

    def reaches(start: str) -> set[str]:
        seen: set[str] = set()
        pending = [start]
        while pending:
            for target in graph.get(pending.pop(), ()):
                if target not in seen and target != "PySide6":
                    seen.add(target)
                    pending.append(target)
        return seen

    for module in graph:
        assert module not in reaches(module), f"{module} imports itself, through others"


if __name__ == "__main__":
    for high in reversed(FLOORS):
        print(f"{high:>12} → {', '.join(sorted(package_graph().get(high, ())))}")
