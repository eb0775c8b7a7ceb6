"""The 경과 tab: what happened to the case, newest first, and the counselor's notes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QTableWidgetItem, QVBoxLayout, QWidget

from onestop_desk.domain.errors import FieldError
from onestop_desk.domain.records import TimelineEntry
from onestop_desk.domain.timeline import read
from onestop_desk.domain.vocab import TimelineKind
from onestop_desk.services import Services
from onestop_desk.ui.cases.case_view.data import Directory
from onestop_desk.ui.cases.case_view.panel import CasePanel
from onestop_desk.ui.kit.messages import (
    case_status_label,
    field_error_text,
    referral_status_label,
    stored_time_text,
    timeline_kind_label,
)
from onestop_desk.ui.kit.tasks import TaskRunner
from onestop_desk.ui.kit.widgets import (
    make_button,
    make_error_label,
    make_table,
    resize_to_contents,
)

translate = QCoreApplication.translate


class Ui_TimelinePanel:
    def setup_ui(self, panel: QWidget) -> None:
        panel.setObjectName("timeline_panel")
        layout = QVBoxLayout(panel)
        self.timeline_table = make_table(
            "timeline_table",
            [
                translate("CaseView", "일시"),
                translate("CaseView", "종류"),
                translate("CaseView", "내용"),
                translate("CaseView", "작성"),
            ],
            panel,
        )
        layout.addWidget(self.timeline_table, 1)
        row = QHBoxLayout()
        self.note_edit = QLineEdit(panel)
        self.note_edit.setObjectName("note_edit")
        self.note_edit.setPlaceholderText(translate("CaseView", "상담 메모를 쓰고 Enter"))
        self.add_note_button = make_button(
            translate("CaseView", "메모 남기기"), "add_note_button", panel
        )
        row.addWidget(self.note_edit, 1)
        row.addWidget(self.add_note_button)
        layout.addLayout(row)
        self.note_error_label = make_error_label("note_error_label", panel)
        layout.addWidget(self.note_error_label)


def timeline_text(entry: TimelineEntry, directory: Directory) -> str:
    """Events store codes (read back by domain/timeline.py); only notes are free text."""
    facts = read(entry.kind, entry.text)
    note = f": {facts.note}" if facts.note else ""
    if facts.kind is TimelineKind.NOTE:
        return facts.note
    if facts.case_statuses:
        return " → ".join(case_status_label(s) for s in facts.case_statuses) + note
    agency = directory.agency_name(facts.agency_code) if facts.agency_code else ""
    if facts.referral_statuses:
        steps = " → ".join(referral_status_label(s) for s in facts.referral_statuses)
        words = " ".join(w for w in (facts.document_number, agency, steps) if w)
        return words + ("" if facts.note == "reply" else note)
    if facts.kind is TimelineKind.CONSENT and facts.agency_code:
        if facts.consent_withdrawn:
            return translate("CaseView", "%1 동의 철회").replace("%1", agency)
        return translate("CaseView", "%1 동의 기록").replace("%1", agency)
    if facts.need_count is not None:
        return translate("CaseView", "욕구 체크리스트 저장")
    if facts.channel is not None:
        return translate("CaseView", "사례 접수")
    return facts.note


class TimelinePanel(CasePanel):
    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(services, runner, parent)
        self.ui = Ui_TimelinePanel()
        self.ui.setup_ui(self)
        self.ui.note_edit.returnPressed.connect(self._on_add_note_button_clicked)
        self.ui.add_note_button.clicked.connect(self._on_add_note_button_clicked)
        self.ui.note_edit.textEdited.connect(lambda _text: self.ui.note_error_label.hide())

    def show_entries(self, entries: list[TimelineEntry]) -> None:
        table = self.ui.timeline_table
        table.setRowCount(0)
        for entry in reversed(entries):
            row = table.rowCount()
            table.insertRow(row)
            table.setItem(row, 0, QTableWidgetItem(stored_time_text(entry.at)))
            table.setItem(row, 1, QTableWidgetItem(timeline_kind_label(entry.kind)))
            table.setItem(row, 2, QTableWidgetItem(timeline_text(entry, self._directory)))
            table.setItem(row, 3, QTableWidgetItem(entry.author))
        resize_to_contents(table)

    @Slot()
    def _on_add_note_button_clicked(self) -> None:
        case_id = self._case_id
        text = self.ui.note_edit.text()
        if case_id is None:
            return
        label = self.ui.note_error_label
        if not text.strip():
            label.setText(field_error_text(FieldError("note.text", "required")))
            label.show()
            return
        label.hide()
        cases = self._services.cases

        def saved(_entry: object) -> None:
            self.ui.note_edit.clear()
            self.changed.emit(False)

        self._runner.run(
            lambda: cases.add_note(case_id, text), saved, lambda exc: self.show_error(exc, label)
        )
