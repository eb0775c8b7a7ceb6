"""Layout of the new walk-in dialog (widgets only; behaviour lives in ``intake.py``).

Every widget's objectName equals its attribute name, so tests and screenshots find it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableWidget,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from onestop_desk.ui.cases.case_fields import CaseFactFields, PersonFields
from onestop_desk.ui.kit.widgets import make_error_label, setup_table

translate = QCoreApplication.translate


class Ui_IntakeDialog(PersonFields, CaseFactFields):
    def setup_ui(self, dialog: QDialog) -> None:
        dialog.setObjectName("intake_dialog")
        dialog.setWindowTitle(translate("IntakeDialog", "새 방문 접수"))
        dialog.resize(1120, 720)
        outer = QVBoxLayout(dialog)

        self.steps_label = QLabel(dialog)
        self.steps_label.setObjectName("steps_label")
        self.steps_label.setTextFormat(Qt.TextFormat.RichText)
        outer.addWidget(self.steps_label)

        self.step_stack = QStackedWidget(dialog)
        self.step_stack.setObjectName("step_stack")
        outer.addWidget(self.step_stack, 1)
        self.step_stack.addWidget(self._person_page(dialog))
        self.step_stack.addWidget(self._case_page(dialog))
        self.step_stack.addWidget(self._consent_page(dialog))

        self.general_error_label = make_error_label("general_error_label", dialog)
        outer.addWidget(self.general_error_label)

        buttons = QHBoxLayout()
        self.draft_label = QLabel(dialog)
        self.draft_label.setObjectName("draft_label")
        self.draft_label.setStyleSheet("color: #5f6368;")
        buttons.addWidget(self.draft_label, 1)
        self.discard_button = QPushButton(translate("IntakeDialog", "작성 내용 버리기"), dialog)
        self.discard_button.setObjectName("discard_button")
        self.later_button = QPushButton(translate("IntakeDialog", "나중에 이어 쓰기"), dialog)
        self.later_button.setObjectName("later_button")
        self.back_button = QPushButton(translate("IntakeDialog", "< 이전(&B)"), dialog)
        self.back_button.setObjectName("back_button")
        self.next_button = QPushButton(translate("IntakeDialog", "다음(&N) >"), dialog)
        self.next_button.setObjectName("next_button")
        self.create_button = QPushButton(
            translate("IntakeDialog", "사례 등록 및 연계 만들기(&R)"), dialog
        )
        self.create_button.setObjectName("create_button")
        for button in (
            self.discard_button,
            self.later_button,
            self.back_button,
            self.next_button,
            self.create_button,
        ):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        outer.addLayout(buttons)

    # --- step 1: the person ---------------------------------------------------------------

    def _person_page(self, dialog: QDialog) -> QWidget:
        page = QWidget(dialog)
        page.setObjectName("person_page")
        columns = QHBoxLayout(page)

        left = QVBoxLayout()
        person_box = self.build_person_box(page)
        left.addWidget(person_box)
        left.addStretch(1)
        columns.addLayout(left, 3)

        right = QVBoxLayout()
        safe_box = self.build_safe_box(page)
        right.addWidget(safe_box)

        related_box = QGroupBox(translate("IntakeDialog", "관계인(보호자·가족)"), page)
        related_box.setObjectName("related_box")
        related = QVBoxLayout(related_box)
        row = QHBoxLayout()
        self.related_name_edit = QLineEdit(related_box)
        self.related_name_edit.setObjectName("related_name_edit")
        self.related_name_edit.setPlaceholderText(translate("IntakeDialog", "이름"))
        self.related_relationship_combo = QComboBox(related_box)
        self.related_relationship_combo.setObjectName("related_relationship_combo")
        self.related_phone_edit = QLineEdit(related_box)
        self.related_phone_edit.setObjectName("related_phone_edit")
        self.related_phone_edit.setPlaceholderText(translate("IntakeDialog", "전화번호"))
        self.related_add_button = QPushButton(translate("IntakeDialog", "추가"), related_box)
        self.related_add_button.setObjectName("related_add_button")
        self.related_add_button.setAutoDefault(False)
        row.addWidget(self.related_name_edit, 2)
        row.addWidget(self.related_relationship_combo, 1)
        row.addWidget(self.related_phone_edit, 2)
        row.addWidget(self.related_add_button)
        related.addLayout(row)
        self.related_table = QTableWidget(0, 3, related_box)
        self.related_table.setObjectName("related_table")
        self.related_table.setHorizontalHeaderLabels(
            [
                translate("IntakeDialog", "이름"),
                translate("IntakeDialog", "관계"),
                translate("IntakeDialog", "전화번호"),
            ]
        )
        setup_table(self.related_table)
        self.related_table.setMaximumHeight(120)
        related.addWidget(self.related_table)
        self.related_error_label = make_error_label("related_error_label", related_box)
        related.addWidget(self.related_error_label)
        self.related_remove_button = QPushButton(
            translate("IntakeDialog", "선택한 관계인 빼기"), related_box
        )
        self.related_remove_button.setObjectName("related_remove_button")
        self.related_remove_button.setAutoDefault(False)
        related.addWidget(self.related_remove_button, 0, Qt.AlignmentFlag.AlignRight)
        right.addWidget(related_box)

        self.duplicate_box = QGroupBox(
            translate("IntakeDialog", "이미 등록된 사람일 수 있습니다"), page
        )
        self.duplicate_box.setObjectName("duplicate_box")
        self.duplicate_box.setStyleSheet(
            "QGroupBox#duplicate_box { background: #fff8e1; border: 1px solid #f2c94c; "
            "border-radius: 4px; margin-top: 1.2em; padding-top: 6px; }"
        )
        duplicates = QVBoxLayout(self.duplicate_box)
        self.duplicate_list = QListWidget(self.duplicate_box)
        self.duplicate_list.setObjectName("duplicate_list")
        self.duplicate_list.setMaximumHeight(110)
        duplicates.addWidget(self.duplicate_list)
        self.open_existing_button = QPushButton(
            translate("IntakeDialog", "기존 사례 열기"), self.duplicate_box
        )
        self.open_existing_button.setObjectName("open_existing_button")
        self.open_existing_button.setAutoDefault(False)
        duplicates.addWidget(self.open_existing_button, 0, Qt.AlignmentFlag.AlignRight)
        self.duplicate_box.hide()
        right.addWidget(self.duplicate_box)
        right.addStretch(1)
        columns.addLayout(right, 3)
        return page

    # --- step 2: the case and the needs ---------------------------------------------------

    def _case_page(self, dialog: QDialog) -> QWidget:
        page = QWidget(dialog)
        page.setObjectName("case_page")
        columns = QHBoxLayout(page)

        facts_box = self.build_facts_box(page)
        columns.addWidget(facts_box, 5)

        needs_box = QGroupBox(translate("IntakeDialog", "필요한 지원(욕구 체크리스트)"), page)
        needs_box.setObjectName("needs_box")
        needs = QVBoxLayout(needs_box)
        self.needs_tree = QTreeWidget(needs_box)
        self.needs_tree.setObjectName("needs_tree")
        self.needs_tree.setHeaderLabels(
            [
                translate("IntakeDialog", "지원 영역 / 프로그램"),
                translate("IntakeDialog", "제공 기관"),
            ]
        )
        self.needs_tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.needs_tree.setColumnWidth(0, 240)
        self.needs_tree.setUniformRowHeights(True)
        needs.addWidget(self.needs_tree, 1)
        self.warnings_label = QLabel(needs_box)
        self.warnings_label.setObjectName("warnings_label")
        self.warnings_label.setWordWrap(True)
        self.warnings_label.setStyleSheet(
            "background: #fff4e5; color: #7a4100; padding: 6px; border-radius: 4px;"
        )
        self.warnings_label.hide()
        needs.addWidget(self.warnings_label)
        columns.addWidget(needs_box, 4)
        return page

    # --- step 3: consent per agency -------------------------------------------------------

    def _consent_page(self, dialog: QDialog) -> QWidget:
        page = QWidget(dialog)
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
        self.consent_scroll = QScrollArea(page)
        self.consent_scroll.setObjectName("consent_scroll")
        self.consent_scroll.setWidgetResizable(True)
        self.consent_panel = QWidget(self.consent_scroll)
        self.consent_panel.setObjectName("consent_panel")
        self.consent_grid = QGridLayout(self.consent_panel)
        self.consent_grid.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.consent_scroll.setWidget(self.consent_panel)
        layout.addWidget(self.consent_scroll, 1)
        self.no_agency_label = QLabel(
            translate(
                "IntakeDialog", "2단계에서 지원 프로그램을 체크하면 해당 기관이 여기에 나옵니다."
            ),
            page,
        )
        self.no_agency_label.setObjectName("no_agency_label")
        layout.addWidget(self.no_agency_label)
        self.result_label = QLabel(page)
        self.result_label.setObjectName("result_label")
        self.result_label.setWordWrap(True)
        layout.addWidget(self.result_label)
        return page
