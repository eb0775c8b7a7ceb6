"""Small pieces the account screens share: a password field and the live rule hint."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from onestop_desk.domain.security import check_password_policy
from onestop_desk.ui.auth.messages import code_text


def password_edit(parent: QWidget, name: str) -> QLineEdit:
    """A masked line edit; Qt also keeps the IME out of password fields."""
    edit = QLineEdit(parent)
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(256)
    return edit


def message_label(parent: QWidget, name: str = "message_label") -> QLabel:
    """Where a screen says what went wrong; red, wraps, empty until needed."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020;")
    return label


def password_problems(password: str, confirm: str) -> list[str]:
    """Error codes for a new password and its confirmation, in the order to show them."""
    problems = list(check_password_policy(password))
    if not problems and password != confirm:
        problems.append("password.mismatch")
    return problems


def rule_hint(password: str, confirm: str) -> str:
    """What is still wrong with a new password, for a label under the fields."""
    if not password:
        return QCoreApplication.translate(
            "AuthMessages", "8자 이상, 2종류 이상의 문자(10자 이상이면 1종류)로 정하세요."
        )
    problems = password_problems(password, confirm)
    return code_text(problems[0]) if problems else ""


def live_rule_label(
    parent: QWidget, password: QLineEdit, confirm_edit: QLineEdit, *, typed_twice: bool = True
) -> QLabel:
    """The hint under a new password and its confirmation, updated as either is typed
    (``typed_twice=False``: there is no confirmation to compare)."""
    label = QLabel(parent)
    label.setObjectName("rule_label")
    label.setWordWrap(True)

    def update() -> None:
        again = confirm_edit.text() if typed_twice else password.text()
        label.setText(rule_hint(password.text(), again))

    password.textChanged.connect(update)
    confirm_edit.textChanged.connect(update)
    update()
    return label
