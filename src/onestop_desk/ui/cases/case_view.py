"""One case: summary, timeline, needs, consents, referrals and the step model."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings, Signal, Slot
from PySide6.QtWidgets import QLabel, QTableWidget, QTableWidgetItem, QWidget

from onestop_desk.domain.errors import FieldError
from onestop_desk.domain.records import (
    CaseDetail,
    Catalogue,
    ConsentRecord,
    DeadlineWarning,
    NeedRecord,
    ReferralRecord,
    TimelineEntry,
)
from onestop_desk.domain.text import mask_name
from onestop_desk.domain.vocab import (
    OPEN_REFERRAL_STATES,
    CaseStatus,
    NeedStatus,
    ReferralStatus,
    Role,
    TimelineKind,
    allowed_case_transitions,
)
from onestop_desk.services import Services
from onestop_desk.ui.cases.case_dialogs import (
    AssignDialog,
    CloseCaseDialog,
    ConsentDialog,
    ReplyDialog,
)
from onestop_desk.ui.cases.case_view_layout import Ui_CaseView
from onestop_desk.ui.cases.edit_case_dialog import EditCaseDialog
from onestop_desk.ui.kit.item_roles import ConsentIdRole, NeedIdRole, ReferralIdRole
from onestop_desk.ui.kit.messages import (
    case_status_label,
    consent_items_text,
    consent_method_label,
    date_text,
    error_text,
    field_error_text,
    gender_label,
    intake_channel_label,
    localized_name,
    need_status_label,
    referral_status_label,
    relationship_label,
    risk_label,
    stored_time_text,
    timeline_kind_label,
    yes_no_unknown,
)
from onestop_desk.ui.kit.tasks import TaskRunner
from onestop_desk.ui.kit.widgets import (
    DateParseError,
    parse_date,
    resize_to_contents,
    restore_header,
    save_header,
)


@dataclass(frozen=True)
class CaseBundle:
    detail: CaseDetail | None
    timeline: list[TimelineEntry]
    needs: list[NeedRecord]
    consents: list[ConsentRecord]
    referrals: list[ReferralRecord]
    warnings: list[DeadlineWarning]


def load_bundle(services: Services, case_id: int, *, with_detail: bool) -> CaseBundle:
    return CaseBundle(
        detail=services.cases.get(case_id) if with_detail else None,
        timeline=services.cases.timeline(case_id),
        needs=services.needs.list(case_id),
        consents=services.consents.list(case_id),
        referrals=services.referrals.list(case_id),
        warnings=services.cases.warnings(case_id),
    )


def crime_names(catalogue: Catalogue | None) -> dict[str, str]:
    return {c.code: localized_name(c) for c in catalogue.crime_types} if catalogue else {}


def _item(text: str, data_role: int | None = None, data: object = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if data_role is not None:
        item.setData(data_role, data)
    return item


class CaseView(QWidget, Ui_CaseView):
    """Shows one case; every change goes through a service and the view reloads its part."""

    back_requested = Signal()
    loaded = Signal()
    action_failed = Signal(str)
    dialog_opened = Signal(object)

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        settings: QSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setup_ui(self)
        self._services = services
        self._runner = runner
        self._settings = settings
        self._case_id: int | None = None
        self._detail: CaseDetail | None = None
        self._bundle: CaseBundle | None = None
        self._directory: Catalogue | None = None
        self._revealed: str | None = None
        # Who carries a case is the team lead's call (CaseService.assign checks it too).
        self.assign_button.setVisible(services.actor.role is Role.TEAM_LEAD)
        self.edit_button.setEnabled(False)
        self.assign_button.setEnabled(False)
        for status in NeedStatus:
            self.need_status_combo.addItem(need_status_label(status), status.value)
        for table in self._tables():
            restore_header(settings, table)
        self.back_button.clicked.connect(self.back_requested)
        self.reveal_name_button.clicked.connect(self._on_reveal_name_button_clicked)
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        self.assign_button.clicked.connect(self._on_assign_button_clicked)
        self.change_status_button.clicked.connect(self._on_change_status_button_clicked)
        self.note_edit.returnPressed.connect(self._on_add_note_button_clicked)
        self.add_note_button.clicked.connect(self._on_add_note_button_clicked)
        self.need_status_button.clicked.connect(self._on_need_status_button_clicked)
        self.add_consent_button.clicked.connect(self._on_add_consent_button_clicked)
        self.withdraw_consent_button.clicked.connect(self._on_withdraw_consent_button_clicked)
        self.send_button.clicked.connect(self._on_send_button_clicked)
        self.reply_button.clicked.connect(self._on_reply_button_clicked)
        self.withdraw_referral_button.clicked.connect(self._on_withdraw_referral_button_clicked)
        self.follow_up_button.clicked.connect(self._on_follow_up_button_clicked)
        self.create_referral_button.clicked.connect(self._on_create_referral_button_clicked)
        self.referral_table.itemSelectionChanged.connect(self._update_referral_buttons)

    def _tables(self) -> list[QTableWidget]:
        return [self.timeline_table, self.needs_table, self.consent_table, self.referral_table]

    def save_layout(self) -> None:
        for table in self._tables():
            save_header(self._settings, table)

    @property
    def case_id(self) -> int | None:
        return self._case_id

    # --- loading ----------------------------------------------------------------------------

    def show_case(self, case_id: int) -> None:
        self._case_id = case_id
        self._detail = None
        self._revealed = None
        self.edit_button.setEnabled(False)
        self.assign_button.setEnabled(False)
        self.error_label.hide()
        self.referral_error_label.hide()
        self.tabs.setCurrentIndex(0)
        if self._directory is None:
            self._runner.run(self._services.directory.catalogue, self._on_directory_loaded)
        self._reload(with_detail=True)

    def _reload(self, *, with_detail: bool = False) -> None:
        case_id = self._case_id
        if case_id is None:
            return
        services = self._services
        self._runner.run(
            lambda: load_bundle(services, case_id, with_detail=with_detail),
            lambda bundle: self._on_bundle_loaded(case_id, bundle),
            self._on_action_failed,
        )

    def _on_directory_loaded(self, directory: Catalogue) -> None:
        self._directory = directory
        self.agency_combo.clear()
        for agency in directory.agencies:
            self.agency_combo.addItem(localized_name(agency), agency.code)
        if self._bundle is not None:
            self._show_bundle(self._bundle)

    def _on_bundle_loaded(self, case_id: int, bundle: CaseBundle) -> None:
        if case_id != self._case_id:
            return
        if bundle.detail is not None:
            self._detail = bundle.detail
        self._bundle = bundle
        self._show_bundle(bundle)
        self.loaded.emit()

    def _show_bundle(self, bundle: CaseBundle) -> None:
        if self._detail is not None:
            self._show_detail(self._detail)
        self._show_timeline(bundle.timeline)
        self._show_needs(bundle.needs)
        self._show_consents(bundle.consents)
        self._show_referrals(bundle.referrals)
        self._show_warnings(bundle.warnings)

    # --- names ------------------------------------------------------------------------------

    def _agency_name(self, code: str) -> str:
        if self._directory is not None:
            for agency in self._directory.agencies:
                if agency.code == code:
                    return localized_name(agency)
        return code and self.tr("다른 기관")

    def _programme_name(self, code: str | None) -> str:
        if code is None:
            return ""
        if self._directory is not None:
            for programme in self._directory.programmes:
                if programme.code == code:
                    return localized_name(programme)
        return ""

    def _area_name(self, code: str) -> str:
        if self._directory is not None:
            for area in self._directory.areas:
                if area.code == code:
                    return localized_name(area)
        return ""

    # --- summary ----------------------------------------------------------------------------

    def _show_detail(self, d: CaseDetail) -> None:
        name = self._revealed or mask_name(d.person.name)
        self.title_label.setText(f"{d.case_number}  {name}")
        self.reveal_name_button.setEnabled(self._revealed is None)
        self.edit_button.setEnabled(True)
        self.assign_button.setEnabled(True)
        self.status_label.setText(
            self.tr("단계: %1 · 담당: %2 · 위험도: %3")
            .replace("%1", case_status_label(d.status))
            .replace("%2", d.counselor_name or self.tr("없음"))
            .replace("%3", risk_label(d.risk_level))
        )
        self.status_combo.clear()
        for status in CaseStatus:
            if status in allowed_case_transitions(d.status):
                self.status_combo.addItem(case_status_label(status), status.value)
        self.status_combo.setEnabled(self.status_combo.count() > 0)
        self.change_status_button.setEnabled(self.status_combo.count() > 0)
        p = d.person
        safe = []
        if p.safe_contact.may_call:
            safe.append(self.tr("전화 가능"))
        if p.safe_contact.may_leave_message:
            safe.append(self.tr("메시지 가능"))
        if p.safe_contact.may_send_mail:
            safe.append(self.tr("우편 가능"))
        if not safe:
            safe.append(self.tr("먼저 연락하지 말 것"))
        if p.safe_contact.safe_hours:
            safe.append(p.safe_contact.safe_hours)
        if p.safe_contact.note:
            safe.append(p.safe_contact.note)
        address = p.address
        if p.confidential_address and self._revealed is None:
            address = self.tr("(비공개 주소: 이름 보기를 누르면 표시)")
        person_rows = [
            (self.tr("생년월일"), date_text(p.birth_date)),
            (self.tr("성별"), gender_label(p.gender)),
            (self.tr("전화번호"), " / ".join(x for x in (p.phone, p.phone2) if x)),
            (self.tr("안전한 연락"), ", ".join(safe)),
            (self.tr("주소"), address),
            (
                self.tr("국적·언어"),
                f"{p.nationality} · {p.language}"
                + (self.tr(" (통역 필요)") if p.interpreter_needed else ""),
            ),
            (self.tr("장애"), p.disability),
            (
                self.tr("관계인"),
                ", ".join(
                    f"{mask_name(r.person.name)}({relationship_label(r.relationship)})"
                    for r in d.related
                ),
            ),
        ]
        crimes = crime_names(self._directory)
        case_rows = [
            (
                self.tr("접수"),
                f"{date_text(d.intake_date)} · {intake_channel_label(d.intake_channel)}",
            ),
            (self.tr("범죄 유형"), ", ".join(crimes.get(c, "") for c in d.crime_types)),
            (self.tr("사건 발생일"), date_text(d.incident_date)),
            (self.tr("피해를 안 날"), date_text(d.harm_known_date)),
            (self.tr("신고"), yes_no_unknown(d.reported_to_police)),
            (
                self.tr("수사기관"),
                " · ".join(
                    x for x in (d.police_office, d.prosecution_office, d.police_case_number) if x
                ),
            ),
            (
                self.tr("가해자와의 관계"),
                d.offender_relation + (self.tr(" (친족)") if d.offender_is_kin else ""),
            ),
            (self.tr("사건 요약"), d.summary),
            (self.tr("이미 받은 지원"), d.support_received),
        ]
        if d.outcome:
            case_rows.append((self.tr("종결 결과"), f"{d.outcome} ({date_text(d.closed_on)})"))
        for form, rows in ((self.person_form, person_rows), (self.case_form, case_rows)):
            while form.rowCount():
                form.removeRow(0)
            for label, value in rows:
                text = QLabel(value or "—", self)
                text.setWordWrap(True)
                form.addRow(label, text)

    def _show_warnings(self, warnings: list[DeadlineWarning]) -> None:
        lines = []
        for w in warnings:
            name = self._programme_name(w.programme_code)
            if w.days_left < 0:
                lines.append(
                    self.tr("%1: 신청 기한(%2)이 지났습니다.")
                    .replace("%1", name)
                    .replace("%2", date_text(w.deadline))
                )
            else:
                lines.append(
                    self.tr("%1: 신청 기한 %2까지 %3일 남았습니다.")
                    .replace("%1", name)
                    .replace("%2", date_text(w.deadline))
                    .replace("%3", str(w.days_left))
                )
        self.warnings_label.setText("\n".join(f"⚠ {line}" for line in lines))
        self.warnings_label.setVisible(bool(lines))

    # --- tables -----------------------------------------------------------------------------

    def _timeline_text(self, entry: TimelineEntry) -> str:
        """Events store codes; only notes are free text a person wrote."""
        if entry.kind is TimelineKind.NOTE:
            return entry.text
        if entry.kind is TimelineKind.STATUS:
            head, _, note = entry.text.partition(": ")
            parts = head.split(" -> ")
            try:
                words = " → ".join(case_status_label(CaseStatus(p)) for p in parts)
            except ValueError:
                words = ""
            return words + (f": {note}" if note else "")
        if entry.kind is TimelineKind.REFERRAL:
            head, _, note = entry.text.partition(": ")
            tokens = head.split()
            number = tokens[0] if tokens else ""
            words = []
            for token in tokens[1:]:
                if token == "->":
                    words.append("→")
                else:
                    try:
                        words.append(referral_status_label(ReferralStatus(token)))
                    except ValueError:
                        words.append(self._agency_name(token))
            return " ".join([number, *words]) + (f": {note}" if note and note != "reply" else "")
        if entry.kind is TimelineKind.CONSENT:
            tokens = entry.text.split()
            agency = self._agency_name(tokens[1].rstrip(":")) if len(tokens) > 1 else ""
            if entry.text.endswith("withdrawn"):
                return self.tr("%1 동의 철회").replace("%1", agency)
            return self.tr("%1 동의 기록").replace("%1", agency)
        if entry.kind is TimelineKind.NEED:
            return self.tr("욕구 체크리스트 저장")
        if entry.kind is TimelineKind.INTAKE:
            return self.tr("사례 접수")
        return ""

    def _show_timeline(self, entries: list[TimelineEntry]) -> None:
        table = self.timeline_table
        table.setRowCount(0)
        for entry in reversed(entries):
            row = table.rowCount()
            table.insertRow(row)
            table.setItem(row, 0, _item(stored_time_text(entry.at)))
            table.setItem(row, 1, _item(timeline_kind_label(entry.kind)))
            table.setItem(row, 2, _item(self._timeline_text(entry)))
            table.setItem(row, 3, _item(entry.author))
        resize_to_contents(table)

    def _show_needs(self, needs: list[NeedRecord]) -> None:
        table = self.needs_table
        table.setRowCount(0)
        for need in needs:
            row = table.rowCount()
            table.insertRow(row)
            table.setItem(row, 0, _item(self._area_name(need.support_area), NeedIdRole, need.id))
            table.setItem(row, 1, _item(self._programme_name(need.programme_code)))
            table.setItem(row, 2, _item(need_status_label(need.status)))
            table.setItem(row, 3, _item(need.note))
        resize_to_contents(table)

    def _show_consents(self, consents: list[ConsentRecord]) -> None:
        table = self.consent_table
        table.setRowCount(0)
        today = self._services.context.clock.today()
        for consent in consents:
            row = table.rowCount()
            table.insertRow(row)
            if consent.withdrawn_on is not None:
                state = self.tr("철회 %1").replace("%1", date_text(consent.withdrawn_on))
            elif consent.is_valid_on(today):
                state = self.tr("유효")
            else:
                state = self.tr("만료")
            table.setItem(
                row, 0, _item(self._agency_name(consent.agency_code), ConsentIdRole, consent.id)
            )
            table.setItem(row, 1, _item(consent_items_text(consent.items)))
            table.setItem(row, 2, _item(consent_method_label(consent.method)))
            table.setItem(row, 3, _item(date_text(consent.given_on)))
            table.setItem(row, 4, _item(state))
        resize_to_contents(table)

    def _show_referrals(self, referrals: list[ReferralRecord]) -> None:
        table = self.referral_table
        # After 발송 처리 or 후속 확인일 the same referral stays selected, not the first row.
        kept = self.selected_referral()
        table.setRowCount(0)
        for r in referrals:
            row = table.rowCount()
            table.insertRow(row)
            table.setItem(row, 0, _item(r.document_number, ReferralIdRole, r.id))
            table.setItem(row, 1, _item(self._agency_name(r.agency_code)))
            table.setItem(row, 2, _item(referral_status_label(r.status)))
            table.setItem(row, 3, _item(stored_time_text(r.created_at)))
            table.setItem(row, 4, _item(date_text(r.follow_up_due)))
            reply = ""
            if r.reply is not None:
                reply = f"{date_text(r.reply.received_on)} {r.reply.result}"
            table.setItem(row, 5, _item(reply))
        resize_to_contents(table)
        if referrals:
            ids = [r.id for r in referrals]
            table.selectRow(ids.index(kept.id) if kept is not None and kept.id in ids else 0)
        self._update_referral_buttons()

    def selected_referral(self) -> ReferralRecord | None:
        row = self.referral_table.currentRow()
        if row < 0 or self._bundle is None:
            return None
        referral_id = self.referral_table.item(row, 0).data(ReferralIdRole)
        return next((r for r in self._bundle.referrals if r.id == referral_id), None)

    def _update_referral_buttons(self) -> None:
        r = self.selected_referral()
        self.send_button.setEnabled(r is not None and r.status is ReferralStatus.DRAFT)
        self.reply_button.setEnabled(r is not None and r.status in OPEN_REFERRAL_STATES)
        self.withdraw_referral_button.setEnabled(r is not None and r.status in OPEN_REFERRAL_STATES)
        self.follow_up_button.setEnabled(r is not None)
        if r is not None:
            self.follow_up_edit.setText(date_text(r.follow_up_due))

    # --- actions ----------------------------------------------------------------------------

    def _run(self, job, *, with_detail: bool = False, error_label: QLabel | None = None) -> None:  # type: ignore[no-untyped-def]
        label = error_label or self.error_label
        label.hide()

        def done(_result: object) -> None:
            self._reload(with_detail=with_detail)

        self._runner.run(job, done, lambda exc: self._show_error(exc, label))

    def _show_error(self, exc: BaseException, label: QLabel) -> None:
        names = (
            {a.code: localized_name(a) for a in self._directory.agencies} if self._directory else {}
        )
        text = error_text(exc, names)
        label.setText(text)
        label.show()
        self.action_failed.emit(text)

    def _on_action_failed(self, exc: BaseException) -> None:
        self._show_error(exc, self.error_label)

    @Slot()
    def _on_reveal_name_button_clicked(self) -> None:
        case_id = self._case_id
        if case_id is None:
            return
        self._runner.run(
            lambda: self._services.cases.reveal_name(case_id),
            self._on_name_revealed,
            self._on_action_failed,
        )

    def _on_name_revealed(self, name: str) -> None:
        self._revealed = name
        if self._detail is not None:
            self._show_detail(self._detail)

    @Slot()
    def _on_edit_button_clicked(self) -> None:
        if self._detail is None or self._directory is None:
            return
        dialog = EditCaseDialog(
            self._services, self._runner, self._detail, crime_names(self._directory), self
        )
        dialog.case_updated.connect(self._on_case_changed)
        dialog.open()
        self.dialog_opened.emit(dialog)

    @Slot()
    def _on_assign_button_clicked(self) -> None:
        detail = self._detail
        if detail is None:
            return
        users = self._services.users
        self._runner.run(
            users.assignable,
            lambda found: self._open_assign_dialog(detail, found),
            self._on_action_failed,
        )

    def _open_assign_dialog(self, detail: CaseDetail, users: list) -> None:  # type: ignore[type-arg]
        if detail.id != self._case_id:
            return  # another case was opened while the accounts were loading
        dialog = AssignDialog(self._services, self._runner, detail, users, self)
        dialog.counselor_assigned.connect(self._on_case_changed)
        dialog.open()
        self.dialog_opened.emit(dialog)

    def _on_case_changed(self, detail: CaseDetail) -> None:
        if detail.id != self._case_id:
            return
        self._detail = detail
        self._show_detail(detail)
        self._reload(with_detail=True)

    @Slot()
    def _on_change_status_button_clicked(self) -> None:
        case_id = self._case_id
        value = self.status_combo.currentData()
        if case_id is None or value is None:
            return
        to = CaseStatus(value)
        if to is CaseStatus.CLOSED:
            dialog = CloseCaseDialog(self)
            dialog.accepted.connect(lambda: self._change_status(case_id, to, dialog.outcome()))
            dialog.open()
            return
        self._change_status(case_id, to, "")

    def _change_status(self, case_id: int, to: CaseStatus, outcome: str) -> None:
        cases = self._services.cases
        self._run(lambda: cases.change_status(case_id, to, outcome=outcome), with_detail=True)

    @Slot()
    def _on_add_note_button_clicked(self) -> None:
        case_id = self._case_id
        text = self.note_edit.text()
        if case_id is None:
            return
        if not text.strip():
            self.note_error_label.setText(field_error_text(FieldError("note.text", "required")))
            self.note_error_label.show()
            return
        self.note_error_label.hide()
        cases = self._services.cases

        def saved(_entry: object) -> None:
            self.note_edit.clear()
            self._reload()

        self._runner.run(
            lambda: cases.add_note(case_id, text),
            saved,
            lambda exc: self._show_error(exc, self.note_error_label),
        )

    @Slot()
    def _on_need_status_button_clicked(self) -> None:
        row = self.needs_table.currentRow()
        if row < 0:
            return
        need_id = self.needs_table.item(row, 0).data(NeedIdRole)
        status = NeedStatus(self.need_status_combo.currentData())
        needs = self._services.needs
        self._run(lambda: needs.update_status(need_id, status))

    @Slot()
    def _on_add_consent_button_clicked(self) -> None:
        if self._case_id is None or self._directory is None:
            return
        dialog = ConsentDialog(
            self._services, self._runner, self._case_id, list(self._directory.agencies), self
        )
        dialog.consent_saved.connect(lambda _r: self._reload())
        dialog.open()

    @Slot()
    def _on_withdraw_consent_button_clicked(self) -> None:
        row = self.consent_table.currentRow()
        if row < 0:
            return
        consent_id = self.consent_table.item(row, 0).data(ConsentIdRole)
        consents = self._services.consents
        self._run(lambda: consents.withdraw(consent_id))

    @Slot()
    def _on_send_button_clicked(self) -> None:
        r = self.selected_referral()
        if r is None:
            return
        referrals = self._services.referrals
        self._run(
            lambda: referrals.transition(r.id, ReferralStatus.SENT),
            error_label=self.referral_error_label,
        )

    @Slot()
    def _on_withdraw_referral_button_clicked(self) -> None:
        r = self.selected_referral()
        if r is None:
            return
        referrals = self._services.referrals
        self._run(
            lambda: referrals.transition(r.id, ReferralStatus.WITHDRAWN),
            error_label=self.referral_error_label,
        )

    @Slot()
    def _on_reply_button_clicked(self) -> None:
        r = self.selected_referral()
        if r is None:
            return
        dialog = ReplyDialog(self._services, self._runner, r, self)
        dialog.reply_saved.connect(lambda _r: self._reload())
        dialog.open()

    @Slot()
    def _on_follow_up_button_clicked(self) -> None:
        r = self.selected_referral()
        if r is None:
            return
        try:
            due = parse_date(self.follow_up_edit.text())
        except DateParseError:
            self.referral_error_label.setText(
                field_error_text(FieldError("referral.follow_up_due", "invalid_date"))
            )
            self.referral_error_label.show()
            return
        referrals = self._services.referrals
        self._run(lambda: referrals.set_follow_up(r.id, due), error_label=self.referral_error_label)

    @Slot()
    def _on_create_referral_button_clicked(self) -> None:
        case_id = self._case_id
        code = self.agency_combo.currentData()
        if case_id is None or code is None or self._bundle is None or self._directory is None:
            return
        offered = {p.code for p in self._directory.programmes if code in p.agency_codes}
        wanted = [
            n.programme_code
            for n in self._bundle.needs
            if n.programme_code in offered and n.status is not NeedStatus.NOT_APPLICABLE
        ]
        referrals = self._services.referrals
        self._run(
            lambda: referrals.create(case_id, code, wanted),
            error_label=self.referral_error_label,
        )
