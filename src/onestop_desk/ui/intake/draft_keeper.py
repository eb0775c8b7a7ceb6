"""Autosave of the walk-in form: nothing typed is ever lost.

Every few seconds, on each step and on closing, the form's state is saved as a draft inside
the encrypted database (``DraftService``), but only when something changed and there is
something worth keeping. On the center server store, a draft saved while the server does not
answer is kept on this PC, encrypted, and sent on when the server answers again.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from onestop_desk.services import Services
from onestop_desk.services.drafts import IntakeDraft
from onestop_desk.ui.kit.tasks import TaskRunner

AUTOSAVE_MS = 4000


def has_content(state: dict[str, Any]) -> bool:
    """A form with nothing a person typed is not worth a draft (and not worth offering)."""
    return bool(
        str(state.get("name", "")).strip()
        or str(state.get("phone", "")).strip()
        or str(state.get("birth", "")).strip()
        or state.get("crimes")
        or state.get("needs")
        or str(state.get("summary", "")).strip()
        or state.get("related")
    )


class DraftKeeper(QObject):
    """Saves ``read_state()`` through the single database worker; ``saved(at)`` follows, or
    ``kept_on_pc(at)`` when the center server did not answer and the draft was kept on this
    PC (encrypted) instead."""

    saved = Signal(datetime)
    kept_on_pc = Signal(datetime)

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        read_state: Callable[[], dict[str, Any]],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._drafts = services.drafts
        self._runner = runner
        self._read_state = read_state
        self._last_saved = ""
        self._on_pc = False
        self._stopped = True
        self._paused = False
        self._timer = QTimer(self)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self._on_timer_timeout)

    @property
    def timer(self) -> QTimer:
        return self._timer

    def start(self, *, already_saved: bool = False) -> None:
        """Begin autosaving; ``already_saved`` when the form was just filled from a draft."""
        if already_saved:
            self._last_saved = self._snapshot()
        self._stopped = False
        self._timer.start()

    def pause(self, paused: bool) -> None:
        """No autosave while the case is being registered (the draft is removed with it)."""
        self._paused = paused

    def stop(self) -> None:
        self._stopped = True
        self._timer.stop()

    def save(self, then: Callable[[], None] | None = None) -> None:
        """Save now if anything changed; ``then`` runs afterwards either way."""
        snapshot = self._snapshot()
        if self._stopped or snapshot == self._last_saved or not has_content(json.loads(snapshot)):
            if then:
                then()
            return
        fields = json.loads(snapshot)
        drafts = self._drafts

        def done(draft: IntakeDraft) -> None:
            self._last_saved = snapshot
            self._on_pc = draft.on_this_pc
            if draft.on_this_pc:
                self.kept_on_pc.emit(draft.saved_at)
            else:
                self.saved.emit(draft.saved_at)
            if then:
                then()

        self._runner.run(lambda: drafts.save_intake(fields), done)

    def resend(self) -> None:
        """The center server answers again: a draft kept on this PC goes to it now (the
        save that reaches the server deletes the PC's copy), even if nothing was typed."""
        if self._on_pc and not self._paused:
            self._last_saved = ""
            self.save()

    def discard(self) -> None:
        """Forget the draft (the person was registered, or the counselor threw it away)."""
        self.stop()
        self._runner.run(self._drafts.discard_intake)

    def _snapshot(self) -> str:
        return json.dumps(self._read_state(), ensure_ascii=False, sort_keys=True)

    @Slot()
    def _on_timer_timeout(self) -> None:
        if not self._paused:
            self.save()
