"""사용자 (staff accounts) for administrators: list, add, reset a password, disable, re-enable,
change role.

``UsersPage(account, runner, settings)``: ``account`` is the administrator's session, whose
``add_user`` / ``reset_password`` / ``disable_user`` / ``set_role`` go to the user service, the
one path of account administration, which keeps the keyring (each account's copy of the data
key) in step; every change is logged by the service. A new or reset
account gets a password the administrator hands over, and must choose its own at the first
login (the session opens with ``must_change_password``).
"""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import QSettings, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from onestop_desk.domain.records import UserRecord
from onestop_desk.domain.vocab import Role
from onestop_desk.services.export import generate_passphrase
from onestop_desk.ui.auth.messages import code_text
from onestop_desk.ui.auth.password_form import PasswordForm
from onestop_desk.ui.kit.item_roles import UsernameRole
from onestop_desk.ui.kit.messages import account_error_text, role_label
from onestop_desk.ui.kit.tasks import TaskRunner
from onestop_desk.ui.kit.widgets import (
    append_row,
    ask,
    button_row,
    heading,
    make_button,
    make_error_label,
    make_table,
    resize_to_contents,
    save_header,
)

ROLES = (Role.COUNSELOR, Role.TEAM_LEAD, Role.ADMIN)


class AccountAdmin(Protocol):
    """What the page needs of the session (``AuthSession``)."""

    def list_users(self) -> list[UserRecord]: ...

    def add_user(
        self, username: str, display_name: str, role: Role, password: str, phone: str = ""
    ) -> UserRecord: ...

    def reset_password(self, username: str, new: str) -> UserRecord: ...

    def disable_user(self, username: str) -> UserRecord: ...

    def enable_user(self, username: str, new: str) -> UserRecord: ...

    def set_role(self, username: str, role: Role) -> UserRecord: ...


def initial_password() -> str:
    """``k7mq-x4fp-2b9c``: read out or written down once, then changed at the first login."""
    return generate_passphrase(groups=3)


def _role_combo(name: str, parent: QWidget) -> QComboBox:
    combo = QComboBox(parent)
    combo.setObjectName(name)
    for role in ROLES:
        combo.addItem(role_label(role), role.value)
    return combo


