"""The person's identity, contact and safe-contact fields, shared by the walk-in intake and
the correction dialog: one layout and one way of reading it back.

``PersonFields`` is a mixin for a ``Ui_*`` layout class: it creates the widgets as attributes
whose objectName equals the attribute name (``name_edit``, ``may_call_check``…), so both
dialogs, their error binding and their tests address the same names.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from onestop_desk.domain.records import PersonInput, SafeContact
from onestop_desk.domain.vocab import Gender

from .widgets import make_date_edit, make_error_label


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
    safe_hours_edit: QLineEdit
    safe_note_edit: QLineEdit

    def build_person_box(self, parent: QWidget) -> QGroupBox:
        translate = QCoreApplication.translate
        box = QGroupBox(translate("PersonFields", "피해자(내담자)"), parent)
        box.setObjectName("person_box")
        form = QFormLayout(box)
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

    def build_safe_box(self, parent: QWidget) -> QGroupBox:
        """How the center may reach the person without putting them at risk."""
        translate = QCoreApplication.translate
        box = QGroupBox(translate("PersonFields", "안전한 연락 방법"), parent)
        box.setObjectName("safe_box")
        form = QFormLayout(box)
        checks = QHBoxLayout()
        self.may_call_check = QCheckBox(translate("PersonFields", "전화해도 됨"), box)
        self.may_call_check.setObjectName("may_call_check")
        self.may_leave_message_check = QCheckBox(translate("PersonFields", "메시지 남겨도 됨"), box)
        self.may_leave_message_check.setObjectName("may_leave_message_check")
        self.may_send_mail_check = QCheckBox(translate("PersonFields", "우편 보내도 됨"), box)
        self.may_send_mail_check.setObjectName("may_send_mail_check")
        for check in (self.may_call_check, self.may_leave_message_check, self.may_send_mail_check):
            checks.addWidget(check)
        form.addRow(checks)
        self.safe_hours_edit = _line_edit("safe_hours_edit", box)
        self.safe_hours_edit.setPlaceholderText(translate("PersonFields", "예: 평일 12~13시"))
        self.safe_note_edit = _line_edit("safe_note_edit", box)
        form.addRow(translate("PersonFields", "연락 가능한 시간"), self.safe_hours_edit)
        form.addRow(translate("PersonFields", "연락 시 주의"), self.safe_note_edit)
        return box

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
