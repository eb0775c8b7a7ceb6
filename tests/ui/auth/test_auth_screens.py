"""The account screens around the real main window: setup, login, idle lock, hotkey lock, user
switch, forced password change, recovery. Real AuthService on real files in tmp_path."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pypdf
import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt
from PySide6.QtWidgets import QApplication, QWidget, QWizard

from helpers.korean_typing import press, type_text
from onestop_desk.app import make_window_factory
from onestop_desk.domain.security import KdfParams
from onestop_desk.domain.vocab import AuditAction, Role
from onestop_desk.services.auth import AuthService
from onestop_desk.ui.auth import (
    ChangePasswordDialog,
    LockScreen,
    LoginDialog,
    RecoveryDialog,
    SessionController,
    SetupWizard,
)
from onestop_desk.ui.kit.tasks import TaskRunner

ADMIN_PW = "관리자비번2026!"
C1_PW = "상담원비번2026"
LEAD_PW = "팀장비번2026!"


def cheap_kdf() -> KdfParams:
    return KdfParams(time_cost=1, memory_cost=64, parallelism=1)


@pytest.fixture
def auth(tmp_path: Path) -> AuthService:
    return AuthService(tmp_path / "data", pc_name="desk-1", kdf_params=cheap_kdf)


@pytest.fixture
def center(auth: AuthService) -> dict[str, Any]:
    result = auth.set_up("서울 원스톱 솔루션센터", "admin", "최관리", ADMIN_PW)
    result.session.add_user("c1", "이상담", Role.COUNSELOR, C1_PW)
    result.session.add_user("lead", "김팀장", Role.TEAM_LEAD, LEAD_PW)
    result.session.logout()
    # New accounts must change their password first; these have done so already.
    for user, pw in (("c1", C1_PW), ("lead", LEAD_PW)):
        session = auth.login(user, pw)
        session.change_password(pw, pw + "x")
        session.logout()
    return {"recovery_key": result.recovery_key}


@pytest.fixture
def make_controller(qtbot: Any, auth: AuthService, tmp_path: Path) -> Iterator[Any]:
    made: list[SessionController] = []
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)

    def make(idle_ms: int = 60_000) -> SessionController:
        controller = SessionController(auth, make_window_factory(settings), idle_ms=idle_ms)
        made.append(controller)
        controller.start()
        return controller

    yield make
    for controller in made:
        controller.shutdown()
        controller.deleteLater()
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    # Delete now, while the QApplication lives: Qt objects left for the interpreter's final
    # garbage collection can crash it on the way out.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()


def log_in(qtbot: Any, controller: SessionController, user: str, password: str) -> None:
    dialog = controller.login_dialog
    assert dialog is not None
    type_text(dialog.username_edit, user)
    type_text(dialog.password_edit, password)
    with qtbot.waitSignal(controller.session_started, timeout=10_000):
        dialog.login_button.click()
    assert controller.window is not None
    qtbot.waitUntil(controller.window.isVisible)


def audit_actions(auth: AuthService) -> list[tuple[str, str, str]]:
    admin = auth.login("admin", ADMIN_PW)
    try:
        return [(e.username, e.action, e.detail) for e in admin.audit_log.events()]
    finally:
        admin.close()


def assert_object_names(widget: QWidget) -> None:
    """Every widget attribute's objectName is its attribute name (tests find them so)."""
    for name, value in vars(widget).items():
        if isinstance(value, QWidget) and not name.startswith("_"):
            assert value.objectName() == name, f"{type(widget).__name__}.{name}"


# --- first run ------------------------------------------------------------------------------


