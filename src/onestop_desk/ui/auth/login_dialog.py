"""The login dialog, and the recovery-key dialog reached from it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from onestop_desk.ui.auth.fields import message_label, password_edit
from onestop_desk.ui.auth.gateway import AuthGateway
from onestop_desk.ui.auth.messages import code_text, error_text
from onestop_desk.ui.auth.password_form import PasswordForm
from onestop_desk.ui.kit.tasks import TaskRunner


def _ask(gateway: Any, name: str) -> Any:
    """A center-server question of the account service; ``None`` where the gateway has no
    such question (a folder on this PC only)."""
    method = getattr(gateway, name, None)
    return method() if callable(method) else None


class LoginDialog(QDialog):
    """User name and password; on success ``logged_in`` carries the new session.

    The check (key derivation, opening the database) takes a few tenths of a second, so it
    runs on the task runner and the buttons are disabled meanwhile; the dialog cannot be
    closed while a login is in flight, so no opened session is ever dropped on the floor.
    """

    logged_in = Signal(object)

    def __init__(
        self,
        gateway: AuthGateway,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        intro: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("login_dialog")
        self._gateway = gateway
        self._runner = runner
        self._busy = False
        self.session: Any = None
        self.setWindowTitle(self.tr("원스톱 데스크 로그인"))
        self.setMinimumWidth(420)

        layout = QVBoxLayout(self)
        self.intro_label = QLabel(intro or self.tr("원스톱 데스크에 로그인하세요."), self)
        self.intro_label.setObjectName("intro_label")
        self.intro_label.setWordWrap(True)
        layout.addWidget(self.intro_label)
        form = QFormLayout()
        self.username_edit = QLineEdit(self)
        self.username_edit.setObjectName("username_edit")
        self.username_edit.setMaxLength(64)
        self.password_edit = password_edit(self, "password_edit")
        form.addRow(self.tr("사용자 이름"), self.username_edit)
        form.addRow(self.tr("비밀번호"), self.password_edit)
        # A folder on the center server needs the database role's password once per program
        # start (never saved on the PC); the field is there only until it was given.
        self.server_label = QLabel(self)
        self.server_label.setObjectName("server_label")
        self.server_label.setWordWrap(True)
        self.server_password_edit = password_edit(self, "server_password_edit")
        server_name = _ask(gateway, "server_name")
        self._asks_server_password = bool(_ask(gateway, "needs_server_password"))
        if server_name:
            self.server_label.setText(self.tr("센터 서버: %1").replace("%1", str(server_name)))
            layout.addWidget(self.server_label)
        else:
            self.server_label.hide()
        if self._asks_server_password:
            form.addRow(self.tr("서버 계정 비밀번호"), self.server_password_edit)
        else:
            self.server_password_edit.hide()
        layout.addLayout(form)
        # Its own row with room for three lines from the start, and a dialog that may not
        # shrink below its contents: a long (English) error grows the dialog instead of
        # squeezing the user name and password boxes.
        self.message_label = message_label(self)
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.message_label.setMinimumHeight(self.message_label.fontMetrics().lineSpacing() * 3)
        layout.addWidget(self.message_label)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        buttons = QHBoxLayout()
        self.recover_button = QPushButton(self.tr("복구 키로 열기…"), self)
        self.recover_button.setObjectName("recover_button")
        self.cancel_button = QPushButton(self.tr("닫기"), self)
        self.cancel_button.setObjectName("cancel_button")
        self.login_button = QPushButton(self.tr("로그인"), self)
        self.login_button.setObjectName("login_button")
        self.login_button.setDefault(True)
        buttons.addWidget(self.recover_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.login_button)
        layout.addLayout(buttons)

        self.login_button.clicked.connect(self._on_login_button_clicked)
        self.cancel_button.clicked.connect(self.reject)
        self.recover_button.clicked.connect(self._on_recover_button_clicked)
        self.username_edit.returnPressed.connect(self.password_edit.setFocus)
        self.password_edit.returnPressed.connect(self._on_login_button_clicked)
        self.username_edit.setFocus()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (
            self.login_button,
            self.cancel_button,
            self.recover_button,
            self.username_edit,
            self.password_edit,
            self.server_password_edit,
        ):
            widget.setEnabled(not busy)
        if busy:
            self.message_label.setText(self.tr("확인하는 중…"))

    def reject(self) -> None:
        if not self._busy:
            super().reject()

    @Slot()
    def _on_login_button_clicked(self) -> None:
        if self._busy:
            return
        username = self.username_edit.text().strip()
        password = self.password_edit.text()
        if not username or not password:
            self.message_label.setText(self.tr("사용자 이름과 비밀번호를 입력하세요."))
            return
        server_password = self.server_password_edit.text()
        if self._asks_server_password and not server_password:
            self.message_label.setText(self.tr("센터 서버 계정의 비밀번호를 입력하세요."))
            self.server_password_edit.setFocus()
            return
        gateway = self._gateway
        asks_server_password = self._asks_server_password

        def login() -> Any:
            if asks_server_password:
                gateway.connect_with(server_password)
            return gateway.login(username, password)

        self._set_busy(True)
        self._runner.run(login, self._on_login_succeeded, self._on_login_failed)

    def _on_login_succeeded(self, session: Any) -> None:
        self._set_busy(False)
        self.password_edit.clear()
        self.server_password_edit.clear()
        self.message_label.clear()
        self._finish(session)

    def _on_login_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.message_label.setText(error_text(exc))
        if getattr(exc, "code", "") == "store.server_login":
            self.server_password_edit.clear()
            self.server_password_edit.setFocus()
            return
        self.password_edit.clear()
        self.password_edit.setFocus()

    def _finish(self, session: Any) -> None:
        self.session = session
        self.logged_in.emit(session)
        self.accept()

    @Slot()
    def _on_recover_button_clicked(self) -> None:
        dialog = RecoveryDialog(self._gateway, self._runner, self)
        dialog.recovered.connect(self._finish)
        dialog.open()


class RecoveryDialog(QDialog):
    """The paper recovery key plus a new password for an administrator account."""

    recovered = Signal(object)

    def __init__(self, gateway: AuthGateway, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("recovery_dialog")
        self._gateway = gateway
        self._runner = runner
        self._busy = False
        self.setWindowTitle(self.tr("복구 키로 열기"))
        self.setMinimumWidth(460)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        layout = QVBoxLayout(self)
        self.intro_label = QLabel(
            self.tr(
                "금고에 보관한 복구 키 용지의 30글자를 입력하고, 관리자 계정의 새 비밀번호를 "
                "정하세요. 이 작업은 접속기록에 남습니다."
            ),
            self,
        )
        self.intro_label.setObjectName("intro_label")
        self.intro_label.setWordWrap(True)
        layout.addWidget(self.intro_label)
        form = QFormLayout()
        self.recovery_key_edit = QLineEdit(self)
        self.recovery_key_edit.setObjectName("recovery_key_edit")
        self.recovery_key_edit.setPlaceholderText("XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX")
        self.username_edit = QLineEdit(self)
        self.username_edit.setObjectName("username_edit")
        form.addRow(self.tr("복구 키"), self.recovery_key_edit)
        form.addRow(self.tr("관리자 사용자 이름"), self.username_edit)
        layout.addLayout(form)
        self.password_form = PasswordForm(self)
        layout.addWidget(self.password_form)
        self.message_label = message_label(self)
        layout.addWidget(self.message_label)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel_button = QPushButton(self.tr("취소"), self)
        self.cancel_button.setObjectName("cancel_button")
        self.recover_button = QPushButton(self.tr("열기"), self)
        self.recover_button.setObjectName("recover_button")
        self.recover_button.setDefault(True)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.recover_button)
        layout.addLayout(buttons)

        self.cancel_button.clicked.connect(self.reject)
        self.recover_button.clicked.connect(self._on_recover_button_clicked)

    def reject(self) -> None:
        if not self._busy:
            super().reject()

    @Slot()
    def _on_recover_button_clicked(self) -> None:
        if self._busy:
            return
        key = self.recovery_key_edit.text()
        username = self.username_edit.text().strip()
        password = self.password_form.new_password()
        problems = self.password_form.problems()
        if not username:
            self.message_label.setText(code_text("required"))
            return
        if problems:
            self.message_label.setText(code_text(problems[0]))
            return
        self._busy = True
        self.recover_button.setEnabled(False)
        self.cancel_button.setEnabled(False)
        self.message_label.setText(self.tr("확인하는 중…"))
        self._runner.run(
            lambda: self._gateway.recover(key, username, password),
            self._on_recover_succeeded,
            self._on_recover_failed,
        )

    def _on_recover_succeeded(self, session: Any) -> None:
        self._busy = False
        self.recovered.emit(session)
        self.accept()

    def _on_recover_failed(self, exc: BaseException) -> None:
        self._busy = False
        self.recover_button.setEnabled(True)
        self.cancel_button.setEnabled(True)
        self.message_label.setText(error_text(exc))
