from datetime import timedelta

from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from helpers.intake_steps import go_next, open_intake
from helpers.korean_typing import press, type_text
from helpers.qt import settle
from helpers.world import consent
from onestop_desk.db import models
from onestop_desk.domain.records import NeedInput, ReferralReply
from onestop_desk.domain.vocab import ConsentItem, ReferralStatus, Urgency
from onestop_desk.services.queues import Queue
from onestop_desk.ui.desk.directory import AgencyDialog
from onestop_desk.ui.desk.queue_model import agency_text
from onestop_desk.ui.kit.item_roles import CaseIdRole, OverdueRole
from onestop_desk.ui.shell.main_window import MainWindow


def _visible(kind):
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible())


def _page(window, page):
    window.nav_list.setCurrentRow(window.page_stack.indexOf(page))


def test_phone_inquiry_becomes_a_case(qtbot, world, window: MainWindow):
    page = window.inquiry_page
    _page(window, page)
    settle(qtbot, window)
    page.caller_type_combo.setCurrentIndex(page.caller_type_combo.findData("family"))
    type_text(page.caller_name_edit, "이순자")
    type_text(page.caller_phone_edit, "010-2468-1357")
    page.crime_combo.setCurrentIndex(page.crime_combo.findData("stalking"))
    type_text(page.topic_edit, "딸이 스토킹 피해, 신변보호 문의")
    with qtbot.waitSignal(page.loaded):
        press(page.topic_edit, Qt.Key.Key_Return)
    assert page.topic_edit.text() == ""
    assert page.inquiry_table.item(0, 2).text() == "이*자"
    page.inquiry_table.selectRow(0)
    with qtbot.waitSignal(window.intake_opened) as opened:
        qtbot.mouseClick(page.make_case_button, Qt.MouseButton.LeftButton)
    dialog = opened.args[0]
    qtbot.waitUntil(dialog.isEnabled)
    assert dialog.person_page.name_edit.text() == "이순자"
    assert dialog.person_page.phone_edit.text() == "010-2468-1357"
    assert dialog.case_page.checked_crimes() == ["stalking"]
    assert dialog.case_page.channel_combo.currentData() == "phone"
    dialog.person_page.may_call_check.setChecked(True)  # asked: calls are safe
    go_next(qtbot, dialog, 1)
    go_next(qtbot, dialog, 2)
    with qtbot.waitSignal(dialog.case_created, timeout=10000) as created:
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    detail, referrals = created.args
    assert referrals == []
    (inquiry,) = world.c1.inquiries.recent()
    assert inquiry.case_id == detail.id


def test_inquiry_topic_is_required_and_text_kept(qtbot, window):
    page = window.inquiry_page
    _page(window, page)
    settle(qtbot, window)
    type_text(page.outcome_edit, "방문 예약")
    qtbot.mouseClick(page.log_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.topic_error_label.isVisible)
    assert page.topic_error_label.text() == "꼭 입력해 주세요."
    assert page.outcome_edit.text() == "방문 예약"


