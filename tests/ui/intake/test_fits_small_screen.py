"""The intake fits a 1024×768 screen in Korean and in English, 다음 and 등록 included.

At the desk the window was cut off on the right (다음(N) with it) and English labels were
clipped. Qt's offscreen screen is fixed once the test process started it, so each language
runs ``fit_probe.py`` in a child process given a 1024×768 screen, and reports what it saw.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = Path(__file__).with_name("fit_probe.py")
SRC = Path(__file__).resolve().parents[3] / "src"
# A real title bar and taskbar leave about 1024×690 for the window's inside.
ROOM_FOR_TITLE_AND_TASKBAR = 78


@pytest.mark.parametrize(("language", "title"), [("ko", "새 방문 접수"), ("en", "New walk-in")])
def test_intake_fits_1024_by_768(tmp_path, language, title):
    screens = tmp_path / "screen.json"
    screens.write_text(
        json.dumps(
            {
                "windowFrameMargins": True,
                "screens": [
                    {
                        "name": "desk",
                        "x": 0,
                        "y": 0,
                        "width": 1024,
                        "height": 768,
                        "logicalDpi": 96,
                        "logicalBaseDpi": 96,
                        "dpr": 1,
                    }
                ],
            }
        )
    )
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={screens}",
        "PYTHONPATH": os.pathsep.join(filter(None, [str(SRC), os.environ.get("PYTHONPATH")])),
    }
    done = subprocess.run(
        [sys.executable, str(PROBE), language],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])

    assert report["dialog"]["title"] == title
    min_width, min_height = report["dialog"]["minimum"]
    assert min_width <= 1024 and min_height <= 768 - ROOM_FOR_TITLE_AND_TASKBAR
    for step in ("person", "case", "consent"):
        seen = report[step]
        assert seen["screen"] == [1024, 768]
        x, y, width, height = seen["frame"]
        assert seen["frame_fits"], (step, seen["frame"])
        assert x >= 0 and y >= 0 and x + width <= 1024 and y + height <= 768
        # 다음 on the first two steps, 등록 on the last: shown, inside the window and the screen
        assert seen["button_visible"] and seen["button_in_dialog"] and seen["button_on_screen"]
        assert not seen["horizontal_scroll"], step
        assert seen["clipped"] == [], (step, seen["clipped"])
