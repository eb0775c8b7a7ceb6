"""``onestop-desk-admin server import`` on a data folder whose store is the center server."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from helpers.cli_runner import ADMIN_PW, Cli
from helpers.pg_cluster import PgCluster
from helpers.single_pc import SOURCE_ADMIN, SOURCE_ADMIN_PW, cheap_kdf, make_single_pc
from onestop_desk.cli import main
from onestop_desk.db.server import parse_server_url
from onestop_desk.db.store import Store, open_server_store
from onestop_desk.services.audit_trail import keep_head
from onestop_desk.services.auth import AuthService


@dataclass
class ServerDesk:
    """A data folder whose login opens the center server database (the keyring stays in the
    folder, as it does on a single PC)."""

    folder: Path
    factory: type[AuthService]
    out: str = ""
    err: str = ""

    def __call__(self, *argv: str, stdin: str, capsys: pytest.CaptureFixture[str]) -> int:
        out = io.StringIO()
        capsys.readouterr()
        code = main(
            [*argv, "--data-dir", str(self.folder)],
            stdin=io.StringIO(stdin),
            stdout=out,
            environ={},
            auth_factory=lambda folder: self.factory(folder, kdf_params=cheap_kdf),
        )
        self.out, self.err = out.getvalue(), capsys.readouterr().err
        return code


@pytest.fixture
def desk(tmp_path: Path, pg_cluster: PgCluster, pg_template: str) -> Iterator[ServerDesk]:
    url = pg_cluster.create_database(template=pg_template)
    plain = url.split("?", 1)[0].replace("postgresql+psycopg://", "postgresql://", 1)
    location, password = parse_server_url(plain, pg_cluster.ca_file)

    class ServerAuth(AuthService):
        def open_store(self, data_key: bytes) -> Store:
            store = open_server_store(
                location, password or "", folder=self.data_dir, key=data_key, seed=False
            )
            keep_head(store.sessions, self.audit_heads)
            return store

    folder = tmp_path / "server-desk"
    ServerAuth(folder, kdf_params=cheap_kdf).set_up(
        "서울 원스톱 솔루션센터", "admin", "최관리", ADMIN_PW
    ).session.logout("test")
    yield ServerDesk(folder, ServerAuth)
    pg_cluster.drop_database(url)


def _import(desk: ServerDesk, capsys, source: Path, *extra: str, pw: str = SOURCE_ADMIN_PW):  # type: ignore[no-untyped-def]
    return desk(
        "server",
        "import",
        "--from",
        str(source),
        "--user",
        "admin",
        "--source-user",
        SOURCE_ADMIN,
        *extra,
        stdin=f"{ADMIN_PW}\n{pw}\n",
        capsys=capsys,
    )


def test_two_pcs_imported_the_second_renumbered_with_its_map(
    desk: ServerDesk, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = make_single_pc(tmp_path / "pc-b", ["가나다", "윤서연"])
    second = make_single_pc(tmp_path / "pc-c", ["한지민"], counselor="c3")

    assert _import(desk, capsys, first.folder) == 0, desk.err
    assert "바뀐 번호가 없습니다 / no number changed" in desk.out
    assert "사례 cases 2" in desk.out
    assert SOURCE_ADMIN in desk.out  # created disabled, and said so
    # The victims' names are never printed.
    assert not any(name in desk.out for name in first.names)

    map_file = tmp_path / "map.csv"
    code = _import(desk, capsys, second.database, "--map", str(map_file))
    assert code == 0, desk.err
    assert "2026-00001\t→\t2026-00003" in desk.out
    assert "R2026-000001\t→\tR2026-000003" in desk.out
    assert "c3" in desk.out
    rows = list(csv.reader(map_file.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0] == ["kind", "old_number", "new_number", "changed"]
    assert ["case", "2026-00001", "2026-00003", "yes"] in rows
    assert ["document", "R2026-000001", "R2026-000003", "yes"] in rows
    assert oct(map_file.stat().st_mode & 0o777) == "0o600"

    # The same store again: refused, one line, nothing printed as done.
    assert _import(desk, capsys, second.folder) == 1
    assert "이미 센터 서버로 가져왔습니다" in desk.err
    assert desk.err.count("\n") == 1 and "Traceback" not in desk.err


def test_a_wrong_source_password_is_refused_in_one_line(
    desk: ServerDesk, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = make_single_pc(tmp_path / "pc-b", ["가나다"])
    assert _import(desk, capsys, source.folder, pw="틀린비번2026!") == 1
    assert "가져올 PC의 관리자 계정·비밀번호 또는 복구 키가 맞지 않습니다" in desk.err
    assert desk.err.count("\n") == 1 and "Traceback" not in desk.err
    # The recovery key opens it instead.
    code = desk(
        "server",
        "import",
        "--from",
        str(source.folder),
        "--user",
        "admin",
        "--recovery-key",
        stdin=f"{ADMIN_PW}\n{source.recovery_key}\n",
        capsys=capsys,
    )
    assert code == 0, desk.err


@pytest.mark.embedded_only  # the folder under test is a single-PC one by definition
def test_a_single_pc_data_folder_is_told_to_use_the_server(center: Cli, tmp_path: Path) -> None:
    source = make_single_pc(tmp_path / "pc-b", ["가나다"])
    code = center.as_user(
        "admin",
        ADMIN_PW,
        "server",
        "import",
        "--from",
        str(source.folder),
        stdin=SOURCE_ADMIN_PW + "\n",
    )
    assert code == 1
    assert "센터 서버에 연결되어 있지 않습니다" in center.err
    center.assert_one_line_error()
