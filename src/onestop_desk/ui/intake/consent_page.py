"""Step 3 of the walk-in: consent per agency (PIPA §17: each recipient named, items chosen).

Only agencies offering a ticked programme are listed; an agency left unticked gets no referral
letter. Up and Down move between the agencies, Space ticks one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from onestop_desk.domain.errors import FieldError
from onestop_desk.domain.records import AgencyRecord, ConsentInput, ProgrammeRecord
from onestop_desk.domain.vocab import ConsentItem, ConsentMethod
from onestop_desk.ui.intake.walk_in_reading import LocalErrors
from onestop_desk.ui.kit.messages import (
    consent_item_label,
    consent_method_label,
    field_error_text,
    localized_name,
)
from onestop_desk.ui.kit.widgets import DateParseError, make_date_edit, make_error_label, parse_date

DEFAULT_CONSENT_ITEMS = (ConsentItem.IDENTITY, ConsentItem.CONTACT, ConsentItem.CASE_FACTS)

translate = QCoreApplication.translate


@dataclass
class ConsentRow:
    agree_check: QCheckBox
    item_checks: dict[ConsentItem, QCheckBox]
    method_combo: QComboBox
    date_edit: QLineEdit
    error_label: QLabel


class Ui_ConsentPage:
    consent_intro_label: QLabel
    consent_panel: QWidget
    consent_grid: QGridLayout
    no_agency_label: QLabel
    result_label: QLabel

    def setup_ui(self, page: QWidget) -> None:
        page.setObjectName("consent_page")
        layout = QVBoxLayout(page)
        self.consent_intro_label = QLabel(
            translate(
                "IntakeDialog",
                "체크한 지원을 제공하는 기관입니다. 기관마다 본인이 동의한 항목만 보냅니다. "
                "동의하지 않은 기관에는 연계 의뢰서를 만들지 않습니다.",
            ),
            page,
        )
        self.consent_intro_label.setObjectName("consent_intro_label")
        self.consent_intro_label.setWordWrap(True)
        layout.addWidget(self.consent_intro_label)
        self.consent_panel = QWidget(page)
        self.consent_panel.setObjectName("consent_panel")
        self.consent_grid = QGridLayout(self.consent_panel)
        self.consent_grid.setAlignment(Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.consent_panel)
        self.no_agency_label = QLabel(
            translate(
                "IntakeDialog", "2단계에서 지원 프로그램을 체크하면 해당 기관이 여기에 나옵니다."
            ),
            page,
        )
        self.no_agency_label.setObjectName("no_agency_label")
        self.no_agency_label.setWordWrap(True)
        layout.addWidget(self.no_agency_label)
        self.result_label = QLabel(page)
        self.result_label.setObjectName("result_label")
        self.result_label.setWordWrap(True)
        layout.addWidget(self.result_label)
        layout.addStretch(1)


class ConsentPage(QWidget, Ui_ConsentPage):
    def __init__(self, today: date, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.setup_ui(self)
        self._today = today
        self.rows: dict[str, ConsentRow] = {}
        # What was ticked per agency, kept while the rows are rebuilt or the form is closed.
        self._state: dict[str, dict[str, Any]] = {}

    def first_field(self) -> QWidget | None:
        return next(iter(self.rows.values())).agree_check if self.rows else None

    def remember(self) -> None:
        for code, row in self.rows.items():
            self._state[code] = {
                "agree": row.agree_check.isChecked(),
                "items": [i.value for i, c in row.item_checks.items() if c.isChecked()],
                "method": row.method_combo.currentData(),
                "date": row.date_edit.text(),
            }

    def state(self) -> dict[str, dict[str, Any]]:
        self.remember()
        return {k: dict(v) for k, v in self._state.items()}

    def apply_state(self, state: dict[str, dict[str, Any]]) -> None:
        self._state = {k: dict(v) for k, v in state.items()}

    def rebuild(self, agencies: list[tuple[AgencyRecord, list[ProgrammeRecord]]]) -> QWidget | None:
        """One row per agency; returns the last focusable widget (the tab chain goes on to
        the register button from there)."""
        self.remember()
        grid = self.consent_grid
        while grid.count():
            item = grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.rows.clear()
        self.no_agency_label.setVisible(not agencies)
        if not agencies:
            return None
        headers = [self.tr("동의한 기관"), self.tr("보낼 항목"), self.tr("방법"), self.tr("동의일")]
        for column, text in enumerate(headers):
            grid.addWidget(QLabel(f"<b>{text}</b>", self.consent_panel), 0, column)
        previous: QWidget | None = None
        for index, (agency, programmes) in enumerate(agencies):
            row = self._add_row(1 + 3 * index, agency, programmes)
            for widget in (row.agree_check, *row.item_checks.values(), row.method_combo):
                if previous is not None:
                    QWidget.setTabOrder(previous, widget)
                previous = widget
            QWidget.setTabOrder(row.method_combo, row.date_edit)
            previous = row.date_edit
        return previous

    def _add_row(
        self, grid_row: int, agency: AgencyRecord, programmes: list[ProgrammeRecord]
    ) -> ConsentRow:
        code = agency.code
        panel = self.consent_panel
        state = self._state.get(code, {})
        agree = QCheckBox(localized_name(agency), panel)
        agree.setObjectName(f"consent_{code}_check")
        agree.setToolTip(", ".join(localized_name(p) for p in programmes))
        agree.installEventFilter(self)
        items_box = QWidget(panel)
        items_layout = QHBoxLayout(items_box)
        items_layout.setContentsMargins(0, 0, 0, 0)
        chosen = set(state.get("items", [i.value for i in DEFAULT_CONSENT_ITEMS]))
        item_checks: dict[ConsentItem, QCheckBox] = {}
        for item in ConsentItem:
            check = QCheckBox(consent_item_label(item), items_box)
            check.setObjectName(f"consent_{code}_{item.value}_check")
            check.setChecked(item.value in chosen)
            items_layout.addWidget(check)
            item_checks[item] = check
        method = QComboBox(panel)
        method.setObjectName(f"consent_{code}_method_combo")
        for m in ConsentMethod:
            method.addItem(consent_method_label(m), m.value)
        chosen_method = method.findData(state.get("method", ConsentMethod.WRITTEN.value))
        method.setCurrentIndex(max(chosen_method, 0))
        day = make_date_edit(f"consent_{code}_date_edit", panel)
        day.setText(state.get("date", self._today.isoformat()))
        day.setMaximumWidth(120)
        error = make_error_label(f"consent_{code}_error_label", panel)
        programmes_label = QLabel("· " + ", ".join(localized_name(p) for p in programmes), panel)
        programmes_label.setStyleSheet("color: #5f6368;")
        programmes_label.setWordWrap(True)
        grid = self.consent_grid
        grid.addWidget(agree, grid_row, 0)
        grid.addWidget(items_box, grid_row, 1)
        grid.addWidget(method, grid_row, 2)
        grid.addWidget(day, grid_row, 3)
        grid.addWidget(programmes_label, grid_row + 1, 0, 1, 4)
        grid.addWidget(error, grid_row + 2, 0, 1, 4)
        # Shown now, not when the layout gets round to it: the first box takes the focus
        # as soon as the step appears.
        for widget in (agree, items_box, method, day, programmes_label):
            widget.show()
        row = ConsentRow(agree, item_checks, method, day, error)
        self.rows[code] = row
        agree.setChecked(bool(state.get("agree", False)))
        self._enable(row)
        agree.toggled.connect(lambda _on, r=row: self._enable(r))
        return row

    @staticmethod
    def _enable(row: ConsentRow) -> None:
        on = row.agree_check.isChecked()
        for widget in (*row.item_checks.values(), row.method_combo, row.date_edit):
            widget.setEnabled(on)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up and Down on an agency's box go to the previous or next agency."""
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(Qt.Key(event.key()))
        checks = [row.agree_check for row in self.rows.values()]
        if step is None or watched not in checks:
            return False
        index = checks.index(watched) + step  # type: ignore[arg-type]
        if 0 <= index < len(checks):
            checks[index].setFocus(Qt.FocusReason.TabFocusReason)
        return True

    def consent_inputs(self) -> list[ConsentInput]:
        """The consents given; a row in error shows why under itself (``LocalErrors([])``)."""
        out: list[ConsentInput] = []
        errors: list[tuple[ConsentRow, FieldError]] = []
        for code, row in self.rows.items():
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
            elif day is None:
                errors.append((row, FieldError("consent.given_on", "required")))
            elif day > self._today:
                errors.append((row, FieldError("consent.given_on", "in_future")))
            else:
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
            raise LocalErrors([])
        return out

    def show_row_errors(self, errors: list[FieldError]) -> list[FieldError]:
        """``consents.<index>.<field>`` refusals from the service go under their row; the
        rest are handed back."""
        # The service numbers the consents it was given: the ticked rows, in order.
        codes = [code for code, row in self.rows.items() if row.agree_check.isChecked()]
        rest = []
        for error in errors:
            parts = error.field.split(".")
            if parts[0] == "consents" and len(parts) > 2 and parts[1].isdigit():
                index = int(parts[1])
                if index < len(codes):
                    row = self.rows[codes[index]]
                    row.error_label.setText(field_error_text(error))
                    row.error_label.show()
                    continue
            rest.append(error)
        return rest
