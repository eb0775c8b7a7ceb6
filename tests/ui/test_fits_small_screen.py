"""Every window and dialog fits a 1024×768 desk screen (taskbar below) and stays usable, in
Korean and in English: after :func:`fit_to_screen` its frame is inside the available area and
it is not squeezed below what its layout needs (its minimum size hint)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QMainWindow, QStackedWidget, QTabWidget, QWidget

from helpers.screens import Screens, language, window_classes
from onestop_desk.ui.kit.screen import fit_to_screen, smallest_available
from onestop_desk.ui.kit.tasks import TaskRunner


@pytest.fixture
def screens(qtbot, world, tmp_path):  # type: ignore[no-untyped-def]
    holder = QWidget()
    qtbot.addWidget(holder)
    runner = TaskRunner(holder)
    made = Screens(world, tmp_path, runner)
    yield made
    runner.wait()
    made.close()


def test_every_window_class_is_covered(screens: Screens):
    missing = sorted(cls.__qualname__ for cls in window_classes() - set(screens.makers()))
    assert not missing, f"add a maker to tests/helpers/screens.py for: {missing}"


def _states(window: QWidget):  # type: ignore[no-untyped-def]
    """Each page of a stacked widget and each tab: the layout can need more on any of them."""
    yield
    for stack in window.findChildren(QStackedWidget):
        if isinstance(stack.parentWidget(), QTabWidget):
            continue  # a tab widget's own stack: walked as tabs below
        for index in range(stack.count()):
            stack.setCurrentIndex(index)
            yield
    for tabs in window.findChildren(QTabWidget):
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            yield


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
                for _ in _states(window):
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
