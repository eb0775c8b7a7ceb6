"""Every user-visible string of the UI has an English translation.

lupdate is run over the current UI sources into a scratch copy of the catalogue; a string that
is new (not in the committed catalogue) or still unfinished fails the test with its text, so
adding a label without translating it cannot land. Fix: scripts/update_translations.sh, then
fill in the new <translation> elements.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CATALOGUE = ROOT / "resources" / "i18n" / "onestop_en.ts"


def _messages(ts: Path) -> dict[tuple[str, str], str | None]:
    out = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            finished = (
                translation is not None
                and translation.get("type") not in ("unfinished", "vanished", "obsolete")
                and (
                    (translation.text or "").strip() or translation.find("numerusform") is not None
                )
            )
            out[(name, message.findtext("source") or "")] = "ok" if finished else None
    return out


def test_every_ui_string_is_translated(tmp_path):
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    if not lupdate.exists():
        pytest.skip("pyside6-lupdate is not installed")
    scratch = tmp_path / "onestop_en.ts"
    shutil.copy(CATALOGUE, scratch)
    sources = sorted(str(p) for p in (ROOT / "src" / "onestop_desk" / "ui").rglob("*.py"))
    subprocess.run(
        [str(lupdate), "-no-obsolete", *sources, "-ts", str(scratch)],
        check=True,
        capture_output=True,
    )
    missing = sorted(f"{ctx}: {src}" for (ctx, src), ok in _messages(scratch).items() if not ok)
    assert not missing, f"{len(missing)} untranslated strings:\n" + "\n".join(missing[:40])


def test_compiled_catalogue_is_not_older_than_its_source():
    qm = CATALOGUE.with_suffix(".qm")
    assert qm.exists()
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    if not lrelease.exists():
        pytest.skip("pyside6-lrelease is not installed")
    fresh = qm.with_name("check.qm")
    try:
        subprocess.run(
            [str(lrelease), str(CATALOGUE), "-qm", str(fresh)], check=True, capture_output=True
        )
        assert fresh.read_bytes() == qm.read_bytes(), "run scripts/update_translations.sh"
    finally:
        fresh.unlink(missing_ok=True)
