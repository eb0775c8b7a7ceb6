"""a version number on each case, for edits from two PCs

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 21:40:00

Centers that share one PostgreSQL server can open the same case on two PCs. Saving the
edit form checks that the case is still at the version the form was loaded with (and moves
it on by one in the same UPDATE), so the second save is refused instead of silently
overwriting the first. Existing cases start at 1.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from onestop_desk.db.migrations import stat_triggers

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN on both dialects: a constant default needs no table rebuild on
    # SQLite (and a rebuild would have to drop and recreate the statistics triggers).
    op.add_column(
        "cases", sa.Column("version", sa.Integer(), nullable=False, server_default=sa.text("1"))
    )


def downgrade() -> None:
    # SQLite drops a column by rebuilding the table: the triggers on cases go first.
    stat_triggers.drop_triggers()
    with op.batch_alter_table("cases") as batch:
        batch.drop_column("version")
    stat_triggers.create_triggers()
