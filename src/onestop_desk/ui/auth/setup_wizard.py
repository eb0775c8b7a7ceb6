"""First run: this PC only (the center's name, address and main number, the first
administrator, and the recovery key shown once) or the center server (server_page.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtGui import QFont
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from onestop_desk.domain.clock import KST
from onestop_desk.domain.errors import ValidationError
from onestop_desk.services.center import CenterDetails, validate_center
from onestop_desk.ui.auth.fields import message_label
from onestop_desk.ui.auth.gateway import AuthGateway
from onestop_desk.ui.auth.messages import code_text, error_text
from onestop_desk.ui.auth.password_form import PasswordForm
from onestop_desk.ui.auth.server_page import ServerPage, StorePage
from onestop_desk.ui.kit.printing import PrintError, print_pdf, save_file
from onestop_desk.ui.kit.tasks import TaskRunner

translate = QCoreApplication.translate


class Ui_CenterPage:
    def setup_ui(self, page: QWizardPage) -> None:
        page.setObjectName("center_page")
        page.setTitle(translate("SetupWizard", "원스톱 데스크를 처음 설정합니다"))
        page.setSubTitle(
            translate(
                "SetupWizard",
                "이 PC의 자료는 모두 암호화되어 저장됩니다. 먼저 센터 이름과 주소, 대표 전화를 "
                "입력하세요.",
            )
        )
        layout = QVBoxLayout(page)
        form = QFormLayout()
        self.center_name_edit = QLineEdit(page)
        self.center_name_edit.setObjectName("center_name_edit")
        self.center_name_edit.setMaxLength(100)
        self.center_name_edit.setPlaceholderText(
            translate("SetupWizard", "예: 범죄피해자 원스톱 솔루션센터")
        )
        form.addRow(translate("SetupWizard", "센터 이름"), self.center_name_edit)
        self.address_edit = QLineEdit(page)
        self.address_edit.setObjectName("address_edit")
        self.address_edit.setMaxLength(200)
        self.address_edit.setPlaceholderText(
            translate("SetupWizard", "예: 서울특별시 동작구 여의대방로54길 18")
        )
        form.addRow(translate("SetupWizard", "주소"), self.address_edit)
        self.phone_edit = QLineEdit(page)
        self.phone_edit.setObjectName("phone_edit")
        self.phone_edit.setMaxLength(20)
        self.phone_edit.setPlaceholderText(translate("SetupWizard", "예: 02-123-4567"))
        form.addRow(translate("SetupWizard", "대표 전화"), self.phone_edit)
        layout.addLayout(form)
        self.hint_label = QLabel(
            translate(
                "SetupWizard",
                "주소와 대표 전화는 피해자가 가져가는 안내문에 인쇄됩니다. 비워 두면 나중에 "
                "설정 → 센터 정보에서 입력할 수 있습니다.",
            ),
            page,
        )
        self.hint_label.setObjectName("hint_label")
        self.hint_label.setWordWrap(True)
        layout.addWidget(self.hint_label)
        self.message_label = message_label(page)
        layout.addWidget(self.message_label)
        layout.addStretch(1)


class CenterPage(QWizardPage):
    """The center's name (required), address and main number (asked, may be left for
    센터 정보). Checked here, before the page is left, with the rule the service applies."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_CenterPage()
        self.ui.setup_ui(self)
        self.ui.center_name_edit.textChanged.connect(self.completeChanged)
        self.ui.phone_edit.textEdited.connect(self._on_phone_edit_text_edited)

    def details(self) -> CenterDetails:
        return replace(
            CenterDetails(),
            name=self.ui.center_name_edit.text().strip(),
            address=self.ui.address_edit.text().strip(),
            phone=self.ui.phone_edit.text().strip(),
        )

    def set_read_only(self, read_only: bool) -> None:
        for edit in (self.ui.center_name_edit, self.ui.address_edit, self.ui.phone_edit):
            edit.setReadOnly(read_only)

    def isComplete(self) -> bool:
        return bool(self.ui.center_name_edit.text().strip())

    def validatePage(self) -> bool:
        errors = validate_center(self.details())
        if errors:
            self.ui.message_label.setText(error_text(ValidationError(errors)))
            if any(e.field == "center.phone" for e in errors):
                self.ui.phone_edit.setFocus()
            return False
        self.ui.message_label.clear()
        return True

    @Slot(str)
    def _on_phone_edit_text_edited(self, _text: str) -> None:
        self.ui.message_label.clear()