class UserDialog(QDialog):
    """Add an account (``user`` is ``None``) or give ``user`` a new password."""

    saved = Signal(object)  # UserRecord
    added = Signal(object)  # UserRecord of a new account (also ``saved``)

    def __init__(
        self,
        account: AccountAdmin,
        runner: TaskRunner,
        user: UserRecord | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("user_dialog")
        self._account = account
        self._runner = runner
        self._user = user
        self.setWindowTitle(self.tr("사용자 추가") if user is None else self.tr("비밀번호 재설정"))
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.username_edit = QLineEdit(user.username if user else "", self)
        self.username_edit.setObjectName("username_edit")
        self.username_edit.setReadOnly(user is not None)
        self.display_name_edit = QLineEdit(user.display_name if user else "", self)
        self.display_name_edit.setObjectName("display_name_edit")
        self.display_name_edit.setReadOnly(user is not None)
        self.role_combo = _role_combo("role_combo", self)
        self.role_combo.setEnabled(user is None)
        form.addRow(self.tr("아이디"), self.username_edit)
        form.addRow(self.tr("이름"), self.display_name_edit)
        form.addRow(self.tr("역할"), self.role_combo)
        layout.addLayout(form)
        # Generated and shown in clear, to be handed over; so it is not typed twice.
        self.password_form = PasswordForm(
            self,
            confirm=False,
            masked=False,
            new_label=self.tr("처음 비밀번호"),
            initial=initial_password(),
        )
        layout.addWidget(self.password_form)
        self.note_label = QLabel(
            self.tr(
                "이 비밀번호를 본인에게 직접 알려 주세요. 처음 로그인할 때 본인만 아는 "
                "비밀번호로 바꿔야 계속할 수 있습니다."
            ),
            self,
        )
        self.note_label.setObjectName("note_label")
        self.note_label.setWordWrap(True)
        layout.addWidget(self.note_label)
        self.error_label = make_error_label("error_label", self)
        layout.addWidget(self.error_label)
        self.save_button = make_button(self.tr("저장"), "save_button", self)
        self.save_button.setDefault(True)
        self.cancel_button = make_button(self.tr("취소"), "cancel_button", self)
        layout.addLayout(button_row(self.save_button, self.cancel_button))
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.cancel_button.clicked.connect(self.reject)

    @Slot()
    def _on_save_button_clicked(self) -> None:
        account, password = self._account, self.password_form.new_password()
        problems = self.password_form.problems()
        if problems:
            self.error_label.setText(code_text(problems[0]))
            self.error_label.show()
            return
        if self._user is None:
            username = self.username_edit.text()
            display_name = self.display_name_edit.text()
            role = Role(self.role_combo.currentData())

            def job() -> UserRecord:
                return account.add_user(username, display_name, role, password)
        elif not self._user.active:
            username = self._user.username

            def job() -> UserRecord:
                return account.enable_user(username, password)
        else:
            username = self._user.username

            def job() -> UserRecord:
                return account.reset_password(username, password)

        self.save_button.setEnabled(False)
        self._runner.run(job, self._on_saved, self._on_failed)

    def _on_saved(self, record: UserRecord) -> None:
        if self._user is None:
            self.added.emit(record)
        else:
            self.saved.emit(record)
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.error_label.setText(account_error_text(exc))
        self.error_label.show()


class UsersPage(QWidget):
    """See the module docstring."""

    loaded = Signal()
    changed = Signal(object)  # UserRecord after any change
    dialog_opened = Signal(object)  # UserDialog or the confirmation box

    def __init__(
        self,
        account: AccountAdmin,
        runner: TaskRunner,
        settings: QSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("users_page")
        self._account = account
        self._runner = runner
        self._settings = settings
        self._users: dict[str, UserRecord] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("사용자"), "title_label", self))
        self.users_table = make_table(
            "users_table",
            [self.tr("아이디"), self.tr("이름"), self.tr("역할"), self.tr("상태")],
            self,
            settings,
        )
        layout.addWidget(self.users_table, 1)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("status_label")
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)
        self.add_button = make_button(self.tr("사용자 추가…"), "add_button", self)
        self.reset_button = make_button(self.tr("비밀번호 재설정…"), "reset_button", self)
        self.disable_button = make_button(self.tr("사용 중지…"), "disable_button", self)
        self.role_combo = _role_combo("role_combo", self)
        self.role_button = make_button(self.tr("역할 바꾸기"), "role_button", self)
        layout.addLayout(
            button_row(
                self.add_button,
                self.reset_button,
                self.disable_button,
                self.role_combo,
                self.role_button,
            )
        )
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.reset_button.clicked.connect(self._on_reset_button_clicked)
        self.disable_button.clicked.connect(self._on_disable_button_clicked)
        self.role_button.clicked.connect(self._on_role_button_clicked)
        self.users_table.itemSelectionChanged.connect(self._on_users_table_selection_changed)
        self._on_users_table_selection_changed()

    def save_layout(self) -> None:
        save_header(self._settings, self.users_table)

    @Slot()
    def refresh(self) -> None:
        self._runner.run(self._account.list_users, self._on_users_loaded, self._on_failed)

    def _on_users_loaded(self, users: list[UserRecord]) -> None:
        selected = self.selected_user()
        self._users = {u.username: u for u in users}
        table = self.users_table
        table.setRowCount(0)
        for user in users:
            row = append_row(
                table,
                [
                    user.username,
                    user.display_name,
                    role_label(user.role),
                    self.tr("사용 중") if user.active else self.tr("사용 중지"),
                ],
                {UsernameRole: user.username},
            )
            if selected is not None and user.username == selected.username:
                table.selectRow(row)
        resize_to_contents(table)
        self._on_users_table_selection_changed()
        self.loaded.emit()

    def selected_user(self) -> UserRecord | None:
        item = self.users_table.item(self.users_table.currentRow(), 0)
        return self._users.get(item.data(UsernameRole)) if item is not None else None

    def select_user(self, username: str) -> None:
        for row in range(self.users_table.rowCount()):
            if self.users_table.item(row, 0).data(UsernameRole) == username:
                self.users_table.selectRow(row)
                return

    @Slot()
    def _on_users_table_selection_changed(self) -> None:
        user = self.selected_user()
        active = user is not None and user.active
        for button in (self.disable_button, self.role_button):
            button.setEnabled(active)
        # A disabled account comes back through the same dialog, with a new password.
        self.reset_button.setEnabled(user is not None)
        self.reset_button.setText(
            self.tr("비밀번호 재설정…") if user is None or active else self.tr("다시 사용…")
        )
        if user is not None:
            index = self.role_combo.findData(user.role.value)
            if index >= 0:
                self.role_combo.setCurrentIndex(index)

    def _open_dialog(self, user: UserRecord | None) -> None:
        dialog = UserDialog(self._account, self._runner, user, self)
        dialog.saved.connect(self._on_changed)
        dialog.added.connect(self._on_added)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.dialog_opened.emit(dialog)

    @Slot()
    def _on_add_button_clicked(self) -> None:
        self._open_dialog(None)

    @Slot()
    def _on_reset_button_clicked(self) -> None:
        user = self.selected_user()
        if user is not None:
            self._open_dialog(user)

    @Slot()
    def _on_disable_button_clicked(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        account, username = self._account, user.username
        box = ask(
            self,
            "disable_box",
            self.tr("사용 중지"),
            self.tr("%1(%2) 계정의 사용을 중지합니다. 이 계정으로는 더 로그인할 수 없습니다.")
            .replace("%1", user.display_name)
            .replace("%2", username),
            lambda: self._run(lambda: account.disable_user(username)),
        )
        self.dialog_opened.emit(box)

    @Slot()
    def _on_role_button_clicked(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        account, username = self._account, user.username
        role = Role(self.role_combo.currentData())
        self._run(lambda: account.set_role(username, role))

    def _run(self, job: Any) -> None:
        self.status_label.clear()
        self._runner.run(job, self._on_changed, self._on_failed)

    def _on_changed(self, record: UserRecord) -> None:
        self.status_label.setText(
            self.tr("%1 계정을 바꿨습니다(접속기록에 남았습니다).").replace("%1", record.username)
        )
        self.changed.emit(record)
        self.refresh()

    def _on_added(self, record: UserRecord) -> None:
        self.status_label.setText(
            self.tr("%1 계정을 추가했습니다(접속기록에 남았습니다).").replace("%1", record.username)
        )
        self.changed.emit(record)
        self.refresh()

    def _on_failed(self, exc: BaseException) -> None:
        self.status_label.setText(account_error_text(exc))
