"""The test cluster is what a center's server should be: TLS verified, SCRAM, nothing else."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest

from helpers.pg_cluster import SUPERUSER, PgCluster, write_other_ca


def test_connects_over_verified_tls_with_scram(pg_cluster: PgCluster) -> None:
    with pg_cluster.connect_admin() as conn:
        assert conn.info.pgconn.ssl_in_use
        row = conn.execute("SHOW password_encryption").fetchone()
        assert row == ("scram-sha-256",)
        assert int(conn.execute("SHOW server_version_num").fetchone()[0]) >= 150000


def test_plain_connection_is_refused(pg_cluster: PgCluster) -> None:
    with pytest.raises(psycopg.OperationalError, match=r"no pg_hba\.conf entry|SSL off"):
        psycopg.connect(
            f"host=127.0.0.1 port={pg_cluster.port} dbname=postgres user={SUPERUSER} "
            f"password={pg_cluster.password} sslmode=disable"
        )


def test_wrong_ca_fails_verification(pg_cluster: PgCluster, tmp_path: Path) -> None:
    other = write_other_ca(tmp_path / "other.crt")
    with pytest.raises(psycopg.OperationalError, match="certificate verify failed"):
        psycopg.connect(
            f"host=127.0.0.1 port={pg_cluster.port} dbname=postgres user={SUPERUSER} "
            f"password={pg_cluster.password} sslmode=verify-full sslrootcert={other}"
        )


def test_databases_are_created_and_dropped(pg_cluster: PgCluster) -> None:
    url = pg_cluster.create_database()
    name = pg_cluster.database_name(url)
    copy = pg_cluster.create_database(template=name)
    with pg_cluster.connect_admin() as conn:
        names = {r[0] for r in conn.execute("SELECT datname FROM pg_database")}
    assert {name, pg_cluster.database_name(copy)} <= names
    pg_cluster.drop_database(url)
    pg_cluster.drop_database(copy)
    with pg_cluster.connect_admin() as conn:
        names = {r[0] for r in conn.execute("SELECT datname FROM pg_database")}
    assert name not in names
