"""Phone inquiries (1577-1701): a quick log while the caller is on the line; a call can
become a case with what was noted carried over."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from onestop_desk.domain.records import InquiryInput, InquiryRecord
from onestop_desk.domain.text import mask_name
from onestop_desk.domain.vocab import CallerType
from onestop_desk.services import Services
from onestop_desk.ui.kit.item_roles import InquiryIdRole
from onestop_desk.ui.kit.messages import caller_type_label, localized_name, stored_time_text
from onestop_desk.ui.kit.tasks import TaskRunner
from onestop_desk.ui.kit.widgets import (
    FieldErrors,
    append_row,
    heading,
    make_error_label,
    make_table,
    resize_to_contents,
    save_header,
)


class InquiryPage(QWidget):
    case_requested = Signal(object)  # InquiryRecord
    inquiry_logged = Signal(object)
    loaded = Signal()

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        settings: QSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("inquiry_page")
        self._services = services
        self._runner = runner
        self._settings = settings
        self._records: dict[int, InquiryRecord] = {}
        self._crimes: dict[str, str] = {}
        self.errors = FieldErrors()
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("전화상담"), "title_label", self))

        form_box = QGroupBox(self.tr("통화 기록"), self)
        form_box.setObjectName("form_box")
        form = QFormLayout(form_box)
        who = QHBoxLayout()
        self.caller_type_combo = QComboBox(form_box)
        self.caller_type_combo.setObjectName("caller_type_combo")
        for caller in CallerType:
            self.caller_type_combo.addItem(caller_type_label(caller), caller.value)
        self.caller_name_edit = QLineEdit(form_box)
        self.caller_name_edit.setObjectName("caller_name_edit")
        self.caller_name_edit.setPlaceholderText(self.tr("이름(말한 경우)"))
        self.caller_phone_edit = QLineEdit(form_box)
        self.caller_phone_edit.setObjectName("caller_phone_edit")
        self.caller_phone_edit.setPlaceholderText(self.tr("전화번호(말한 경우)"))
        self.crime_combo = QComboBox(form_box)
        self.crime_combo.setObjectName("crime_combo")
        self.crime_combo.addItem(self.tr("범죄 유형 모름"), None)
        who.addWidget(self.caller_type_combo)
        who.addWidget(self.caller_name_edit)
        who.addWidget(self.caller_phone_edit)
        who.addWidget(self.crime_combo)
        form.addRow(self.tr("누가"), who)
        self.topic_edit = QLineEdit(form_box)
        self.topic_edit.setObjectName("topic_edit")
        self.topic_edit.setPlaceholderText(self.tr("무엇을 물었나요"))
        form.addRow(self.tr("상담 주제"), self.topic_edit)
        self.topic_error_label = make_error_label("topic_error_label", form_box)
        form.addRow("", self.topic_error_label)
        self.outcome_edit = QLineEdit(form_box)
        self.outcome_edit.setObjectName("outcome_edit")
        self.outcome_edit.setPlaceholderText(self.tr("예: 방문 예약, 기관 안내"))
        form.addRow(self.tr("안내 결과"), self.outcome_edit)
        self.note_edit = QLineEdit(form_box)
        self.note_edit.setObjectName("note_edit")
        form.addRow(self.tr("메모"), self.note_edit)
        buttons = QHBoxLayout()
        self.general_error_label = make_error_label("general_error_label", form_box)
        buttons.addWidget(self.general_error_label, 1)
        buttons.addStretch(1)
        self.log_button = QPushButton(self.tr("통화 기록 저장(&S)"), form_box)
        self.log_button.setObjectName("log_button")
        buttons.addWidget(self.log_button)
        form.addRow(buttons)
        layout.addWidget(form_box)

        self.inquiry_table = make_table(
            "inquiry_table",
            [
                self.tr("받은 시각"),
                self.tr("구분"),
                self.tr("이름"),
                self.tr("상담 주제"),
                self.tr("안내 결과"),
                self.tr("사례"),
            ],
            self,
            settings,
        )
        layout.addWidget(self.inquiry_table, 1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        self.make_case_button = QPushButton(self.tr("사례로 만들기"), self)
        self.make_case_button.setObjectName("make_case_button")
        bottom.addWidget(self.make_case_button)
        layout.addLayout(bottom)

        self.errors.bind("inquiry.topic", self.topic_edit, self.topic_error_label)
        self.errors.bind("inquiry.crime_type", self.crime_combo, self.general_error_label)
        self.log_button.clicked.connect(self._on_log_button_clicked)
        self.topic_edit.returnPressed.connect(self._on_log_button_clicked)
        self.outcome_edit.returnPressed.connect(self._on_log_button_clicked)
        self.note_edit.returnPressed.connect(self._on_log_button_clicked)
        self.make_case_button.clicked.connect(self._on_make_case_button_clicked)
        self.inquiry_table.itemSelectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def save_layout(self) -> None:
        save_header(self._settings, self.inquiry_table)

    @Slot()
    def refresh(self) -> None:
        services = self._services

        def job():  # type: ignore[no-untyped-def]
            crimes = [] if self._crimes else services.directory.crime_types()
            return crimes, services.inquiries.recent()

        self._runner.run(job, self._on_loaded)

    def _on_loaded(self, result) -> None:  # type: ignore[no-untyped-def]
        crimes, records = result
        for crime in crimes:
            self._crimes[crime.code] = localized_name(crime)
            self.crime_combo.addItem(localized_name(crime), crime.code)
        self._records = {r.id: r for r in records}
        table = self.inquiry_table
        table.setRowCount(0)
        for r in records:
            values = [
                stored_time_text(r.received_at),
                caller_type_label(r.caller_type),
                mask_name(r.caller_name),
                r.topic,
                r.outcome,
                r.case_number or "",
            ]
            append_row(table, values, {InquiryIdRole: r.id})
        resize_to_contents(table)
        self._update_buttons()
        self.loaded.emit()

    def selected_inquiry(self) -> InquiryRecord | None:
        row = self.inquiry_table.currentRow()
        if row < 0:
            return None
        return self._records.get(self.inquiry_table.item(row, 0).data(InquiryIdRole))

    def _update_buttons(self) -> None:
        record = self.selected_inquiry()
        self.make_case_button.setEnabled(record is not None and record.case_id is None)

    @Slot()
    def _on_log_button_clicked(self) -> None:
        data = InquiryInput(
            caller_type=CallerType(self.caller_type_combo.currentData()),
            topic=self.topic_edit.text(),
            outcome=self.outcome_edit.text(),
            note=self.note_edit.text(),
            caller_name=self.caller_name_edit.text(),
            caller_phone=self.caller_phone_edit.text(),
            crime_type=self.crime_combo.currentData(),
        )
        inquiries = self._services.inquiries
        self._runner.run(lambda: inquiries.log(data), self._on_logged, self._on_log_failed)

    def _on_logged(self, record: InquiryRecord) -> None:
        self.errors.clear()
        for edit in (
            self.caller_name_edit,
            self.caller_phone_edit,
            self.topic_edit,
            self.outcome_edit,
            self.note_edit,
        ):
            edit.clear()
        self.crime_combo.setCurrentIndex(0)
        self.caller_type_combo.setCurrentIndex(0)
        self.caller_type_combo.setFocus()
        self.inquiry_logged.emit(record)
        self.refresh()

    def _on_log_failed(self, exc: BaseException) -> None:
        first = self.errors.show_failure(exc, self.general_error_label)
        if first is not None:
            first.setFocus()

    @Slot()
    def _on_make_case_button_clicked(self) -> None:
        record = self.selected_inquiry()
        if record is not None and record.case_id is None:
            self.case_requested.emit(record)
