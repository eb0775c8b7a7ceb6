"""Online backups with SQLite's backup API: the app keeps working while one runs."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Engine


def _open_target(path: Path, key: bytes | None):  # type: ignore[no-untyped-def]
    if key is None:
        import sqlite3

        return sqlite3.connect(path)
    import sqlcipher3

    target = sqlcipher3.connect(str(path))
    target.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    return target


def backup_database(engine: Engine, target: Path, *, key: bytes | None = None) -> Path:
    """Copy the live database to ``target`` (encrypted with ``key`` when given), atomically."""
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    raw = engine.raw_connection()
    try:
        destination = _open_target(partial, key)
        try:
            raw.driver_connection.backup(destination)  # type: ignore[union-attr]
        finally:
            destination.close()
    finally:
        raw.close()
    with open(partial, "rb") as handle:
        os.fsync(handle.fileno())
    os.replace(partial, target)
    if os.name == "posix":
        target.chmod(0o600)
    return target
