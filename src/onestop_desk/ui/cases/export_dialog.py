"""Export case summaries as password-protected PDFs to a USB drive or a folder.

``ExportDialog(services, runner, case_ids, parent=None)``: ``services`` is the logged-in
account's :class:`Services`, ``runner`` the app's :class:`TaskRunner` (the export runs on the
database worker), ``case_ids`` the cases to export (one or many; many show a progress bar and
can be stopped between files). The counselor picks a removable drive or any folder, writes the
reason (logged), and types a password (the login rule) or takes a generated passphrase, which
is shown once in the dialog and never stored.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from onestop_desk.domain.errors import ValidationError
from onestop_desk.domain.messages import text
from onestop_desk.services import Services
from onestop_desk.services.export import ExportError, ExportResult, Volume
from onestop_desk.ui.kit.messages import error_text, language
from onestop_desk.ui.kit.tasks import TaskRunner


def export_error_text(exc: BaseException) -> str:
    """What a full, pulled or read-only drive means for the person at the desk."""
    if isinstance(exc, ExportError):
        message = text(exc.code, language())
        done = exc.params.get("done", ())
        if done:
            message += "\n" + QCoreApplication.translate(
                "ExportDialog", "그 전에 저장된 파일 %1개는 온전합니다."
            ).replace("%1", str(len(done)))
        return message
    if isinstance(exc, ValidationError):
        codes = {e.field: e.code for e in exc.errors}
        if "export.reason" in codes:
            return QCoreApplication.translate("ExportDialog", "내보내는 사유를 입력해 주세요.")
        if "export.password" in codes:
            return QCoreApplication.translate(
                "ExportDialog",
                "비밀번호는 8자 이상이면 2종류 이상, 10자 이상이면 1종류 이상의 문자가 필요합니다.",
            )
    return error_text(exc)


class _ProgressRelay(QObject):
    """Lives on the UI thread; the worker's progress calls are queued over to it."""

    advanced = Signal(int, int)


