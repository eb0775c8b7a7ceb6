"""Migration 0010 (imported stores and renumbered numbers) on a 0004 database in use."""

from __future__ import annotations

import os

from alembic import command
from sqlalchemy import inspect

from helpers.old_schema import database_at
from helpers.world import NOW, World
from onestop_desk.db import migrate, models
from onestop_desk.db.search import SearchRepository
from onestop_desk.db.seed import load_seed_data
from onestop_desk.db.store import open_store

KEY = os.urandom(32)
NEW_TABLES = {"store_imports", "imported_numbers"}


def make_0004_database(path):  # type: ignore[no-untyped-def]
    def write(store):  # type: ignore[no-untyped-def]
        with store.sessions.begin() as s:
            load_seed_data(s)
        assert not NEW_TABLES & set(inspect(store.engine).get_table_names())
        return World(store).new_case(name="이전사례").case_number

    return database_at(path, KEY, "0004", write)


def test_0004_database_gets_the_import_tables_and_an_old_number_finds_its_case(tmp_path):
    path = tmp_path / "onestop.db"
    number = make_0004_database(path)
    store = open_store(path, key=KEY, backup_dir=tmp_path / "backups")
    try:
        assert set(inspect(store.engine).get_table_names()) >= NEW_TABLES
        with store.sessions.begin() as s:
            [case_id] = SearchRepository(s).search(number)
            record = models.StoreImport(
                fingerprint="f" * 64,
                source="/media/usb/onestop.db",
                imported_at=NOW.replace(tzinfo=None),
                imported_by="admin",
                counts={"cases": 1},
            )
            s.add(record)
            s.flush()
            s.add(
                models.ImportedNumber(
                    import_id=record.id,
                    kind="case",
                    old_number="2025-00077",
                    new_number=number,
                    case_id=case_id,
                )
            )
        with store.sessions() as s:
            assert SearchRepository(s).search("2025-00077") == [case_id]
    finally:
        store.close()


def test_0010_downgrades_to_the_revision_before_it(tmp_path):
    store = open_store(tmp_path / "onestop.db", key=KEY)
    try:
        with store.engine.begin() as connection:
            cfg = migrate._config()
            cfg.attributes["connection"] = connection
            command.downgrade(cfg, "0009")
        assert not NEW_TABLES & set(inspect(store.engine).get_table_names())
    finally:
        store.close()
