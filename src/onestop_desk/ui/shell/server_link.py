"""The window's side of the center server's change feed (services/changes.py).

The feed calls :meth:`ServerLink.changed_elsewhere` and :meth:`ServerLink.state_is` on its
own thread; they only emit signals, which Qt delivers on the window's thread. The status bar
label says which store the window is on and whether the server answers; the visible page is
shown again when something it lists changed on another PC, at most every
:data:`REFRESH_DELAY_MS` however many signals arrive.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QLabel, QWidget

from onestop_desk.services.changes import FeedState, Topic

REFRESH_DELAY_MS = 400


class ServerLink(QObject):
    """Thread-safe entry points for the feed, and the signals the window listens to."""

    topics_changed = Signal(object)  # set[Topic]
    state_changed = Signal(str)  # FeedState value

    def __init__(self, server_name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.server_name = server_name

    def changed_elsewhere(self, topics: set[Topic]) -> None:
        self.topics_changed.emit(set(topics))

    def state_is(self, state: FeedState) -> None:
        self.state_changed.emit(state.value)


class StoreLabel(QLabel):
    """ "이 PC" or "센터 서버 (host) · 연결됨 / 연결 끊김" in the status bar."""

    def __init__(self, link: ServerLink | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("store_label")
        self._link = link
        if link is None:
            self.setText(self.tr("저장소: 이 PC"))
            return
        self.show_state(FeedState.CONNECTED.value)
        link.state_changed.connect(self.show_state)

    @Slot(str)
    def show_state(self, state: str) -> None:
        assert self._link is not None
        name = self._link.server_name
        if state == FeedState.LOST.value:
            self.setText(
                self.tr("센터 서버 {name}: 응답 없음 · 다시 연결하는 중").format(name=name)
            )
            self.setStyleSheet("color: #b00020; font-weight: bold;")
            self.setToolTip(
                self.tr(
                    "센터 서버가 응답하지 않습니다. 입력 중인 내용은 이 PC에 남아 있으며, "
                    "서버가 다시 응답하면 저장할 수 있습니다."
                )
            )
        else:
            self.setText(self.tr("센터 서버 {name}: 연결됨").format(name=name))
            self.setStyleSheet("")
            self.setToolTip(self.tr("다른 PC에서 바뀐 내용이 이 화면에 바로 나타납니다."))


class RefreshOnChange(QObject):
    """Collects the topics heard and, after a short quiet moment, asks ``refresh`` with them."""

    def __init__(self, link: ServerLink, refresh, parent: QObject | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._pending: set[Topic] = set()
        self._refresh = refresh
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self._flush)
        link.topics_changed.connect(self._collect)

    @Slot(object)
    def _collect(self, topics: set[Topic]) -> None:
        self._pending |= topics
        if not self._timer.isActive():
            self._timer.start()

    @Slot()
    def _flush(self) -> None:
        topics, self._pending = self._pending, set()
        if topics:
            self._refresh(topics)
