"""접속기록 (the access log) for administrators: filter, verify the chain, monthly review, CSV.

``AuditPage(account, runner, settings)``: ``account`` is the logged-in administrator's session
(``audit_log`` for the rows, ``verify_audit()`` for the chain with the head remembered outside
the database, ``record_event`` to log a review export). The rows are held by
:class:`AuditEventModel`, which hands them to the view a step at a time (``fetchMore``), so a
long log opens at once; a query returns at most :data:`EVENT_LIMIT` rows, and the page says
when there are more (narrow the period). CSV files are written only after the export and its
reason are in the log.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    QSettings,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from onestop_desk.domain.text import csv_row
from onestop_desk.domain.vocab import AuditAction
from onestop_desk.services.access_log import (
    AuditEventRecord,
    AuditFilter,
    AuditNames,
    AuditReview,
)
from onestop_desk.ui.admin.audit_words import NO_NAMES, audit_detail_text
from onestop_desk.ui.kit.item_roles import AuditSeqRole
from onestop_desk.ui.kit.messages import (
    audit_action_label,
    chain_report_text,
    datetime_text,
    error_text,
    review_finding_text,
)
from onestop_desk.ui.kit.printing import save_file
from onestop_desk.ui.kit.table_model import Column, RecordTableModel
from onestop_desk.ui.kit.tasks import TaskRunner
from onestop_desk.ui.kit.widgets import (
    DateParseError,
    append_row,
    heading,
    make_button,
    make_date_edit,
    make_table,
    parse_date,
    resize_to_contents,
    restore_header,
    save_header,
    setup_table,
)

EVENT_LIMIT = 20_000
FETCH_STEP = 500
DETAIL_WIDTH = 360
"""A purge row's detail is long JSON: the tooltip has it whole."""
ModelIndex = QModelIndex | QPersistentModelIndex


class AuditAccount(Protocol):
    """What the page needs of the session (``AuthSession``)."""

    audit_log: Any

    def verify_audit(self) -> Any: ...

    def record_event(
        self, action: str, *, case_number: str = "", detail: str = "", reason: str = ""
    ) -> None: ...


class AuditEventModel(RecordTableModel[AuditEventRecord]):
    """Access-log rows, newest first; the view gets :data:`FETCH_STEP` rows at a time."""

    SEQ, AT, USER, PC, CASE, ACTION, DETAIL, REASON = range(8)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shown = 0
        self._names = NO_NAMES
        self.declare(
            [
                Column(self.tr("번호"), lambda e: str(e.seq), align_right=True),
                Column(self.tr("일시"), lambda e: datetime_text(e.at)),
                Column(self.tr("사용자"), lambda e: e.username),
                Column(self.tr("PC"), lambda e: e.pc_name),
                Column(self.tr("사례번호"), lambda e: e.case_number),
                Column(self.tr("작업"), lambda e: audit_action_label(e.action)),
                Column(self.tr("내용"), self._detail_text, tooltip=self._detail_tooltip),
                Column(self.tr("사유"), lambda e: e.reason),
            ],
            {AuditSeqRole: lambda e: e.seq},
        )

    def set_events(
        self, events: Sequence[AuditEventRecord], names: AuditNames | None = None
    ) -> None:
        """``names`` (agencies, accounts) word the details; without them codes and ids
        stand in for names."""
        self._names = names or NO_NAMES
        self.set_records(events)

    def _detail_text(self, event: AuditEventRecord) -> str:
        return audit_detail_text(event.action, event.detail, self._names)

    def _detail_tooltip(self, event: AuditEventRecord) -> str | None:
        """The sentence whole, and under it the row as stored (what the chain covers)."""
        words = self._detail_text(event)
        if words == event.detail:
            return event.detail or None
        return f"{words}\n\n{event.detail}"

    def _on_reset(self) -> None:
        self._shown = min(FETCH_STEP, len(self._records))

    def total(self) -> int:
        return len(self._records)

    def row_of_seq(self, seq: int) -> int | None:
        """The row showing ``seq`` (fetching up to it), or ``None`` if it is not loaded."""
        for row, event in enumerate(self._records):
            if event.seq == seq:
                while row >= self._shown:
                    self.fetchMore(QModelIndex())
                return row
        return None

    def canFetchMore(self, parent: ModelIndex) -> bool:
        return not parent.isValid() and self._shown < len(self._records)

    def fetchMore(self, parent: ModelIndex) -> None:
        if parent.isValid():
            return
        more = min(FETCH_STEP, len(self._records) - self._shown)
        if more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._shown, self._shown + more - 1)
        self._shown += more
        self.endInsertRows()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._shown


