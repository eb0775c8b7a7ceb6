"""Small dialogs of the case view: consent, the agency's reply, a referral's urgency, closing
a case, reassigning."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from onestop_desk.domain.errors import FieldError
from onestop_desk.domain.records import (
    AgencyRecord,
    CaseDetail,
    Colleague,
    ConsentInput,
    ReferralRecord,
    ReferralReply,
)
from onestop_desk.domain.vocab import (
    OPEN_REFERRAL_STATES,
    REFERRAL_TRANSITIONS,
    ConsentItem,
    ConsentMethod,
    ReferralStatus,
    Urgency,
)
from onestop_desk.services import Services
from onestop_desk.ui.kit.messages import (
    consent_item_label,
    consent_method_label,
    localized_name,
    referral_status_label,
)
from onestop_desk.ui.kit.tasks import TaskRunner
from onestop_desk.ui.kit.widgets import (
    DateParseError,
    FieldErrors,
    make_date_edit,
    make_error_label,
    parse_date,
)

NEXT_CHECK_DAYS = 14


def _dates(pairs: list[tuple[QLineEdit, str]], errors: list[FieldError]) -> list[date | None]:
    out = []
    for edit, field in pairs:
        try:
            out.append(parse_date(edit.text()))
        except DateParseError:
            errors.append(FieldError(field, "invalid_date"))
            out.append(None)
    return out


class ConsentDialog(QDialog):
    """Record one agency's consent: items, method, date (PIPA §17: one recipient each)."""

    consent_saved = Signal(object)

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        case_id: int,
        agencies: list[AgencyRecord],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("consent_dialog")
        self.setWindowTitle(self.tr("기관별 정보 제공 동의"))
        self._services = services
        self._runner = runner
        self._case_id = case_id
        self.errors = FieldErrors()
        form = QFormLayout(self)
        self.agency_combo = QComboBox(self)
        self.agency_combo.setObjectName("agency_combo")
        for agency in agencies:
            self.agency_combo.addItem(localized_name(agency), agency.code)
        form.addRow(self.tr("받는 기관"), self.agency_combo)
        items_row = QHBoxLayout()
        self.item_checks: dict[ConsentItem, QCheckBox] = {}
        for item in ConsentItem:
            check = QCheckBox(consent_item_label(item), self)
            check.setObjectName(f"{item.value}_check")
            check.setChecked(item is not ConsentItem.SENSITIVE)
            items_row.addWidget(check)
            self.item_checks[item] = check
        form.addRow(self.tr("보낼 항목"), items_row)
        self.items_error_label = make_error_label("items_error_label", self)
        form.addRow("", self.items_error_label)
        self.method_combo = QComboBox(self)
        self.method_combo.setObjectName("method_combo")
        for method in ConsentMethod:
            self.method_combo.addItem(consent_method_label(method), method.value)
        form.addRow(self.tr("동의 방법"), self.method_combo)
        today = services.context.clock.today()
        self.given_edit = make_date_edit("given_edit", self)
        self.given_edit.setText(today.isoformat())
        form.addRow(self.tr("동의일"), self.given_edit)
        self.given_error_label = make_error_label("given_error_label", self)
        form.addRow("", self.given_error_label)
        self.expires_edit = make_date_edit("expires_edit", self)
        form.addRow(self.tr("만료일(없으면 비움)"), self.expires_edit)
        self.expires_error_label = make_error_label("expires_error_label", self)
        form.addRow("", self.expires_error_label)
        self.purpose_edit = QLineEdit(self.tr("범죄피해자 지원 연계"), self)
        self.purpose_edit.setObjectName("purpose_edit")
        form.addRow(self.tr("목적"), self.purpose_edit)
        self.purpose_error_label = make_error_label("purpose_error_label", self)
        form.addRow("", self.purpose_error_label)
        self.retention_edit = QLineEdit(self.tr("지원 종료 후 3년"), self)
        self.retention_edit.setObjectName("retention_edit")
        form.addRow(self.tr("보유 기간"), self.retention_edit)
        self.general_error_label = make_error_label("general_error_label", self)
        form.addRow(self.general_error_label)
        self.button_box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.button_box.setObjectName("button_box")
        form.addRow(self.button_box)
        self.errors.bind(
            "consent.items", self.item_checks[ConsentItem.IDENTITY], self.items_error_label
        )
        self.errors.bind("consent.given_on", self.given_edit, self.given_error_label)
        self.errors.bind("consent.expires_on", self.expires_edit, self.expires_error_label)
        self.errors.bind("consent.purpose", self.purpose_edit, self.purpose_error_label)
        self.button_box.accepted.connect(self._on_button_box_accepted)
        self.button_box.rejected.connect(self.reject)

    @Slot()
    def _on_button_box_accepted(self) -> None:
        errors: list[FieldError] = []
        given, expires = _dates(
            [(self.given_edit, "consent.given_on"), (self.expires_edit, "consent.expires_on")],
            errors,
        )
        if given is None and not errors:
            errors.append(FieldError("consent.given_on", "required"))
        if errors:
            self.errors.show(errors, self.general_error_label)
            return
        assert given is not None
        data = ConsentInput(
            agency_code=self.agency_combo.currentData(),
            items=frozenset(i for i, c in self.item_checks.items() if c.isChecked()),
            given_on=given,
            method=ConsentMethod(self.method_combo.currentData()),
            purpose=self.purpose_edit.text(),
            expires_on=expires,
            retention=self.retention_edit.text(),
        )
        case_id = self._case_id
        consents = self._services.consents
        self._runner.run(lambda: consents.record(case_id, data), self._on_saved, self._on_failed)

    def _on_saved(self, record: object) -> None:
        self.consent_saved.emit(record)
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self.errors.show_failure(exc, self.general_error_label)


