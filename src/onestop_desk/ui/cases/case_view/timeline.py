"""The 경과 tab: what happened to the case, newest first, and the counselor's notes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QTableWidgetItem, QVBoxLayout, QWidget

from onestop_desk.domain.errors import FieldError
from onestop_desk.domain.records import TimelineEntry
from onestop_desk.domain.vocab import CaseStatus, ReferralStatus, TimelineKind
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
    """Events store codes; only notes are free text a person wrote."""
    if entry.kind is TimelineKind.NOTE:
        return entry.text
    if entry.kind is TimelineKind.STATUS:
        head, _, note = entry.text.partition(": ")
        try:
            words = " → ".join(case_status_label(CaseStatus(p)) for p in head.split(" -> "))
        except ValueError:
            words = ""
        return words + (f": {note}" if note else "")
    if entry.kind is TimelineKind.REFERRAL:
        head, _, note = entry.text.partition(": ")
        tokens = head.split()
        number = tokens[0] if tokens else ""
        words = []
        for token in tokens[1:]:
            if token == "->":
                words.append("→")
                continue
            try:
                words.append(referral_status_label(ReferralStatus(token)))
            except ValueError:
                words.append(directory.agency_name(token))
        return " ".join([number, *words]) + (f": {note}" if note and note != "reply" else "")
    if entry.kind is TimelineKind.CONSENT:
        tokens = entry.text.split()
        agency = directory.agency_name(tokens[1].rstrip(":")) if len(tokens) > 1 else ""
        if entry.text.endswith("withdrawn"):
            return translate("CaseView", "%1 동의 철회").replace("%1", agency)
        return translate("CaseView", "%1 동의 기록").replace("%1", agency)
    if entry.kind is TimelineKind.NEED:
        return translate("CaseView", "욕구 체크리스트 저장")
    if entry.kind is TimelineKind.INTAKE:
        return translate("CaseView", "사례 접수")
    return ""


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
