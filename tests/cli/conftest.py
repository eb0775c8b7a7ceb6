"""Fixtures of the CLI tests: an empty data folder, and a center with three accounts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers.cli_runner import ADMIN_PW, C1_PW, LEAD_PW, Cli, cheap_auth
from helpers.pg_cluster import SUPERUSER, PgCluster


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    return Cli(tmp_path / "data", capsys)


@pytest.fixture
def center(
    cli: Cli, tmp_path: Path, store_kind: str, request: pytest.FixtureRequest
) -> Iterator[Cli]:
    """A set-up center: admin (administrator), lead (team lead) and c1 (counselor); on the
    test cluster's server store (``server init``) when ``store_kind`` is ``server``."""
    sheet = tmp_path / "recovery.pdf"
    where: tuple[str, ...] = ("init",)
    database = ""
    if store_kind == "server":
        cluster: PgCluster = request.getfixturevalue("pg_cluster")
        database = cluster.database_name(cluster.create_database())
        url = f"postgresql://{SUPERUSER}@127.0.0.1:{cluster.port}/{database}"
        where = ("server", "init", "--url", url, "--ca", str(cluster.ca_file))
        cli.use_server(cluster.password)
    code = cli(
        *where,
        "--center",
        "서울 원스톱 솔루션센터",
        "--username",
        "admin",
        "--display-name",
        "최관리",
        "--recovery-sheet",
        str(sheet),
        stdin=ADMIN_PW + "\n",
    )
    assert code == 0, cli.err
    cli.recovery_key = cli.out.strip().splitlines()[3]
    cli.sheet = sheet
    add = ("users", "add", "--display-name")
    assert (
        cli.as_user("admin", ADMIN_PW, *add, "김팀장", "lead", "--role", "team_lead", stdin=LEAD_PW)
        == 0
    )
    assert (
        cli.as_user("admin", ADMIN_PW, *add, "이상담", "c1", "--role", "counselor", stdin=C1_PW)
        == 0
    )
    # Accounts added by an administrator may do nothing until they choose their own
    # password; these two are taken to have done so, with the same one.
    with cheap_auth(cli.folder).keyring.updating() as ring:
        for name in ("lead", "c1"):
            ring.accounts[name].must_change_password = False
    yield cli
    if database:
        request.getfixturevalue("pg_cluster").drop_database(database)
