"""Who is at the desk: setup or login, the session's window, idle lock, lock and user switch.

PIPC notice §6④ asks for a disconnect after inactivity. Locking hides *every* window of the
session (the main window and any dialog it opened, e.g. an intake form with a victim's name)
and shows a separate lock window that carries nothing but the user name. Windows are hidden,
not closed, so unlocking brings back exactly what was on screen with nothing lost. If another
user logs in from the lock screen, the first session's windows are closed the normal way (the
main window saves the intake draft on close) and the session is logged out.

Backups: an automatic backup is taken when the program closes, and whenever the
newest one is a day old: at each session start and end, and on an hourly check while the
program runs. Restoring a backup replaces the database, which only works with every
connection closed, so the controller does it, not the backup dialog: see :meth:`restore`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QMessageBox, QWidget

from onestop_desk.domain.access import Permission
from onestop_desk.domain.clock import KST
from onestop_desk.ui.auth.change_password import ChangePasswordDialog
from onestop_desk.ui.auth.gateway import AuthGateway, SessionLike
from onestop_desk.ui.auth.lock_screen import LockScreen
from onestop_desk.ui.auth.login_dialog import LoginDialog
from onestop_desk.ui.auth.setup_wizard import SetupWizard
from onestop_desk.ui.kit.tasks import TaskRunner

WindowFactory = Callable[[Any], QMainWindow]

BACKUP_CHECK_MS = 60 * 60 * 1000
"""How often a running program asks whether the daily backup is due."""

log = logging.getLogger(__name__)

_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.InputMethod,
    }
)


class IdleWatcher(QObject):
    """Emits ``idle`` after ``interval_ms`` without keyboard, mouse or touch input anywhere
    in the application (an event filter on the QApplication restarts one timer)."""

    idle = Signal()

    def __init__(self, interval_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setObjectName("idle_timer")
        self._timer.setSingleShot(True)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.idle)
        self._installed = False

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def interval(self) -> int:
        return self._timer.interval()

    def start(self) -> None:
        if not self._installed:
            app = QApplication.instance()
            if app is not None:
                app.installEventFilter(self)
                self._installed = True
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def dispose(self) -> None:
        self.stop()
        app = QApplication.instance()
        if self._installed and app is not None:
            app.removeEventFilter(self)
        self._installed = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and self._timer.isActive():
            self._timer.start()
        return False


class SessionController(QObject):
    """Runs the desk: see the module docstring.

    ``window_factory(session)`` builds the session's main window, which must have a
    ``lock_requested`` signal; its ``logout_requested`` and ``restore_requested(Path)``
    signals and ``show_message(str)`` are used when it has them. ``idle_ms`` overrides the
    idle time of the lockout policy (tests use a short one). ``finished`` is emitted when the
    program should end: the login or setup was cancelled, or the user closed the main window
    (the session is logged out).
    """

    session_started = Signal(object)
    locked = Signal()
    unlocked = Signal()
    finished = Signal()
    restore_finished = Signal(bool)  # whether the database was switched

    def __init__(
        self,
        gateway: AuthGateway,
        window_factory: WindowFactory,
        *,
        idle_ms: int | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._gateway = gateway
        self._window_factory = window_factory
        self._idle_ms = idle_ms
        self.runner = TaskRunner(self)
        # The start-up integrity check reads the whole file (seconds on a large database):
        # on its own worker, so it never holds up the desk's database jobs.
        self.checker = TaskRunner(self)
        self._health_checked = False
        self.session: Any = None
        self.window: QMainWindow | None = None
        self.lock_screen: LockScreen | None = None
        self.login_dialog: LoginDialog | None = None
        self.setup_wizard: SetupWizard | None = None
        self.change_password_dialog: ChangePasswordDialog | None = None
        self.idle = IdleWatcher(self._idle_ms or 60_000, self)
        self._hidden: list[QWidget] = []
        self._closing_window = False
        self.backup_timer = QTimer(self)
        self.backup_timer.setObjectName("backup_timer")
        self.backup_timer.setInterval(BACKUP_CHECK_MS)
        self.backup_timer.timeout.connect(self._on_backup_timer_timeout)

    @property
    def is_locked(self) -> bool:
        return self.lock_screen is not None and self.lock_screen.isVisible()

    # --- the way in -------------------------------------------------------------------------

    def start(self) -> None:
        """First run shows the setup wizard, every later start the login dialog."""
        if self._gateway.is_set_up():
            self.show_login()
        else:
            wizard = SetupWizard(self._gateway, self.runner)
            self.setup_wizard = wizard
            wizard.finished.connect(self._on_setup_wizard_finished)
            wizard.show()

    @Slot(int)
    def _on_setup_wizard_finished(self, _result: int) -> None:
        wizard = self.setup_wizard
        self.setup_wizard = None
        if wizard is None:
            return
        session = wizard.session
        server_name = wizard.server_name
        wizard.deleteLater()
        if session is not None:
            self.begin_session(session)
        elif server_name is not None:
            # This PC now uses the center server: its accounts log in here as on any PC.
            self.show_login(
                intro=self.tr("센터 서버 %1에 연결했습니다. 로그인하세요.").replace(
                    "%1", server_name
                )
            )
        else:
            self.finished.emit()

    def show_login(self, parent: QWidget | None = None, *, intro: str = "") -> LoginDialog:
        dialog = LoginDialog(self._gateway, self.runner, parent, intro=intro)
        self.login_dialog = dialog
        dialog.logged_in.connect(self._on_login_dialog_logged_in)
        dialog.rejected.connect(self._on_login_dialog_rejected)
        if parent is not None:
            dialog.open()
        else:
            dialog.show()
        return dialog

    @Slot(object)
    def _on_login_dialog_logged_in(self, session: Any) -> None:
        self.login_dialog = None
        if self.session is not None:
            # Someone else logged in at the lock screen: the first session ends here.
            self.end_session("switched to another user")
        self.begin_session(session)

    @Slot()
    def _on_login_dialog_rejected(self) -> None:
        self.login_dialog = None
        if self.session is None:
            self.finished.emit()
        # At the lock screen, cancelling the other user's login just returns to it.

    # --- the session ------------------------------------------------------------------------

    def begin_session(self, session: SessionLike) -> None:
        self.session = session
        if session.must_change_password:
            dialog = ChangePasswordDialog(session, self.runner, None, forced=True)
            self.change_password_dialog = dialog
            dialog.finished.connect(self._on_forced_change_finished)
            dialog.show()
            return
        self._open_window()

    @Slot(int)
    def _on_forced_change_finished(self, result: int) -> None:
        self.change_password_dialog = None
        if result == QDialog.DialogCode.Accepted:
            self._open_window()
        else:
            self.end_session("password change refused")
            self.show_login()

    def _open_window(self) -> None:
        session = self.session
        window = self._window_factory(session)
        self.window = window
        window.lock_requested.connect(self._on_window_lock_requested)  # type: ignore[attr-defined]
        if hasattr(window, "logout_requested"):
            window.logout_requested.connect(self._on_window_logout_requested)
        if hasattr(window, "restore_requested"):
            window.restore_requested.connect(self.restore)
        window.installEventFilter(self)
        window.show()
        self._hide_lock_screen()
        self.idle = self._new_idle()
        self.idle.start()
        self._backup_if_due()
        self.backup_timer.start()
        self._check_health_once()
        self.session_started.emit(session)

    def _new_idle(self) -> IdleWatcher:
        self.idle.dispose()
        interval = self._idle_ms
        if interval is None:
            interval = int(self._gateway.policy().idle_lock_minutes) * 60_000
        watcher = IdleWatcher(interval, self)
        watcher.idle.connect(self._on_idle_idle)
        return watcher

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # After the window handled its own close (draft saved), end the session, unless the
        # close is ours (switching users).
        closing = watched is self.window and event.type() == QEvent.Type.Close
        if closing and not self._closing_window:
            QTimer.singleShot(0, self._on_window_closed)
        return False

    @Slot()
    def _on_window_closed(self) -> None:
        if self.window is not None and not self.window.isVisible():
            self.end_session(program_closing=True)
            self.finished.emit()

    @Slot()
    def _on_window_logout_requested(self) -> None:
        self.end_session("logout")
        self.show_login()

    def end_session(self, detail: str = "", *, program_closing: bool = False) -> None:
        """Close the session's windows the normal way, back up, then log out.

        ``program_closing``: the backup is taken whatever the age of the last one (the
        "backup on close"); a logout or user switch only takes the daily one."""
        session = self.session
        self._close_windows()
        if session is not None:
            self.runner.wait()
            self._backup_on_close(session, always=program_closing)
            session.logout(detail)

    def _close_windows(self) -> None:
        """Close the session's windows (the main window saves its draft) and forget them;
        the session itself stays open."""
        self.idle.stop()
        self.backup_timer.stop()
        window = self.window
        self.window = None
        self.session = None
        for widget in self._hidden:
            if shiboken6.isValid(widget) and widget is not window:
                widget.close()
        self._hidden = []
        if window is not None and shiboken6.isValid(window):
            self._closing_window = True
            try:
                prepare = getattr(window, "prepare_to_close", None)
                if callable(prepare):
                    prepare()
                window.close()
                # The window's close queued work whose results (the saved draft) come back as
                # queued calls: let them land while their widgets still exist.
                QApplication.processEvents()
            finally:
                self._closing_window = False
            window.removeEventFilter(self)
            window.deleteLater()

    def shutdown(self) -> None:
        """At program exit: whatever session is open is backed up and logged out."""
        if self.session is not None:
            self.end_session("program closed", program_closing=True)
        self.runner.wait()
        self.checker.wait()
        self.idle.dispose()

    # --- locking ----------------------------------------------------------------------------

    @Slot()
    def _on_idle_idle(self) -> None:
        self.lock("idle")

    @Slot()
    def _on_window_lock_requested(self) -> None:
        self.lock("hotkey")

    def lock(self, reason: str = "hotkey") -> None:
        """Hide every window of the session and show the lock screen."""
        if self.session is None or self.window is None or self.is_locked:
            return
        self.idle.stop()
        session = self.session
        self.runner.run(lambda: session.record_lock(reason))
        geometry = self.window.geometry()
        maximized = self.window.isMaximized()
        screen = LockScreen(session, self.runner)
        screen.unlocked.connect(self._on_lock_screen_unlocked)
        screen.session_ended.connect(self._on_lock_screen_session_ended)
        screen.switch_user_requested.connect(self._on_lock_screen_switch_user_requested)
        self.lock_screen = screen
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        # Show first, then hide the rest: hiding the last visible window first could end the
        # program (quitOnLastWindowClosed) on some platforms.
        screen.setGeometry(geometry)
        if maximized:
            screen.showMaximized()
        else:
            screen.show()
        self._hidden = [w for w in app.topLevelWidgets() if w.isVisible() and w is not screen]
        for widget in self._hidden:
            widget.hide()
        self.locked.emit()

    def _hide_lock_screen(self) -> None:
        screen = self.lock_screen
        self.lock_screen = None
        if screen is not None:
            screen.hide()
            screen.deleteLater()

    @Slot()
    def _on_lock_screen_unlocked(self) -> None:
        for widget in self._hidden:
            if shiboken6.isValid(widget):
                widget.show()
        self._hidden = []
        if self.window is not None:
            self.window.raise_()
            self.window.activateWindow()
        self._hide_lock_screen()
        self.idle.start()
        self.unlocked.emit()

    @Slot(str)
    def _on_lock_screen_session_ended(self, message: str) -> None:
        # Locked out or disabled while away: this session may not continue. The lock window
        # goes (nothing may stay behind the login), and the login says why and until when.
        self.end_session("ended at the lock screen")
        dialog = self.show_login()
        dialog.message_label.setText(message)
        self._hide_lock_screen()  # after the login shows: never a moment with no window

    @Slot()
    def _on_lock_screen_switch_user_requested(self) -> None:
        if self.login_dialog is None and self.lock_screen is not None:
            self.show_login(self.lock_screen)

    # --- backups ----------------------------------------------------------------------------

    @staticmethod
    def _backups_of(session: Any) -> Any:
        """The file backups and start-up file check of this PC's store; ``None`` on a center
        server store (backed up on the server), which still gets the access-log check."""
        services = getattr(session, "services", None)
        return getattr(services, "backups", None)

    def _backup_if_due(self) -> None:
        backups = self._backups_of(self.session)
        if backups is not None:
            self.runner.run(backups.backup_if_due, None, self._on_backup_failed)

    @Slot()
    def _on_backup_timer_timeout(self) -> None:
        self._backup_if_due()

    def _on_backup_failed(self, exc: BaseException) -> None:
        # A failed automatic backup must not stop the work at the desk; it is said in the
        # status bar (the backup dialog shows the list, so a gap can be seen there too).
        log.warning("automatic backup failed: %s", exc)
        show = getattr(self.window, "show_message", None)
        if callable(show):
            show(self.tr("자동 백업을 만들지 못했습니다. 백업·복원 화면에서 확인해 주세요."))

    def _backup_on_close(self, session: Any, *, always: bool) -> None:
        """On the UI thread: the program is closing or the session ending, nothing waits."""
        backups = self._backups_of(session)
        if backups is None:
            return
        try:
            backups.backup_at_close() if always else backups.backup_if_due()
        except Exception as exc:  # closing goes on; the next start makes the daily one
            log.warning("backup at session end failed: %s", exc)

    # --- start-up integrity check -----------------------------------------------------------

    def _check_health_once(self) -> None:
        if self.session is None or self._health_checked:
            return
        self._health_checked = True
        backups = self._backups_of(self.session)
        if backups is not None:
            self.checker.run(backups.health, self._on_health_checked, self._on_health_failed)
        audit_log = getattr(self.session, "audit_log", None)
        if audit_log is not None:
            self.checker.run(
                audit_log.check_at_start, self._on_audit_checked, self._on_health_failed
            )

    def _on_audit_checked(self, report: Any) -> None:
        """The access log no longer ends where the keyring says: rows were erased (or lost
        with a power cut or a copy put back outside the app). Those who may read the log get
        the rows; everyone else is asked to tell an administrator."""
        if report.ok:
            return
        # Imported here: the login screen, the first thing a start shows, does not need it.
        from onestop_desk.ui.kit.messages import chain_report_text

        session = self.session
        text = self.tr("접속기록의 마지막 부분이 지워졌을 수 있습니다.")
        if session is not None and session.may(Permission.VIEW_ACCESS_LOG):
            text += "\n\n" + chain_report_text(report)
            text += "\n\n" + self.tr("접속기록 화면에서 체인 검증을 실행해 확인해 주세요.")
        else:
            text += "\n\n" + self.tr("관리자에게 바로 알려 주세요.")
        QMessageBox.warning(self.window, self.tr("접속기록 점검"), text)

    def _on_health_checked(self, report: Any) -> None:
        if report.ok:
            return
        session = self.session
        newest = report.good_backups[0] if report.good_backups else None
        text = self.tr(
            "데이터베이스 파일에 손상이 발견되었습니다. 지금까지 입력한 내용을 잃지 않도록 "
            "새 작업을 멈추고 관리자에게 알려 주세요."
        )
        if newest is None:
            text += "\n\n" + self.tr("검증된 백업이 없습니다. 관리자에게 바로 알려 주세요.")
            QMessageBox.critical(self.window, self.tr("데이터베이스 점검"), text)
            return
        when = newest.info.created_at.astimezone(KST).strftime("%Y-%m-%d %H:%M")
        if session is None or not session.may(Permission.RESTORE):
            text += "\n\n" + self.tr("가장 최근의 정상 백업: %1").replace("%1", when)
            QMessageBox.critical(self.window, self.tr("데이터베이스 점검"), text)
            return
        text += "\n\n" + self.tr(
            "가장 최근의 정상 백업(%1)으로 복원할까요? 그 뒤에 입력한 내용은 복원되지 않습니다."
        ).replace("%1", when)
        answer = QMessageBox.question(self.window, self.tr("데이터베이스 점검"), text)
        if answer == QMessageBox.StandardButton.Yes:
            self.restore(newest.info.path)

    def _on_health_failed(self, exc: BaseException) -> None:
        log.warning("start-up integrity check could not run: %s", exc)

    # --- restore ----------------------------------------------------------------------------

    @Slot(object)
    def restore(self, backup: Path) -> None:
        """Switch the database to ``backup`` (administrators; the backup dialog verified it
        and the user confirmed). The windows close (drafts saved), the session's
        ``restore`` closes the store, switches the file in, reopens it and logs the restore;
        then the same administrator continues in a new window. If the backup is refused
        before anything changed, the old session continues; if the account is missing from
        the restored file, the login is shown."""
        session = self.session
        if session is None or not session.may(Permission.RESTORE) or self.is_locked:
            return
        self._close_windows()
        self.runner.wait()
        self.checker.wait()  # the start-up check must not read the file being switched
        self.runner.run(
            lambda: session.restore(backup),
            self._on_restored,
            lambda exc: self._on_restore_failed(session, exc),
            label=self.tr("백업으로 복원하는 중입니다…"),
        )

    def _on_restored(self, result: tuple[Any, Any]) -> None:
        session, outcome = result
        self.begin_session(session)
        show = getattr(self.window, "show_message", None)
        if callable(show):
            show(
                self.tr(
                    "백업으로 복원했습니다. 복원 전 데이터베이스는 %1 파일로 보관했습니다."
                ).replace("%1", outcome.kept_copy.name)
            )
        self.restore_finished.emit(True)

    def _on_restore_failed(self, session: Any, exc: BaseException) -> None:
        # Imported here: the login screen, the first thing a start shows, does not need it.
        from onestop_desk.ui.admin.backup_dialog import backup_error_text

        if not getattr(session, "closed", False):
            # Refused before the store was closed: nothing changed, go on as before.
            self.begin_session(session)
            show = getattr(self.window, "show_message", None)
            if callable(show):
                show(backup_error_text(exc))
        else:
            log.warning("restore ended without a session: %s", exc)
            if getattr(exc, "code", "") == "auth.disabled":
                intro = self.tr(
                    "백업으로 복원했습니다. 복원한 데이터에 이 관리자 계정이 없어 "
                    "다시 로그인해야 합니다."
                )
            else:
                intro = backup_error_text(exc) + " " + self.tr("다시 로그인해 주세요.")
            self.show_login(intro=intro)
        self.restore_finished.emit(False)
