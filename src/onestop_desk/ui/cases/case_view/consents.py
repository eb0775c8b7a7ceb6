"""The 동의 tab: which agency may receive what, and withdrawing a consent."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import QHBoxLayout, QTableWidgetItem, QVBoxLayout, QWidget

from onestop_desk.domain.records import ConsentRecord
from onestop_desk.services import Services
from onestop_desk.ui.cases.case_dialogs import ConsentDialog
from onestop_desk.ui.cases.case_view.panel import CasePanel
from onestop_desk.ui.kit.item_roles import ConsentIdRole
from onestop_desk.ui.kit.messages import consent_items_text, consent_method_label, date_text
from onestop_desk.ui.kit.tasks import TaskRunner
from onestop_desk.ui.kit.widgets import (
    make_button,
    make_error_label,
    make_table,
    resize_to_contents,
)

translate = QCoreApplication.translate


class Ui_ConsentsPanel:
    def setup_ui(self, panel: QWidget) -> None:
        panel.setObjectName("consents_panel")
        layout = QVBoxLayout(panel)
        self.consent_table = make_table(
            "consent_table",
            [
                translate("CaseView", "기관"),
                translate("CaseView", "항목"),
                translate("CaseView", "방법"),
                translate("CaseView", "동의일"),
                translate("CaseView", "상태"),
            ],
            panel,
        )
        layout.addWidget(self.consent_table, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.add_consent_button = make_button(
            translate("CaseView", "동의 기록…"), "add_consent_button", panel
        )
        self.withdraw_consent_button = make_button(
            translate("CaseView", "선택한 동의 철회"), "withdraw_consent_button", panel
        )
        row.addWidget(self.add_consent_button)
        row.addWidget(self.withdraw_consent_button)
        layout.addLayout(row)
        self.consent_error_label = make_error_label("consent_error_label", panel)
        layout.addWidget(self.consent_error_label)


class ConsentsPanel(CasePanel):
    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(services, runner, parent)
        self.ui = Ui_ConsentsPanel()
        self.ui.setup_ui(self)
        self.ui.add_consent_button.clicked.connect(self._on_add_consent_button_clicked)
        self.ui.withdraw_consent_button.clicked.connect(self._on_withdraw_consent_button_clicked)

    def show_consents(self, consents: list[ConsentRecord], today: date) -> None:
        table = self.ui.consent_table
        table.setRowCount(0)
        for consent in consents:
            row = table.rowCount()
            table.insertRow(row)
            if consent.withdrawn_on is not None:
                state = translate("CaseView", "철회 %1").replace(
                    "%1", date_text(consent.withdrawn_on)
                )
            elif consent.is_valid_on(today):
                state = translate("CaseView", "유효")
            else:
                state = translate("CaseView", "만료")
            agency = QTableWidgetItem(self._directory.agency_name(consent.agency_code))
            agency.setData(ConsentIdRole, consent.id)
            table.setItem(row, 0, agency)
            table.setItem(row, 1, QTableWidgetItem(consent_items_text(consent.items)))
            table.setItem(row, 2, QTableWidgetItem(consent_method_label(consent.method)))
            table.setItem(row, 3, QTableWidgetItem(date_text(consent.given_on)))
            table.setItem(row, 4, QTableWidgetItem(state))
        resize_to_contents(table)

    @Slot()
    def _on_add_consent_button_clicked(self) -> None:
        if self._case_id is None or not self._directory.agencies:
            return  # the agencies to choose from are still loading
        dialog = ConsentDialog(
            self._services, self._runner, self._case_id, self._directory.agencies, self
        )
        dialog.consent_saved.connect(lambda _record: self.changed.emit(False))
        dialog.open()
        self.dialog_opened.emit(dialog)

    @Slot()
    def _on_withdraw_consent_button_clicked(self) -> None:
        row = self.ui.consent_table.currentRow()
        if row < 0:
            return
        consent_id = self.ui.consent_table.item(row, 0).data(ConsentIdRole)
        consents = self._services.consents
        self.run_action(lambda: consents.withdraw(consent_id), self.ui.consent_error_label)