class Ui_AuditPage:
    def setup_ui(self, page: QWidget) -> None:
        page.setObjectName("audit_page")
        layout = QVBoxLayout(page)
        self.title_label = heading(
            QCoreApplication.translate("AuditPage", "접속기록"), "title_label", page
        )
        layout.addWidget(self.title_label)

        filters = QHBoxLayout()
        self.user_edit = QLineEdit(page)
        self.user_edit.setObjectName("user_edit")
        self.user_edit.setPlaceholderText(QCoreApplication.translate("AuditPage", "사용자 아이디"))
        self.case_edit = QLineEdit(page)
        self.case_edit.setObjectName("case_edit")
        self.case_edit.setPlaceholderText(QCoreApplication.translate("AuditPage", "사례번호"))
        self.action_combo = QComboBox(page)
        self.action_combo.setObjectName("action_combo")
        self.action_combo.addItem(QCoreApplication.translate("AuditPage", "모든 작업"), "")
        for action in AuditAction:
            self.action_combo.addItem(audit_action_label(action.value), action.value)
        self.from_edit = make_date_edit("from_edit", page)
        self.to_edit = make_date_edit("to_edit", page)
        self.search_button = make_button(
            QCoreApplication.translate("AuditPage", "조회"), "search_button", page
        )
        self.search_button.setDefault(True)
        for widget in (self.user_edit, self.case_edit, self.action_combo, self.from_edit):
            filters.addWidget(widget)
        filters.addWidget(QLabel("~", page))
        filters.addWidget(self.to_edit)
        filters.addWidget(self.search_button)
        layout.addLayout(filters)

        self.event_table = QTableView(page)
        self.event_table.setObjectName("event_table")
        setup_table(self.event_table)
        layout.addWidget(self.event_table, 1)
        self.count_label = QLabel(page)
        self.count_label.setObjectName("count_label")
        layout.addWidget(self.count_label)

        checks = QHBoxLayout()
        self.verify_button = make_button(
            QCoreApplication.translate("AuditPage", "체인 검증"), "verify_button", page
        )
        self.verify_label = QLabel(page)
        self.verify_label.setObjectName("verify_label")
        self.verify_label.setWordWrap(True)
        checks.addWidget(self.verify_button)
        checks.addWidget(self.verify_label, 1)
        layout.addLayout(checks)

        self.review_box = QGroupBox(QCoreApplication.translate("AuditPage", "월간 점검"), page)
        self.review_box.setObjectName("review_box")
        review = QVBoxLayout(self.review_box)
        month_row = QHBoxLayout()
        self.month_edit = QDateEdit(self.review_box)
        self.month_edit.setObjectName("month_edit")
        self.month_edit.setDisplayFormat("yyyy-MM")
        self.review_button = make_button(
            QCoreApplication.translate("AuditPage", "점검표 보기"), "review_button", self.review_box
        )
        month_row.addWidget(
            QLabel(QCoreApplication.translate("AuditPage", "점검할 달"), self.review_box)
        )
        month_row.addWidget(self.month_edit)
        month_row.addWidget(self.review_button)
        month_row.addStretch(1)
        review.addLayout(month_row)
        body = QHBoxLayout()
        self.review_table = make_table(
            "review_table",
            [
                QCoreApplication.translate("AuditPage", "사용자"),
                QCoreApplication.translate("AuditPage", "작업"),
                QCoreApplication.translate("AuditPage", "건수"),
            ],
            self.review_box,
        )
        self.findings_label = QLabel(self.review_box)
        self.findings_label.setObjectName("findings_label")
        self.findings_label.setWordWrap(True)
        self.findings_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.findings_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        body.addWidget(self.review_table, 1)
        body.addWidget(self.findings_label, 1)
        review.addLayout(body)
        layout.addWidget(self.review_box)

        export = QHBoxLayout()
        self.reason_edit = QLineEdit(page)
        self.reason_edit.setObjectName("reason_edit")
        self.reason_edit.setPlaceholderText(
            QCoreApplication.translate("AuditPage", "내보내는 사유(필수, 접속기록에 남습니다)")
        )
        self.export_button = make_button(
            QCoreApplication.translate("AuditPage", "CSV 내보내기…"), "export_button", page
        )
        self.export_review_button = make_button(
            QCoreApplication.translate("AuditPage", "점검표 CSV 내보내기…"),
            "export_review_button",
            page,
        )
        export.addWidget(self.reason_edit, 1)
        export.addWidget(self.export_button)
        export.addWidget(self.export_review_button)
        layout.addLayout(export)
        self.status_label = QLabel(page)
        self.status_label.setObjectName("status_label")
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)


