"""When the center server does not answer: the intake draft stays on the PC, encrypted, and
moves to the server on the next save or load that reaches it; a walk-in is saved whole or not
at all; the failure is a domain error with words. And a PC joins a center from the desk app."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from helpers.pg_cluster import PgCluster, free_port, write_other_ca
from helpers.world import NOW, World
from onestop_desk.db import models
from onestop_desk.db.engine import make_sessions
from onestop_desk.db.server import create_server_engine, parse_server_url
from onestop_desk.db.store import Store
from onestop_desk.domain import messages
from onestop_desk.domain.clock import fixed_clock
from onestop_desk.domain.errors import (
    ServerCertificateError,
    ServerLoginError,
    ServerUnreachableError,
)
from onestop_desk.domain.records import Actor, CaseInput, PersonInput, WalkIn
from onestop_desk.domain.security import KdfParams
from onestop_desk.domain.security.errors import ServerNotSetUpError
from onestop_desk.domain.vocab import IntakeChannel, Role
from onestop_desk.services import Services, build_services
from onestop_desk.services.auth import AuthService
from onestop_desk.services.auth.location import connect_folder
from onestop_desk.services.drafts import LOCAL_DRAFTS_DIR

pytestmark = pytest.mark.server_only

NAME = "홍길동"


def _services(world: World, store: Store) -> Services:
    row_id = _user_id(world, "c1")
    actor = Actor(user_id=row_id, username="c1", role=Role.COUNSELOR, pc_name="desk-1")
    return build_services(store.sessions, actor, clock=world.clock, store=store)


def _user_id(world: World, username: str) -> int:
    with world.store.sessions() as s:
        return s.scalar(select(models.User.id).where(models.User.username == username))


@pytest.fixture
def down_store(store: Store) -> Iterator[Store]:
    """The same server store as seen while nobody answers: its engine points at a port where
    nothing listens (connection refused at once); location, folder and key are the same."""
    assert store.server is not None
    password = store.engine.url.password
    engine = create_server_engine(replace(store.server, port=free_port()), str(password))
    yield Store(
        path=store.path,
        engine=engine,
        sessions=make_sessions(engine),
        key=store.key,
        server=store.server,
    )
    engine.dispose()


def test_a_draft_typed_while_the_server_is_down_stays_on_the_pc_then_moves(
    world: World, store: Store, down_store: Store
) -> None:
    up, down = _services(world, store), _services(world, down_store)
    saved = down.drafts.save_intake({"name": NAME, "phone": "010-1234-5678"})
    assert saved.on_this_pc
    files = list((store.path.parent / LOCAL_DRAFTS_DIR).iterdir())
    assert [f.name for f in files] == [f"intake-{_user_id(world, 'c1')}.bin"]
    blob = files[0].read_bytes()
    assert NAME.encode() not in blob and b"010-1234-5678" not in blob
    # Still down: the form is offered again from the PC.
    again = down.drafts.load_intake()
    assert again is not None and again.on_this_pc and again.fields["name"] == NAME
    # The server answers again: the draft is moved there and the PC's copy goes.
    moved = up.drafts.load_intake()
    assert moved is not None and not moved.on_this_pc and moved.fields["name"] == NAME
    assert not files[0].exists()
    assert up.drafts.load_intake() == moved


def test_a_save_that_reaches_the_server_deletes_the_pcs_copy(
    world: World, store: Store, down_store: Store
) -> None:
    up, down = _services(world, store), _services(world, down_store)
    down.drafts.save_intake({"name": NAME})
    newer = up.drafts.save_intake({"name": NAME, "summary": "더 적음"})
    assert not newer.on_this_pc
    assert not any((store.path.parent / LOCAL_DRAFTS_DIR).iterdir())
    loaded = up.drafts.load_intake()
    assert loaded is not None and loaded.fields["summary"] == "더 적음"


def test_a_draft_file_of_another_center_is_left_alone(
    world: World, store: Store, down_store: Store
) -> None:
    down = _services(world, down_store)
    down.drafts.save_intake({"name": NAME})
    other = replace(store, key=bytes(32))
    assert _services(world, other).drafts.load_intake() is None
    assert any((store.path.parent / LOCAL_DRAFTS_DIR).iterdir())


def test_a_walk_in_while_the_server_is_down_is_refused_in_words_and_saves_nothing(
    world: World, store: Store, down_store: Store
) -> None:
    with store.sessions() as s:
        before = s.scalar(select(func.count()).select_from(models.Case))
    walk_in = WalkIn(
        person=PersonInput(name=NAME, birth_date=date(1990, 3, 1)),
        case=CaseInput(
            intake_channel=IntakeChannel.VISIT, intake_date=NOW.date(), crime_types=("assault",)
        ),
    )
    with pytest.raises(ServerUnreachableError) as caught:
        _services(world, down_store).intake.register(walk_in)
    assert "응답하지 않습니다" in messages.error_text(caught.value, messages.Language.KO)
    with store.sessions() as s:
        assert s.scalar(select(func.count()).select_from(models.Case)) == before


# --- a PC joins the center from the desk app ----------------------------------------------


def _cheap() -> KdfParams:
    return KdfParams(time_cost=1, memory_cost=64, parallelism=1)


@pytest.fixture
def server(pg_cluster: PgCluster) -> Iterator[tuple[PgCluster, str]]:
    url = pg_cluster.create_database()
    yield pg_cluster, url
    pg_cluster.drop_database(url)


def _parts(cluster: PgCluster, url: str) -> dict[str, object]:
    plain = url.split("?", 1)[0].replace("postgresql+psycopg://", "postgresql://", 1)
    location, password = parse_server_url(plain, cluster.ca_file)
    return {
        "host": location.host,
        "port": location.port,
        "database": location.database,
        "role": location.role,
        "ca_file": str(cluster.ca_file),
        "password": password,
    }


def test_a_pc_connects_to_a_center_and_logs_in(tmp_path: Path, server) -> None:
    cluster, url = server
    parts = _parts(cluster, url)
    admin_pw = "center-admin-pass-2026"
    plain = url.split("?", 1)[0].replace("postgresql+psycopg://", "postgresql://", 1)
    connect_folder(tmp_path / "desk-1", plain, cluster.ca_file, lambda: "", new_center=True)
    desk1 = AuthService(
        tmp_path / "desk-1",
        clock=fixed_clock(NOW),
        kdf_params=_cheap,
        server_password=str(parts["password"]),
    )
    desk1.set_up("서울 원스톱 솔루션센터", "admin", "최관리", admin_pw).session.logout()

    desk2 = AuthService(tmp_path / "desk-2", clock=fixed_clock(NOW), kdf_params=_cheap)
    assert desk2.server_name() is None and not desk2.needs_server_password()
    assert desk2.probe_server(**parts) is True  # type: ignore[arg-type]
    assert not (tmp_path / "desk-2" / "server.json").exists()  # a test saves nothing
    name = desk2.connect_server(**parts)  # type: ignore[arg-type]
    assert name == f"127.0.0.1:{cluster.port}/{parts['database']}"
    assert str(parts["password"]) not in (tmp_path / "desk-2" / "server.json").read_text()
    session = desk2.login("admin", admin_pw)
    assert session.store.is_server
    session.logout()

    # The next start of the program on desk 2 asks for the role's password again.
    restarted = AuthService(tmp_path / "desk-2", clock=fixed_clock(NOW), kdf_params=_cheap)
    assert restarted.needs_server_password()
    restarted.connect_with("wrong-password")
    with pytest.raises(ServerLoginError):
        restarted.login("admin", admin_pw)
    assert restarted.needs_server_password()  # the refused password is not kept


def test_connecting_is_refused_in_words(tmp_path: Path, server) -> None:
    cluster, url = server
    parts = _parts(cluster, url)
    desk = AuthService(tmp_path / "desk", clock=fixed_clock(NOW), kdf_params=_cheap)
    with pytest.raises(ServerNotSetUpError) as no_center:
        desk.connect_server(**parts)  # type: ignore[arg-type]
    assert "server init" in messages.error_text(no_center.value, messages.Language.KO)
    other = write_other_ca(tmp_path / "other-ca.crt")
    with pytest.raises(ServerCertificateError):
        desk.probe_server(**{**parts, "ca_file": str(other)})  # type: ignore[arg-type]
    with pytest.raises(ServerUnreachableError):
        desk.probe_server(**{**parts, "port": free_port()})  # type: ignore[arg-type]
    assert not (tmp_path / "desk" / "server.json").exists()
