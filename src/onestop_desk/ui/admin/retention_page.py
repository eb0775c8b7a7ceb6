"""보관·파기 (retention and destruction) for administrators.

The retention period, a dry run (case numbers and closing dates only: no names on this
screen), destruction of exactly the cases the dry run listed after the administrator types
the confirmation word, and the destruction register. ``RetentionService`` checks the role,
logs every step and really removes the data (``secure_delete``, ``VACUUM``).
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Signal, Slot
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from onestop_desk.services import Services
from onestop_desk.services.retention import (
    MAX_YEARS,
    DestructionEntry,
    PurgeResult,
    RetentionReport,
)
from onestop_desk.ui.kit.messages import date_text, datetime_text, error_text
from onestop_desk.ui.kit.tasks import TaskRunner
from onestop_desk.ui.kit.widgets import (
    append_row,
    heading,
    make_button,
    make_table,
    resize_to_contents,
    save_header,
)


class RetentionPage(QWidget):
    """See the module docstring."""

    loaded = Signal()
    dry_run_done = Signal(object)  # RetentionReport
    purged = Signal(object)  # PurgeResult

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        settings: QSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("retention_page")
        self._services = services
        self._runner = runner
        self._settings = settings
        self._report: RetentionReport | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("보관·파기"), "title_label", self))

        policy = QHBoxLayout()
        self.years_spin = QSpinBox(self)
        self.years_spin.setObjectName("years_spin")
        self.years_spin.setRange(1, MAX_YEARS)
        self.years_spin.setSuffix(self.tr("년"))
        self.save_years_button = make_button(self.tr("보관 기간 저장"), "save_years_button", self)
        policy.addWidget(QLabel(self.tr("종결한 사례의 보관 기간"), self))
        policy.addWidget(self.years_spin)
        policy.addWidget(self.save_years_button)
        policy.addStretch(1)
        layout.addLayout(policy)

        self.due_box = QGroupBox(self.tr("파기 대상(미리 보기)"), self)
        self.due_box.setObjectName("due_box")
        due = QVBoxLayout(self.due_box)
        self.dry_run_button = make_button(self.tr("파기 대상 찾기"), "dry_run_button", self)
        self.due_label = QLabel(self.due_box)
        self.due_label.setObjectName("due_label")
        self.due_label.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.dry_run_button)
        top.addWidget(self.due_label, 1)
        due.addLayout(top)
        self.due_table = make_table(
            "due_table", [self.tr("사례번호"), self.tr("종결일")], self.due_box, settings
        )
        due.addWidget(self.due_table, 1)
        self.confirm_edit = QLineEdit(self.due_box)
        self.confirm_edit.setObjectName("confirm_edit")
        self.confirm_edit.setPlaceholderText(
            self.tr("파기하려면 '%1'을 입력하세요").replace("%1", self.confirm_word())
        )
        self.purge_button = make_button(self.tr("목록의 사례 파기"), "purge_button", self.due_box)
        self.purge_button.setStyleSheet("color: #b3261e;")
        confirm = QHBoxLayout()
        confirm.addWidget(self.confirm_edit, 1)
        confirm.addWidget(self.purge_button)
        due.addLayout(confirm)
        layout.addWidget(self.due_box, 1)

        self.register_box = QGroupBox(self.tr("파기 대장"), self)
        self.register_box.setObjectName("register_box")
        register = QVBoxLayout(self.register_box)
        self.register_table = make_table(
            "register_table",
            [
                self.tr("사례번호"),
                self.tr("종결일"),
                self.tr("파기 일시"),
                self.tr("처리자"),
                self.tr("근거"),
                self.tr("보관 기간"),
            ],
            self.register_box,
            settings,
        )
        register.addWidget(self.register_table)
        layout.addWidget(self.register_box, 1)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("status_label")
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)

        self.save_years_button.clicked.connect(self._on_save_years_button_clicked)
        self.dry_run_button.clicked.connect(self._on_dry_run_button_clicked)
        self.confirm_edit.textChanged.connect(self._update_purge_button)
        self.purge_button.clicked.connect(self._on_purge_button_clicked)
        self._update_purge_button()

    def confirm_word(self) -> str:
        return self.tr("파기")

    def save_layout(self) -> None:
        save_header(self._settings, self.due_table)
        save_header(self._settings, self.register_table)

    @Slot()
    def refresh(self) -> None:
        retention = self._services.retention
        self._runner.run(
            lambda: (retention.retention_years(), retention.register()),
            self._on_loaded,
            self._on_failed,
        )

    def _on_loaded(self, result: tuple[int, list[DestructionEntry]]) -> None:
        years, entries = result
        self.years_spin.setValue(years)
        table = self.register_table
        table.setRowCount(0)
        for e in entries:
            append_row(
                table,
                [
                    e.case_number,
                    date_text(e.closed_on),
                    datetime_text(e.destroyed_at),
                    e.destroyed_by,
                    e.legal_basis,
                    self.tr("%1년").replace("%1", str(e.retention_years)),
                ],
            )
        resize_to_contents(table)
        self.loaded.emit()

    def _on_failed(self, exc: BaseException) -> None:
        self.status_label.setText(error_text(exc))
        self._update_purge_button()

    @Slot()
    def _on_save_years_button_clicked(self) -> None:
        years = self.years_spin.value()
        retention = self._services.retention
        self._report = None  # a new period makes the listed cases stale
        self.due_table.setRowCount(0)
        self._update_purge_button()
        self._runner.run(
            lambda: retention.set_retention_years(years),
            lambda _none: self.status_label.setText(
                self.tr("보관 기간을 %1년으로 정했습니다.").replace("%1", str(years))
            ),
            self._on_failed,
        )

    @Slot()
    def _on_dry_run_button_clicked(self) -> None:
        self._runner.run(self._services.retention.due, self._on_due_loaded, self._on_failed)

    def _on_due_loaded(self, report: RetentionReport) -> None:
        self._report = report
        table = self.due_table
        table.setRowCount(0)
        for case in report.cases:
            append_row(table, [case.case_number, date_text(case.closed_on)])
        resize_to_contents(table)
        self.due_label.setText(
            self.tr("%1 이전에 종결한 사례 %2건 (보관 기간 %3년)")
            .replace("%1", date_text(report.cutoff))
            .replace("%2", str(len(report.cases)))
            .replace("%3", str(report.years))
        )
        self.confirm_edit.clear()
        self._update_purge_button()
        self.dry_run_done.emit(report)

    @Slot()
    def _update_purge_button(self) -> None:
        ready = (
            self._report is not None
            and bool(self._report.cases)
            and self.confirm_edit.text().strip() == self.confirm_word()
        )
        self.purge_button.setEnabled(ready)

    @Slot()
    def _on_purge_button_clicked(self) -> None:
        report = self._report
        if report is None or self.confirm_edit.text().strip() != self.confirm_word():
            return
        numbers = [case.case_number for case in report.cases]
        retention = self._services.retention
        self.purge_button.setEnabled(False)
        self._runner.run(
            lambda: retention.purge(numbers),
            self._on_purged,
            self._on_failed,
            label=self.tr("파기하는 중입니다…"),
        )

    def _on_purged(self, result: PurgeResult) -> None:
        self._report = None
        self.due_table.setRowCount(0)
        self.confirm_edit.clear()
        self.due_label.clear()
        self.status_label.setText(
            self.tr("사례 %1건을 파기했습니다. 파기 대장에 기록했습니다.").replace(
                "%1", str(len(result.destroyed))
            )
        )
        self._update_purge_button()
        self.purged.emit(result)
        self.refresh()
