"""Migration 0002 (destruction register) on a 0001 database that already holds cases."""

from __future__ import annotations

import os

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

from helpers.old_schema import database_at
from helpers.world import World
from onestop_desk.db import migrate
from onestop_desk.db.engine import create_store_engine
from onestop_desk.db.seed import load_seed_data
from onestop_desk.db.store import open_store

KEY = os.urandom(32)


def make_0001_database(path):
    """A database at revision 0001 (as the previous release left it), seeded, with cases."""

    def write(store):
        with store.sessions.begin() as s:
            load_seed_data(s)
        world = World(store)
        return [world.new_case(name=f"이전사례{i}").case_number for i in range(3)]

    return database_at(path, KEY, "0001", write)


def test_0001_database_with_cases_migrates_to_0002(tmp_path):
    path = tmp_path / "onestop.db"
    numbers = make_0001_database(path)
    with create_store_engine(path, KEY).connect() as conn:
        assert migrate.current_revision(conn) == "0001"
        tables = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master"))}
    assert "destruction_register" not in tables

    store = open_store(path, key=KEY, backup_dir=tmp_path / "backups")
    try:
        with store.engine.connect() as conn:
            assert migrate.current_revision(conn) == migrate.head_revision()
            kept = [r[0] for r in conn.execute(text("SELECT case_number FROM cases ORDER BY id"))]
            names = conn.execute(text("SELECT count(*) FROM persons")).scalar()
            hits = conn.execute(
                text("SELECT count(*) FROM case_search WHERE case_search MATCH '이전사례'")
            ).scalar()
            assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
            assert conn.execute(text("PRAGMA foreign_key_check")).fetchall() == []
        assert kept == numbers and names == 3 and hits == 3
        # The pre-migration backup of the 0001 file was taken.
        assert list((tmp_path / "backups").glob("pre-migration-0001-*.db"))
        with store.sessions.begin() as s:
            s.execute(
                text(
                    "INSERT INTO destruction_register (case_number, closed_on, destroyed_at,"
                    " destroyed_by, legal_basis, retention_years) VALUES"
                    " ('2023-00001', '2023-01-01', '2026-11-25 00:00:00', 'admin', 'x', 3)"
                )
            )
        with pytest.raises(DatabaseError, match="append-only"), store.sessions.begin() as s:
            s.execute(text("DELETE FROM destruction_register"))
    finally:
        store.close()
