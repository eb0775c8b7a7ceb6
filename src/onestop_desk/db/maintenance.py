"""File-level work on database files that are not open as the live store: checks, copies,
the final switch of a restore, and the compaction that makes destruction irrecoverable.

Every function here opens its own driver connection (``sqlcipher3`` with the raw key, or
``sqlite3`` without one) and closes it before returning.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from onestop_desk.db import migrate
from onestop_desk.domain.errors import StoreError, WrongKeyError

DRIVER_ERRORS: tuple[type[Exception], ...] = (sqlite3.DatabaseError,)
try:
    import sqlcipher3

    DRIVER_ERRORS += (sqlcipher3.dbapi2.DatabaseError,)
except ImportError:  # pragma: no cover - sqlcipher3 is a dependency
    sqlcipher3 = None


@dataclass(frozen=True)
class FileCheck:
    """What a database file looks like from outside the app."""

    path: Path
    ok: bool
    problems: tuple[str, ...]
    revision: str | None
    known_revision: bool
    cases: int | None


def connect(path: Path, key: bytes | None) -> Any:
    """A driver connection on ``path`` keyed like the store's (see ``engine.py``)."""
    if key is None:
        conn = sqlite3.connect(str(path), isolation_level=None)
    else:
        assert sqlcipher3 is not None
        conn = sqlcipher3.connect(str(path), isolation_level=None)
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute("PRAGMA busy_timeout = 5000")
    return conn


@contextmanager
def opened(path: Path, key: bytes | None) -> Iterator[Any]:
    """A connection that has proved it can read the file (else ``WrongKeyError``)."""
    if not path.is_file():
        raise StoreError("no such database file", path=str(path))
    conn = connect(path, key)
    try:
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except DRIVER_ERRORS as exc:
            raise WrongKeyError(
                f"the file cannot be read with this key: {exc}", path=str(path)
            ) from exc
        yield conn
    finally:
        conn.close()


def _known(revision: str | None) -> bool:
    if revision is None:
        return False
    script = ScriptDirectory.from_config(migrate._config())
    try:
        return script.get_revision(revision) is not None
    except Exception:
        return False


def is_known_revision(revision: str | None) -> bool:
    """Whether this program's migrations know ``revision`` (a backup it can restore)."""
    return _known(revision)


def check_file(path: Path, key: bytes | None, *, quick: bool = False) -> FileCheck:
    """``PRAGMA integrity_check`` (or ``quick_check``) plus the schema revision.

    Raises ``WrongKeyError`` when the file does not open with ``key`` at all (a wrong key
    and a destroyed first page look the same from outside).
    """
    pragma = "quick_check" if quick else "integrity_check"
    with opened(path, key) as conn:
        try:
            rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}").fetchall()]
        except DRIVER_ERRORS as exc:
            rows = [str(exc)]
        problems = tuple(r for r in rows if r != "ok")
        revision: str | None = None
        cases: int | None = None
        try:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
            cases = conn.execute("SELECT count(*) FROM cases").fetchone()[0]
        except DRIVER_ERRORS as exc:
            problems += (f"schema: {exc}",)
    known = _known(revision)
    return FileCheck(
        path=path,
        ok=not problems and known,
        problems=problems,
        revision=revision,
        known_revision=known,
        cases=cases,
    )


def fsync_file(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def fsync_directory(path: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def copy_file_database(source: Path, target: Path, key: bytes | None) -> None:
    """Copy a closed database file page by page with the backup API (WAL content included),
    to ``target`` (replaced if present), synced to disk."""
    target.unlink(missing_ok=True)
    with opened(source, key) as src, closing(connect(target, key)) as dst:
        src.backup(dst)
    if os.name == "posix":
        target.chmod(0o600)
    fsync_file(target)


def remove_sidecars(path: Path) -> None:
    """Drop ``-wal`` and ``-shm`` of ``path``: a stale WAL replayed onto another file would
    corrupt it."""
    for suffix in ("-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def switch_in(new_file: Path, live: Path) -> None:
    """Make ``new_file`` the live database in one atomic rename."""
    remove_sidecars(live)
    os.replace(new_file, live)
    if os.name == "posix":
        live.chmod(0o600)
    fsync_directory(live.parent)


# Every table a destruction removes rows from (db/retention.py).
DESTROYED_TABLES = (
    "cases",
    "persons",
    "case_persons",
    "referrals",
    "referral_programmes",
    "consents",
    "needs",
    "timeline_events",
    "status_changes",
    "case_crime_types",
    "imported_numbers",
    "phone_inquiries",
    "search_grams",
    "blind_tokens",
    "search_docs",
)


def compact(engine: Engine) -> None:
    """After a destruction: merge the full-text index (FTS5 keeps deleted terms in old
    segments until a merge), rebuild the file without free pages (``VACUUM``, which cannot run
    inside a transaction) and empty the WAL, so no deleted byte stays in either file.

    On the server store, ``VACUUM`` the tables a destruction deletes from, so the dead row
    versions are reclaimed now rather than whenever autovacuum gets to them (the victim
    fields in them are encrypted by the application in any case). It runs outside a
    transaction, as PostgreSQL requires."""
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("VACUUM " + ", ".join(DESTROYED_TABLES))
        return
    raw = engine.raw_connection()
    try:
        driver = raw.driver_connection
        assert driver is not None
        driver.execute("INSERT INTO case_search(case_search) VALUES ('optimize')")
        driver.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        driver.execute("VACUUM")
        busy, _log, _done = driver.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if busy:
            raise StoreError("the WAL could not be emptied: another connection is reading")
    finally:
        raw.close()


def snapshot_copy(engine: Engine, target: Path) -> bool:
    """Copy the live file byte for byte to ``target`` (replaced atomically) when that is safe:
    one connection holds the write lock (no commit can happen), a second runs a PASSIVE
    checkpoint (which never takes the writer lock nor waits); when every WAL frame is then in
    the main file, that file is the whole database and nothing can change it during the copy.
    Readers go on; a writer waits for the copy (well under a second per 100 MB) on its busy
    timeout. SQLCipher pages carry their own IV and HMAC, so the copy is a valid database
    under the same key, and no page is decrypted and re-encrypted (the backup API spends ~2 s
    doing that for 100,000 cases).

    Returns False, having written nothing, when a reader of an older snapshot kept frames
    from being checkpointed; the caller then uses the backup API.
    """
    database = engine.url.database
    if not database:
        return False
    live = Path(database)
    partial = target.with_name(target.name + ".partial")
    holder = engine.raw_connection()
    try:
        lock = holder.driver_connection
        assert lock is not None
        lock.execute("BEGIN IMMEDIATE")
        try:
            checkpointer = engine.raw_connection()
            try:
                driver = checkpointer.driver_connection
                assert driver is not None
                _busy, log, done = driver.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
            finally:
                checkpointer.close()
            if log != done:
                return False
            target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            try:
                with open(live, "rb") as src, open(partial, "wb") as dst:
                    while chunk := src.read(8 << 20):
                        dst.write(chunk)
                    dst.flush()
                    os.fsync(dst.fileno())
            except BaseException:
                partial.unlink(missing_ok=True)
                raise
        finally:
            lock.execute("ROLLBACK")
    finally:
        holder.close()
    os.replace(partial, target)
    if os.name == "posix":
        target.chmod(0o600)
    fsync_directory(target.parent)
    return True