def test_setup_wizard_creates_the_center_and_shows_the_key_once(
    qtbot: Any, auth: AuthService, make_controller: Any, tmp_path: Path
) -> None:
    controller = make_controller()
    wizard = controller.setup_wizard
    assert isinstance(wizard, SetupWizard)
    qtbot.waitUntil(wizard.isVisible)
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert wizard.store_page.ui.local_radio.isChecked()  # this PC only, unless chosen
    next_button.click()
    assert wizard.currentPage() is wizard.center_page
    assert not next_button.isEnabled()  # no center name yet
    center_page = wizard.center_page.ui
    type_text(center_page.center_name_edit, "서울 원스톱 솔루션센터")
    type_text(center_page.address_edit, "서울특별시 동작구 여의대방로54길 18")
    type_text(center_page.phone_edit, "02-123")
    next_button.click()
    assert wizard.currentPage() is wizard.center_page  # a phone of 5 digits is no phone
    assert "8~12자리" in center_page.message_label.text()
    type_text(center_page.phone_edit, "02-123-4567", clear=True)
    assert center_page.message_label.text() == ""
    next_button.click()
    page = wizard.admin_page
    type_text(page.username_edit, "admin")
    type_text(page.display_name_edit, "최관리")
    type_text(page.password_form.new_password_edit, "짧음1")
    assert "8자" in page.password_form.rule_label.text()
    type_text(page.password_form.new_password_edit, ADMIN_PW, clear=True)
    type_text(page.password_form.confirm_password_edit, ADMIN_PW + "?")
    next_button.click()
    assert "다릅니다" in page.message_label.text()
    type_text(page.password_form.confirm_password_edit, ADMIN_PW, clear=True)
    next_button.click()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.recovery_page, timeout=10_000)
    assert auth.is_set_up()

    recovery = wizard.recovery_page
    key = wizard.recovery_key
    assert recovery.recovery_key_label.text().split() == key.split("-")
    assert "영구히 사라지며" in recovery.warning_label.text()
    # The center exists: no way back to a password that would be ignored, no cancel, and
    # the page says why.
    back = wizard.button(QWizard.WizardButton.BackButton)
    assert not back.isVisible() and not back.isEnabled()
    assert not wizard.button(QWizard.WizardButton.CancelButton).isVisible()
    assert "취소할 수 없습니다" in recovery.created_label.text()
    wizard.back()
    assert wizard.currentPage() is recovery
    assert page.password_form.new_password_edit.isReadOnly() and page.username_edit.isReadOnly()
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert not finish.isEnabled()
    press(wizard, Qt.Key.Key_Escape)
    assert wizard.isVisible()  # Esc may not skip the key

    sheet = tmp_path / "sheet.pdf"
    recovery.save_to(sheet)
    assert key.split("-")[0] in pypdf.PdfReader(sheet).pages[0].extract_text()
    recovery.kept_check.setChecked(True)
    assert finish.isEnabled()
    with qtbot.waitSignal(controller.session_started, timeout=10_000):
        finish.click()
    assert controller.session.role is Role.ADMIN
    center = controller.session.services.center.get()
    assert (center.name, center.address, center.phone) == (
        "서울 원스톱 솔루션센터",
        "서울특별시 동작구 여의대방로54길 18",
        "02-123-4567",
    )
    assert center_page.phone_edit.isReadOnly()
    for screen in (wizard, wizard.store_page.ui, center_page, page, page.password_form, recovery):
        assert_object_names(screen)


# --- login ----------------------------------------------------------------------------------


def test_login_refuses_a_wrong_password_then_opens_the_main_window(
    qtbot: Any, center: dict[str, Any], make_controller: Any
) -> None:
    controller = make_controller()
    dialog = controller.login_dialog
    assert isinstance(dialog, LoginDialog)
    assert_object_names(dialog)
    type_text(dialog.username_edit, "c1")
    type_text(dialog.password_edit, "틀린비밀번호123")
    dialog.login_button.click()
    qtbot.waitUntil(lambda: "맞지 않습니다" in dialog.message_label.text(), timeout=10_000)
    assert dialog.password_edit.text() == ""
    type_text(dialog.password_edit, C1_PW + "x")
    with qtbot.waitSignal(controller.session_started, timeout=10_000):
        dialog.login_button.click()
    assert controller.session.username == "c1"
    assert controller.window.isVisible()


