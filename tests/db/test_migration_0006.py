"""Migration 0006 (the keyring tables of the server store) on a 0004 database with cases."""

from __future__ import annotations

import os

from alembic import command
from sqlalchemy import Engine, create_engine, inspect, text

from helpers.pg_cluster import PgCluster
from onestop_desk.db import migrate
from onestop_desk.db.engine import create_store_engine
from onestop_desk.db.server import parse_server_url
from onestop_desk.db.store import open_server_store, open_store

KEY = os.urandom(32)
TABLES = {"keyring_meta", "keyring_accounts", "keyring_failures"}


def _to_0004(engine: Engine) -> None:
    with engine.connect() as connection, connection.begin():
        cfg = migrate._config()
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "0004")
        connection.execute(text("INSERT INTO counters (name, value) VALUES ('case:2026', 7)"))
        assert not TABLES & set(inspect(connection).get_table_names())


def _check(engine: Engine) -> None:
    with engine.connect() as conn:
        assert migrate.current_revision(conn) == migrate.head_revision()
        assert set(inspect(conn).get_table_names()) >= TABLES
        assert conn.execute(text("SELECT count(*) FROM keyring_meta")).scalar() == 0
        assert conn.execute(text("SELECT value FROM counters")).scalar() == 7


def test_embedded_0004_database_gets_the_empty_keyring_tables(tmp_path) -> None:
    path = tmp_path / "onestop.db"
    engine = create_store_engine(path, KEY)
    _to_0004(engine)
    engine.dispose()
    store = open_store(path, key=KEY, backup_dir=tmp_path / "backups")
    try:
        _check(store.engine)
    finally:
        store.close()


def test_server_0004_database_gets_the_keyring_tables(pg_cluster: PgCluster) -> None:
    url = pg_cluster.create_database()
    plain = url.split("?", 1)[0].replace("postgresql+psycopg://", "postgresql://", 1)
    location, password = parse_server_url(plain, pg_cluster.ca_file)
    try:
        raw = create_engine(url)
        _to_0004(raw)
        raw.dispose()
        store = open_server_store(location, password or "")
        try:
            _check(store.engine)
        finally:
            store.close()
    finally:
        pg_cluster.drop_database(url)
