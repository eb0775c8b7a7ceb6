"""Building blocks the documents share: headings, label/value tables, lists, tick boxes."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TypeAlias

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Table, TableStyle

from onestop_desk.reports import styles
from onestop_desk.reports._doc import FRAME_WIDTH
from onestop_desk.reports._line import TextLine, text_flowable
from onestop_desk.reports._text import DASH, markup, needs_fallback, plain
from onestop_desk.reports.fonts import FONT_REGULAR

WITHHELD_NOTE = "동의 범위 밖 항목은 기재하지 않음"
# NanumGothic has no U+2610 (☐); U+25A1 (□) is in the font and is what Korean forms use.
BOX = "□"

Cell: TypeAlias = str | Flowable | list[Flowable]
CELL_PADDING_X = 10  # left + right cell padding, points
_SECTION_MIN_ROOM = 30 * mm
_CELL_ATTRIBUTES = (
    ("FONTNAME", "fontName"),
    ("FONTSIZE", "fontSize"),
    ("LEADING", "leading"),
    ("TEXTCOLOR", "textColor"),
)
Row: TypeAlias = tuple[str, Cell]


def heading(
    text: str, style: ParagraphStyle = styles.HEADING, width: float = FRAME_WIDTH
) -> Flowable:
    return text_flowable(text, style, width)


def section(title: str) -> list[Flowable]:
    """A section heading that never sits alone at the foot of a page.

    A page break when less than a few rows' room is left, rather than keepWithNext: that
    would drag the whole following table to the next page and leave half a page empty.
    """
    return [CondPageBreak(_SECTION_MIN_ROOM), heading(title)]


def para(text: object, style: ParagraphStyle = styles.BODY, width: float = FRAME_WIDTH) -> Flowable:
    """Plain text (user text included: nothing in it is read as markup)."""
    return text_flowable(text, style, width)


def field_table(
    rows: Sequence[Row],
    *,
    label_width: float = 34 * mm,
    label_style: ParagraphStyle = styles.CELL_LABEL,
    value_style: ParagraphStyle = styles.CELL,
    width: float = FRAME_WIDTH,
) -> Table:
    """Labels on the left, values on the right.

    Values given as ``str`` are user text and get escaped; pass a Paragraph for prepared
    markup. Long values become Paragraphs so they wrap, and ``splitInRow`` lets one huge
    value continue on the next page instead of failing the layout.
    """
    widths = (label_width, width - label_width)
    cell_styles = (label_style, value_style)
    data = [text_row((label, value), widths, cell_styles) for label, value in rows]
    table = Table(data, colWidths=list(widths), splitByRow=1, splitInRow=1, hAlign="LEFT")
    table.setStyle(grid_style(cell_styles, label_column=True))
    return table


def grid_table(
    header: Sequence[str],
    rows: Iterable[Sequence[Cell]],
    col_widths: Sequence[float],
    style: ParagraphStyle = styles.TABLE_CELL,
    head_style: ParagraphStyle = styles.TABLE_HEAD,
) -> Table:
    """A list with a header row that repeats on every page the table spans."""
    widths = tuple(col_widths)
    data = [text_row(header, widths, (head_style,) * len(widths))]
    data.extend(text_row(row, widths, (style,) * len(widths)) for row in rows)
    table = Table(
        data,
        colWidths=list(widths),
        repeatRows=1,
        splitByRow=1,
        splitInRow=1,
        hAlign="LEFT",
    )
    table_style = grid_style((style,) * len(widths), header_row=True)
    table_style.add("FONTNAME", (0, 0), (-1, 0), head_style.fontName)
    table.setStyle(table_style)
    return table


def text_row(
    cells: Sequence[Cell], widths: Sequence[float], cell_styles: Sequence[ParagraphStyle]
) -> list[Cell]:
    """A table row whose text cells are plain strings where they fit on one line.

    Paragraphs parse markup and break lines; a plain string cell is drawn directly and costs
    a fraction of that, which was most of the render time of a letter. Text that needs
    wrapping becomes a Paragraph. Both put the first baseline one font size below the cell's
    top padding, so mixed rows line up.
    """
    row: list[Cell] = []
    for cell, width, style in zip(cells, widths, cell_styles, strict=True):
        if not isinstance(cell, str):
            row.append(cell)
            continue
        text = _cell_text(cell)
        room = width - CELL_PADDING_X
        if (
            "\n" not in text
            and not needs_fallback(text)
            and stringWidth(text, style.fontName, style.fontSize) <= room
        ):
            row.append(text)
        else:
            row.append(Paragraph(markup(text, style.fontName), style))
    return row


def _cell_text(value: str) -> str:
    # Leading spaces are kept: the blanks of a form ("      년    월    일") are made of them.
    text = plain(value).rstrip()
    return text if text.strip() else DASH


def grid_style(
    column_styles: Sequence[ParagraphStyle] = (),
    *,
    label_column: bool = False,
    header_row: bool = False,
    ruled: bool = True,
) -> TableStyle:
    """Ruled cells; ``column_styles`` set the face of plain-string cells to match Paragraphs."""
    commands: list[tuple[object, ...]] = []
    if not column_styles:
        # Table sets each cell's font even for Paragraph cells; left at its Helvetica
        # default, the page would reference a font the PDF does not embed.
        commands.append(("FONTNAME", (0, 0), (-1, -1), FONT_REGULAR))
    commands += [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING_X / 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING_X / 2),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    # One command per attribute where all columns agree: Table applies every command to
    # every cell it covers, and a letter has some 150 tables.
    for command, attribute in _CELL_ATTRIBUTES:
        values = [getattr(st, attribute) for st in column_styles]
        if values and all(value == values[0] for value in values):
            commands.append((command, (0, 0), (-1, -1), values[0]))
            continue
        for column, value in enumerate(values):
            commands.append((command, (column, 0), (column, -1), value))
    if ruled:
        commands.append(("GRID", (0, 0), (-1, -1), 0.5, styles.RULE))
    if label_column:
        commands.append(("BACKGROUND", (0, 0), (0, -1), styles.LABEL_FILL))
    if header_row:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), styles.LABEL_FILL))
    return TableStyle(commands)


def layout_style() -> TableStyle:
    """For tables that only place other flowables side by side: no rules, no padding."""
    return TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), FONT_REGULAR),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ]
    )


def bullets(
    items: Iterable[str],
    *,
    style: ParagraphStyle = styles.BULLET,
    mark: str = "•",
    empty: str = DASH,
    width: float = FRAME_WIDTH,
) -> list[Flowable]:
    """One line per non-empty item; a single ``empty`` line when there are none."""
    texts = [t for t in (plain(i).strip() for i in items) if t]
    if not texts:
        return [text_flowable(empty, style, width)]
    return [text_flowable(t, style, width, bullet=mark) for t in texts]


def tick_boxes(*labels: str) -> str:
    """A row of empty boxes to tick by hand, as plain text: "□ 동의함    □ 동의하지 않음"."""
    return "    ".join(f"{BOX} {label}" for label in labels)


def withheld_note() -> Flowable:
    return TextLine(WITHHELD_NOTE, styles.NOTE)
