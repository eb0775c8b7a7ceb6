"""Bring a database to the current schema, in-process, safely.

Before touching an existing database a backup is taken; the migration runs with foreign keys
off (a batch table rebuild with cascades on would delete child rows) inside one transaction,
then ``PRAGMA foreign_key_check`` must come back empty or everything is rolled back. A database
written by a newer release (a revision this build does not know) is refused, never touched.

On PostgreSQL (the center server) the same chain runs in one transaction: DDL is
transactional there, foreign keys are never off, and a failed step leaves the database as it
was. A transaction-level advisory lock keeps two PCs starting at once from migrating twice.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from onestop_desk.db import migrations
from onestop_desk.db.backup import backup_database
from onestop_desk.domain.errors import DatabaseTooNewError, StoreError


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(Path(migrations.__file__).parent))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, *, backup_dir: Path | None = None, key: bytes | None = None) -> bool:
    """Migrate to head. Returns True when anything was applied."""
    cfg = _config()
    script = ScriptDirectory.from_config(cfg)
    head = head_revision()
    with engine.connect() as connection:
        current = current_revision(connection)
        connection.rollback()
    if current == head:
        return False
    if engine.dialect.name == "postgresql":
        return _upgrade_postgresql(engine, cfg, head)
    if current is not None:
        try:
            script.get_revision(current)
        except Exception as exc:
            raise DatabaseTooNewError(
                f"database revision {current} is newer than this program (knows up to {head})",
                revision=current,
            ) from exc
        if backup_dir is not None:
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
            backup_database(engine, backup_dir / f"pre-migration-{current}-{stamp}.db", key=key)

    with engine.connect() as connection:
        # PRAGMA foreign_keys is ignored inside a transaction: set it on the driver connection
        # before SQLAlchemy begins one.
        driver = connection.connection.driver_connection
        assert driver is not None
        driver.execute("PRAGMA foreign_keys = OFF")
        try:
            with connection.begin():
                cfg.attributes["connection"] = connection
                command.upgrade(cfg, "head")
                problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if problems:
                    raise StoreError(f"migration left broken references: {problems[:5]}")
        finally:
            driver.execute("PRAGMA foreign_keys = ON")
    return True


# Any constant shared by every OneStop Desk program: pg_advisory_xact_lock's key space is the
# database's, and only migrations take this one.
MIGRATION_LOCK = 0x0E5D_0001


def _upgrade_postgresql(engine: Engine, cfg: Config, head: str) -> bool:
    script = ScriptDirectory.from_config(cfg)
    with engine.connect() as connection, connection.begin():
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
        current = current_revision(connection)  # again, under the lock
        if current == head:
            return False
        if current is not None:
            try:
                script.get_revision(current)
            except Exception as exc:
                raise DatabaseTooNewError(
                    f"database revision {current} is newer than this program (knows up to {head})",
                    revision=current,
                ) from exc
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "head")
    return True
