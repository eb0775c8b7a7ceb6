"""UI fixtures: the bundled font once per session, real services on a real store, a main
window whose settings live in tmp_path, and no job left running after a test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget

from onestop_desk.ui.shell.main_window import MainWindow
from onestop_desk.ui.shell.qtapp import register_fonts


@pytest.fixture(scope="session", autouse=True)
def bundled_font(qapp: QApplication) -> str:
    family = register_fonts()
    qapp.setFont(QFont(family, 10))
    return family


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def make_window(qtbot, settings):  # type: ignore[no-untyped-def]
    windows: list[MainWindow] = []

    def make(services) -> MainWindow:  # type: ignore[no-untyped-def]
        window = MainWindow(services, settings)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: window.runner.idle)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.runner.wait()


@pytest.fixture
def window(world, make_window) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    return make_window(world.c1)


@pytest.fixture
def screens(qtbot, world, tmp_path):  # type: ignore[no-untyped-def]
    """Makers of every top-level window and dialog (tests/helpers/screens.py)."""
    from helpers.screens import Screens
    from onestop_desk.ui.kit.tasks import TaskRunner

    holder = QWidget()
    qtbot.addWidget(holder)
    runner = TaskRunner(holder)
    made = Screens(world, tmp_path, runner)
    yield made
    runner.wait()
    made.close()