class ReplyDialog(QDialog):
    """The agency's answer, typed from the reply slip (or found by its scanned number)."""

    reply_saved = Signal(object)

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        referral: ReferralRecord,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reply_dialog")
        self.setWindowTitle(self.tr("기관 회신 기록"))
        self._services = services
        self._runner = runner
        self._referral = referral
        self.confirmation: QMessageBox | None = None
        self.errors = FieldErrors()
        form = QFormLayout(self)
        self.referral_label = QLabel(
            f"{referral.document_number} · {referral.agency_name} · {referral.case_number} · "
            f"{referral_status_label(referral.status)}",
            self,
        )
        self.referral_label.setObjectName("referral_label")
        form.addRow(self.referral_label)
        self.received_edit = make_date_edit("received_edit", self)
        self.received_edit.setText(services.context.clock.today().isoformat())
        form.addRow(self.tr("회신 받은 날"), self.received_edit)
        self.received_error_label = make_error_label("received_error_label", self)
        form.addRow("", self.received_error_label)
        self.handler_edit = QLineEdit(self)
        self.handler_edit.setObjectName("handler_edit")
        form.addRow(self.tr("기관 담당자"), self.handler_edit)
        self.result_edit = QLineEdit(self)
        self.result_edit.setObjectName("result_edit")
        self.result_edit.setPlaceholderText(self.tr("예: 접수, 상담 일정 안내함"))
        form.addRow(self.tr("회신 내용"), self.result_edit)
        self.result_error_label = make_error_label("result_error_label", self)
        form.addRow("", self.result_error_label)
        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setObjectName("note_edit")
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setMaximumHeight(70)
        form.addRow(self.tr("메모"), self.note_edit)
        self.status_combo = QComboBox(self)
        self.status_combo.setObjectName("status_combo")
        self.status_combo.addItem(self.tr("상태 그대로 두기"), None)
        order = [
            ReferralStatus.ACKNOWLEDGED,
            ReferralStatus.IN_SUPPORT,
            ReferralStatus.COMPLETED,
            ReferralStatus.REJECTED,
        ]
        allowed = REFERRAL_TRANSITIONS[referral.status]
        for status in order:
            if status in allowed:
                self.status_combo.addItem(referral_status_label(status), status.value)
        if self.status_combo.count() > 1:
            self.status_combo.setCurrentIndex(1)
        form.addRow(self.tr("연계 상태"), self.status_combo)
        # The reply settles the pending follow-up; a date here asks again later.
        self.follow_up_edit = make_date_edit("follow_up_edit", self)
        self.follow_up_edit.setToolTip(
            self.tr("비워 두면 이 연계는 후속 확인 목록에 다시 나오지 않습니다.")
        )
        form.addRow(self.tr("다음 후속 확인일"), self.follow_up_edit)
        self.follow_up_error_label = make_error_label("follow_up_error_label", self)
        form.addRow("", self.follow_up_error_label)
        self._on_status_combo_changed(self.status_combo.currentIndex())
        self.general_error_label = make_error_label("general_error_label", self)
        form.addRow(self.general_error_label)
        self.button_box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.button_box.setObjectName("button_box")
        form.addRow(self.button_box)
        self.errors.bind("reply.received_on", self.received_edit, self.received_error_label)
        self.errors.bind("reply.result", self.result_edit, self.result_error_label)
        self.errors.bind("reply.follow_up_due", self.follow_up_edit, self.follow_up_error_label)
        self.status_combo.currentIndexChanged.connect(self._on_status_combo_changed)
        self.button_box.accepted.connect(self._on_button_box_accepted)
        self.button_box.rejected.connect(self.reject)
        self.result_edit.setFocus()

    @Slot()
    def _on_button_box_accepted(self) -> None:
        errors: list[FieldError] = []
        received, next_follow_up = _dates(
            [
                (self.received_edit, "reply.received_on"),
                (self.follow_up_edit, "reply.follow_up_due"),
            ],
            errors,
        )
        if received is None and not errors:
            errors.append(FieldError("reply.received_on", "required"))
        if errors:
            self.errors.show(errors, self.general_error_label)
            return
        assert received is not None
        reply = ReferralReply(
            received_on=received,
            handler=self.handler_edit.text(),
            result=self.result_edit.text(),
            note=self.note_edit.toPlainText(),
        )
        status_value = self.status_combo.currentData()
        status = ReferralStatus(status_value) if status_value else None
        referrals = self._services.referrals
        referral_id = self._referral.id
        self._runner.run(
            lambda: referrals.record_reply(
                referral_id, reply, status, next_follow_up=next_follow_up
            ),
            self._on_saved,
            self._on_failed,
        )

    @Slot(int)
    def _on_status_combo_changed(self, _index: int) -> None:
        """A referral still running gets a check in two weeks by default; a finished one
        (완료, 반려) needs none."""
        value = self.status_combo.currentData()
        status = ReferralStatus(value) if value else self._referral.status
        finished = status not in OPEN_REFERRAL_STATES
        if finished:
            self.follow_up_edit.clear()
        elif not self.follow_up_edit.text():
            today = self._services.context.clock.today()
            self.follow_up_edit.setText((today + timedelta(days=NEXT_CHECK_DAYS)).isoformat())
        self.follow_up_edit.setEnabled(not finished)

    def _on_saved(self, record: ReferralRecord) -> None:
        self.reply_saved.emit(record)
        self.accept()
        parts = [record.document_number, referral_status_label(record.status)]
        if record.follow_up_due is not None:
            next_check = record.follow_up_due.isoformat()
            parts.append(self.tr("다음 후속 확인 %1").replace("%1", next_check))
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("회신 기록"),
            self.tr("회신을 기록했습니다.") + "\n" + " · ".join(parts),
            QMessageBox.StandardButton.Ok,
            self.parentWidget(),
        )
        box.setObjectName("reply_saved_box")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.confirmation = box

    def _on_failed(self, exc: BaseException) -> None:
        self.errors.show_failure(exc, self.general_error_label)


