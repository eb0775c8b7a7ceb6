"""covering indexes for the statistics dashboard

Revision ID: 0004
Revises: 0002
Create Date: 2026-12-02 19:00:00

The dashboard counts a year or all time in SQL. On an encrypted database each table page
read costs a decryption, and the case and person tables carry names, addresses and notes the
counts never need: these indexes hold just the columns counted, about a tenth of the size.
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

INDEXES = {
    "ix_cases_statistics": (
        "cases",
        ["statistics_consent", "intake_date", "person_id", "intake_channel", "closed_on"],
    ),
    "ix_cases_open_statistics": (
        "cases",
        ["closed_on", "statistics_consent", "intake_date", "person_id"],
    ),
    "ix_cases_person_statistics": (
        "cases",
        ["person_id", "statistics_consent", "intake_date", "closed_on"],
    ),
    "ix_persons_statistics": (
        "persons",
        ["id", "gender", "nationality", "disability", "birth_date"],
    ),
    "ix_referrals_case_statistics": (
        "referrals",
        ["case_id", "agency_id", "status", "sent_at"],
    ),
}


def upgrade() -> None:
    for name, (table, columns) in INDEXES.items():
        op.create_index(name, table, columns, unique=False)


def downgrade() -> None:
    for name, (table, _columns) in INDEXES.items():
        op.drop_index(name, table_name=table)
