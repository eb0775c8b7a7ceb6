"""the keyring in the database, for the center server store

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 22:00:00

On the center server every PC must be able to log any account in, so what ``keyring.json``
holds beside an embedded store lives in these tables instead: each account's wrapped copy of
the data key with its lockout counters, the recovery copy and the policy, the failed logins
waiting for the access log, and the access log's sealed head (outside ``audit_events``, the
table it protects). The embedded store gets the same tables, empty: one schema for both.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "keyring_meta",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("recovery", sa.JSON(), nullable=False),
        sa.Column("policy", sa.JSON(), nullable=False),
        sa.Column("dropped_failures", sa.Integer(), nullable=False),
        sa.Column("audit_head", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_keyring_meta")),
    )
    op.create_table(
        "keyring_accounts",
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("wrapped", sa.JSON(), nullable=False),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("must_change_password", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("username", name=op.f("pk_keyring_accounts")),
    )
    op.create_table(
        "keyring_failures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("pc_name", sa.String(length=100), nullable=False),
        sa.Column("detail", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_keyring_failures")),
    )


def downgrade() -> None:
    raise RuntimeError("OneStop Desk migrations are append-only; restore a backup instead")