def test_locked_account_message_says_until_when(
    qtbot: Any, auth: AuthService, center: dict[str, Any], make_controller: Any
) -> None:
    controller = make_controller()
    dialog = controller.login_dialog
    type_text(dialog.username_edit, "c1")
    for _ in range(5):
        type_text(dialog.password_edit, "틀린비밀번호123", clear=True)
        dialog.login_button.click()
        qtbot.waitUntil(lambda: dialog.login_button.isEnabled(), timeout=10_000)
    assert "잠겼습니다" in dialog.message_label.text()
    assert "풀립니다" in dialog.message_label.text()


def test_login_says_how_many_tries_are_left_for_any_name(
    qtbot: Any, center: dict[str, Any], make_controller: Any
) -> None:
    """The count shows for a real account and for a name that is none alike, so it cannot
    be used to find out which names exist."""
    controller = make_controller()
    dialog = controller.login_dialog
    seen = {}
    for name in ("c1", "nobody"):
        type_text(dialog.username_edit, name, clear=True)
        texts = []
        for _ in range(2):
            type_text(dialog.password_edit, "틀린비밀번호123", clear=True)
            dialog.login_button.click()
            qtbot.waitUntil(lambda: dialog.login_button.isEnabled(), timeout=10_000)
            texts.append(dialog.message_label.text())
        seen[name] = texts
    assert seen["c1"] == seen["nobody"]
    assert "4번 더 틀리면" in seen["c1"][0] and "3번 더 틀리면" in seen["c1"][1]


# --- locking --------------------------------------------------------------------------------


def test_idle_lock_hides_everything_until_the_same_password(
    qtbot: Any, auth: AuthService, center: dict[str, Any], make_controller: Any
) -> None:
    controller = make_controller(idle_ms=300)
    log_in(qtbot, controller, "c1", C1_PW + "x")
    window = controller.window
    with qtbot.waitSignal(controller.locked, timeout=5_000):
        pass  # no input: the idle timer fires
    screen = controller.lock_screen
    assert isinstance(screen, LockScreen)
    assert_object_names(screen)
    assert screen.isVisible() and not window.isVisible()
    visible = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert visible == [screen]
    assert "c1" in screen.user_label.text()
    assert screen.windowTitle() == "원스톱 데스크 - 화면 잠김"
    assert not controller.idle.active  # no second lock on top of this one

    type_text(screen.password_edit, "틀린비밀번호123")
    screen.unlock_button.click()
    qtbot.waitUntil(lambda: "맞지 않습니다" in screen.message_label.text(), timeout=10_000)
    assert not window.isVisible()
    type_text(screen.password_edit, C1_PW + "x")
    with qtbot.waitSignal(controller.unlocked, timeout=10_000):
        screen.unlock_button.click()
    assert window.isVisible()
    assert controller.idle.active
    controller.runner.wait()
    actions = [(u, a, d) for u, a, d in audit_actions(auth) if u == "c1"]
    assert ("c1", AuditAction.LOCK, "idle") in actions
    assert ("c1", AuditAction.UNLOCK, "") in actions
    assert ("c1", AuditAction.LOGIN_FAILED, "unlock: wrong password") in actions


def test_activity_keeps_the_screen_unlocked(
    qtbot: Any, center: dict[str, Any], make_controller: Any
) -> None:
    controller = make_controller(idle_ms=400)
    log_in(qtbot, controller, "c1", C1_PW + "x")
    for _ in range(6):
        qtbot.wait(150)
        press(controller.window, Qt.Key.Key_Shift)
    assert not controller.is_locked


def test_hotkey_lock_hides_an_open_intake_form_and_restores_it(
    qtbot: Any, center: dict[str, Any], make_controller: Any
) -> None:
    controller = make_controller()
    log_in(qtbot, controller, "c1", C1_PW + "x")
    window = controller.window
    intake = window.open_intake()
    qtbot.waitUntil(intake.isVisible)
    type_text(intake.person_page.name_edit, "황보은결")
    with qtbot.waitSignal(controller.locked, timeout=5_000):
        window.lock_requested.emit()  # what Ctrl+L does
    assert not intake.isVisible() and not window.isVisible()
    screen = controller.lock_screen
    type_text(screen.password_edit, C1_PW + "x")
    with qtbot.waitSignal(controller.unlocked, timeout=10_000):
        screen.unlock_button.click()
    assert intake.isVisible() and intake.person_page.name_edit.text() == "황보은결"


