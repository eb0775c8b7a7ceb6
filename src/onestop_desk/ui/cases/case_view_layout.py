"""Layout of the case view (widgets only; behaviour lives in ``case_view.py``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from onestop_desk.ui.kit.widgets import (
    heading,
    make_button,
    make_date_edit,
    make_error_label,
    make_table,
)

translate = QCoreApplication.translate


class Ui_CaseView:
    def setup_ui(self, view: QWidget) -> None:
        view.setObjectName("case_view")
        outer = QVBoxLayout(view)

        top = QHBoxLayout()
        self.back_button = make_button(translate("CaseView", "← 사례 목록"), "back_button", view)
        top.addWidget(self.back_button)
        self.title_label = heading("", "title_label", view)
        top.addWidget(self.title_label, 1)
        self.reveal_name_button = make_button(
            translate("CaseView", "이름 보기"), "reveal_name_button", view
        )
        self.reveal_name_button.setToolTip(
            translate("CaseView", "이름과 비공개 주소를 보여 줍니다(접속기록에 남습니다).")
        )
        top.addWidget(self.reveal_name_button)
        self.edit_button = make_button(translate("CaseView", "정보 수정…"), "edit_button", view)
        self.edit_button.setToolTip(
            translate("CaseView", "인적 사항과 사건 정보를 고칩니다(관계인은 그대로 둡니다).")
        )
        top.addWidget(self.edit_button)
        # Shown to team leads only (the view decides); the service refuses anyone else anyway.
        self.assign_button = make_button(translate("CaseView", "담당 변경…"), "assign_button", view)
        top.addWidget(self.assign_button)
        outer.addLayout(top)

        status_row = QHBoxLayout()
        self.status_label = QLabel(view)
        self.status_label.setObjectName("status_label")
        status_row.addWidget(self.status_label, 1)
        status_row.addWidget(QLabel(translate("CaseView", "다음 단계"), view))
        self.status_combo = QComboBox(view)
        self.status_combo.setObjectName("status_combo")
        status_row.addWidget(self.status_combo)
        self.change_status_button = make_button(
            translate("CaseView", "단계 바꾸기"), "change_status_button", view
        )
        status_row.addWidget(self.change_status_button)
        outer.addLayout(status_row)

        self.warnings_label = QLabel(view)
        self.warnings_label.setObjectName("warnings_label")
        self.warnings_label.setWordWrap(True)
        self.warnings_label.setStyleSheet(
            "background: #fff4e5; color: #7a4100; padding: 6px; border-radius: 4px;"
        )
        self.warnings_label.hide()
        outer.addWidget(self.warnings_label)
        self.error_label = make_error_label("error_label", view)
        outer.addWidget(self.error_label)

        self.tabs = QTabWidget(view)
        self.tabs.setObjectName("tabs")
        outer.addWidget(self.tabs, 1)
        self.tabs.addTab(self._summary_tab(view), translate("CaseView", "요약"))
        self.tabs.addTab(self._timeline_tab(view), translate("CaseView", "경과"))
        self.tabs.addTab(self._needs_tab(view), translate("CaseView", "욕구"))
        self.tabs.addTab(self._consents_tab(view), translate("CaseView", "동의"))
        self.tabs.addTab(self._referrals_tab(view), translate("CaseView", "연계"))

    def _summary_tab(self, view: QWidget) -> QWidget:
        page = QWidget(view)
        page.setObjectName("summary_tab")
        columns = QHBoxLayout(page)
        self.person_form = QFormLayout()
        self.case_form = QFormLayout()
        for form in (self.person_form, self.case_form):
            form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
            columns.addLayout(form, 1)
        return page

    def _timeline_tab(self, view: QWidget) -> QWidget:
        page = QWidget(view)
        page.setObjectName("timeline_tab")
        layout = QVBoxLayout(page)
        self.timeline_table = make_table(
            "timeline_table",
            [
                translate("CaseView", "일시"),
                translate("CaseView", "종류"),
                translate("CaseView", "내용"),
                translate("CaseView", "작성"),
            ],
            page,
        )
        layout.addWidget(self.timeline_table, 1)
        row = QHBoxLayout()
        self.note_edit = QLineEdit(page)
        self.note_edit.setObjectName("note_edit")
        self.note_edit.setPlaceholderText(translate("CaseView", "상담 메모를 쓰고 Enter"))
        self.add_note_button = make_button(
            translate("CaseView", "메모 남기기"), "add_note_button", page
        )
        row.addWidget(self.note_edit, 1)
        row.addWidget(self.add_note_button)
        layout.addLayout(row)
        self.note_error_label = make_error_label("note_error_label", page)
        layout.addWidget(self.note_error_label)
        return page

    def _needs_tab(self, view: QWidget) -> QWidget:
        page = QWidget(view)
        page.setObjectName("needs_tab")
        layout = QVBoxLayout(page)
        self.needs_table = make_table(
            "needs_table",
            [
                translate("CaseView", "지원 영역"),
                translate("CaseView", "프로그램"),
                translate("CaseView", "상태"),
                translate("CaseView", "메모"),
            ],
            page,
        )
        layout.addWidget(self.needs_table, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.need_status_combo = QComboBox(page)
        self.need_status_combo.setObjectName("need_status_combo")
        self.need_status_button = make_button(
            translate("CaseView", "선택한 욕구 상태 바꾸기"), "need_status_button", page
        )
        row.addWidget(self.need_status_combo)
        row.addWidget(self.need_status_button)
        layout.addLayout(row)
        return page

    def _consents_tab(self, view: QWidget) -> QWidget:
        page = QWidget(view)
        page.setObjectName("consents_tab")
        layout = QVBoxLayout(page)
        self.consent_table = make_table(
            "consent_table",
            [
                translate("CaseView", "기관"),
                translate("CaseView", "항목"),
                translate("CaseView", "방법"),
                translate("CaseView", "동의일"),
                translate("CaseView", "상태"),
            ],
            page,
        )
        layout.addWidget(self.consent_table, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.add_consent_button = make_button(
            translate("CaseView", "동의 기록…"), "add_consent_button", page
        )
        self.withdraw_consent_button = make_button(
            translate("CaseView", "선택한 동의 철회"), "withdraw_consent_button", page
        )
        row.addWidget(self.add_consent_button)
        row.addWidget(self.withdraw_consent_button)
        layout.addLayout(row)
        return page

    def _referrals_tab(self, view: QWidget) -> QWidget:
        page = QWidget(view)
        page.setObjectName("referrals_tab")
        layout = QVBoxLayout(page)
        self.referral_table = make_table(
            "referral_table",
            [
                translate("CaseView", "문서번호"),
                translate("CaseView", "기관"),
                translate("CaseView", "상태"),
                translate("CaseView", "만든 날"),
                translate("CaseView", "후속 확인일"),
                translate("CaseView", "회신"),
            ],
            page,
        )
        layout.addWidget(self.referral_table, 1)
        actions = QHBoxLayout()
        self.send_button = make_button(translate("CaseView", "발송 처리"), "send_button", page)
        self.reply_button = make_button(translate("CaseView", "회신 기록…"), "reply_button", page)
        self.withdraw_referral_button = make_button(
            translate("CaseView", "연계 철회"), "withdraw_referral_button", page
        )
        self.follow_up_edit = make_date_edit("follow_up_edit", page)
        self.follow_up_edit.setMaximumWidth(120)
        self.follow_up_button = make_button(
            translate("CaseView", "후속 확인일 정하기"), "follow_up_button", page
        )
        for widget in (
            self.send_button,
            self.reply_button,
            self.withdraw_referral_button,
        ):
            actions.addWidget(widget)
        actions.addStretch(1)
        actions.addWidget(self.follow_up_edit)
        actions.addWidget(self.follow_up_button)
        layout.addLayout(actions)
        create = QHBoxLayout()
        create.addWidget(QLabel(translate("CaseView", "새 연계"), page))
        self.agency_combo = QComboBox(page)
        self.agency_combo.setObjectName("agency_combo")
        self.create_referral_button = make_button(
            translate("CaseView", "연계 만들기"), "create_referral_button", page
        )
        create.addWidget(self.agency_combo, 1)
        create.addWidget(self.create_referral_button)
        layout.addLayout(create)
        self.referral_error_label = make_error_label("referral_error_label", page)
        layout.addWidget(self.referral_error_label)
        return page
