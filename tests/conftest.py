"""Shared fixtures: a real store and services bound to users.

The ``store`` fixture is the embedded store (an encrypted SQLite file in tmp_path) unless the
test runs with ``store_kind == "server"``: then it is a fresh database on the session's
throwaway PostgreSQL cluster (copied from a migrated, seeded template: fast). Tests under
tests/db and tests/services run with both kinds (``pytest_generate_tests`` below); a test
that is about the SQLite file itself carries ``@pytest.mark.embedded_only``, one about the
server alone (concurrent PCs, a dropped connection) ``@pytest.mark.server_only``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers.pg_cluster import PgBinariesMissing, PgCluster, start_cluster
from helpers.world import World
from onestop_desk.db.server import parse_server_url
from onestop_desk.db.store import Store, open_server_store, open_store

# Test folders whose store tests run on both stores.
BOTH_STORES = ("db", "services", "cli")  # cli: the tests on a set-up center


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "store_kind" not in metafunc.fixturenames:
        return
    if metafunc.definition.get_closest_marker("server_only"):
        metafunc.parametrize("store_kind", ["server"])
        return
    folder = Path(str(metafunc.definition.path)).parent.name
    if metafunc.definition.get_closest_marker("server_only"):
        metafunc.parametrize("store_kind", ["server"])
    elif folder in BOTH_STORES and not metafunc.definition.get_closest_marker("embedded_only"):
        metafunc.parametrize("store_kind", ["embedded", "server"])


@pytest.fixture
def store_kind() -> str:
    return "embedded"


@pytest.fixture(scope="session")
def pg_template(pg_cluster: PgCluster) -> str:
    """A migrated, seeded database to copy per test (its name)."""
    url = pg_cluster.create_database("onestop_template")
    location, password = parse_server_url(_plain_url(url), pg_cluster.ca_file)
    open_server_store(location, password or "").close()
    return pg_cluster.database_name(url)


def _plain_url(url: str) -> str:
    return url.split("?", 1)[0].replace("postgresql+psycopg://", "postgresql://", 1)


@pytest.fixture
def store(tmp_path: Path, store_kind: str, request: pytest.FixtureRequest) -> Iterator[Store]:
    if store_kind == "server":
        cluster: PgCluster = request.getfixturevalue("pg_cluster")
        template = request.getfixturevalue("pg_template")
        url = cluster.create_database(template=template)
        location, password = parse_server_url(_plain_url(url), cluster.ca_file)
        s = open_server_store(
            location, password or "", folder=tmp_path, key=os.urandom(32), seed=False
        )
        yield s
        s.close()
        cluster.drop_database(url)
        return
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
