"""``server init`` / ``server connect``: one center on the PostgreSQL server, several PCs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers.cli_runner import ADMIN_PW, Cli
from helpers.pg_cluster import PgCluster, write_other_ca


@pytest.fixture
def server(pg_cluster: PgCluster) -> Iterator[tuple[str, str, Path]]:
    """(URL without a password, the role's password, the CA file) of a fresh database."""
    url = pg_cluster.create_database()
    name = pg_cluster.database_name(url)
    plain = f"postgresql://onestop_test@127.0.0.1:{pg_cluster.port}/{name}"
    yield plain, pg_cluster.password, pg_cluster.ca_file
    pg_cluster.drop_database(url)


def _init(cli: Cli, url: str, password: str, ca: Path) -> int:
    return cli(
        "server",
        "init",
        "--url",
        url,
        "--ca",
        str(ca),
        "--center",
        "서울 원스톱 솔루션센터",
        "--username",
        "admin",
        "--display-name",
        "최관리",
        stdin=f"{ADMIN_PW}\n{password}\n",
    )


def test_init_on_the_server_then_every_pc_connects_and_works(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], server
) -> None:
    url, password, ca = server
    desk1 = Cli(tmp_path / "desk-1", capsys)
    assert _init(desk1, url, password, ca) == 0, desk1.err
    lines = desk1.out.strip().splitlines()
    assert any("center created" in line for line in lines)
    assert not (desk1.folder / "onestop.db").exists()
    assert not (desk1.folder / "keyring.json").exists()
    saved = (desk1.folder / "server.json").read_text()
    assert password not in saved and "127.0.0.1" in saved

    desk2 = Cli(tmp_path / "desk-2", capsys)
    code = desk2("server", "connect", "--url", url, "--ca", str(ca), stdin=f"{password}\n")
    assert code == 0, desk2.err
    assert "connected" in desk2.out
    # The account made on desk 1 logs in on desk 2 and adds a colleague there.
    code = desk2.as_user(
        "admin",
        ADMIN_PW,
        "users",
        "add",
        "--display-name",
        "이상담",
        "c1",
        "--role",
        "counselor",
        stdin=f"{password}\n상담원비번2026\n",
    )
    assert code == 0, desk2.err
    assert desk1.as_user("admin", ADMIN_PW, "users", "list", stdin=f"{password}\n") == 0
    assert "c1" in desk1.out


def test_a_second_init_on_the_same_server_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], server
) -> None:
    url, password, ca = server
    assert _init(Cli(tmp_path / "a", capsys), url, password, ca) == 0
    again = Cli(tmp_path / "b", capsys)
    assert _init(again, url, password, ca) == 1
    again.assert_one_line_error()
    assert not (again.folder / "server.json").exists()


@pytest.mark.parametrize(
    ("query", "code_words"),
    [("?sslmode=disable", "verify-full"), ("?sslmode=require", "verify-full")],
)
def test_an_address_without_verified_tls_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], server, query: str, code_words: str
) -> None:
    url, password, ca = server
    cli = Cli(tmp_path / "pc", capsys)
    assert cli("server", "connect", "--url", url + query, "--ca", str(ca), stdin=password) == 1
    cli.assert_one_line_error()
    assert code_words in cli.err
    assert not (cli.folder / "server.json").exists()


def test_a_server_the_ca_did_not_sign_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], server
) -> None:
    url, password, _ca = server
    other = write_other_ca(tmp_path / "other-ca.crt")
    cli = Cli(tmp_path / "pc", capsys)
    assert cli("server", "connect", "--url", url, "--ca", str(other), stdin=password) == 1
    cli.assert_one_line_error()
    assert "certificate" in cli.err
    assert not (cli.folder / "server.json").exists()


def test_a_wrong_role_password_is_told_apart(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], server
) -> None:
    url, _password, ca = server
    cli = Cli(tmp_path / "pc", capsys)
    assert cli("server", "connect", "--url", url, "--ca", str(ca), stdin="wrong-pass\n") == 1
    cli.assert_one_line_error()
    assert "password" in cli.err


def test_audit_verify_checks_the_chain_on_the_server_and_sees_a_cut(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], server, pg_cluster: PgCluster
) -> None:
    url, password, ca = server
    desk1 = Cli(tmp_path / "desk-1", capsys)
    assert _init(desk1, url, password, ca) == 0, desk1.err
    desk2 = Cli(tmp_path / "desk-2", capsys)
    assert desk2("server", "connect", "--url", url, "--ca", str(ca), stdin=password) == 0
    assert desk2.as_user("admin", ADMIN_PW, "audit", "verify", stdin=f"{password}\n") == 0
    assert "OK" in desk2.out, desk2.err
    # Someone with database access cuts the newest rows off the log: the head kept in the
    # keyring table (outside audit_events) still names them.
    with pg_cluster.connect_admin(url.rsplit("/", 1)[1]) as admin:
        admin.execute(
            "DELETE FROM audit_events WHERE seq > (SELECT max(seq) - 2 FROM audit_events)"
        )
    assert desk1.as_user("admin", ADMIN_PW, "audit", "verify", stdin=f"{password}\n") == 1
    assert "missing" in desk1.err


def test_file_backups_and_restore_are_refused_on_the_server_store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], server
) -> None:
    url, password, ca = server
    desk = Cli(tmp_path / "desk", capsys)
    assert _init(desk, url, password, ca) == 0, desk.err
    for argv in (("backup",), ("restore", str(tmp_path / "old.db"))):
        assert desk.as_user("admin", ADMIN_PW, *argv, stdin=f"{password}\n") == 1
        desk.assert_one_line_error()
        assert "center server" in desk.err
    assert (desk.folder / "server.json").exists()
    assert not (desk.folder / "onestop.db").exists()
