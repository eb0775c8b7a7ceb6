"""A single line of text drawn without reportlab's Paragraph machinery.

Most text in these documents is one short line: headings, notes, list items. A Paragraph
parses markup with an HTML parser and runs the line breaker for each of them, which made a
14-letter packet twice as slow as the 150 ms the front desk can wait. ``text_flowable``
returns this cheap flowable when the text provably fits on one line, and a Paragraph
otherwise, so wrapping and page splitting still work for long text.
"""

from __future__ import annotations

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

from onestop_desk.reports._text import DASH, markup, needs_fallback, plain


class TextLine(Flowable):
    """One line of plain text in a paragraph style, placed as a Paragraph would place it."""

    def __init__(self, text: str, style: ParagraphStyle, bullet: str | None = None) -> None:
        super().__init__()
        self.text = text
        self.style = style
        self.bullet = bullet
        self.keepWithNext = getattr(style, "keepWithNext", 0)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = self.style.leading
        return self.width, self.height

    def getSpaceBefore(self) -> float:
        return float(self.style.spaceBefore)

    def getSpaceAfter(self) -> float:
        return float(self.style.spaceAfter)

    def draw(self) -> None:
        style, canvas = self.style, self.canv
        # Paragraph puts the first baseline one font size below the top of its box.
        baseline = self.height - style.fontSize
        canvas.setFillColor(style.textColor)
        if self.bullet:
            canvas.setFont(style.bulletFontName, style.bulletFontSize)
            canvas.drawString(style.bulletIndent, baseline, self.bullet)
        canvas.setFont(style.fontName, style.fontSize)
        left, right = style.leftIndent, self.width - style.rightIndent
        if style.alignment == TA_CENTER:
            canvas.drawCentredString((left + right) / 2, baseline, self.text)
        elif style.alignment == TA_RIGHT:
            canvas.drawRightString(right, baseline, self.text)
        else:
            canvas.drawString(left, baseline, self.text)


def text_flowable(
    value: object, style: ParagraphStyle, width: float, bullet: str | None = None
) -> Flowable:
    """User text as a TextLine when it fits on one line of ``width`` in the style's font,
    else a Paragraph (which also sets what that font lacks in the fallback font)."""
    text = plain(value).strip() or DASH
    room = width - style.leftIndent - style.rightIndent - style.firstLineIndent
    if (
        "\n" not in text
        and not needs_fallback(text)
        and stringWidth(text, style.fontName, style.fontSize) <= room
    ):
        return TextLine(text, style, bullet)
    return Paragraph(markup(text, style.fontName), style, bulletText=bullet)
