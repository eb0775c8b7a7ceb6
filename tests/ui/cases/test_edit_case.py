"""Correcting a case after intake (정보 수정) and handing it to another counselor (담당 변경)."""

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from helpers.korean_typing import type_text
from helpers.qt import settle
from helpers.world import NOW
from onestop_desk.ui.cases.case_dialogs import AssignDialog
from onestop_desk.ui.cases.case_view import CaseView
from onestop_desk.ui.cases.edit_case_dialog import EditCaseDialog
from onestop_desk.ui.kit.item_roles import CaseIdRole, CodeRole


def _open(qtbot, window, case_id) -> CaseView:
    with qtbot.waitSignal(window.case_view.loaded):
        window.open_case(case_id)
    settle(qtbot, window)
    return window.case_view


def _open_edit(qtbot, view) -> EditCaseDialog:
    with qtbot.waitSignal(view.dialog_opened) as opened:
        qtbot.mouseClick(view.ui.header_panel.ui.edit_button, Qt.MouseButton.LeftButton)
    dialog = opened.args[0]
    assert isinstance(dialog, EditCaseDialog)
    assert dialog.isVisible()
    return dialog


def _toggle_crime(qtbot, dialog, code):
    """Select the crime type and press Space, as a keyboard user does."""
    crimes = dialog.crime_list
    for i in range(crimes.count()):
        if crimes.item(i).data(CodeRole) == code:
            crimes.setFocus()
            crimes.setCurrentRow(i)
            qtbot.keyClick(crimes, Qt.Key.Key_Space)
            return
    raise AssertionError(f"no crime type {code}")


def _summary_texts(view):
    return [
        form.itemAt(row, form.ItemRole.FieldRole).widget().text()
        for form in (view.ui.summary_panel.ui.person_form, view.ui.summary_panel.ui.case_form)
        for row in range(form.rowCount())
        if isinstance(form.itemAt(row, form.ItemRole.FieldRole).widget(), QLabel)
    ]


def _search(qtbot, page, text):
    qtbot.waitUntil(lambda: not page.searching)
    with qtbot.waitSignal(page.results_shown, timeout=5000):
        type_text(page.search_edit, text, clear=True)
    qtbot.waitUntil(lambda: not page.searching)
    model = page.model
    return [model.index(r, 0).data(CaseIdRole) for r in range(model.rowCount())]


def _crime_name(world, code):
    return next(c.name for c in world.c1.directory.crime_types() if c.code == code)


def test_dialog_is_prefilled_from_the_case(qtbot, world, window):
    case = world.new_case(phone="010-1234-5678", crimes=("assault",), summary="귀갓길 폭행")
    view = _open(qtbot, window, case.id)
    dialog = _open_edit(qtbot, view)
    assert dialog.name_edit.text() == "홍길동"
    assert dialog.birth_edit.text() == "1990-03-01"
    assert dialog.phone_edit.text() == "010-1234-5678"
    assert dialog.address_edit.text() == "서울특별시 동작구 여의대방로 1"
    assert dialog.may_call_check.isChecked()
    assert dialog.intake_date_edit.text() == NOW.date().isoformat()
    assert dialog.incident_date_edit.text() == "2026-11-01"
    assert dialog.checked_crimes() == ["assault"]
    assert dialog.summary_edit.toPlainText() == "귀갓길 폭행"
    assert dialog.statistics_consent_check.isChecked()
    assert dialog.objectName() == "edit_case_dialog"
    assert dialog.findChild(QLabel, "birth_error_label") is dialog.birth_error_label
    dialog.reject()


