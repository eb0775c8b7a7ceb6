"""A database at an old schema revision holding data written by today's services.

Today's models name every column they know in each INSERT and SELECT, so on an old schema
they fail as soon as a later migration has added a column. While the data is written the
missing columns are added as plain nullable columns, then dropped again: what is left is
exactly the old schema, holding rows made the way the application makes them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from alembic import command
from sqlalchemy import text

from onestop_desk.db import migrate, models
from onestop_desk.db.engine import create_store_engine, make_sessions
from onestop_desk.db.store import Store

T = TypeVar("T")


def database_at(path: Path, key: bytes, revision: str, write: Callable[[Store], T]) -> T:
    """Make ``path`` a database at ``revision`` holding what ``write`` puts in it."""
    engine = create_store_engine(path, key)
    with engine.connect() as connection:
        driver = connection.connection.driver_connection
        driver.execute("PRAGMA foreign_keys = OFF")
        with connection.begin():
            cfg = migrate._config()
            cfg.attributes["connection"] = connection
            command.upgrade(cfg, revision)
        driver.execute("PRAGMA foreign_keys = ON")
    added = _add_missing_columns(engine)
    try:
        return write(Store(path=path, engine=engine, sessions=make_sessions(engine), key=key))
    finally:
        with engine.begin() as connection:
            for table, column in added:
                connection.execute(text(f'ALTER TABLE "{table}" DROP COLUMN "{column}"'))
        engine.dispose()


def _add_missing_columns(engine) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    added = []
    with engine.begin() as connection:
        for table in models.Base.metadata.sorted_tables:
            info = connection.execute(text(f'PRAGMA table_info("{table.name}")'))
            have = {row[1] for row in info}
            if not have:
                continue  # a table a later migration creates: nothing writes to it here
            for column in table.columns:
                if column.name not in have:
                    kind = column.type.compile(dialect=engine.dialect)
                    connection.execute(
                        text(f'ALTER TABLE "{table.name}" ADD COLUMN "{column.name}" {kind}')
                    )
                    added.append((table.name, column.name))
    return added
