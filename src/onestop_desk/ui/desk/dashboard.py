"""The statistics dashboard for team leads and administrators.

``DashboardWidget(services, runner=None)`` takes the logged-in account's ``Services`` (it calls
``services.statistics.summary``, which refuses counselors) and, optionally, the main window's
``TaskRunner`` so its queries queue behind the other database jobs; without one it makes its
own. It shows raw counts: this is the team lead's own screen, inside the application.
Anything exported goes through ``services.statistics.export``, which suppresses small counts.

Signals:

- ``case_list_requested(CaseFilter)``: a bar (or a table row, by double-click or Enter) of a
  breakdown that maps onto the case list was chosen (crime bucket, crime type, intake
  channel, new cases, follow-ups overdue). The filter holds exactly the cases the bar
  counts (intake dates of the period, refused cases left out). Emitted only for accounts
  that may open case lists (team leads); administrators see the figures, not the cases.
- ``report_loaded(StatsReport)``: new figures are on screen.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from onestop_desk.domain.access import Permission
from onestop_desk.domain.errors import FieldError
from onestop_desk.domain.records import CaseFilter, StatsReport, StatTable
from onestop_desk.domain.vocab import Gender, IntakeChannel, ReferralStatus
from onestop_desk.services import Services
from onestop_desk.ui.kit.bar_chart import Bar, BarChart
from onestop_desk.ui.kit.item_roles import CaseFilterRole, CountRole
from onestop_desk.ui.kit.messages import (
    bucket_label,
    date_text,
    error_text,
    field_error_text,
    gender_label,
    intake_channel_label,
    localized_name,
    referral_status_label,
)
from onestop_desk.ui.kit.table_model import Column, RecordTableModel
from onestop_desk.ui.kit.tasks import TaskRunner
from onestop_desk.ui.kit.widgets import DateParseError, make_date_edit, parse_date


@dataclass(frozen=True)
class StatLine:
    """One row on screen: words, the raw count, and the case list it opens (if any)."""

    label: str
    count: int
    case_filter: CaseFilter | None = None


class StatTableModel(RecordTableModel[StatLine]):
    """항목 / 수 / 비율 for one breakdown; the share column only for additive tables."""

    LABEL, COUNT, SHARE = range(3)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._total: int | None = None
        openable = self.tr("두 번 누르면 해당 사례 목록을 엽니다")
        self.declare(
            [
                Column(
                    self.tr("항목"),
                    lambda line: line.label,
                    tooltip=lambda line: openable if line.case_filter is not None else None,
                ),
                Column(self.tr("수"), lambda line: f"{line.count:,}", align_right=True),
                Column(self.tr("비율"), self._share, align_right=True),
            ],
            {CaseFilterRole: lambda line: line.case_filter, CountRole: lambda line: line.count},
        )

    def set_lines(self, lines: Sequence[StatLine], total: int | None) -> None:
        self._total = total
        self.set_records(lines)

    def line(self, row: int) -> StatLine:
        return self.record(row)

    def _share(self, line: StatLine) -> str:
        return f"{100 * line.count / self._total:.1f}%" if self._total else ""


class StatPanel(QWidget):
    """A titled table with its bar chart beside it."""

    line_chosen = Signal(int)

    def __init__(self, name: str, *, chart: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.title_label = QLabel(self)
        self.title_label.setObjectName("title_label")
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.model = StatTableModel(self)
        self.table_view = QTableView(self)
        self.table_view.setObjectName("table_view")
        self.table_view.setModel(self.model)
        self.table_view.verticalHeader().hide()
        self.table_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table_view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table_view.horizontalHeader().setStretchLastSection(False)
        self.table_view.activated.connect(self._on_table_view_activated)
        self.chart = BarChart(self)
        self.chart.setObjectName("chart")
        self.chart.setVisible(chart)
        self.chart.bar_clicked.connect(self.line_chosen)
        body = QHBoxLayout()
        body.addWidget(self.table_view, 1)
        body.addWidget(self.chart, 1, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title_label)
        layout.addLayout(body)

    def show_lines(
        self, title: str, lines: Sequence[StatLine], total: int | None, *, openable: bool = True
    ) -> None:
        """``openable``: whether this account may open the case lists the lines point to."""
        self.title_label.setText(title)
        self.model.set_lines(lines, total)
        self.table_view.resizeColumnsToContents()
        rows = max(len(lines), 1)
        header = self.table_view.horizontalHeader().height()
        row_height = self.table_view.verticalHeader().defaultSectionSize()
        self.table_view.setMinimumHeight(min(header + rows * row_height + 4, 420))
        self.chart.set_bars(
            [
                Bar(line.label, line.count, openable and line.case_filter is not None)
                for line in lines
            ]
        )

    @Slot(QModelIndex)
    def _on_table_view_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.line_chosen.emit(index.row())


class DashboardWidget(QWidget):
    """See the module docstring."""

    case_list_requested = Signal(object)  # CaseFilter
    report_loaded = Signal(object)  # StatsReport

    PANELS = (
        "crime_buckets",
        "crime_types",
        "intake_channels",
        "support_areas",
        "programmes",
        "referral_agencies",
        "referral_statuses",
        "age_bands",
        "genders",
        "nationalities",
        "disabilities",
    )

    def __init__(
        self,
        services: Services,
        runner: TaskRunner | None = None,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard")
        self._services = services
        self.runner = runner or TaskRunner(self, progress_parent=self)
        self._report: StatsReport | None = None
        self._may_open_cases = services.may(Permission.WORK_ON_CASES)
        self._names: dict[str, dict[str, str]] = {}
        day = today or services.context.clock.today()

        # Typed dates (2026-11-01, 20261101, 2026.11.1), like every other date in the program.
        self.from_date_edit = make_date_edit("from_date_edit", self)
        self.from_date_edit.setText(date_text(day.replace(day=1)))
        self.to_date_edit = make_date_edit("to_date_edit", self)
        self.to_date_edit.setText(date_text(day))
        for edit in (self.from_date_edit, self.to_date_edit):
            edit.returnPressed.connect(self._on_refresh_button_clicked)
        self.refresh_button = QPushButton(self.tr("조회"), self)
        self.refresh_button.setObjectName("refresh_button")
        self.refresh_button.clicked.connect(self._on_refresh_button_clicked)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("status_label")
        self.status_label.setWordWrap(True)
        self.note_label = QLabel(
            self.tr(
                "화면의 수는 가리지 않은 내부 집계입니다. 통계 활용에 동의하지 않은 사례는 "
                "빠져 있습니다. 내보내는 파일에는 5 미만의 수가 '<5'로 표시됩니다."
            ),
            self,
        )
        self.note_label.setObjectName("note_label")
        self.note_label.setWordWrap(True)

        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("기간"), self))
        controls.addWidget(self.from_date_edit)
        controls.addWidget(QLabel("~", self))
        controls.addWidget(self.to_date_edit)
        controls.addWidget(self.refresh_button)
        controls.addWidget(self.status_label, 1)

        self.summary_panel = StatPanel("summary_panel", chart=False)
        self.summary_panel.line_chosen.connect(lambda row: self._on_line_chosen("summary", row))
        grid = QGridLayout()
        grid.addWidget(self.summary_panel, 0, 0, 1, 2)
        for position, key in enumerate(self.PANELS):
            panel = StatPanel(f"{key}_panel", chart=key != "programmes")
            panel.line_chosen.connect(lambda row, key=key: self._on_line_chosen(key, row))
            setattr(self, f"{key}_panel", panel)
            span = 2 if key in ("crime_types", "programmes") else 1
            row = 1 + position
            grid.addWidget(panel, row, 0, 1, span)
        content = QWidget()
        content.setLayout(grid)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setObjectName("scroll_area")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(content)

        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.note_label)
        layout.addWidget(self.scroll_area, 1)

    # --- loading ----------------------------------------------------------------------------

    def period(self) -> tuple[date, date] | None:
        """The typed period, or ``None`` (with the reason on screen) when a date is not one."""
        try:
            start = parse_date(self.from_date_edit.text())
            end = parse_date(self.to_date_edit.text())
        except DateParseError:
            start = end = None
        if start is None or end is None:
            self.status_label.setText(
                field_error_text(FieldError("statistics.period", "invalid_date"))
            )
            return None
        return start, end

    def refresh(self) -> None:
        """Query the typed period (off the UI thread)."""
        period = self.period()
        if period is None:
            return
        start, end = period
        if start > end:
            self.status_label.setText(self.tr("시작일이 종료일보다 늦습니다."))
            return
        self.refresh_button.setEnabled(False)
        self.status_label.setText(self.tr("집계하는 중…"))
        statistics = self._services.statistics
        directory = self._services.directory
        self.runner.run(
            lambda: (statistics.summary(start, end), directory_names(directory)),
            self._on_summary_loaded,
            self._on_summary_failed,
            label=self.tr("통계를 집계하는 중입니다…"),
        )

    @Slot()
    def _on_refresh_button_clicked(self) -> None:
        self.refresh()

    def _on_summary_failed(self, error: BaseException) -> None:
        self.refresh_button.setEnabled(True)
        self.status_label.setText(error_text(error))

    def _on_summary_loaded(self, loaded: tuple[StatsReport, dict[str, dict[str, str]]]) -> None:
        report, self._names = loaded
        self.refresh_button.setEnabled(True)
        self._report = report
        self.status_label.setText(self.tr("{0} 기준").format(report.as_of.isoformat()))
        self.summary_panel.show_lines(
            self.tr("요약"), self._summary_lines(report), None, openable=self._may_open_cases
        )
        for key in self.PANELS:
            table: StatTable = getattr(report, key)
            panel: StatPanel = getattr(self, f"{key}_panel")
            panel.show_lines(
                self._title(key),
                self._lines(table),
                table.total if table.additive else None,
                openable=self._may_open_cases,
            )
        self.report_loaded.emit(report)

    # --- words and filters ------------------------------------------------------------------

    def _period_filter(self, **fields: Any) -> CaseFilter:
        report = self._report
        assert report is not None
        return CaseFilter(
            intake_from=report.period_from,
            intake_to=report.period_to,
            statistics_only=True,
            **fields,
        )

    def _summary_lines(self, report: StatsReport) -> list[StatLine]:
        median = report.first_referral_median_days
        return [
            StatLine(self.tr("이용자(기간 중 지원)"), report.served_persons),
            StatLine(self.tr("신규 이용자"), report.new_persons),
            StatLine(self.tr("계속 이용자"), report.continuing_persons),
            StatLine(self.tr("신규 접수 사례"), report.new_cases, self._period_filter()),
            StatLine(self.tr("전화 문의"), report.phone_inquiries),
            StatLine(self.tr("사례로 전환된 전화 문의"), report.inquiries_to_cases),
            StatLine(
                self.tr("첫 연계 발송까지 일수(중앙값, {0}건 기준)").format(
                    report.first_referral_cases
                ),
                round(median) if median is not None else 0,
            ),
            StatLine(
                self.tr("후속 확인 기한 경과 연계(오늘 기준)"),
                report.overdue_follow_ups,
                CaseFilter(overdue_follow_up=True, statistics_only=True),
            ),
        ]

    def _title(self, key: str) -> str:
        return {
            "crime_buckets": self.tr("범죄 구분별 사례(복수 선택)"),
            "crime_types": self.tr("범죄 유형별 사례(복수 선택)"),
            "intake_channels": self.tr("접수 경로별 사례"),
            "support_areas": self.tr("지원 영역별 사례(복수 선택)"),
            "programmes": self.tr("지원 제도별 사례(복수 선택)"),
            "referral_agencies": self.tr("기관별 연계"),
            "referral_statuses": self.tr("연계 결과(현재 상태)"),
            "age_bands": self.tr("접수 시 연령대"),
            "genders": self.tr("성별"),
            "nationalities": self.tr("국적"),
            "disabilities": self.tr("장애"),
        }[key]

    def _lines(self, table: StatTable) -> list[StatLine]:
        label: Callable[[str, str], str] = self._label_for(table.key)
        to_filter = self._filter_for(table.key)
        return [
            StatLine(label(row.code, row.label), row.count, to_filter(row.code))
            for row in table.rows
        ]

    def _label_for(self, key: str) -> Callable[[str, str], str]:
        if key == "crime_buckets":
            return lambda code, _label: bucket_label(code)
        if key == "intake_channels":
            return lambda code, _label: intake_channel_label(IntakeChannel(code))
        if key == "genders":
            return lambda code, _label: gender_label(Gender(code))
        if key == "referral_statuses":
            return lambda code, _label: referral_status_label(ReferralStatus(code))
        if key in ("age_bands", "nationalities", "disabilities"):
            words = {
                "0-13": self.tr("0–13세"),
                "14-18": self.tr("14–18세"),
                "19-29": self.tr("19–29세"),
                "30-39": self.tr("30–39세"),
                "40-49": self.tr("40–49세"),
                "50-64": self.tr("50–64세"),
                "65+": self.tr("65세 이상"),
                "unknown": self.tr("미상"),
                "domestic": self.tr("대한민국"),
                "foreign": self.tr("외국 국적"),
                "yes": self.tr("장애 있음"),
                "no": self.tr("장애 없음·미기재"),
            }
            return lambda code, label: words.get(code, label)
        names = self._names.get(key, {})
        if key == "programmes":
            area_only = self.tr("제도 미지정(영역만)")
            return lambda code, label: area_only if code == "_area_only" else names.get(code, label)
        # Crime types, support areas, agencies: the directory's name in the UI's language.
        return lambda code, label: names.get(code, label)

    def _filter_for(self, key: str) -> Callable[[str], CaseFilter | None]:
        if key == "crime_buckets":
            return lambda code: self._period_filter(crime_bucket=code)
        if key == "crime_types":
            return lambda code: self._period_filter(crime_type=code)
        if key == "intake_channels":
            return lambda code: self._period_filter(intake_channel=IntakeChannel(code))
        return lambda _code: None

    def _on_line_chosen(self, key: str, row: int) -> None:
        panel: StatPanel = self.summary_panel if key == "summary" else getattr(self, f"{key}_panel")
        case_filter = panel.model.line(row).case_filter
        if case_filter is not None and self._may_open_cases:
            self.case_list_requested.emit(case_filter)


def directory_names(directory: Any) -> dict[str, dict[str, str]]:
    """The directory's names of the breakdowns keyed by code, in the UI's language (the
    statistics carry the stored Korean name; an English screen needs the English one)."""
    return {
        "crime_types": {c.code: localized_name(c) for c in directory.crime_types()},
        "support_areas": {a.code: localized_name(a) for a in directory.support_areas()},
        "programmes": {p.code: localized_name(p) for p in directory.programmes()},
        "referral_agencies": {a.code: localized_name(a) for a in directory.agencies()},
    }