class UrgencyDialog(QDialog):
    """The urgency printed on one referral's letter.

    A high-risk case's referrals are urgent whatever is chosen here; the service refuses
    to lower them and the refusal is shown in the dialog, which stays open.
    """

    urgency_saved = Signal(object)  # ReferralRecord

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        referral: ReferralRecord,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("urgency_dialog")
        self.setWindowTitle(self.tr("긴급도"))
        self._services = services
        self._runner = runner
        self._referral = referral
        form = QFormLayout(self)
        self.referral_label = QLabel(f"{referral.document_number} · {referral.agency_name}", self)
        self.referral_label.setObjectName("referral_label")
        form.addRow(self.referral_label)
        self.urgency_combo = QComboBox(self)
        self.urgency_combo.setObjectName("urgency_combo")
        self.urgency_combo.addItem(self.tr("보통"), Urgency.NORMAL.value)
        self.urgency_combo.addItem(self.tr("긴급"), Urgency.URGENT.value)
        self.urgency_combo.setCurrentIndex(self.urgency_combo.findData(referral.urgency.value))
        form.addRow(self.tr("의뢰서 긴급도"), self.urgency_combo)
        self.error_label = make_error_label("error_label", self)
        form.addRow(self.error_label)
        self.button_box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.button_box.setObjectName("button_box")
        form.addRow(self.button_box)
        # One field: every refusal is shown in the one label under it.
        self.errors = FieldErrors()
        self.button_box.accepted.connect(self._on_button_box_accepted)
        self.button_box.rejected.connect(self.reject)

    @Slot()
    def _on_button_box_accepted(self) -> None:
        urgency = Urgency(self.urgency_combo.currentData())
        referrals = self._services.referrals
        referral_id = self._referral.id
        self.button_box.setEnabled(False)
        self._runner.run(
            lambda: referrals.set_urgency(referral_id, urgency), self._on_saved, self._on_failed
        )

    def _on_saved(self, record: object) -> None:
        self.urgency_saved.emit(record)
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self.button_box.setEnabled(True)
        self.errors.show_failure(exc, self.error_label)


