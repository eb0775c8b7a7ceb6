"""The published (suppressed) statistics as CSV and XLSX files.

Both take a ``PublishedReport`` only, so nothing but suppressed aggregates can reach them.
The CSV is UTF-8 with a byte-order mark: without it, Excel on a Korean Windows reads the
file as CP949 and the Hangul turns to noise.

The labels are text people typed (agency names, crime-type names an administrator edited),
and the files are opened in Excel at the ministry, where a cell must never run anything
(OWASP, CSV injection):

- Every text is cleaned first: control characters (a vertical tab pasted from Word made
  openpyxl raise ``IllegalCharacterError``), lone surrogates (which cannot be encoded),
  invisible direction overrides.
- CSV: a text that starts like a formula (``=``, ``+``, ``-``, ``@``, or a tab or CR before
  one) gets a leading apostrophe, which Excel shows and never evaluates.
- XLSX: such a text is stored as a string cell with Excel's quote prefix set; openpyxl would
  otherwise write ``=…`` as a formula. The cell shows exactly what was typed.
- Counts stay numbers.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from onestop_desk.domain.statistics_suppression import PublishedReport, PublishedTable
from onestop_desk.domain.text import clean_text, csv_row, is_formula_like
from onestop_desk.reports._text import fmt_date

TITLE = "범죄피해자 지원 통계"
HEADER = ("표", "항목", "값", "단위", "비고")
TOTAL_LABEL = "합계(대상 수)"


def period_text(report: PublishedReport) -> str:
    return f"{fmt_date(report.period_from)} ~ {fmt_date(report.period_to)}"


def _sections(report: PublishedReport) -> Iterator[PublishedTable]:
    yield report.summary
    yield from report.tables


def _rows(table: PublishedTable) -> Iterator[tuple[str, str, int | str, str, str]]:
    for row in table.rows:
        yield table.title, row.label.strip(), row.value, table.unit, ""
    if table.total is not None:
        yield table.title, TOTAL_LABEL, table.total, table.unit, table.note


def render_csv(report: PublishedReport) -> bytes:
    """One line per published cell: table, item, value, unit, note."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    lines: list[Iterable[object]] = [
        [TITLE],
        ["기간", period_text(report)],
        ["작성 기준일", fmt_date(report.as_of)],
        *(["안내", note] for note in report.notes),
        [],
        HEADER,
    ]
    for table in _sections(report):
        lines.extend(_rows(table))
    writer.writerows(csv_row(line) for line in lines)
    return buffer.getvalue().encode("utf-8-sig")


def _append(sheet: Worksheet, values: Iterable[object]) -> None:
    """``sheet.append`` for values that may hold typed text: cleaned, and never a formula."""
    values = [clean_text(v) if isinstance(v, str) else v for v in values]
    sheet.append(values)
    for column, value in enumerate(values, start=1):
        if isinstance(value, str) and is_formula_like(value):
            cell = sheet.cell(row=sheet.max_row, column=column)
            cell.data_type = "s"
            cell.quotePrefix = True


def render_xlsx(report: PublishedReport) -> bytes:
    """One sheet: the notes on top, then each table under its own title."""
    book = Workbook()
    sheet = book.active
    sheet.title = "통계"
    bold = Font(bold=True)
    head_fill = PatternFill("solid", fgColor="EEEEEE")
    _append(sheet, [TITLE])
    sheet.cell(row=1, column=1).font = Font(bold=True, size=14)
    _append(sheet, ["기간", period_text(report)])
    _append(sheet, ["작성 기준일", fmt_date(report.as_of)])
    for note in report.notes:
        _append(sheet, ["안내", note])
    for table in _sections(report):
        sheet.append([])
        title = f"{table.title} ({table.note})" if table.note else table.title
        _append(sheet, [title])
        sheet.cell(row=sheet.max_row, column=1).font = bold
        _append(sheet, ["항목", f"값({table.unit})" if table.unit else "값"])
        for column in (1, 2):
            cell = sheet.cell(row=sheet.max_row, column=column)
            cell.font = bold
            cell.fill = head_fill
        for row in table.rows:
            _append(sheet, [row.label.strip(), row.value])
            _align_value(sheet, sheet.max_row)
        if table.total is not None:
            _append(sheet, [TOTAL_LABEL, table.total])
            sheet.cell(row=sheet.max_row, column=1).font = bold
            _align_value(sheet, sheet.max_row)
    sheet.column_dimensions[get_column_letter(1)].width = 44
    sheet.column_dimensions[get_column_letter(2)].width = 14
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _align_value(sheet: Worksheet, row: int) -> None:
    # "<5" and "x" are text; right-aligned like the numbers so the column reads as one.
    sheet.cell(row=row, column=2).alignment = Alignment(horizontal="right")
