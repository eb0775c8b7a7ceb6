"""Bring a database to the current schema, in-process, safely.

Before touching an existing database a backup is taken; the migration runs with foreign keys
off (a batch table rebuild with cascades on would delete child rows) inside one transaction,
then ``PRAGMA foreign_key_check`` must come back empty or everything is rolled back. A database
written by a newer release (a revision this build does not know) is refused, never touched.
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