def test_counselor_corrects_phone_and_crime_type(qtbot, world, window):
    case = world.new_case(phone="010-1234-5678", crimes=("assault",))
    view = _open(qtbot, window, case.id)
    dialog = _open_edit(qtbot, view)
    type_text(dialog.phone_edit, "010-2222-3333", clear=True)
    _toggle_crime(qtbot, dialog, "assault")
    _toggle_crime(qtbot, dialog, "stalking")
    assert dialog.checked_crimes() == ["stalking"]

    with qtbot.waitSignal(view.loaded, timeout=5000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert not dialog.isVisible()

    texts = _summary_texts(view)
    assert "010-2222-3333" in texts
    assert _crime_name(world, "stalking") in texts
    assert _crime_name(world, "assault") not in texts
    saved = world.c1.cases.get(case.id)
    assert saved.person.phone == "010-2222-3333"
    assert saved.crime_types == ("stalking",)
    assert saved.person.name == "홍길동"  # the rest is kept as it was

    # the search index follows the correction
    qtbot.mouseClick(view.ui.header_panel.ui.back_button, Qt.MouseButton.LeftButton)
    page = window.case_list_page
    settle(qtbot, window)
    assert _search(qtbot, page, "010-2222-3333") == [case.id]
    assert _search(qtbot, page, "010-1234-5678") == []


def test_related_persons_are_kept(qtbot, world, window):
    from onestop_desk.domain.records import CaseInput, PersonInput, RelatedPersonInput
    from onestop_desk.domain.vocab import IntakeChannel, Relationship

    case = world.c1.cases.create_case(
        PersonInput(name="김영희", phone="010-9876-5432"),
        CaseInput(
            intake_channel=IntakeChannel.VISIT,
            intake_date=NOW.date(),
            crime_types=("assault",),
            related=(
                RelatedPersonInput(
                    PersonInput(name="김철수", phone="010-1111-2222"), Relationship.GUARDIAN
                ),
            ),
        ),
    )
    view = _open(qtbot, window, case.id)
    dialog = _open_edit(qtbot, view)
    assert dialog.related_label.isVisibleTo(dialog)
    type_text(dialog.disability_edit, "청각", clear=True)
    with qtbot.waitSignal(view.loaded, timeout=5000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = world.c1.cases.get(case.id)
    assert saved.person.disability == "청각"
    assert [(r.person.name, r.relationship) for r in saved.related] == [
        ("김철수", Relationship.GUARDIAN)
    ]


def test_refused_birth_date_shows_next_to_the_field_and_keeps_the_text(qtbot, world, window):
    case = world.new_case(phone="010-1234-5678")
    view = _open(qtbot, window, case.id)
    dialog = _open_edit(qtbot, view)
    type_text(dialog.birth_edit, "2030-01-01", clear=True)
    type_text(dialog.phone_edit, "010-5555-6666", clear=True)
    type_text(dialog.place_edit, "동작구 공원", clear=True)

    with qtbot.waitSignal(dialog.errors_shown, timeout=5000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert dialog.isVisible()
    assert dialog.birth_error_label.isVisible()
    assert dialog.birth_error_label.text() == "오늘 이후 날짜는 쓸 수 없습니다."
    assert not dialog.phone_error_label.isVisible()
    assert dialog.birth_edit.text() == "2030-01-01"
    assert dialog.phone_edit.text() == "010-5555-6666"
    assert dialog.place_edit.text() == "동작구 공원"
    assert dialog.focusWidget() is dialog.birth_edit
    assert world.c1.cases.get(case.id).person.phone == "010-1234-5678"

    # a date that cannot be read is caught before the service is asked
    type_text(dialog.harm_known_edit, "2026-13-45", clear=True)
    with qtbot.waitSignal(dialog.errors_shown, timeout=5000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.harm_known_error_label.isVisible()
    assert "2024-07-22" in dialog.harm_known_error_label.text()
    assert dialog.harm_known_edit.text() == "2026-13-45"

    # corrected, it saves
    type_text(dialog.birth_edit, "1990-03-02", clear=True)
    dialog.harm_known_edit.clear()
    with qtbot.waitSignal(view.loaded, timeout=5000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = world.c1.cases.get(case.id).person
    assert (saved.birth_date, saved.phone) == (date(1990, 3, 2), "010-5555-6666")


def test_team_lead_reassigns_the_case(qtbot, world, make_window):
    case = world.new_case(world.c1)
    window = make_window(world.lead)
    view = _open(qtbot, window, case.id)
    assert view.ui.header_panel.ui.assign_button.isVisible()
    assert "이상담" in view.ui.header_panel.ui.status_label.text()
    with qtbot.waitSignal(view.dialog_opened) as opened:
        qtbot.mouseClick(view.ui.header_panel.ui.assign_button, Qt.MouseButton.LeftButton)
    dialog = opened.args[0]
    assert isinstance(dialog, AssignDialog)
    names = [dialog.counselor_combo.itemText(i) for i in range(dialog.counselor_combo.count())]
    assert not any("최관리" in n for n in names)  # administrators carry no cases
    c2_id = world.c2.actor.user_id
    dialog.counselor_combo.setCurrentIndex(dialog.counselor_combo.findData(c2_id))
    with qtbot.waitSignal(view.loaded, timeout=5000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert "박상담" in view.ui.header_panel.ui.status_label.text()
    assert world.lead.cases.get(case.id).counselor_id == c2_id
    assert case.id in world.c2.cases.list_ids()


def test_counselor_does_not_see_reassignment(qtbot, world, window):
    case = world.new_case(world.c1)
    view = _open(qtbot, window, case.id)
    assert view.ui.header_panel.ui.edit_button.isVisible()
    assert view.ui.header_panel.ui.assign_button.isHidden()
