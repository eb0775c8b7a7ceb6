"""Listening for the change signals of migration 0009 (PostgreSQL ``LISTEN``).

A :class:`SignalListener` holds one connection of its own, taken out of the engine's pool
(``detach``) and switched to autocommit: ``LISTEN`` only hears signals while no transaction
is open on its connection, and the pool must never hand this connection to anyone else.
It blocks in the driver (``psycopg``'s ``notifies`` with a timeout) instead of polling the
server: while nothing changes, nothing is sent either way.
"""

from __future__ import annotations

import contextlib
from typing import Any, cast

from sqlalchemy import Engine

CHANNEL = "onestop_changes"


class SignalListener:
    """``LISTEN onestop_changes`` on a connection of its own; ``wait`` returns the tables
    named by the signals that arrived."""

    def __init__(self, engine: Engine) -> None:
        self._proxy = engine.raw_connection()
        self._proxy.detach()
        # psycopg's own connection: ``notifies`` is not part of the DB-API.
        conn = cast(Any, self._proxy.dbapi_connection)
        conn.rollback()
        conn.autocommit = True
        conn.execute(f"LISTEN {CHANNEL}")
        self._conn = conn

    def wait(self, timeout: float) -> set[str]:
        """Block up to ``timeout`` seconds for the first signal, then take what else is
        already there. Raises the driver's error when the connection is lost."""
        tables: set[str] = set()
        for notice in self._conn.notifies(timeout=timeout, stop_after=1):
            tables.add(notice.payload)
        if tables:
            for notice in self._conn.notifies(timeout=0.05):
                tables.add(notice.payload)
        return tables

    def close(self) -> None:
        # Closing a connection that is already lost is no news.
        with contextlib.suppress(Exception):
            self._proxy.close()


def signals_supported(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"
