"""What other PCs of a center server changed: the feed that keeps Today, the case list and
연계 현황 current on every desk, and tells whether the server answers.

The feed runs one thread with one connection of its own (:class:`db.signals.SignalListener`).
It waits in the database driver for signals (no polling loop), hands the changed tables to
``on_change`` in batches, and reports the connection's state to ``on_state``. When the
connection is lost it says so and reconnects by itself, waiting 1, 2, 4 … up to 30 seconds
between tries, so a server that is down is not hammered by every desk.

The callbacks run on the feed's thread: a UI hands them on to its own thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from enum import StrEnum

from sqlalchemy import Engine

from onestop_desk.db.signals import SignalListener, signals_supported

log = logging.getLogger(__name__)

WAIT_S = 1.0
"""How long one wait in the driver lasts; also how fast ``stop`` returns."""
RETRY_S = (1.0, 2.0, 4.0, 8.0, 15.0, 30.0)


class Topic(StrEnum):
    """What a screen may need to show again, from the tables that changed."""

    CASES = "cases"
    REFERRALS = "referrals"
    INQUIRIES = "inquiries"


_TOPICS = {
    "cases": {Topic.CASES},
    "persons": {Topic.CASES},
    "needs": {Topic.CASES},
    "consents": {Topic.CASES, Topic.REFERRALS},
    "referrals": {Topic.REFERRALS, Topic.CASES},
    "phone_inquiries": {Topic.INQUIRIES},
}


class FeedState(StrEnum):
    CONNECTED = "connected"
    LOST = "lost"


def topics_of(tables: set[str]) -> set[Topic]:
    out: set[Topic] = set()
    for table in tables:
        out |= _TOPICS.get(table, set())
    return out


class ChangeFeed:
    """Signals from the center server, on a thread of their own (see the module docstring)."""

    def __init__(
        self,
        engine: Engine,
        on_change: Callable[[set[Topic]], None],
        on_state: Callable[[FeedState], None],
    ) -> None:
        self._engine = engine
        self._on_change = on_change
        self._on_state = on_state
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @staticmethod
    def available(engine: Engine) -> bool:
        """Only a center server has other PCs to hear from."""
        return signals_supported(engine)

    def start(self) -> None:
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, name="onestop-change-feed", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=WAIT_S * 3)
            self._thread = None

    def _run(self) -> None:
        failures = 0
        state: FeedState | None = None
        while not self._stop.is_set():
            listener = None
            try:
                listener = SignalListener(self._engine)
                if state is not FeedState.CONNECTED:
                    state = FeedState.CONNECTED
                    self._on_state(state)
                if failures:
                    # Whatever changed while the connection was down was not heard.
                    self._on_change(set(Topic))
                failures = 0
                while not self._stop.is_set():
                    tables = listener.wait(WAIT_S)
                    topics = topics_of(tables)
                    if topics:
                        self._on_change(topics)
            except Exception as exc:
                log.info("center server signals interrupted: %s", type(exc).__name__)
                if state is not FeedState.LOST:
                    state = FeedState.LOST
                    self._on_state(state)
                delay = RETRY_S[min(failures, len(RETRY_S) - 1)]
                failures += 1
                self._stop.wait(delay)
            finally:
                if listener is not None:
                    listener.close()
