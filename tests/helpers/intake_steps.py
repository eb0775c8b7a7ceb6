"""Helpers for driving the intake form and finding items by their codes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QListWidget, QTreeWidget, QTreeWidgetItem

from helpers.korean_typing import type_text
from onestop_desk.ui.intake.intake_dialog import IntakeDialog
from onestop_desk.ui.kit.item_roles import CodeRole
from onestop_desk.ui.shell.main_window import MainWindow


def open_intake(qtbot, window: MainWindow) -> IntakeDialog:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.intake_opened) as opened:
        window.new_case_action.trigger()
    dialog = opened.args[0]
    qtbot.waitUntil(dialog.isEnabled)
    return dialog


def start_person(dialog: IntakeDialog, name: str) -> None:
    """Type the name and record that the safe ways of contact were asked (none allowed)."""
    type_text(dialog.person_page.name_edit, name)
    asked = dialog.person_page.contact_asked_check
    assert asked is not None
    asked.setChecked(True)


def tick_crime(qtbot, crimes: QListWidget, code: str) -> None:  # type: ignore[no-untyped-def]
    """Select the crime type and press Space, as a keyboard user does."""
    for i in range(crimes.count()):
        if crimes.item(i).data(CodeRole) == code:
            crimes.setFocus()
            crimes.setCurrentRow(i)
            qtbot.keyClick(crimes, Qt.Key.Key_Space)
            assert crimes.item(i).checkState() == Qt.CheckState.Checked
            return
    raise AssertionError(f"no crime type {code}")


def need_item(tree: QTreeWidget, code: str) -> QTreeWidgetItem:
    for i in range(tree.topLevelItemCount()):
        area = tree.topLevelItem(i)
        for j in range(area.childCount()):
            if area.child(j).data(0, CodeRole) == f"programme:{code}":
                return area.child(j)
    raise AssertionError(f"no programme {code}")


def tick_need(qtbot, tree: QTreeWidget, code: str) -> None:  # type: ignore[no-untyped-def]
    item = need_item(tree, code)
    tree.setFocus()
    tree.setCurrentItem(item)
    qtbot.keyClick(tree, Qt.Key.Key_Space)
    assert item.checkState(0) == Qt.CheckState.Checked


def consent_check(dialog: IntakeDialog, name: str) -> QCheckBox:
    check = dialog.consent_page.findChild(QCheckBox, name)
    assert check is not None, name
    return check


def go_next(qtbot, dialog: IntakeDialog, expected_step: int) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(dialog.step_changed, timeout=5000):
        qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.current_step() == expected_step
