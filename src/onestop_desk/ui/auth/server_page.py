"""The first-run wizard's first choice, and the page that joins this PC to a center server.

"이 PC만 사용" goes on to create a center in this PC's encrypted store (the pages after it).
"센터 서버에 연결" asks for the server (host, port, database, the database role and its
password, the center's CA certificate file), offers a connection test that names what is
wrong in words, and on 마침 saves the connection exactly as ``onestop-desk-admin server
connect`` does (the same service function), after which the login follows. Creating the
center on the server is an administrator's command-line job (``server init``: the recovery
key is printed once, on the administrator's machine), so a server without a center is
reported, not set up from a counselor's PC.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from onestop_desk.ui.auth.fields import message_label, password_edit
from onestop_desk.ui.auth.messages import error_text
from onestop_desk.ui.kit.tasks import TaskRunner

translate = QCoreApplication.translate

DEFAULT_PORT = 5432


class Ui_StorePage:
    def setup_ui(self, page: QWizardPage) -> None:
        page.setObjectName("store_page")
        page.setTitle(translate("StorePage", "원스톱 데스크를 처음 설정합니다"))
        page.setSubTitle(translate("StorePage", "이 PC의 자료를 어디에 둘지 고르세요."))
        layout = QVBoxLayout(page)
        self.local_radio = QRadioButton(translate("StorePage", "이 PC만 사용"), page)
        self.local_radio.setObjectName("local_radio")
        self.local_radio.setChecked(True)
        layout.addWidget(self.local_radio)
        self.local_label = QLabel(
            translate(
                "StorePage",
                "이 PC에 암호화된 저장소를 만들고 센터와 첫 관리자를 정합니다. 설치할 것이 "
                "없습니다.",
            ),
            page,
        )
        self.local_label.setObjectName("local_label")
        self.local_label.setWordWrap(True)
        self.local_label.setIndent(24)
        layout.addWidget(self.local_label)
        self.server_radio = QRadioButton(translate("StorePage", "센터 서버에 연결"), page)
        self.server_radio.setObjectName("server_radio")
        layout.addWidget(self.server_radio)
        self.server_label = QLabel(
            translate(
                "StorePage",
                "센터의 모든 PC가 하나의 서버를 함께 씁니다. 관리자가 서버를 준비하고 "
                "주소와 CA 인증서 파일을 알려 줍니다.",
            ),
            page,
        )
        self.server_label.setObjectName("server_label")
        self.server_label.setWordWrap(True)
        self.server_label.setIndent(24)
        layout.addWidget(self.server_label)
        self.choice_group = QButtonGroup(page)
        self.choice_group.addButton(self.local_radio)
        self.choice_group.addButton(self.server_radio)
        layout.addStretch(1)


class StorePage(QWizardPage):
    """Which store this data folder uses; the wizard's ``nextId`` follows the choice."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_StorePage()
        self.ui.setup_ui(self)

    def wants_server(self) -> bool:
        return self.ui.server_radio.isChecked()


class Ui_ServerPage:
    def setup_ui(self, page: QWizardPage) -> None:
        page.setObjectName("server_page")
        page.setTitle(translate("ServerPage", "센터 서버에 연결"))
        page.setSubTitle(
            translate(
                "ServerPage",
                "관리자에게 받은 서버 주소, 데이터베이스, 계정과 센터 CA 인증서 파일을 "
                "입력하세요. 연결은 항상 암호화되고 서버의 인증서를 확인합니다.",
            )
        )
        layout = QVBoxLayout(page)
        form = QFormLayout()
        self.host_edit = QLineEdit(page)
        self.host_edit.setObjectName("host_edit")
        self.host_edit.setMaxLength(253)
        self.host_edit.setPlaceholderText(translate("ServerPage", "예: desk-server.center.local"))
        form.addRow(translate("ServerPage", "서버 주소"), self.host_edit)
        self.port_spin = QSpinBox(page)
        self.port_spin.setObjectName("port_spin")
        self.port_spin.setRange(1, 65535)
        self.port_spin.setValue(DEFAULT_PORT)
        form.addRow(translate("ServerPage", "포트"), self.port_spin)
        self.database_edit = QLineEdit(page)
        self.database_edit.setObjectName("database_edit")
        self.database_edit.setMaxLength(63)
        self.database_edit.setText("onestop")
        form.addRow(translate("ServerPage", "데이터베이스"), self.database_edit)
        self.role_edit = QLineEdit(page)
        self.role_edit.setObjectName("role_edit")
        self.role_edit.setMaxLength(63)
        form.addRow(translate("ServerPage", "데이터베이스 계정"), self.role_edit)
        self.server_password_edit = password_edit(page, "server_password_edit")
        form.addRow(translate("ServerPage", "계정 비밀번호"), self.server_password_edit)
        ca_row = QHBoxLayout()
        self.ca_file_edit = QLineEdit(page)
        self.ca_file_edit.setObjectName("ca_file_edit")
        self.ca_browse_button = QPushButton(translate("ServerPage", "찾아보기…"), page)
        self.ca_browse_button.setObjectName("ca_browse_button")
        ca_row.addWidget(self.ca_file_edit, 1)
        ca_row.addWidget(self.ca_browse_button)
        form.addRow(translate("ServerPage", "센터 CA 인증서"), ca_row)
        layout.addLayout(form)
        self.password_hint_label = QLabel(
            translate(
                "ServerPage",
                "계정 비밀번호는 이 PC에 저장하지 않습니다. 프로그램을 시작할 때마다 로그인 "
                "화면에서 한 번 묻습니다.",
            ),
            page,
        )
        self.password_hint_label.setObjectName("password_hint_label")
        self.password_hint_label.setWordWrap(True)
        layout.addWidget(self.password_hint_label)
        test_row = QHBoxLayout()
        self.test_button = QPushButton(translate("ServerPage", "연결 시험"), page)
        self.test_button.setObjectName("test_button")
        test_row.addWidget(self.test_button)
        test_row.addStretch(1)
        layout.addLayout(test_row)
        self.result_label = QLabel(page)
        self.result_label.setObjectName("result_label")
        self.result_label.setWordWrap(True)
        layout.addWidget(self.result_label)
        self.message_label = message_label(page)
        layout.addWidget(self.message_label)
        layout.addStretch(1)


