"""Migration 0004 (statistics indexes) on a 0003 database that already holds cases."""

from __future__ import annotations

import os
from datetime import date

from sqlalchemy import text

from helpers.old_schema import database_at
from helpers.world import NOW, World
from onestop_desk.db import migrate
from onestop_desk.db.seed import load_seed_data
from onestop_desk.db.store import Store, open_store
from onestop_desk.domain.clock import fixed_clock
from onestop_desk.domain.records import Actor
from onestop_desk.domain.vocab import Role
from onestop_desk.services import build_services

KEY = os.urandom(32)
INDEXES = {
    "ix_cases_statistics",
    "ix_cases_open_statistics",
    "ix_cases_person_statistics",
    "ix_persons_statistics",
    "ix_referrals_case_statistics",
}


def _indexes(conn) -> set[str]:  # type: ignore[no-untyped-def]
    rows = conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'index'"))
    return {r[0] for r in rows}


def make_0003_database(path) -> list[str]:  # type: ignore[no-untyped-def]
    def write(store: Store) -> list[str]:
        with store.engine.connect() as connection:
            assert not INDEXES & _indexes(connection)
        with store.sessions.begin() as s:
            load_seed_data(s)
        world = World(store)
        return [world.new_case(name=f"이전사례{i}").case_number for i in range(3)]

    # Today's models know later columns (cases.version): the helper writes around them.
    return database_at(path, KEY, "0003", write)


def test_0003_database_with_cases_gets_the_statistics_indexes(tmp_path):
    path = tmp_path / "onestop.db"
    numbers = make_0003_database(path)
    store = open_store(path, key=KEY, backup_dir=tmp_path / "backups")
    try:
        with store.engine.connect() as conn:
            assert migrate.current_revision(conn) == migrate.head_revision()
            assert _indexes(conn) >= INDEXES
            kept = [r[0] for r in conn.execute(text("SELECT case_number FROM cases ORDER BY id"))]
            assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        assert kept == numbers
        report = _lead_services(store).statistics.summary(date(2026, 11, 1), date(2026, 11, 30))
        assert report.new_cases == 3 and report.served_persons == 3
    finally:
        store.close()


def _lead_services(store):  # type: ignore[no-untyped-def]
    actor = Actor(user_id=None, username="lead", role=Role.TEAM_LEAD, pc_name="desk-1")
    return build_services(store.sessions, actor, clock=fixed_clock(NOW))
