"""A small horizontal bar chart drawn with QPainter.

QtCharts would need PySide6-Addons (~100 MB) for what is a few rectangles and labels here.
A click on a bar emits ``bar_clicked(index)``; the owner decides what the bar opens.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

ROW_HEIGHT = 22
BAR_THICKNESS = 14
MARGIN = 6
LABEL_SHARE = 0.4  # at most this much of the width for the category labels
BAR_COLOR = QColor("#4a6fa5")
CLICKABLE_COLOR = QColor("#2f5d9e")


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    clickable: bool = False


class BarChart(QWidget):
    """Bars top to bottom in the given order, each with its label and value."""

    bar_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bars: list[Bar] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)

    def set_bars(self, bars: Sequence[Bar]) -> None:
        self._bars = list(bars)
        self.updateGeometry()
        self.update()

    def bars(self) -> list[Bar]:
        return list(self._bars)

    def sizeHint(self) -> QSize:
        return QSize(320, max(len(self._bars), 1) * ROW_HEIGHT + 2 * MARGIN)

    def minimumSizeHint(self) -> QSize:
        return QSize(160, self.sizeHint().height())

    def _label_width(self) -> int:
        metrics = self.fontMetrics()
        widest = max((metrics.horizontalAdvance(b.label) for b in self._bars), default=0)
        return min(widest + MARGIN, int(self.width() * LABEL_SHARE))

    def _value_room(self) -> int:
        metrics = self.fontMetrics()
        widest = max((metrics.horizontalAdvance(f"{b.value:,}") for b in self._bars), default=0)
        return widest + 2 * MARGIN

    def bar_rect(self, index: int) -> QRect:
        """Where bar ``index`` is drawn (a zero bar still has a sliver to click)."""
        top = MARGIN + index * ROW_HEIGHT + (ROW_HEIGHT - BAR_THICKNESS) // 2
        left = MARGIN + self._label_width()
        room = max(self.width() - left - self._value_room(), 1)
        peak = max((b.value for b in self._bars), default=0) or 1
        length = max(int(room * self._bars[index].value / peak), 2)
        return QRect(left, top, length, BAR_THICKNESS)

    def index_at(self, point: QPoint) -> int | None:
        row = (point.y() - MARGIN) // ROW_HEIGHT
        if 0 <= row < len(self._bars) and point.x() >= MARGIN + self._label_width():
            return int(row)
        return None

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = self.fontMetrics()
        label_width = self._label_width()
        text_color = self.palette().color(self.foregroundRole())
        for index, bar in enumerate(self._bars):
            top = MARGIN + index * ROW_HEIGHT
            label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, label_width - 4)
            painter.setPen(text_color)
            painter.drawText(
                QRect(MARGIN, top, label_width - 4, ROW_HEIGHT),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
            rect = self.bar_rect(index)
            painter.fillRect(rect, CLICKABLE_COLOR if bar.clickable else BAR_COLOR)
            painter.drawText(
                QRect(rect.right() + MARGIN, top, self._value_room(), ROW_HEIGHT),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                f"{bar.value:,}",
            )
        painter.end()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        index = self.index_at(event.position().toPoint())
        clickable = index is not None and self._bars[index].clickable
        self.setCursor(
            Qt.CursorShape.PointingHandCursor if clickable else Qt.CursorShape.ArrowCursor
        )
        super().mouseMoveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        index = self.index_at(event.position().toPoint())
        if (
            event.button() == Qt.MouseButton.LeftButton
            and index is not None
            and self._bars[index].clickable
        ):
            self.bar_clicked.emit(index)
            event.accept()
            return
        super().mousePressEvent(event)
