"""Alembic environment: runs in-process on the connection the app hands over."""

from __future__ import annotations

from alembic import context

from onestop_desk.db.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - the app always passes its connection
    raise RuntimeError("migrations run through onestop_desk.db.migrate, not the alembic CLI")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # Batch mode (copy-and-move table rebuilds) is SQLite's way to ALTER; PostgreSQL alters.
    render_as_batch=connection.dialect.name == "sqlite",
    transaction_per_migration=False,
)
with context.begin_transaction():
    context.run_migrations()
