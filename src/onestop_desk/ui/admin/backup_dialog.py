"""Backups: make one now, see the list, choose one to restore.

``BackupDialog(services, runner, parent=None)``: ``services`` must have been built with the
store (``build_services(..., store=store)``) so that ``services.backups`` exists; otherwise
the dialog only says backups are unavailable. Restoring needs the database closed, which only
the app can do, so the dialog verifies the chosen backup, asks for confirmation and then emits
``restore_requested(path)``. The app then closes its store, calls
``domain.services.backups.restore_backup(path, live_path, key)``, reopens
``RestoreOutcome.live_path`` and calls ``services.backups.record_restore(outcome)``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from onestop_desk.domain.access import Permission
from onestop_desk.domain.messages import text
from onestop_desk.services import Services
from onestop_desk.services.backups import BackupError, BackupInfo, VerifiedBackup
from onestop_desk.ui.kit.messages import error_text, language, stored_time_text
from onestop_desk.ui.kit.tasks import TaskRunner

PathRole = Qt.ItemDataRole.UserRole + 1


def backup_error_text(exc: BaseException) -> str:
    if isinstance(exc, BackupError):
        return text(exc.code, language())
    return error_text(exc)


class Ui_BackupDialog:
    def setup_ui(self, dialog: QDialog) -> None:
        dialog.setObjectName("backup_dialog")
        dialog.resize(640, 420)
        layout = QVBoxLayout(dialog)
        self.info_label = QLabel(dialog)
        self.info_label.setObjectName("info_label")
        self.info_label.setWordWrap(True)
        layout.addWidget(self.info_label)
        self.backup_table = QTableWidget(0, 3, dialog)
        self.backup_table.setObjectName("backup_table")
        self.backup_table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.backup_table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.backup_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.backup_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.backup_table, 1)
        self.status_label = QLabel(dialog)
        self.status_label.setObjectName("status_label")
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)
        self.button_box = QDialogButtonBox(dialog)
        self.button_box.setObjectName("button_box")
        self.backup_button = QPushButton(dialog)
        self.backup_button.setObjectName("backup_button")
        self.backup_to_button = QPushButton(dialog)
        self.backup_to_button.setObjectName("backup_to_button")
        self.restore_button = QPushButton(dialog)
        self.restore_button.setObjectName("restore_button")
        for button in (self.backup_button, self.backup_to_button, self.restore_button):
            self.button_box.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.button_box.addButton(QDialogButtonBox.StandardButton.Close)
        layout.addWidget(self.button_box)
        self.retranslate_ui(dialog)

    def retranslate_ui(self, dialog: QDialog) -> None:
        dialog.setWindowTitle(QCoreApplication.translate("BackupDialog", "백업과 복원"))
        self.info_label.setText(
            QCoreApplication.translate(
                "BackupDialog",
                "백업은 데이터베이스와 같은 키로 암호화됩니다. 프로그램을 닫을 때와 하루 한 번 "
                "자동으로 만들어집니다.",
            )
        )
        self.backup_table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("BackupDialog", "만든 때"),
                QCoreApplication.translate("BackupDialog", "크기"),
                QCoreApplication.translate("BackupDialog", "종류"),
            ]
        )
        self.backup_button.setText(QCoreApplication.translate("BackupDialog", "지금 백업"))
        self.backup_to_button.setText(QCoreApplication.translate("BackupDialog", "다른 곳에 백업…"))
        self.restore_button.setText(
            QCoreApplication.translate("BackupDialog", "선택한 백업으로 복원…")
        )


class BackupDialog(QDialog):
    """See the module docstring."""

    restore_requested = Signal(Path)

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_BackupDialog()
        self.ui.setup_ui(self)
        self._services = services
        self._runner = runner
        self.backups: list[BackupInfo] = []
        self.ui.backup_button.clicked.connect(self._on_backup_button_clicked)
        self.ui.backup_to_button.clicked.connect(self._on_backup_to_button_clicked)
        self.ui.restore_button.clicked.connect(self._on_restore_button_clicked)
        self.ui.button_box.rejected.connect(self.reject)
        if services.backups is None:
            for button in (
                self.ui.backup_button,
                self.ui.backup_to_button,
                self.ui.restore_button,
            ):
                button.setEnabled(False)
            self.ui.status_label.setText(self.tr("이 화면에서는 백업을 사용할 수 없습니다."))
            return
        self._set_busy(False)
        self.reload()

    def reload(self) -> None:
        backups = self._services.backups
        assert backups is not None
        self._runner.run(backups.list_backups, self._on_listed, self._on_failed)

    def _on_listed(self, backups: list[BackupInfo]) -> None:
        self.backups = backups
        table = self.ui.backup_table
        table.setRowCount(len(backups))
        for row, info in enumerate(backups):
            when = QTableWidgetItem(stored_time_text(info.created_at))
            when.setData(PathRole, str(info.path))
            size = QTableWidgetItem(
                self.tr("%1 MB").replace("%1", f"{info.size / (1024 * 1024):.1f}")
            )
            kind = QTableWidgetItem(self.tr("자동") if info.automatic else self.tr("이전 버전"))
            for column, item in enumerate((when, size, kind)):
                table.setItem(row, column, item)
        if backups:
            table.selectRow(0)

    def _on_failed(self, error: BaseException) -> None:
        self.ui.status_label.setText(backup_error_text(error))
        self._set_busy(False)

    def _set_busy(self, busy: bool) -> None:
        for button in (self.ui.backup_button, self.ui.backup_to_button):
            button.setEnabled(not busy)
        # Asked of the permission table; the service refuses anyway.
        self.ui.restore_button.setEnabled(not busy and self._services.may(Permission.RESTORE))

    @Slot()
    def _on_backup_button_clicked(self) -> None:
        backups = self._services.backups
        assert backups is not None
        self._set_busy(True)
        self.ui.status_label.setText(self.tr("백업하는 중입니다…"))
        self._runner.run(backups.backup_now, self._on_backed_up, self._on_failed)

    @Slot()
    def _on_backup_to_button_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("백업을 저장할 폴더"))
        if folder:
            self.backup_to(Path(folder))

    def backup_to(self, folder: Path) -> None:
        backups = self._services.backups
        assert backups is not None
        self._set_busy(True)
        self._runner.run(lambda: backups.backup_to(folder), self._on_backed_up, self._on_failed)

    def _on_backed_up(self, info: BackupInfo) -> None:
        self._set_busy(False)
        self.ui.status_label.setText(self.tr("백업했습니다: %1").replace("%1", str(info.path)))
        self.reload()

    def selected_backup(self) -> Path | None:
        item = self.ui.backup_table.item(self.ui.backup_table.currentRow(), 0)
        return Path(item.data(PathRole)) if item is not None else None

    @Slot()
    def _on_restore_button_clicked(self) -> None:
        path = self.selected_backup()
        if path is None:
            self.ui.status_label.setText(self.tr("복원할 백업을 골라 주세요."))
            return
        backups = self._services.backups
        assert backups is not None
        self._set_busy(True)
        self.ui.status_label.setText(self.tr("백업을 검사하는 중입니다…"))
        self._runner.run(lambda: backups.verify(path), self._on_verified, self._on_failed)

    def _on_verified(self, verified: VerifiedBackup) -> None:
        self._set_busy(False)
        question = self.tr(
            "%1에 만든 백업(사례 %2건)으로 되돌립니다.\n"
            "그 뒤에 입력한 내용은 지금 데이터베이스의 사본으로만 남습니다. 계속할까요?"
        )
        question = question.replace("%1", stored_time_text(verified.info.created_at)).replace(
            "%2", str(verified.cases if verified.cases is not None else "?")
        )
        answer = QMessageBox.question(
            self,
            self.tr("복원 확인"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            self.ui.status_label.setText(self.tr("복원하지 않았습니다."))
            return
        self.ui.status_label.setText(self.tr("프로그램이 데이터베이스를 닫고 복원합니다…"))
        self.restore_requested.emit(verified.info.path)
