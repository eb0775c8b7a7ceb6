"""Changing one's own password (and the forced change after an administrator's reset)."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from onestop_desk.ui.auth.fields import message_label
from onestop_desk.ui.auth.gateway import SessionLike
from onestop_desk.ui.auth.messages import code_text, error_text
from onestop_desk.ui.auth.password_form import PasswordForm
from onestop_desk.ui.kit.tasks import TaskRunner


class ChangePasswordDialog(QDialog):
    """Current password, new one twice. ``forced`` is for an account whose password an
    administrator set: it may not skip the change, only log out (the dialog is rejected)."""

    def __init__(
        self,
        session: SessionLike,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        forced: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("change_password_dialog")
        self._session = session
        self._runner = runner
        self._busy = False
        self.setWindowTitle(self.tr("비밀번호 변경"))
        self.setMinimumWidth(420)

        layout = QVBoxLayout(self)
        intro = (
            self.tr(
                "관리자가 정해 준 비밀번호입니다. 본인만 아는 비밀번호로 바꿔야 계속할 수 있습니다."
            )
            if forced
            else self.tr("새 비밀번호는 지금 쓰는 비밀번호와 달라야 합니다.")
        )
        self.intro_label = QLabel(intro, self)
        self.intro_label.setObjectName("intro_label")
        self.intro_label.setWordWrap(True)
        layout.addWidget(self.intro_label)
        self.password_form = PasswordForm(self, current=True)
        layout.addWidget(self.password_form)
        self.message_label = message_label(self)
        layout.addWidget(self.message_label)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel_button = QPushButton(self.tr("로그아웃") if forced else self.tr("취소"), self)
        self.cancel_button.setObjectName("cancel_button")
        self.change_button = QPushButton(self.tr("변경"), self)
        self.change_button.setObjectName("change_button")
        self.change_button.setDefault(True)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.change_button)
        layout.addLayout(buttons)

        self.cancel_button.clicked.connect(self.reject)
        self.change_button.clicked.connect(self._on_change_button_clicked)

    def reject(self) -> None:
        if not self._busy:
            super().reject()

    @Slot()
    def _on_change_button_clicked(self) -> None:
        if self._busy:
            return
        current = self.password_form.current_password()
        new = self.password_form.new_password()
        problems = self.password_form.problems()
        if problems:
            self.message_label.setText(code_text(problems[0]))
            return
        self._busy = True
        self.change_button.setEnabled(False)
        self.cancel_button.setEnabled(False)
        self._runner.run(
            lambda: self._session.change_password(current, new),
            self._on_change_succeeded,
            self._on_change_failed,
        )

    def _on_change_succeeded(self, _result: object) -> None:
        self._busy = False
        self.accept()

    def _on_change_failed(self, exc: BaseException) -> None:
        self._busy = False
        self.change_button.setEnabled(True)
        self.cancel_button.setEnabled(True)
        self.message_label.setText(error_text(exc))
