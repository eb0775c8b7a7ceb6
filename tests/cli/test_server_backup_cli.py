"""``backup`` and ``restore`` on a data folder whose store is the center server.

The account service here opens the server store for the folder; it stands in for the
folder's own choice of store (``server.json``), which the login gets elsewhere. Everything
from the session on (the services, the restore protocol, the CLI) is the real one.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from helpers.cli_runner import ADMIN_PW, C1_PW
from helpers.pg_cluster import PgCluster
from onestop_desk.cli import main
from onestop_desk.db.server import SERVER_FILE, ServerLocation, parse_server_url
from onestop_desk.db.store import Store, open_server_store
from onestop_desk.domain.records import CaseInput, PersonInput
from onestop_desk.domain.security import KdfParams
from onestop_desk.domain.vocab import IntakeChannel
from onestop_desk.services.auth import AuthService

VICTIM = "남궁서린"


class ServerFolderAuth(AuthService):
    def __init__(self, folder: Path, location: ServerLocation, password: str) -> None:
        super().__init__(
            folder, kdf_params=lambda: KdfParams(time_cost=1, memory_cost=64, parallelism=1)
        )
        self.location = location
        self.password = password

    @property
    def database_path(self) -> Path:
        return self.data_dir / SERVER_FILE

    def open_store(self, data_key: bytes) -> Store:
        return open_server_store(
            self.location, self.password, folder=self.data_dir, key=data_key, seed=False
        )


@pytest.fixture
def server_folder(
    tmp_path: Path, pg_cluster: PgCluster, pg_template: str
) -> Iterator[tuple[Path, ServerLocation, str, PgCluster]]:
    url = pg_cluster.create_database(template=pg_template)
    plain = url.split("?", 1)[0].replace("postgresql+psycopg://", "postgresql://", 1)
    location, password = parse_server_url(plain, pg_cluster.ca_file)
    folder = tmp_path / "data"
    folder.mkdir()
    yield folder, location, password or "", pg_cluster
    with pg_cluster.connect_admin() as conn:
        rows = conn.execute(
            "SELECT datname FROM pg_database WHERE datname = %s "
            "OR datname LIKE 'onestop\\_before\\_restore\\_%%'",
            (location.database,),
        ).fetchall()
        for (name,) in rows:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run(folder: Path, location: ServerLocation, password: str, *argv: str, stdin: str = ""):
    out = io.StringIO()
    code = main(
        [*argv, "--data-dir", str(folder)],
        stdin=io.StringIO(stdin),
        stdout=out,
        environ={},
        auth_factory=lambda f: ServerFolderAuth(f, location, password),
    )
    return code, out.getvalue()


def new_case(auth: AuthService, name: str) -> str:
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


def test_backup_and_restore_commands_on_a_server_store(server_folder, capsys):
    folder, location, password, cluster = server_folder
    code, _ = run(
        folder,
        location,
        password,
        *("init", "--center", "서울 원스톱 솔루션센터", "--username", "admin"),
        *("--display-name", "최관리", "--recovery-sheet", str(folder.parent / "r.pdf")),
        stdin=ADMIN_PW + "\n",
    )
    assert code == 0, capsys.readouterr().err
    add = ("users", "add", "--display-name", "이상담", "c1", "--role", "counselor")
    code, _ = run(folder, location, password, *add, "--user", "admin", stdin=f"{ADMIN_PW}\n{C1_PW}")
    assert code == 0, capsys.readouterr().err
    auth = ServerFolderAuth(folder, location, password)
    with auth.keyring.updating() as ring:
        ring.accounts["c1"].must_change_password = False
    first = new_case(auth, VICTIM)

    code, out = run(folder, location, password, "backup", "--user", "admin", stdin=ADMIN_PW)
    assert code == 0, capsys.readouterr().err
    backup = Path(out.split("backed up: ", 1)[1].split(" (", 1)[0])
    assert backup.parent == folder / "backups" and backup.name.endswith("-KST.pgdump.enc")
    assert VICTIM.encode() not in backup.read_bytes()

    later = new_case(auth, "나중사람")
    assert cases_in(cluster, location.database) == [first, later]

    code, out = run(
        folder, location, password, "restore", str(backup), "--user", "admin", stdin=ADMIN_PW
    )
    assert code == 0, capsys.readouterr().err
    assert "restored: 1 cases" in out
    kept = out.split("previous database kept as: ", 1)[1].strip()
    assert kept.startswith("onestop_before_restore_")
    assert cases_in(cluster, location.database) == [first]
    assert cases_in(cluster, kept) == [first, later]

    # The restore is in the restored database's log, and its chain verifies.
    with cluster.connect_admin(location.database) as conn:
        details = [r[0] for r in conn.execute("SELECT detail FROM audit_events")]
    assert any(f"previous kept as {kept}" in d for d in details)
    code, out = run(
        folder, location, password, "audit", "verify", "--user", "admin", stdin=ADMIN_PW
    )
    assert code == 0, (out, capsys.readouterr().err)


def test_restore_of_a_damaged_server_backup_changes_nothing(server_folder, capsys):
    folder, location, password, cluster = server_folder
    code, _ = run(
        folder,
        location,
        password,
        *("init", "--center", "서울 원스톱 솔루션센터", "--username", "admin"),
        *("--display-name", "최관리", "--recovery-sheet", str(folder.parent / "r.pdf")),
        stdin=ADMIN_PW + "\n",
    )
    assert code == 0
    code, out = run(folder, location, password, "backup", "--user", "admin", stdin=ADMIN_PW)
    backup = Path(out.split("backed up: ", 1)[1].split(" (", 1)[0])
    data = bytearray(backup.read_bytes())
    data[-100] ^= 0xFF
    backup.write_bytes(bytes(data))
    capsys.readouterr()
    code, _ = run(
        folder, location, password, "restore", str(backup), "--user", "admin", stdin=ADMIN_PW
    )
    err = capsys.readouterr().err
    assert code != 0
    assert err.startswith("오류: ") and "damaged" in err
    with cluster.connect_admin() as conn:
        names = {r[0] for r in conn.execute("SELECT datname FROM pg_database")}
    assert location.database in names
    assert not any(n.startswith(("onestop_restore_", "onestop_before_restore_")) for n in names)
    with cluster.connect_admin(location.database) as conn:
        assert conn.execute("SELECT count(*) FROM users").fetchone() == (1,)