class Ui_ExportDialog:
    def setup_ui(self, dialog: QDialog) -> None:
        dialog.setObjectName("export_dialog")
        dialog.resize(560, 420)
        layout = QVBoxLayout(dialog)
        self.cases_label = QLabel(dialog)
        self.cases_label.setObjectName("cases_label")
        layout.addWidget(self.cases_label)
        form = QFormLayout()
        target_row = QHBoxLayout()
        self.target_combo = QComboBox(dialog)
        self.target_combo.setObjectName("target_combo")
        self.refresh_button = QPushButton(dialog)
        self.refresh_button.setObjectName("refresh_button")
        self.browse_button = QPushButton(dialog)
        self.browse_button.setObjectName("browse_button")
        target_row.addWidget(self.target_combo, 1)
        target_row.addWidget(self.refresh_button)
        target_row.addWidget(self.browse_button)
        self.target_label = QLabel(dialog)
        self.target_label.setObjectName("target_label")
        form.addRow(self.target_label, target_row)
        self.reason_label = QLabel(dialog)
        self.reason_label.setObjectName("reason_label")
        self.reason_edit = QLineEdit(dialog)
        self.reason_edit.setObjectName("reason_edit")
        form.addRow(self.reason_label, self.reason_edit)
        self.typed_radio = QRadioButton(dialog)
        self.typed_radio.setObjectName("typed_radio")
        self.typed_radio.setChecked(True)
        self.generated_radio = QRadioButton(dialog)
        self.generated_radio.setObjectName("generated_radio")
        radios = QHBoxLayout()
        radios.addWidget(self.typed_radio)
        radios.addWidget(self.generated_radio)
        radios.addStretch(1)
        self.password_mode_label = QLabel(dialog)
        self.password_mode_label.setObjectName("password_mode_label")
        form.addRow(self.password_mode_label, radios)
        self.password_label = QLabel(dialog)
        self.password_label.setObjectName("password_label")
        self.password_edit = QLineEdit(dialog)
        self.password_edit.setObjectName("password_edit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.password_label, self.password_edit)
        self.confirm_label = QLabel(dialog)
        self.confirm_label.setObjectName("confirm_label")
        self.confirm_edit = QLineEdit(dialog)
        self.confirm_edit.setObjectName("confirm_edit")
        self.confirm_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.confirm_label, self.confirm_edit)
        self.passphrase_label = QLabel(dialog)
        self.passphrase_label.setObjectName("passphrase_label")
        self.passphrase_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.passphrase_label.setWordWrap(True)
        self.passphrase_label.hide()
        form.addRow(self.passphrase_label)
        self.letters_check = QCheckBox(dialog)
        self.letters_check.setObjectName("letters_check")
        form.addRow(self.letters_check)
        layout.addLayout(form)
        self.progress_bar = QProgressBar(dialog)
        self.progress_bar.setObjectName("progress_bar")
        self.progress_bar.hide()
        layout.addWidget(self.progress_bar)
        self.status_label = QLabel(dialog)
        self.status_label.setObjectName("status_label")
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)
        layout.addStretch(1)
        self.button_box = QDialogButtonBox(dialog)
        self.button_box.setObjectName("button_box")
        self.export_button = QPushButton(dialog)
        self.export_button.setObjectName("export_button")
        self.stop_button = QPushButton(dialog)
        self.stop_button.setObjectName("stop_button")
        self.stop_button.hide()
        self.button_box.addButton(self.export_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.button_box.addButton(self.stop_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.button_box.addButton(QDialogButtonBox.StandardButton.Close)
        layout.addWidget(self.button_box)
        self.retranslate_ui(dialog)

    def retranslate_ui(self, dialog: QDialog) -> None:
        dialog.setWindowTitle(QCoreApplication.translate("ExportDialog", "암호 PDF로 내보내기"))
        self.target_label.setText(QCoreApplication.translate("ExportDialog", "저장 위치"))
        self.refresh_button.setText(QCoreApplication.translate("ExportDialog", "새로 고침"))
        self.browse_button.setText(QCoreApplication.translate("ExportDialog", "폴더 선택…"))
        self.reason_label.setText(QCoreApplication.translate("ExportDialog", "사유 (기록됨)"))
        self.reason_edit.setPlaceholderText(
            QCoreApplication.translate("ExportDialog", "예: 피해자 본인 요청, 법률 상담 지참")
        )
        self.password_mode_label.setText(
            QCoreApplication.translate("ExportDialog", "파일 비밀번호")
        )
        self.typed_radio.setText(QCoreApplication.translate("ExportDialog", "직접 입력"))
        self.generated_radio.setText(QCoreApplication.translate("ExportDialog", "자동 생성"))
        self.password_label.setText(QCoreApplication.translate("ExportDialog", "비밀번호"))
        self.confirm_label.setText(QCoreApplication.translate("ExportDialog", "비밀번호 확인"))
        self.letters_check.setText(QCoreApplication.translate("ExportDialog", "연계 의뢰서 포함"))
        self.export_button.setText(QCoreApplication.translate("ExportDialog", "내보내기"))
        self.stop_button.setText(QCoreApplication.translate("ExportDialog", "멈추기"))


class ExportDialog(QDialog):
    """See the module docstring. ``results`` holds the files written by the last export."""

    exported = Signal(list)

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        case_ids: Sequence[int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ExportDialog()
        self.ui.setup_ui(self)
        self._services = services
        self._runner = runner
        self._case_ids = list(case_ids)
        self._passphrase = ""
        self._stop = threading.Event()
        self._relay = _ProgressRelay(self)
        self._relay.advanced.connect(self._on_relay_advanced)
        self.results: list[ExportResult] = []
        self.ui.cases_label.setText(
            self.tr("사례 %1건의 요약을 AES-256 암호 PDF로 저장합니다.").replace(
                "%1", str(len(self._case_ids))
            )
        )
        self.ui.refresh_button.clicked.connect(self._on_refresh_button_clicked)
        self.ui.browse_button.clicked.connect(self._on_browse_button_clicked)
        self.ui.generated_radio.toggled.connect(self._on_generated_radio_toggled)
        self.ui.export_button.clicked.connect(self._on_export_button_clicked)
        self.ui.stop_button.clicked.connect(self._on_stop_button_clicked)
        self.ui.button_box.rejected.connect(self.reject)
        self.refresh_volumes()

    # --- the target -------------------------------------------------------------------------

    def refresh_volumes(self, volumes: Sequence[Volume] | None = None) -> None:
        """Fill the drive list (``volumes`` for tests; by default the machine's)."""
        chosen = self.target()
        found = list(volumes) if volumes is not None else self._services.export.removable_volumes()
        self.ui.target_combo.clear()
        for volume in found:
            free_mb = volume.free_bytes // (1024 * 1024)
            text = self.tr("%1 (USB, 남은 공간 %2 MB)").replace("%1", volume.label)
            self.ui.target_combo.addItem(text.replace("%2", str(free_mb)), str(volume.path))
        if chosen is not None and self.ui.target_combo.findData(str(chosen)) < 0:
            self.set_target(chosen)
        if self.ui.target_combo.count() == 0:
            self.ui.status_label.setText(
                self.tr("꽂힌 USB를 찾지 못했습니다. USB를 꽂고 새로 고치거나 폴더를 골라 주세요.")
            )

    def set_target(self, folder: Path) -> None:
        index = self.ui.target_combo.findData(str(folder))
        if index < 0:
            self.ui.target_combo.addItem(str(folder), str(folder))
            index = self.ui.target_combo.count() - 1
        self.ui.target_combo.setCurrentIndex(index)

    def target(self) -> Path | None:
        data = self.ui.target_combo.currentData()
        return Path(data) if data else None

    @Slot()
    def _on_refresh_button_clicked(self) -> None:
        self.refresh_volumes()

    @Slot()
    def _on_browse_button_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("저장할 폴더"))
        if folder:
            self.set_target(Path(folder))

    # --- the password ---------------------------------------------------------------------

    @Slot(bool)
    def _on_generated_radio_toggled(self, generated: bool) -> None:
        for widget in (
            self.ui.password_edit,
            self.ui.confirm_edit,
            self.ui.password_label,
            self.ui.confirm_label,
        ):
            widget.setVisible(not generated)
        if generated:
            self._passphrase = self._services.export.generate_passphrase()
            self.ui.passphrase_label.setText(
                self.tr(
                    "비밀번호: %1\n이 화면에서 한 번만 보여 드립니다. "
                    "받는 분께 파일과 따로 전해 주세요."
                ).replace("%1", self._passphrase)
            )
        else:
            self._passphrase = ""
            self.ui.passphrase_label.clear()
        self.ui.passphrase_label.setVisible(generated)

    def passphrase(self) -> str:
        """The generated passphrase on screen now (empty when the password is typed)."""
        return self._passphrase

    def _password(self) -> str | None:
        if self.ui.generated_radio.isChecked():
            return self._passphrase
        password = self.ui.password_edit.text()
        if password != self.ui.confirm_edit.text():
            self.ui.status_label.setText(self.tr("비밀번호 확인이 일치하지 않습니다."))
            return None
        return password

    # --- the export -----------------------------------------------------------------------

    @Slot()
    def _on_export_button_clicked(self) -> None:
        target = self.target()
        if target is None:
            self.ui.status_label.setText(self.tr("저장 위치를 골라 주세요."))
            return
        password = self._password()
        if password is None:
            return
        reason = self.ui.reason_edit.text()
        letters = self.ui.letters_check.isChecked()
        ids = list(self._case_ids)
        self._stop.clear()
        self._set_busy(True)
        self.ui.status_label.setText(self.tr("저장하는 중입니다… USB를 빼지 마세요."))
        export = self._services.export
        relay, stop = self._relay, self._stop

        def progress(done: int, total: int) -> bool:
            relay.advanced.emit(done, total)
            return not stop.is_set()

        self._runner.run(
            lambda: export.export_cases(
                ids,
                target,
                password=password,
                reason=reason,
                include_letters=letters,
                progress=progress,
            ),
            self._on_export_done,
            self._on_export_failed,
            label=self.tr("내보내기"),
        )

    def _set_busy(self, busy: bool) -> None:
        many = len(self._case_ids) > 1
        self.ui.export_button.setEnabled(not busy)
        self.ui.stop_button.setVisible(busy and many)
        self.ui.progress_bar.setVisible(many)
        for widget in (self.ui.target_combo, self.ui.browse_button, self.ui.reason_edit):
            widget.setEnabled(not busy)

    @Slot(int, int)
    def _on_relay_advanced(self, done: int, total: int) -> None:
        self.ui.progress_bar.setMaximum(total)
        self.ui.progress_bar.setValue(done)

    @Slot()
    def _on_stop_button_clicked(self) -> None:
        self._stop.set()
        self.ui.status_label.setText(self.tr("지금 파일까지 저장하고 멈춥니다…"))

    def _on_export_done(self, results: list[ExportResult]) -> None:
        self._set_busy(False)
        self.results = results
        names = ", ".join(r.path.name for r in results)
        text = self.tr("%1개 파일을 저장했습니다: %2").replace("%1", str(len(results)))
        if len(results) < len(self._case_ids):
            text += "\n" + self.tr("사용자가 멈춰서 나머지는 저장하지 않았습니다.")
        self.ui.status_label.setText(text.replace("%2", names))
        self.exported.emit(results)

    def _on_export_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if isinstance(error, ExportError):
            self.results = list(error.params.get("done", ()))
        self.ui.status_label.setText(export_error_text(error))
