"""The layer rules of style.md, checked by import-linter's contracts in pyproject.toml."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_hold():
    linter = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(linter)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_pyside_below_ui_by_plain_text():
    # A second, dumber check: also catches imports inside functions and strings passed to
    # importlib that the import graph might not show.
    offenders = []
    for layer in ("domain", "db", "reports"):
        for path in (ROOT / "src" / "onestop_desk" / layer).rglob("*.py"):
            source = path.read_text(encoding="utf-8")
            if "PySide6" in source or "shiboken6" in source:
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_no_import_cycles():
    """No module imports one that imports it back, however long the way round: a circle
    means neither side can be understood, tested or moved without the other."""
    import grimp

    graph = grimp.build_graph("onestop_desk")
    cycles = [sorted(c) for c in _strongly_connected(graph) if len(c) > 1]
    assert cycles == [], "import cycles:\n" + "\n".join(" <-> ".join(c) for c in cycles)


def _strongly_connected(graph) -> list[set[str]]:  # type: ignore[no-untyped-def]
    """Tarjan's algorithm, iterative (the package has a few hundred modules)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[set[str]] = []
    counter = 0
    for root in sorted(graph.modules):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.find_modules_directly_imported_by(root))))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append(
                        (child, iter(sorted(graph.find_modules_directly_imported_by(child))))
                    )
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    component = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.add(member)
                        if member == node:
                            break
                    components.append(component)
    return components
