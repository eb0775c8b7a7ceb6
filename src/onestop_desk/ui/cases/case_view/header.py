"""The top of the case view: number and name, the step the case is in, deadline warnings."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from onestop_desk.domain.access import Permission
from onestop_desk.domain.records import CaseDetail, Colleague, DeadlineWarning
from onestop_desk.domain.text import mask_name
from onestop_desk.domain.vocab import CaseStatus, allowed_case_transitions
from onestop_desk.services import Services
from onestop_desk.ui.cases.case_dialogs import AssignDialog, CloseCaseDialog
from onestop_desk.ui.cases.case_view.panel import CasePanel
from onestop_desk.ui.cases.edit_case_dialog import EditCaseDialog
from onestop_desk.ui.kit.messages import case_status_label, date_text, risk_label
from onestop_desk.ui.kit.tasks import TaskRunner
from onestop_desk.ui.kit.widgets import heading, make_button, make_error_label

translate = QCoreApplication.translate


class Ui_CaseHeader:
    def setup_ui(self, panel: QWidget) -> None:
        panel.setObjectName("header_panel")
        outer = QVBoxLayout(panel)
        outer.setContentsMargins(0, 0, 0, 0)

        top = QHBoxLayout()
        self.back_button = make_button(translate("CaseView", "← 사례 목록"), "back_button", panel)
        top.addWidget(self.back_button)
        self.title_label = heading("", "title_label", panel)
        top.addWidget(self.title_label, 1)
        self.reveal_name_button = make_button(
            translate("CaseView", "이름 보기"), "reveal_name_button", panel
        )
        self.reveal_name_button.setToolTip(
            translate("CaseView", "이름과 비공개 주소를 보여 줍니다(접속기록에 남습니다).")
        )
        top.addWidget(self.reveal_name_button)
        self.edit_button = make_button(translate("CaseView", "정보 수정…"), "edit_button", panel)
        self.edit_button.setToolTip(
            translate("CaseView", "인적 사항과 사건 정보를 고칩니다(관계인은 그대로 둡니다).")
        )
        top.addWidget(self.edit_button)
        self.assign_button = make_button(
            translate("CaseView", "담당 변경…"), "assign_button", panel
        )
        top.addWidget(self.assign_button)
        outer.addLayout(top)

        status_row = QHBoxLayout()
        self.status_label = QLabel(panel)
        self.status_label.setObjectName("status_label")
        self.status_label.setWordWrap(True)
        status_row.addWidget(self.status_label, 1)
        self.next_status_label = QLabel(translate("CaseView", "다음 단계"), panel)
        self.next_status_label.setObjectName("next_status_label")
        status_row.addWidget(self.next_status_label)
        self.status_combo = QComboBox(panel)
        self.status_combo.setObjectName("status_combo")
        status_row.addWidget(self.status_combo)
        self.change_status_button = make_button(
            translate("CaseView", "단계 바꾸기"), "change_status_button", panel
        )
        status_row.addWidget(self.change_status_button)
        outer.addLayout(status_row)

        self.warnings_label = QLabel(panel)
        self.warnings_label.setObjectName("warnings_label")
        self.warnings_label.setWordWrap(True)
        self.warnings_label.setStyleSheet(
            "background: #fff4e5; color: #7a4100; padding: 6px; border-radius: 4px;"
        )
        self.warnings_label.hide()
        outer.addWidget(self.warnings_label)
        self.error_label = make_error_label("error_label", panel)
        outer.addWidget(self.error_label)


class CaseHeader(CasePanel):
    """Who the case is and its step. Revealing the name, editing, reassigning and moving the
    case to another step start here."""

    back_requested = Signal()
    name_revealed = Signal(str)
    detail_changed = Signal(object)  # CaseDetail

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(services, runner, parent)
        self.ui = Ui_CaseHeader()
        self.ui.setup_ui(self)
        self._detail: CaseDetail | None = None
        # Who carries a case is the team lead's call (CaseService.assign checks it too).
        self.ui.assign_button.setVisible(services.may(Permission.ASSIGN_CASES))
        self.ui.back_button.clicked.connect(self.back_requested)
        self.ui.reveal_name_button.clicked.connect(self._on_reveal_name_button_clicked)
        self.ui.edit_button.clicked.connect(self._on_edit_button_clicked)
        self.ui.assign_button.clicked.connect(self._on_assign_button_clicked)
        self.ui.change_status_button.clicked.connect(self._on_change_status_button_clicked)
        self.clear()

    def clear(self) -> None:
        """A new case is on its way: nothing of the last one may be acted on."""
        self._detail = None
        self.ui.edit_button.setEnabled(False)
        self.ui.assign_button.setEnabled(False)
        self.ui.error_label.hide()

    def show_detail(self, d: CaseDetail, revealed_name: str | None) -> None:
        self._detail = d
        self.ui.title_label.setText(f"{d.case_number}  {revealed_name or mask_name(d.person.name)}")
        self.ui.reveal_name_button.setEnabled(revealed_name is None)
        self.ui.edit_button.setEnabled(True)
        self.ui.assign_button.setEnabled(True)
        self.ui.status_label.setText(
            translate("CaseView", "단계: %1 · 담당: %2 · 위험도: %3")
            .replace("%1", case_status_label(d.status))
            .replace("%2", d.counselor_name or translate("CaseView", "없음"))
            .replace("%3", risk_label(d.risk_level))
        )
        combo = self.ui.status_combo
        combo.clear()
        for status in CaseStatus:
            if status in allowed_case_transitions(d.status):
                combo.addItem(case_status_label(status), status.value)
        combo.setEnabled(combo.count() > 0)
        self.ui.change_status_button.setEnabled(combo.count() > 0)

    def show_warnings(self, warnings: list[DeadlineWarning]) -> None:
        lines = []
        for w in warnings:
            name = self._directory.programme_name(w.programme_code)
            if w.days_left < 0:
                lines.append(
                    translate("CaseView", "%1: 신청 기한(%2)이 지났습니다.")
                    .replace("%1", name)
                    .replace("%2", date_text(w.deadline))
                )
            else:
                lines.append(
                    translate("CaseView", "%1: 신청 기한 %2까지 %3일 남았습니다.")
                    .replace("%1", name)
                    .replace("%2", date_text(w.deadline))
                    .replace("%3", str(w.days_left))
                )
        self.ui.warnings_label.setText("\n".join(f"⚠ {line}" for line in lines))
        self.ui.warnings_label.setVisible(bool(lines))

    def report(self, exc: BaseException) -> None:
        """A failure of the case view's own loading, shown where the header's are."""
        self.show_error(exc, self.ui.error_label)

    @Slot()
    def _on_reveal_name_button_clicked(self) -> None:
        case_id = self._case_id
        if case_id is None:
            return
        cases = self._services.cases
        self._runner.run(
            lambda: cases.reveal_name(case_id),
            lambda name: self._on_name_revealed(case_id, name),
            self.report,
        )

    def _on_name_revealed(self, case_id: int, name: str) -> None:
        if case_id == self._case_id:
            self.name_revealed.emit(name)

    @Slot()
    def _on_edit_button_clicked(self) -> None:
        if self._detail is None:
            return
        dialog = EditCaseDialog(
            self._services, self._runner, self._detail, self._directory.crimes, self
        )
        dialog.case_updated.connect(self._on_case_changed)
        dialog.open()
        self.dialog_opened.emit(dialog)

    @Slot()
    def _on_assign_button_clicked(self) -> None:
        detail = self._detail
        if detail is None:
            return
        self._runner.run(
            self._services.users.assignable,
            lambda found: self._open_assign_dialog(detail, found),
            self.report,
        )

    def _open_assign_dialog(self, detail: CaseDetail, users: list[Colleague]) -> None:
        if detail.id != self._case_id:
            return  # another case was opened while the accounts were loading
        dialog = AssignDialog(self._services, self._runner, detail, users, self)
        dialog.counselor_assigned.connect(self._on_case_changed)
        dialog.open()
        self.dialog_opened.emit(dialog)

    def _on_case_changed(self, detail: CaseDetail) -> None:
        if detail.id == self._case_id:
            self.detail_changed.emit(detail)

    @Slot()
    def _on_change_status_button_clicked(self) -> None:
        case_id = self._case_id
        value = self.ui.status_combo.currentData()
        if case_id is None or value is None:
            return
        to = CaseStatus(value)
        if to is CaseStatus.CLOSED:
            dialog = CloseCaseDialog(self)
            dialog.accepted.connect(lambda: self._change_status(case_id, to, dialog.outcome()))
            dialog.open()
            self.dialog_opened.emit(dialog)
            return
        self._change_status(case_id, to, "")

    def _change_status(self, case_id: int, to: CaseStatus, outcome: str) -> None:
        cases = self._services.cases
        self.run_action(
            lambda: cases.change_status(case_id, to, outcome=outcome),
            self.ui.error_label,
            with_detail=True,
        )
