"""The documents layer is pure: rendering pulls in no Qt, no database and no domain code."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
from onestop_desk.reports import render_packet, samples
render_packet(samples.take_home(), samples.letters()[:1], samples.consent_form())
bad = [m for m in sys.modules if m.split(".")[0] in {"PySide6", "shiboken6", "sqlalchemy"}
       or m.startswith(("onestop_desk.db", "onestop_desk.domain", "onestop_desk.ui"))]
print(",".join(sorted(bad)))
"""


def test_rendering_imports_nothing_outside_its_layer() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
