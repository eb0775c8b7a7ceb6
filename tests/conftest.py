"""Shared fixtures: a real (encrypted) SQLite store in tmp_path and services bound to users."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers.pg_cluster import PgBinariesMissing, PgCluster, start_cluster
from helpers.world import World
from onestop_desk.db.store import Store, open_store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(tmp_path / "onestop.db", key=os.urandom(32), backup_dir=tmp_path / "backups")
    yield s
    s.close()


@pytest.fixture
def world(store: Store) -> World:
    return World(store)


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    """A throwaway TLS + SCRAM PostgreSQL cluster for the whole run (tests/helpers/pg_cluster.py).

    Missing PostgreSQL binaries fail the test that asked for the cluster, never skip it: the
    server store must not go untested in CI without anyone noticing.
    """
    try:
        cluster = start_cluster()
    except PgBinariesMissing as exc:
        pytest.fail(str(exc), pytrace=False)
    try:
        yield cluster
    finally:
        cluster.stop()
