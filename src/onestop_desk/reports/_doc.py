"""Page setup, the footer, and the build of one PDF from one or more documents.

A packet is several documents in one file, and each must be numbered on its own ("2 / 3"
of this letter, not of the packet) because the letters are separated and sent to different
agencies. The total of a document is only known once it has been laid out, so the canvas
holds every finished page back and draws the footers when the whole file is done.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from reportlab import rl_config
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Table,
)

from onestop_desk.reports import styles
from onestop_desk.reports._text import fmt_datetime, one_line, runs
from onestop_desk.reports.fonts import FONT_BOLD, FONT_REGULAR, register_fonts

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 15 * mm
MARGIN_BOTTOM = 22 * mm
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
FRAME_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
CREATOR = "OneStop Desk"


@dataclass(frozen=True, slots=True)
class Footer:
    """What every page of one document carries at the bottom.

    ``notice`` is the handling rule (bold, left); ``label`` identifies the document (e.g. its
    number, so a stray page can be matched to its letter); on the right, who printed it and
    when. All plain text, never markup.
    """

    printed_by: str
    printed_at: datetime
    notice: str = ""
    label: str = ""


@dataclass(frozen=True, slots=True)
class DocumentPart:
    """One document's flowables and footer; a PDF is built from one or more of these."""

    story: Sequence[Flowable]
    footer: Footer


@dataclass(frozen=True, slots=True)
class Metadata:
    """The PDF's Info dictionary. Never put a person's name here: file managers, print
    queues and search indexes show it without opening the file."""

    title: str
    author: str
    subject: str = ""


class _PartStart(Flowable):
    """Invisible marker at the top of a document: pages from here on belong to part ``index``."""

    def __init__(self, index: int) -> None:
        super().__init__()
        self.index = index

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.current_part = self.index


class _DeferredFooterCanvas(Canvas):
    """Holds each finished page until ``save`` so footers can say "page x of y"."""

    def __init__(self, *args: Any, footers: Sequence[Footer], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.current_part = 0
        self._footers = footers
        self._held_pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        # The page's content stream and resources live in the canvas's attributes; keep a
        # copy and start a fresh page, exactly as Canvas.showPage would minus the emit.
        self._held_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        totals = Counter(page["current_part"] for page in self._held_pages)
        seen: Counter[int] = Counter()
        for page in self._held_pages:
            self.__dict__.update(page)
            seen[self.current_part] += 1
            self._draw_footer(
                self._footers[self.current_part], seen[self.current_part], totals[self.current_part]
            )
            super().showPage()
        super().save()

    def _draw_footer(self, footer: Footer, number: int, total: int) -> None:
        self.saveState()
        rule_y = MARGIN_BOTTOM - 7 * mm
        self.setStrokeColor(styles.RULE)
        self.setLineWidth(0.5)
        self.line(MARGIN_X, rule_y, PAGE_WIDTH - MARGIN_X, rule_y)
        self.setFillColor(styles.INK)
        self.setFont(FONT_REGULAR, 9)
        self.drawCentredString(PAGE_WIDTH / 2, rule_y - 4.5 * mm, f"{number} / {total}")
        text_y = rule_y - 9 * mm
        size = 8
        # Whatever a user typed, the left and right texts are cut to fit and never overlap.
        x = MARGIN_X
        notice = one_line(footer.notice, 40)
        if notice:
            x += self._draw_text(x, text_y, notice, FONT_BOLD, size) + 3 * mm
        label = _fit(one_line(footer.label, 80), size, MARGIN_X + FRAME_WIDTH / 2 - x)
        if label:
            x += self._draw_text(x, text_y, label, FONT_REGULAR, size)
        when = f" {fmt_datetime(footer.printed_at)}"
        room = PAGE_WIDTH - MARGIN_X - x - 6 * mm - text_width(f"출력: {when}", FONT_REGULAR, size)
        printed = f"출력: {_fit(one_line(footer.printed_by, 80), size, room)}{when}"
        self.setFillColor(styles.MUTED)
        right = PAGE_WIDTH - MARGIN_X
        self._draw_text(
            right - text_width(printed, FONT_REGULAR, size), text_y, printed, FONT_REGULAR, size
        )
        self.restoreState()

    def _draw_text(self, x: float, y: float, text: str, font: str, size: float) -> float:
        """Draw plain text at ``x``, each run in a font that has its characters; returns the
        width drawn."""
        start = x
        for face, piece in runs(text, font):
            self.setFont(face, size)
            self.drawString(x, y, piece)
            x += stringWidth(piece, face, size)
        return x - start


def text_width(text: str, font: str, size: float) -> float:
    """Width of plain text as :meth:`_DeferredFooterCanvas._draw_text` draws it."""
    return sum(stringWidth(piece, face, size) for face, piece in runs(text, font))


def _fit(text: str, size: float, width: float) -> str:
    """``text`` shortened with an ellipsis until it is at most ``width`` points wide."""
    if text_width(text, FONT_REGULAR, size) <= width:
        return text
    while text and text_width(text + "…", FONT_REGULAR, size) > width:
        text = text[:-1]
    return text + "…" if text else ""


def _split_rows_anywhere(flowables: Sequence[Flowable]) -> None:
    """Let every table split inside a row that is taller than a page.

    A value can be thousands of characters long (a pasted statement in a name field, an old
    record); a table row that cannot fit on one page failed the whole render with a
    LayoutError. Splitting inside the row keeps every character on paper; tables that fit
    are laid out exactly as before.
    """
    for flowable in flowables:
        if isinstance(flowable, Table):
            flowable.splitInRow = 1
            for row in flowable._cellvalues:
                for cell in row:
                    if isinstance(cell, Flowable):
                        _split_rows_anywhere([cell])
                    elif isinstance(cell, list | tuple):
                        _split_rows_anywhere([c for c in cell if isinstance(c, Flowable)])
        elif isinstance(flowable, KeepTogether):
            _split_rows_anywhere(flowable._content)


def build_pdf(parts: Sequence[DocumentPart], metadata: Metadata) -> bytes:
    """Lay out the parts one after another, each starting on a new page; return the PDF."""
    if not parts:
        raise ValueError("a PDF needs at least one document")
    register_fonts()
    # ASCII85 stream filters make every stream 25 % larger and, without reportlab's optional
    # C accelerator, cost more time than the whole layout of a letter. Binary streams are
    # what every PDF writer emits today. Always the same value, so safe across threads.
    rl_config.useA85 = 0
    story: list[Flowable] = []
    for index, part in enumerate(parts):
        if index:
            story.append(PageBreak())
        story.append(_PartStart(index))
        story.extend(part.story)
    _split_rows_anywhere(story)
    footers = [part.footer for part in parts]

    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=one_line(metadata.title, 200),
        author=one_line(metadata.author, 200),
        subject=one_line(metadata.subject, 200),
        creator=CREATOR,
        producer=CREATOR,
        lang="ko-KR",
        # The canvas's starting font goes into every page's resources; left at its default
        # that is Helvetica, a font the PDF would reference without embedding it.
        initialFontName=FONT_REGULAR,
    )
    frame = Frame(
        MARGIN_X,
        MARGIN_BOTTOM,
        FRAME_WIDTH,
        FRAME_HEIGHT,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])

    def make_canvas(*args: Any, **kwargs: Any) -> _DeferredFooterCanvas:
        return _DeferredFooterCanvas(*args, footers=footers, **kwargs)

    doc.build(story, canvasmaker=make_canvas)
    return buffer.getvalue()
