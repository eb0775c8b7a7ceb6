from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import update

from helpers.korean_typing import type_text
from helpers.qt import settle
from helpers.world import consent
from onestop_desk.db import models
from onestop_desk.domain.records import NeedInput
from onestop_desk.domain.vocab import CaseStatus, ConsentItem, ReferralStatus, Urgency
from onestop_desk.ui.cases.case_dialogs import CloseCaseDialog, ConsentDialog, UrgencyDialog


def _case_with_referral(world):
    case = world.new_case()
    world.c1.needs.set_needs(case.id, [NeedInput("medical", "treatment_cost")])
    world.c1.consents.record(case.id, consent("prosecution", ConsentItem.IDENTITY))
    (referral,) = world.c1.referrals.create_from_needs(case.id)
    return case, referral


def _open(qtbot, window, case_id):
    with qtbot.waitSignal(window.case_view.loaded):
        window.open_case(case_id)
    settle(qtbot, window)
    return window.case_view


def _visible(kind):
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible())


def test_case_view_shows_summary_with_name_masked(qtbot, world, window):
    case, referral = _case_with_referral(world)
    view = _open(qtbot, window, case.id)
    assert view.ui.header_panel.ui.title_label.text() == f"{case.case_number}  홍*동"
    assert "접수" in view.ui.header_panel.ui.status_label.text()
    assert view.ui.referrals_panel.ui.referral_table.item(0, 0).text() == referral.document_number
    assert view.ui.referrals_panel.ui.referral_table.item(0, 2).text() == "작성"
    assert view.ui.consents_panel.ui.consent_table.item(0, 4).text() == "유효"
    assert view.ui.needs_panel.ui.needs_table.item(0, 1).text() == "치료비"
    texts = [
        view.ui.timeline_panel.ui.timeline_table.item(r, 2).text()
        for r in range(view.ui.timeline_panel.ui.timeline_table.rowCount())
    ]
    assert "사례 접수" in texts
    assert all("->" not in t and "draft" not in t for t in texts)  # never a code on screen
    qtbot.mouseClick(view.ui.header_panel.ui.reveal_name_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.ui.header_panel.ui.title_label.text().endswith("홍길동"))


def test_withdrawn_consent_blocks_the_referral(qtbot, world, window):
    case, _referral = _case_with_referral(world)
    view = _open(qtbot, window, case.id)
    view.ui.tabs.setCurrentWidget(view.ui.consents_panel.ui.consent_table.parentWidget())
    view.ui.consents_panel.ui.consent_table.selectRow(0)
    with qtbot.waitSignal(view.loaded):
        qtbot.mouseClick(
            view.ui.consents_panel.ui.withdraw_consent_button, Qt.MouseButton.LeftButton
        )
    assert view.ui.consents_panel.ui.consent_table.item(0, 4).text().startswith("철회")

    view.ui.tabs.setCurrentWidget(view.ui.referrals_panel.ui.referral_table.parentWidget())
    view.ui.referrals_panel.ui.referral_table.selectRow(0)
    assert view.ui.referrals_panel.ui.send_button.isEnabled()
    with qtbot.waitSignal(view.action_failed) as failed:
        qtbot.mouseClick(view.ui.referrals_panel.ui.send_button, Qt.MouseButton.LeftButton)
    assert view.ui.referrals_panel.ui.referral_error_label.isVisible()
    assert "검찰청 피해자지원실" in failed.args[0]
    assert "유효한 동의가 없습니다" in view.ui.referrals_panel.ui.referral_error_label.text()
    assert world.c1.referrals.list(case.id)[0].status is ReferralStatus.DRAFT

    # a new referral to that agency is refused the same way
    view.ui.referrals_panel.ui.agency_combo.setCurrentIndex(
        view.ui.referrals_panel.ui.agency_combo.findData("prosecution")
    )
    with qtbot.waitSignal(view.action_failed):
        qtbot.mouseClick(
            view.ui.referrals_panel.ui.create_referral_button, Qt.MouseButton.LeftButton
        )
    assert len(world.c1.referrals.list(case.id)) == 1


def test_recording_consent_again_lets_the_letter_go(qtbot, world, window):
    case, _referral = _case_with_referral(world)
    (old,) = world.c1.consents.list(case.id)
    world.c1.consents.withdraw(old.id)
    view = _open(qtbot, window, case.id)
    qtbot.mouseClick(view.ui.consents_panel.ui.add_consent_button, Qt.MouseButton.LeftButton)
    dialog = _visible(ConsentDialog)
    dialog.agency_combo.setCurrentIndex(dialog.agency_combo.findData("prosecution"))
    with qtbot.waitSignal(view.loaded):
        dialog.button_box.accepted.emit()
    view.ui.referrals_panel.ui.referral_table.selectRow(0)
    with qtbot.waitSignal(view.loaded):
        qtbot.mouseClick(view.ui.referrals_panel.ui.send_button, Qt.MouseButton.LeftButton)
    assert view.ui.referrals_panel.ui.referral_table.item(0, 2).text() == "발송"
    assert (
        view.ui.referrals_panel.ui.referral_table.item(0, 4).text() == "2026-12-02"
    )  # follow-up in 7 days


