"""blind search index; victim fields as unbounded text on the server store

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 21:40:00

On the center server the victim's fields are encrypted by the application
(``db.field_crypto``), so the database can neither search them nor keep a plaintext index
of them. Two tables serve the search there:

- ``blind_tokens``: keyed HMAC tokens of the grams the embedded store's FTS table and
  ``search_grams`` hold (``db.search.BLIND_KINDS``);
- ``search_docs``: the encrypted text of a case's ``case_search`` row, to confirm a match.

On the embedded store both stay empty (SQLCipher encrypts the whole file and the FTS index
keeps serving). On PostgreSQL the encrypted columns become TEXT (ciphertext is longer than
the VARCHAR limits meant for the plain value, and PostgreSQL enforces them) and the indexes
over them go: an index ordered by ciphertext serves no query.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from onestop_desk.db.migrations import stat_triggers

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

ENCRYPTED_COLUMNS = {
    "persons": (
        "name",
        "name_initials",
        "disability",
        "phone",
        "phone2",
        "phone_digits",
        "email",
        "address",
        "safe_hours",
        "safe_contact_note",
    ),
    "cases": (
        "incident_place",
        "police_office",
        "prosecution_office",
        "police_case_number",
        "offender_relation",
        "summary",
        "support_received",
        "outcome",
    ),
    "case_persons": ("note",),
    "status_changes": ("note",),
    "needs": ("note",),
    "consents": ("purpose",),
    "referrals": ("reason", "reply_result", "reply_note"),
    "timeline_events": ("text",),
    "phone_inquiries": ("topic", "outcome", "note", "caller_name", "caller_phone"),
}
CIPHERTEXT_INDEXES = {
    "ix_persons_name": "persons",
    "ix_persons_name_initials": "persons",
    "ix_persons_phone_digits": "persons",
}


def upgrade() -> None:
    op.create_table(
        "blind_tokens",
        sa.Column("kind", sa.String(length=2), nullable=False),
        sa.Column("token", sa.LargeBinary(length=16), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["cases.id"],
            name=op.f("fk_blind_tokens_case_id_cases"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("kind", "token", "case_id", name=op.f("pk_blind_tokens")),
    )
    op.create_index(op.f("ix_blind_tokens_case_id"), "blind_tokens", ["case_id"], unique=False)
    op.create_table(
        "search_docs",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("names", sa.Text(), nullable=False),
        sa.Column("phones", sa.Text(), nullable=False),
        sa.Column("numbers", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["cases.id"],
            name=op.f("fk_search_docs_case_id_cases"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_search_docs")),
    )
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    # The server store is made empty and filled through the application (server init, then
    # server import), so no plaintext row can be here to convert; refuse rather than keep one.
    if bind.execute(sa.text("SELECT count(*) FROM persons")).scalar():
        raise RuntimeError(
            "migration 0007 found people stored before field encryption: import them again "
            "into a new server database"
        )
    for name, table in CIPHERTEXT_INDEXES.items():
        op.drop_index(name, table_name=table)
    # PostgreSQL will not change the type of a column that a trigger's UPDATE OF names
    # (persons.disability, for the statistics month cache): those triggers step aside.
    stat_triggers.drop_triggers()
    for table, columns in ENCRYPTED_COLUMNS.items():
        for column in columns:
            op.alter_column(table, column, type_=sa.Text())
    stat_triggers.create_triggers()


def downgrade() -> None:
    raise RuntimeError("OneStop Desk migrations are append-only; restore a backup instead")
