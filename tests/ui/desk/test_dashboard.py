"""The statistics dashboard: real services on a real store, real widgets."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt

from helpers.korean_typing import type_text
from helpers.screens import language
from onestop_desk.domain.records import CaseFilter
from onestop_desk.domain.vocab import IntakeChannel
from onestop_desk.ui.desk.dashboard import (
    DashboardWidget,
    StatLine,
    StatPanel,
    StatTableModel,
)
from onestop_desk.ui.kit.bar_chart import Bar, BarChart
from onestop_desk.ui.kit.item_roles import CaseFilterRole

TODAY = date(2026, 11, 25)


def _make(qtbot, services) -> DashboardWidget:  # type: ignore[no-untyped-def]
    dashboard = DashboardWidget(services, today=TODAY)
    qtbot.addWidget(dashboard)
    dashboard.resize(900, 700)
    dashboard.show()
    return dashboard


def _load(qtbot, dashboard: DashboardWidget) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(dashboard.report_loaded, timeout=10000):
        qtbot.mouseClick(dashboard.refresh_button, Qt.MouseButton.LeftButton)
    dashboard.runner.wait()


@pytest.fixture
def cases(world):  # type: ignore[no-untyped-def]
    world.new_case(name="김하나", crimes=("stalking",))
    world.new_case(name="이둘", crimes=("stalking", "assault"))
    world.new_case(name="박셋", crimes=("voice_phishing",), statistics_consent=False)
    return world


def _panel(dashboard: DashboardWidget, name: str) -> StatPanel:
    panel = dashboard.findChild(StatPanel, name)
    assert panel is not None, name
    return panel


def _rows(panel: StatPanel) -> dict[str, str]:
    model = panel.model
    return {model.index(r, 0).data(): model.index(r, 1).data() for r in range(model.rowCount())}


def test_stat_table_model_passes_the_model_tester(qtmodeltester):
    model = StatTableModel()
    model.set_lines(
        [StatLine("방문", 3, CaseFilter(intake_channel=IntakeChannel.VISIT)), StatLine("전화", 1)],
        4,
    )
    qtmodeltester.check(model)
    assert model.index(0, 2).data() == "75.0%"
    assert model.index(0, 0).data(CaseFilterRole) == CaseFilter(intake_channel=IntakeChannel.VISIT)
    model.set_lines([], None)
    qtmodeltester.check(model)


def test_widgets_are_named_after_their_attributes(cases, qtbot):
    dashboard = _make(qtbot, cases.lead)
    for name in ("from_date_edit", "to_date_edit", "refresh_button", "status_label"):
        assert getattr(dashboard, name).objectName() == name
    for key in DashboardWidget.PANELS:
        assert getattr(dashboard, f"{key}_panel").objectName() == f"{key}_panel"
    assert dashboard.from_date_edit.text() == "2026-11-01"
    assert dashboard.to_date_edit.text() == "2026-11-25"


def test_team_lead_sees_raw_counts_without_refused_cases(cases, qtbot):
    dashboard = _make(qtbot, cases.lead)
    _load(qtbot, dashboard)
    summary = _rows(dashboard.summary_panel)
    assert summary["신규 접수 사례"] == "2"  # the refused case is not there
    buckets = _rows(_panel(dashboard, "crime_buckets_panel"))
    assert buckets["스토킹"] == "2"
    assert buckets["살인 등 강력"] == "1"
    assert buckets["재산"] == "0"
    channels = _rows(_panel(dashboard, "intake_channels_panel"))
    assert channels["방문"] == "2"  # raw, not "<5": this is the team lead's own screen
    chart = _panel(dashboard, "crime_buckets_panel").chart
    assert [b.value for b in chart.bars()] == [0, 1, 2, 0, 0]


def test_clicking_a_bar_asks_for_the_matching_case_list(cases, qtbot):
    dashboard = _make(qtbot, cases.lead)
    _load(qtbot, dashboard)
    chart = _panel(dashboard, "crime_buckets_panel").chart
    stalking = [b.label for b in chart.bars()].index("스토킹")
    with qtbot.waitSignal(dashboard.case_list_requested) as blocker:
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=chart.bar_rect(stalking).center())
    wanted = CaseFilter(
        crime_bucket="stalking",
        intake_from=date(2026, 11, 1),
        intake_to=TODAY,
        statistics_only=True,
    )
    assert blocker.args == [wanted]
    # The list it opens holds exactly the counted cases.
    assert len(cases.lead.cases.list_ids(wanted)) == 2


def test_double_click_on_a_table_row_opens_the_list_too(cases, qtbot):
    dashboard = _make(qtbot, cases.lead)
    _load(qtbot, dashboard)
    view = _panel(dashboard, "intake_channels_panel").table_view
    index = view.model().index(0, 0)
    with qtbot.waitSignal(dashboard.case_list_requested) as blocker:
        view.activated.emit(index)
    assert blocker.args[0].intake_channel is IntakeChannel.VISIT


def test_administrators_see_figures_but_open_no_case_list(cases, qtbot):
    dashboard = _make(qtbot, cases.admin)
    _load(qtbot, dashboard)
    chart = _panel(dashboard, "crime_buckets_panel").chart
    assert not any(b.clickable for b in chart.bars())
    with qtbot.assertNotEmitted(dashboard.case_list_requested):
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=chart.bar_rect(2).center())


def test_counselor_is_told_no(cases, qtbot):
    dashboard = _make(qtbot, cases.c1)
    qtbot.mouseClick(dashboard.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dashboard.refresh_button.isEnabled(), timeout=10000)
    dashboard.runner.wait()
    assert dashboard.status_label.text()
    assert _panel(dashboard, "crime_buckets_panel").model.rowCount() == 0


def test_reversed_period_is_caught_before_querying(cases, qtbot):
    dashboard = _make(qtbot, cases.lead)
    type_text(dashboard.from_date_edit, "2026-11-20", clear=True)
    type_text(dashboard.to_date_edit, "20261101", clear=True)
    with qtbot.assertNotEmitted(dashboard.report_loaded):
        qtbot.mouseClick(dashboard.refresh_button, Qt.MouseButton.LeftButton)
    assert dashboard.status_label.text()
    assert dashboard.runner.idle


def test_period_is_typed_and_a_wrong_date_is_explained(cases, qtbot):
    dashboard = _make(qtbot, cases.lead)
    type_text(dashboard.from_date_edit, "2026.11.1", clear=True)
    type_text(dashboard.to_date_edit, "2026-13-40", clear=True)
    with qtbot.assertNotEmitted(dashboard.report_loaded):
        qtbot.keyClick(dashboard.to_date_edit, Qt.Key.Key_Return)
    assert dashboard.status_label.text() == "날짜는 2024-07-22 처럼 입력해 주세요."
    type_text(dashboard.to_date_edit, "20261125", clear=True)
    with qtbot.waitSignal(dashboard.report_loaded, timeout=10000):
        qtbot.keyClick(dashboard.to_date_edit, Qt.Key.Key_Return)
    dashboard.runner.wait()
    assert dashboard.period() == (date(2026, 11, 1), TODAY)


def test_directory_breakdowns_are_in_the_ui_language(cases, qtbot, qapp):
    crime = next(c for c in cases.lead.directory.crime_types() if c.code == "stalking")
    assert crime.name_en and crime.name_en != crime.name
    with language(qapp, "en"):
        dashboard = _make(qtbot, cases.lead)
        _load(qtbot, dashboard)
        crimes = _rows(_panel(dashboard, "crime_types_panel"))
        areas = _panel(dashboard, "support_areas_panel").model
        area_labels = [areas.index(r, 0).data() for r in range(areas.rowCount())]
    assert crimes[crime.name_en] == "2"
    assert crime.name not in crimes
    assert area_labels and not any("\uac00" <= ch <= "\ud7a3" for t in area_labels for ch in t)


def test_bar_chart_maps_clicks_to_bars(qtbot):
    chart = BarChart()
    qtbot.addWidget(chart)
    chart.resize(300, 100)
    chart.set_bars([Bar("가", 10, True), Bar("나", 0, True), Bar("다", 5, False)])
    chart.show()
    assert chart.bar_rect(0).width() > chart.bar_rect(2).width() > chart.bar_rect(1).width()
    with qtbot.waitSignal(chart.bar_clicked) as blocker:
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=chart.bar_rect(1).center())
    assert blocker.args == [1]
    with qtbot.assertNotEmitted(chart.bar_clicked):
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=chart.bar_rect(2).center())
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=QPoint(2, 2))
    chart.grab()  # paints without error
