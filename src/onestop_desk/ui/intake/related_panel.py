"""Related persons (guardian, family) entered with the person: name, relationship, phone."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from onestop_desk.domain.errors import FieldError
from onestop_desk.domain.records import PersonInput, RelatedPersonInput
from onestop_desk.domain.vocab import Relationship
from onestop_desk.ui.kit.item_roles import CodeRole
from onestop_desk.ui.kit.messages import field_error_text, field_label, relationship_label
from onestop_desk.ui.kit.widgets import make_error_label, setup_table

translate = QCoreApplication.translate

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class Ui_RelatedPanel:
    related_name_edit: QLineEdit
    related_relationship_combo: QComboBox
    related_phone_edit: QLineEdit
    related_add_button: QPushButton
    related_table: QTableWidget
    related_error_label: QLabel
    related_remove_button: QPushButton

    def setup_ui(self, box: QGroupBox) -> None:
        box.setObjectName("related_box")
        box.setTitle(translate("IntakeDialog", "관계인(보호자·가족)"))
        layout = QVBoxLayout(box)
        row = QHBoxLayout()
        self.related_name_edit = QLineEdit(box)
        self.related_name_edit.setObjectName("related_name_edit")
        self.related_name_edit.setPlaceholderText(translate("IntakeDialog", "이름"))
        self.related_relationship_combo = QComboBox(box)
        self.related_relationship_combo.setObjectName("related_relationship_combo")
        self.related_phone_edit = QLineEdit(box)
        self.related_phone_edit.setObjectName("related_phone_edit")
        self.related_phone_edit.setPlaceholderText(translate("IntakeDialog", "전화번호"))
        self.related_add_button = QPushButton(translate("IntakeDialog", "추가"), box)
        self.related_add_button.setObjectName("related_add_button")
        self.related_add_button.setAutoDefault(False)
        row.addWidget(self.related_name_edit, 2)
        row.addWidget(self.related_relationship_combo, 1)
        row.addWidget(self.related_phone_edit, 2)
        row.addWidget(self.related_add_button)
        layout.addLayout(row)
        self.related_table = QTableWidget(0, 3, box)
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
        layout.addWidget(self.related_table)
        self.related_error_label = make_error_label("related_error_label", box)
        layout.addWidget(self.related_error_label)
        self.related_remove_button = QPushButton(
            translate("IntakeDialog", "선택한 관계인 빼기"), box
        )
        self.related_remove_button.setObjectName("related_remove_button")
        self.related_remove_button.setAutoDefault(False)
        layout.addWidget(self.related_remove_button, 0, Qt.AlignmentFlag.AlignRight)


class RelatedPanel(QGroupBox, Ui_RelatedPanel):
    """Enter in the name or phone field adds the person (it does not move to the next step)."""

    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.setup_ui(self)
        for rel in Relationship:
            self.related_relationship_combo.addItem(relationship_label(rel), rel.value)
        self.related_add_button.clicked.connect(self._on_related_add_button_clicked)
        self.related_remove_button.clicked.connect(self._on_related_remove_button_clicked)
        self.related_name_edit.installEventFilter(self)
        self.related_phone_edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in _ENTER
        ):
            self._on_related_add_button_clicked()
            return True
        return False

    @Slot()
    def _on_related_add_button_clicked(self) -> None:
        name = self.related_name_edit.text().strip()
        if not name:
            reason = field_error_text(FieldError("related.0.name", "required"))
            label = self.tr("관계인 이름")
            self.related_error_label.setText(f"{label}: {reason}")
            self.related_error_label.show()
            self.related_name_edit.setFocus()
            return
        self.add_row(
            name,
            self.related_relationship_combo.currentData(),
            self.related_phone_edit.text().strip(),
        )
        self.related_name_edit.clear()
        self.related_phone_edit.clear()
        self.related_error_label.hide()
        self.related_name_edit.setFocus()

    @Slot()
    def _on_related_remove_button_clicked(self) -> None:
        row = self.related_table.currentRow()
        if row >= 0:
            self.related_table.removeRow(row)

    def add_row(self, name: str, rel: str, phone: str) -> None:
        row = self.related_table.rowCount()
        self.related_table.insertRow(row)
        self.related_table.setItem(row, 0, QTableWidgetItem(name))
        rel_item = QTableWidgetItem(relationship_label(Relationship(rel)))
        rel_item.setData(CodeRole, rel)
        self.related_table.setItem(row, 1, rel_item)
        self.related_table.setItem(row, 2, QTableWidgetItem(phone))

    def rows(self) -> list[list[str]]:
        """``[name, relationship code, phone]`` per row, as the draft stores them."""
        table = self.related_table
        return [
            [table.item(r, 0).text(), table.item(r, 1).data(CodeRole), table.item(r, 2).text()]
            for r in range(table.rowCount())
        ]

    def set_rows(self, rows: list[list[str]]) -> None:
        self.related_table.setRowCount(0)
        for name, rel, phone in rows:
            self.add_row(name, rel, phone)

    def inputs(self) -> tuple[RelatedPersonInput, ...]:
        return tuple(
            RelatedPersonInput(PersonInput(name=name, phone=phone), Relationship(rel))
            for name, rel, phone in self.rows()
        )

    def show_errors(self, errors: list[FieldError]) -> None:
        """``related.<row>.<field>`` refusals, numbered by row, under the table."""
        lines = []
        for error in errors:
            number = int(error.field.split(".")[1]) + 1
            lines.append(f"{number}. {field_label(error.field)}: {field_error_text(error)}")
        self.related_error_label.setText("\n".join(lines))
        self.related_error_label.setVisible(bool(lines))
