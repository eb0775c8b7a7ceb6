"""Another PC saves the case while the edit form is open: the counselor is told what
changed, keeps everything typed, and chooses to reload the current values or to save their
own text again over the new version."""

from dataclasses import replace

from PySide6.QtCore import Qt

from helpers.korean_typing import type_text
from helpers.qt import settle
from helpers.world import edit_inputs
from onestop_desk.domain.vocab import RiskLevel
from ui.cases.test_edit_case import _open, _open_edit

TYPED = "밤 10시 이후 귀갓길에 따라옴"


def _other_pc_saves(world, case_id):
    """The team lead's PC saves a new phone number and risk level first."""
    loaded = world.lead.cases.get(case_id)
    person, facts = edit_inputs(loaded)
    world.lead.cases.update_facts(
        case_id,
        replace(person, phone="010-9999-0000"),
        replace(facts, risk_level=RiskLevel.HIGH),
        version=loaded.version,
        loaded=loaded,
    )


def _save_and_conflict(qtbot, dialog):
    with qtbot.waitSignal(dialog.conflict_shown, timeout=5000) as shown:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    return shown.args[0]


def test_conflict_is_explained_and_the_typed_text_stays(qtbot, world, window):
    case = world.new_case(phone="010-1234-5678")
    view = _open(qtbot, window, case.id)
    dialog = _open_edit(qtbot, view)
    type_text(dialog.summary_edit, TYPED)
    type_text(dialog.email_edit, "victim@example.org", clear=True)
    _other_pc_saves(world, case.id)

    _save_and_conflict(qtbot, dialog)
    assert dialog.isVisible() and dialog.conflict_box.isVisible()
    text = dialog.conflict_label.text()
    assert text.startswith("다른 PC에서 이 사례를 먼저 수정했습니다")
    assert "전화번호: 010-9999-0000" in text
    assert "위험도: 높음" in text
    assert "이메일" not in text and "사건 요약" not in text  # our own edits are not theirs
    # Nothing typed is lost.
    assert dialog.summary_edit.toPlainText() == TYPED
    assert dialog.email_edit.text() == "victim@example.org"
    assert dialog.phone_edit.text() == "010-1234-5678"
    assert world.c1.cases.get(case.id).summary == ""  # and nothing of it was written

    # Save again over the new version: the typed form wins, the case moves on.
    with qtbot.waitSignal(dialog.case_updated, timeout=5000):
        qtbot.mouseClick(dialog.reapply_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    saved = world.c1.cases.get(case.id)
    assert saved.summary == TYPED and saved.person.email == "victim@example.org"
    assert saved.version == 3
    assert not dialog.isVisible()


def test_reload_takes_the_current_values_and_saves_against_them(qtbot, world, window):
    case = world.new_case(phone="010-1234-5678")
    view = _open(qtbot, window, case.id)
    dialog = _open_edit(qtbot, view)
    type_text(dialog.place_edit, "지하철역")
    _other_pc_saves(world, case.id)
    _save_and_conflict(qtbot, dialog)

    qtbot.mouseClick(dialog.reload_button, Qt.MouseButton.LeftButton)
    assert not dialog.conflict_box.isVisible()
    assert dialog.phone_edit.text() == "010-9999-0000"
    assert dialog.risk_combo.currentData() == RiskLevel.HIGH.value
    assert dialog.place_edit.text() == ""  # reloading replaces what was typed
    type_text(dialog.place_edit, "버스정류장")
    with qtbot.waitSignal(dialog.case_updated, timeout=5000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    saved = world.c1.cases.get(case.id)
    assert saved.incident_place == "버스정류장" and saved.person.phone == "010-9999-0000"
    assert saved.risk_level is RiskLevel.HIGH
