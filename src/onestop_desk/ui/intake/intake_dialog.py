"""New walk-in: person, case and needs, consent per agency, then the referrals. Three steps.

Nothing typed is ever lost: the form autosaves a draft into the encrypted database every few
seconds and on each step (``DraftService``), and a refused field keeps its text while the reason
appears next to it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QMessageBox,
    QTableWidgetItem,
    QTreeWidgetItem,
    QWidget,
)

from onestop_desk.domain.errors import FieldError, ValidationError
from onestop_desk.domain.records import (
    AgencyRecord,
    CaseDetail,
    CaseInput,
    ConsentInput,
    CrimeTypeRecord,
    DuplicateCandidate,
    InquiryRecord,
    NeedInput,
    PersonInput,
    ProgrammeRecord,
    ReferralRecord,
    RelatedPersonInput,
    SupportAreaRecord,
    WalkIn,
)
from onestop_desk.domain.rules import WARN_DAYS_BEFORE_DEADLINE, filing_deadline
from onestop_desk.domain.vocab import (
    ConsentItem,
    ConsentMethod,
    Gender,
    IntakeChannel,
    Relationship,
    RiskLevel,
)
from onestop_desk.services import Services
from onestop_desk.services.drafts import IntakeDraft
from onestop_desk.ui.intake.intake_layout import Ui_IntakeDialog
from onestop_desk.ui.kit.item_roles import CaseIdRole, CodeRole
from onestop_desk.ui.kit.messages import (
    consent_item_label,
    consent_method_label,
    date_text,
    duplicate_reason_label,
    error_text,
    field_error_text,
    field_label,
    gender_label,
    intake_channel_label,
    localized_name,
    print_warning_text,
    relationship_label,
    risk_label,
)
from onestop_desk.ui.kit.tasks import TaskRunner
from onestop_desk.ui.kit.widgets import (
    DateParseError,
    FieldErrors,
    make_date_edit,
    make_error_label,
    parse_date,
)

AUTOSAVE_MS = 4000
DUPLICATE_DEBOUNCE_MS = 300
DEFAULT_CONSENT_ITEMS = (ConsentItem.IDENTITY, ConsentItem.CONTACT, ConsentItem.CASE_FACTS)

PERSON_STEP, CASE_STEP, CONSENT_STEP = range(3)


@dataclass(frozen=True)
class Catalogue:
    crime_types: list[CrimeTypeRecord]
    areas: list[SupportAreaRecord]
    programmes: list[ProgrammeRecord]
    agencies: list[AgencyRecord]


def load_catalogue(services: Services) -> Catalogue:
    directory = services.directory
    return Catalogue(
        crime_types=directory.crime_types(),
        areas=directory.support_areas(),
        programmes=directory.programmes(active_only=True),
        agencies=directory.agencies(active_only=True),
    )


@dataclass
class _ConsentRow:
    agree_check: QCheckBox
    item_checks: dict[ConsentItem, QCheckBox]
    method_combo: QComboBox
    date_edit: QLineEdit
    error_label: QLabel


class _LocalErrors(Exception):
    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__("form errors")
        self.errors = errors


class IntakeDialog(QDialog, Ui_IntakeDialog):
    """The walk-in flow. Emits ``case_created(detail, referrals)`` when everything is saved,
    or ``existing_case_requested(case_id)`` when the person turned out to be known."""

    ready = Signal()
    case_created = Signal(object, object)
    existing_case_requested = Signal(int)
    draft_saved = Signal()
    duplicates_shown = Signal(int)
    step_changed = Signal(int)
    errors_shown = Signal()

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        draft: IntakeDraft | None = None,
        inquiry: InquiryRecord | None = None,
    ) -> None:
        super().__init__(parent)
        self.setup_ui(self)
        self._services = services
        self._runner = runner
        self._today = services.context.clock.today()
        self._catalogue: Catalogue | None = None
        self._inquiry_id: int | None = inquiry.id if inquiry is not None else None
        self._initial_state: dict[str, Any] | None = dict(draft.fields) if draft else None
        self._inquiry = inquiry
        self._consent_rows: dict[str, _ConsentRow] = {}
        self._consent_state: dict[str, dict[str, Any]] = {}
        self._last_saved = ""
        self._duplicate_ticket = 0
        self._busy = False
        self._finished = False
        self.errors = FieldErrors()
        self._bind_errors()
        self._fill_fixed_choices()
        self._connect()
        self._autosave = QTimer(self)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self._on_autosave_timeout)
        self._duplicate_timer = QTimer(self)
        self._duplicate_timer.setSingleShot(True)
        self._duplicate_timer.setInterval(DUPLICATE_DEBOUNCE_MS)
        self._duplicate_timer.timeout.connect(self._on_duplicate_timer_timeout)
        self.intake_date_edit.setText(self._today.isoformat())
        self._set_step(PERSON_STEP)
        self.setEnabled(False)
        self._runner.run(lambda: load_catalogue(services), self._on_catalogue_loaded)

    # --- setup ------------------------------------------------------------------------------

    def _bind_errors(self) -> None:
        self.bind_person_errors(self.errors)
        self.bind_fact_errors(self.errors)

    def _fill_fixed_choices(self) -> None:
        for gender in (Gender.UNKNOWN, Gender.FEMALE, Gender.MALE, Gender.OTHER):
            self.gender_combo.addItem(gender_label(gender), gender.value)
        for rel in Relationship:
            self.related_relationship_combo.addItem(relationship_label(rel), rel.value)
        for channel in IntakeChannel:
            self.channel_combo.addItem(intake_channel_label(channel), channel.value)
        self.reported_combo.addItem(self.tr("신고 여부 모름"), "")
        self.reported_combo.addItem(self.tr("경찰에 신고함"), "yes")
        self.reported_combo.addItem(self.tr("신고하지 않음"), "no")
        for level in RiskLevel:
            self.risk_combo.addItem(risk_label(level), level.value)
        self.risk_combo.setCurrentIndex(1)
        self.may_call_check.setChecked(True)
        self.nationality_edit.setText(self.tr("대한민국"))
        self.language_edit.setText(self.tr("한국어"))

    def _connect(self) -> None:
        self.next_button.clicked.connect(self._on_next_button_clicked)
        self.back_button.clicked.connect(self._on_back_button_clicked)
        self.create_button.clicked.connect(self._on_create_button_clicked)
        self.later_button.clicked.connect(self._on_later_button_clicked)
        self.discard_button.clicked.connect(self._on_discard_button_clicked)
        self.related_add_button.clicked.connect(self._on_related_add_button_clicked)
        self.related_name_edit.returnPressed.connect(self._on_related_add_button_clicked)
        self.related_phone_edit.returnPressed.connect(self._on_related_add_button_clicked)
        self.related_remove_button.clicked.connect(self._on_related_remove_button_clicked)
        self.open_existing_button.clicked.connect(self._on_open_existing_button_clicked)
        self.duplicate_list.itemActivated.connect(self._on_open_existing_button_clicked)
        for edit in (self.name_edit, self.birth_edit, self.phone_edit, self.phone2_edit):
            edit.textChanged.connect(self._on_identity_text_changed)
        self.needs_tree.itemChanged.connect(self._on_needs_tree_item_changed)
        for edit in (self.incident_date_edit, self.harm_known_edit):
            edit.textChanged.connect(self._update_warnings)
        self.offender_kin_check.toggled.connect(self._update_warnings)

    @Slot(object)
    def _on_catalogue_loaded(self, catalogue: Catalogue) -> None:
        self._catalogue = catalogue
        for crime in catalogue.crime_types:
            item = QListWidgetItem(localized_name(crime), self.crime_list)
            item.setData(CodeRole, crime.code)
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable
            )
            item.setCheckState(Qt.CheckState.Unchecked)
        agencies = {a.code: localized_name(a) for a in catalogue.agencies}
        self.needs_tree.blockSignals(True)
        for area in catalogue.areas:
            area_item = QTreeWidgetItem(self.needs_tree, [localized_name(area)])
            area_item.setData(0, CodeRole, f"area:{area.code}")
            area_item.setFlags(area_item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            area_item.setCheckState(0, Qt.CheckState.Unchecked)
            for programme in catalogue.programmes:
                if programme.support_area != area.code:
                    continue
                offered_by = ", ".join(agencies[c] for c in programme.agency_codes if c in agencies)
                child = QTreeWidgetItem(area_item, [localized_name(programme), offered_by])
                child.setData(0, CodeRole, f"programme:{programme.code}")
                child.setToolTip(0, programme.description)
                child.setToolTip(1, offered_by)
                child.setFlags(child.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                child.setCheckState(0, Qt.CheckState.Unchecked)
        self.needs_tree.expandAll()
        self.needs_tree.blockSignals(False)
        if self._initial_state is not None:
            self.apply_state(self._initial_state)
            self._last_saved = self._state_json()
        elif self._inquiry is not None:
            self._apply_inquiry(self._inquiry)
        self.setEnabled(True)
        self._autosave.start()
        self.name_edit.setFocus()
        self.ready.emit()

    def _apply_inquiry(self, inquiry: InquiryRecord) -> None:
        person, crimes = self._services.inquiries.prefill(inquiry)
        self.name_edit.setText(person.name)
        self.phone_edit.setText(person.phone)
        self._select_combo(self.channel_combo, IntakeChannel.PHONE.value)
        self._check_codes(set(crimes))
        self.summary_edit.setPlainText(inquiry.topic)

    # --- steps ------------------------------------------------------------------------------

    def current_step(self) -> int:
        return self.step_stack.currentIndex()

    def _set_step(self, step: int) -> None:
        self.step_stack.setCurrentIndex(step)
        names = [
            self.tr("사람과 연락"),
            self.tr("사건과 필요한 지원"),
            self.tr("기관별 동의와 연계"),
        ]
        parts = []
        for i, name in enumerate(names):
            text = f"{i + 1}. {name}"
            parts.append(
                f"<b>{text}</b>" if i == step else f"<span style='color:#777'>{text}</span>"
            )
        self.steps_label.setText(" &nbsp;›&nbsp; ".join(parts))
        self.back_button.setEnabled(step > PERSON_STEP)
        self.next_button.setVisible(step < CONSENT_STEP)
        self.create_button.setVisible(step == CONSENT_STEP)
        if step == CONSENT_STEP:
            self._rebuild_consent_rows()
            self.create_button.setDefault(True)
        else:
            self.next_button.setDefault(True)
        first = {PERSON_STEP: self.name_edit, CASE_STEP: self.channel_combo}.get(step)
        if first is not None:
            first.setFocus()
        elif self._consent_rows:
            next(iter(self._consent_rows.values())).agree_check.setFocus()
        self.step_changed.emit(step)

    @Slot()
    def _on_next_button_clicked(self) -> None:
        if self._busy:
            return
        step = self.current_step()
        try:
            person = self.person_input()
            case = self.case_input()
        except _LocalErrors as exc:
            self._show_errors(exc.errors)
            return
        self._busy = True
        self._runner.run(
            lambda: self._services.cases.validate_intake(person, case),
            lambda errors: self._on_step_validated(step, errors),
            self._on_job_failed,
        )

    def _on_step_validated(self, step: int, errors: list[FieldError]) -> None:
        self._busy = False
        person_errors = [e for e in errors if not e.field.startswith("case.")]
        relevant = person_errors if step == PERSON_STEP else errors
        if relevant:
            self._show_errors(relevant)
            return
        self._clear_errors()
        self._set_step(step + 1)
        self._save_draft()

    @Slot()
    def _on_back_button_clicked(self) -> None:
        if self.current_step() > PERSON_STEP:
            self._remember_consents()
            self._set_step(self.current_step() - 1)

    # --- reading the form -------------------------------------------------------------------

    def _date(self, edit: QLineEdit, field: str, errors: list[FieldError]) -> date | None:
        try:
            return parse_date(edit.text())
        except DateParseError:
            errors.append(FieldError(field, "invalid_date"))
            return None

    def person_input(self) -> PersonInput:
        errors: list[FieldError] = []
        birth = self._date(self.birth_edit, "person.birth_date", errors)
        if errors:
            raise _LocalErrors(errors)
        return self.person_from_fields(birth)

    def _related(self) -> tuple[RelatedPersonInput, ...]:
        out = []
        for row in range(self.related_table.rowCount()):
            name = self.related_table.item(row, 0).text()
            rel = self.related_table.item(row, 1).data(CodeRole)
            phone = self.related_table.item(row, 2).text()
            out.append(RelatedPersonInput(PersonInput(name=name, phone=phone), Relationship(rel)))
        return tuple(out)

    def case_input(self) -> CaseInput:
        errors: list[FieldError] = []
        intake = self._date(self.intake_date_edit, "case.intake_date", errors)
        incident = self._date(self.incident_date_edit, "case.incident_date", errors)
        known = self._date(self.harm_known_edit, "case.harm_known_date", errors)
        if intake is None and not any(e.field == "case.intake_date" for e in errors):
            errors.append(FieldError("case.intake_date", "required"))
        if errors:
            raise _LocalErrors(errors)
        assert intake is not None
        return self.case_from_fields(intake, incident, known, self._related())

    def _tree_items(self) -> list[QTreeWidgetItem]:
        items = []
        for i in range(self.needs_tree.topLevelItemCount()):
            area = self.needs_tree.topLevelItem(i)
            items.append(area)
            items.extend(area.child(j) for j in range(area.childCount()))
        return items

    def checked_need_codes(self) -> list[str]:
        return [
            item.data(0, CodeRole)
            for item in self._tree_items()
            if item.checkState(0) == Qt.CheckState.Checked
        ]

    def need_inputs(self) -> list[NeedInput]:
        assert self._catalogue is not None
        programmes = {p.code: p for p in self._catalogue.programmes}
        needs: list[NeedInput] = []
        covered: set[str] = set()
        for code in self.checked_need_codes():
            kind, value = code.split(":", 1)
            if kind == "programme":
                area = programmes[value].support_area
                covered.add(area)
                needs.append(NeedInput(support_area=area, programme_code=value))
        for code in self.checked_need_codes():
            kind, value = code.split(":", 1)
            if kind == "area" and value not in covered:
                needs.append(NeedInput(support_area=value))
        return needs

    def needed_agencies(self) -> list[tuple[AgencyRecord, list[ProgrammeRecord]]]:
        """The agencies the ticked programmes point to, in directory order."""
        if self._catalogue is None:
            return []
        ticked = {
            c.split(":", 1)[1] for c in self.checked_need_codes() if c.startswith("programme:")
        }
        chosen = [p for p in self._catalogue.programmes if p.code in ticked]
        out = []
        for agency in self._catalogue.agencies:
            offered = [p for p in chosen if agency.code in p.agency_codes]
            if offered:
                out.append((agency, offered))
        return out

    # --- consent rows -----------------------------------------------------------------------

    def _remember_consents(self) -> None:
        for code, row in self._consent_rows.items():
            self._consent_state[code] = {
                "agree": row.agree_check.isChecked(),
                "items": [i.value for i, c in row.item_checks.items() if c.isChecked()],
                "method": row.method_combo.currentData(),
                "date": row.date_edit.text(),
            }

    def _rebuild_consent_rows(self) -> None:
        self._remember_consents()
        grid = self.consent_grid
        while grid.count():
            item = grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self._consent_rows.clear()
        agencies = self.needed_agencies()
        self.no_agency_label.setVisible(not agencies)
        if not agencies:
            return
        headers = [self.tr("동의한 기관"), self.tr("보낼 항목"), self.tr("방법"), self.tr("동의일")]
        for column, text in enumerate(headers):
            label = QLabel(f"<b>{text}</b>", self.consent_panel)
            grid.addWidget(label, 0, column)
        row_index = 1
        previous: QWidget | None = None
        for agency, programmes in agencies:
            code = agency.code
            state = self._consent_state.get(code, {})
            agree = QCheckBox(localized_name(agency), self.consent_panel)
            agree.setObjectName(f"consent_{code}_check")
            agree.setToolTip(", ".join(localized_name(p) for p in programmes))
            items_box = QWidget(self.consent_panel)
            items_layout = QHBoxLayout(items_box)
            items_layout.setContentsMargins(0, 0, 0, 0)
            item_checks: dict[ConsentItem, QCheckBox] = {}
            chosen = set(state.get("items", [i.value for i in DEFAULT_CONSENT_ITEMS]))
            for item in ConsentItem:
                check = QCheckBox(consent_item_label(item), items_box)
                check.setObjectName(f"consent_{code}_{item.value}_check")
                check.setChecked(item.value in chosen)
                items_layout.addWidget(check)
                item_checks[item] = check
            method = QComboBox(self.consent_panel)
            method.setObjectName(f"consent_{code}_method_combo")
            for m in ConsentMethod:
                method.addItem(consent_method_label(m), m.value)
            self._select_combo(method, state.get("method", ConsentMethod.WRITTEN.value))
            day = make_date_edit(f"consent_{code}_date_edit", self.consent_panel)
            day.setText(state.get("date", self._today.isoformat()))
            day.setMaximumWidth(120)
            error = make_error_label(f"consent_{code}_error_label", self.consent_panel)
            programmes_label = QLabel(
                "· " + ", ".join(localized_name(p) for p in programmes), self.consent_panel
            )
            programmes_label.setStyleSheet("color: #5f6368;")
            programmes_label.setWordWrap(True)
            grid.addWidget(agree, row_index, 0)
            grid.addWidget(items_box, row_index, 1)
            grid.addWidget(method, row_index, 2)
            grid.addWidget(day, row_index, 3)
            grid.addWidget(programmes_label, row_index + 1, 0, 1, 4)
            grid.addWidget(error, row_index + 2, 0, 1, 4)
            row_index += 3
            row = _ConsentRow(agree, item_checks, method, day, error)
            self._consent_rows[code] = row
            agree.setChecked(bool(state.get("agree", False)))
            self._enable_consent_row(row)
            agree.toggled.connect(lambda _on, r=row: self._enable_consent_row(r))
            for widget in (agree, *item_checks.values(), method, day):
                if previous is not None:
                    QWidget.setTabOrder(previous, widget)
                previous = widget
        if previous is not None:
            QWidget.setTabOrder(previous, self.create_button)

    @staticmethod
    def _enable_consent_row(row: _ConsentRow) -> None:
        on = row.agree_check.isChecked()
        for widget in (*row.item_checks.values(), row.method_combo, row.date_edit):
            widget.setEnabled(on)

    def consent_inputs(self) -> list[ConsentInput]:
        out: list[ConsentInput] = []
        errors: list[tuple[_ConsentRow, FieldError]] = []
        for code, row in self._consent_rows.items():
            row.error_label.hide()
            if not row.agree_check.isChecked():
                continue
            items = frozenset(i for i, c in row.item_checks.items() if c.isChecked())
            try:
                day = parse_date(row.date_edit.text())
            except DateParseError:
                errors.append((row, FieldError("consent.given_on", "invalid_date")))
                continue
            if not items:
                errors.append((row, FieldError("consent.items", "consent_items_required")))
                continue
            if day is None:
                errors.append((row, FieldError("consent.given_on", "required")))
                continue
            if day > self._today:
                errors.append((row, FieldError("consent.given_on", "in_future")))
                continue
            out.append(
                ConsentInput(
                    agency_code=code,
                    items=items,
                    given_on=day,
                    method=ConsentMethod(row.method_combo.currentData()),
                )
            )
        if errors:
            for row, error in errors:
                row.error_label.setText(field_error_text(error))
                row.error_label.show()
            errors[0][0].agree_check.setFocus()
            raise _LocalErrors([])
        return out

    # --- creating the case ------------------------------------------------------------------

    @Slot()
    def _on_create_button_clicked(self) -> None:
        if self._busy:
            return
        try:
            person = self.person_input()
            case = self.case_input()
            consents = self.consent_inputs()
        except _LocalErrors as exc:
            if exc.errors:
                self._show_errors(exc.errors)
            self.errors_shown.emit()
            return
        needs = self.need_inputs()
        services = self._services
        inquiry_id = self._inquiry_id
        self._busy = True
        self._autosave.stop()
        self.create_button.setEnabled(False)

        walk_in = WalkIn(
            person=person,
            case=case,
            needs=tuple(needs),
            consents=tuple(consents),
            from_inquiry_id=inquiry_id,
        )

        def job() -> tuple[CaseDetail, list[ReferralRecord]]:
            registered = services.intake.register(walk_in)
            return registered.case, list(registered.referrals)

        self._runner.run(
            job, self._on_case_saved, self._on_create_failed, label=self.tr("사례를 등록하는 중…")
        )

    def _on_case_saved(self, result: tuple[CaseDetail, list[ReferralRecord]]) -> None:
        detail, referrals = result
        self._busy = False
        self._finished = True
        if detail.print_warnings:
            QMessageBox.warning(
                self, self.tr("인쇄되지 않는 글자"), print_warning_text(detail.print_warnings)
            )
        self.case_created.emit(detail, referrals)
        self.accept()

    def _on_create_failed(self, exc: BaseException) -> None:
        self._busy = False
        self.create_button.setEnabled(True)
        self._autosave.start()
        if isinstance(exc, ValidationError):
            self._show_errors(exc.errors)
        else:
            self.general_error_label.setText(error_text(exc))
            self.general_error_label.show()
            self.errors_shown.emit()

    def _on_job_failed(self, exc: BaseException) -> None:
        self._busy = False
        self.general_error_label.setText(error_text(exc))
        self.general_error_label.show()
        self.errors_shown.emit()

    # --- errors -----------------------------------------------------------------------------

    def _clear_errors(self) -> None:
        self.errors.clear()
        self.related_error_label.hide()
        self.general_error_label.hide()

    def _show_errors(self, errors: list[FieldError]) -> None:
        """Each reason next to its field; the first field's step comes up with focus on it."""
        related = [e for e in errors if e.field.startswith("related.")]
        others = [e for e in errors if not e.field.startswith("related.")]
        first = self.errors.show(others, fallback=self.general_error_label)
        lines = []
        for error in related:
            number = int(error.field.split(".")[1]) + 1
            lines.append(f"{number}. {field_label(error.field)}: {field_error_text(error)}")
        self.related_error_label.setText("\n".join(lines))
        self.related_error_label.setVisible(bool(lines))
        if first is None and related:
            first = self.related_table
        if first is not None:
            page = first
            while page is not None and page.parent() is not self.step_stack:
                page = page.parentWidget()
            if page is not None:
                index = self.step_stack.indexOf(page)
                if index != self.current_step():
                    self._remember_consents()
                    self.step_stack.setCurrentIndex(index)
                    self._set_step(index)
            first.setFocus(Qt.FocusReason.OtherFocusReason)
        self.errors_shown.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in the related-person fields adds the person; elsewhere it means Next."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.focusWidget() in (
            self.related_name_edit,
            self.related_phone_edit,
        ):
            event.accept()
            return
        super().keyPressEvent(event)

    # --- related persons --------------------------------------------------------------------

    @Slot()
    def _on_related_add_button_clicked(self) -> None:
        name = self.related_name_edit.text().strip()
        if not name:
            reason = field_error_text(FieldError("related.0.name", "required"))
            label = self.tr("관계인 이름")
            self.related_error_label.setText(f"{label}: {reason}")
            self.related_error_label.show()
            self.related_name_edit.setFocus()
            return
        self._add_related_row(
            name,
            self.related_relationship_combo.currentData(),
            self.related_phone_edit.text().strip(),
        )
        self.related_name_edit.clear()
        self.related_phone_edit.clear()
        self.related_error_label.hide()
        self.related_name_edit.setFocus()

    def _add_related_row(self, name: str, rel: str, phone: str) -> None:
        row = self.related_table.rowCount()
        self.related_table.insertRow(row)
        self.related_table.setItem(row, 0, QTableWidgetItem(name))
        rel_item = QTableWidgetItem(relationship_label(Relationship(rel)))
        rel_item.setData(CodeRole, rel)
        self.related_table.setItem(row, 1, rel_item)
        self.related_table.setItem(row, 2, QTableWidgetItem(phone))

    @Slot()
    def _on_related_remove_button_clicked(self) -> None:
        row = self.related_table.currentRow()
        if row >= 0:
            self.related_table.removeRow(row)

    # --- duplicates -------------------------------------------------------------------------

    @Slot()
    def _on_identity_text_changed(self) -> None:
        self._duplicate_timer.start()

    @Slot()
    def _on_duplicate_timer_timeout(self) -> None:
        name = self.name_edit.text().strip()
        try:
            birth = parse_date(self.birth_edit.text())
        except DateParseError:
            birth = None
        phones = [p for p in (self.phone_edit.text(), self.phone2_edit.text()) if p.strip()]
        if len(name) < 2 and not any(sum(ch.isdigit() for ch in p) >= 8 for p in phones):
            self._show_duplicates([])
            return
        cases = self._services.cases
        ticket = self._runner.run(
            lambda: cases.find_duplicates(name, birth, phones),
            lambda found: self._on_duplicates_found(ticket, found),
            lambda _exc: None,  # a failed look-up must never get in the way of typing
        )
        self._duplicate_ticket = ticket

    def _on_duplicates_found(self, ticket: int, found: list[DuplicateCandidate]) -> None:
        # A look-up still running when the case was created answers after the form closed;
        # the runner cannot tell (the callback is a lambda), so the form checks itself.
        if self._finished or not shiboken6.isValid(self.duplicate_list):
            return
        if ticket == self._duplicate_ticket:
            self._show_duplicates(found)

    def _show_duplicates(self, found: list[DuplicateCandidate]) -> None:
        self.duplicate_list.clear()
        for candidate in found:
            reasons = ", ".join(duplicate_reason_label(r) for r in candidate.reasons)
            text = f"{candidate.case_number}  {candidate.masked_name}  "
            if candidate.birth_date:
                text += f"{date_text(candidate.birth_date)}  "
            item = QListWidgetItem(f"{text}· {reasons}", self.duplicate_list)
            item.setData(CaseIdRole, candidate.case_id)
        if found:
            self.duplicate_list.setCurrentRow(0)
        self.duplicate_box.setVisible(bool(found))
        self.duplicates_shown.emit(len(found))

    @Slot()
    def _on_open_existing_button_clicked(self) -> None:
        item = self.duplicate_list.currentItem()
        if item is None:
            return
        case_id = item.data(CaseIdRole)
        self._autosave.stop()
        self._finished = True
        self._runner.run(self._services.drafts.discard_intake)
        self.existing_case_requested.emit(case_id)
        self.accept()

    # --- needs and warnings -----------------------------------------------------------------

    @Slot(QTreeWidgetItem, int)
    def _on_needs_tree_item_changed(self, item: QTreeWidgetItem, _column: int) -> None:
        code = str(item.data(0, CodeRole))
        if code.startswith("programme:") and item.checkState(0) == Qt.CheckState.Checked:
            parent = item.parent()
            if parent is not None and parent.checkState(0) != Qt.CheckState.Checked:
                parent.setCheckState(0, Qt.CheckState.Checked)
        self._update_warnings()

    @Slot()
    def _update_warnings(self) -> None:
        if self._catalogue is None:
            return
        ticked = {
            c.split(":", 1)[1] for c in self.checked_need_codes() if c.startswith("programme:")
        }
        try:
            incident = parse_date(self.incident_date_edit.text())
            known = parse_date(self.harm_known_edit.text())
        except DateParseError:
            incident = known = None
        lines = []
        kin_warned = False
        for programme in self._catalogue.programmes:
            if programme.code not in ticked or programme.deadline is None:
                continue
            deadline = filing_deadline(programme.deadline, incident=incident, known=known)
            name = localized_name(programme)
            if deadline is not None:
                days = (deadline - self._today).days
                if days < 0:
                    lines.append(
                        self.tr("%1: 신청 기한(%2)이 지났습니다. 예외 사유를 확인해 주세요.")
                        .replace("%1", name)
                        .replace("%2", date_text(deadline))
                    )
                elif days <= WARN_DAYS_BEFORE_DEADLINE:
                    lines.append(
                        self.tr("%1: 신청 기한 %2까지 %3일 남았습니다.")
                        .replace("%1", name)
                        .replace("%2", date_text(deadline))
                        .replace("%3", str(days))
                    )
            if self.offender_kin_check.isChecked() and not kin_warned:
                kin_warned = True
                lines.append(
                    self.tr(
                        "가해자가 친족이면 범죄피해구조금이 지급되지 않을 수 있습니다"
                        "(구조심의회가 판단)."
                    )
                )
        self.warnings_label.setText("\n".join(f"⚠ {line}" for line in lines))
        self.warnings_label.setVisible(bool(lines))

    # --- drafts -----------------------------------------------------------------------------

    def form_state(self) -> dict[str, Any]:
        """Everything typed, as plain JSON values (what the draft stores)."""
        self._remember_consents()
        return {
            "step": self.current_step(),
            "inquiry_id": self._inquiry_id,
            "name": self.name_edit.text(),
            "birth": self.birth_edit.text(),
            "gender": self.gender_combo.currentData(),
            "phone": self.phone_edit.text(),
            "phone2": self.phone2_edit.text(),
            "email": self.email_edit.text(),
            "address": self.address_edit.text(),
            "confidential_address": self.confidential_address_check.isChecked(),
            "nationality": self.nationality_edit.text(),
            "language": self.language_edit.text(),
            "interpreter": self.interpreter_check.isChecked(),
            "disability": self.disability_edit.text(),
            "may_call": self.may_call_check.isChecked(),
            "may_leave_message": self.may_leave_message_check.isChecked(),
            "may_send_mail": self.may_send_mail_check.isChecked(),
            "safe_hours": self.safe_hours_edit.text(),
            "safe_note": self.safe_note_edit.text(),
            "related": [
                [
                    self.related_table.item(r, 0).text(),
                    self.related_table.item(r, 1).data(CodeRole),
                    self.related_table.item(r, 2).text(),
                ]
                for r in range(self.related_table.rowCount())
            ],
            "channel": self.channel_combo.currentData(),
            "intake_date": self.intake_date_edit.text(),
            "crimes": self.checked_crimes(),
            "incident_date": self.incident_date_edit.text(),
            "harm_known": self.harm_known_edit.text(),
            "place": self.place_edit.text(),
            "reported": self.reported_combo.currentData(),
            "police_office": self.police_office_edit.text(),
            "prosecution_office": self.prosecution_office_edit.text(),
            "police_case": self.police_case_edit.text(),
            "offender_relation": self.offender_relation_edit.text(),
            "offender_kin": self.offender_kin_check.isChecked(),
            "risk": self.risk_combo.currentData(),
            "summary": self.summary_edit.toPlainText(),
            "support_received": self.support_received_edit.text(),
            "statistics_consent": self.statistics_consent_check.isChecked(),
            "needs": self.checked_need_codes(),
            "consents": dict(self._consent_state),
        }

    def apply_state(self, state: dict[str, Any]) -> None:
        texts = {
            "name": self.name_edit,
            "birth": self.birth_edit,
            "phone": self.phone_edit,
            "phone2": self.phone2_edit,
            "email": self.email_edit,
            "address": self.address_edit,
            "nationality": self.nationality_edit,
            "language": self.language_edit,
            "disability": self.disability_edit,
            "safe_hours": self.safe_hours_edit,
            "safe_note": self.safe_note_edit,
            "intake_date": self.intake_date_edit,
            "incident_date": self.incident_date_edit,
            "harm_known": self.harm_known_edit,
            "place": self.place_edit,
            "police_office": self.police_office_edit,
            "prosecution_office": self.prosecution_office_edit,
            "police_case": self.police_case_edit,
            "offender_relation": self.offender_relation_edit,
            "support_received": self.support_received_edit,
        }
        for key, edit in texts.items():
            if isinstance(state.get(key), str):
                edit.setText(state[key])
        checks = {
            "confidential_address": self.confidential_address_check,
            "interpreter": self.interpreter_check,
            "may_call": self.may_call_check,
            "may_leave_message": self.may_leave_message_check,
            "may_send_mail": self.may_send_mail_check,
            "offender_kin": self.offender_kin_check,
            "statistics_consent": self.statistics_consent_check,
        }
        for key, check in checks.items():
            if key in state:
                check.setChecked(bool(state[key]))
        combos = {
            "gender": self.gender_combo,
            "channel": self.channel_combo,
            "reported": self.reported_combo,
            "risk": self.risk_combo,
        }
        for key, combo in combos.items():
            if key in state:
                self._select_combo(combo, state[key])
        self.summary_edit.setPlainText(str(state.get("summary", "")))
        self.related_table.setRowCount(0)
        for name, rel, phone in state.get("related", []):
            self._add_related_row(name, rel, phone)
        self._check_codes(set(state.get("crimes", [])), set(state.get("needs", [])))
        self._consent_state = {k: dict(v) for k, v in state.get("consents", {}).items()}
        if state.get("inquiry_id") is not None:
            self._inquiry_id = int(state["inquiry_id"])
        step = int(state.get("step", PERSON_STEP))
        self._set_step(step if step in (PERSON_STEP, CASE_STEP, CONSENT_STEP) else PERSON_STEP)

    def _check_codes(self, crimes: set[str], needs: set[str] | None = None) -> None:
        for i in range(self.crime_list.count()):
            item = self.crime_list.item(i)
            if item.data(CodeRole) in crimes:
                item.setCheckState(Qt.CheckState.Checked)
        if needs:
            for item in self._tree_items():
                if item.data(0, CodeRole) in needs:
                    item.setCheckState(0, Qt.CheckState.Checked)

    @staticmethod
    def _select_combo(combo: QComboBox, data: object) -> None:
        index = combo.findData(data)
        if index >= 0:
            combo.setCurrentIndex(index)

    def _state_json(self) -> str:
        return json.dumps(self.form_state(), ensure_ascii=False, sort_keys=True)

    def has_content(self) -> bool:
        state = self.form_state()
        return bool(
            state["name"].strip()
            or state["phone"].strip()
            or state["birth"].strip()
            or state["crimes"]
            or state["needs"]
            or state["summary"].strip()
            or state["related"]
        )

    def _save_draft(self, then: Any = None) -> None:
        if self._catalogue is None or self._finished:
            if then:
                then()
            return
        snapshot = self._state_json()
        if snapshot == self._last_saved or not self.has_content():
            if then:
                then()
            return
        fields = json.loads(snapshot)
        drafts = self._services.drafts

        def saved(draft: IntakeDraft) -> None:
            self._last_saved = snapshot
            self.draft_label.setText(
                self.tr("임시 저장됨 %1").replace("%1", draft.saved_at.strftime("%H:%M:%S"))
            )
            self.draft_saved.emit()
            if then:
                then()

        self._runner.run(lambda: drafts.save_intake(fields), saved)

    @Slot()
    def _on_autosave_timeout(self) -> None:
        if not self._busy:
            self._save_draft()

    @Slot()
    def _on_later_button_clicked(self) -> None:
        self.reject()

    @Slot()
    def _on_discard_button_clicked(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("작성 내용 버리기"),
            self.tr("지금까지 입력한 내용을 모두 지울까요? 되돌릴 수 없습니다."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.discard()

    def discard(self) -> None:
        self._autosave.stop()
        self._finished = True
        self._runner.run(self._services.drafts.discard_intake)
        super().reject()

    def reject(self) -> None:
        """Closing never throws typed words away: the draft is saved first."""
        if self._finished:
            super().reject()
            return
        self._autosave.stop()
        self._save_draft(then=self._close_after_save)

    def _close_after_save(self) -> None:
        self._finished = True
        super().reject()
