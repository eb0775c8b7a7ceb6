"""A follow-up queue as a table: ids from SQL, rows fetched a page at a time.

The queue's order (most urgent first) comes from the service; the model only shows it.
Overdue rows say so in words ("기한 지남" in the first column, :data:`OverdueRole`) and are
tinted, so colour is never the only sign.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSettings,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QTableView

from onestop_desk.services import Services
from onestop_desk.services.queues import Queue, QueueEntry
from onestop_desk.ui.kit.item_roles import CaseIdRole, OverdueRole, ReferralIdRole
from onestop_desk.ui.kit.messages import localized_name
from onestop_desk.ui.kit.tasks import TaskRunner

PAGE_SIZE = 100
OVERDUE_BRUSH = QBrush(QColor("#fde7e4"))

ModelIndex = QModelIndex | QPersistentModelIndex
Column = tuple[str, Callable[[QueueEntry], str]]


@dataclass(frozen=True)
class QueueListing:
    queue: Queue
    ids: list[int]
    first: list[QueueEntry]


def load_listing(services: Services, queue: Queue) -> QueueListing:
    """The queue's ids and its first page, in one trip to the worker."""
    ids = services.queues.ids(queue)
    return QueueListing(queue, ids, services.queues.entries(queue, ids[:PAGE_SIZE]))


class _AgencyName(NamedTuple):
    name: str
    name_en: str


def agency_text(entry: QueueEntry) -> str:
    """The agency's name in the UI language."""
    return localized_name(_AgencyName(entry.referral.agency_name, entry.agency_name_en))


def overdue_text(entry: QueueEntry) -> str:
    return QCoreApplication.translate("Queues", "기한 지남") if entry.overdue else ""


class QueueTableModel(QAbstractTableModel):
    """Ids in (with the first page), the other pages fetched when the view reaches them."""

    page_loaded = Signal(int)

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        queue: Queue,
        columns: Sequence[Column],
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._runner = runner
        self._queue = queue
        self._columns = list(columns)
        self._ids: list[int] = []
        self._rows: dict[int, QueueEntry] = {}
        self._pages_requested: set[int] = set()
        self._generation = 0

    @property
    def queue(self) -> Queue:
        return self._queue

    def set_rows(self, queue: Queue, ids: Sequence[int], first: Sequence[QueueEntry]) -> None:
        """A fresh listing: all ids of ``queue`` and the entries of the first page."""
        self.beginResetModel()
        self._generation += 1
        self._queue = queue
        self._ids = list(ids)
        self._rows = {e.id: e for e in first}
        self._pages_requested = {0} if first or not ids else set()
        self.endResetModel()

    def ids(self) -> list[int]:
        return list(self._ids)

    def row_of(self, referral_id: int) -> int:
        try:
            return self._ids.index(referral_id)
        except ValueError:
            return -1

    def entry(self, row: int) -> QueueEntry | None:
        if not 0 <= row < len(self._ids):
            return None
        return self._rows.get(self._ids[row])

    def _request_page(self, page: int) -> None:
        if page in self._pages_requested:
            return
        self._pages_requested.add(page)
        generation, queue = self._generation, self._queue
        ids = self._ids[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
        entries = self._services.queues.entries
        self._runner.run(
            lambda: entries(queue, ids),
            lambda rows: self._on_page_fetched(generation, page, rows),
        )

    def _on_page_fetched(self, generation: int, page: int, rows: list[QueueEntry]) -> None:
        if generation != self._generation:
            return  # the listing changed while the page was on its way
        for entry in rows:
            self._rows[entry.id] = entry
        first = page * PAGE_SIZE
        last = min(first + PAGE_SIZE, len(self._ids)) - 1
        if last >= first:
            self.dataChanged.emit(
                self.index(first, 0),
                self.index(last, self.columnCount() - 1),
                [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.BackgroundRole, OverdueRole],
            )
        self.page_loaded.emit(page)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

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
            return self._columns[section][0]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        referral_id = self._ids[index.row()]
        if role == ReferralIdRole:
            return referral_id
        entry = self._rows.get(referral_id)
        if entry is None:
            if role == Qt.ItemDataRole.DisplayRole:
                self._request_page(index.row() // PAGE_SIZE)
                return "…" if index.column() == 0 else ""
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[index.column()][1](entry)
        if role == CaseIdRole:
            return entry.referral.case_id
        if role == OverdueRole:
            return entry.overdue
        if role == Qt.ItemDataRole.BackgroundRole and entry.overdue:
            return OVERDUE_BRUSH
        return None


def save_view_header(settings: QSettings, key: str, view: QTableView) -> None:
    """Column widths under ``key``: unique per page and table, so two pages that both
    have a ``due_table`` never restore each other's columns."""
    settings.setValue(f"columns/{key}", view.horizontalHeader().saveState())


def restore_view_header(settings: QSettings, key: str, view: QTableView) -> None:
    state = settings.value(f"columns/{key}")
    if state is not None:
        view.horizontalHeader().restoreState(state)
