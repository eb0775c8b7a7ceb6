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

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

SQLITE_MONTH = "substr({col}, 1, 7)"
PG_MONTH = "to_char({col}, 'YYYY-MM')"


def _sqlite_triggers() -> list[str]:
    month_c = SQLITE_MONTH.format(col="c.intake_date")

    def bump(select_sql: str) -> str:
        # The WHERE keeps SQLite's parser from reading ON CONFLICT as a join constraint.
        return (
            "INSERT INTO stat_month_stamp (month, stamp) "
            f"SELECT DISTINCT month, 1 FROM ({select_sql}) WHERE month IS NOT NULL "
            "ON CONFLICT (month) DO UPDATE SET stamp = stamp + 1;"
        )

    def person_months(person: str) -> str:
        return f"SELECT {month_c} AS month FROM cases AS c WHERE c.person_id = {person}"

    def case_month(case: str) -> str:
        return f"SELECT {month_c} AS month FROM cases AS c WHERE c.id = {case}"

    old_month = "SELECT " + SQLITE_MONTH.format(col="OLD.intake_date") + " AS month"
    triggers = {
        "stat_cases_insert": ("AFTER INSERT ON cases", [person_months("NEW.person_id")]),
        "stat_cases_delete": (
            "AFTER DELETE ON cases",
            [person_months("OLD.person_id"), old_month],
        ),
        "stat_cases_update": (
            "AFTER UPDATE OF intake_date, statistics_consent, person_id, intake_channel ON cases",
            [person_months("NEW.person_id"), person_months("OLD.person_id"), old_month],
        ),
        "stat_persons_update": (
            "AFTER UPDATE OF gender, nationality, disability, birth_date ON persons",
            [person_months("NEW.id")],
        ),
    }
    for table, columns in (
        ("case_crime_types", "crime_code, case_id"),
        ("needs", "support_area, programme_id, case_id"),
        ("referrals", "status, agency_id, sent_at, case_id"),
    ):
        triggers[f"stat_{table}_insert"] = (f"AFTER INSERT ON {table}", [case_month("NEW.case_id")])
        triggers[f"stat_{table}_delete"] = (f"AFTER DELETE ON {table}", [case_month("OLD.case_id")])
        triggers[f"stat_{table}_update"] = (
            f"AFTER UPDATE OF {columns} ON {table}",
            [case_month("NEW.case_id"), case_month("OLD.case_id")],
        )
    statements = []
    for name, (when, sources) in triggers.items():
        body = bump(" UNION ".join(sources))
        statements.append(f"CREATE TRIGGER {name} {when} FOR EACH ROW BEGIN {body} END")
    statements.append(
        "CREATE TRIGGER stat_crime_types_bucket AFTER UPDATE OF bucket ON crime_types "
        "FOR EACH ROW BEGIN DELETE FROM stat_month_cache; END"
    )
    return statements


def _postgresql_triggers() -> list[str]:
    month_c = PG_MONTH.format(col="c.intake_date")
    old_month = PG_MONTH.format(col="OLD.intake_date")

    def person_months(person: str) -> str:
        return f"SELECT {month_c} FROM cases AS c WHERE c.person_id = {person}"

    def case_month(case: str) -> str:
        return f"SELECT {month_c} FROM cases AS c WHERE c.id = {case}"

    functions = {
        "cases": (
            "IF TG_OP IN ('INSERT', 'UPDATE') THEN "
            f"PERFORM stat_bump(ARRAY({person_months('NEW.person_id')})); END IF; "
            "IF TG_OP IN ('DELETE', 'UPDATE') THEN "
            f"PERFORM stat_bump(ARRAY({person_months('OLD.person_id')}) || {old_month}); "
            "END IF;"
        ),
        "persons": f"PERFORM stat_bump(ARRAY({person_months('NEW.id')}));",
        "case_rows": (
            "IF TG_OP IN ('INSERT', 'UPDATE') THEN "
            f"PERFORM stat_bump(ARRAY({case_month('NEW.case_id')})); END IF; "
            "IF TG_OP IN ('DELETE', 'UPDATE') THEN "
            f"PERFORM stat_bump(ARRAY({case_month('OLD.case_id')})); END IF;"
        ),
    }
    statements = [
        # Months in order: two writers bumping the same months lock them in the same order.
        "CREATE FUNCTION stat_bump(months text[]) RETURNS void LANGUAGE sql AS $$ "
        "INSERT INTO stat_month_stamp (month, stamp) "
        "SELECT m, 1 FROM unnest(months) AS m WHERE m IS NOT NULL GROUP BY m ORDER BY m "
        "ON CONFLICT (month) DO UPDATE SET stamp = stat_month_stamp.stamp + 1 $$",
        "CREATE FUNCTION stat_crime_types_bucket() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN DELETE FROM stat_month_cache; RETURN NULL; END $$",
    ]
    for name, body in functions.items():
        statements.append(
            f"CREATE FUNCTION stat_touch_{name}() RETURNS trigger LANGUAGE plpgsql AS $$ "
            f"BEGIN {body} RETURN NULL; END $$"
        )
    events = {
        "cases": (
            "cases",
            "INSERT OR DELETE OR UPDATE OF intake_date, statistics_consent, person_id, "
            "intake_channel",
        ),
        "persons": ("persons", "UPDATE OF gender, nationality, disability, birth_date"),
        "case_crime_types": ("case_rows", "INSERT OR DELETE OR UPDATE OF crime_code, case_id"),
        "needs": ("case_rows", "INSERT OR DELETE OR UPDATE OF support_area, programme_id, case_id"),
        "referrals": (
            "case_rows",
            "INSERT OR DELETE OR UPDATE OF status, agency_id, sent_at, case_id",
        ),
    }
    for table, (function, when) in events.items():
        statements.append(
            f"CREATE TRIGGER stat_{table} AFTER {when} ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION stat_touch_{function}()"
        )
    statements.append(
        "CREATE TRIGGER stat_crime_types_bucket AFTER UPDATE OF bucket ON crime_types "
        "FOR EACH ROW EXECUTE FUNCTION stat_crime_types_bucket()"
    )
    return statements


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
    dialect = op.get_bind().dialect.name
    statements = _postgresql_triggers() if dialect == "postgresql" else _sqlite_triggers()
    for statement in statements:
        op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        for table in ("cases", "persons", "case_crime_types", "needs", "referrals"):
            op.execute(f"DROP TRIGGER IF EXISTS stat_{table} ON {table}")
        op.execute("DROP TRIGGER IF EXISTS stat_crime_types_bucket ON crime_types")
        for function in ("cases", "persons", "case_rows"):
            op.execute(f"DROP FUNCTION IF EXISTS stat_touch_{function}()")
        op.execute("DROP FUNCTION IF EXISTS stat_crime_types_bucket()")
        op.execute("DROP FUNCTION IF EXISTS stat_bump(text[])")
    else:
        rows = op.get_bind().execute(
            sa.text("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'stat_%'")
        )
        for (name,) in rows.fetchall():
            op.execute(f"DROP TRIGGER {name}")
    op.drop_table("stat_month_cache")
    op.drop_table("stat_month_stamp")