def test_another_user_at_the_lock_screen_ends_the_first_session_cleanly(
    qtbot: Any, auth: AuthService, center: dict[str, Any], make_controller: Any
) -> None:
    controller = make_controller()
    log_in(qtbot, controller, "c1", C1_PW + "x")
    first = controller.session
    intake = controller.window.open_intake()
    qtbot.waitUntil(intake.isVisible)
    type_text(intake.person_page.name_edit, "황보은결")
    with qtbot.waitSignal(controller.locked, timeout=5_000):
        controller.window.lock_requested.emit()
    controller.lock_screen.switch_user_button.click()
    qtbot.waitUntil(lambda: controller.login_dialog is not None)
    log_in(qtbot, controller, "lead", LEAD_PW + "x")
    assert controller.session.username == "lead"
    assert first.closed
    assert controller.lock_screen is None
    # c1's typing was kept as a draft in the encrypted database.
    again = auth.login("c1", C1_PW + "x")
    draft = again.services.drafts.load_intake()
    again.close()
    assert draft is not None and draft.fields["name"] == "황보은결"
    actions = audit_actions(auth)
    assert ("c1", AuditAction.LOGOUT, "switched to another user") in actions


def test_too_many_wrong_unlocks_end_the_session(
    qtbot: Any, center: dict[str, Any], make_controller: Any
) -> None:
    controller = make_controller()
    log_in(qtbot, controller, "c1", C1_PW + "x")
    first = controller.session
    with qtbot.waitSignal(controller.locked, timeout=5_000):
        controller.window.lock_requested.emit()
    screen = controller.lock_screen
    for attempt in range(5):
        type_text(screen.password_edit, "틀린비밀번호123", clear=True)
        screen.unlock_button.click()
        if attempt < 4:
            qtbot.waitUntil(lambda: screen.unlock_button.isEnabled(), timeout=10_000)
            # How many tries are left before the lock, on the lock screen itself.
            assert f"{4 - attempt}번 더 틀리면" in screen.message_label.text()
    qtbot.waitUntil(lambda: controller.login_dialog is not None, timeout=10_000)
    assert controller.session is None and first.closed
    # The login says the account is locked and until when; no lock window stays behind it.
    login = controller.login_dialog
    assert "잠겼습니다" in login.message_label.text() and "풀립니다" in login.message_label.text()
    assert login.parent() is None and controller.lock_screen is None
    qtbot.waitUntil(lambda: not shiboken6.isValid(screen) or not screen.isVisible())


# --- passwords ------------------------------------------------------------------------------


def test_reset_account_must_change_its_password_first(
    qtbot: Any, auth: AuthService, center: dict[str, Any], make_controller: Any
) -> None:
    admin = auth.login("admin", ADMIN_PW)
    admin.reset_password("c1", "임시비밀번호2026")
    admin.logout()
    controller = make_controller()
    dialog = controller.login_dialog
    type_text(dialog.username_edit, "c1")
    type_text(dialog.password_edit, "임시비밀번호2026")
    dialog.login_button.click()
    qtbot.waitUntil(lambda: controller.change_password_dialog is not None, timeout=10_000)
    change = controller.change_password_dialog
    assert isinstance(change, ChangePasswordDialog)
    assert_object_names(change)
    assert controller.window is None  # nothing of the desk before the change
    type_text(change.password_form.current_password_edit, "임시비밀번호2026")
    type_text(change.password_form.new_password_edit, "임시비밀번호2026")
    type_text(change.password_form.confirm_password_edit, "임시비밀번호2026")
    change.change_button.click()
    qtbot.waitUntil(lambda: "다른 비밀번호" in change.message_label.text(), timeout=10_000)
    type_text(change.password_form.new_password_edit, "내비밀번호2026!", clear=True)
    type_text(change.password_form.confirm_password_edit, "내비밀번호2026!", clear=True)
    with qtbot.waitSignal(controller.session_started, timeout=10_000):
        change.change_button.click()
    controller.shutdown()
    auth.login("c1", "내비밀번호2026!").logout()


