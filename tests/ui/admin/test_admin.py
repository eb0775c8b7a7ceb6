"""The administration areas of the main window on a real store: which role sees which page,
the access-log viewer (filters, a broken chain found), user administration through the
widgets, retention dry run and purge, About, and a backup restored through the controller."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import text, update

from helpers.korean_typing import type_text
from helpers.qt import settle
from onestop_desk.app import make_window_factory
from onestop_desk.db import models
from onestop_desk.domain.records import CaseFilter
from onestop_desk.domain.security import KdfParams
from onestop_desk.domain.vocab import CaseStatus, Role
from onestop_desk.services.auth import AuthService
from onestop_desk.ui.admin.audit_page import AuditEventModel
from onestop_desk.ui.admin.users_page import UserDialog
from onestop_desk.ui.auth import SessionController
from onestop_desk.ui.shell.about_dialog import AboutDialog
from onestop_desk.ui.shell.main_window import MainWindow

ADMIN_PW = "관리자비번2026!"


def cheap_kdf() -> KdfParams:
    return KdfParams(time_cost=1, memory_cost=64, parallelism=1)


@pytest.fixture
def auth(tmp_path: Path) -> AuthService:
    service = AuthService(tmp_path / "data", pc_name="desk-1", kdf_params=cheap_kdf)
    service.set_up("서울 원스톱 솔루션센터", "admin", "최관리", ADMIN_PW).session.logout()
    return service


@pytest.fixture
def admin_window(qtbot: Any, auth: AuthService, settings: QSettings) -> Iterator[MainWindow]:
    session = auth.login("admin", ADMIN_PW)
    window = MainWindow(session.services, settings, account=session)
    qtbot.addWidget(window)
    window.show()
    settle(qtbot, window)
    window.session = session  # type: ignore[attr-defined]
    yield window
    window.close()
    session.logout()


# --- who sees what --------------------------------------------------------------------------


def test_each_role_gets_its_own_pages(world: Any, make_window: Any, admin_window: MainWindow):
    counselor = make_window(world.c1)
    assert counselor.page_titles() == ["오늘", "사례", "전화상담", "연계 현황", "기관"]
    assert counselor.dashboard_page is None and counselor.audit_page is None
    assert counselor.menus.backup_action is None
    lead = make_window(world.lead)
    assert lead.page_titles() == ["오늘", "사례", "전화상담", "연계 현황", "통계", "기관"]
    assert lead.users_page is None and lead.retention_page is None
    assert admin_window.page_titles() == ["통계", "접속기록", "사용자", "보관·파기", "기관"]
    assert admin_window.case_list_page is None
    assert admin_window.menus.case_menu is None  # no USB export of victims' files
    assert admin_window.menus.center_action is not None
    assert admin_window.menus.backup_action is not None


def test_a_dashboard_bar_opens_the_filtered_case_list_for_a_team_lead(
    qtbot: Any, world: Any, make_window: Any
):
    world.new_case(world.c1, crimes=("stalking",))
    world.new_case(world.c1, name="김영희", phone="010-9999-0000", crimes=("assault",))
    window = make_window(world.lead)
    window.show_page(window.dashboard_page)
    settle(qtbot, window)
    flt = CaseFilter(crime_type="stalking", statistics_only=True)
    with qtbot.waitSignal(window.case_list_page.results_shown) as shown:
        window.dashboard_page.case_list_requested.emit(flt)
    assert shown.args == [1]
    assert window.page_stack.currentWidget() is window.cases_stack
    assert window.case_list_page.preset_label.isVisible()
    with qtbot.waitSignal(window.case_list_page.results_shown) as shown:
        window.case_list_page.clear_preset_button.click()
    assert shown.args == [2]


# --- access log -----------------------------------------------------------------------------


def test_audit_model_passes_the_model_tester(qtmodeltester: Any, auth: AuthService):
    session = auth.login("admin", ADMIN_PW)
    try:
        model = AuditEventModel()
        model.set_events(session.audit_log.events())
        qtmodeltester.check(model)
    finally:
        session.logout()


def test_audit_viewer_filters_and_finds_the_edited_row(qtbot: Any, admin_window: MainWindow):
    session = admin_window.session  # type: ignore[attr-defined]
    page = admin_window.audit_page
    admin_window.show_page(page)
    settle(qtbot, admin_window)
    ui = page.ui
    total = page.model.total()
    assert total >= 3  # set-up, logins, logout
    ui.action_combo.setCurrentIndex(ui.action_combo.findData("login"))
    with qtbot.waitSignal(page.loaded):
        ui.search_button.click()
    assert 0 < page.model.total() < total
    assert {page.model.index(r, 5).data() for r in range(page.model.rowCount())} == {"로그인"}
    type_text(ui.user_edit, "nobody")
    with qtbot.waitSignal(page.loaded):
        ui.search_button.click()
    assert page.model.total() == 0

    with qtbot.waitSignal(page.verified) as verified:
        ui.verify_button.click()
    assert verified.args[0].ok
    assert "온전합니다" in ui.verify_label.text()
    with session.store.engine.begin() as connection:
        connection.execute(text("UPDATE audit_events SET detail = 'edited' WHERE seq = 2"))
    ui.user_edit.clear()
    ui.action_combo.setCurrentIndex(0)
    with qtbot.waitSignal(page.loaded):
        ui.search_button.click()
    with qtbot.waitSignal(page.verified) as verified:
        ui.verify_button.click()
    assert verified.args[0].first_bad_seq == 2
    assert ui.verify_label.text().startswith("2번 기록에서")
    selected = ui.event_table.selectionModel().selectedRows()
    assert [i.data() for i in selected] == ["2"]


def test_monthly_review_and_csv_exports_need_a_reason(
    qtbot: Any, admin_window: MainWindow, tmp_path: Path
):
    page = admin_window.audit_page
    admin_window.show_page(page)
    settle(qtbot, admin_window)
    ui = page.ui
    today = date.today()
    ui.month_edit.setDate(ui.month_edit.date().fromString(f"{today:%Y-%m}", "yyyy-MM"))
    with qtbot.waitSignal(page.reviewed) as reviewed:
        ui.review_button.click()
    assert reviewed.args[0].total > 0
    assert ui.review_table.rowCount() > 0
    out = tmp_path / "review.csv"
    page.export_review_to(out)
    assert "사유" in ui.status_label.text() and not out.exists()
    type_text(ui.reason_edit, "월간 점검 보고")
    with qtbot.waitSignal(page.exported):
        page.export_review_to(out)
    assert out.read_text(encoding="utf-8-sig").startswith(f"month,{today:%Y-%m}")
    log = tmp_path / "log.csv"
    with qtbot.waitSignal(page.exported):
        page.export_log_to(log)
    assert log.read_text(encoding="utf-8-sig").startswith("seq,at,user")
    with qtbot.waitSignal(page.loaded):
        ui.search_button.click()
    reasons = {page.model.index(r, 7).data() for r in range(page.model.rowCount())}
    assert "월간 점검 보고" in reasons  # both exports were logged with their reason


# --- users ----------------------------------------------------------------------------------


def _user_dialog(qtbot: Any, page: Any, button: Any) -> UserDialog:
    with qtbot.waitSignal(page.dialog_opened) as opened:
        button.click()
    return opened.args[0]


def test_users_are_added_reset_and_disabled_through_the_widgets(
    qtbot: Any, auth: AuthService, admin_window: MainWindow
):
    page = admin_window.users_page
    admin_window.show_page(page)
    settle(qtbot, admin_window)
    assert page.users_table.rowCount() == 1

    dialog = _user_dialog(qtbot, page, page.add_button)
    type_text(dialog.username_edit, "c9")
    type_text(dialog.display_name_edit, "정상담")
    dialog.password_form.new_password_edit.setText("short")
    dialog.save_button.click()
    qtbot.waitUntil(dialog.error_label.isVisible)
    assert "8자" in dialog.error_label.text()
    dialog.password_form.new_password_edit.setText("처음비번-2026")
    with qtbot.waitSignal(page.loaded):
        dialog.save_button.click()
    assert page.users_table.rowCount() == 2
    assert "c9 계정을 추가했습니다" in page.status_label.text()
    first = auth.login("c9", "처음비번-2026")
    assert first.must_change_password and first.role is Role.COUNSELOR
    first.logout()

    page.select_user("c9")
    page.role_combo.setCurrentIndex(page.role_combo.findData(Role.TEAM_LEAD.value))
    with qtbot.waitSignal(page.loaded):
        page.role_button.click()
    assert page.selected_user().role is Role.TEAM_LEAD

    dialog = _user_dialog(qtbot, page, page.reset_button)
    assert not dialog.username_edit.isEnabled() or dialog.username_edit.isReadOnly()
    dialog.password_form.new_password_edit.setText("새로준비번-77")
    with qtbot.waitSignal(page.loaded):
        dialog.save_button.click()
    reset = auth.login("c9", "새로준비번-77")
    assert reset.must_change_password
    reset.logout()

    box = _user_dialog(qtbot, page, page.disable_button)
    assert isinstance(box, QMessageBox)
    with qtbot.waitSignal(page.loaded):
        box.button(QMessageBox.StandardButton.Yes).click()
    assert page.selected_user().active is False
    assert not page.disable_button.isEnabled() and not page.role_button.isEnabled()
    assert page.reset_button.text() == "다시 사용…"  # a disabled account comes back this way
    dialog = _user_dialog(qtbot, page, page.reset_button)
    dialog.password_form.new_password_edit.setText("돌아온비번-88")
    with qtbot.waitSignal(page.loaded):
        dialog.save_button.click()
    assert page.selected_user().active is True
    back = auth.login("c9", "돌아온비번-88")
    assert back.must_change_password
    back.logout()
    page.select_user("admin")
    box = _user_dialog(qtbot, page, page.disable_button)
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: "자기 계정" in page.status_label.text())


# --- retention ------------------------------------------------------------------------------


def test_retention_dry_run_then_purge_after_typing_the_word(
    qtbot: Any, world: Any, make_window: Any
):
    old = world.new_case()
    world.new_case(name="김영희", phone="010-9999-0000")
    with world.store.sessions.begin() as s:
        s.execute(
            update(models.Case)
            .where(models.Case.id == old.id)
            .values(status=CaseStatus.CLOSED.value, closed_on=date(2020, 1, 10), outcome="종결")
        )
    window = make_window(world.admin)
    page = window.retention_page
    window.show_page(page)
    settle(qtbot, window)
    assert page.years_spin.value() == 3
    with qtbot.waitSignal(page.dry_run_done):
        page.dry_run_button.click()
    assert page.due_table.rowCount() == 1
    assert [page.due_table.item(0, c).text() for c in range(2)] == [old.case_number, "2020-01-10"]
    assert page.due_table.columnCount() == 2  # numbers and dates, no names
    assert not page.purge_button.isEnabled()
    type_text(page.confirm_edit, "파기")
    assert page.purge_button.isEnabled()
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.purge_button.click()
    assert page.register_table.rowCount() == 1
    assert page.register_table.item(0, 0).text() == old.case_number
    assert "1건을 파기" in page.status_label.text()
    assert len(world.lead.cases.list_ids()) == 1


# --- about ----------------------------------------------------------------------------------


def test_about_shows_the_version_and_the_licences(qtbot: Any, world: Any, make_window: Any):
    window = make_window(world.c1)
    with qtbot.waitSignal(window.dialog_opened) as opened:
        window.menus.about_action.trigger()
    dialog = opened.args[0]
    assert isinstance(dialog, AboutDialog)
    assert "0." in dialog.version_label.text()
    licences = dialog.licenses_browser.toPlainText()
    for name in ("PySide6", "LGPL-3.0", "SQLAlchemy", "reportlab", "SQLCipher", "openpyxl"):
        assert name in licences
    assert "SIL OPEN FONT LICENSE" in dialog.font_license_text.toPlainText().upper()
    dialog.close()


def test_language_choice_is_stored_for_the_next_start(qtbot: Any, world: Any, make_window: Any):
    from onestop_desk.app import stored_language

    window = make_window(world.c1)
    window.menus.language_actions["en"].trigger()
    assert stored_language(window._settings) == "en"
    assert "다음에 프로그램을 시작할 때" in window.statusBar().currentMessage()


# --- backup and restore through the controller ----------------------------------------------


@pytest.fixture
def controller(qtbot: Any, auth: AuthService, settings: QSettings) -> Iterator[SessionController]:
    made = SessionController(auth, make_window_factory(settings), idle_ms=60_000)
    made.start()
    yield made
    made.shutdown()
    made.deleteLater()
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()


def test_restore_brings_the_data_back_and_the_same_admin_continues(
    qtbot: Any, auth: AuthService, controller: SessionController
):
    dialog = controller.login_dialog
    type_text(dialog.username_edit, "admin")
    type_text(dialog.password_edit, ADMIN_PW)
    with qtbot.waitSignal(controller.session_started, timeout=10_000):
        dialog.login_button.click()
    session = controller.session
    backups = session.services.backups
    assert backups is not None
    qtbot.waitUntil(lambda: controller.runner.idle)
    assert backups.last_automatic() is not None  # the daily one, taken at the start
    before = backups.backup_now()
    session.services.retention.set_retention_years(7)  # the change the restore undoes
    window = controller.window
    with qtbot.waitSignal(controller.restore_finished, timeout=20_000) as finished:
        window.restore_requested.emit(before.path)
    assert finished.args == [True]
    assert controller.session is not session and session.closed
    assert controller.session.username == "admin"
    assert controller.session.services.retention.retention_years() == 3
    assert "복원했습니다" in controller.window.statusBar().currentMessage()
    assert controller.session.verify_audit().ok
    details = [e.detail for e in controller.session.audit_log.events()]
    assert any("database restored from" in d for d in details)
    kept = list(auth.data_dir.glob("onestop.db.before-restore-*"))
    assert len(kept) == 1


def test_start_up_check_offers_the_newest_good_backup_to_an_admin(
    qtbot: Any, auth: AuthService, controller: SessionController, monkeypatch: Any
):
    from onestop_desk.services.backups import HealthReport

    dialog = controller.login_dialog
    type_text(dialog.username_edit, "admin")
    type_text(dialog.password_edit, ADMIN_PW)
    with qtbot.waitSignal(controller.session_started, timeout=10_000):
        dialog.login_button.click()
    qtbot.waitUntil(lambda: controller.runner.idle and controller.checker.idle, timeout=10_000)
    backups = controller.session.services.backups
    assert backups.health().ok  # a healthy file: the start passed without a word
    good = backups.verify(backups.backup_now().path)
    damaged = HealthReport(backups._store.path, False, ("page 7: btree damaged",), (good,))
    asked: list[str] = []
    restored: list[Path] = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda _parent, _title, text: asked.append(text) or QMessageBox.StandardButton.Yes,
    )
    monkeypatch.setattr(controller, "restore", restored.append)
    controller._on_health_checked(damaged)
    assert asked and "손상" in asked[0]
    assert restored == [good.info.path]
