"""single-PC stores imported into the center server, and the numbers they had to change

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02 22:00:00

``server import`` moves a single-PC store into the server store. ``store_imports`` remembers
each imported store (a fingerprint of its data key, so it is not imported twice) and
``imported_numbers`` every case or document number that was already taken on the server and
so was renumbered: letters handed out before carry the old number, and search finds the case
by it. Plain tables on both stores (no dialect-specific SQL).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "store_imports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("source", sa.String(length=300), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("imported_by", sa.String(length=64), nullable=False),
        sa.Column("counts", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_store_imports")),
        sa.UniqueConstraint("fingerprint", name=op.f("uq_store_imports_fingerprint")),
    )
    op.create_table(
        "imported_numbers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("import_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("old_number", sa.String(length=30), nullable=False),
        sa.Column("new_number", sa.String(length=30), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["import_id"],
            ["store_imports.id"],
            name=op.f("fk_imported_numbers_import_id_store_imports"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["cases.id"],
            name=op.f("fk_imported_numbers_case_id_cases"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_imported_numbers")),
    )
    with op.batch_alter_table("imported_numbers") as batch:
        batch.create_index(batch.f("ix_imported_numbers_import_id"), ["import_id"])
        batch.create_index(batch.f("ix_imported_numbers_old_number"), ["old_number"])
        batch.create_index(batch.f("ix_imported_numbers_case_id"), ["case_id"])


def downgrade() -> None:
    op.drop_table("imported_numbers")
    op.drop_table("store_imports")
