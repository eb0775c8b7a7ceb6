"""The 요약 tab: who the person is and what happened, with the name masked until revealed."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QWidget

from onestop_desk.domain.records import CaseDetail
from onestop_desk.domain.text import mask_name
from onestop_desk.ui.kit.messages import (
    date_text,
    gender_label,
    intake_channel_label,
    relationship_label,
    yes_no_unknown,
)

translate = QCoreApplication.translate


class Ui_SummaryPanel:
    def setup_ui(self, panel: QWidget) -> None:
        panel.setObjectName("summary_panel")
        columns = QHBoxLayout(panel)
        self.person_form = QFormLayout()
        self.case_form = QFormLayout()
        for form in (self.person_form, self.case_form):
            form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
            columns.addLayout(form, 1)


class SummaryPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SummaryPanel()
        self.ui.setup_ui(self)

    def show_detail(self, d: CaseDetail, revealed: bool, crimes: dict[str, str]) -> None:
        """``revealed``: the counselor asked to see the name, so the confidential address
        shows too (the reveal is in the access log)."""
        p = d.person
        safe = []
        if p.safe_contact.may_call:
            safe.append(translate("CaseView", "전화 가능"))
        if p.safe_contact.may_leave_message:
            safe.append(translate("CaseView", "메시지 가능"))
        if p.safe_contact.may_send_mail:
            safe.append(translate("CaseView", "우편 가능"))
        if not safe:
            safe.append(translate("CaseView", "먼저 연락하지 말 것"))
        if p.safe_contact.safe_hours:
            safe.append(p.safe_contact.safe_hours)
        if p.safe_contact.note:
            safe.append(p.safe_contact.note)
        address = p.address
        if p.confidential_address and not revealed:
            address = translate("CaseView", "(비공개 주소: 이름 보기를 누르면 표시)")
        person_rows = [
            (translate("CaseView", "생년월일"), date_text(p.birth_date)),
            (translate("CaseView", "성별"), gender_label(p.gender)),
            (translate("CaseView", "전화번호"), " / ".join(x for x in (p.phone, p.phone2) if x)),
            (translate("CaseView", "안전한 연락"), ", ".join(safe)),
            (translate("CaseView", "주소"), address),
            (
                translate("CaseView", "국적·언어"),
                f"{p.nationality} · {p.language}"
                + (translate("CaseView", " (통역 필요)") if p.interpreter_needed else ""),
            ),
            (translate("CaseView", "장애"), p.disability),
            (
                translate("CaseView", "관계인"),
                ", ".join(
                    f"{mask_name(r.person.name)}({relationship_label(r.relationship)})"
                    for r in d.related
                ),
            ),
        ]
        case_rows = [
            (
                translate("CaseView", "접수"),
                f"{date_text(d.intake_date)} · {intake_channel_label(d.intake_channel)}",
            ),
            (
                translate("CaseView", "범죄 유형"),
                ", ".join(crimes.get(c, "") for c in d.crime_types),
            ),
            (translate("CaseView", "사건 발생일"), date_text(d.incident_date)),
            (translate("CaseView", "피해를 안 날"), date_text(d.harm_known_date)),
            (translate("CaseView", "신고"), yes_no_unknown(d.reported_to_police)),
            (
                translate("CaseView", "수사기관"),
                " · ".join(
                    x for x in (d.police_office, d.prosecution_office, d.police_case_number) if x
                ),
            ),
            (
                translate("CaseView", "가해자와의 관계"),
                d.offender_relation
                + (translate("CaseView", " (친족)") if d.offender_is_kin else ""),
            ),
            (translate("CaseView", "사건 요약"), d.summary),
            (translate("CaseView", "이미 받은 지원"), d.support_received),
        ]
        if d.outcome:
            case_rows.append(
                (translate("CaseView", "종결 결과"), f"{d.outcome} ({date_text(d.closed_on)})")
            )
        for form, rows in ((self.ui.person_form, person_rows), (self.ui.case_form, case_rows)):
            while form.rowCount():
                form.removeRow(0)
            for label, value in rows:
                text = QLabel(value or "—", self)
                text.setWordWrap(True)
                form.addRow(label, text)
