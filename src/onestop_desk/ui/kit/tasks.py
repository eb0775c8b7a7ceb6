"""The one way the UI runs work that can take time: off the UI thread, one job at a time.

Database jobs share one worker thread (like Anki's single-worker executor), so they never
overlap; the result or the error comes back on the UI thread through a queued signal. A busy
dialog appears only when a job is still running after half a second, so quick jobs never
flash one.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

PROGRESS_DELAY_MS = 500

Success = Callable[[Any], None]
Failure = Callable[[BaseException], None]


class _Relay(QObject):
    """Lives on the UI thread; the worker emits, Qt queues the call over to the UI thread."""

    finished = Signal(int, object, object)


class _Job(QRunnable):
    def __init__(self, ticket: int, func: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._ticket = ticket
        self._func = func
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._func()
        except BaseException as exc:  # delivered to the UI, never lost in the worker
            self._relay.finished.emit(self._ticket, None, exc)
        else:
            self._relay.finished.emit(self._ticket, result, None)


def _alive(callback: Callable[..., Any] | None) -> bool:
    """A slot of a widget that was closed meanwhile must not be called."""
    if callback is None:
        return False
    owner = getattr(callback, "__self__", None)
    return not isinstance(owner, QObject) or shiboken6.isValid(owner)


class TaskRunner(QObject):
    """Runs ``func`` on the single database worker; see the module docstring.

    ``failed`` carries errors of jobs that were started without their own failure handler,
    so the main window can show them in one consistent way.
    """

    failed = Signal(object)
    idle_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, *, progress_parent: QWidget | None = None):
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.finished.connect(self._on_relay_finished)
        self._tickets = itertools.count(1)
        self._pending: dict[int, tuple[Success | None, Failure | None, str]] = {}
        self._progress_parent = progress_parent
        self._progress: QProgressDialog | None = None
        self._progress_timer = QTimer(self)
        self._progress_timer.setSingleShot(True)
        self._progress_timer.setInterval(PROGRESS_DELAY_MS)
        self._progress_timer.timeout.connect(self._on_progress_timer_timeout)

    @property
    def idle(self) -> bool:
        return not self._pending

    def run(
        self,
        func: Callable[[], Any],
        on_success: Success | None = None,
        on_failure: Failure | None = None,
        *,
        label: str = "",
    ) -> int:
        """Queue ``func``; returns a ticket (later results can be told from stale ones)."""
        ticket = next(self._tickets)
        was_idle = self.idle
        self._pending[ticket] = (on_success, on_failure, label)
        if was_idle:
            self.idle_changed.emit(False)
        if not self._progress_timer.isActive() and self._progress is None:
            self._progress_timer.start()
        self._pool.start(_Job(ticket, func, self._relay))
        return ticket

    def wait(self, msecs: int = 30000) -> bool:
        """Block until the worker is done (used when closing and by tests)."""
        return self._pool.waitForDone(msecs)

    @Slot(int, object, object)
    def _on_relay_finished(self, ticket: int, result: Any, error: BaseException | None) -> None:
        on_success, on_failure, _label = self._pending.pop(ticket, (None, None, ""))
        if self.idle:
            self._progress_timer.stop()
            if self._progress is not None:
                self._progress.close()
                self._progress.deleteLater()
                self._progress = None
            self.idle_changed.emit(True)
        if error is not None:
            if _alive(on_failure):
                on_failure(error)  # type: ignore[misc]
            elif on_failure is None:
                self.failed.emit(error)
        elif _alive(on_success):
            on_success(result)  # type: ignore[misc]

    @Slot()
    def _on_progress_timer_timeout(self) -> None:
        if self.idle or self._progress_parent is None:
            return
        if not shiboken6.isValid(self._progress_parent):
            return
        labels = [label for _s, _f, label in self._pending.values() if label]
        dialog = QProgressDialog(self._progress_parent)
        dialog.setObjectName("progress_dialog")
        dialog.setWindowTitle(self.tr("잠시만 기다려 주세요"))
        dialog.setLabelText(labels[0] if labels else self.tr("처리하는 중입니다…"))
        dialog.setRange(0, 0)
        dialog.setCancelButton(None)
        dialog.setMinimumDuration(0)
        dialog.show()
        self._progress = dialog
