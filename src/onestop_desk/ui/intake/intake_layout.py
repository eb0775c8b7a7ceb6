"""Layout of the new walk-in dialog's frame: the steps, the hint, the pages, the buttons.

The pages bring their own layouts (``Ui_PersonPage``, ``Ui_CasePage``, ``Ui_ConsentPage``);
each sits in a scroll area so the window fits a 1024×768 screen in Korean and in English.
Every widget's objectName equals its attribute name, so tests and screenshots find it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from onestop_desk.ui.kit.widgets import make_error_label

translate = QCoreApplication.translate

# What the dialog asks for; it never grows past the screen (IntakeDialog.fit_to_screen).
PREFERRED_WIDTH, PREFERRED_HEIGHT = 1000, 690


class Ui_IntakeDialog:
    steps_label: QLabel
    keys_hint_label: QLabel
    step_stack: QStackedWidget
    general_error_label: QLabel
    draft_label: QLabel
    discard_button: QPushButton
    later_button: QPushButton
    back_button: QPushButton
    next_button: QPushButton
    create_button: QPushButton

    def setup_ui(self, dialog: QDialog, pages: Sequence[QWidget]) -> None:
        dialog.setObjectName("intake_dialog")
        dialog.setWindowTitle(translate("IntakeDialog", "새 방문 접수"))
        dialog.resize(PREFERRED_WIDTH, PREFERRED_HEIGHT)
        outer = QVBoxLayout(dialog)

        self.steps_label = QLabel(dialog)
        self.steps_label.setObjectName("steps_label")
        self.steps_label.setTextFormat(Qt.TextFormat.RichText)
        self.steps_label.setWordWrap(True)
        outer.addWidget(self.steps_label)

        self.step_stack = QStackedWidget(dialog)
        self.step_stack.setObjectName("step_stack")
        outer.addWidget(self.step_stack, 1)
        for page in pages:
            scroll = QScrollArea(self.step_stack)
            scroll.setObjectName(f"{page.objectName()}_scroll")
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes field to field
            scroll.setWidget(page)
            self.step_stack.addWidget(scroll)

        self.general_error_label = make_error_label("general_error_label", dialog)
        outer.addWidget(self.general_error_label)

        self.keys_hint_label = QLabel(dialog)
        self.keys_hint_label.setObjectName("keys_hint_label")
        self.keys_hint_label.setWordWrap(True)
        self.keys_hint_label.setStyleSheet("color: #3c4043; background: #eef3fb; padding: 4px;")
        outer.addWidget(self.keys_hint_label)

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