class CloseCaseDialog(QDialog):
    """Closing a case asks what came of it (the outcome is required)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("close_case_dialog")
        self.setWindowTitle(self.tr("사례 종결"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("종결 결과를 적어 주세요(예: 지원 완료, 본인 요청)."), self)
        )
        self.outcome_edit = QLineEdit(self)
        self.outcome_edit.setObjectName("outcome_edit")
        layout.addWidget(self.outcome_edit)
        self.outcome_error_label = make_error_label("outcome_error_label", self)
        layout.addWidget(self.outcome_error_label)
        self.button_box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.button_box.setObjectName("button_box")
        layout.addWidget(self.button_box)
        self.button_box.accepted.connect(self._on_button_box_accepted)
        self.button_box.rejected.connect(self.reject)

    def outcome(self) -> str:
        return self.outcome_edit.text().strip()

    @Slot()
    def _on_button_box_accepted(self) -> None:
        if not self.outcome():
            from onestop_desk.ui.kit.messages import field_error_text

            self.outcome_error_label.setText(
                field_error_text(FieldError("case.outcome", "required"))
            )
            self.outcome_error_label.show()
            self.outcome_edit.setFocus()
            return
        self.accept()


class AssignDialog(QDialog):
    """A team lead hands the case to another active counselor or team lead."""

    counselor_assigned = Signal(object)

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        detail: CaseDetail,
        users: list[Colleague],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("assign_dialog")
        self.setWindowTitle(self.tr("담당 변경"))
        self._services = services
        self._runner = runner
        self._detail = detail
        self._busy = False
        self.errors = FieldErrors()
        form = QFormLayout(self)
        self.current_label = QLabel(
            self.tr("%1 · 지금 담당: %2")
            .replace("%1", detail.case_number)
            .replace("%2", detail.counselor_name or self.tr("없음")),
            self,
        )
        self.current_label.setObjectName("current_label")
        form.addRow(self.current_label)
        self.counselor_combo = QComboBox(self)
        self.counselor_combo.setObjectName("counselor_combo")
        # ``users.assignable()``: the service decides who may hold a case.
        for user in users:
            self.counselor_combo.addItem(user.display_name, user.id)
        index = self.counselor_combo.findData(detail.counselor_id)
        if index >= 0:
            self.counselor_combo.setCurrentIndex(index)
        form.addRow(self.tr("새 담당자"), self.counselor_combo)
        self.counselor_error_label = make_error_label("counselor_error_label", self)
        form.addRow("", self.counselor_error_label)
        self.general_error_label = make_error_label("general_error_label", self)
        form.addRow(self.general_error_label)
        self.button_box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.button_box.setObjectName("button_box")
        self.save_button = self.button_box.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("save_button")
        self.save_button.setEnabled(self.counselor_combo.count() > 0)
        form.addRow(self.button_box)
        self.errors.bind("case.counselor_id", self.counselor_combo, self.counselor_error_label)
        self.button_box.accepted.connect(self._on_button_box_accepted)
        self.button_box.rejected.connect(self.reject)
        self.counselor_combo.setFocus()

    @Slot()
    def _on_button_box_accepted(self) -> None:
        counselor_id = self.counselor_combo.currentData()
        if self._busy or counselor_id is None:
            return
        if counselor_id == self._detail.counselor_id:
            self.reject()  # nothing changes, nothing to log
            return
        self._busy = True
        self.save_button.setEnabled(False)
        cases = self._services.cases
        case_id = self._detail.id
        self._runner.run(
            lambda: cases.assign(case_id, counselor_id), self._on_saved, self._on_failed
        )

    def _on_saved(self, detail: object) -> None:
        self._busy = False
        self.counselor_assigned.emit(detail)
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self._busy = False
        self.save_button.setEnabled(True)
        self.errors.show_failure(exc, self.general_error_label)
