"""No two Alt+letter mnemonics can be reached at once: in every window (and on every page and
tab of it), the menu titles, buttons, labels of fields, group boxes and tabs on screen each
have their own letter. With a clash Qt cycles focus instead of acting, so Alt+S on
전화상담 would not save."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QMainWindow,
    QTabBar,
    QWidget,
)

from helpers.screens import Screens, language, states


def mnemonics(window: QWidget) -> list[tuple[str, str]]:
    """(key, text) of every mnemonic reachable in ``window`` as it is on screen now."""
    texts: list[str] = []
    if isinstance(window, QMainWindow):
        texts += [action.text() for action in window.menuBar().actions() if action.isVisible()]
    for button in window.findChildren(QAbstractButton):
        if button.isVisibleTo(window) and button.isEnabled():
            texts.append(button.text())
    for label in window.findChildren(QLabel):
        if label.buddy() is not None and label.isVisibleTo(window):
            texts.append(label.text())
    for box in window.findChildren(QGroupBox):
        if box.isVisibleTo(window):
            texts.append(box.title())
    for bar in window.findChildren(QTabBar):
        if bar.isVisibleTo(window):
            texts += [bar.tabText(i) for i in range(bar.count()) if bar.isTabEnabled(i)]
    found = []
    for text in texts:
        key = QKeySequence.mnemonic(text)
        if not key.isEmpty():
            found.append((key.toString(), text))
    return found


def clashes(window: QWidget) -> list[str]:
    seen: dict[str, str] = {}
    out = []
    for key, text in mnemonics(window):
        if key in seen and seen[key] != text:
            out.append(f"{key}: {seen[key]!r} and {text!r}")
        seen.setdefault(key, text)
    return out


def test_the_clash_finder_sees_a_clash(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    window.menuBar().addMenu("설정(&S)")
    central = QWidget(window)
    window.setCentralWidget(central)
    from PySide6.QtWidgets import QPushButton

    QPushButton("저장(&S)", central)
    assert clashes(window) == ["Alt+S: '설정(&S)' and '저장(&S)'"]


@pytest.mark.parametrize("code", ["ko", "en"])
def test_no_two_mnemonics_share_a_letter(qtbot, qapp: QApplication, screens: Screens, code):
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
                    problems += [f"{cls.__name__}: {clash}" for clash in clashes(window)]
                window.close()
                if isinstance(window, QMainWindow):
                    window.runner.wait()
    assert not problems, "\n".join(dict.fromkeys(problems))
