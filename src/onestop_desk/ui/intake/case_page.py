"""Step 2 of the walk-in: the case facts and the needs checklist, with the services' warnings
(filing deadlines, relief money where the offender is kin) as the counselor ticks."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QListWidgetItem, QWidget

from onestop_desk.domain.errors import FieldError
from onestop_desk.domain.records import (
    CaseInput,
    Catalogue,
    IntakeWarnings,
    RelatedPersonInput,
)
from onestop_desk.domain.vocab import IntakeChannel, RiskLevel
from onestop_desk.services import Services
from onestop_desk.ui.cases.case_fields import CaseFactFields
from onestop_desk.ui.intake.needs_panel import NeedsPanel
from onestop_desk.ui.intake.walk_in_reading import LocalErrors, lenient_date, read_date
from onestop_desk.ui.kit.item_roles import CodeRole
from onestop_desk.ui.kit.messages import intake_channel_label, localized_name, risk_label
from onestop_desk.ui.kit.tasks import TaskRunner
from onestop_desk.ui.kit.widgets import FieldErrors

WARNINGS_DEBOUNCE_MS = 150

_TEXTS = {
    "intake_date": "intake_date_edit",
    "incident_date": "incident_date_edit",
    "harm_known": "harm_known_edit",
    "place": "place_edit",
    "police_office": "police_office_edit",
    "prosecution_office": "prosecution_office_edit",
    "police_case": "police_case_edit",
    "offender_relation": "offender_relation_edit",
    "support_received": "support_received_edit",
}
_CHECKS = {"offender_kin": "offender_kin_check", "statistics_consent": "statistics_consent_check"}
_COMBOS = {
    "channel": "channel_combo",
    "reported": "reported_combo",
    "risk": "risk_combo",
}


class Ui_CasePage(CaseFactFields):
    needs_box: NeedsPanel

    def setup_ui(self, page: QWidget) -> None:
        page.setObjectName("case_page")
        columns = QHBoxLayout(page)
        columns.addWidget(self.build_facts_box(page), 3)
        self.needs_box = NeedsPanel(page)
        columns.addWidget(self.needs_box, 2)


class CasePage(QWidget, Ui_CasePage):
    """``warnings_shown`` follows each answer of ``services.intake.warnings`` on screen."""

    warnings_shown = Signal(object)

    def __init__(self, services: Services, runner: TaskRunner, today: date, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.setup_ui(self)
        self._services = services
        self._runner = runner
        self._today = today
        self._warnings_ticket = 0
        self._stopped = False
        for channel in IntakeChannel:
            self.channel_combo.addItem(intake_channel_label(channel), channel.value)
        self.reported_combo.addItem(self.tr("신고 여부 모름"), "")
        self.reported_combo.addItem(self.tr("경찰에 신고함"), "yes")
        self.reported_combo.addItem(self.tr("신고하지 않음"), "no")
        for level in RiskLevel:
            self.risk_combo.addItem(risk_label(level), level.value)
        self._select(self.risk_combo, RiskLevel.MEDIUM.value)
        self.intake_date_edit.setText(today.isoformat())
        self._warnings_timer = QTimer(self)
        self._warnings_timer.setSingleShot(True)
        self._warnings_timer.setInterval(WARNINGS_DEBOUNCE_MS)
        self._warnings_timer.timeout.connect(self._on_warnings_timer_timeout)
        for edit in (self.incident_date_edit, self.harm_known_edit):
            edit.textChanged.connect(self._warnings_timer.start)
        self.offender_kin_check.toggled.connect(self._warnings_timer.start)
        self.needs_box.changed.connect(self._warnings_timer.start)

    def fill(self, catalogue: Catalogue) -> None:
        for crime in catalogue.crime_types:
            item = QListWidgetItem(localized_name(crime), self.crime_list)
            item.setData(CodeRole, crime.code)
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable
            )
            item.setCheckState(Qt.CheckState.Unchecked)
        self.crime_filter.refilter()
        self.needs_box.fill(catalogue)

    def bind_errors(self, errors: FieldErrors) -> None:
        self.bind_fact_errors(errors)

    def first_field(self) -> QWidget:
        """The crime types come first at the desk: typing filters them (ChecklistFilter)."""
        return self.crime_filter_edit

    def stop(self) -> None:
        self._stopped = True
        self._warnings_timer.stop()

    # --- reading ----------------------------------------------------------------------------

    def case_input(self, related: tuple[RelatedPersonInput, ...]) -> CaseInput:
        errors: list[FieldError] = []
        intake = read_date(self.intake_date_edit, "case.intake_date", errors)
        incident = read_date(self.incident_date_edit, "case.incident_date", errors)
        known = read_date(self.harm_known_edit, "case.harm_known_date", errors)
        if intake is None and not any(e.field == "case.intake_date" for e in errors):
            errors.append(FieldError("case.intake_date", "required"))
        if errors or intake is None:
            raise LocalErrors(errors)
        return self.case_from_fields(intake, incident, known, related)

    def check_crimes(self, codes: set[str]) -> None:
        for i in range(self.crime_list.count()):
            item = self.crime_list.item(i)
            if item.data(CodeRole) in codes:
                item.setCheckState(Qt.CheckState.Checked)

    # --- warnings ---------------------------------------------------------------------------

    @Slot()
    def _on_warnings_timer_timeout(self) -> None:
        # The facts as typed so far: a date still being typed counts as not given.
        case = self.case_from_fields(
            lenient_date(self.intake_date_edit) or self._today,
            lenient_date(self.incident_date_edit),
            lenient_date(self.harm_known_edit),
            (),
        )
        needs = self.needs_box.need_inputs()
        intake = self._services.intake
        ticket = self._runner.run(
            lambda: intake.warnings(case, needs),
            lambda found: self._on_warnings_found(ticket, found),
            lambda _exc: None,  # a warning that cannot be computed must not block the form
        )
        self._warnings_ticket = ticket

    def _on_warnings_found(self, ticket: int, warnings: IntakeWarnings) -> None:
        if self._stopped or ticket != self._warnings_ticket:
            return
        self.needs_box.show_warnings(warnings)
        self.warnings_shown.emit(warnings)

    # --- draft state ------------------------------------------------------------------------

    def state(self) -> dict[str, Any]:
        out: dict[str, Any] = {key: getattr(self, name).text() for key, name in _TEXTS.items()}
        out.update({key: getattr(self, name).isChecked() for key, name in _CHECKS.items()})
        out.update({key: getattr(self, name).currentData() for key, name in _COMBOS.items()})
        out["crimes"] = self.checked_crimes()
        out["summary"] = self.summary_edit.toPlainText()
        out["needs"] = self.needs_box.checked_codes()
        return out

    def apply_state(self, state: dict[str, Any]) -> None:
        for key, name in _TEXTS.items():
            if isinstance(state.get(key), str):
                getattr(self, name).setText(state[key])
        for key, name in _CHECKS.items():
            if key in state:
                getattr(self, name).setChecked(bool(state[key]))
        for key, name in _COMBOS.items():
            if key in state:
                self._select(getattr(self, name), state[key])
        self.summary_edit.setPlainText(str(state.get("summary", "")))
        self.check_crimes(set(state.get("crimes", [])))
        self.needs_box.check_codes(set(state.get("needs", [])))

    @staticmethod
    def _select(combo: Any, data: object) -> None:
        index = combo.findData(data)
        if index >= 0:
            combo.setCurrentIndex(index)
