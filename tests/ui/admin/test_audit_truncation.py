"""The desk tells people when the access log lost its newest rows: at the start of a session,
and in the audit page's verification, naming the rows."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QMessageBox
from sqlalchemy import text

from helpers.korean_typing import type_text
from helpers.qt import settle
from onestop_desk.domain.vocab import Role
from onestop_desk.services.auth import AuthService
from onestop_desk.ui.auth import SessionController
from onestop_desk.ui.shell.main_window import MainWindow
from ui.admin.test_admin import ADMIN_PW, admin_window, auth, controller

__all__ = ["admin_window", "auth", "controller"]  # fixtures used by the tests below

USER_PW = "상담원비번2026"


def _cut_the_end(auth: AuthService, rows: int) -> tuple[int, int]:
    """Erase the newest ``rows`` rows, as someone with the database open would."""
    session = auth.login("admin", ADMIN_PW)
    with session.store.engine.begin() as conn:
        last = int(conn.execute(text("SELECT max(seq) FROM audit_events")).scalar_one())
        conn.execute(text("DELETE FROM audit_events WHERE seq > :s"), {"s": last - rows})
    session.close()
    return last - rows + 1, last


def _log_in(qtbot: Any, controller: SessionController, username: str, password: str) -> None:
    dialog = controller.login_dialog
    assert dialog is not None
    type_text(dialog.username_edit, username)
    type_text(dialog.password_edit, password)
    with qtbot.waitSignal(controller.session_started, timeout=10_000):
        dialog.login_button.click()
    qtbot.waitUntil(lambda: controller.runner.idle and controller.checker.idle, timeout=10_000)


def test_an_administrator_is_told_at_start_which_rows_are_gone(
    qtbot: Any, auth: AuthService, controller: SessionController, monkeypatch: Any
) -> None:
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, message: warned.append(message))
    first, last = _cut_the_end(auth, 2)
    _log_in(qtbot, controller, "admin", ADMIN_PW)
    assert len(warned) == 1
    assert f"접속기록 {first}~{last}번이 없습니다" in warned[0]


def test_a_counselor_is_asked_to_tell_an_administrator(
    qtbot: Any, auth: AuthService, controller: SessionController, monkeypatch: Any
) -> None:
    admin = auth.login("admin", ADMIN_PW)
    admin.add_user("c1", "이상담", Role.COUNSELOR, "first-pass-2026")
    admin.logout()
    counselor = auth.login("c1", "first-pass-2026")
    counselor.change_password("first-pass-2026", USER_PW)
    counselor.logout()
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, message: warned.append(message))
    _cut_the_end(auth, 1)
    _log_in(qtbot, controller, "c1", USER_PW)
    assert len(warned) == 1
    assert "관리자에게" in warned[0] and "번이 없습니다" not in warned[0]


def test_an_intact_log_starts_without_a_word(
    qtbot: Any, controller: SessionController, monkeypatch: Any
) -> None:
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, message: warned.append(message))
    _log_in(qtbot, controller, "admin", ADMIN_PW)
    assert warned == []


def test_the_audit_page_names_the_missing_rows(
    qtbot: Any, auth: AuthService, admin_window: MainWindow
) -> None:
    session = admin_window.session  # type: ignore[attr-defined]
    with session.store.engine.begin() as conn:
        last = int(conn.execute(text("SELECT max(seq) FROM audit_events")).scalar_one())
        conn.execute(text("DELETE FROM audit_events WHERE seq >= :s"), {"s": last - 1})
    page = admin_window.audit_page
    admin_window.show_page(page)
    settle(qtbot, admin_window)
    with qtbot.waitSignal(page.verified, timeout=10_000) as verified:
        page.ui.verify_button.click()
    report = verified.args[0]
    assert (report.reason, report.missing) == ("audit.head_mismatch", (last - 1, last))
    assert page.ui.verify_label.text().startswith(f"접속기록 {last - 1}~{last}번이 없습니다")
