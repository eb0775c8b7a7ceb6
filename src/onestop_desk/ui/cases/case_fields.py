"""The person's fields and the case facts, shared by the walk-in intake and the correction
dialog: one layout and one way of reading it back.

``PersonFields`` and ``CaseFactFields`` are mixins for a ``Ui_*`` layout class: they create the
widgets as attributes whose objectName equals the attribute name (``name_edit``,
``crime_list``…), so both dialogs, their error binding and their tests address the same names.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from onestop_desk.domain.records import CaseInput, PersonInput, RelatedPersonInput, SafeContact
from onestop_desk.domain.vocab import Gender, IntakeChannel, RiskLevel
from onestop_desk.ui.kit.checklist_filter import ChecklistFilter
from onestop_desk.ui.kit.item_roles import CodeRole
from onestop_desk.ui.kit.widgets import FieldErrors, make_date_edit, make_error_label

REPORTED_CHOICES: dict[str, bool | None] = {"": None, "yes": True, "no": False}


def _line_edit(name: str, parent: QWidget) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setObjectName(name)
    return edit


class PersonFields:
    name_edit: QLineEdit
    name_error_label: QLabel
    birth_edit: QLineEdit
    birth_error_label: QLabel
    gender_combo: QComboBox
    phone_edit: QLineEdit
    phone_error_label: QLabel
    phone2_edit: QLineEdit
    phone2_error_label: QLabel
    email_edit: QLineEdit
    email_error_label: QLabel
    address_edit: QLineEdit
    confidential_address_check: QCheckBox
    nationality_edit: QLineEdit
    language_edit: QLineEdit
    interpreter_check: QCheckBox
    disability_edit: QLineEdit
    may_call_check: QCheckBox
    may_leave_message_check: QCheckBox
    may_send_mail_check: QCheckBox
    contact_asked_check: QCheckBox | None = None
    safe_contact_error_label: QLabel | None = None
    safe_hours_edit: QLineEdit
    safe_note_edit: QLineEdit

    def build_person_box(self, parent: QWidget) -> QGroupBox:
        translate = QCoreApplication.translate
        box = QGroupBox(translate("PersonFields", "피해자(내담자)"), parent)
        box.setObjectName("person_box")
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.name_edit = _line_edit("name_edit", box)
        self.name_error_label = make_error_label("name_error_label", box)
        self.birth_edit = make_date_edit("birth_edit", box)
        self.birth_error_label = make_error_label("birth_error_label", box)
        self.gender_combo = QComboBox(box)
        self.gender_combo.setObjectName("gender_combo")
        self.phone_edit = _line_edit("phone_edit", box)
        self.phone_edit.setPlaceholderText(translate("PersonFields", "예: 010-1234-5678"))
        self.phone_error_label = make_error_label("phone_error_label", box)
        self.phone2_edit = _line_edit("phone2_edit", box)
        self.phone2_error_label = make_error_label("phone2_error_label", box)
        self.email_edit = _line_edit("email_edit", box)
        self.email_error_label = make_error_label("email_error_label", box)
        self.address_edit = _line_edit("address_edit", box)
        self.confidential_address_check = QCheckBox(
            translate("PersonFields", "주소 비공개(가해자에게 알려지면 안 됨)"), box
        )
        self.confidential_address_check.setObjectName("confidential_address_check")
        self.nationality_edit = _line_edit("nationality_edit", box)
        self.language_edit = _line_edit("language_edit", box)
        self.interpreter_check = QCheckBox(translate("PersonFields", "통역 필요"), box)
        self.interpreter_check.setObjectName("interpreter_check")
        self.disability_edit = _line_edit("disability_edit", box)
        form.addRow(translate("PersonFields", "이름(&A)"), self.name_edit)
        form.addRow("", self.name_error_label)
        form.addRow(translate("PersonFields", "생년월일"), self.birth_edit)
        form.addRow("", self.birth_error_label)
        form.addRow(translate("PersonFields", "성별"), self.gender_combo)
        form.addRow(translate("PersonFields", "전화번호"), self.phone_edit)
        form.addRow("", self.phone_error_label)
        form.addRow(translate("PersonFields", "다른 전화번호"), self.phone2_edit)
        form.addRow("", self.phone2_error_label)
        form.addRow(translate("PersonFields", "이메일"), self.email_edit)
        form.addRow("", self.email_error_label)
        form.addRow(translate("PersonFields", "주소"), self.address_edit)
        form.addRow("", self.confidential_address_check)
        language_row = QHBoxLayout()
        language_row.addWidget(self.nationality_edit)
        language_row.addWidget(self.language_edit)
        language_row.addWidget(self.interpreter_check)
        form.addRow(translate("PersonFields", "국적·언어"), language_row)
        form.addRow(translate("PersonFields", "장애"), self.disability_edit)
        return box

    def bind_person_errors(self, errors: FieldErrors) -> None:
        """Each person field's service error appears under that field."""
        errors.bind("person.name", self.name_edit, self.name_error_label)
        errors.bind("person.birth_date", self.birth_edit, self.birth_error_label)
        errors.bind("person.phone", self.phone_edit, self.phone_error_label)
        errors.bind("person.phone2", self.phone2_edit, self.phone2_error_label)
        errors.bind("person.email", self.email_edit, self.email_error_label)

    def build_safe_box(self, parent: QWidget, *, ask_first: bool = False) -> QGroupBox:
        """How the center may reach the person without putting them at risk.

        Every choice starts unticked: for stalking and domestic violence a call or a letter
        can be the danger, so the counselor asks instead of accepting a default. With
        ``ask_first`` (the intake) a "연락 방법 확인함" box records that the person was asked
        even when no way of contact is allowed; Alt+L reaches the group from anywhere.
        """
        translate = QCoreApplication.translate
        box = QGroupBox(translate("PersonFields", "안전한 연락 방법(&L)"), parent)
        box.setObjectName("safe_box")
        box.setStyleSheet(
            "QGroupBox#safe_box { border: 1px solid #c5862b; border-radius: 4px; "
            "margin-top: 1.2em; padding-top: 6px; } "
            "QGroupBox#safe_box::title { subcontrol-origin: margin; left: 8px; "
            "color: #7a4100; font-weight: bold; }"
        )
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        checks = QHBoxLayout()
        self.may_call_check = QCheckBox(translate("PersonFields", "전화해도 됨"), box)
        self.may_call_check.setObjectName("may_call_check")
        self.may_leave_message_check = QCheckBox(translate("PersonFields", "메시지 남겨도 됨"), box)
        self.may_leave_message_check.setObjectName("may_leave_message_check")
        self.may_send_mail_check = QCheckBox(translate("PersonFields", "우편 보내도 됨"), box)
        self.may_send_mail_check.setObjectName("may_send_mail_check")
        for check in (self.may_call_check, self.may_leave_message_check, self.may_send_mail_check):
            check.setChecked(False)
            checks.addWidget(check)
        checks.addStretch(1)
        form.addRow(checks)
        if ask_first:
            self.contact_asked_check = QCheckBox(
                translate("PersonFields", "연락 방법을 본인에게 확인함"), box
            )
            self.contact_asked_check.setObjectName("contact_asked_check")
            form.addRow(self.contact_asked_check)
            self.safe_contact_error_label = make_error_label("safe_contact_error_label", box)
            form.addRow(self.safe_contact_error_label)
        self.safe_hours_edit = _line_edit("safe_hours_edit", box)
        self.safe_hours_edit.setPlaceholderText(translate("PersonFields", "예: 평일 12~13시"))
        self.safe_note_edit = _line_edit("safe_note_edit", box)
        self.safe_note_edit.setPlaceholderText(
            translate("PersonFields", "예: 가해자와 같이 살고 있음, 문자 금지")
        )
        form.addRow(translate("PersonFields", "연락 가능한 시간"), self.safe_hours_edit)
        note_label = QLabel(translate("PersonFields", "연락 시 주의"), box)
        note_label.setStyleSheet("color: #7a4100; font-weight: bold;")
        note_label.setBuddy(self.safe_note_edit)
        form.addRow(note_label, self.safe_note_edit)
        return box

    def contact_choice_made(self) -> bool:
        """The counselor asked: a way of contact is allowed, or "확인함" says none is."""
        asked = self.contact_asked_check is not None and self.contact_asked_check.isChecked()
        return asked or any(
            c.isChecked()
            for c in (self.may_call_check, self.may_leave_message_check, self.may_send_mail_check)
        )

    def person_from_fields(self, birth: date | None) -> PersonInput:
        """The person as typed (the birth date comes parsed: each dialog reports a date it
        cannot read in its own way)."""
        return PersonInput(
            name=self.name_edit.text().strip(),
            birth_date=birth,
            gender=Gender(self.gender_combo.currentData()),
            nationality=self.nationality_edit.text().strip(),
            language=self.language_edit.text().strip(),
            interpreter_needed=self.interpreter_check.isChecked(),
            disability=self.disability_edit.text().strip(),
            phone=self.phone_edit.text().strip(),
            phone2=self.phone2_edit.text().strip(),
            email=self.email_edit.text().strip(),
            address=self.address_edit.text().strip(),
            confidential_address=self.confidential_address_check.isChecked(),
            safe_contact=SafeContact(
                may_call=self.may_call_check.isChecked(),
                may_leave_message=self.may_leave_message_check.isChecked(),
                may_send_mail=self.may_send_mail_check.isChecked(),
                safe_hours=self.safe_hours_edit.text().strip(),
                note=self.safe_note_edit.text().strip(),
            ),
        )


