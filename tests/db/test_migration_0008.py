"""Migration 0008 (a version number on each case): a database from before it, holding cases
with their child rows, comes up with every case at version 1 and nothing lost; the
downgrade removes the column again."""

from __future__ import annotations

import os

from alembic import command
from sqlalchemy import text

from helpers.world import NOW, World, edit_inputs
from onestop_desk.db import migrate
from onestop_desk.db.engine import create_store_engine
from onestop_desk.db.store import open_store
from onestop_desk.domain.clock import fixed_clock
from onestop_desk.domain.records import Actor
from onestop_desk.domain.vocab import Role
from onestop_desk.services import build_services

KEY = os.urandom(32)


def _columns(conn) -> set[str]:  # type: ignore[no-untyped-def]
    return {r[1] for r in conn.execute(text("PRAGMA table_info(cases)"))}


def _counts(conn) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    return (
        conn.execute(text("SELECT count(*) FROM cases")).scalar_one(),
        conn.execute(text("SELECT count(*) FROM case_crime_types")).scalar_one(),
    )


def _to_revision(path, revision: str) -> None:  # type: ignore[no-untyped-def]
    # As the program migrates: foreign keys off, so a table rebuild cannot cascade.
    engine = create_store_engine(path, KEY)
    with engine.connect() as connection:
        driver = connection.connection.driver_connection
        driver.execute("PRAGMA foreign_keys = OFF")
        with connection.begin():
            cfg = migrate._config()
            cfg.attributes["connection"] = connection
            command.downgrade(cfg, revision)
        driver.execute("PRAGMA foreign_keys = ON")
    engine.dispose()


def test_cases_from_before_the_version_column_start_at_one(tmp_path):
    path = tmp_path / "onestop.db"
    store = open_store(path, key=KEY, backup_dir=tmp_path / "backups")
    world = World(store)
    ids = [world.new_case(name=f"이전사례{i}", crimes=("assault", "stalking")).id for i in range(2)]
    cases = world.c1.cases
    cases.update_facts(ids[0], *edit_inputs(cases.get(ids[0])))  # version 2 before the downgrade
    with store.engine.connect() as conn:
        before = _counts(conn)
    store.close()

    _to_revision(path, _before_0008())
    engine = create_store_engine(path, KEY)
    with engine.connect() as conn:
        assert "version" not in _columns(conn)
        assert _counts(conn) == before
    engine.dispose()

    store = open_store(path, key=KEY, backup_dir=tmp_path / "backups")
    try:
        with store.engine.connect() as conn:
            assert migrate.current_revision(conn) == migrate.head_revision()
            assert "version" in _columns(conn)
            versions = conn.execute(text("SELECT version FROM cases ORDER BY id")).scalars()
            assert list(versions) == [1, 1]
            assert _counts(conn) == before
            assert conn.execute(text("PRAGMA foreign_key_check")).first() is None
        cases = _counselor(store).cases
        assert cases.get(ids[1]).version == 1
        saved = cases.update_facts(ids[1], *edit_inputs(cases.get(ids[1])), version=1)
        assert saved.version == 2
    finally:
        store.close()


def _before_0008() -> str:
    from alembic.script import ScriptDirectory

    previous = ScriptDirectory.from_config(migrate._config()).get_revision("0008").down_revision
    assert isinstance(previous, str)
    return previous


def _counselor(store):  # type: ignore[no-untyped-def]
    with store.engine.connect() as conn:
        c1 = conn.execute(text("SELECT id FROM users WHERE username = 'c1'")).scalar_one()
    actor = Actor(user_id=c1, username="c1", role=Role.COUNSELOR, pc_name="desk-1")
    return build_services(store.sessions, actor, clock=fixed_clock(NOW))
