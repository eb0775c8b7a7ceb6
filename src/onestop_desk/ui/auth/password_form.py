"""The one password form: setup wizard, own password change, recovery, user dialog."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QLineEdit, QSizePolicy, QVBoxLayout, QWidget

from onestop_desk.ui.auth.fields import live_rule_label, password_edit, password_problems


class PasswordForm(QWidget):
    """A new password with its confirmation and the live rule hint, and optionally the
    current password first.

    ``masked=False`` with ``confirm=False`` is the administrator's initial password for
    someone else: generated, shown in clear to be handed over, so it is not typed twice.
    :meth:`problems` gives the error codes in the order a screen shows them.
    """

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        current: bool = False,
        confirm: bool = True,
        masked: bool = True,
        new_label: str = "",
        initial: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("password_form")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        self.current_password_edit: QLineEdit | None = None
        if current:
            self.current_password_edit = password_edit(self, "current_password_edit")
            form.addRow(
                QCoreApplication.translate("PasswordForm", "현재 비밀번호"),
                self.current_password_edit,
            )
        self.new_password_edit = password_edit(self, "new_password_edit")
        if not masked:
            self.new_password_edit.setEchoMode(QLineEdit.EchoMode.Normal)
        self.new_password_edit.setText(initial)
        form.addRow(
            new_label or QCoreApplication.translate("PasswordForm", "새 비밀번호"),
            self.new_password_edit,
        )
        self.confirm_password_edit = password_edit(self, "confirm_password_edit")
        if confirm:
            form.addRow(
                QCoreApplication.translate("PasswordForm", "새 비밀번호 확인"),
                self.confirm_password_edit,
            )
        else:
            self.confirm_password_edit.hide()
        self._confirm = confirm
        outer.addLayout(form)
        self.rule_label = live_rule_label(
            self, self.new_password_edit, self.confirm_password_edit, typed_twice=confirm
        )
        outer.addWidget(self.rule_label)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def current_password(self) -> str:
        edit = self.current_password_edit
        return edit.text() if edit is not None else ""

    def new_password(self) -> str:
        return self.new_password_edit.text()

    def problems(self) -> list[str]:
        """``required`` (no current password), then the password rule, then a mismatch."""
        if self.current_password_edit is not None and not self.current_password_edit.text():
            return ["required"]
        confirm = self.confirm_password_edit.text() if self._confirm else self.new_password()
        return password_problems(self.new_password(), confirm)

    def set_read_only(self, read_only: bool) -> None:
        for edit in (
            self.current_password_edit,
            self.new_password_edit,
            self.confirm_password_edit,
        ):
            if edit is not None:
                edit.setReadOnly(read_only)