class AdminPage(QWizardPage):
    """The first administrator. Pressing 다음 creates the center (on the task runner)."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        self.setObjectName("admin_page")
        self._wizard = wizard
        self.setTitle(self.tr("첫 관리자 계정"))
        self.setSubTitle(
            self.tr("관리자는 계정과 접속기록을 관리합니다. 한 사람이 한 계정을 씁니다.")
        )
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.username_edit = QLineEdit(self)
        self.username_edit.setObjectName("username_edit")
        self.username_edit.setMaxLength(64)
        self.display_name_edit = QLineEdit(self)
        self.display_name_edit.setObjectName("display_name_edit")
        self.display_name_edit.setMaxLength(100)
        form.addRow(self.tr("사용자 이름"), self.username_edit)
        form.addRow(self.tr("표시 이름"), self.display_name_edit)
        layout.addLayout(form)
        self.password_form = PasswordForm(self)
        layout.addWidget(self.password_form)
        self.message_label = message_label(self)
        layout.addWidget(self.message_label)

    def validatePage(self) -> bool:
        """Returns False while the center is being created; the wizard moves on by itself
        when that finishes, so the page never blocks the UI thread."""
        if self._wizard.result_ready:
            return True
        if self._wizard.busy:
            return False
        if not self.username_edit.text().strip() or not self.display_name_edit.text().strip():
            self.message_label.setText(code_text("required"))
            return False
        problems = self.password_form.problems()
        if problems:
            self.message_label.setText(code_text(problems[0]))
            return False
        self.message_label.setText(self.tr("암호화된 데이터베이스를 만드는 중…"))
        self._wizard.create_center(
            self.username_edit.text().strip(),
            self.display_name_edit.text().strip(),
            self.password_form.new_password(),
        )
        return False


class RecoveryPage(QWizardPage):
    """The recovery key, once. Finishing needs the box ticked that it was kept."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        self.setObjectName("recovery_page")
        self._wizard = wizard
        self.setTitle(self.tr("복구 키 - 지금 한 번만 보여 드립니다"))
        layout = QVBoxLayout(self)
        self.created_label = QLabel(
            self.tr(
                "센터를 만들었습니다. 이제는 이전 단계로 돌아가거나 설정을 취소할 수 없습니다. "
                "복구 키를 보관한 뒤 시작하세요."
            ),
            self,
        )
        self.created_label.setObjectName("created_label")
        self.created_label.setWordWrap(True)
        layout.addWidget(self.created_label)
        self.warning_label = QLabel(
            self.tr(
                "모든 비밀번호를 잊었을 때 자료를 여는 방법은 이 복구 키뿐입니다. "
                "비밀번호와 복구 키를 모두 잃으면 자료는 영구히 사라지며, 누구도 되살릴 수 "
                "없습니다. 인쇄하거나 PDF로 저장한 뒤 센터 금고에 보관하세요."
            ),
            self,
        )
        self.warning_label.setObjectName("warning_label")
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet("color: #8a1c1c; font-weight: bold;")
        layout.addWidget(self.warning_label)
        self.recovery_key_label = QLabel(self)
        self.recovery_key_label.setObjectName("recovery_key_label")
        mono = QFont("Monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        mono.setPointSize(16)
        mono.setBold(True)
        self.recovery_key_label.setFont(mono)
        self.recovery_key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.recovery_key_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.recovery_key_label.setStyleSheet(
            "QLabel { border: 2px solid #333; padding: 14px; background: white; }"
        )
        layout.addWidget(self.recovery_key_label)
        buttons = QHBoxLayout()
        self.save_pdf_button = QPushButton(self.tr("PDF로 저장…"), self)
        self.save_pdf_button.setObjectName("save_pdf_button")
        self.print_button = QPushButton(self.tr("인쇄…"), self)
        self.print_button.setObjectName("print_button")
        buttons.addWidget(self.save_pdf_button)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("status_label")
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)
        self.kept_check = QCheckBox(
            self.tr("복구 키를 인쇄하거나 저장했고, 안전한 곳에 보관하겠습니다."), self
        )
        self.kept_check.setObjectName("kept_check")
        layout.addWidget(self.kept_check)
        layout.addStretch(1)
        self.kept_check.toggled.connect(self.completeChanged)
        self.save_pdf_button.clicked.connect(self._on_save_pdf_button_clicked)
        self.print_button.clicked.connect(self._on_print_button_clicked)

    def initializePage(self) -> None:
        self.recovery_key_label.setText(self._wizard.recovery_key.replace("-", "  "))

    def isComplete(self) -> bool:
        return self.kept_check.isChecked()

    @Slot()
    def _on_save_pdf_button_clicked(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("복구 키 PDF 저장"), "onestop-recovery-key.pdf", "PDF (*.pdf)"
        )
        if name:
            self.save_to(Path(name))

    def save_to(self, target: Path) -> None:
        """Write the sheet to ``target`` (the file dialog's choice, or a test's path)."""
        try:
            save_file(self._wizard.sheet_pdf(), target)
        except OSError:
            self.status_label.setText(self.tr("저장하지 못했습니다. 다른 위치를 고르세요."))
            return
        self.status_label.setText(
            self.tr("저장했습니다: %1 - 인쇄한 뒤에는 파일을 지우세요.").replace("%1", str(target))
        )

    @Slot()
    def _on_print_button_clicked(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            print_pdf(self._wizard.sheet_pdf(), printer)
        except PrintError:
            self.status_label.setText(self.tr("인쇄하지 못했습니다. 프린터를 확인하세요."))
            return
        self.status_label.setText(self.tr("인쇄를 보냈습니다."))


class SetupWizard(QWizard):
    """Creates the center; afterwards ``session`` is the first administrator's session. Or
    connects this PC to the center server; afterwards ``server_name`` names it and
    ``session`` is ``None`` (the login comes next).

    Once the center exists there is no way back: the administrator page is a commit page
    (its 다음 reads 센터 만들기, and the recovery page offers no 이전), its fields turn
    read-only, and the recovery page has no 취소 (nor does Esc or the close button work),
    with a line saying why: going back could only change a password that no longer
    matters, and leaving without keeping the key would leave a center with no paper way in.
    """

    STORE_PAGE, CENTER_PAGE, ADMIN_PAGE, RECOVERY_PAGE, SERVER_PAGE = range(5)

    def __init__(
        self, gateway: AuthGateway, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("setup_wizard")
        self._gateway = gateway
        self._runner = runner
        self.busy = False
        self.result_ready = False
        self.recovery_key = ""
        self.session: Any = None
        self._pdf: bytes | None = None
        self.setWindowTitle(self.tr("원스톱 데스크 설정"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setMinimumSize(640, 460)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("다음"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("이전"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("취소"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("시작하기"))
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("센터 만들기"))
        self.store_page = StorePage(self)
        self.center_page = CenterPage(self)
        self.admin_page = AdminPage(self)
        self.recovery_page = RecoveryPage(self)
        self.server_page = ServerPage(gateway, runner, self)
        self.admin_page.setCommitPage(True)
        self.setPage(self.STORE_PAGE, self.store_page)
        self.setPage(self.CENTER_PAGE, self.center_page)
        self.setPage(self.ADMIN_PAGE, self.admin_page)
        self.setPage(self.RECOVERY_PAGE, self.recovery_page)
        self.setPage(self.SERVER_PAGE, self.server_page)
        self.setStartId(self.STORE_PAGE)
        self.currentIdChanged.connect(self._on_current_id_changed)

    def nextId(self) -> int:
        """This PC: center, administrator, recovery key. Center server: its page, then the
        login (the center was made on the server with ``server init``)."""
        current = self.currentId()
        if current == self.STORE_PAGE:
            return self.SERVER_PAGE if self.store_page.wants_server() else self.CENTER_PAGE
        if current == self.CENTER_PAGE:
            return self.ADMIN_PAGE
        if current == self.ADMIN_PAGE:
            return self.RECOVERY_PAGE
        return -1

    @property
    def server_name(self) -> str | None:
        """The center server this folder was connected to, once it is (then the login
        follows instead of a session)."""
        return self.server_page.server_name

    def create_center(self, username: str, display_name: str, password: str) -> None:
        center = self.center_page.details()
        self.busy = True
        self.button(QWizard.WizardButton.NextButton).setEnabled(False)
        self.button(QWizard.WizardButton.BackButton).setEnabled(False)
        self._runner.run(
            lambda: self._gateway.set_up(
                center.name,
                username,
                display_name,
                password,
                address=center.address,
                phone=center.phone,
            ),
            self._on_set_up_succeeded,
            self._on_set_up_failed,
        )

    def _on_set_up_succeeded(self, result: Any) -> None:
        self.busy = False
        self.result_ready = True
        self.recovery_key = result.recovery_key
        self.session = result.session
        self.admin_page.message_label.clear()
        self.center_page.set_read_only(True)
        for edit in (self.admin_page.username_edit, self.admin_page.display_name_edit):
            edit.setReadOnly(True)
        self.admin_page.password_form.set_read_only(True)
        self.setOption(QWizard.WizardOption.NoCancelButton, True)
        self.next()

    def _on_set_up_failed(self, exc: BaseException) -> None:
        self.busy = False
        self.button(QWizard.WizardButton.NextButton).setEnabled(True)
        self.button(QWizard.WizardButton.BackButton).setEnabled(True)
        self.admin_page.message_label.setText(error_text(exc))

    @Slot(int)
    def _on_current_id_changed(self, _page_id: int) -> None:
        if self.result_ready:
            # QWizard re-shows its buttons on every page change; once the center exists
            # there is no going back (a commit page also disables it, this hides it).
            self.button(QWizard.WizardButton.BackButton).setVisible(False)

    def sheet_pdf(self) -> bytes:
        if self._pdf is None:
            # reportlab loads only when the sheet is made, not with the first window.
            from onestop_desk.reports.recovery_sheet import render_recovery_sheet

            self._pdf = render_recovery_sheet(
                center_name=self.center_page.details().name,
                recovery_key=self.recovery_key,
                administrator=self.admin_page.username_edit.text().strip(),
                created_at=datetime.now(KST),
            )
        return self._pdf

    @Slot()
    def back(self) -> None:
        if not self.result_ready:
            super().back()

    def reject(self) -> None:
        # Esc or the window's close button must not skip the only showing of the key.
        if self.result_ready or self.busy or self.server_page.busy:
            return
        super().reject()
