"""The 욕구 tab: the support the person needs and where each need stands."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QTableWidgetItem, QVBoxLayout, QWidget

from onestop_desk.domain.records import NeedRecord
from onestop_desk.domain.vocab import NeedStatus
from onestop_desk.services import Services
from onestop_desk.ui.cases.case_view.panel import CasePanel
from onestop_desk.ui.kit.item_roles import NeedIdRole
from onestop_desk.ui.kit.messages import need_status_label
from onestop_desk.ui.kit.tasks import TaskRunner
from onestop_desk.ui.kit.widgets import (
    make_button,
    make_error_label,
    make_table,
    resize_to_contents,
)

translate = QCoreApplication.translate


class Ui_NeedsPanel:
    def setup_ui(self, panel: QWidget) -> None:
        panel.setObjectName("needs_panel")
        layout = QVBoxLayout(panel)
        self.needs_table = make_table(
            "needs_table",
            [
                translate("CaseView", "지원 영역"),
                translate("CaseView", "프로그램"),
                translate("CaseView", "상태"),
                translate("CaseView", "메모"),
            ],
            panel,
        )
        layout.addWidget(self.needs_table, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.need_status_combo = QComboBox(panel)
        self.need_status_combo.setObjectName("need_status_combo")
        self.need_status_button = make_button(
            translate("CaseView", "선택한 욕구 상태 바꾸기"), "need_status_button", panel
        )
        row.addWidget(self.need_status_combo)
        row.addWidget(self.need_status_button)
        layout.addLayout(row)
        self.needs_error_label = make_error_label("needs_error_label", panel)
        layout.addWidget(self.needs_error_label)


class NeedsPanel(CasePanel):
    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(services, runner, parent)
        self.ui = Ui_NeedsPanel()
        self.ui.setup_ui(self)
        for status in NeedStatus:
            self.ui.need_status_combo.addItem(need_status_label(status), status.value)
        self.ui.need_status_button.clicked.connect(self._on_need_status_button_clicked)

    def show_needs(self, needs: list[NeedRecord]) -> None:
        table = self.ui.needs_table
        table.setRowCount(0)
        for need in needs:
            row = table.rowCount()
            table.insertRow(row)
            area = QTableWidgetItem(self._directory.area_name(need.support_area))
            area.setData(NeedIdRole, need.id)
            table.setItem(row, 0, area)
            programme = self._directory.programme_name(need.programme_code)
            table.setItem(row, 1, QTableWidgetItem(programme))
            table.setItem(row, 2, QTableWidgetItem(need_status_label(need.status)))
            table.setItem(row, 3, QTableWidgetItem(need.note))
        resize_to_contents(table)

    @Slot()
    def _on_need_status_button_clicked(self) -> None:
        row = self.ui.needs_table.currentRow()
        if row < 0:
            return
        need_id = self.ui.needs_table.item(row, 0).data(NeedIdRole)
        status = NeedStatus(self.ui.need_status_combo.currentData())
        needs = self._services.needs
        self.run_action(lambda: needs.update_status(need_id, status), self.ui.needs_error_label)
