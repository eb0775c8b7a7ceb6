"""The statistics month cache's triggers (migration 0005), for both dialects.

Kept apart from the migration because a later migration that rebuilds one of the watched
tables on SQLite (alembic's batch mode: create a copy, drop, rename) must drop these triggers
first and create them again after: SQLite drops a table's triggers with it and refuses to
rename a table while another table's trigger names a table that is missing.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

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


def create_triggers() -> None:
    dialect = op.get_bind().dialect.name
    statements = _postgresql_triggers() if dialect == "postgresql" else _sqlite_triggers()
    for statement in statements:
        op.execute(statement)


def drop_triggers() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in ("cases", "persons", "case_crime_types", "needs", "referrals"):
            op.execute(f"DROP TRIGGER IF EXISTS stat_{table} ON {table}")
        op.execute("DROP TRIGGER IF EXISTS stat_crime_types_bucket ON crime_types")
        for function in ("cases", "persons", "case_rows"):
            op.execute(f"DROP FUNCTION IF EXISTS stat_touch_{function}()")
        op.execute("DROP FUNCTION IF EXISTS stat_crime_types_bucket()")
        op.execute("DROP FUNCTION IF EXISTS stat_bump(text[])")
        return
    rows = op.get_bind().execute(
        sa.text(
            "SELECT name FROM sqlite_master "
            "WHERE type = 'trigger' AND name LIKE 'stat\\_%' ESCAPE '\\'"
        )
    )
    for (name,) in rows.fetchall():
        op.execute(f"DROP TRIGGER {name}")
