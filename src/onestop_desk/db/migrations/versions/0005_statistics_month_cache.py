"""statistics: per-month aggregates kept valid by triggers

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 21:30:00

Counting all time at 100,000 cases touches every case row seven ways (about two seconds even
with the covering indexes of 0004). A month's counts are additive, so each whole month is
counted once and kept in ``stat_month_cache`` as a small JSON document of codes and numbers.

Whether a cached month is still right is decided by the database, not by the services: every
insert, update or delete of a row that a month's counts read bumps that month's stamp in
``stat_month_stamp`` (triggers on cases, persons, crime types per case, needs, referrals). A
cached month is used only when its stamp is the current one. Writes by any path, the ORM,
bulk SQL, retention, another PC on the center server, are covered alike.

A case's months are all the months of its person's cases: "new persons" depends on the
person's first case, which another case can move.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from onestop_desk.db.migrations import stat_triggers

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "stat_month_stamp",
        sa.Column("month", sa.String(7), primary_key=True),
        sa.Column("stamp", sa.Integer, nullable=False),
    )
    op.create_table(
        "stat_month_cache",
        sa.Column("month", sa.String(7), primary_key=True),
        sa.Column("stamp", sa.Integer, nullable=False),
        sa.Column("format", sa.Integer, nullable=False),
        sa.Column("counts", sa.Text, nullable=False),
    )
    stat_triggers.create_triggers()


def downgrade() -> None:
    stat_triggers.drop_triggers()
    op.drop_table("stat_month_cache")
    op.drop_table("stat_month_stamp")
