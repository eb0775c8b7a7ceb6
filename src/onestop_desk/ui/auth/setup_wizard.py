"""First run: the center's name, the first administrator, and the recovery key shown once."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Slot
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
from onestop_desk.ui.auth.fields import message_label
from onestop_desk.ui.auth.gateway import AuthGateway
from onestop_desk.ui.auth.messages import code_text, error_text
from onestop_desk.ui.auth.password_form import PasswordForm
from onestop_desk.ui.kit.printing import PrintError, print_pdf, save_file
from onestop_desk.ui.kit.tasks import TaskRunner


class CenterPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("center_page")
        self.setTitle(self.tr("원스톱 데스크를 처음 설정합니다"))
        self.setSubTitle(
            self.tr("이 PC의 자료는 모두 암호화되어 저장됩니다. 먼저 센터 이름을 입력하세요.")
        )
        form = QFormLayout(self)
        self.center_name_edit = QLineEdit(self)
        self.center_name_edit.setObjectName("center_name_edit")
        self.center_name_edit.setMaxLength(100)
        self.center_name_edit.setPlaceholderText(self.tr("예: 범죄피해자 원스톱 솔루션센터"))
        form.addRow(self.tr("센터 이름"), self.center_name_edit)
        self.center_name_edit.textChanged.connect(self.completeChanged)

    def isComplete(self) -> bool:
        return bool(self.center_name_edit.text().strip())


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
    """Creates the center; afterwards ``session`` is the first administrator's session.

    Once the center exists there is no way back: the administrator page is a commit page
    (its 다음 reads 센터 만들기, and the recovery page offers no 이전), its fields turn
    read-only, and the recovery page has no 취소 (nor does Esc or the close button work),
    with a line saying why: going back could only change a password that no longer
    matters, and leaving without keeping the key would leave a center with no paper way in.
    """

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
        self.center_page = CenterPage(self)
        self.admin_page = AdminPage(self)
        self.recovery_page = RecoveryPage(self)
        self.admin_page.setCommitPage(True)
        self.addPage(self.center_page)
        self.addPage(self.admin_page)
        self.addPage(self.recovery_page)
        self.currentIdChanged.connect(self._on_current_id_changed)

    def create_center(self, username: str, display_name: str, password: str) -> None:
        center = self.center_page.center_name_edit.text().strip()
        self.busy = True
        self.button(QWizard.WizardButton.NextButton).setEnabled(False)
        self.button(QWizard.WizardButton.BackButton).setEnabled(False)
        self._runner.run(
            lambda: self._gateway.set_up(center, username, display_name, password),
            self._on_set_up_succeeded,
            self._on_set_up_failed,
        )

    def _on_set_up_succeeded(self, result: Any) -> None:
        self.busy = False
        self.result_ready = True
        self.recovery_key = result.recovery_key
        self.session = result.session
        self.admin_page.message_label.clear()
        for edit in (
            self.center_page.center_name_edit,
            self.admin_page.username_edit,
            self.admin_page.display_name_edit,
        ):
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
                center_name=self.center_page.center_name_edit.text().strip(),
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
        if self.result_ready or self.busy:
            return
        super().reject()
