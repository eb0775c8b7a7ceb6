"""Today: new cases, follow-ups due or overdue, referrals with no answer, unfinished intakes.

The two referral tables are the queues ``DUE_FOLLOW_UPS`` and ``LATE_REPLY`` of
``services.queues`` (open cases only, answered referrals left out), most urgent first, paged
from SQL.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from types import MappingProxyType

from PySide6.QtCore import QModelIndex, QSettings, Signal, Slot
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from onestop_desk.domain.records import CaseFilter, CaseSummary
from onestop_desk.domain.text import mask_name
from onestop_desk.services import Services
from onestop_desk.services.drafts import IntakeDraft
from onestop_desk.services.queues import Queue
from onestop_desk.ui.desk.queue_model import (
    QueueListing,
    QueueTableModel,
    agency_text,
    load_listing,
    overdue_text,
    restore_view_header,
    save_view_header,
)
from onestop_desk.ui.kit.item_roles import CaseIdRole
from onestop_desk.ui.kit.messages import (
    bucket_label,
    case_status_label,
    date_text,
    referral_status_label,
    stored_time_text,
)
from onestop_desk.ui.kit.tasks import TaskRunner
from onestop_desk.ui.kit.widgets import (
    append_row,
    heading,
    make_table,
    resize_to_contents,
    setup_table,
)

# ui.ini keys: unique to this page (the retention page has a ``due_table`` too).
LAYOUT_KEYS = MappingProxyType(
    {
        "new_cases_table": "today/new_cases_table",
        "due_table": "today/due_table",
        "unanswered_table": "today/unanswered_table",
    }
)


@dataclass(frozen=True)
class TodayData:
    today: date
    new_cases: list[CaseSummary]
    due: QueueListing
    unanswered: QueueListing
    draft: IntakeDraft | None


def load_today(services: Services) -> TodayData:
    today = services.context.clock.today()
    ids = services.cases.list_ids(CaseFilter(intake_from=today, intake_to=today))
    return TodayData(
        today,
        services.cases.summaries(ids),
        load_listing(services, Queue.DUE_FOLLOW_UPS),
        load_listing(services, Queue.LATE_REPLY),
        services.drafts.load_intake(),
    )


class TodayPage(QWidget):
    case_opened = Signal(int)
    draft_resume_requested = Signal()
    loaded = Signal()

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        settings: QSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("today_page")
        self._services = services
        self._runner = runner
        self._settings = settings
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.title_label = heading(self.tr("오늘"), "title_label", self)
        top.addWidget(self.title_label, 1)
        self.refresh_button = QPushButton(self.tr("새로 고침"), self)
        self.refresh_button.setObjectName("refresh_button")
        top.addWidget(self.refresh_button)
        layout.addLayout(top)

        self.draft_box = QGroupBox(self.tr("작성 중인 접수"), self)
        self.draft_box.setObjectName("draft_box")
        draft_row = QHBoxLayout(self.draft_box)
        self.draft_label = QLabel(self.draft_box)
        self.draft_label.setObjectName("draft_label")
        self.resume_draft_button = QPushButton(self.tr("이어서 작성"), self.draft_box)
        self.resume_draft_button.setObjectName("resume_draft_button")
        draft_row.addWidget(self.draft_label, 1)
        draft_row.addWidget(self.resume_draft_button)
        self.draft_box.hide()
        layout.addWidget(self.draft_box)

        grid = QGridLayout()
        self.new_cases_box = QGroupBox(self.tr("오늘 접수한 사례"), self)
        self.new_cases_box.setObjectName("new_cases_box")
        self.new_cases_table = make_table(
            "new_cases_table",
            [
                self.tr("사례번호"),
                self.tr("이름"),
                self.tr("단계"),
                self.tr("범죄 구분"),
                self.tr("담당"),
            ],
            self.new_cases_box,
        )
        QVBoxLayout(self.new_cases_box).addWidget(self.new_cases_table)
        self.due_box = QGroupBox(self.tr("후속 확인할 연계(기한 도래·경과)"), self)
        self.due_box.setObjectName("due_box")
        self.due_model = QueueTableModel(
            services,
            runner,
            Queue.DUE_FOLLOW_UPS,
            [
                (self.tr("기한"), overdue_text),
                (self.tr("확인일"), lambda e: date_text(e.referral.follow_up_due)),
                (self.tr("사례번호"), lambda e: e.referral.case_number),
                (self.tr("기관"), agency_text),
                (self.tr("상태"), lambda e: referral_status_label(e.referral.status)),
                (self.tr("문서번호"), lambda e: e.referral.document_number),
            ],
            self,
        )
        self.due_table = self._queue_view("due_table", self.due_model, self.due_box)
        self.unanswered_box = QGroupBox(self.tr("7일 넘게 회신 없는 연계"), self)
        self.unanswered_box.setObjectName("unanswered_box")
        self.unanswered_model = QueueTableModel(
            services,
            runner,
            Queue.LATE_REPLY,
            [
                (self.tr("기한"), overdue_text),
                (self.tr("발송"), lambda e: stored_time_text(e.referral.sent_at)[:10]),
                (self.tr("사례번호"), lambda e: e.referral.case_number),
                (self.tr("기관"), agency_text),
                (self.tr("상태"), lambda e: referral_status_label(e.referral.status)),
                (self.tr("문서번호"), lambda e: e.referral.document_number),
            ],
            self,
        )
        self.unanswered_table = self._queue_view(
            "unanswered_table", self.unanswered_model, self.unanswered_box
        )
        grid.addWidget(self.new_cases_box, 0, 0, 1, 2)
        grid.addWidget(self.due_box, 1, 0)
        grid.addWidget(self.unanswered_box, 1, 1)
        layout.addLayout(grid, 1)
        for table in self._tables():
            restore_view_header(settings, LAYOUT_KEYS[table.objectName()], table)

        self.new_cases_table.itemActivated.connect(self._on_new_cases_table_item_activated)
        self.due_table.activated.connect(self._on_queue_view_activated)
        self.unanswered_table.activated.connect(self._on_queue_view_activated)
        self.refresh_button.clicked.connect(self.refresh)
        self.resume_draft_button.clicked.connect(self.draft_resume_requested)

    def _queue_view(self, name: str, model: QueueTableModel, box: QGroupBox) -> QTableView:
        view = QTableView(box)
        view.setObjectName(name)
        setup_table(view)
        view.setModel(model)
        QVBoxLayout(box).addWidget(view)
        return view

    def _tables(self) -> list[QTableView]:
        return [self.new_cases_table, self.due_table, self.unanswered_table]

    def save_layout(self) -> None:
        for table in self._tables():
            save_view_header(self._settings, LAYOUT_KEYS[table.objectName()], table)

    @Slot()
    def refresh(self) -> None:
        services = self._services
        self._runner.run(lambda: load_today(services), self._on_today_loaded)

    def _on_today_loaded(self, data: TodayData) -> None:
        self.title_label.setText(self.tr("오늘 %1").replace("%1", date_text(data.today)))
        self.new_cases_table.setRowCount(0)
        for s in data.new_cases:
            append_row(
                self.new_cases_table,
                [
                    s.case_number,
                    s.masked_name,
                    case_status_label(s.status),
                    ", ".join(bucket_label(b) for b in s.crime_buckets),
                    s.counselor_name,
                ],
                {CaseIdRole: s.id},
            )
        for model, listing in (
            (self.due_model, data.due),
            (self.unanswered_model, data.unanswered),
        ):
            model.set_rows(listing.queue, listing.ids, listing.first)
        for table in self._tables():
            resize_to_contents(table)
        self.new_cases_box.setTitle(
            self.tr("오늘 접수한 사례 (%1건)").replace("%1", str(len(data.new_cases)))
        )
        self.due_box.setTitle(
            self.tr("후속 확인할 연계(기한 도래·경과) (%1건)").replace("%1", str(len(data.due.ids)))
        )
        self.unanswered_box.setTitle(
            self.tr("7일 넘게 회신 없는 연계 (%1건)").replace("%1", str(len(data.unanswered.ids)))
        )
        draft = data.draft
        if draft is not None:
            name = str(draft.fields.get("name", "")).strip()
            who = mask_name(name) if name else self.tr("이름 없음")
            self.draft_label.setText(
                self.tr("%1 · %2 저장 · %3단계까지 작성")
                .replace("%1", who)
                .replace("%2", draft.saved_at.strftime("%Y-%m-%d %H:%M"))
                .replace("%3", str(int(draft.fields.get("step", 0)) + 1))
            )
        self.draft_box.setVisible(draft is not None)
        self.loaded.emit()

    @Slot(QTableWidgetItem)
    def _on_new_cases_table_item_activated(self, item: QTableWidgetItem) -> None:
        case_id = item.data(CaseIdRole)
        if case_id is not None:
            self.case_opened.emit(case_id)

    @Slot(QModelIndex)
    def _on_queue_view_activated(self, index: QModelIndex) -> None:
        case_id = index.data(CaseIdRole)
        if case_id is not None:
            self.case_opened.emit(case_id)
