"""Fixtures of the CLI tests: an empty data folder, and a center with three accounts."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from helpers.cli_runner import ADMIN_PW, C1_PW, LEAD_PW, Cli, cheap_auth
from helpers.pg_cluster import SUPERUSER, PgCluster
from onestop_desk.db.server import ServerLocation
from onestop_desk.paths import SERVER_FILE


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    return Cli(tmp_path / "data", capsys)


@dataclass(frozen=True)
class _SetUpCenter:
    """A center made once per run and store kind, for every test to start from a copy."""

    folder: Path
    recovery_key: str
    sheet: Path
    database: str  # the server store's database ("" for the embedded one)


@pytest.fixture(scope="session")
def _set_up_centers() -> dict[str, _SetUpCenter]:
    return {}


def _set_up(cli: Cli, sheet: Path, store_kind: str, request: pytest.FixtureRequest) -> str:
    """``init`` (or ``server init``) and two more accounts through the CLI, as an
    administrator does it; returns the server database's name ("" when embedded)."""
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
    return database


@pytest.fixture
def center(
    cli: Cli,
    tmp_path: Path,
    tmp_path_factory: pytest.TempPathFactory,
    store_kind: str,
    request: pytest.FixtureRequest,
    _set_up_centers: dict[str, _SetUpCenter],
) -> Iterator[Cli]:
    """A set-up center: admin (administrator), lead (team lead) and c1 (counselor); on the
    test cluster's server store (``server init``) when ``store_kind`` is ``server``.

    The center is set up through the CLI once per run and store kind; each test gets a copy
    of its data folder (and, on the server, of its database: ``CREATE DATABASE … TEMPLATE``).
    A test that needs ``init`` itself uses the ``cli`` fixture.
    """
    made = _set_up_centers.get(store_kind)
    if made is None:
        home = tmp_path_factory.mktemp(f"center-{store_kind}")
        first = Cli(home / "data", request.getfixturevalue("capsys"))
        database = _set_up(first, home / "recovery.pdf", store_kind, request)
        made = _set_up_centers[store_kind] = _SetUpCenter(
            first.folder, first.recovery_key, first.sheet, database
        )
    shutil.copytree(made.folder, cli.folder)
    cli.sheet = Path(shutil.copy2(made.sheet, tmp_path / "recovery.pdf"))
    cli.recovery_key = made.recovery_key
    database = ""
    if made.database:
        cluster: PgCluster = request.getfixturevalue("pg_cluster")
        cluster.close_connections(made.database)
        database = cluster.database_name(cluster.create_database(template=made.database))
        location = ServerLocation.from_json((made.folder / SERVER_FILE).read_text("utf-8"))
        (cli.folder / SERVER_FILE).write_text(
            replace(location, database=database).to_json(), encoding="utf-8"
        )
        cli.use_server(cluster.password)
    yield cli
    if database:
        request.getfixturevalue("pg_cluster").drop_database(database)
