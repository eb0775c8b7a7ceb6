"""Opens the intake on whatever screen Qt was given and reports, as JSON, whether each step
fits it: run by test_fits_small_screen.py in a child process whose offscreen screen is
1024×768 (the test process's own screen cannot be changed once Qt has started).

Usage: python fit_probe.py ko|en
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # tests/, for helpers

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QLineEdit,
    QScrollArea,
    QWidget,
)

from helpers.world import World
from onestop_desk.db.store import open_store
from onestop_desk.ui.intake.intake_dialog import IntakeDialog
from onestop_desk.ui.kit.tasks import TaskRunner
from onestop_desk.ui.shell.qtapp import install_translators, register_fonts


def wait_until(app: QApplication, condition: Callable[[], bool], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the intake did not reach the expected state")
        app.processEvents()
        time.sleep(0.01)


def settle(app: QApplication, runner: TaskRunner) -> None:
    """Let queued jobs land and the layouts run (a scroll bar decides after the resize)."""
    wait_until(app, lambda: runner.idle)
    for _ in range(5):
        app.processEvents()


def global_rect(widget: QWidget) -> QRect:
    return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())


def clipped(page: QWidget) -> list[str]:
    """Visible texts narrower than they need: a label or button cut short, a placeholder
    that does not fit its field."""
    out = []
    for widget in page.findChildren(QWidget):
        if not widget.isVisibleTo(page) or not widget.isVisible():
            continue
        name = widget.objectName() or type(widget).__name__
        if isinstance(widget, QLabel) and not widget.wordWrap() and widget.text():
            if widget.width() < widget.minimumSizeHint().width():
                out.append(f"{name}: {widget.text()!r}")
        elif isinstance(widget, QAbstractButton) and widget.text():
            if widget.width() < widget.sizeHint().width():
                out.append(f"{name}: {widget.text()!r}")
        elif isinstance(widget, QLineEdit) and widget.placeholderText() and not widget.text():
            room = widget.width() - 12  # frame and text margins
            need = widget.fontMetrics().horizontalAdvance(widget.placeholderText())
            if room < need:
                out.append(f"{name}: {widget.placeholderText()!r}")
    return out


def measure(dialog: IntakeDialog, button: QWidget) -> dict[str, object]:
    screen = dialog.screen().availableGeometry()
    frame = dialog.frameGeometry()
    scroll = dialog.step_stack.currentWidget()
    assert isinstance(scroll, QScrollArea)
    return {
        "screen": [screen.width(), screen.height()],
        "frame": [frame.x(), frame.y(), frame.width(), frame.height()],
        "frame_fits": screen.contains(frame),
        "button_visible": button.isVisible(),
        "button_on_screen": screen.contains(global_rect(button)),
        "button_in_dialog": QRect(QPoint(0, 0), dialog.size()).contains(
            QRect(button.mapTo(dialog, QPoint(0, 0)), button.size())
        ),
        "horizontal_scroll": scroll.horizontalScrollBar().isVisible(),
        "clipped": clipped(scroll.widget()) + clipped_frame(dialog),
    }


def clipped_frame(dialog: IntakeDialog) -> list[str]:
    texts = [dialog.back_button, dialog.next_button, dialog.create_button, dialog.later_button]
    return [
        f"{b.objectName()}: {b.text()!r}"
        for b in (*texts, dialog.discard_button)
        if b.isVisible() and b.width() < b.sizeHint().width()
    ]


def main(language: str) -> None:
    app = QApplication(sys.argv[:1])
    app.setFont(QFont(register_fonts(), 10))
    install_translators(app, language)
    with tempfile.TemporaryDirectory() as home:
        store = open_store(
            Path(home) / "onestop.db", key=os.urandom(32), backup_dir=Path(home) / "backups"
        )
        try:
            world = World(store)
            runner = TaskRunner()
            dialog = IntakeDialog(world.c1, runner)
            dialog.show()
            wait_until(app, dialog.isEnabled)
            settle(app, runner)
            steps = {"person": measure(dialog, dialog.next_button)}
            person = dialog.person_page
            person.name_edit.setText("홍길동")
            assert person.contact_asked_check is not None
            person.contact_asked_check.setChecked(True)
            dialog.next_button.click()
            wait_until(app, lambda: dialog.current_step() == 1)
            needs = dialog.case_page.needs_box
            needs.check_codes(
                {"programme:treatment_cost", "programme:smartwatch", "programme:legal_aid"}
            )
            settle(app, runner)
            steps["case"] = measure(dialog, dialog.next_button)
            dialog.next_button.click()
            wait_until(app, lambda: dialog.current_step() == 2)
            settle(app, runner)
            steps["consent"] = measure(dialog, dialog.create_button)
            hint = dialog.minimumSizeHint()
            steps["dialog"] = {
                "title": dialog.windowTitle(),
                "minimum": [hint.width(), hint.height()],
            }
            dialog.discard()
            wait_until(app, lambda: runner.idle)
            runner.wait()
        finally:
            store.close()
    print(json.dumps(steps, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1])
