"""Small pieces every form uses: date fields, error labels next to fields, tables."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, QSettings, Qt, SignalInstance
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTextEdit,
    QWidget,
)

from onestop_desk.domain.errors import FieldError, ValidationError
from onestop_desk.ui.kit.messages import error_text, field_error_text
from onestop_desk.ui.kit.settings import header_setting

_DATE = re.compile(r"^\s*(\d{4})[-./ ]?(\d{1,2})[-./ ]?(\d{1,2})\s*$")


class DateParseError(ValueError):
    pass


def parse_date(text: str) -> date | None:
    """``2024-07-22``, ``2024.7.22`` or ``20240722``; empty is ``None``."""
    if not text.strip():
        return None
    match = _DATE.match(text)
    if match is None:
        raise DateParseError(text)
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError as exc:
        raise DateParseError(text) from exc


def make_date_edit(name: str, parent: QWidget | None = None) -> QLineEdit:
    """A date typed as text: what was typed stays, even when it is not a date yet."""
    edit = QLineEdit(parent)
    edit.setObjectName(name)
    edit.setPlaceholderText(QCoreApplication.translate("Widgets", "예: 2024-07-22"))
    edit.setMaxLength(10)
    return edit


def make_error_label(name: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setProperty("role", "field-error")
    label.setStyleSheet("color: #b3261e;")
    label.setWordWrap(True)
    label.hide()
    return label


def _clear_label(label: QLabel) -> None:
    label.clear()
    label.hide()


def _edit_signal(widget: QWidget) -> SignalInstance | None:
    """The signal that says the user changed ``widget``'s value."""
    if isinstance(widget, QLineEdit):
        return widget.textEdited
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        return widget.textChanged
    if isinstance(widget, QComboBox):
        return widget.currentIndexChanged
    if isinstance(widget, QAbstractButton):
        return widget.toggled
    if isinstance(widget, QAbstractSpinBox):
        return widget.editingFinished
    return None


class FieldErrors:
    """Shows each FieldError under the widget it belongs to; the typed text is never touched."""

    def __init__(self) -> None:
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}

    def bind(self, field: str, widget: QWidget, label: QLabel) -> None:
        """``label`` shows ``field``'s errors; editing ``widget`` clears them, because the
        message described what was there before."""
        self._fields[field] = (widget, label)
        edited = _edit_signal(widget)
        if edited is not None:
            edited.connect(lambda *_args: _clear_label(label))

    def clear(self) -> None:
        for _widget, label in self._fields.values():
            label.clear()
            label.hide()

    def show(self, errors: Iterable[FieldError], fallback: QLabel | None = None) -> QWidget | None:
        """Put each message next to its field; returns the first field, to focus it."""
        self.clear()
        first: QWidget | None = None
        leftovers: list[str] = []
        for error in errors:
            bound = self._fields.get(error.field)
            if bound is None:
                leftovers.append(field_error_text(error))
                continue
            widget, label = bound
            text = field_error_text(error)
            label.setText(f"{label.text()}\n{text}" if label.text() else text)
            label.show()
            first = first or widget
        if fallback is not None:
            fallback.setText("\n".join(leftovers))
            fallback.setVisible(bool(leftovers))
        return first

    def show_failure(self, exc: BaseException, fallback: QLabel) -> QWidget | None:
        """A service's refusal: field errors next to their fields, anything else in
        ``fallback``. Returns the first field in error, to focus it."""
        if isinstance(exc, ValidationError):
            return self.show(exc.errors, fallback)
        self.clear()
        fallback.setText(error_text(exc))
        fallback.show()
        return None

    def widget_for(self, field: str) -> QWidget | None:
        bound = self._fields.get(field)
        return bound[0] if bound else None


def setup_table(view: QTableView | QTableWidget, *, stretch_last: bool = True) -> None:
    """Calm, keyboard-friendly tables: whole rows, one at a time, no editing in place."""
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setTabKeyNavigation(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(28)
    view.horizontalHeader().setStretchLastSection(stretch_last)
    view.horizontalHeader().setHighlightSections(False)
    view.setWordWrap(False)


def make_table(
    name: str, headers: Sequence[str], parent: QWidget, settings: QSettings | None = None
) -> QTableWidget:
    """A list page's table: named, headed, :func:`setup_table`, and with ``settings`` the
    column widths the user left last time."""
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(list(headers))
    setup_table(table)
    if settings is not None:
        restore_header(settings, table)
    return table


def append_row(
    table: QTableWidget, values: Sequence[str], data: Mapping[int, object] | None = None
) -> int:
    """One row of text; every cell carries ``data`` (role -> value), so whichever cell is
    current tells which record the row is. Returns the row number."""
    row = table.rowCount()
    table.insertRow(row)
    for column, value in enumerate(values):
        item = QTableWidgetItem(value)
        for role, datum in (data or {}).items():
            item.setData(role, datum)
        table.setItem(row, column, item)
    return row


def make_button(text: str, name: str, parent: QWidget) -> QPushButton:
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setAutoDefault(False)
    return button


def button_row(*widgets: QWidget) -> QHBoxLayout:
    """Buttons at the right edge, in the order given."""
    row = QHBoxLayout()
    row.addStretch(1)
    for widget in widgets:
        row.addWidget(widget)
    return row


def ask(
    parent: QWidget, name: str, title: str, text: str, on_yes: Callable[[], None]
) -> QMessageBox:
    """A yes/no question opened window-modal (never a blocking ``exec``), so the rest of the
    event loop, and a test driving it, go on; ``on_yes`` runs if the answer is yes."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.setObjectName(name)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def answered(_result: int) -> None:
        if box.standardButton(box.clickedButton()) == QMessageBox.StandardButton.Yes:
            on_yes()

    box.finished.connect(answered)
    box.open()
    return box


def fill_combo(combo: QComboBox, items: Sequence[tuple[str, object]]) -> None:
    combo.clear()
    for text, data in items:
        combo.addItem(text, data)


def select_data(combo: QComboBox, data: object) -> None:
    index = combo.findData(data)
    if index >= 0:
        combo.setCurrentIndex(index)


def save_header(settings: QSettings, view: QTableView | QTableWidget) -> None:
    """Remember ``view``'s column widths and order under its screen's declared key."""
    header_setting(view).write(settings, view.horizontalHeader().saveState())


def restore_header(settings: QSettings, view: QTableView | QTableWidget) -> None:
    state = header_setting(view).read(settings)
    if not state.isEmpty():
        view.horizontalHeader().restoreState(state)


def resize_to_contents(view: QTableView | QTableWidget) -> None:
    header = view.horizontalHeader()
    for column in range(header.count() - 1):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
    view.resizeColumnsToContents()


def heading(text: str, name: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName(name)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.25)
    font.setBold(True)
    label.setFont(font)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return label
