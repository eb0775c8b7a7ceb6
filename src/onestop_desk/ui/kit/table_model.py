"""The one base for the UI's table models: declared columns, named roles, exact signals.

A model says what its columns are (:class:`Column`: header, text, tooltip, alignment) and
which named roles (ui/kit/item_roles.py) a row answers; the base does the Qt plumbing every
model used to copy (row and column counts, headers, bounds checks). A change to rows already
shown emits ``dataChanged`` with exactly the roles that changed, so views repaint only that.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

R = TypeVar("R")
ModelIndex = QModelIndex | QPersistentModelIndex

RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


@dataclass(frozen=True)
class Column(Generic[R]):
    header: str
    text: Callable[[R], str]
    tooltip: Callable[[R], str | None] | None = None
    align_right: bool = False


class RecordTableModel(QAbstractTableModel, Generic[R]):
    """Rows of records of one type, read-only. Subclasses :meth:`declare` their columns and
    roles (role -> value of a record) in ``__init__`` and may override :meth:`record_at` (a
    record not loaded yet is ``None``: its cells show :meth:`placeholder`) and
    :meth:`rowCount` (rows fetched in steps)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns: list[Column[R]] = []
        self._roles: dict[int, Callable[[R], object]] = {}
        self._records: list[R] = []

    def declare(
        self, columns: Sequence[Column[R]], roles: Mapping[int, Callable[[R], object]] | None = None
    ) -> None:
        """The columns and the named roles every row answers (once, before any rows)."""
        self._columns = list(columns)
        self._roles = dict(roles or {})

    # --- feeding ----------------------------------------------------------------------------

    def set_records(self, records: Sequence[R]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self._on_reset()
        self.endResetModel()

    def _on_reset(self) -> None:
        """Called inside the reset, for subclasses that keep state about the rows."""

    def records(self) -> list[R]:
        return list(self._records)

    def record(self, row: int) -> R:
        return self._records[row]

    def rows_changed(self, first: int, last: int, roles: Sequence[int]) -> None:
        """Rows ``first``..``last`` show new values for ``roles`` (and only those)."""
        if last < first:
            return
        self.dataChanged.emit(
            self.index(first, 0), self.index(last, self.columnCount() - 1), list(roles)
        )

    # --- for subclasses ---------------------------------------------------------------------

    def record_at(self, row: int) -> R | None:
        return self._records[row]

    def placeholder(self, index: ModelIndex, role: int) -> Any:
        return None

    # --- Qt model ---------------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._columns)
        ):
            return self._columns[section].header
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        if not 0 <= index.column() < len(self._columns):
            return None
        record = self.record_at(index.row())
        if record is None:
            return self.placeholder(index, role)
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(record)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(record)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return RIGHT
        value = self._roles.get(role)
        return value(record) if value is not None else None