class ServerPage(QWizardPage):
    """The center server's connection: tested on 연결 시험, saved on 마침 (both on the task
    runner, never on the UI thread). ``server_name`` is set once the folder is connected."""

    def __init__(self, gateway: Any, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ServerPage()
        self.ui.setup_ui(self)
        self._gateway = gateway
        self._runner = runner
        self.busy = False
        self.server_name: str | None = None
        for edit in (
            self.ui.host_edit,
            self.ui.database_edit,
            self.ui.role_edit,
            self.ui.server_password_edit,
            self.ui.ca_file_edit,
        ):
            edit.textChanged.connect(self._on_field_changed)
        self.ui.port_spin.valueChanged.connect(self._on_field_changed)
        self.ui.ca_browse_button.clicked.connect(self._on_ca_browse_button_clicked)
        self.ui.test_button.clicked.connect(self._on_test_button_clicked)
        self._on_field_changed()

    def connection(self) -> dict[str, Any]:
        """What the service functions take (the password too: kept in memory only)."""
        return {
            "host": self.ui.host_edit.text().strip(),
            "port": self.ui.port_spin.value(),
            "database": self.ui.database_edit.text().strip(),
            "role": self.ui.role_edit.text().strip(),
            "ca_file": self.ui.ca_file_edit.text().strip(),
            "password": self.ui.server_password_edit.text(),
        }

    def isComplete(self) -> bool:
        return not self.busy and all(
            self.connection()[key] for key in ("host", "database", "role", "ca_file", "password")
        )

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self.busy = busy
        for widget in (
            self.ui.host_edit,
            self.ui.port_spin,
            self.ui.database_edit,
            self.ui.role_edit,
            self.ui.server_password_edit,
            self.ui.ca_file_edit,
            self.ui.ca_browse_button,
        ):
            widget.setEnabled(not busy)
        self.ui.test_button.setEnabled(not busy and self.isComplete())
        if text:
            self.ui.result_label.setText(text)
            self.ui.message_label.clear()
        self.completeChanged.emit()

    @Slot()
    def _on_field_changed(self) -> None:
        self.ui.test_button.setEnabled(not self.busy and self.isComplete())
        self.ui.result_label.clear()
        self.ui.message_label.clear()
        self.completeChanged.emit()

    @Slot()
    def _on_ca_browse_button_clicked(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("센터 CA 인증서 파일"),
            self.ui.ca_file_edit.text(),
            self.tr("인증서 (*.crt *.pem *.cer);;모든 파일 (*)"),
        )
        if name:
            self.ui.ca_file_edit.setText(name)

    @Slot()
    def _on_test_button_clicked(self) -> None:
        if self.busy or not self.isComplete():
            return
        parts = self.connection()
        gateway = self._gateway
        self._set_busy(True, self.tr("연결하는 중…"))
        self._runner.run(lambda: gateway.probe_server(**parts), self._on_tested, self._on_failed)

    def _on_tested(self, has_center: bool) -> None:
        self._set_busy(False)
        if has_center:
            self.ui.result_label.setText(
                self.tr("연결했습니다. 서버 인증서를 확인했고, 센터가 준비되어 있습니다.")
            )
        else:
            self.ui.result_label.clear()
            self.ui.message_label.setText(
                self.tr(
                    "연결은 되지만 서버에 아직 센터가 없습니다. 관리자가 onestop-desk-admin "
                    "server init 을 먼저 실행해야 합니다."
                )
            )

    def _on_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.ui.result_label.clear()
        self.ui.message_label.setText(error_text(exc))

    def validatePage(self) -> bool:
        """마침 connects and saves (on the runner); the wizard closes when that succeeds."""
        if self.server_name is not None:
            return True
        if self.busy or not self.isComplete():
            return False
        parts = self.connection()
        gateway = self._gateway
        self._set_busy(True, self.tr("연결하는 중…"))
        self._runner.run(
            lambda: gateway.connect_server(**parts), self._on_connected, self._on_failed
        )
        return False

    def _on_connected(self, server_name: str) -> None:
        self.server_name = server_name
        self._set_busy(False)
        self.ui.server_password_edit.clear()
        wizard = self.wizard()
        if wizard is not None:
            wizard.accept()