class AuditPage(QWidget):
    """See the module docstring. ``loaded``, ``verified(report)``, ``reviewed(review)`` and
    ``exported(path)`` tell whoever waits (tests) that a job came back."""

    loaded = Signal()
    verified = Signal(object)
    reviewed = Signal(object)
    exported = Signal(object)

    def __init__(
        self,
        account: AuditAccount,
        runner: TaskRunner,
        settings: QSettings,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_AuditPage()
        self.ui.setup_ui(self)
        self._account = account
        self._runner = runner
        self._settings = settings
        self._review: AuditReview | None = None
        self.model = AuditEventModel(self)
        self.ui.event_table.setModel(self.model)
        restore_header(settings, self.ui.event_table)
        day = today or date.today()
        last_month = day.replace(day=1) - timedelta(days=1)
        self.ui.month_edit.setDate(QDate(last_month.year, last_month.month, 1))
        self.ui.search_button.clicked.connect(self._on_search_button_clicked)
        for edit in (self.ui.user_edit, self.ui.case_edit, self.ui.from_edit, self.ui.to_edit):
            edit.returnPressed.connect(self._on_search_button_clicked)
        self.ui.verify_button.clicked.connect(self._on_verify_button_clicked)
        self.ui.review_button.clicked.connect(self._on_review_button_clicked)
        self.ui.export_button.clicked.connect(self._on_export_button_clicked)
        self.ui.export_review_button.clicked.connect(self._on_export_review_button_clicked)
        self.ui.export_review_button.setEnabled(False)

    def save_layout(self) -> None:
        save_header(self._settings, self.ui.event_table)

    # --- rows -------------------------------------------------------------------------------

    def current_filter(self) -> AuditFilter | None:
        """The filter on screen, or ``None`` (with the reason shown) if a date is not one."""
        try:
            start = parse_date(self.ui.from_edit.text())
            end = parse_date(self.ui.to_edit.text())
        except DateParseError:
            self.ui.status_label.setText(self.tr("날짜는 2026-11-01 처럼 입력해 주세요."))
            return None
        return AuditFilter(
            start=start,
            end=end,
            username=self.ui.user_edit.text().strip(),
            case_number=self.ui.case_edit.text().strip(),
            action=str(self.ui.action_combo.currentData() or ""),
        )

    @Slot()
    def refresh(self) -> None:
        flt = self.current_filter()
        if flt is None:
            return
        self.ui.status_label.clear()
        audit_log = self._account.audit_log
        self._runner.run(
            lambda: (
                audit_log.events(flt, limit=EVENT_LIMIT + 1, newest_first=True),
                audit_log.names(),
            ),
            lambda loaded: self._on_events_loaded(*loaded),
            self._on_failed,
        )

    @Slot()
    def _on_search_button_clicked(self) -> None:
        self.refresh()

    def _on_events_loaded(
        self, events: list[AuditEventRecord], names: AuditNames | None = None
    ) -> None:
        more = len(events) > EVENT_LIMIT
        self.model.set_events(events[:EVENT_LIMIT], names)  # newest first: they matter most
        table = self.ui.event_table
        resize_to_contents(table)
        detail = AuditEventModel.DETAIL
        table.setColumnWidth(detail, min(table.columnWidth(detail), DETAIL_WIDTH))
        text = self.tr("%1건").replace("%1", f"{self.model.total():,}")
        if more:
            text += " " + self.tr("(가장 최근 %1건만 가져왔습니다. 기간을 좁혀 주세요.)").replace(
                "%1", f"{EVENT_LIMIT:,}"
            )
        self.ui.count_label.setText(text)
        self.loaded.emit()

    def _on_failed(self, exc: BaseException) -> None:
        self.ui.status_label.setText(error_text(exc))

    # --- verify -----------------------------------------------------------------------------

    @Slot()
    def _on_verify_button_clicked(self) -> None:
        self.ui.verify_button.setEnabled(False)
        self.ui.verify_label.setText(self.tr("검증하는 중…"))
        self._runner.run(
            self._account.verify_audit,
            self._on_verify_done,
            self._on_verify_failed,
            label=self.tr("접속기록을 검증하는 중입니다…"),
        )

    def _on_verify_done(self, report: Any) -> None:
        self.ui.verify_button.setEnabled(True)
        if report.ok:
            self.ui.verify_label.setStyleSheet("color: #1b5e20;")
            self.ui.verify_label.setText(
                self.tr("기록 %1건의 사슬이 모두 온전합니다.").replace(
                    "%1", f"{report.rows_checked:,}"
                )
            )
        else:
            self.ui.verify_label.setStyleSheet("color: #b3261e;")
            self.ui.verify_label.setText(chain_report_text(report))
            row = self.model.row_of_seq(report.first_bad_seq or -1)
            if row is not None:
                self.ui.event_table.selectRow(row)
                self.ui.event_table.scrollTo(self.model.index(row, 0))
        self.verified.emit(report)

    def _on_verify_failed(self, exc: BaseException) -> None:
        self.ui.verify_button.setEnabled(True)
        self.ui.verify_label.setText(error_text(exc))

    # --- monthly review ---------------------------------------------------------------------

    def review_month(self) -> str:
        return self.ui.month_edit.date().toString("yyyy-MM")

    @Slot()
    def _on_review_button_clicked(self) -> None:
        month = self.review_month()
        audit_log = self._account.audit_log
        self._runner.run(
            lambda: audit_log.review(month),
            self._on_review_loaded,
            self._on_failed,
            label=self.tr("월간 점검표를 만드는 중입니다…"),
        )

    def _on_review_loaded(self, review: AuditReview) -> None:
        self._review = review
        table = self.ui.review_table
        table.setRowCount(0)
        for count in review.counts:
            append_row(table, [count.username, audit_action_label(count.action), str(count.count)])
        table.resizeColumnsToContents()
        lines = [
            self.tr("%1: 기록 %2건").replace("%1", review.month).replace("%2", str(review.total))
        ]
        if not review.findings:
            lines.append(self.tr("눈여겨볼 점이 없습니다."))
        for finding in review.findings:
            line = f"• {review_finding_text(finding.kind)} · {finding.username} · {finding.count}"
            lines.append(line + (f" · {finding.detail}" if finding.detail else ""))
        self.ui.findings_label.setText("\n".join(lines))
        self.ui.export_review_button.setEnabled(True)
        self.reviewed.emit(review)

    # --- exports ----------------------------------------------------------------------------

    def _reason(self) -> str | None:
        reason = self.ui.reason_edit.text().strip()
        if not reason:
            self.ui.status_label.setText(self.tr("내보내는 사유를 적어 주세요."))
            self.ui.reason_edit.setFocus()
            return None
        return reason

    def _ask_path(self, suggested: str) -> Path | None:
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("CSV로 저장"), suggested, self.tr("CSV 파일 (*.csv)")
        )
        return Path(name) if name else None

    @Slot()
    def _on_export_button_clicked(self) -> None:
        if self._reason() is None:
            return
        path = self._ask_path("access-log.csv")
        if path is not None:
            self.export_log_to(path)

    @Slot()
    def _on_export_review_button_clicked(self) -> None:
        if self._reason() is None or self._review is None:
            return
        path = self._ask_path(f"access-review-{self._review.month}.csv")
        if path is not None:
            self.export_review_to(path)

    def export_log_to(self, path: Path) -> None:
        """The filtered log as CSV; the service logs the export with its reason first."""
        reason, flt = self._reason(), self.current_filter()
        if reason is None or flt is None:
            return
        audit_log = self._account.audit_log
        self._runner.run(
            lambda: _write_text(path, audit_log.export_csv(reason, flt)),
            self._on_exported,
            self._on_failed,
        )

    def export_review_to(self, path: Path) -> None:
        """The monthly review on screen as CSV, logged (with the reason) before it is written."""
        reason, review = self._reason(), self._review
        if reason is None or review is None:
            return
        account = self._account

        def job() -> Path:
            account.record_event(
                AuditAction.EXPORT, detail=f"audit review {review.month} csv", reason=reason
            )
            return _write_text(path, review_csv(review))

        self._runner.run(job, self._on_exported, self._on_failed)

    def _on_exported(self, path: Path) -> None:
        self.ui.status_label.setText(self.tr("저장했습니다: %1").replace("%1", str(path)))
        self.exported.emit(path)


def review_csv(review: AuditReview) -> str:
    """The review as one CSV: the counts, then the findings (codes, as the log has them)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["month", review.month, "rows", review.total])
    writer.writerow(["user", "action", "count"])
    for count in review.counts:
        writer.writerow(csv_row([count.username, count.action, count.count]))
    writer.writerow([])
    writer.writerow(["finding", "user", "count", "detail"])
    # A finding's detail quotes typed reasons: opened in Excel, it must never run.
    for finding in review.findings:
        writer.writerow(csv_row([finding.kind, finding.username, finding.count, finding.detail]))
    return out.getvalue()


def _write_text(path: Path, text: str) -> Path:
    # utf-8-sig: Excel on a Korean Windows opens it with the Hangul intact.
    save_file(text.encode("utf-8-sig"), path)
    return path
