"""The access-log viewer's 내용 column speaks in words of the UI language (agency names,
status and role labels), shows a row it does not understand as stored, and keeps the stored
text in the tooltip."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale, Qt

from helpers.qt import settle
from onestop_desk.domain.vocab import AuditAction, Role
from onestop_desk.ui.admin.audit_page import AuditEventModel
from onestop_desk.ui.shell.main_window import MainWindow
from ui.admin.test_admin import admin_window, auth

__all__ = ["admin_window", "auth"]  # fixtures used by the tests below

STATUS = "referral R2026-000002 -> sent"
CONSENT = "consent legal_aid [identity]"
STATS = "statistics 2026-01-01..2026-01-31 csv"
LEGACY = "something an older version wrote"


def _details(page: Any) -> dict[str, str]:
    """Stored detail -> what the viewer shows for it."""
    model = page.model
    shown = {}
    for row in range(model.rowCount()):
        event = model.record(row)
        shown[event.detail] = model.index(row, AuditEventModel.DETAIL).data()
    return shown


def _load(qtbot: Any, window: MainWindow) -> dict[str, str]:
    page = window.audit_page
    assert page is not None
    window.show_page(page)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.ui.search_button.click()
    return _details(page)


def test_details_read_as_sentences_in_korean_and_english(
    qtbot: Any, qapp: Any, admin_window: MainWindow
) -> None:
    session = admin_window.session  # type: ignore[attr-defined]
    session.add_user("kim", "김상담", Role.COUNSELOR, "first-pass-2026")
    for action, detail in (
        (AuditAction.UPDATE, STATUS),
        (AuditAction.CREATE, CONSENT),
        (AuditAction.EXPORT, STATS),
        (AuditAction.UPDATE, LEGACY),
    ):
        session.record_event(action, case_number="C2026-000001", detail=detail)
    settle(qtbot, admin_window)

    shown = _load(qtbot, admin_window)
    assert shown[STATUS] == "연계 의뢰 R2026-000002의 상태를 바꿨습니다: 발송"
    assert shown[CONSENT] == "대한법률구조공단에 대한 정보 제공 동의를 기록했습니다 (인적사항)."
    assert shown[STATS] == "2026-01-01 ~ 2026-01-31 통계를 CSV 파일로 내보냈습니다."
    assert shown["user kim created with role counselor"] == (
        "계정 kim을(를) 만들었습니다 (역할: 상담원)."
    )
    assert shown[LEGACY] == LEGACY
    assert not any("->" in text or "legal_aid" in text for text in shown.values())
    page = admin_window.audit_page
    assert page is not None
    row = next(r for r in range(page.model.rowCount()) if page.model.record(r).detail == STATUS)
    tooltip = page.model.index(row, AuditEventModel.DETAIL).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip.endswith(STATUS)  # the row as the chain covers it

    from onestop_desk.ui.shell.qtapp import install_translators

    translators = install_translators(qapp, "en")
    try:
        shown = _load(qtbot, admin_window)
        assert shown[STATUS] == "Referral R2026-000002 set to: Sent"
        assert shown[CONSENT] == (
            "Consent to share with Korea Legal Aid Corporation recorded (Identity)."
        )
        assert shown[STATS] == "Statistics 2026-01-01 to 2026-01-31 exported as a CSV file."
        assert shown["user kim created with role counselor"] == (
            "Account kim created (role: Counselor)."
        )
        assert shown[LEGACY] == LEGACY
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        QLocale.setDefault(QLocale(QLocale.Language.Korean, QLocale.Country.SouthKorea))
