"""The duplicate look-up beside the person's fields: "이미 등록된 사람일 수 있습니다".

While the counselor types a name, birth date or phone number, the known cases that may be the
same person appear (names masked); opening one abandons the new form for the existing case.
"""

from __future__ import annotations

from datetime import date

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QGroupBox, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout

from onestop_desk.domain.records import DuplicateCandidate
from onestop_desk.services import Services
from onestop_desk.ui.kit.item_roles import CaseIdRole
from onestop_desk.ui.kit.messages import date_text, duplicate_reason_label
from onestop_desk.ui.kit.tasks import TaskRunner

DUPLICATE_DEBOUNCE_MS = 300

translate = QCoreApplication.translate


class Ui_DuplicatePanel:
    duplicate_list: QListWidget
    open_existing_button: QPushButton

    def setup_ui(self, box: QGroupBox) -> None:
        box.setObjectName("duplicate_box")
        box.setTitle(translate("IntakeDialog", "이미 등록된 사람일 수 있습니다"))
        box.setStyleSheet(
            "QGroupBox#duplicate_box { background: #fff8e1; border: 1px solid #f2c94c; "
            "border-radius: 4px; margin-top: 1.2em; padding-top: 6px; }"
        )
        layout = QVBoxLayout(box)
        self.duplicate_list = QListWidget(box)
        self.duplicate_list.setObjectName("duplicate_list")
        self.duplicate_list.setMaximumHeight(110)
        layout.addWidget(self.duplicate_list)
        self.open_existing_button = QPushButton(translate("IntakeDialog", "기존 사례 열기"), box)
        self.open_existing_button.setObjectName("open_existing_button")
        self.open_existing_button.setAutoDefault(False)
        layout.addWidget(self.open_existing_button, 0, Qt.AlignmentFlag.AlignRight)


class DuplicatePanel(QGroupBox, Ui_DuplicatePanel):
    """Hidden until a look-up finds someone; ``open_requested(case_id)`` opens that case."""

    shown = Signal(int)
    open_requested = Signal(int)

    def __init__(self, services: Services, runner: TaskRunner, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.setup_ui(self)
        self._services = services
        self._runner = runner
        self._ticket = 0
        self._stopped = False
        self._query: tuple[str, date | None, list[str]] = ("", None, [])
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DUPLICATE_DEBOUNCE_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self.open_existing_button.clicked.connect(self._on_open_existing_button_clicked)
        self.duplicate_list.itemActivated.connect(self._on_open_existing_button_clicked)
        self.hide()

    def look_up(self, name: str, birth: date | None, phones: list[str]) -> None:
        """Ask again once typing pauses; only the newest question's answer is shown."""
        self._query = (name.strip(), birth, [p for p in phones if p.strip()])
        self._timer.start()

    def stop(self) -> None:
        """The form is closing: no more look-ups, and late answers are dropped."""
        self._stopped = True
        self._timer.stop()

    @Slot()
    def _on_timer_timeout(self) -> None:
        name, birth, phones = self._query
        if len(name) < 2 and not any(sum(ch.isdigit() for ch in p) >= 8 for p in phones):
            self.show_candidates([])
            return
        cases = self._services.cases
        ticket = self._runner.run(
            lambda: cases.find_duplicates(name, birth, phones),
            lambda found: self._on_found(ticket, found),
            lambda _exc: None,  # a failed look-up must never get in the way of typing
        )
        self._ticket = ticket

    def _on_found(self, ticket: int, found: list[DuplicateCandidate]) -> None:
        # A look-up still running when the case was created answers after the form closed;
        # the runner cannot tell (the callback is a lambda), so the panel checks itself.
        if self._stopped or not shiboken6.isValid(self.duplicate_list):
            return
        if ticket == self._ticket:
            self.show_candidates(found)

    def show_candidates(self, found: list[DuplicateCandidate]) -> None:
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
        self.setVisible(bool(found))
        self.shown.emit(len(found))

    @Slot()
    def _on_open_existing_button_clicked(self) -> None:
        item = self.duplicate_list.currentItem()
        if item is not None:
            self.open_requested.emit(int(item.data(CaseIdRole)))
