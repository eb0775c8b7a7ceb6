"""Paragraph styles and colours shared by the documents.

Office documents (letters, forms, summaries) use 10.5 pt body text; the take-home sheet is
read by people in distress, often older or with poor eyesight, so it uses 15 pt and up.
Colours stay dark and few because letters are faxed and photocopied.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from onestop_desk.reports.fonts import FONT_BOLD, FONT_REGULAR

INK = colors.HexColor("#111111")
MUTED = colors.HexColor("#555555")
RULE = colors.HexColor("#8a8a8a")
LABEL_FILL = colors.HexColor("#eeeeee")
URGENT = colors.HexColor("#b00000")

# bulletFontName defaults to Helvetica, which has no □ and prints a black box instead.
BODY = ParagraphStyle(
    "Body",
    fontName=FONT_REGULAR,
    bulletFontName=FONT_REGULAR,
    fontSize=10.5,
    leading=15,
    textColor=INK,
    spaceAfter=3,
)
CELL = ParagraphStyle("Cell", parent=BODY, leading=14, spaceAfter=0)
CELL_LABEL = ParagraphStyle("CellLabel", parent=CELL, fontName=FONT_BOLD)
CELL_EMPHASIS = ParagraphStyle("CellEmphasis", parent=CELL_LABEL, fontSize=14, leading=19)
# Lists with up to six columns use a smaller face so Korean words are not broken mid-word.
TABLE_CELL = ParagraphStyle("TableCell", parent=CELL, fontSize=9, leading=12.5)
TABLE_HEAD = ParagraphStyle("TableHead", parent=TABLE_CELL, fontName=FONT_BOLD)
SMALL = ParagraphStyle("Small", parent=BODY, fontSize=9, leading=12.5, textColor=MUTED)
NOTE = ParagraphStyle("Note", parent=SMALL, spaceBefore=2)
BULLET = ParagraphStyle("Bullet", parent=BODY, leftIndent=14, bulletIndent=3, bulletFontSize=10.5)
TITLE = ParagraphStyle(
    "Title",
    parent=BODY,
    fontName=FONT_BOLD,
    fontSize=20,
    leading=26,
    alignment=TA_CENTER,
    spaceAfter=8,
)
HEADING = ParagraphStyle(
    "Heading",
    parent=BODY,
    fontName=FONT_BOLD,
    fontSize=12,
    leading=16,
    spaceBefore=8,
    spaceAfter=4,
)
RIGHT = ParagraphStyle("Right", parent=BODY, alignment=TA_RIGHT)
CENTER = ParagraphStyle("Center", parent=BODY, alignment=TA_CENTER)
WARNING = ParagraphStyle(
    "Warning", parent=CELL, fontName=FONT_BOLD, alignment=TA_CENTER, textColor=URGENT
)

# The take-home sheet.
LARGE = ParagraphStyle("Large", parent=BODY, fontSize=15, leading=22, spaceAfter=4)
LARGE_CELL = ParagraphStyle("LargeCell", parent=LARGE, spaceAfter=0)
LARGE_LABEL = ParagraphStyle("LargeLabel", parent=LARGE_CELL, fontName=FONT_BOLD)
LARGE_BULLET = ParagraphStyle(
    "LargeBullet", parent=LARGE_CELL, leftIndent=20, bulletIndent=2, bulletFontSize=15
)
LARGE_TITLE = ParagraphStyle(
    "LargeTitle",
    parent=LARGE,
    fontName=FONT_BOLD,
    fontSize=26,
    leading=34,
    alignment=TA_CENTER,
    spaceAfter=10,
)
LARGE_HEADING = ParagraphStyle(
    "LargeHeading",
    parent=LARGE,
    fontName=FONT_BOLD,
    fontSize=18,
    leading=26,
    spaceBefore=6,
    spaceAfter=4,
)