def test_scanned_document_number_opens_the_reply_form(qtbot, world, window):
    case = world.new_case()
    world.c1.needs.set_needs(case.id, [NeedInput("safety", "smartwatch")])
    world.c1.consents.record(case.id, consent("police", ConsentItem.IDENTITY))
    (referral,) = world.c1.referrals.create_from_needs(case.id)
    world.c1.referrals.transition(referral.id, ReferralStatus.SENT)
    page = window.referral_page
    _page(window, page)
    settle(qtbot, window)
    # a scanner types like a keyboard: the number, then Enter
    type_text(page.document_edit, referral.document_number.lower())
    with qtbot.waitSignal(page.reply_dialog_opened) as opened:
        press(page.document_edit, Qt.Key.Key_Return)
    dialog = opened.args[0]
    type_text(dialog.handler_edit, "김담당")
    type_text(dialog.result_edit, "접수, 스마트워치 지급 예정")
    with qtbot.waitSignal(dialog.reply_saved):
        dialog.button_box.accepted.emit()
    record = world.c1.referrals.list(case.id)[0]
    assert record.status is ReferralStatus.ACKNOWLEDGED
    assert record.reply.result == "접수, 스마트워치 지급 예정"

    type_text(page.document_edit, "R2026-999999")
    press(page.document_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(page.document_error_label.isVisible)
    assert "R2026-999999" in page.document_error_label.text()


def test_today_lists_new_cases_and_unfinished_intake(qtbot, world, window):
    case = world.new_case()
    world.c1.drafts.save_intake({"name": "윤서연", "step": 1})
    page = window.today_page
    with qtbot.waitSignal(page.loaded):
        page.refresh()
    assert page.new_cases_table.item(0, 0).text() == case.case_number
    assert page.new_cases_table.item(0, 1).text() == "홍*동"
    assert page.draft_box.isVisible()
    assert "윤*연" in page.draft_label.text()
    with qtbot.waitSignal(window.intake_opened) as opened:
        qtbot.mouseClick(page.resume_draft_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(opened.args[0].isEnabled)
    assert opened.args[0].person_page.name_edit.text() == "윤서연"


def test_directory_is_read_only_for_counselors(qtbot, window):
    page = window.directory_page
    _page(window, page)
    qtbot.waitUntil(lambda: page.agency_table.rowCount() > 10)
    assert not page.editable
    assert not hasattr(page, "edit_button")
    names = [page.agency_table.item(r, 0).text() for r in range(page.agency_table.rowCount())]
    assert any(n.startswith("검찰청 피해자지원실") for n in names)


def test_administrator_edits_an_agency(qtbot, world, make_window):
    window = make_window(world.admin)
    # administrators do not work on victims' files: no case pages, the directory is there
    assert window.case_list_page is None
    assert "기관" in window.page_titles()
    page = window.directory_page
    window.show_page(page)
    qtbot.waitUntil(lambda: page.agency_table.rowCount() > 10)
    page.agency_table.selectRow(0)
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    dialog = _visible(AgencyDialog)
    type_text(dialog.email_edit, "잘못된메일", clear=True)
    dialog.button_box.accepted.emit()
    qtbot.waitUntil(dialog.email_error_label.isVisible)
    assert dialog.email_error_label.text() == "이메일 주소 형식이 아닙니다."
    type_text(dialog.email_edit, "help@example.kr", clear=True)
    type_text(dialog.phone_edit, "02-111-2222", clear=True)
    qtbot.mouseClick(dialog.verified_today_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(page.loaded):
        dialog.button_box.accepted.emit()
    code = dialog.code_edit.text()
    saved = world.admin.directory.agency(code)
    assert saved.phone == "02-111-2222"
    assert str(saved.verified_on) == "2026-11-25"
    assert page.agency_table.item(0, 5).text() == "2026-11-25"


def test_shortcuts_and_lock_signal(qtbot, window):
    assert window.new_case_action.shortcut() == QKeySequence(QKeySequence.StandardKey.New)
    assert window.search_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Find)
    with qtbot.waitSignal(window.lock_requested):
        window.lock_action.trigger()
    window.search_action.trigger()
    assert window.page_stack.currentWidget() is window.cases_stack
    assert window.case_list_page.search_edit.hasFocus() or not window.isActiveWindow()


def test_ctrl_n_opens_the_walk_in_form(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    with qtbot.waitSignal(window.intake_opened) as opened:
        qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = opened.args[0]
    qtbot.waitUntil(dialog.isEnabled)
    dialog.discard()


def test_geometry_and_columns_are_remembered(qtbot, world, tmp_path, make_window, settings):
    window = make_window(world.c1)
    window.show_cases()
    header = window.case_list_page.case_table.horizontalHeader()
    header.resizeSection(0, 177)
    geometry = window.saveGeometry()
    window.close()
    stored = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    assert stored.value("window/geometry") == geometry
    assert stored.contains("columns/case_list_page/case_table")
    again = MainWindow(world.c1, stored)
    qtbot.addWidget(again)
    assert again.case_list_page.case_table.horizontalHeader().sectionSize(0) == 177
    again.runner.wait()


def test_walk_in_with_only_the_keyboard(qtbot, world, window):
    dialog = open_intake(qtbot, window)
    person = dialog.person_page
    type_text(person.name_edit, "강하늘")
    person.contact_asked_check.setFocus()
    qtbot.keyClick(person.contact_asked_check, Qt.Key.Key_Space)  # asked how to contact
    with qtbot.waitSignal(dialog.step_changed):
        press(person.name_edit, Qt.Key.Key_Return)  # Enter = next step
    assert dialog.current_step() == 1
    assert dialog.focusWidget() is dialog.case_page.crime_filter_edit
    with qtbot.waitSignal(dialog.step_changed):
        press(dialog.case_page.crime_filter_edit, Qt.Key.Key_Return)
    with qtbot.waitSignal(dialog.case_created, timeout=10000):
        press(dialog, Qt.Key.Key_Return)  # Enter = create
    settle(qtbot, window)
    assert world.c1.cases.list_ids() != []


def test_ctrl_p_opens_the_packet_of_the_case_on_screen(qtbot, world, window):
    case = world.new_case()
    world.c1.needs.set_needs(case.id, [NeedInput("safety", "smartwatch")])
    world.c1.consents.record(case.id, consent("police", ConsentItem.IDENTITY))
    world.c1.referrals.create_from_needs(case.id)
    assert not window.print_packet_action.isEnabled()
    assert window.print_packet_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Print)
    with qtbot.waitSignal(window.case_view.loaded):
        window.open_case(case.id)
    assert window.print_packet_action.isEnabled()
    with qtbot.waitSignal(window.packet_opened) as opened:
        window.print_packet_action.trigger()
    dialog = opened.args[0]
    qtbot.waitUntil(lambda: dialog.packet is not None, timeout=10000)
    dialog.reject()
    settle(qtbot, window)


def _sent(world, case, agency, urgency=Urgency.NORMAL):
    world.c1.consents.record(case.id, consent(agency))
    ref = world.c1.referrals.create(case.id, agency, urgency=urgency)
    return world.c1.referrals.transition(ref.id, ReferralStatus.SENT)


def _due(store, referral_id, day):
    with store.sessions.begin() as s:
        s.get(models.Referral, referral_id).follow_up_due = day


def _column(view, column):
    model = view.model()
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_today_lists_open_unanswered_follow_ups_most_urgent_first(qtbot, world, store, window):
    today = world.clock.today()
    case = world.new_case()
    closed = world.new_case(name="정종결", phone="010-5555-6666")
    late, overdue, answered = (
        _sent(world, case, a) for a in ("police", "smile_center", "legal_aid")
    )
    of_closed = _sent(world, closed, "police")
    _due(store, late.id, today)
    _due(store, overdue.id, today - timedelta(days=5))
    _due(store, of_closed.id, today - timedelta(days=9))
    _due(store, answered.id, today - timedelta(days=2))
    world.c1.referrals.record_reply(
        answered.id, ReferralReply(received_on=today, handler="", result="접수")
    )
    with store.sessions.begin() as s:
        s.get(models.Case, closed.id).status = "closed"
    page = window.today_page
    with qtbot.waitSignal(page.loaded):
        page.refresh()
    view = page.due_table
    assert _column(view, 5) == [overdue.document_number, late.document_number]
    assert _column(view, 0) == ["기한 지남", ""]
    first, second = view.model().index(0, 0), view.model().index(1, 0)
    assert first.data(OverdueRole) is True and second.data(OverdueRole) is False
    assert first.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert first.data(CaseIdRole) == case.id
    assert "(2건)" in page.due_box.title()
    assert view.model().rowCount() == 2


def test_today_and_retention_keep_their_own_column_layouts(qtbot, world, window, settings):
    page = window.today_page
    page.due_table.horizontalHeader().resizeSection(1, 151)
    page.save_layout()
    assert settings.contains("columns/today/due_table")
    assert not settings.contains("columns/due_table")


def test_referral_page_lists_fresh_sends_and_keeps_the_row_after_actions(qtbot, world, window):
    case = world.new_case()
    first, second, third = (_sent(world, case, a) for a in ("police", "smile_center", "legal_aid"))
    page = window.referral_page
    with qtbot.waitSignal(page.loaded):
        _page(window, page)
    assert page.model.rowCount() == 3  # sent today: waiting for a reply, not hidden
    assert page.count_label.text() == "3건"
    page.referral_table.selectRow(1)
    chosen = page.selected()
    type_text(page.follow_up_edit, "2026-12-24", clear=True)
    with qtbot.waitSignal(page.loaded):
        qtbot.mouseClick(page.follow_up_button, Qt.MouseButton.LeftButton)
    saved = next(r for r in world.c1.referrals.list(case.id) if r.id == chosen.id)
    assert str(saved.follow_up_due) == "2026-12-24"  # the typed date, not the old one
    assert page.selected().id == chosen.id
    assert page.follow_up_edit.text() == "2026-12-24"
    assert {first.id, second.id, third.id} == set(page.model.ids())

    type_text(page.follow_up_edit, "12월 24일", clear=True)
    qtbot.mouseClick(page.follow_up_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.action_error_label.isVisible)
    assert page.follow_up_edit.text() == "12월 24일"  # what was typed stays


def test_sending_a_draft_keeps_the_selection_on_its_row(qtbot, world, window):
    case = world.new_case()
    drafts = []
    for agency in ("police", "smile_center", "legal_aid"):
        world.c1.consents.record(case.id, consent(agency))
        drafts.append(world.c1.referrals.create(case.id, agency))
    page = window.referral_page
    _page(window, page)
    with qtbot.waitSignal(page.loaded):
        page.show_queue(Queue.TO_SEND)
    assert page.model.rowCount() == 3
    page.referral_table.selectRow(1)
    assert page.send_button.isEnabled()
    with qtbot.waitSignal(page.loaded):
        qtbot.mouseClick(page.send_button, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 2
    # The sent letter left the queue: the row that took its place is selected, not row 1.
    assert page.referral_table.currentIndex().row() == 1
    assert page.selected().id == page.model.ids()[1]


def test_saving_a_reply_confirms_and_schedules_the_next_check(qtbot, world, window):
    case = world.new_case()
    ref = _sent(world, case, "police")
    page = window.referral_page
    with qtbot.waitSignal(page.loaded):
        _page(window, page)
    page.referral_table.selectRow(0)
    with qtbot.waitSignal(page.reply_dialog_opened) as opened:
        qtbot.mouseClick(page.reply_button, Qt.MouseButton.LeftButton)
    dialog = opened.args[0]
    assert dialog.follow_up_edit.text() == "2026-12-09"  # two weeks on, by default
    type_text(dialog.result_edit, "접수, 상담 예정")
    type_text(dialog.follow_up_edit, "2026-11-20", clear=True)
    dialog.button_box.accepted.emit()
    qtbot.waitUntil(dialog.follow_up_error_label.isVisible)
    assert dialog.follow_up_error_label.text() == "회신 받은 날보다 뒤의 날짜여야 합니다."
    type_text(dialog.follow_up_edit, "2026-12-01", clear=True)
    with qtbot.waitSignal(page.loaded):
        dialog.button_box.accepted.emit()
    box = dialog.confirmation
    assert box is not None and box.isVisible()
    assert ref.document_number in box.text() and "2026-12-01" in box.text()
    box.accept()
    saved = world.c1.referrals.list(case.id)[0]
    assert str(saved.follow_up_due) == "2026-12-01"
    assert page.model.rowCount() == 0  # answered: no longer waiting for a reply


def test_queue_rows_show_the_agency_in_the_ui_language(qtbot, world):
    case = world.new_case()
    _sent(world, case, "police")
    (entry,) = world.c1.queues.listing(Queue.NO_REPLY)
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English))
    try:
        assert agency_text(entry) == entry.agency_name_en != entry.referral.agency_name
    finally:
        QLocale.setDefault(previous)
    assert agency_text(entry) == entry.referral.agency_name


def test_case_view_keeps_the_referral_row_after_setting_a_follow_up(qtbot, world, window):
    case = world.new_case()
    for agency in ("police", "smile_center", "legal_aid"):
        world.c1.consents.record(case.id, consent(agency))
        world.c1.referrals.create(case.id, agency)
    view = window.case_view
    panel = view.ui.referrals_panel
    with qtbot.waitSignal(view.loaded):
        window.open_case(case.id)
    panel.ui.referral_table.selectRow(2)
    chosen = panel.selected_referral()
    type_text(panel.ui.follow_up_edit, "2026-12-30", clear=True)
    with qtbot.waitSignal(view.loaded):
        qtbot.mouseClick(panel.ui.follow_up_button, Qt.MouseButton.LeftButton)
    assert panel.ui.referral_table.currentRow() == 2
    assert panel.selected_referral().id == chosen.id
    assert panel.ui.follow_up_edit.text() == "2026-12-30"
    with qtbot.waitSignal(view.loaded):
        qtbot.mouseClick(panel.ui.send_button, Qt.MouseButton.LeftButton)
    assert panel.selected_referral().id == chosen.id
    assert panel.selected_referral().status is ReferralStatus.SENT
