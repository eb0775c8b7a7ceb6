"""What differs between the embedded store (SQLite) and the server store (PostgreSQL).

Queries tuned for SQLite's planner (``INDEXED BY``, a unary ``+`` that keeps it off an index,
text dates) keep their exact form on SQLite; PostgreSQL gets the plain, portable form, which
its planner handles on its own.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import literal_column
from sqlalchemy.orm import InstrumentedAttribute, Session


def is_sqlite(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def unindexed(session: Session, column: InstrumentedAttribute[Any]) -> Any:
    """``column`` written so SQLite will not pick an index for it (``+table.column``); the
    plain column elsewhere."""
    if is_sqlite(session):
        return literal_column(f"+{column.class_.__tablename__}.{column.key}")
    return column
