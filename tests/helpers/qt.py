"""Waiting on the UI: let queued database jobs land before asserting."""

from __future__ import annotations

from onestop_desk.ui.shell.main_window import MainWindow


def settle(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Let every queued database job finish and its result land on the UI thread."""
    qtbot.waitUntil(lambda: window.runner.idle, timeout=10000)
