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
