"""Migration 0003 (agency location, discreet name and phone) on a 0002 database in use."""

from __future__ import annotations

import os

from sqlalchemy import inspect, text

from helpers.old_schema import database_at
from helpers.world import World
from onestop_desk.db import migrate, models
from onestop_desk.db.engine import create_store_engine
from onestop_desk.db.seed import load_seed_data
from onestop_desk.db.store import open_store

KEY = os.urandom(32)
# What every resident partner's address said before 0003: the Seoul center, wherever the
# installation really was.
OLD_DEFAULT = "서울특별시 동작구 대방동 서울여성플라자 3층 범죄피해자 원스톱 솔루션센터"


def make_0002_database(path):
    def write(store):
        with store.sessions.begin() as s:
            load_seed_data(s)
            s.execute(
                text("UPDATE agencies SET address = :a WHERE resident = 1"), {"a": OLD_DEFAULT}
            )
            # An administrator corrected this one by hand: it must stay as they left it.
            s.execute(
                text(
                    "UPDATE agencies SET address = '부산광역시 연제구 1', admin_edited = 1"
                    " WHERE code = 'legal_aid'"
                )
            )
        return World(store).new_case(name="이전사례").case_number

    return database_at(path, KEY, "0002", write)


def test_0002_database_migrates_to_0003_and_loses_the_borrowed_address(tmp_path):
    path = tmp_path / "onestop.db"
    number = make_0002_database(path)
    with create_store_engine(path, KEY).connect() as conn:
        assert migrate.current_revision(conn) == "0002"
        columns = {c["name"] for c in inspect(conn).get_columns("agencies")}
    assert "location" not in columns

    store = open_store(path, key=KEY, backup_dir=tmp_path / "backups")
    try:
        with store.engine.connect() as conn:
            assert migrate.current_revision(conn) == migrate.head_revision()
            columns = {c["name"] for c in inspect(conn).get_columns("agencies")}
            assert columns == {c.name for c in models.Agency.__table__.columns}
            rows = {
                code: (address, location, discreet_name, discreet_phone)
                for code, address, location, discreet_name, discreet_phone in conn.execute(
                    text(
                        "SELECT code, address, location, discreet_name, discreet_phone"
                        " FROM agencies"
                    )
                )
            }
            kept = conn.execute(text("SELECT case_number FROM cases")).scalar()
            assert conn.execute(text("PRAGMA foreign_key_check")).fetchall() == []
        assert kept == number
        # The seed load after the migration puts the shipped values back on untouched rows:
        # no borrowed address, neutral names for the agencies whose name reveals the crime.
        assert rows["police"] == ("", "", "안전 상담", "")
        assert rows["stalking_center"][0] == "" and rows["stalking_center"][2] == "안심 상담"
        assert all(address != OLD_DEFAULT for address, *_ in rows.values())
        # The administrator's row is theirs: not touched by the seed, new columns empty.
        assert rows["legal_aid"] == ("부산광역시 연제구 1", "", "", "")
        assert list((tmp_path / "backups").glob("pre-migration-0002-*.db"))
    finally:
        store.close()
