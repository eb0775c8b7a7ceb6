"""The case list: 100,000 cases open instantly because the model holds only their ids.

Rows are fetched a page (100) at a time, off the UI thread, when the view first asks for
them; until a page arrives its rows show a quiet placeholder. Names are masked unless the
counselor reveals one row (the service writes that to the access log).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSettings,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from onestop_desk.domain.records import CaseFilter, CaseSummary
from onestop_desk.domain.vocab import CaseStatus
from onestop_desk.services import Services
from onestop_desk.ui.kit.item_roles import CaseIdRole, CaseNumberRole, StatusRole
from onestop_desk.ui.kit.messages import BUCKET_CODES, bucket_label, case_status_label, date_text
from onestop_desk.ui.kit.table_model import Column, RecordTableModel
from onestop_desk.ui.kit.tasks import TaskRunner
from onestop_desk.ui.kit.widgets import restore_header, save_header, setup_table

PAGE_SIZE = 100
SEARCH_DEBOUNCE_MS = 150

ModelIndex = QModelIndex | QPersistentModelIndex


class CaseTableModel(RecordTableModel[CaseSummary]):
    """Ids in, rows a page at a time. ``page_loaded`` tells views (and tests) data arrived.

    The rows are case ids; a row whose page has not arrived yet has no record
    (:meth:`record_at` is ``None``) and asks for its page the first time it is painted."""

    page_loaded = Signal(int)

    NUMBER, NAME, INTAKE, STATUS, COUNSELOR, BUCKETS, FOLLOW_UP = range(7)

    def __init__(self, services: Services, runner: TaskRunner, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._services = services
        self._runner = runner
        self._ids: list[int] = []
        self._rows: dict[int, CaseSummary] = {}
        self._revealed: dict[int, str] = {}
        self._pages_requested: set[int] = set()
        self._generation = 0
        self.declare(
            [
                Column(self.tr("사례번호"), lambda s: s.case_number),
                Column(self.tr("이름"), lambda s: self._revealed.get(s.id, s.masked_name)),
                Column(self.tr("접수일"), lambda s: date_text(s.intake_date)),
                Column(self.tr("단계"), lambda s: case_status_label(s.status)),
                Column(self.tr("담당"), lambda s: s.counselor_name),
                Column(
                    self.tr("범죄 구분"),
                    lambda s: ", ".join(bucket_label(b) for b in s.crime_buckets),
                ),
                Column(self.tr("후속 확인일"), lambda s: date_text(s.next_follow_up)),
            ],
            {CaseNumberRole: lambda s: s.case_number, StatusRole: lambda s: s.status},
        )

    # --- feeding ----------------------------------------------------------------------------

    def set_ids(self, ids: Sequence[int]) -> None:
        self.beginResetModel()
        self._generation += 1
        self._ids = list(ids)
        self._rows.clear()
        self._pages_requested.clear()
        self.endResetModel()

    def ids(self) -> list[int]:
        return list(self._ids)

    def loaded_row_count(self) -> int:
        return len(self._rows)

    def reveal(self, case_id: int, name: str) -> None:
        self._revealed[case_id] = name
        try:
            row = self._ids.index(case_id)
        except ValueError:
            return
        index = self.index(row, self.NAME)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole])

    def _request_page(self, page: int) -> None:
        if page in self._pages_requested:
            return
        self._pages_requested.add(page)
        generation = self._generation
        ids = self._ids[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
        summaries = self._services.cases.summaries
        self._runner.run(
            lambda: summaries(ids),
            lambda rows: self._on_page_fetched(generation, page, rows),
        )

    def _on_page_fetched(self, generation: int, page: int, rows: list[CaseSummary]) -> None:
        if generation != self._generation:
            return  # the list changed while the page was on its way
        for summary in rows:
            self._rows[summary.id] = summary
        first = page * PAGE_SIZE
        last = min(first + PAGE_SIZE, len(self._ids)) - 1
        self.rows_changed(first, last, [Qt.ItemDataRole.DisplayRole, CaseNumberRole, StatusRole])
        self.page_loaded.emit(page)

    # --- the base's hooks -------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def record_at(self, row: int) -> CaseSummary | None:
        return self._rows.get(self._ids[row])

    def placeholder(self, index: ModelIndex, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            self._request_page(index.row() // PAGE_SIZE)
            return "…" if index.column() == self.NUMBER else ""
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The id is known before the row's page arrives: opening a case never waits for it.
        if role == CaseIdRole and index.isValid() and 0 <= index.row() < len(self._ids):
            return self._ids[index.row()]
        return super().data(index, role)


class CaseListPage(QWidget):
    """Search as you type, filters, a lazily loaded table; Enter or double-click opens."""

    case_opened = Signal(int)
    results_shown = Signal(int)

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        settings: QSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("case_list_page")
        self._services = services
        self._runner = runner
        self._settings = settings
        self._query_ticket = 0
        self._preset: CaseFilter | None = None
        self._build()
        self.model = CaseTableModel(services, runner, self)
        self.case_table.setModel(self.model)
        for column, width in enumerate((110, 80, 100, 90, 90, 130)):
            self.case_table.setColumnWidth(column, width)
        restore_header(settings, self.case_table)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._on_debounce_timeout)
        self.search_edit.textChanged.connect(self._on_search_edit_text_changed)
        self.search_edit.returnPressed.connect(self._on_search_edit_return_pressed)
        for combo in (self.status_combo, self.counselor_combo, self.bucket_combo):
            combo.currentIndexChanged.connect(self._on_filter_changed)
        self.overdue_check.toggled.connect(self._on_filter_changed)
        self.clear_preset_button.clicked.connect(self._on_clear_preset_button_clicked)
        self.case_table.activated.connect(self._on_case_table_activated)
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.reveal_button.clicked.connect(self._on_reveal_button_clicked)
        self.model.modelReset.connect(self._update_count)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.search_label = QLabel(self.tr("찾기(&S)"), self)
        self.search_label.setObjectName("search_label")
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("search_edit")
        self.search_edit.setPlaceholderText(
            self.tr("이름(두 글자 이상), 초성(ㅎㄱㄷ), 전화번호, 사례번호, 문서번호")
        )
        self.search_edit.setClearButtonEnabled(True)
        self.search_label.setBuddy(self.search_edit)
        top.addWidget(self.search_label)
        top.addWidget(self.search_edit, 1)
        layout.addLayout(top)

        filters = QHBoxLayout()
        self.status_combo = QComboBox(self)
        self.status_combo.setObjectName("status_combo")
        self.status_combo.addItem(self.tr("모든 단계"), None)
        self.status_combo.addItem(self.tr("진행 중인 사례"), "open")
        for status in CaseStatus:
            self.status_combo.addItem(case_status_label(status), status.value)
        self.counselor_combo = QComboBox(self)
        self.counselor_combo.setObjectName("counselor_combo")
        self.counselor_combo.addItem(self.tr("모든 담당자"), None)
        self.bucket_combo = QComboBox(self)
        self.bucket_combo.setObjectName("bucket_combo")
        self.bucket_combo.addItem(self.tr("모든 범죄 구분"), None)
        for code in BUCKET_CODES:
            self.bucket_combo.addItem(bucket_label(code), code)
        self.overdue_check = QCheckBox(self.tr("후속 확인 기한 지난 사례만"), self)
        self.overdue_check.setObjectName("overdue_check")
        for widget in (self.status_combo, self.counselor_combo, self.bucket_combo):
            filters.addWidget(widget)
        filters.addWidget(self.overdue_check)
        filters.addStretch(1)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("count_label")
        filters.addWidget(self.count_label)
        layout.addLayout(filters)
        preset = QHBoxLayout()
        self.preset_label = QLabel(self)
        self.preset_label.setObjectName("preset_label")
        self.preset_label.setStyleSheet("color: #0b3d6e;")
        self.clear_preset_button = QPushButton(self.tr("모든 사례 보기"), self)
        self.clear_preset_button.setObjectName("clear_preset_button")
        preset.addWidget(self.preset_label, 1)
        preset.addWidget(self.clear_preset_button)
        self.preset_label.hide()
        self.clear_preset_button.hide()
        layout.addLayout(preset)

        self.case_table = QTableView(self)
        self.case_table.setObjectName("case_table")
        setup_table(self.case_table)
        layout.addWidget(self.case_table, 1)

        buttons = QHBoxLayout()
        self.reveal_button = QPushButton(self.tr("이름 보기"), self)
        self.reveal_button.setObjectName("reveal_button")
        self.reveal_button.setToolTip(
            self.tr("선택한 사례의 이름 전체를 보여 줍니다(접속기록에 남습니다).")
        )
        self.open_button = QPushButton(self.tr("사례 열기"), self)
        self.open_button.setObjectName("open_button")
        buttons.addStretch(1)
        buttons.addWidget(self.reveal_button)
        buttons.addWidget(self.open_button)
        layout.addLayout(buttons)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self.search_edit, self.search_edit.clear)

    # --- public -----------------------------------------------------------------------------

    def load(self) -> None:
        """First show: fill the counselor filter, then run the (empty) query."""
        if self.counselor_combo.count() == 1:
            self._runner.run(self._services.users.assignable, self._on_users_loaded)
        self.refresh()

    def refresh(self) -> None:
        self._debounce.stop()
        self._run_query()

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def save_layout(self) -> None:
        save_header(self._settings, self.case_table)

    def show_filter(self, case_filter: CaseFilter, title: str) -> None:
        """List exactly ``case_filter`` (a dashboard bar: period, crime type, channel…,
        which the filter row cannot express) until the user clears it or picks a filter."""
        self._preset = case_filter
        self.search_edit.blockSignals(True)
        self.search_edit.clear()
        self.search_edit.blockSignals(False)
        self.preset_label.setText(title)
        self.preset_label.show()
        self.clear_preset_button.show()
        if self.counselor_combo.count() == 1:
            self._runner.run(self._services.users.assignable, self._on_users_loaded)
        self.refresh()

    def clear_filter(self) -> None:
        self._preset = None
        self.preset_label.hide()
        self.clear_preset_button.hide()

    @property
    def searching(self) -> bool:
        """A keystroke is waiting out the pause, or a query is still running."""
        return self._debounce.isActive() or not self._runner.idle

    def current_case_id(self) -> int | None:
        index = self.case_table.currentIndex()
        if not index.isValid():
            return None
        return index.data(CaseIdRole)

    # --- query ------------------------------------------------------------------------------

    def current_filter(self) -> CaseFilter:
        if self._preset is not None:
            return self._preset
        status_data = self.status_combo.currentData()
        return CaseFilter(
            status=CaseStatus(status_data) if status_data not in (None, "open") else None,
            open_only=status_data == "open",
            counselor_id=self.counselor_combo.currentData(),
            crime_bucket=self.bucket_combo.currentData(),
            overdue_follow_up=self.overdue_check.isChecked(),
        )

    def _run_query(self) -> None:
        query = self.search_edit.text().strip()
        flt = self.current_filter()
        cases = self._services.cases
        if query:

            def job() -> list[int]:
                return cases.search_ids(query, flt)
        else:

            def job() -> list[int]:
                return cases.list_ids(flt)

        ticket = self._runner.run(job, lambda ids: self._on_ids_fetched(ticket, ids))
        self._query_ticket = ticket

    def _on_ids_fetched(self, ticket: int, ids: list[int]) -> None:
        if ticket != self._query_ticket:
            return  # a newer keystroke already asked again
        self.model.set_ids(ids)
        if ids:
            self.case_table.selectRow(0)
        self.results_shown.emit(len(ids))

    # --- slots ------------------------------------------------------------------------------

    @Slot(str)
    def _on_search_edit_text_changed(self, _text: str) -> None:
        self._debounce.start()

    @Slot()
    def _on_search_edit_return_pressed(self) -> None:
        if self._debounce.isActive():
            self.refresh()
        elif self.model.rowCount() == 1:
            self.case_opened.emit(self.model.index(0, 0).data(CaseIdRole))
        else:
            self.case_table.setFocus()

    @Slot()
    def _on_debounce_timeout(self) -> None:
        self._run_query()

    @Slot()
    def _on_filter_changed(self) -> None:
        self.clear_filter()
        self.refresh()

    @Slot()
    def _on_clear_preset_button_clicked(self) -> None:
        self.clear_filter()
        self.refresh()

    @Slot(QModelIndex)
    def _on_case_table_activated(self, index: QModelIndex) -> None:
        self.case_opened.emit(index.data(CaseIdRole))

    @Slot()
    def _on_open_button_clicked(self) -> None:
        case_id = self.current_case_id()
        if case_id is not None:
            self.case_opened.emit(case_id)

    @Slot()
    def _on_reveal_button_clicked(self) -> None:
        case_id = self.current_case_id()
        if case_id is None:
            return
        self._runner.run(
            lambda: self._services.cases.reveal_name(case_id),
            lambda name: self.model.reveal(case_id, name),
        )

    def _on_users_loaded(self, users: list) -> None:  # type: ignore[type-arg]
        for user in users:  # users.assignable(): who may hold a case
            self.counselor_combo.addItem(user.display_name, user.id)

    def _update_count(self) -> None:
        count = self.model.rowCount()
        self.count_label.setText(self.tr("%n건", "", count))