class CaseFactFields:
    channel_combo: QComboBox
    intake_date_edit: QLineEdit
    intake_date_error_label: QLabel
    crime_filter_edit: QLineEdit
    crime_filter: ChecklistFilter
    crime_list: QListWidget
    crime_error_label: QLabel
    incident_date_edit: QLineEdit
    incident_date_error_label: QLabel
    harm_known_edit: QLineEdit
    harm_known_error_label: QLabel
    place_edit: QLineEdit
    reported_combo: QComboBox
    police_office_edit: QLineEdit
    prosecution_office_edit: QLineEdit
    police_case_edit: QLineEdit
    offender_relation_edit: QLineEdit
    offender_kin_check: QCheckBox
    risk_combo: QComboBox
    summary_edit: QPlainTextEdit
    support_received_edit: QLineEdit
    statistics_consent_check: QCheckBox

    def build_facts_box(self, parent: QWidget) -> QGroupBox:
        translate = QCoreApplication.translate
        box = QGroupBox(translate("CaseFactFields", "사건 정보"), parent)
        box.setObjectName("facts_box")
        form = QFormLayout(box)
        # A label too long for its column (English) goes above its field instead of clipping.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.channel_combo = QComboBox(box)
        self.channel_combo.setObjectName("channel_combo")
        self.intake_date_edit = make_date_edit("intake_date_edit", box)
        self.intake_date_error_label = make_error_label("intake_date_error_label", box)
        # Typing filters the crime types; Down enters the list, Space ticks (ChecklistFilter).
        self.crime_filter_edit = _line_edit("crime_filter_edit", box)
        self.crime_filter_edit.setPlaceholderText(
            translate("CaseFactFields", "입력해 찾기 (예: 상해, ㅅㅎ)")
        )
        self.crime_list = QListWidget(box)
        self.crime_list.setObjectName("crime_list")
        self.crime_list.setMaximumHeight(130)
        self.crime_filter = ChecklistFilter(self.crime_filter_edit, self.crime_list)
        self.crime_list.setFlow(QListWidget.Flow.LeftToRight)
        self.crime_list.setWrapping(True)
        self.crime_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.crime_list.setSpacing(2)
        self.crime_error_label = make_error_label("crime_error_label", box)
        self.incident_date_edit = make_date_edit("incident_date_edit", box)
        self.incident_date_error_label = make_error_label("incident_date_error_label", box)
        self.harm_known_edit = make_date_edit("harm_known_edit", box)
        self.harm_known_error_label = make_error_label("harm_known_error_label", box)
        self.place_edit = _line_edit("place_edit", box)
        self.reported_combo = QComboBox(box)
        self.reported_combo.setObjectName("reported_combo")
        self.reported_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.police_office_edit = _line_edit("police_office_edit", box)
        self.police_office_edit.setPlaceholderText(translate("CaseFactFields", "경찰서"))
        self.prosecution_office_edit = _line_edit("prosecution_office_edit", box)
        self.prosecution_office_edit.setPlaceholderText(translate("CaseFactFields", "검찰청"))
        self.police_case_edit = _line_edit("police_case_edit", box)
        self.police_case_edit.setPlaceholderText(translate("CaseFactFields", "사건번호"))
        self.offender_relation_edit = _line_edit("offender_relation_edit", box)
        self.offender_kin_check = QCheckBox(translate("CaseFactFields", "가해자가 친족"), box)
        self.offender_kin_check.setObjectName("offender_kin_check")
        self.risk_combo = QComboBox(box)
        self.risk_combo.setObjectName("risk_combo")
        self.summary_edit = QPlainTextEdit(box)
        self.summary_edit.setObjectName("summary_edit")
        self.summary_edit.setTabChangesFocus(True)
        self.summary_edit.setMaximumHeight(80)
        self.support_received_edit = _line_edit("support_received_edit", box)
        # Consent to counting the case in the center's statistics; a refusal keeps the case
        # out of every figure and export.
        self.statistics_consent_check = QCheckBox(
            translate("CaseFactFields", "통계 작성에 쓰는 것에 동의함"), box
        )
        self.statistics_consent_check.setObjectName("statistics_consent_check")
        self.statistics_consent_check.setChecked(True)
        form.addRow(translate("CaseFactFields", "접수 경로"), self.channel_combo)
        form.addRow(translate("CaseFactFields", "접수일"), self.intake_date_edit)
        form.addRow("", self.intake_date_error_label)
        crimes = QVBoxLayout()
        crimes.addWidget(self.crime_filter_edit)
        crimes.addWidget(self.crime_list)
        crime_label = QLabel(translate("CaseFactFields", "범죄 유형(&T)"), box)
        crime_label.setBuddy(self.crime_filter_edit)
        form.addRow(crime_label, crimes)
        form.addRow("", self.crime_error_label)
        dates = QHBoxLayout()
        dates.addWidget(self.incident_date_edit)
        dates.addWidget(QLabel(translate("CaseFactFields", "피해를 안 날"), box))
        dates.addWidget(self.harm_known_edit)
        form.addRow(translate("CaseFactFields", "사건 발생일"), dates)
        form.addRow("", self.incident_date_error_label)
        form.addRow("", self.harm_known_error_label)
        form.addRow(translate("CaseFactFields", "사건 장소"), self.place_edit)
        form.addRow(translate("CaseFactFields", "신고 여부"), self.reported_combo)
        # The offices and the case number get a row of their own: beside the reported
        # choice they were squeezed until "Police station" showed as "Police stati…".
        police = QHBoxLayout()
        for widget in (
            self.police_office_edit,
            self.prosecution_office_edit,
            self.police_case_edit,
        ):
            police.addWidget(widget, 1)
        form.addRow(translate("CaseFactFields", "수사기관"), police)
        kin = QHBoxLayout()
        kin.addWidget(self.offender_relation_edit, 1)
        kin.addWidget(self.offender_kin_check)
        form.addRow(translate("CaseFactFields", "가해자와의 관계"), kin)
        risk_label = QLabel(translate("CaseFactFields", "위험도(&K)"), box)
        risk_label.setStyleSheet("color: #7a4100; font-weight: bold;")
        risk_label.setBuddy(self.risk_combo)
        form.addRow(risk_label, self.risk_combo)
        form.addRow(translate("CaseFactFields", "사건 요약"), self.summary_edit)
        form.addRow(translate("CaseFactFields", "이미 받은 지원"), self.support_received_edit)
        form.addRow("", self.statistics_consent_check)
        return box

    def bind_fact_errors(self, errors: FieldErrors) -> None:
        errors.bind("case.intake_date", self.intake_date_edit, self.intake_date_error_label)
        errors.bind("case.crime_types", self.crime_list, self.crime_error_label)
        errors.bind("case.incident_date", self.incident_date_edit, self.incident_date_error_label)
        errors.bind("case.harm_known_date", self.harm_known_edit, self.harm_known_error_label)

    def checked_crimes(self) -> list[str]:
        return [
            self.crime_list.item(i).data(CodeRole)
            for i in range(self.crime_list.count())
            if self.crime_list.item(i).checkState() == Qt.CheckState.Checked
        ]

    def case_from_fields(
        self,
        intake: date,
        incident: date | None,
        known: date | None,
        related: tuple[RelatedPersonInput, ...],
        counselor_id: int | None = None,
    ) -> CaseInput:
        """The case facts as typed (dates come parsed, as for the person)."""
        return CaseInput(
            intake_channel=IntakeChannel(self.channel_combo.currentData()),
            intake_date=intake,
            crime_types=tuple(self.checked_crimes()),
            incident_date=incident,
            harm_known_date=known,
            incident_place=self.place_edit.text().strip(),
            reported_to_police=REPORTED_CHOICES[self.reported_combo.currentData()],
            police_office=self.police_office_edit.text().strip(),
            prosecution_office=self.prosecution_office_edit.text().strip(),
            police_case_number=self.police_case_edit.text().strip(),
            offender_relation=self.offender_relation_edit.text().strip(),
            offender_is_kin=self.offender_kin_check.isChecked(),
            risk_level=RiskLevel(self.risk_combo.currentData()),
            summary=self.summary_edit.toPlainText().strip(),
            support_received=self.support_received_edit.text().strip(),
            statistics_consent=self.statistics_consent_check.isChecked(),
            counselor_id=counselor_id,
            related=related,
        )
