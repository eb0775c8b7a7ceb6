"""Today: new cases, follow-ups due or overdue, referrals with no answer, unfinished intakes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import QSettings, Signal, Slot
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from onestop_desk.domain.records import CaseFilter, CaseSummary, ReferralRecord
from onestop_desk.domain.text import mask_name
from onestop_desk.services import Services
from onestop_desk.services.drafts import IntakeDraft
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
    save_header,
)

RECENT_CASES_SCANNED = 200
UNANSWERED_DAYS = 7


@dataclass(frozen=True)
class TodayData:
    today: date
    new_cases: list[CaseSummary]
    due: list[ReferralRecord]
    unanswered: list[ReferralRecord]
    draft: IntakeDraft | None


def load_today(services: Services) -> TodayData:
    today = services.context.clock.today()
    ids = services.cases.list_ids(CaseFilter())[:RECENT_CASES_SCANNED]
    new_cases = [s for s in services.cases.summaries(ids) if s.intake_date == today]
    waiting = services.referrals.waiting(unanswered_days=UNANSWERED_DAYS)
    due = [r for r in waiting if r.follow_up_due is not None and r.follow_up_due <= today]
    cutoff = services.context.clock.now() - timedelta(days=UNANSWERED_DAYS)
    unanswered = [
        r
        for r in waiting
        if r.reply is None and r.sent_at is not None and _aware(r.sent_at) < cutoff
    ]
    return TodayData(today, new_cases, due, unanswered, services.drafts.load_intake())


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


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
            settings,
        )
        QVBoxLayout(self.new_cases_box).addWidget(self.new_cases_table)
        self.due_box = QGroupBox(self.tr("후속 확인할 연계(기한 도래·경과)"), self)
        self.due_box.setObjectName("due_box")
        self.due_table = make_table(
            "due_table",
            [
                self.tr("확인일"),
                self.tr("사례번호"),
                self.tr("기관"),
                self.tr("상태"),
                self.tr("문서번호"),
            ],
            self.due_box,
            settings,
        )
        QVBoxLayout(self.due_box).addWidget(self.due_table)
        self.unanswered_box = QGroupBox(self.tr("7일 넘게 회신 없는 연계"), self)
        self.unanswered_box.setObjectName("unanswered_box")
        self.unanswered_table = make_table(
            "unanswered_table",
            [
                self.tr("발송"),
                self.tr("사례번호"),
                self.tr("기관"),
                self.tr("상태"),
                self.tr("문서번호"),
            ],
            self.unanswered_box,
            settings,
        )
        QVBoxLayout(self.unanswered_box).addWidget(self.unanswered_table)
        grid.addWidget(self.new_cases_box, 0, 0, 1, 2)
        grid.addWidget(self.due_box, 1, 0)
        grid.addWidget(self.unanswered_box, 1, 1)
        layout.addLayout(grid, 1)

        for table in self._tables():
            table.itemActivated.connect(self._on_table_item_activated)
        self.refresh_button.clicked.connect(self.refresh)
        self.resume_draft_button.clicked.connect(self.draft_resume_requested)

    def _tables(self) -> list[QTableWidget]:
        return [self.new_cases_table, self.due_table, self.unanswered_table]

    def save_layout(self) -> None:
        for table in self._tables():
            save_header(self._settings, table)

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
        for table, rows, first in (
            (self.due_table, data.due, lambda r: date_text(r.follow_up_due)),
            (self.unanswered_table, data.unanswered, lambda r: stored_time_text(r.sent_at)[:10]),
        ):
            table.setRowCount(0)
            for r in rows:
                append_row(
                    table,
                    [
                        first(r),
                        r.case_number,
                        r.agency_name,
                        referral_status_label(r.status),
                        r.document_number,
                    ],
                    {CaseIdRole: r.case_id},
                )
        for table in self._tables():
            resize_to_contents(table)
        self.new_cases_box.setTitle(
            self.tr("오늘 접수한 사례 (%1건)").replace("%1", str(len(data.new_cases)))
        )
        self.due_box.setTitle(
            self.tr("후속 확인할 연계(기한 도래·경과) (%1건)").replace("%1", str(len(data.due)))
        )
        self.unanswered_box.setTitle(
            self.tr("7일 넘게 회신 없는 연계 (%1건)").replace("%1", str(len(data.unanswered)))
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
    def _on_table_item_activated(self, item: QTableWidgetItem) -> None:
        case_id = item.data(CaseIdRole)
        if case_id is not None:
            self.case_opened.emit(case_id)
