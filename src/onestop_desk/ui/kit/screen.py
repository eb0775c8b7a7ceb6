"""Windows that fit the desk PC's screen (1024×768 at many centers, a taskbar below).

Every top-level window and dialog goes through :func:`fit_to_screen` when it is shown (the
application installs :class:`ScreenFitter` once): a window larger than the screen's available
area is shrunk to it and moved inside it, so its buttons are never below the taskbar. A
window whose *minimum* size is larger than the screen cannot be fixed here: that is a layout
bug, and ``tests/ui/test_fits_small_screen.py`` finds it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMargins, QObject, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

SMALLEST_SCREEN = QSize(1024, 768)
"""The smallest desk screen the program is made for."""
TASKBAR_HEIGHT = 40
"""Windows' taskbar at 100 % scale; the available area of the smallest screen is below it."""
DECORATION = QMargins(8, 31, 8, 8)
"""A title bar and borders as Windows draws them; used while the real frame is not known yet
(before the first show, and on platforms without one such as ``offscreen``)."""


def smallest_available() -> QRect:
    """The area a window gets on the smallest desk screen."""
    return QRect(0, 0, SMALLEST_SCREEN.width(), SMALLEST_SCREEN.height() - TASKBAR_HEIGHT)


def decoration(window: QWidget) -> QMargins:
    """The frame around ``window``'s client area: the real one, or :data:`DECORATION` when
    the window system has not reported one that large."""
    frame = window.frameGeometry()
    inner = window.geometry()
    real = QMargins(
        inner.left() - frame.left(),
        inner.top() - frame.top(),
        frame.right() - inner.right(),
        frame.bottom() - inner.bottom(),
    )
    return QMargins(
        max(real.left(), DECORATION.left()),
        max(real.top(), DECORATION.top()),
        max(real.right(), DECORATION.right()),
        max(real.bottom(), DECORATION.bottom()),
    )


def fit_to_screen(window: QWidget, available: QRect | None = None) -> QRect:
    """Shrink ``window`` to ``available`` (its screen's available geometry by default) and move
    it inside; returns the frame it will have. Nothing changes for a window that fits."""
    if available is None:
        screen = window.screen() or QGuiApplication.primaryScreen()
        available = screen.availableGeometry()
    margins = decoration(window)
    room = available.marginsRemoved(margins)
    size = window.size()
    if not window.testAttribute(Qt.WidgetAttribute.WA_Resized):
        # Not sized yet: the layout's wish, as show() would use it.
        size = (
            window.sizeHint().expandedTo(window.minimumSizeHint()).expandedTo(window.minimumSize())
        )
    fitted = size.boundedTo(room.size()).expandedTo(window.minimumSize())
    if fitted != window.size():
        window.resize(fitted)
    frame = QSize(
        fitted.width() + margins.left() + margins.right(),
        fitted.height() + margins.top() + margins.bottom(),
    )
    position = window.pos()  # a window's pos() is its frame's corner
    left = min(
        max(position.x(), available.left()),
        max(available.right() - frame.width() + 1, available.left()),
    )
    top = min(
        max(position.y(), available.top()),
        max(available.bottom() - frame.height() + 1, available.top()),
    )
    if (left, top) != (position.x(), position.y()):
        window.move(left, top)
    return QRect(left, top, frame.width(), frame.height())


class ScreenFitter(QObject):
    """Applies :func:`fit_to_screen` to every top-level window as it is shown."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Show
            and isinstance(watched, QWidget)
            and watched.isWindow()
            and watched.windowType()
            in (Qt.WindowType.Window, Qt.WindowType.Dialog, Qt.WindowType.Sheet)
        ):
            fit_to_screen(watched)
        return False


def install_screen_fitter(app: QApplication) -> ScreenFitter:
    fitter = ScreenFitter(app)
    fitter.setObjectName("screen_fitter")
    app.installEventFilter(fitter)
    return fitter
