"""``backup`` and ``restore`` on a data folder connected to the center server (``server
init``): the same commands as on a single PC, a PostgreSQL dump encrypted on the PC, and a
restore that goes into a new database and is renamed in, keeping the old one."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from helpers.cli_runner import ADMIN_PW, C1_PW, Cli, cheap_auth
from helpers.pg_cluster import PgCluster
from onestop_desk.domain.records import CaseInput, PersonInput
from onestop_desk.domain.vocab import IntakeChannel

VICTIM = "남궁서린"


@pytest.fixture
def center(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], pg_cluster: PgCluster
) -> Iterator[tuple[Cli, str, str]]:
    """A center set up on a fresh server database: admin, and counselor c1 (the CLI, the
    role's password and the database's name)."""
    url = pg_cluster.create_database()
    name = pg_cluster.database_name(url)
    plain = f"postgresql://onestop_test@127.0.0.1:{pg_cluster.port}/{name}"
    password = pg_cluster.password
    cli = Cli(tmp_path / "desk-1", capsys)
    code = cli(
        *("server", "init", "--url", plain, "--ca", str(pg_cluster.ca_file)),
        *("--center", "서울 원스톱 솔루션센터", "--username", "admin", "--display-name", "최관리"),
        stdin=f"{ADMIN_PW}\n{password}\n",
    )
    assert code == 0, cli.err
    add = ("users", "add", "--display-name", "이상담", "c1", "--role", "counselor")
    code = cli.as_user("admin", ADMIN_PW, *add, stdin=f"{password}\n{C1_PW}\n")
    assert code == 0, cli.err
    auth = cheap_auth(cli.folder)
    auth.connect_with(password)
    with auth.keyring.updating() as ring:
        ring.accounts["c1"].must_change_password = False
    # A logout closes the folder's server connections: none may stay open for a restore.
    auth.login("c1", C1_PW).logout()
    yield cli, password, name
    with pg_cluster.connect_admin() as conn:
        rows = conn.execute(
            "SELECT datname FROM pg_database WHERE datname = %s "
            "OR datname LIKE 'onestop\\_before\\_restore\\_%%' "
            "OR datname LIKE 'onestop\\_restore\\_%%'",
            (name,),
        ).fetchall()
        for (db,) in rows:
            conn.execute(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')


def new_case(cli: Cli, password: str, name: str) -> str:
    auth = cheap_auth(cli.folder)
    auth.connect_with(password)
    session = auth.login("c1", C1_PW)
    try:
        person = PersonInput(name=name, birth_date=date(1990, 3, 1))
        case = CaseInput(
            intake_channel=IntakeChannel.VISIT,
            intake_date=date(2026, 11, 2),
            crime_types=("stalking",),
        )
        return session.services.cases.create_case(person, case).case_number
    finally:
        session.logout()


def cases_in(cluster: PgCluster, database: str) -> list[str]:
    with cluster.connect_admin(database) as conn:
        return [r[0] for r in conn.execute("SELECT case_number FROM cases ORDER BY id")]


def database_names(cluster: PgCluster) -> set[str]:
    with cluster.connect_admin() as conn:
        return {r[0] for r in conn.execute("SELECT datname FROM pg_database")}


def backed_up(cli: Cli) -> Path:
    return Path(cli.out.split("backed up: ", 1)[1].split(" (", 1)[0])


def test_backup_and_restore_commands_on_a_server_store(center, pg_cluster):
    cli, password, live = center
    first = new_case(cli, password, VICTIM)

    assert cli.as_user("admin", ADMIN_PW, "backup", stdin=f"{password}\n") == 0, cli.err
    backup = backed_up(cli)
    assert backup.parent == cli.folder / "backups" and backup.name.endswith("-KST.pgdump.enc")
    assert VICTIM.encode() not in backup.read_bytes()
    assert password.encode() not in backup.read_bytes()

    later = new_case(cli, password, "나중사람")
    assert cases_in(pg_cluster, live) == [first, later]

    code = cli.as_user("admin", ADMIN_PW, "restore", str(backup), stdin=f"{password}\n")
    assert code == 0, cli.err
    assert "restored: 1 cases" in cli.out
    kept = cli.out.split("previous database kept as: ", 1)[1].strip()
    assert kept.startswith("onestop_before_restore_")
    assert cases_in(pg_cluster, live) == [first]
    assert cases_in(pg_cluster, kept) == [first, later]
    assert not any(n.startswith("onestop_restore_") for n in database_names(pg_cluster))

    # The restore is in the restored database's log, the chain verifies, and the counselor
    # still logs in from the same folder (its server.json was not touched).
    with pg_cluster.connect_admin(live) as conn:
        details = [r[0] for r in conn.execute("SELECT detail FROM audit_events")]
    assert any(f"previous kept as {kept}" in d for d in details)
    assert cli.as_user("admin", ADMIN_PW, "audit", "verify", stdin=f"{password}\n") == 0, cli.err
    assert new_case(cli, password, "복원뒤사람")


def test_restore_of_a_damaged_server_backup_changes_nothing(center, pg_cluster):
    cli, password, live = center
    first = new_case(cli, password, VICTIM)
    assert cli.as_user("admin", ADMIN_PW, "backup", stdin=f"{password}\n") == 0, cli.err
    backup = backed_up(cli)
    data = bytearray(backup.read_bytes())
    data[-100] ^= 0xFF
    backup.write_bytes(bytes(data))
    code = cli.as_user("admin", ADMIN_PW, "restore", str(backup), stdin=f"{password}\n")
    assert code == 1
    cli.assert_one_line_error()
    assert "damaged" in cli.err
    names = database_names(pg_cluster)
    assert live in names
    assert not any(n.startswith(("onestop_restore_", "onestop_before_restore_")) for n in names)
    assert cases_in(pg_cluster, live) == [first]


def test_into_is_refused_on_a_single_pc_store(cli_single):
    cli = cli_single
    code = cli.as_user("admin", ADMIN_PW, "backup")
    assert code == 0, cli.err
    backup = backed_up(cli)
    code = cli.as_user("admin", ADMIN_PW, "restore", str(backup), "--into", "onestop_x")
    assert code == 1
    cli.assert_one_line_error()
    assert "other kind of store" in cli.err


@pytest.fixture
def cli_single(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    cli = Cli(tmp_path / "single", capsys)
    code = cli(
        *("init", "--center", "서울 원스톱 솔루션센터", "--username", "admin"),
        *("--display-name", "최관리", "--recovery-sheet", str(tmp_path / "r.pdf")),
        stdin=ADMIN_PW + "\n",
    )
    assert code == 0, cli.err
    return cli
