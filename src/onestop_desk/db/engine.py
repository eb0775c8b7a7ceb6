"""Engine factory: one SQLite file, optionally encrypted with SQLCipher.

With ``key`` the file is opened through ``sqlcipher3`` and keyed with the raw 256-bit data key
(``PRAGMA key = "x'…'"``), so no second key derivation runs on every connection. Every
connection gets WAL, foreign keys, a busy timeout and ``secure_delete`` (deleted rows are
overwritten, which matters for destruction under PIPA §21).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from onestop_desk.db.text_guard import guard_text

BUSY_TIMEOUT_MS = 5000


def _key_literal(key: bytes) -> str:
    if len(key) != 32:
        raise ValueError("the database key must be 32 bytes")
    return f"\"x'{key.hex()}'\""


def create_store_engine(
    path: Path, key: bytes | None = None, *, synchronous: str = "NORMAL"
) -> Engine:
    """An engine on ``path``; with ``key`` the database is SQLCipher-encrypted."""
    kwargs: dict[str, Any] = {"poolclass": QueuePool, "pool_size": 2, "max_overflow": 2}
    if key is not None:
        import sqlcipher3

        kwargs["module"] = sqlcipher3.dbapi2
    engine = create_engine(f"sqlite:///{path}", **kwargs)
    key_pragma = f"PRAGMA key = {_key_literal(key)}" if key is not None else None

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the driver, decide where transactions begin (SQLAlchemy docs,
        # "Serializable isolation / Savepoints / Transactional DDL" for pysqlite).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            if key_pragma:
                # A wrong key is reported to the caller; SQLCipher's own stderr log is noise.
                cursor.execute("PRAGMA cipher_log_level = NONE")
                cursor.execute(key_pragma)
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute(f"PRAGMA synchronous = {synchronous}")
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute("PRAGMA secure_delete = ON")
            # Sorts and temporary indexes stay in memory: a temp file would hold decrypted
            # rows outside SQLCipher's protection.
            cursor.execute("PRAGMA temp_store = MEMORY")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # IMMEDIATE takes the write lock at the start: two writers queue on busy_timeout
        # instead of failing half-way with "database is locked".
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def make_sessions(engine: Engine) -> sessionmaker[Session]:
    sessions = sessionmaker(engine, expire_on_commit=False)
    guard_text(sessions)
    return sessions


def is_encrypted_or_not_sqlite(path: Path) -> bool:
    """True when the file is not a plain SQLite database (SQLCipher files look random)."""
    with open(path, "rb") as handle:
        return handle.read(16) != b"SQLite format 3\x00"
