"""The one way UI tests type text.

``qtbot.keyClicks`` with any non-ASCII character aborts the whole test process inside Qt's
test library, so Korean (and everything else, for one code path) is sent the way a Korean
input method delivers it: a ``QInputMethodEvent`` whose commit string is the finished
syllable, one character at a time. Enter and other keys go through ``press``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget


def type_text(widget: QWidget, text: str, *, clear: bool = False) -> None:
    """Type ``text`` into ``widget`` as a person with a Korean IME would."""
    widget.setFocus()
    if clear and hasattr(widget, "clear"):
        widget.clear()  # type: ignore[attr-defined]
    for ch in text:
        event = QInputMethodEvent()
        event.setCommitString(ch)
        QApplication.sendEvent(widget, event)
    QCoreApplication.processEvents()


def press(widget: QWidget, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    """One key press and release (Enter, Tab, Escape, shortcuts)."""
    for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, modifiers))
    QCoreApplication.processEvents()
