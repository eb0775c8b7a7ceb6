"""The partner directory: everyone reads it; administrators edit it.

Each row shows when it was last verified, because phone numbers change.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from onestop_desk.domain.access import Permission
from onestop_desk.domain.errors import FieldError
from onestop_desk.domain.records import AgencyInput, AgencyRecord, SupportAreaRecord
from onestop_desk.services import Services
from onestop_desk.ui.kit.item_roles import AgencyCodeRole
from onestop_desk.ui.kit.messages import date_text, localized_name
from onestop_desk.ui.kit.tasks import TaskRunner
from onestop_desk.ui.kit.widgets import (
    DateParseError,
    FieldErrors,
    append_row,
    heading,
    make_date_edit,
    make_error_label,
    make_table,
    parse_date,
    resize_to_contents,
    save_header,
)

AREA_COLUMNS = 3


class AgencyDialog(QDialog):
    """Edit one agency (or add one): contact details, areas, verified-on date."""

    agency_saved = Signal(object)

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        agency: AgencyRecord | None,
        areas: list[SupportAreaRecord],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("agency_dialog")
        self.setWindowTitle(self.tr("기관 정보 수정") if agency else self.tr("기관 추가"))
        self.resize(560, 0)
        self._services = services
        self._runner = runner
        self._agency = agency
        self.errors = FieldErrors()
        form = QFormLayout(self)

        def line(name: str, label: str, value: str = "") -> QLineEdit:
            edit = QLineEdit(value, self)
            edit.setObjectName(name)
            form.addRow(label, edit)
            return edit

        def error(name: str) -> QLabel:
            label = make_error_label(name, self)
            form.addRow("", label)
            return label

        a = agency
        self.code_edit = line("code_edit", self.tr("코드(영문)"), a.code if a else "")
        self.code_edit.setReadOnly(a is not None)
        self.code_error_label = error("code_error_label")
        self.name_edit = line("name_edit", self.tr("기관명"), a.name if a else "")
        self.name_error_label = error("name_error_label")
        self.name_en_edit = line("name_en_edit", self.tr("영문 기관명"), a.name_en if a else "")
        self.department_edit = line("department_edit", self.tr("부서"), a.department if a else "")
        self.phone_edit = line("phone_edit", self.tr("전화"), a.phone if a else "")
        self.fax_edit = line("fax_edit", self.tr("팩스"), a.fax if a else "")
        self.email_edit = line("email_edit", self.tr("이메일"), a.email if a else "")
        self.email_error_label = error("email_error_label")
        self.address_edit = line("address_edit", self.tr("주소"), a.address if a else "")
        self.address_edit.setPlaceholderText(self.tr("센터 상주 기관은 비워 두면 센터 주소"))
        self.location_edit = line("location_edit", self.tr("찾아갈 곳"), a.location if a else "")
        self.location_edit.setPlaceholderText(self.tr("층·호실·창구 (예: 3층 301호)"))
        self.hours_edit = line("hours_edit", self.tr("운영 시간"), a.hours if a else "")
        # A discreet take-home sheet prints these instead of the name and the phone.
        self.discreet_name_edit = line(
            "discreet_name_edit", self.tr("조용한 안내문 이름"), a.discreet_name if a else ""
        )
        self.discreet_name_edit.setPlaceholderText(self.tr("기관의 목적이 드러나지 않는 이름"))
        self.discreet_phone_edit = line(
            "discreet_phone_edit", self.tr("조용한 안내문 전화"), a.discreet_phone if a else ""
        )
        self.discreet_phone_edit.setPlaceholderText(self.tr("비워 두면 센터의 일반 전화로 안내"))
        self.description_edit = QPlainTextEdit(a.description if a else "", self)
        self.description_edit.setObjectName("description_edit")
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setMaximumHeight(80)
        form.addRow(self.tr("하는 일"), self.description_edit)
        # In a grid, not a row: the English area names in one row are wider than the screen.
        areas_row = QGridLayout()
        self.area_checks: dict[str, QCheckBox] = {}
        chosen = set(a.support_areas) if a else set()
        for position, area in enumerate(areas):
            check = QCheckBox(localized_name(area), self)
            check.setObjectName(f"area_{area.code}_check")
            check.setChecked(area.code in chosen)
            self.area_checks[area.code] = check
            areas_row.addWidget(check, position // AREA_COLUMNS, position % AREA_COLUMNS)
        form.addRow(self.tr("지원 영역"), areas_row)
        flags = QHBoxLayout()
        self.resident_check = QCheckBox(self.tr("센터 상주 기관"), self)
        self.resident_check.setObjectName("resident_check")
        self.resident_check.setChecked(a.resident if a else False)
        self.active_check = QCheckBox(self.tr("사용 중"), self)
        self.active_check.setObjectName("active_check")
        self.active_check.setChecked(a.active if a else True)
        flags.addWidget(self.resident_check)
        flags.addWidget(self.active_check)
        form.addRow("", flags)
        verified = QHBoxLayout()
        self.verified_edit = make_date_edit("verified_edit", self)
        self.verified_edit.setText(date_text(a.verified_on) if a else "")
        self.verified_today_button = QPushButton(self.tr("오늘 확인함"), self)
        self.verified_today_button.setObjectName("verified_today_button")
        self.verified_today_button.setAutoDefault(False)
        verified.addWidget(self.verified_edit)
        verified.addWidget(self.verified_today_button)
        form.addRow(self.tr("정보 확인일"), verified)
        self.verified_error_label = error("verified_error_label")
        self.general_error_label = make_error_label("general_error_label", self)
        form.addRow(self.general_error_label)
        self.button_box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.button_box.setObjectName("button_box")
        form.addRow(self.button_box)
        self.errors.bind("agency.code", self.code_edit, self.code_error_label)
        self.errors.bind("agency.name", self.name_edit, self.name_error_label)
        self.errors.bind("agency.email", self.email_edit, self.email_error_label)
        self.errors.bind("agency.verified_on", self.verified_edit, self.verified_error_label)
        self.verified_today_button.clicked.connect(self._on_verified_today_button_clicked)
        self.button_box.accepted.connect(self._on_button_box_accepted)
        self.button_box.rejected.connect(self.reject)

    @Slot()
    def _on_verified_today_button_clicked(self) -> None:
        self.verified_edit.setText(self._services.context.clock.today().isoformat())

    @Slot()
    def _on_button_box_accepted(self) -> None:
        try:
            verified = parse_date(self.verified_edit.text())
        except DateParseError:
            self.errors.show([FieldError("agency.verified_on", "invalid_date")])
            return
        data = AgencyInput(
            code=self.code_edit.text().strip(),
            name=self.name_edit.text(),
            name_en=self.name_en_edit.text(),
            department=self.department_edit.text(),
            phone=self.phone_edit.text(),
            fax=self.fax_edit.text(),
            email=self.email_edit.text(),
            address=self.address_edit.text(),
            location=self.location_edit.text(),
            hours=self.hours_edit.text(),
            discreet_name=self.discreet_name_edit.text(),
            discreet_phone=self.discreet_phone_edit.text(),
            description=self.description_edit.toPlainText(),
            support_areas=tuple(c for c, check in self.area_checks.items() if check.isChecked()),
            resident=self.resident_check.isChecked(),
            verified_on=verified,
            active=self.active_check.isChecked(),
        )
        directory = self._services.directory
        self._runner.run(lambda: directory.save_agency(data), self._on_saved, self._on_failed)

    def _on_saved(self, record: AgencyRecord) -> None:
        self.agency_saved.emit(record)
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self.errors.show_failure(exc, self.general_error_label)


class DirectoryPage(QWidget):
    loaded = Signal()
    agency_dialog_opened = Signal(object)

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        settings: QSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("directory_page")
        self._services = services
        self._runner = runner
        self._settings = settings
        self._agencies: dict[str, AgencyRecord] = {}
        self._areas: list[SupportAreaRecord] = []
        self._editable = services.may(Permission.EDIT_DIRECTORY)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("기관"), "title_label", self))
        self.agency_table = make_table(
            "agency_table",
            [
                self.tr("기관"),
                self.tr("전화"),
                self.tr("지원 영역"),
                self.tr("상주"),
                self.tr("운영 시간"),
                self.tr("정보 확인일"),
            ],
            self,
            settings,
        )
        layout.addWidget(self.agency_table, 1)
        self.detail_label = QLabel(self)
        self.detail_label.setObjectName("detail_label")
        self.detail_label.setWordWrap(True)
        layout.addWidget(self.detail_label)
        if self._editable:
            buttons = QHBoxLayout()
            buttons.addStretch(1)
            self.add_button = QPushButton(self.tr("기관 추가…"), self)
            self.add_button.setObjectName("add_button")
            self.edit_button = QPushButton(self.tr("선택한 기관 수정…"), self)
            self.edit_button.setObjectName("edit_button")
            buttons.addWidget(self.add_button)
            buttons.addWidget(self.edit_button)
            layout.addLayout(buttons)
            self.add_button.clicked.connect(self._on_add_button_clicked)
            self.edit_button.clicked.connect(self._on_edit_button_clicked)
            self.agency_table.itemActivated.connect(self._on_edit_button_clicked)
        self.agency_table.itemSelectionChanged.connect(self._on_agency_table_selection_changed)

    @property
    def editable(self) -> bool:
        return self._editable

    def save_layout(self) -> None:
        save_header(self._settings, self.agency_table)

    @Slot()
    def refresh(self) -> None:
        directory = self._services.directory
        self._runner.run(lambda: (directory.agencies(), directory.support_areas()), self._on_loaded)

    def _on_loaded(self, result: tuple[list[AgencyRecord], list[SupportAreaRecord]]) -> None:
        agencies, areas = result
        self._areas = areas
        area_names = {a.code: localized_name(a) for a in areas}
        self._agencies = {a.code: a for a in agencies}
        table = self.agency_table
        table.setRowCount(0)
        for a in agencies:
            name = localized_name(a) + (f" · {a.department}" if a.department else "")
            if not a.active:
                name += self.tr(" (사용 안 함)")
            values = [
                name,
                a.phone,
                ", ".join(area_names.get(c, "") for c in a.support_areas),
                self.tr("상주") if a.resident else "",
                a.hours,
                date_text(a.verified_on) or self.tr("확인 안 됨"),
            ]
            append_row(table, values, {AgencyCodeRole: a.code})
        resize_to_contents(table)
        self.loaded.emit()

    def _selected(self) -> AgencyRecord | None:
        row = self.agency_table.currentRow()
        if row < 0:
            return None
        return self._agencies.get(self.agency_table.item(row, 0).data(AgencyCodeRole))

    @Slot()
    def _on_agency_table_selection_changed(self) -> None:
        agency = self._selected()
        if agency is None:
            self.detail_label.clear()
            return
        parts = [agency.description, agency.address]
        self.detail_label.setText("\n".join(p for p in parts if p))

    @Slot()
    def _on_add_button_clicked(self) -> None:
        self._open(None)

    @Slot()
    def _on_edit_button_clicked(self) -> None:
        agency = self._selected()
        if agency is not None:
            self._open(agency)

    def _open(self, agency: AgencyRecord | None) -> None:
        dialog = AgencyDialog(self._services, self._runner, agency, self._areas, self)
        dialog.agency_saved.connect(lambda _r: self.refresh())
        dialog.open()
        self.agency_dialog_opened.emit(dialog)