def test_recovery_dialog_opens_with_the_paper_key(
    qtbot: Any, auth: AuthService, center: dict[str, Any], make_controller: Any
) -> None:
    controller = make_controller()
    login = controller.login_dialog
    login.recover_button.click()
    recovery = login.findChild(RecoveryDialog)
    assert recovery is not None
    assert_object_names(recovery)
    type_text(recovery.recovery_key_edit, center["recovery_key"].replace("-", "").lower())
    type_text(recovery.username_edit, "admin")
    type_text(recovery.password_form.new_password_edit, "새관리자비번2026")
    type_text(recovery.password_form.confirm_password_edit, "새관리자비번2026")
    with qtbot.waitSignal(controller.session_started, timeout=10_000):
        recovery.recover_button.click()
    assert controller.session.role is Role.ADMIN


def test_recovery_dialog_names_a_typo(qtbot: Any, center: dict[str, Any]) -> None:
    runner = TaskRunner()
    dialog = RecoveryDialog(AuthService(Path("/nonexistent")), runner)
    runner.setParent(dialog)
    qtbot.addWidget(dialog)
    type_text(dialog.recovery_key_edit, "ㅁㅁㅁ")
    type_text(dialog.username_edit, "admin")
    type_text(dialog.password_form.new_password_edit, "새관리자비번2026")
    type_text(dialog.password_form.confirm_password_edit, "새관리자비번2026")
    dialog.recover_button.click()
    qtbot.waitUntil(lambda: "한/영" in dialog.message_label.text(), timeout=5_000)
    runner.wait()


def test_english_login_error_has_its_own_room(
    qtbot: Any, qapp: Any, center: dict[str, Any], auth: AuthService
) -> None:
    """In English the error is longer; at 1024×768 it takes its own rows and the user name
    and password boxes keep their full height."""
    from onestop_desk.domain.security.errors import InvalidCredentialsError
    from onestop_desk.ui.shell.qtapp import install_translators

    translators = install_translators(qapp, "en")
    try:
        runner = TaskRunner()
        dialog = LoginDialog(auth, runner)
        runner.setParent(dialog)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert dialog.windowTitle() != "원스톱 데스크 로그인"  # the English is installed
        dialog._on_login_failed(InvalidCredentialsError("wrong", remaining=2))
        qapp.processEvents()
        message = dialog.message_label
        assert "wrong" in message.text().lower() and "2" in message.text()
        for edit in (dialog.username_edit, dialog.password_edit):
            assert edit.height() >= edit.sizeHint().height()
        assert message.geometry().top() >= dialog.password_edit.geometry().bottom()
        assert message.height() >= message.heightForWidth(message.width())
        assert dialog.width() <= 1024 and dialog.height() <= 768
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        from PySide6.QtCore import QLocale

        QLocale.setDefault(QLocale(QLocale.Language.Korean, QLocale.Country.SouthKorea))


def test_change_password_message_goes_when_typing_again_and_focus_goes_to_the_fix(qtbot):
    from onestop_desk.ui.auth.change_password import ChangePasswordDialog

    class Session:
        def change_password(self, current: str, new: str) -> None:
            raise AssertionError("not reached: the form refuses first")

    dialog = ChangePasswordDialog(Session(), None, forced=True)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    form = dialog.password_form
    form.current_password_edit.setText("Desk-temp-2026")
    form.new_password_edit.setText("Desk-pass-2026")
    form.confirm_password_edit.setText("Desk-pass-2025")
    dialog.change_button.click()
    assert dialog.message_label.text()
    assert form.confirm_password_edit.hasFocus()
    qtbot.keyClicks(form.confirm_password_edit, "6")
    assert dialog.message_label.text() == ""
