"""where each directory entry is, and what a discreet sheet calls it

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Empty for every existing row: the shipped data fills what it knows on the next seed
    # load, administrators the rest; nothing here may guess a room or a phone number.
    with op.batch_alter_table("agencies", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("location", sa.String(length=200), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("discreet_name", sa.String(length=200), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("discreet_phone", sa.String(length=60), nullable=False, server_default="")
        )


def downgrade() -> None:
    raise RuntimeError("OneStop Desk migrations are append-only; restore a backup instead")
