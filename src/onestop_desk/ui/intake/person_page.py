"""Step 1 of the walk-in: the person, how to contact them safely, related persons, and the
look-up of people already registered."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from onestop_desk.domain.errors import FieldError
from onestop_desk.domain.records import PersonInput
from onestop_desk.domain.vocab import Gender
from onestop_desk.services import Services
from onestop_desk.ui.cases.case_fields import PersonFields
from onestop_desk.ui.intake.duplicate_panel import DuplicatePanel
from onestop_desk.ui.intake.related_panel import RelatedPanel
from onestop_desk.ui.intake.walk_in_reading import LocalErrors, lenient_date, read_date
from onestop_desk.ui.kit.messages import gender_label
from onestop_desk.ui.kit.tasks import TaskRunner
from onestop_desk.ui.kit.widgets import FieldErrors

# Draft keys of this page's fields (kept as they were, so older drafts still open).
_TEXTS = {
    "name": "name_edit",
    "birth": "birth_edit",
    "phone": "phone_edit",
    "phone2": "phone2_edit",
    "email": "email_edit",
    "address": "address_edit",
    "nationality": "nationality_edit",
    "language": "language_edit",
    "disability": "disability_edit",
    "safe_hours": "safe_hours_edit",
    "safe_note": "safe_note_edit",
}
_CHECKS = {
    "confidential_address": "confidential_address_check",
    "interpreter": "interpreter_check",
    "may_call": "may_call_check",
    "may_leave_message": "may_leave_message_check",
    "may_send_mail": "may_send_mail_check",
    "contact_asked": "contact_asked_check",
}


class Ui_PersonPage(PersonFields):
    related_box: RelatedPanel
    duplicate_box: DuplicatePanel

    def setup_ui(self, page: QWidget, duplicates: DuplicatePanel) -> None:
        page.setObjectName("person_page")
        columns = QHBoxLayout(page)
        left = QVBoxLayout()
        left.addWidget(self.build_person_box(page))
        left.addStretch(1)
        columns.addLayout(left, 1)
        right = QVBoxLayout()
        right.addWidget(self.build_safe_box(page, ask_first=True))
        self.related_box = RelatedPanel(page)
        right.addWidget(self.related_box)
        self.duplicate_box = duplicates
        right.addWidget(self.duplicate_box)
        right.addStretch(1)
        columns.addLayout(right, 1)


class PersonPage(QWidget, Ui_PersonPage):
    def __init__(self, services: Services, runner: TaskRunner, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.setup_ui(self, DuplicatePanel(services, runner, self))
        for gender in (Gender.UNKNOWN, Gender.FEMALE, Gender.MALE, Gender.OTHER):
            self.gender_combo.addItem(gender_label(gender), gender.value)
        self.nationality_edit.setText(self.tr("대한민국"))
        self.language_edit.setText(self.tr("한국어"))
        for edit in (self.name_edit, self.birth_edit, self.phone_edit, self.phone2_edit):
            edit.textChanged.connect(self._on_identity_text_changed)
        assert self.contact_asked_check is not None
        for check in (
            self.may_call_check,
            self.may_leave_message_check,
            self.may_send_mail_check,
            self.contact_asked_check,
        ):
            check.toggled.connect(self._on_contact_choice_toggled)

    def bind_errors(self, errors: FieldErrors) -> None:
        self.bind_person_errors(errors)

    def first_field(self) -> QWidget:
        return self.name_edit

    # --- reading ----------------------------------------------------------------------------

    def person_input(self) -> PersonInput:
        errors: list[FieldError] = []
        birth = read_date(self.birth_edit, "person.birth_date", errors)
        if errors:
            raise LocalErrors(errors)
        return self.person_from_fields(birth)

    def check_contact_choice(self) -> bool:
        """Before 다음: the safe ways of contact were asked (see ``build_safe_box``).
        When not, the reason shows in the box and the focus goes to the first choice."""
        label = self.safe_contact_error_label
        assert label is not None
        if self.contact_choice_made():
            label.hide()
            return True
        label.setText(
            self.tr(
                "연락 방법을 본인에게 묻고 표시해 주세요. 어떤 연락도 원하지 않으면 "
                "'연락 방법을 본인에게 확인함'을 체크하세요."
            )
        )
        label.show()
        self.may_call_check.setFocus(Qt.FocusReason.OtherFocusReason)
        return False

    @Slot()
    def _on_contact_choice_toggled(self) -> None:
        label = self.safe_contact_error_label
        if label is not None and self.contact_choice_made():
            label.hide()

    @Slot()
    def _on_identity_text_changed(self) -> None:
        phones = [self.phone_edit.text(), self.phone2_edit.text()]
        self.duplicate_box.look_up(self.name_edit.text(), lenient_date(self.birth_edit), phones)

    # --- draft state ------------------------------------------------------------------------

    def state(self) -> dict[str, Any]:
        out: dict[str, Any] = {key: getattr(self, name).text() for key, name in _TEXTS.items()}
        out.update({key: getattr(self, name).isChecked() for key, name in _CHECKS.items()})
        out["gender"] = self.gender_combo.currentData()
        out["related"] = self.related_box.rows()
        return out

    def apply_state(self, state: dict[str, Any]) -> None:
        for key, name in _TEXTS.items():
            if isinstance(state.get(key), str):
                getattr(self, name).setText(state[key])
        for key, name in _CHECKS.items():
            if key in state:
                getattr(self, name).setChecked(bool(state[key]))
        index = self.gender_combo.findData(state.get("gender"))
        if index >= 0:
            self.gender_combo.setCurrentIndex(index)
        self.related_box.set_rows(state.get("related", []))
