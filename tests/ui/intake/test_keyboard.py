"""The intake by keyboard only: type to filter, Space to tick, Enter for 다음.

A counselor at the desk counted about 150 navigation keys for one walk-in (Tab reached only
the first crime type, the needs tree took ~47 arrow presses). Here a typical walk-in is
driven with real key events sent to whatever has the focus, and the navigation keys (Tab,
arrows, Space, Enter, Alt shortcuts; not the letters typed) are counted.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from helpers.intake_steps import need_item, open_intake
from helpers.korean_typing import type_text
from onestop_desk.domain.vocab import RiskLevel
from onestop_desk.ui.intake.intake_dialog import IntakeDialog
from onestop_desk.ui.kit.item_roles import CodeRole

ALT = Qt.KeyboardModifier.AltModifier


class Keyboard:
    """Sends keys to the focused widget, as a person's keyboard does, and counts them."""

    def __init__(self, qtbot, dialog: IntakeDialog) -> None:  # type: ignore[no-untyped-def]
        self.qtbot = qtbot
        self.dialog = dialog
        self.count = 0

    @property
    def focus(self) -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None
        return widget

    def press(self, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
        self.count += 1
        self.qtbot.keyClick(self.focus, key, modifiers)

    def type(self, text: str) -> None:
        type_text(self.focus, text)

    def enter_to_step(self, step: int) -> None:
        with self.qtbot.waitSignal(self.dialog.step_changed, timeout=5000):
            self.press(Qt.Key.Key_Return)
        assert self.dialog.current_step() == step


def test_typical_walk_in_by_keyboard_in_few_keys(qtbot, world, window):
    dialog = open_intake(qtbot, window)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    keys = Keyboard(qtbot, dialog)
    person, case = dialog.person_page, dialog.case_page
    needs = case.needs_box
    assert "Enter" in dialog.keys_hint_label.text()  # the screen says how

    # step 1: name, birth date, phone; the safe way of contact, asked
    assert keys.focus is person.name_edit
    keys.type("김민지")
    keys.press(Qt.Key.Key_Tab)
    keys.type("1991-04-02")
    keys.press(Qt.Key.Key_Tab)  # gender stays unknown
    keys.press(Qt.Key.Key_Tab)
    assert keys.focus is person.phone_edit
    keys.type("010-2345-6789")
    keys.press(Qt.Key.Key_L, ALT)  # the safe-contact box
    assert keys.focus is person.may_call_check
    keys.press(Qt.Key.Key_Space)
    keys.enter_to_step(1)

    # step 2: the crime type by its name, the date, two needs by their names, the risk
    assert keys.focus is case.crime_filter_edit
    assert "Space" in dialog.keys_hint_label.text()
    keys.type("상해")
    keys.press(Qt.Key.Key_Down)
    keys.press(Qt.Key.Key_Space)
    assert case.checked_crimes() == ["injury"]
    keys.press(Qt.Key.Key_Tab)
    assert keys.focus is case.incident_date_edit
    keys.type("2026-11-01")
    keys.press(Qt.Key.Key_F, ALT)
    assert keys.focus is needs.needs_filter_edit
    keys.type("치료비")  # 심리치료비 matches too; the exact name is entered first
    keys.press(Qt.Key.Key_Down)
    keys.press(Qt.Key.Key_Space)
    keys.press(Qt.Key.Key_F, ALT)
    keys.type("스마트")
    keys.press(Qt.Key.Key_Down)
    keys.press(Qt.Key.Key_Space)
    assert {c for c in needs.checked_codes() if c.startswith("programme:")} == {
        "programme:treatment_cost",
        "programme:smartwatch",
    }
    keys.press(Qt.Key.Key_K, ALT)
    keys.press(Qt.Key.Key_Down)
    assert case.risk_combo.currentData() == RiskLevel.HIGH.value
    keys.enter_to_step(2)

    # step 3: consent for the first two agencies, then Enter registers
    rows = dialog.consent_page.rows
    assert list(rows) == ["prosecution", "police", "victim_support_center"]
    assert keys.focus is rows["prosecution"].agree_check
    keys.press(Qt.Key.Key_Space)
    keys.press(Qt.Key.Key_Down)
    assert keys.focus is rows["police"].agree_check
    keys.press(Qt.Key.Key_Space)
    with qtbot.waitSignal(dialog.case_created, timeout=10000) as created:
        keys.press(Qt.Key.Key_Return)

    detail, referrals = created.args
    assert detail.person.name == "김민지"
    assert detail.person.safe_contact.may_call
    assert not detail.person.safe_contact.may_leave_message
    assert detail.crime_types == ("injury",)
    assert detail.risk_level is RiskLevel.HIGH
    assert sorted(r.agency_code for r in referrals) == ["police", "prosecution"]
    # 22 keys today; before the type-to-filter lists the same walk-in took ~150
    assert keys.count <= 30, keys.count


def test_filter_narrows_the_lists_and_escape_or_up_goes_back(qtbot, window):
    dialog = open_intake(qtbot, window)
    case = dialog.case_page
    crimes, tree = case.crime_list, case.needs_box.needs_tree

    def visible() -> list[str]:
        return [
            crimes.item(i).data(CodeRole)
            for i in range(crimes.count())
            if not crimes.item(i).isHidden()
        ]

    type_text(case.crime_filter_edit, "폭력")
    assert visible() == ["sexual_violence", "domestic_violence", "dating_violence"]
    type_text(case.crime_filter_edit, "ㅅㅌㅋ", clear=True)  # 초성 of 스토킹
    assert visible() == ["stalking"]
    qtbot.keyClick(case.crime_filter_edit, Qt.Key.Key_Down)
    assert crimes.hasFocus() and crimes.currentItem().data(CodeRole) == "stalking"
    qtbot.keyClick(crimes, Qt.Key.Key_Up)  # from the first row back to the filter
    assert case.crime_filter_edit.hasFocus()
    qtbot.keyClick(case.crime_filter_edit, Qt.Key.Key_Escape)  # clears, does not close
    assert case.crime_filter_edit.text() == ""
    assert dialog.isVisible()
    assert not any(crimes.item(i).isHidden() for i in range(crimes.count()))

    # the needs are found by the agency that offers them too; their area stays visible
    filter_edit = case.needs_box.needs_filter_edit
    type_text(filter_edit, "경찰")
    assert not need_item(tree, "smartwatch").isHidden()
    assert need_item(tree, "smartwatch").parent().isHidden() is False
    assert need_item(tree, "treatment_cost").isHidden()
    # a ticked need stays ticked while hidden by the filter
    need_item(tree, "smartwatch").setCheckState(0, Qt.CheckState.Checked)
    type_text(filter_edit, "법률", clear=True)
    assert need_item(tree, "smartwatch").isHidden()
    assert "programme:smartwatch" in case.needs_box.checked_codes()
    dialog.discard()


def test_safe_contact_starts_unticked_and_must_be_asked(qtbot, window):
    dialog = open_intake(qtbot, window)
    person = dialog.person_page
    checks = (person.may_call_check, person.may_leave_message_check, person.may_send_mail_check)
    assert not any(c.isChecked() for c in checks)
    assert person.contact_asked_check is not None
    assert not person.contact_asked_check.isChecked()
    type_text(person.name_edit, "윤서연")
    with qtbot.waitSignal(dialog.errors_shown):
        qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.current_step() == 0
    label = person.safe_contact_error_label
    assert label is not None and label.isVisible()
    assert "연락 방법" in label.text()
    assert QApplication.focusWidget() is person.may_call_check
    # "asked, and no contact at all" is an answer too
    person.contact_asked_check.setChecked(True)
    assert not label.isVisible()
    with qtbot.waitSignal(dialog.step_changed, timeout=5000):
        qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.current_step() == 1
    assert person.name_edit.text() == "윤서연"
    dialog.discard()
