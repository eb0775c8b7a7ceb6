"""The main window's menu bar: which actions exist for the account, and where they sit.

Layout only: :class:`MainMenus` makes the actions (each named like its attribute) and the
menus; the window connects them to its slots. An action the account may not use (``may``,
the services' permission question) is not made at all (``None``), so no menu item leads to a
refusal.

Menu mnemonics stay clear of the letters the pages' buttons use (전화상담's 저장(&S), for
one): a menu title's Alt+letter wins over a button's, so the settings menu is 설정(&T).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow

from onestop_desk.domain.access import Permission

LANGUAGES = (("ko", "한국어"), ("en", "English"))
"""Each language in its own words: whoever reads the menu can find theirs."""


def _action(window: QMainWindow, name: str, text: str, shortcut: object = None) -> QAction:
    action = QAction(text, window)
    action.setObjectName(name)
    if shortcut is not None:
        action.setShortcut(shortcut)  # type: ignore[arg-type]
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    return action


class MainMenus:
    def __init__(
        self,
        window: QMainWindow,
        *,
        may: Callable[[Permission], bool],
        has_account: bool,
        has_backups: bool,
        language: str,
    ) -> None:
        bar = window.menuBar()
        works_on_cases = may(Permission.WORK_ON_CASES)

        self.file_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "파일(&F)"))
        self.file_menu.setObjectName("file_menu")
        self.backup_action = None
        if has_backups and may(Permission.BACK_UP):
            self.backup_action = _action(
                window, "backup_action", QCoreApplication.translate("MainWindow", "백업·복원…")
            )
            self.file_menu.addAction(self.backup_action)
        self.close_action = _action(
            window,
            "close_action",
            QCoreApplication.translate("MainWindow", "끝내기"),
            QKeySequence(QKeySequence.StandardKey.Quit),
        )
        self.file_menu.addAction(self.close_action)

        self.new_case_action = _action(
            window,
            "new_case_action",
            QCoreApplication.translate("MainWindow", "새 방문 접수"),
            QKeySequence.StandardKey.New,
        )
        self.search_action = _action(
            window,
            "search_action",
            QCoreApplication.translate("MainWindow", "사례 찾기"),
            QKeySequence.StandardKey.Find,
        )
        self.print_packet_action = _action(
            window,
            "print_packet_action",
            QCoreApplication.translate("MainWindow", "안내문·의뢰서 인쇄"),
            QKeySequence.StandardKey.Print,
        )
        self.print_packet_action.setEnabled(False)
        self.export_action = _action(
            window, "export_action", QCoreApplication.translate("MainWindow", "USB로 내보내기…")
        )
        self.case_menu = None
        if works_on_cases:
            self.case_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "사례(&C)"))
            self.case_menu.setObjectName("case_menu")
            for action in (
                self.new_case_action,
                self.search_action,
                self.print_packet_action,
                self.export_action,
            ):
                self.case_menu.addAction(action)

        self.account_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "계정(&A)"))
        self.account_menu.setObjectName("account_menu")
        self.change_password_action = None
        if has_account:
            self.change_password_action = _action(
                window,
                "change_password_action",
                QCoreApplication.translate("MainWindow", "비밀번호 변경…"),
            )
            self.account_menu.addAction(self.change_password_action)
        self.lock_action = _action(
            window,
            "lock_action",
            QCoreApplication.translate("MainWindow", "잠그기"),
            QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_L),
        )
        self.logout_action = _action(
            window, "logout_action", QCoreApplication.translate("MainWindow", "로그아웃")
        )
        self.account_menu.addAction(self.lock_action)
        self.account_menu.addAction(self.logout_action)

        self.settings_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "설정(&T)"))
        self.settings_menu.setObjectName("settings_menu")
        self.language_menu = self.settings_menu.addMenu(
            QCoreApplication.translate("MainWindow", "언어")
        )
        self.language_menu.setObjectName("language_menu")
        self.language_group = QActionGroup(window)
        self.language_group.setObjectName("language_group")
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGES:
            action = _action(window, f"language_{code}_action", name)
            action.setCheckable(True)
            action.setChecked(code == language)
            action.setData(code)
            self.language_group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action
        self.center_action = None
        if may(Permission.EDIT_CENTER):
            self.center_action = _action(
                window, "center_action", QCoreApplication.translate("MainWindow", "센터 정보…")
            )
            self.settings_menu.addAction(self.center_action)

        self.help_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "도움말(&H)"))
        self.help_menu.setObjectName("help_menu")
        self.about_action = _action(
            window, "about_action", QCoreApplication.translate("MainWindow", "정보…")
        )
        self.help_menu.addAction(self.about_action)
