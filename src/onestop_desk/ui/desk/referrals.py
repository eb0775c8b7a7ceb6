"""연계 현황: referrals waiting for an answer, and the reply slip scanner.

A barcode scanner types the slip's document number followed by Enter, so the number field
is an ordinary line edit: Enter finds the referral and opens the reply form.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from onestop_desk.domain.records import ReferralRecord
from onestop_desk.services import Services
from onestop_desk.ui.cases.case_dialogs import ReplyDialog
from onestop_desk.ui.kit.item_roles import CaseIdRole, ReferralIdRole
from onestop_desk.ui.kit.messages import (
    date_text,
    error_text,
    referral_status_label,
    stored_time_text,
)
from onestop_desk.ui.kit.tasks import TaskRunner
from onestop_desk.ui.kit.widgets import (
    append_row,
    heading,
    make_error_label,
    make_table,
    resize_to_contents,
    save_header,
)


class ReferralPage(QWidget):
    case_opened = Signal(int)
    reply_dialog_opened = Signal(object)
    loaded = Signal()

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        settings: QSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("referral_page")
        self._services = services
        self._runner = runner
        self._settings = settings
        self._records: dict[int, ReferralRecord] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("연계 현황"), "title_label", self))
        scan = QHBoxLayout()
        self.document_label = QLabel(self.tr("회신서 문서번호(&D)"), self)
        self.document_label.setObjectName("document_label")
        self.document_edit = QLineEdit(self)
        self.document_edit.setObjectName("document_edit")
        self.document_edit.setPlaceholderText(
            self.tr("스캐너로 읽거나 입력 후 Enter (예: R2026-000123)")
        )
        self.document_label.setBuddy(self.document_edit)
        scan.addWidget(self.document_label)
        scan.addWidget(self.document_edit, 1)
        layout.addLayout(scan)
        self.document_error_label = make_error_label("document_error_label", self)
        layout.addWidget(self.document_error_label)
        self.waiting_label = QLabel(self.tr("회신을 기다리거나 후속 확인일이 지난 연계"), self)
        self.waiting_label.setObjectName("waiting_label")
        layout.addWidget(self.waiting_label)
        self.referral_table = make_table(
            "referral_table",
            [
                self.tr("문서번호"),
                self.tr("사례번호"),
                self.tr("기관"),
                self.tr("상태"),
                self.tr("발송"),
                self.tr("후속 확인일"),
                self.tr("회신"),
            ],
            self,
            settings,
        )
        layout.addWidget(self.referral_table, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.reply_button = QPushButton(self.tr("회신 기록…"), self)
        self.reply_button.setObjectName("reply_button")
        self.open_case_button = QPushButton(self.tr("사례 열기"), self)
        self.open_case_button.setObjectName("open_case_button")
        buttons.addWidget(self.reply_button)
        buttons.addWidget(self.open_case_button)
        layout.addLayout(buttons)
        self.document_edit.returnPressed.connect(self._on_document_edit_return_pressed)
        self.reply_button.clicked.connect(self._on_reply_button_clicked)
        self.open_case_button.clicked.connect(self._on_open_case_button_clicked)
        self.referral_table.itemActivated.connect(self._on_open_case_button_clicked)

    def save_layout(self) -> None:
        save_header(self._settings, self.referral_table)

    @Slot()
    def refresh(self) -> None:
        self._runner.run(self._services.referrals.waiting, self._on_waiting_loaded)

    def _on_waiting_loaded(self, records: list[ReferralRecord]) -> None:
        self._records = {r.id: r for r in records}
        table = self.referral_table
        table.setRowCount(0)
        for r in records:
            values = [
                r.document_number,
                r.case_number,
                r.agency_name,
                referral_status_label(r.status),
                stored_time_text(r.sent_at)[:10],
                date_text(r.follow_up_due),
                date_text(r.reply.received_on) if r.reply else "",
            ]
            append_row(table, values, {ReferralIdRole: r.id, CaseIdRole: r.case_id})
        resize_to_contents(table)
        self.loaded.emit()

    def _selected(self) -> ReferralRecord | None:
        row = self.referral_table.currentRow()
        if row < 0:
            return None
        return self._records.get(self.referral_table.item(row, 0).data(ReferralIdRole))

    @Slot()
    def _on_document_edit_return_pressed(self) -> None:
        number = self.document_edit.text().strip()
        if not number:
            return
        self.document_error_label.hide()
        self._runner.run(
            lambda: self._services.referrals.by_document_number(number),
            self._on_referral_found,
            self._on_lookup_failed,
        )

    def _on_referral_found(self, referral: ReferralRecord) -> None:
        self.document_edit.clear()
        self._open_reply(referral)

    def _on_lookup_failed(self, exc: BaseException) -> None:
        self.document_error_label.setText(error_text(exc))
        self.document_error_label.show()
        self.document_edit.selectAll()

    def _open_reply(self, referral: ReferralRecord) -> None:
        dialog = ReplyDialog(self._services, self._runner, referral, self)
        dialog.reply_saved.connect(lambda _r: self.refresh())
        dialog.finished.connect(lambda _code: self.document_edit.setFocus())
        dialog.open()
        self.reply_dialog_opened.emit(dialog)

    @Slot()
    def _on_reply_button_clicked(self) -> None:
        referral = self._selected()
        if referral is not None:
            self._open_reply(referral)

    @Slot()
    def _on_open_case_button_clicked(self) -> None:
        referral = self._selected()
        if referral is not None:
            self.case_opened.emit(referral.case_id)
