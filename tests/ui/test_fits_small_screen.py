"""Every window and dialog fits a 1024×768 desk screen (taskbar below) and stays usable, in
Korean and in English: after :func:`fit_to_screen` its frame is inside the available area and
it is not squeezed below what its layout needs (its minimum size hint)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QMainWindow

from helpers.screens import Screens, language, states, window_classes
from onestop_desk.ui.kit.screen import fit_to_screen, smallest_available


def test_every_window_class_is_covered(screens: Screens):
    missing = sorted(cls.__qualname__ for cls in window_classes() - set(screens.makers()))
    assert not missing, f"add a maker to tests/helpers/screens.py for: {missing}"


@pytest.mark.parametrize("code", ["ko", "en"])
def test_every_window_fits_1024x768(qtbot, qapp: QApplication, screens: Screens, code: str):
    available = smallest_available()
    problems: list[str] = []
    with language(qapp, code):
        for cls, makers in screens.makers().items():
            for make in makers:
                window = make()
                qtbot.addWidget(window)
                window.show()
                qtbot.waitUntil(lambda: screens.runner.idle, timeout=10000)
                if isinstance(window, QMainWindow):
                    qtbot.waitUntil(lambda w=window: w.runner.idle, timeout=10000)
                for _ in states(window):
                    needed = window.minimumSizeHint().expandedTo(window.minimumSize())
                    frame = fit_to_screen(window, available)
                    if not available.contains(frame):
                        problems.append(f"{cls.__name__}: frame {frame} outside {available}")
                    if window.width() < needed.width() or window.height() < needed.height():
                        problems.append(
                            f"{cls.__name__}: {window.size()} smaller than its layout's {needed}"
                        )
                window.close()
                if isinstance(window, QMainWindow):
                    window.runner.wait()
    assert not problems, "\n".join(dict.fromkeys(problems))
