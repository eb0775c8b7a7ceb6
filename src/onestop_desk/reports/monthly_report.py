"""통계 보고서: the monthly (or any period's) report of the published statistics.

Takes a ``PublishedReport`` only, so every number on it has been through suppression. Each
breakdown is a table with a bar chart beside it (reportlab's own charts); a hidden count is
drawn as an empty bar labelled "<5" or "x", never at its real length.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table

from onestop_desk.domain.statistics_suppression import Cell, PublishedReport, PublishedTable
from onestop_desk.reports import styles
from onestop_desk.reports._doc import FRAME_WIDTH, DocumentPart, Footer, Metadata, build_pdf
from onestop_desk.reports._layout import (
    bullets,
    field_table,
    grid_table,
    layout_style,
    para,
    section,
)
from onestop_desk.reports._text import fmt_date, in_one_font, one_line
from onestop_desk.reports.fonts import FONT_REGULAR, register_fonts
from onestop_desk.reports.stats_export import TOTAL_LABEL, period_text

TITLE = "범죄피해자 지원 통계 보고"
NOTICE = "집계 자료 · 5 미만 비공개"
# Longer breakdowns (the programme catalogue) get the table alone: a chart of 40 bars
# would not fit beside it on one page and says little.
CHART_MAX_ROWS = 22
TABLE_SHARE = 0.5
ROW_HEIGHT = 16.5  # points per category in a chart, about one table row
CHART_LABEL_WIDTH = 92
CHART_FONT_SIZE = 7.5
BAR_COLOR = colors.HexColor("#4a6fa5")


def render_monthly_report(
    report: PublishedReport, *, printed_by: str, printed_at: datetime
) -> bytes:
    register_fonts()  # text is measured while the story is built
    story: list[Flowable] = [
        para(TITLE, styles.TITLE),
        field_table(
            [
                ("기간", period_text(report)),
                ("작성 기준일", fmt_date(report.as_of)),
            ]
        ),
        *section("집계 기준"),
        *bullets(report.notes, style=styles.SMALL),
        *section(report.summary.title),
        _values_table(report.summary, FRAME_WIDTH),
    ]
    for number, table in enumerate(report.tables, start=1):
        title = f"{number}. {table.title}"
        if table.note:
            title += f" ({table.note})"
        story += [*section(title), _table_with_chart(table)]
    footer = Footer(printed_by, printed_at, NOTICE, f"통계 {period_text(report)}")
    metadata = Metadata(title=f"{TITLE} {period_text(report)}", author="OneStop Desk")
    return build_pdf([DocumentPart(story=story, footer=footer)], metadata)


def _value_text(value: Cell) -> str:
    return f"{value:,}" if isinstance(value, int) else str(value)


def _values_table(table: PublishedTable, width: float) -> Table:
    unit = f" ({table.unit})" if table.unit else ""
    rows: list[Sequence[str]] = [(r.label, _value_text(r.value)) for r in table.rows]
    if table.total is not None:
        rows.append((TOTAL_LABEL, _value_text(table.total)))
    value_width = 24 * mm
    grid = grid_table(("항목", f"값{unit}"), rows, (width - value_width, value_width))
    grid.setStyle([("ALIGN", (1, 1), (1, -1), "RIGHT")])
    return grid


def _table_with_chart(table: PublishedTable) -> Flowable:
    if len(table.rows) > CHART_MAX_ROWS:
        return _values_table(table, FRAME_WIDTH)
    left = FRAME_WIDTH * TABLE_SHARE
    right = FRAME_WIDTH - left
    layout = Table(
        [[_values_table(table, left - 4 * mm), bar_chart(table, right)]],
        colWidths=[left, right],
        hAlign="LEFT",
    )
    layout.setStyle(layout_style())
    return layout


def bar_chart(table: PublishedTable, width: float) -> Drawing:
    """Horizontal bars in the table's order (top to bottom); hidden counts have no bar."""
    # reportlab draws the first category at the bottom; reverse so the chart reads like the
    # table next to it.
    rows = list(reversed(table.rows))
    height = max(len(rows), 1) * ROW_HEIGHT + 20
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x = CHART_LABEL_WIDTH
    chart.y = 14
    chart.width = width - CHART_LABEL_WIDTH - 22
    chart.height = height - 20
    values = [row.value if isinstance(row.value, int) else 0 for row in rows]
    chart.data = [values]
    # A chart label is drawn in one font; the table beside it has the whole label.
    chart.categoryAxis.categoryNames = [
        in_one_font(one_line(row.label.strip(), 14)) for row in rows
    ]
    chart.categoryAxis.labels.fontName = FONT_REGULAR
    chart.categoryAxis.labels.fontSize = CHART_FONT_SIZE
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -3
    chart.categoryAxis.tickLeft = 0
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max([*values, 5]) * 1.1
    chart.valueAxis.labels.fontName = FONT_REGULAR
    chart.valueAxis.labels.fontSize = CHART_FONT_SIZE
    chart.valueAxis.visibleGrid = False
    chart.valueAxis.labelTextFormat = lambda v: f"{v:,.0f}"
    chart.bars[0].fillColor = BAR_COLOR
    chart.bars[0].strokeColor = None
    chart.barWidth = 8
    chart.barLabelFormat = "values"  # take the texts of barLabelArray
    chart.barLabelArray = [[_value_text(row.value) for row in rows]]
    chart.barLabels.fontName = FONT_REGULAR
    chart.barLabels.fontSize = CHART_FONT_SIZE
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    return drawing
