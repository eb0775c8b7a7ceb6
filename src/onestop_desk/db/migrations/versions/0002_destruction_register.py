"""destruction register (파기 대장)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 15:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "destruction_register",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_number", sa.String(length=20), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("destroyed_at", sa.DateTime(), nullable=False),
        sa.Column("destroyed_by", sa.String(length=64), nullable=False),
        sa.Column("legal_basis", sa.String(length=200), nullable=False),
        sa.Column("retention_years", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_destruction_register")),
    )
    with op.batch_alter_table("destruction_register", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_destruction_register_case_number"), ["case_number"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_destruction_register_destroyed_at"), ["destroyed_at"], unique=False
        )
    # The register is evidence of destruction: rows are added, never changed or removed.
    if op.get_context().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION destruction_register_append_only() RETURNS trigger "
            "LANGUAGE plpgsql AS $$ BEGIN "
            "RAISE EXCEPTION 'destruction_register is append-only'; END $$"
        )
        for event in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER destruction_register_no_{event.lower()} "
                f"BEFORE {event} ON destruction_register "
                "FOR EACH ROW EXECUTE FUNCTION destruction_register_append_only()"
            )
        return
    for event in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER destruction_register_no_{event.lower()} "
            f"BEFORE {event} ON destruction_register "
            "BEGIN SELECT RAISE(ABORT, 'destruction_register is append-only'); END"
        )


def downgrade() -> None:
    raise RuntimeError("OneStop Desk migrations are append-only; restore a backup instead")
