"""Correcting the person's details and the case facts after intake.

``Ui_EditCaseDialog`` is the layout (every widget's objectName equals its attribute name);
``EditCaseDialog`` reads it into a ``PersonInput`` and a ``CaseInput`` and saves them with
``CaseService.update_facts``. A refused field keeps its text while the reason appears next to it.

The save is checked against the case version the form was loaded with. When another PC saved
the case first, the dialog keeps everything typed, lists what the other PC changed (with the
values now stored), and lets the counselor load the current values or save their own text
again on top of the new version.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from enum import Enum
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from onestop_desk.domain.case_edit import CaseEditConflictError, FieldChange
from onestop_desk.domain.errors import FieldError, ValidationError
from onestop_desk.domain.records import (
    CaseDetail,
    CaseInput,
    PersonInput,
    RelatedPersonInput,
)
from onestop_desk.domain.vocab import Gender, IntakeChannel, RiskLevel
from onestop_desk.services import Services
from onestop_desk.ui.cases.case_fields import CaseFactFields, PersonFields
from onestop_desk.ui.kit.item_roles import CodeRole
from onestop_desk.ui.kit.messages import (
    date_text,
    error_text,
    gender_label,
    intake_channel_label,
    print_warning_text,
    risk_label,
    yes_no_unknown,
)
from onestop_desk.ui.kit.tasks import TaskRunner
from onestop_desk.ui.kit.widgets import DateParseError, FieldErrors, make_error_label, parse_date

translate = QCoreApplication.translate


class Ui_EditCaseDialog(PersonFields, CaseFactFields):
    """Widgets only; behaviour lives in :class:`EditCaseDialog`."""

    def setup_ui(self, dialog: QDialog) -> None:
        dialog.setObjectName("edit_case_dialog")
        dialog.setWindowTitle(translate("EditCaseDialog", "사례 정보 수정"))
        dialog.resize(1200, 760)
        outer = QVBoxLayout(dialog)
        self.scroll_area = QScrollArea(dialog)
        self.scroll_area.setObjectName("scroll_area")
        self.scroll_area.setWidgetResizable(True)
        # Two columns fit the width; only a long form on a short screen needs to scroll.
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        panel = QWidget(self.scroll_area)
        panel.setObjectName("panel")
        columns = QHBoxLayout(panel)
        columns.addLayout(self._person_column(panel), 1)
        columns.addWidget(self._facts_box(panel), 1)
        self.scroll_area.setWidget(panel)
        outer.addWidget(self.scroll_area, 1)
        outer.addWidget(self._conflict_box(dialog))
        self.general_error_label = make_error_label("general_error_label", dialog)
        outer.addWidget(self.general_error_label)
        self.button_box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, dialog
        )
        self.button_box.setObjectName("button_box")
        self.save_button = self.button_box.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("save_button")
        self.cancel_button = self.button_box.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("cancel_button")
        outer.addWidget(self.button_box)

    def _conflict_box(self, dialog: QDialog) -> QGroupBox:
        """Shown when another PC saved the case first: what changed, and the two ways on."""
        self.conflict_box = QGroupBox(
            translate("EditCaseDialog", "다른 PC에서 먼저 저장함"), dialog
        )
        self.conflict_box.setObjectName("conflict_box")
        self.conflict_box.setStyleSheet(
            "QGroupBox#conflict_box { border: 1px solid #b3261e; border-radius: 4px; "
            "margin-top: 1.2em; padding-top: 6px; } "
            "QGroupBox#conflict_box::title { subcontrol-origin: margin; left: 8px; "
            "color: #b3261e; font-weight: bold; }"
        )
        layout = QVBoxLayout(self.conflict_box)
        self.conflict_label = QLabel(self.conflict_box)
        self.conflict_label.setObjectName("conflict_label")
        self.conflict_label.setWordWrap(True)
        self.conflict_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.conflict_label)
        buttons = QHBoxLayout()
        self.reload_button = QPushButton(
            translate("EditCaseDialog", "현재 값 불러오기(&R)"), self.conflict_box
        )
        self.reload_button.setObjectName("reload_button")
        self.reapply_button = QPushButton(
            translate("EditCaseDialog", "내가 입력한 내용으로 다시 저장(&M)"), self.conflict_box
        )
        self.reapply_button.setObjectName("reapply_button")
        buttons.addWidget(self.reload_button)
        buttons.addWidget(self.reapply_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.conflict_box.hide()
        return self.conflict_box

    def _person_column(self, panel: QWidget) -> QVBoxLayout:
        column = QVBoxLayout()
        box = self.build_person_box(panel)
        column.addWidget(box)

        safe_box = self.build_safe_box(panel)
        column.addWidget(safe_box)

        self.related_label = QLabel(panel)
        self.related_label.setObjectName("related_label")
        self.related_label.setWordWrap(True)
        self.related_label.setStyleSheet("color: #5f6368;")
        column.addWidget(self.related_label)
        column.addStretch(1)
        return column

    def _facts_box(self, panel: QWidget) -> QGroupBox:
        return self.build_facts_box(panel)


class EditCaseDialog(QDialog, Ui_EditCaseDialog):
    """Prefilled from a ``CaseDetail``; emits ``case_updated(detail)`` once the service saved.

    Related persons are not edited here: they are passed through unchanged.
    """

    case_updated = Signal(object)
    errors_shown = Signal()
    conflict_shown = Signal(object)

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        detail: CaseDetail,
        crimes: Mapping[str, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setup_ui(self)
        self._services = services
        self._runner = runner
        self._detail = detail
        self._crimes = dict(crimes)
        self._conflict: CaseEditConflictError | None = None
        self._busy = False
        self.errors = FieldErrors()
        self._bind_errors()
        self._fill_choices(detail, crimes)
        self._show(detail)
        self.button_box.accepted.connect(self._on_button_box_accepted)
        self.button_box.rejected.connect(self.reject)
        self.reload_button.clicked.connect(self._on_reload_button_clicked)
        self.reapply_button.clicked.connect(self._on_reapply_button_clicked)
        self.name_edit.setFocus()

    # --- setup ------------------------------------------------------------------------------

    def _bind_errors(self) -> None:
        self.bind_person_errors(self.errors)
        self.bind_fact_errors(self.errors)

    def _fill_choices(self, detail: CaseDetail, crimes: Mapping[str, str]) -> None:
        for gender in (Gender.UNKNOWN, Gender.FEMALE, Gender.MALE, Gender.OTHER):
            self.gender_combo.addItem(gender_label(gender), gender.value)
        for channel in IntakeChannel:
            self.channel_combo.addItem(intake_channel_label(channel), channel.value)
        self.reported_combo.addItem(self.tr("신고 여부 모름"), "")
        self.reported_combo.addItem(self.tr("경찰에 신고함"), "yes")
        self.reported_combo.addItem(self.tr("신고하지 않음"), "no")
        for level in RiskLevel:
            self.risk_combo.addItem(risk_label(level), level.value)
        names = dict(crimes)
        # A code no longer in the directory stays listed, so saving never drops it silently.
        for code in detail.crime_types:
            names.setdefault(code, code)
        for code, name in names.items():
            self._add_crime(code, name)

    def _add_crime(self, code: str, name: str) -> None:
        item = QListWidgetItem(name, self.crime_list)
        item.setData(CodeRole, code)
        item.setFlags(
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )
        item.setCheckState(Qt.CheckState.Unchecked)

    @staticmethod
    def _select(combo: QComboBox, data: object) -> None:
        index = combo.findData(data)
        if index >= 0:
            combo.setCurrentIndex(index)

    def _show(self, d: CaseDetail) -> None:
        p = d.person
        self.name_edit.setText(p.name)
        self.birth_edit.setText(p.birth_date.isoformat() if p.birth_date else "")
        self._select(self.gender_combo, p.gender.value)
        self.phone_edit.setText(p.phone)
        self.phone2_edit.setText(p.phone2)
        self.email_edit.setText(p.email)
        self.address_edit.setText(p.address)
        self.confidential_address_check.setChecked(p.confidential_address)
        self.nationality_edit.setText(p.nationality)
        self.language_edit.setText(p.language)
        self.interpreter_check.setChecked(p.interpreter_needed)
        self.disability_edit.setText(p.disability)
        self.may_call_check.setChecked(p.safe_contact.may_call)
        self.may_leave_message_check.setChecked(p.safe_contact.may_leave_message)
        self.may_send_mail_check.setChecked(p.safe_contact.may_send_mail)
        self.safe_hours_edit.setText(p.safe_contact.safe_hours)
        self.safe_note_edit.setText(p.safe_contact.note)
        if d.related:
            self.related_label.setText(
                self.tr("관계인 %1명은 이 화면에서 바뀌지 않습니다.").replace(
                    "%1", str(len(d.related))
                )
            )
        self.related_label.setVisible(bool(d.related))
        self.setWindowTitle(
            self.tr("사례 정보 수정 – %1 (접수 %2)")
            .replace("%1", d.case_number)
            .replace("%2", date_text(d.intake_date))
        )
        self._select(self.channel_combo, d.intake_channel.value)
        self.intake_date_edit.setText(d.intake_date.isoformat())
        wanted = set(d.crime_types)
        listed = {self.crime_list.item(i).data(CodeRole) for i in range(self.crime_list.count())}
        for code in sorted(wanted - listed):  # stored by another PC, no longer in the directory
            self._add_crime(code, code)
        for i in range(self.crime_list.count()):
            item = self.crime_list.item(i)
            checked = item.data(CodeRole) in wanted
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.incident_date_edit.setText(d.incident_date.isoformat() if d.incident_date else "")
        self.harm_known_edit.setText(d.harm_known_date.isoformat() if d.harm_known_date else "")
        self.place_edit.setText(d.incident_place)
        reported = {None: "", True: "yes", False: "no"}[d.reported_to_police]
        self._select(self.reported_combo, reported)
        self.police_office_edit.setText(d.police_office)
        self.prosecution_office_edit.setText(d.prosecution_office)
        self.police_case_edit.setText(d.police_case_number)
        self.offender_relation_edit.setText(d.offender_relation)
        self.offender_kin_check.setChecked(d.offender_is_kin)
        self._select(self.risk_combo, d.risk_level.value)
        self.summary_edit.setPlainText(d.summary)
        self.support_received_edit.setText(d.support_received)
        self.statistics_consent_check.setChecked(d.statistics_consent)

    # --- reading the form -------------------------------------------------------------------

    @staticmethod
    def _date(edit: QLineEdit, field: str, errors: list[FieldError]) -> date | None:
        try:
            return parse_date(edit.text())
        except DateParseError:
            errors.append(FieldError(field, "invalid_date"))
            return None

    def person_input(self, errors: list[FieldError]) -> PersonInput:
        """The person as typed; a date that cannot be read adds to ``errors``."""
        return self.person_from_fields(self._date(self.birth_edit, "person.birth_date", errors))

    def case_input(self, errors: list[FieldError]) -> CaseInput | None:
        """The case facts as typed, or ``None`` when the intake date is missing or unreadable."""
        d = self._detail
        intake = self._date(self.intake_date_edit, "case.intake_date", errors)
        incident = self._date(self.incident_date_edit, "case.incident_date", errors)
        known = self._date(self.harm_known_edit, "case.harm_known_date", errors)
        if intake is None:
            if not any(e.field == "case.intake_date" for e in errors):
                errors.append(FieldError("case.intake_date", "required"))
            return None
        # update_facts leaves related persons alone; they travel along unchanged.
        related = tuple(
            RelatedPersonInput(person=r.person, relationship=r.relationship, note=r.note)
            for r in d.related
        )
        return self.case_from_fields(intake, incident, known, related, d.counselor_id)

    # --- saving -----------------------------------------------------------------------------

    @Slot()
    def _on_button_box_accepted(self) -> None:
        if self._busy:
            return
        errors: list[FieldError] = []
        person = self.person_input(errors)
        case = self.case_input(errors)
        if errors or case is None:
            self._show_failure(ValidationError(errors))
            return
        self.errors.clear()
        self.general_error_label.hide()
        self._busy = True
        self.save_button.setEnabled(False)
        cases = self._services.cases
        loaded = self._detail
        self._runner.run(
            lambda: cases.update_facts(
                loaded.id, person, case, version=loaded.version, loaded=loaded
            ),
            self._on_saved,
            self._on_failed,
            label=self.tr("사례 정보를 저장하는 중…"),
        )

    def _on_saved(self, detail: CaseDetail) -> None:
        self._busy = False
        if detail.print_warnings:
            QMessageBox.warning(
                self, self.tr("인쇄되지 않는 글자"), print_warning_text(detail.print_warnings)
            )
        self.case_updated.emit(detail)
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self._busy = False
        self.save_button.setEnabled(True)
        if isinstance(exc, CaseEditConflictError):
            self._show_conflict(exc)
            return
        self._show_failure(exc)

    # --- another PC saved first -------------------------------------------------------------

    def _show_conflict(self, conflict: CaseEditConflictError) -> None:
        """Everything typed stays in the widgets; the box says what the other PC changed."""
        self._conflict = conflict
        self.errors.clear()
        self.general_error_label.hide()
        lines = [error_text(conflict)]
        if conflict.changes:
            lines.append(self.tr("다른 PC에서 바뀐 항목 (지금 저장된 값):"))
            lines.extend(
                f"• {change_label(c.field)}: {self.change_value(c)}" for c in conflict.changes
            )
        else:
            lines.append(self.tr("이 화면에 보이는 항목은 바뀌지 않았습니다."))
        self.conflict_label.setText("\n".join(lines))
        self.conflict_box.show()
        self.scroll_area.ensureWidgetVisible(self.conflict_box)
        self.reapply_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.conflict_shown.emit(conflict)

    def change_value(self, change: FieldChange) -> str:
        """A stored value as the form would show it."""
        value: Any = change.value
        if change.field == "case.crime_types":
            return ", ".join(self._crimes.get(c, c) for c in value) or self.tr("(없음)")
        if change.field == "case.reported_to_police":
            return yes_no_unknown(value)
        if isinstance(value, bool):
            return yes_no_unknown(value)
        if isinstance(value, Enum):
            return _enum_label(value)
        if isinstance(value, date):
            return date_text(value)
        text = str(value or "").replace("\n", " ")
        if not text:
            return self.tr("(비어 있음)")
        return text if len(text) <= 60 else text[:59] + "…"

    @Slot()
    def _on_reload_button_clicked(self) -> None:
        """Take the stored case as it is now; what was typed is replaced."""
        if self._conflict is None:
            return
        self._detail = self._conflict.current
        self._conflict = None
        self._show(self._detail)
        self.conflict_box.hide()
        self.name_edit.setFocus()

    @Slot()
    def _on_reapply_button_clicked(self) -> None:
        """Save what is typed, over the version the other PC saved."""
        if self._conflict is None:
            return
        self._detail = self._conflict.current
        self._conflict = None
        self.conflict_box.hide()
        self._on_button_box_accepted()

    def _show_failure(self, exc: BaseException) -> None:
        first = self.errors.show_failure(exc, self.general_error_label)
        if first is not None:
            self.scroll_area.ensureWidgetVisible(first)
            first.setFocus(Qt.FocusReason.OtherFocusReason)
        self.errors_shown.emit()


def _enum_label(value: Enum) -> str:
    if isinstance(value, Gender):
        return gender_label(value)
    if isinstance(value, IntakeChannel):
        return intake_channel_label(value)
    if isinstance(value, RiskLevel):
        return risk_label(value)
    return str(value.value)


def change_label(field: str) -> str:
    """The name of an edit-form field, as its label on the form reads."""
    return {
        "person.name": translate("EditCaseDialog", "이름"),
        "person.birth_date": translate("EditCaseDialog", "생년월일"),
        "person.gender": translate("EditCaseDialog", "성별"),
        "person.nationality": translate("EditCaseDialog", "국적"),
        "person.language": translate("EditCaseDialog", "사용 언어"),
        "person.interpreter_needed": translate("EditCaseDialog", "통역 필요"),
        "person.disability": translate("EditCaseDialog", "장애"),
        "person.phone": translate("EditCaseDialog", "전화번호"),
        "person.phone2": translate("EditCaseDialog", "다른 전화번호"),
        "person.email": translate("EditCaseDialog", "이메일"),
        "person.address": translate("EditCaseDialog", "주소"),
        "person.confidential_address": translate("EditCaseDialog", "주소 비공개"),
        "person.safe_contact.may_call": translate("EditCaseDialog", "전화해도 됨"),
        "person.safe_contact.may_leave_message": translate("EditCaseDialog", "메시지 남겨도 됨"),
        "person.safe_contact.may_send_mail": translate("EditCaseDialog", "우편 보내도 됨"),
        "person.safe_contact.safe_hours": translate("EditCaseDialog", "연락 가능한 시간"),
        "person.safe_contact.note": translate("EditCaseDialog", "연락 시 주의"),
        "case.intake_channel": translate("EditCaseDialog", "접수 경로"),
        "case.intake_date": translate("EditCaseDialog", "접수일"),
        "case.crime_types": translate("EditCaseDialog", "범죄 유형"),
        "case.incident_date": translate("EditCaseDialog", "사건 발생일"),
        "case.harm_known_date": translate("EditCaseDialog", "피해를 안 날"),
        "case.incident_place": translate("EditCaseDialog", "사건 장소"),
        "case.reported_to_police": translate("EditCaseDialog", "신고 여부"),
        "case.police_office": translate("EditCaseDialog", "경찰서"),
        "case.prosecution_office": translate("EditCaseDialog", "검찰청"),
        "case.police_case_number": translate("EditCaseDialog", "사건번호"),
        "case.offender_relation": translate("EditCaseDialog", "가해자와의 관계"),
        "case.offender_is_kin": translate("EditCaseDialog", "가해자가 친족"),
        "case.risk_level": translate("EditCaseDialog", "위험도"),
        "case.summary": translate("EditCaseDialog", "사건 요약"),
        "case.support_received": translate("EditCaseDialog", "이미 받은 지원"),
        "case.statistics_consent": translate("EditCaseDialog", "통계 작성 동의"),
    }.get(field, field)
