"""change signals between the PCs of a center server

Revision ID: 0009
Revises: 0006
Create Date: 2026-12-02 22:10:00

On PostgreSQL every statement that writes the tables behind Today, the case list, 연계 현황
and the phone inquiries sends ``NOTIFY onestop_changes, '<table>'`` at commit (a
statement-level trigger; PostgreSQL folds the same signal sent twice in one transaction into
one). The payload is the table's name and nothing else: never victim data. A rolled-back
transaction sends nothing. The embedded store has one PC and needs no signals.
"""

from __future__ import annotations

from alembic import op

revision = "0009"
down_revision = "0006"
branch_labels = None
depends_on = None

CHANNEL = "onestop_changes"
TABLES = ("cases", "persons", "referrals", "needs", "consents", "phone_inquiries")


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        "CREATE FUNCTION onestop_signal_change() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN PERFORM pg_notify('{CHANNEL}', TG_TABLE_NAME); RETURN NULL; END $$"
    )
    for table in TABLES:
        op.execute(
            f"CREATE TRIGGER signal_{table} AFTER INSERT OR UPDATE OR DELETE ON {table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION onestop_signal_change()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in TABLES:
        op.execute(f"DROP TRIGGER IF EXISTS signal_{table} ON {table}")
    op.execute("DROP FUNCTION IF EXISTS onestop_signal_change()")
