"""The lock screen: shown instead of every window of a session until its user returns."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from onestop_desk.ui.auth.fields import message_label, password_edit
from onestop_desk.ui.auth.gateway import SessionLike
from onestop_desk.ui.auth.messages import error_text
from onestop_desk.ui.kit.tasks import TaskRunner

# Codes after which this session cannot continue: the account locked itself out here, or an
# administrator disabled it meanwhile.
_SESSION_ENDING = frozenset({"auth.locked", "auth.disabled"})


class LockScreen(QWidget):
    """A top-level window with nothing of the session on it but the user's name.

    ``unlocked`` when the same user's password is right; ``session_ended(message)`` when this
    session may not continue (too many failures, account disabled), with the sentence that
    says why and until when, for the login window that follows; ``switch_user_requested``
    when someone else wants the PC, which ends this session after a new login succeeds.
    """

    unlocked = Signal()
    session_ended = Signal(str)
    switch_user_requested = Signal()

    def __init__(self, session: SessionLike, runner: TaskRunner) -> None:
        super().__init__(None)
        self.setObjectName("lock_screen")
        self._session = session
        self._runner = runner
        self._busy = False
        self.setWindowTitle(self.tr("원스톱 데스크 - 화면 잠김"))
        self.setMinimumSize(480, 360)

        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.panel = QFrame(self)
        self.panel.setObjectName("panel")
        self.panel.setFixedWidth(400)
        self.panel.setStyleSheet(
            "QFrame#panel { background: #f3f5f7; border: 1px solid #dde1e5; border-radius: 6px; }"
        )
        row.addWidget(self.panel)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

        layout = QVBoxLayout(self.panel)
        layout.setContentsMargins(24, 20, 24, 20)
        self.title_label = QLabel(self.tr("화면이 잠겨 있습니다"), self.panel)
        self.title_label.setObjectName("title_label")
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title_label.setFont(font)
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.title_label)
        self.user_label = QLabel(
            self.tr("%1 님이 비밀번호를 입력하면 작업하던 화면으로 돌아갑니다.").replace(
                "%1", session.username
            ),
            self.panel,
        )
        self.user_label.setObjectName("user_label")
        self.user_label.setWordWrap(True)
        layout.addWidget(self.user_label)
        self.password_edit = password_edit(self.panel, "password_edit")
        layout.addWidget(self.password_edit)
        self.message_label = message_label(self.panel)
        layout.addWidget(self.message_label)
        buttons = QHBoxLayout()
        self.switch_user_button = QPushButton(self.tr("다른 사용자로 로그인"), self.panel)
        self.switch_user_button.setObjectName("switch_user_button")
        self.unlock_button = QPushButton(self.tr("잠금 해제"), self.panel)
        self.unlock_button.setObjectName("unlock_button")
        self.unlock_button.setDefault(True)
        buttons.addWidget(self.switch_user_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        layout.addLayout(buttons)

        self.unlock_button.clicked.connect(self._on_unlock_button_clicked)
        self.password_edit.returnPressed.connect(self._on_unlock_button_clicked)
        self.switch_user_button.clicked.connect(self.switch_user_requested)

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        self.password_edit.clear()
        self.password_edit.setFocus()

    @Slot()
    def _on_unlock_button_clicked(self) -> None:
        password = self.password_edit.text()
        if self._busy or not password:
            return
        self._busy = True
        self.unlock_button.setEnabled(False)
        self._runner.run(
            lambda: self._session.unlock(password),
            self._on_unlock_succeeded,
            self._on_unlock_failed,
        )

    def _on_unlock_succeeded(self, _result: object) -> None:
        self._busy = False
        self.unlock_button.setEnabled(True)
        self.message_label.clear()
        self.password_edit.clear()
        self.unlocked.emit()

    def _on_unlock_failed(self, exc: BaseException) -> None:
        self._busy = False
        self.unlock_button.setEnabled(True)
        self.password_edit.clear()
        message = error_text(exc)
        self.message_label.setText(message)
        code = str(getattr(exc, "code", ""))
        if code in _SESSION_ENDING:
            self.unlock_button.setEnabled(False)
            self.session_ended.emit(message)
