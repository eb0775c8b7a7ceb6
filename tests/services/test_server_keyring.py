"""Accounts on the center server: set up once, log in from any PC, one lockout count."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from helpers.pg_cluster import PgCluster
from helpers.world import NOW
from onestop_desk.db.server import parse_server_url
from onestop_desk.domain.clock import fixed_clock
from onestop_desk.domain.errors import ServerLoginError
from onestop_desk.domain.security import KdfParams
from onestop_desk.domain.security.errors import AccountLockedError, InvalidCredentialsError
from onestop_desk.services.auth import AuthService
from onestop_desk.services.auth.location import save_location

ADMIN_PW = "center-admin-pass-2026"


def _cheap() -> KdfParams:
    return KdfParams(time_cost=1, memory_cost=64, parallelism=1)


@pytest.fixture
def server(pg_cluster: PgCluster) -> Iterator[tuple[PgCluster, str]]:
    url = pg_cluster.create_database()
    yield pg_cluster, url
    pg_cluster.drop_database(url)


def _pc(tmp_path: Path, name: str, server: tuple[PgCluster, str], password: str | None = None):
    cluster, url = server
    plain = url.split("?", 1)[0].replace("postgresql+psycopg://", "postgresql://", 1)
    location, role_password = parse_server_url(plain, cluster.ca_file)
    folder = tmp_path / name
    save_location(folder, location)
    return AuthService(
        folder,
        clock=fixed_clock(NOW),
        pc_name=name,
        kdf_params=_cheap,
        server_password=role_password if password is None else password,
    )


def test_set_up_on_one_pc_log_in_on_another(tmp_path: Path, server) -> None:
    desk1 = _pc(tmp_path, "desk-1", server)
    result = desk1.set_up("서울 원스톱 솔루션센터", "admin", "최관리", ADMIN_PW)
    assert result.recovery_key
    result.session.logout()
    assert not (tmp_path / "desk-1" / "keyring.json").exists()
    desk2 = _pc(tmp_path, "desk-2", server)
    session = desk2.login("admin", ADMIN_PW)
    assert session.actor.username == "admin"
    assert session.store.is_server
    session.logout()


def test_lockout_is_counted_once_across_pcs(tmp_path: Path, server) -> None:
    desk1 = _pc(tmp_path, "desk-1", server)
    desk1.set_up("센터", "admin", "최관리", ADMIN_PW).session.logout()
    pcs = [_pc(tmp_path, f"desk-{n}", server) for n in range(2, 8)]

    def attempt(auth: AuthService) -> str:
        try:
            auth.login("admin", "wrong-password-0000")
        except AccountLockedError:
            return "locked"
        except InvalidCredentialsError:
            return "invalid"
        return "in"

    with ThreadPoolExecutor(max_workers=len(pcs)) as pool:
        outcomes = list(pool.map(attempt, pcs))
    # Five tries, then locked: six PCs at once cannot make it six tries. (An attempt counted
    # as the fourth may already read the lock the fifth set: it is told "locked", truly.)
    assert outcomes.count("invalid") <= 4 and outcomes.count("locked") >= 2, outcomes
    assert "in" not in outcomes
    ring = pcs[0].keyring.load()
    # Each attempt queued its failure under the row lock: none was lost to another PC's
    # write of the same keyring.
    assert len(ring.queued_failures) == len(pcs)
    assert ring.accounts["admin"].locked_until is not None
    with pytest.raises(AccountLockedError):
        pcs[0].login("admin", ADMIN_PW)


def test_without_the_role_password_nothing_connects(tmp_path: Path, server) -> None:
    with pytest.raises(ServerLoginError):
        _pc(tmp_path, "desk-1", server, password="not-the-role-password").is_set_up()