def test_consent_dialog_shows_errors_next_to_fields(qtbot, world, window):
    case = world.new_case()
    view = _open(qtbot, window, case.id)
    qtbot.mouseClick(view.ui.consents_panel.ui.add_consent_button, Qt.MouseButton.LeftButton)
    dialog = _visible(ConsentDialog)
    for check in dialog.item_checks.values():
        check.setChecked(False)
    type_text(dialog.given_edit, "2030-01-01", clear=True)
    dialog.button_box.accepted.emit()
    qtbot.waitUntil(lambda: dialog.items_error_label.isVisible())
    assert dialog.given_error_label.text() == "오늘 이후 날짜는 쓸 수 없습니다."
    assert dialog.given_edit.text() == "2030-01-01"
    dialog.reject()


def test_status_follows_the_step_model_and_closing_asks_the_outcome(qtbot, world, window):
    case = world.new_case()
    view = _open(qtbot, window, case.id)
    options = [
        view.ui.header_panel.ui.status_combo.itemText(i)
        for i in range(view.ui.header_panel.ui.status_combo.count())
    ]
    assert options == ["초기상담", "욕구사정", "연계", "모니터링", "종결"]
    view.ui.header_panel.ui.status_combo.setCurrentIndex(options.index("종결"))
    qtbot.mouseClick(view.ui.header_panel.ui.change_status_button, Qt.MouseButton.LeftButton)
    dialog = _visible(CloseCaseDialog)
    dialog.button_box.accepted.emit()
    assert dialog.outcome_error_label.text() == "꼭 입력해 주세요."
    type_text(dialog.outcome_edit, "지원 완료")
    with qtbot.waitSignal(view.loaded):
        dialog.button_box.accepted.emit()
    detail = world.c1.cases.get(case.id)
    assert detail.status is CaseStatus.CLOSED
    assert detail.outcome == "지원 완료"
    options = [
        view.ui.header_panel.ui.status_combo.itemText(i)
        for i in range(view.ui.header_panel.ui.status_combo.count())
    ]
    assert options == ["모니터링", "사후관리"]


def test_note_is_added_to_the_timeline(qtbot, world, window):
    case = world.new_case()
    view = _open(qtbot, window, case.id)
    type_text(view.ui.timeline_panel.ui.note_edit, "보호자와 통화함")
    with qtbot.waitSignal(view.loaded):
        qtbot.keyClick(view.ui.timeline_panel.ui.note_edit, Qt.Key.Key_Return)
    assert view.ui.timeline_panel.ui.timeline_table.item(0, 2).text() == "보호자와 통화함"
    assert view.ui.timeline_panel.ui.note_edit.text() == ""


def test_urgency_button_raises_a_referral_and_the_table_shows_it(qtbot, world, window):
    case, _referral = _case_with_referral(world)
    view = _open(qtbot, window, case.id)
    panel = view.ui.referrals_panel.ui
    view.ui.tabs.setCurrentWidget(panel.referral_table.parentWidget())
    assert panel.referral_table.horizontalHeaderItem(6).text() == "긴급도"
    assert panel.referral_table.item(0, 6).text() == "보통"
    panel.referral_table.setCurrentCell(-1, -1)
    panel.referral_table.clearSelection()
    assert not panel.urgency_button.isEnabled()  # no referral, nothing to set
    panel.referral_table.selectRow(0)
    assert panel.urgency_button.isEnabled()

    qtbot.mouseClick(panel.urgency_button, Qt.MouseButton.LeftButton)
    dialog = _visible(UrgencyDialog)
    assert dialog.urgency_combo.currentData() == Urgency.NORMAL.value
    dialog.urgency_combo.setCurrentIndex(dialog.urgency_combo.findData(Urgency.URGENT.value))
    with qtbot.waitSignal(view.loaded):
        dialog.button_box.accepted.emit()
    assert not dialog.isVisible()
    assert panel.referral_table.item(0, 6).text() == "긴급"
    assert world.c1.referrals.list(case.id)[0].urgency is Urgency.URGENT


def test_a_high_risk_case_shows_its_referrals_as_urgent(qtbot, world, window):
    """Raised to high risk after the referral was made: the letter prints it urgent, so the
    table and the dialog say so too (the dialog would refuse 보통 anyway)."""
    case, _referral = _case_with_referral(world)
    with world.store.sessions.begin() as s:
        s.execute(update(models.Case).where(models.Case.id == case.id).values(risk_level="high"))
    view = _open(qtbot, window, case.id)
    panel = view.ui.referrals_panel.ui
    assert panel.referral_table.item(0, 6).text() == "긴급"
    qtbot.mouseClick(panel.urgency_button, Qt.MouseButton.LeftButton)
    dialog = _visible(UrgencyDialog)
    assert dialog.urgency_combo.currentData() == Urgency.URGENT.value
    dialog.reject()
