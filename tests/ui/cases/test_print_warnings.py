"""A correction holding characters no bundled font draws is saved, and the counselor is told
at once which ones will print as �."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from helpers.korean_typing import type_text
from helpers.qt import settle
from ui.cases.test_edit_case import _open, _open_edit


def test_saving_unprintable_characters_warns_and_keeps_them(
    qtbot: Any, world: Any, window: Any, monkeypatch: Any
) -> None:
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, message: warned.append(message))
    case = world.new_case()
    view = _open(qtbot, window, case.id)
    dialog = _open_edit(qtbot, view)
    type_text(dialog.address_edit, "กรุงเทพ 😀 C:\\집", clear=True)
    with qtbot.waitSignal(view.loaded, timeout=5000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert not dialog.isVisible()
    assert world.c1.cases.get(case.id).person.address == "กรุงเทพ 😀 C:\\집"
    (message,) = warned
    assert "주소" in message and "ก" in message
    assert "😀" not in message and "\\" not in message  # these print (fallback font)


def test_an_ordinary_correction_saves_without_a_word(
    qtbot: Any, world: Any, window: Any, monkeypatch: Any
) -> None:
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, message: warned.append(message))
    case = world.new_case()
    view = _open(qtbot, window, case.id)
    dialog = _open_edit(qtbot, view)
    type_text(dialog.address_edit, "서울특별시 중구 세종대로 110", clear=True)
    with qtbot.waitSignal(view.loaded, timeout=5000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert warned == []
