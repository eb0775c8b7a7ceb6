"""New walk-in: person, case and needs, consent per agency, then the referrals. Three steps.

The dialog only leads through the steps; each step is its own page (``person_page``,
``case_page``, ``consent_page``), the drafts are kept by ``DraftKeeper`` and the walk-in is
registered by one service call (``services.intake.register``), saved whole or not at all.
Nothing typed is ever lost: a refused field keeps its text while the reason appears next to it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from onestop_desk.domain.errors import FieldError, ValidationError
from onestop_desk.domain.records import (
    Catalogue,
    InquiryRecord,
    RegisteredWalkIn,
    WalkIn,
)
from onestop_desk.domain.vocab import IntakeChannel
from onestop_desk.services import Services
from onestop_desk.services.drafts import IntakeDraft
from onestop_desk.ui.intake.case_page import CasePage
from onestop_desk.ui.intake.consent_page import ConsentPage
from onestop_desk.ui.intake.draft_keeper import DraftKeeper, has_content
from onestop_desk.ui.intake.intake_layout import Ui_IntakeDialog
from onestop_desk.ui.intake.person_page import PersonPage
from onestop_desk.ui.intake.walk_in_reading import LocalErrors
from onestop_desk.ui.kit.messages import error_text, print_warning_text
from onestop_desk.ui.kit.tasks import TaskRunner
from onestop_desk.ui.kit.widgets import FieldErrors

PERSON_STEP, CASE_STEP, CONSENT_STEP = range(3)


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
        self._services = services
        self._runner = runner
        self._today = services.context.clock.today()
        self.person_page = PersonPage(services, runner)
        self.case_page = CasePage(services, runner, self._today)
        self.consent_page = ConsentPage(self._today)
        self.setup_ui(self, [self.person_page, self.case_page, self.consent_page])
        self._inquiry = inquiry
        self._inquiry_id: int | None = inquiry.id if inquiry is not None else None
        self._initial_state: dict[str, Any] | None = dict(draft.fields) if draft else None
        self._busy = False
        self._finished = False
        self.errors = FieldErrors()
        self.person_page.bind_errors(self.errors)
        self.case_page.bind_errors(self.errors)
        self.drafts = DraftKeeper(services, runner, self.form_state, self)
        self.drafts.saved.connect(self._on_drafts_saved)
        self.drafts.kept_on_pc.connect(self._on_drafts_kept_on_pc)
        self.next_button.clicked.connect(self._on_next_button_clicked)
        self.back_button.clicked.connect(self._on_back_button_clicked)
        self.create_button.clicked.connect(self._on_create_button_clicked)
        self.later_button.clicked.connect(self._on_later_button_clicked)
        self.discard_button.clicked.connect(self._on_discard_button_clicked)
        self.person_page.duplicate_box.shown.connect(self.duplicates_shown)
        self.person_page.duplicate_box.open_requested.connect(self._on_open_requested)
        self._set_step(PERSON_STEP)
        self.setEnabled(False)
        self._runner.run(services.directory.catalogue, self._on_catalogue_loaded)

    @Slot(object)
    def _on_catalogue_loaded(self, catalogue: Catalogue) -> None:
        self.case_page.fill(catalogue)
        if self._initial_state is not None:
            self.apply_state(self._initial_state)
        elif self._inquiry is not None:
            self._apply_inquiry(self._inquiry)
        self.setEnabled(True)
        self.drafts.start(already_saved=self._initial_state is not None)
        if self.current_step() == PERSON_STEP:
            self.person_page.name_edit.setFocus()
        self.ready.emit()

    def _apply_inquiry(self, inquiry: InquiryRecord) -> None:
        person, crimes = self._services.inquiries.prefill(inquiry)
        self.person_page.name_edit.setText(person.name)
        self.person_page.phone_edit.setText(person.phone)
        channel = self.case_page.channel_combo
        channel.setCurrentIndex(max(channel.findData(IntakeChannel.PHONE.value), 0))
        self.case_page.check_crimes(set(crimes))
        self.case_page.summary_edit.setPlainText(inquiry.topic)

    # --- fitting the screen -----------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fit_to_screen()

    def fit_to_screen(self) -> None:
        """Shrink and move the window so all of it, frame included, is on its screen: at
        1024×768 the 다음 button used to be off the right edge. The pages scroll instead."""
        screen = self.screen()
        if screen is None:
            return
        available = screen.availableGeometry()
        frame, inner = self.frameGeometry(), self.geometry()
        extra_w, extra_h = frame.width() - inner.width(), frame.height() - inner.height()
        width = min(self.width(), available.width() - extra_w)
        height = min(self.height(), available.height() - extra_h)
        if (width, height) != (self.width(), self.height()):
            self.resize(width, height)
        outer_w, outer_h = width + extra_w, height + extra_h
        x = min(max(frame.x(), available.left()), available.left() + available.width() - outer_w)
        y = min(max(frame.y(), available.top()), available.top() + available.height() - outer_h)
        if (x, y) != (frame.x(), frame.y()):
            self.move(x, y)

    # --- steps ------------------------------------------------------------------------------

    def current_step(self) -> int:
        return self.step_stack.currentIndex()

    def _hint(self, step: int) -> str:
        if step == PERSON_STEP:
            return self.tr(
                "Tab: 다음 칸 · Alt+L: 안전한 연락 방법 · Space: 체크 · Enter: 다음 단계"
            )
        if step == CASE_STEP:
            return self.tr(
                "범죄 유형과 지원은 이름을 입력해 찾고 ↓로 목록에 들어가 Space로 체크합니다 · "
                "Alt+T: 범죄 유형 · Alt+F: 지원 찾기 · Alt+K: 위험도 · Enter: 다음 단계"
            )
        return self.tr("↑↓: 기관 사이 이동 · Space: 동의 체크 · Tab: 보낼 항목 · Enter: 등록")

    def _set_step(self, step: int) -> None:
        if self.current_step() == CONSENT_STEP and step != CONSENT_STEP:
            self.consent_page.remember()
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
        self.keys_hint_label.setText(self._hint(step))
        self.back_button.setEnabled(step > PERSON_STEP)
        self.next_button.setVisible(step < CONSENT_STEP)
        self.create_button.setVisible(step == CONSENT_STEP)
        first: QWidget | None
        if step == CONSENT_STEP:
            last = self.consent_page.rebuild(self.case_page.needs_box.needed_agencies())
            if last is not None:
                QWidget.setTabOrder(last, self.create_button)
            self.create_button.setDefault(True)
            first = self.consent_page.first_field()
        else:
            self.next_button.setDefault(True)
            page = self.person_page if step == PERSON_STEP else self.case_page
            first = page.first_field()
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
        self.step_changed.emit(step)

    @Slot()
    def _on_next_button_clicked(self) -> None:
        if self._busy:
            return
        step = self.current_step()
        if step == PERSON_STEP and not self.person_page.check_contact_choice():
            self.errors_shown.emit()
            return
        try:
            person = self.person_page.person_input()
            case = self.case_page.case_input(self.person_page.related_box.inputs())
        except LocalErrors as exc:
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
        self.drafts.save()

    @Slot()
    def _on_back_button_clicked(self) -> None:
        if self.current_step() > PERSON_STEP:
            self._set_step(self.current_step() - 1)

    # --- registering the walk-in ------------------------------------------------------------

    def walk_in(self) -> WalkIn:
        """Everything typed, read back; ``LocalErrors`` for what the form itself refuses."""
        person = self.person_page.person_input()
        case = self.case_page.case_input(self.person_page.related_box.inputs())
        consents = self.consent_page.consent_inputs()
        return WalkIn(
            person=person,
            case=case,
            needs=tuple(self.case_page.needs_box.need_inputs()),
            consents=tuple(consents),
            from_inquiry_id=self._inquiry_id,
        )

    @Slot()
    def _on_create_button_clicked(self) -> None:
        if self._busy:
            return
        if not self.person_page.check_contact_choice():
            self._set_step(PERSON_STEP)
            self.person_page.check_contact_choice()
            self.errors_shown.emit()
            return
        try:
            walk_in = self.walk_in()
        except LocalErrors as exc:
            if exc.errors:
                self._show_errors(exc.errors)
            self.errors_shown.emit()
            return
        self._busy = True
        self.drafts.pause(True)
        self.create_button.setEnabled(False)
        intake = self._services.intake
        self._runner.run(
            lambda: intake.register(walk_in),
            self._on_case_saved,
            self._on_create_failed,
            label=self.tr("사례를 등록하는 중…"),
        )

    def _on_case_saved(self, registered: RegisteredWalkIn) -> None:
        self._busy = False
        self._finish()
        if registered.case.print_warnings:
            QMessageBox.warning(
                self,
                self.tr("인쇄되지 않는 글자"),
                print_warning_text(registered.case.print_warnings),
            )
        self.case_created.emit(registered.case, list(registered.referrals))
        self.accept()

    def _on_create_failed(self, exc: BaseException) -> None:
        self._busy = False
        self.create_button.setEnabled(True)
        self.drafts.pause(False)
        if isinstance(exc, ValidationError):
            self._show_errors(self.consent_page.show_row_errors(exc.errors))
        else:
            self._on_job_failed(exc)

    def _on_job_failed(self, exc: BaseException) -> None:
        self._busy = False
        self.general_error_label.setText(error_text(exc))
        self.general_error_label.show()
        self.errors_shown.emit()

    # --- errors -----------------------------------------------------------------------------

    def _clear_errors(self) -> None:
        self.errors.clear()
        self.person_page.related_box.related_error_label.hide()
        self.general_error_label.hide()

    def _show_errors(self, errors: list[FieldError]) -> None:
        """Each reason next to its field; the first field's step comes up with focus on it."""
        related = [e for e in errors if e.field.startswith("related.")]
        others = [e for e in errors if not e.field.startswith("related.")]
        first = self.errors.show(others, fallback=self.general_error_label)
        self.person_page.related_box.show_errors(related)
        if first is None and related:
            first = self.person_page.related_box.related_table
        if first is not None:
            step = self._step_of(first)
            if step is not None and step != self.current_step():
                self._set_step(step)
            first.setFocus(Qt.FocusReason.OtherFocusReason)
        self.errors_shown.emit()

    def _step_of(self, widget: QWidget) -> int | None:
        for step, page in enumerate((self.person_page, self.case_page, self.consent_page)):
            if page.isAncestorOf(widget):
                return step
        return None

    # --- drafts -----------------------------------------------------------------------------

    def form_state(self) -> dict[str, Any]:
        """Everything typed, as plain JSON values (what the draft stores)."""
        return {
            "step": self.current_step(),
            "inquiry_id": self._inquiry_id,
            **self.person_page.state(),
            **self.case_page.state(),
            "consents": self.consent_page.state(),
        }

    def apply_state(self, state: dict[str, Any]) -> None:
        self.person_page.apply_state(state)
        self.case_page.apply_state(state)
        self.consent_page.apply_state(state.get("consents", {}))
        if state.get("inquiry_id") is not None:
            self._inquiry_id = int(state["inquiry_id"])
        step = int(state.get("step", PERSON_STEP))
        self._set_step(step if step in (PERSON_STEP, CASE_STEP, CONSENT_STEP) else PERSON_STEP)

    def has_content(self) -> bool:
        return has_content(self.form_state())

    @Slot(object)
    def _on_drafts_saved(self, saved_at: Any) -> None:
        self.draft_label.setText(
            self.tr("임시 저장됨 %1").replace("%1", saved_at.strftime("%H:%M:%S"))
        )
        self.draft_saved.emit()

    @Slot(object)
    def _on_drafts_kept_on_pc(self, saved_at: Any) -> None:
        self.draft_label.setText(
            self.tr("서버 응답 없음: 이 PC에 임시 저장함 %1").replace(
                "%1", saved_at.strftime("%H:%M:%S")
            )
        )
        self.draft_saved.emit()

    # --- closing ----------------------------------------------------------------------------

    def _finish(self) -> None:
        """No more autosaves, look-ups or warnings: their answers would reach a closed form."""
        self._finished = True
        self.drafts.stop()
        self.person_page.duplicate_box.stop()
        self.case_page.stop()

    @Slot(int)
    def _on_open_requested(self, case_id: int) -> None:
        self.drafts.discard()
        self._finish()
        self.existing_case_requested.emit(case_id)
        self.accept()

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
        if answer == QMessageBox.StandardButton.Yes:
            self.discard()

    def discard(self) -> None:
        self.drafts.discard()
        self._finish()
        super().reject()

    def reject(self) -> None:
        """Closing never throws typed words away: the draft is saved first."""
        if self._finished:
            super().reject()
            return
        self.drafts.pause(True)
        self.drafts.save(then=self._close_after_save)

    def _close_after_save(self) -> None:
        self._finish()
        super().reject()
