"""The 연계 tab: the case's referral letters, their state, the reply and the follow-up date."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from onestop_desk.domain.errors import FieldError
from onestop_desk.domain.records import NeedRecord, ReferralRecord
from onestop_desk.domain.vocab import OPEN_REFERRAL_STATES, NeedStatus, ReferralStatus
from onestop_desk.services import Services
from onestop_desk.ui.cases.case_dialogs import ReplyDialog
from onestop_desk.ui.cases.case_view.data import Directory
from onestop_desk.ui.cases.case_view.panel import CasePanel
from onestop_desk.ui.kit.item_roles import ReferralIdRole
from onestop_desk.ui.kit.messages import (
    date_text,
    field_error_text,
    localized_name,
    referral_status_label,
    stored_time_text,
)
from onestop_desk.ui.kit.tasks import TaskRunner
from onestop_desk.ui.kit.widgets import (
    DateParseError,
    make_button,
    make_date_edit,
    make_error_label,
    make_table,
    parse_date,
    resize_to_contents,
)

translate = QCoreApplication.translate


class Ui_ReferralsPanel:
    def setup_ui(self, panel: QWidget) -> None:
        panel.setObjectName("referrals_panel")
        layout = QVBoxLayout(panel)
        self.referral_table = make_table(
            "referral_table",
            [
                translate("CaseView", "문서번호"),
                translate("CaseView", "기관"),
                translate("CaseView", "상태"),
                translate("CaseView", "만든 날"),
                translate("CaseView", "후속 확인일"),
                translate("CaseView", "회신"),
            ],
            panel,
        )
        layout.addWidget(self.referral_table, 1)
        actions = QHBoxLayout()
        self.send_button = make_button(translate("CaseView", "발송 처리"), "send_button", panel)
        self.reply_button = make_button(translate("CaseView", "회신 기록…"), "reply_button", panel)
        self.withdraw_referral_button = make_button(
            translate("CaseView", "연계 철회"), "withdraw_referral_button", panel
        )
        self.follow_up_edit = make_date_edit("follow_up_edit", panel)
        self.follow_up_edit.setMaximumWidth(120)
        self.follow_up_button = make_button(
            translate("CaseView", "후속 확인일 정하기"), "follow_up_button", panel
        )
        for widget in (self.send_button, self.reply_button, self.withdraw_referral_button):
            actions.addWidget(widget)
        actions.addStretch(1)
        actions.addWidget(self.follow_up_edit)
        actions.addWidget(self.follow_up_button)
        layout.addLayout(actions)
        create = QHBoxLayout()
        self.new_referral_label = QLabel(translate("CaseView", "새 연계"), panel)
        self.new_referral_label.setObjectName("new_referral_label")
        create.addWidget(self.new_referral_label)
        self.agency_combo = QComboBox(panel)
        self.agency_combo.setObjectName("agency_combo")
        self.create_referral_button = make_button(
            translate("CaseView", "연계 만들기"), "create_referral_button", panel
        )
        create.addWidget(self.agency_combo, 1)
        create.addWidget(self.create_referral_button)
        layout.addLayout(create)
        self.referral_error_label = make_error_label("referral_error_label", panel)
        layout.addWidget(self.referral_error_label)


class ReferralsPanel(CasePanel):
    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(services, runner, parent)
        self.ui = Ui_ReferralsPanel()
        self.ui.setup_ui(self)
        self._referrals: list[ReferralRecord] = []
        self._needs: list[NeedRecord] = []
        self.ui.send_button.clicked.connect(self._on_send_button_clicked)
        self.ui.reply_button.clicked.connect(self._on_reply_button_clicked)
        self.ui.withdraw_referral_button.clicked.connect(self._on_withdraw_referral_button_clicked)
        self.ui.follow_up_button.clicked.connect(self._on_follow_up_button_clicked)
        self.ui.create_referral_button.clicked.connect(self._on_create_referral_button_clicked)
        self.ui.referral_table.itemSelectionChanged.connect(self._update_buttons)
        self.ui.follow_up_edit.textEdited.connect(lambda _text: self.ui.referral_error_label.hide())
        self._update_buttons()

    def set_directory(self, directory: Directory) -> None:
        super().set_directory(directory)
        self.ui.agency_combo.clear()
        for agency in directory.agencies:
            self.ui.agency_combo.addItem(localized_name(agency), agency.code)

    def clear(self) -> None:
        self.ui.referral_error_label.hide()

    def show_referrals(self, referrals: list[ReferralRecord], needs: list[NeedRecord]) -> None:
        # After 발송 처리 or 후속 확인일 the same referral stays selected, not the first row.
        kept = self.selected_referral()
        self._referrals = list(referrals)
        self._needs = list(needs)
        table = self.ui.referral_table
        table.setRowCount(0)
        for r in referrals:
            row = table.rowCount()
            table.insertRow(row)
            number = QTableWidgetItem(r.document_number)
            number.setData(ReferralIdRole, r.id)
            table.setItem(row, 0, number)
            table.setItem(row, 1, QTableWidgetItem(self._directory.agency_name(r.agency_code)))
            table.setItem(row, 2, QTableWidgetItem(referral_status_label(r.status)))
            table.setItem(row, 3, QTableWidgetItem(stored_time_text(r.created_at)))
            table.setItem(row, 4, QTableWidgetItem(date_text(r.follow_up_due)))
            reply = ""
            if r.reply is not None:
                reply = f"{date_text(r.reply.received_on)} {r.reply.result}"
            table.setItem(row, 5, QTableWidgetItem(reply))
        resize_to_contents(table)
        if referrals:
            ids = [r.id for r in referrals]
            table.selectRow(ids.index(kept.id) if kept is not None and kept.id in ids else 0)
        self._update_buttons()

    def selected_referral(self) -> ReferralRecord | None:
        row = self.ui.referral_table.currentRow()
        if row < 0:
            return None
        referral_id = self.ui.referral_table.item(row, 0).data(ReferralIdRole)
        return next((r for r in self._referrals if r.id == referral_id), None)

    def _update_buttons(self) -> None:
        r = self.selected_referral()
        is_open = r is not None and r.status in OPEN_REFERRAL_STATES
        self.ui.send_button.setEnabled(r is not None and r.status is ReferralStatus.DRAFT)
        self.ui.reply_button.setEnabled(is_open)
        self.ui.withdraw_referral_button.setEnabled(is_open)
        self.ui.follow_up_button.setEnabled(r is not None)
        if r is not None:
            self.ui.follow_up_edit.setText(date_text(r.follow_up_due))

    def _transition(self, to: ReferralStatus) -> None:
        r = self.selected_referral()
        if r is None:
            return
        referrals = self._services.referrals
        self.run_action(lambda: referrals.transition(r.id, to), self.ui.referral_error_label)

    @Slot()
    def _on_send_button_clicked(self) -> None:
        self._transition(ReferralStatus.SENT)

    @Slot()
    def _on_withdraw_referral_button_clicked(self) -> None:
        self._transition(ReferralStatus.WITHDRAWN)

    @Slot()
    def _on_reply_button_clicked(self) -> None:
        r = self.selected_referral()
        if r is None:
            return
        dialog = ReplyDialog(self._services, self._runner, r, self)
        dialog.reply_saved.connect(lambda _record: self.changed.emit(False))
        dialog.open()
        self.dialog_opened.emit(dialog)

    @Slot()
    def _on_follow_up_button_clicked(self) -> None:
        r = self.selected_referral()
        if r is None:
            return
        try:
            due = parse_date(self.ui.follow_up_edit.text())
        except DateParseError:
            self.ui.referral_error_label.setText(
                field_error_text(FieldError("referral.follow_up_due", "invalid_date"))
            )
            self.ui.referral_error_label.show()
            return
        referrals = self._services.referrals
        self.run_action(lambda: referrals.set_follow_up(r.id, due), self.ui.referral_error_label)

    @Slot()
    def _on_create_referral_button_clicked(self) -> None:
        case_id = self._case_id
        code = self.ui.agency_combo.currentData()
        if case_id is None or code is None:
            return
        offered = {p.code for p in self._directory.programmes if code in p.agency_codes}
        wanted = [
            n.programme_code
            for n in self._needs
            if n.programme_code in offered and n.status is not NeedStatus.NOT_APPLICABLE
        ]
        referrals = self._services.referrals
        self.run_action(
            lambda: referrals.create(case_id, code, wanted), self.ui.referral_error_label
        )
