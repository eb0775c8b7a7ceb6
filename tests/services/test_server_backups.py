"""Backups of the center server store: pg_dump encrypted on the PC, verified, restored into a
new database and switched in under the live name, never over the live one."""

from __future__ import annotations

import os
import stat
import subprocess
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from helpers.pg_cluster import PgCluster
from helpers.world import NOW, World
from onestop_desk.db import server_backup as pgdump
from onestop_desk.db.server import create_server_engine, parse_server_url
from onestop_desk.db.store import Store, open_server_store
from onestop_desk.domain import messages
from onestop_desk.domain.clock import Clock, fixed_clock
from onestop_desk.domain.errors import PermissionDeniedError
from onestop_desk.domain.vocab import AuditAction
from onestop_desk.services.backups import (
    AUTO_PATTERN,
    BackupError,
    BackupService,
    restore_server_backup,
    verify_server_backup,
)
from onestop_desk.services.base import ServiceContext

VICTIM = "라민서"
VICTIM_PHONE = "010-9876-5432"
COMPARED = ("cases", "persons", "audit_events", "users", "referrals", "consents")


class MovingClock(Clock):
    def __init__(self, start: datetime) -> None:
        self.at = start
        super().__init__(lambda: self.at)


@pytest.fixture
def server_store(
    tmp_path: Path, pg_cluster: PgCluster, pg_template: str
) -> Iterator[tuple[Store, PgCluster]]:
    url = pg_cluster.create_database(template=pg_template)
    plain = url.split("?", 1)[0].replace("postgresql+psycopg://", "postgresql://", 1)
    location, password = parse_server_url(plain, pg_cluster.ca_file)
    store = open_server_store(
        location, password or "", folder=tmp_path, key=os.urandom(32), seed=False
    )
    yield store, pg_cluster
    store.close()
    with pg_cluster.connect_admin() as conn:
        rows = conn.execute(
            "SELECT datname FROM pg_database WHERE datname = %s OR datname = 'onestop_taken' "
            "OR datname LIKE 'onestop\\_restore\\_%%' "
            "OR datname LIKE 'onestop\\_before\\_restore\\_%%'",
            (location.database,),
        ).fetchall()
        for (name,) in rows:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def world(server_store: tuple[Store, PgCluster]) -> World:
    return World(server_store[0])


def backups_for(world: World, services, clock: Clock | None = None) -> BackupService:
    ctx = services.context
    if clock is not None:
        ctx = ServiceContext(ctx.sessions, ctx.actor, clock, ctx.audit)
    return BackupService(ctx, world.store)


def table_rows(store_or_engine, table: str) -> list[tuple]:
    engine = getattr(store_or_engine, "engine", store_or_engine)
    with engine.connect() as conn:
        rows = conn.execute(text(f"SELECT * FROM {table} ORDER BY 1")).all()
    return [tuple(r) for r in rows]


def database_names(cluster: PgCluster) -> set[str]:
    with cluster.connect_admin() as conn:
        return {r[0] for r in conn.execute("SELECT datname FROM pg_database").fetchall()}


def password_of(store: Store) -> str:
    return store.engine.url.password or ""


def test_backup_is_an_encrypted_verified_pg_dump_named_in_kst(world):
    case = world.new_case(name=VICTIM, phone=VICTIM_PHONE)
    backups = backups_for(world, world.admin)
    info = backups.backup_now()
    assert info.path.parent == world.store.path.parent / "backups"
    assert AUTO_PATTERN.match(info.path.name) and info.path.name.endswith("-KST.pgdump.enc")
    assert info.path.name.startswith("onestop-20261125-103000-KST")
    assert info.automatic
    assert stat.S_IMODE(info.path.stat().st_mode) == 0o600
    assert not list(info.path.parent.glob(".*partial"))
    raw = info.path.read_bytes()
    for needle in (VICTIM, VICTIM_PHONE, VICTIM_PHONE.replace("-", ""), case.case_number):
        assert needle.encode("utf-8") not in raw
    # The grep means something: the decrypted archive is a real dump holding the case.
    plain = b"".join(pgdump.decrypted_chunks(info.path, world.store.key))
    assert plain.startswith(b"PGDMP")
    script = subprocess.run(
        [str(pgdump.find_tool("pg_restore")), "--data-only", "--table=cases", "-f", "-"],
        input=plain,
        capture_output=True,
        check=True,
    ).stdout
    assert case.case_number.encode() in script
    verified = backups.verify(info.path)
    assert verified.cases == 1
    assert backups.list_backups()[0].path == info.path


def test_tampered_truncated_extended_or_foreign_backups_fail_verification(world, tmp_path):
    world.new_case(name=VICTIM)
    info = backups_for(world, world.admin).backup_now()
    key = world.store.key
    good = info.path.read_bytes()
    cases = {
        "flipped": good[: len(good) // 2]
        + bytes([good[len(good) // 2] ^ 1])
        + good[len(good) // 2 + 1 :],
        "truncated": good[:-40],
        "extended": good + b"\x00" * 8,
        "no_last_chunk": good[: good.rfind(b"\x01\x00")],
    }
    for name, data in cases.items():
        path = tmp_path / f"{name}.pgdump.enc"
        path.write_bytes(data)
        with pytest.raises(BackupError) as caught:
            verify_server_backup(path, key)
        assert caught.value.code == "backup.damaged", name
    with pytest.raises(BackupError) as caught:
        verify_server_backup(info.path, os.urandom(32))
    assert caught.value.code == "backup.wrong_key"
    sqlite_like = tmp_path / "onestop-20261125-103000-KST.db"
    sqlite_like.write_bytes(os.urandom(4096))
    with pytest.raises(BackupError) as caught:
        verify_server_backup(sqlite_like, key)
    assert caught.value.code == "backup.wrong_store"


def test_rotation_by_days_and_permissions_as_on_the_embedded_store(world, tmp_path):
    clock = MovingClock(NOW)
    admin = backups_for(world, world.admin, clock)
    admin.set_keep_count(2)
    made = []
    for day in range(3):
        clock.at = NOW + timedelta(days=day)
        made.append(admin.backup_now().path)
    left = {b.path for b in admin.list_backups()}
    assert left == set(made[1:])
    with pytest.raises(PermissionDeniedError):
        backups_for(world, world.c1).backup_now()
    with pytest.raises(PermissionDeniedError):
        backups_for(world, world.lead).verify(made[-1])
    usb = tmp_path / "usb"
    usb.mkdir()
    info = backups_for(world, world.lead, clock).backup_to(usb)
    assert info.path.parent == usb and info.path.name.endswith(".pgdump.enc")
    with world.store.sessions() as s:
        details = [
            r[0]
            for r in s.execute(
                text("SELECT detail FROM audit_events WHERE action = :a"),
                {"a": AuditAction.DOWNLOAD.value},
            )
        ]
    assert any(str(usb) in d for d in details)


def test_restore_into_a_new_database_then_switch_keeps_the_old_one(world, server_store):
    store, cluster = server_store
    first = world.new_case(name=VICTIM, phone=VICTIM_PHONE)
    info = backups_for(world, world.admin).backup_now()
    at_backup = {t: table_rows(store, t) for t in COMPARED}
    later = world.new_case(name="나중사람", phone="010-1111-2222")
    location, password, key = store.server, password_of(store), store.key
    store.close()

    outcome = restore_server_backup(
        info.path,
        location,
        password,
        key,
        live_file=store.path,
        clock=fixed_clock(NOW),
        audit_key=None,
    )

    assert outcome.kept_database == "onestop_before_restore_20261125_103000"
    assert outcome.cases == 1
    names = database_names(cluster)
    assert location.database in names and outcome.kept_database in names
    assert "onestop_restore_20261125_103000" not in names  # renamed to the live name
    live = create_server_engine(location, password)
    kept = create_server_engine(pgdump.at_database(location, outcome.kept_database), password)
    try:
        for table in COMPARED:
            assert table_rows(live, table) == at_backup[table], table
        kept_numbers = [r[1] for r in table_rows(kept, "cases")]
        assert first.case_number in kept_numbers and later.case_number in kept_numbers
    finally:
        live.dispose()
        kept.dispose()


def test_restore_while_another_pc_is_connected_switches_nothing(world, server_store):
    store, cluster = server_store
    world.new_case(name=VICTIM)
    info = backups_for(world, world.admin).backup_now()
    world.new_case(name="나중사람", phone="010-1111-2222")
    before = table_rows(store, "cases")
    location, password, key = store.server, password_of(store), store.key
    store.close()
    other_pc = cluster.connect_admin(location.database)
    try:
        with pytest.raises(BackupError) as caught:
            restore_server_backup(
                info.path,
                location,
                password,
                key,
                live_file=store.path,
                clock=fixed_clock(NOW),
                audit_key=None,
            )
    finally:
        other_pc.close()
    assert caught.value.code == "backup.in_use"
    assert "connections" in caught.value.params
    names = database_names(cluster)
    assert not any(n.startswith("onestop_restore_") for n in names)
    assert not any(n.startswith("onestop_before_restore_") for n in names)
    live = create_server_engine(location, password)
    try:
        assert table_rows(live, "cases") == before
    finally:
        live.dispose()


def test_a_restore_that_fails_its_checks_switches_nothing(world, server_store):
    store, cluster = server_store
    world.new_case(name=VICTIM)
    # The access log was tampered with before the backup: the backup itself is sound, but
    # the restored database's chain does not verify.
    with store.engine.begin() as conn:
        conn.execute(
            text(
                "UPDATE audit_events SET detail = 'edited' "
                "WHERE seq = (SELECT min(seq) FROM audit_events)"
            )
        )
    info = backups_for(world, world.admin).backup_now()
    before = table_rows(store, "audit_events")
    location, password, key = store.server, password_of(store), store.key
    store.close()
    with pytest.raises(BackupError) as caught:
        restore_server_backup(
            info.path,
            location,
            password,
            key,
            live_file=store.path,
            clock=fixed_clock(NOW),
            audit_key=None,
        )
    assert caught.value.code == "backup.restore_unverified"
    names = database_names(cluster)
    assert not any(n.startswith(("onestop_restore_", "onestop_before_restore_")) for n in names)
    live = create_server_engine(location, password)
    try:
        assert table_rows(live, "audit_events") == before
    finally:
        live.dispose()


def test_restore_into_an_existing_database_is_refused(world, server_store):
    store, cluster = server_store
    info = backups_for(world, world.admin).backup_now()
    location, password, key = store.server, password_of(store), store.key
    store.close()
    cluster.create_database("onestop_taken")
    with pytest.raises(BackupError) as caught:
        restore_server_backup(
            info.path,
            location,
            password,
            key,
            live_file=store.path,
            clock=fixed_clock(NOW),
            audit_key=None,
            into="onestop_taken",
        )
    assert caught.value.code == "backup.database_exists"
    assert "onestop_taken" in database_names(cluster)


def test_pg_dump_missing_or_older_than_the_server_is_told_clearly(world, monkeypatch):
    backups = backups_for(world, world.admin)
    monkeypatch.setattr(pgdump, "tool_candidates", lambda name: [])
    with pytest.raises(BackupError) as caught:
        backups.backup_now()
    assert caught.value.code == "backup.pg_tool_missing"
    ko = messages.text("backup.pg_tool_missing", messages.Language.KO, params=caught.value.params)
    en = messages.text("backup.pg_tool_missing", messages.Language.EN, params=caught.value.params)
    assert "postgresql-client" in ko and "pg_dump" in en
    monkeypatch.undo()
    monkeypatch.setattr(pgdump, "tool_major", lambda path: 9)
    with pytest.raises(BackupError) as caught:
        backups.backup_now()
    assert caught.value.code == "backup.pg_tool_too_old"
    assert caught.value.params["tool_version"] == 9
    assert caught.value.params["server_version"] >= 15
    assert not list((world.store.path.parent / "backups").glob("*"))


def test_the_password_reaches_pg_dump_only_in_its_environment(world, monkeypatch):
    seen: list[tuple[list[str], dict[str, str]]] = []
    real = subprocess.Popen

    def spy(args, **kwargs):
        seen.append((list(args), dict(kwargs.get("env") or {})))
        return real(args, **kwargs)

    monkeypatch.setattr(pgdump.subprocess, "Popen", spy)
    monkeypatch.setenv("PGSSLMODE", "disable")
    backups_for(world, world.admin).backup_now()
    password = password_of(world.store)
    dump_calls = [(a, e) for a, e in seen if Path(a[0]).name == "pg_dump" and "--version" not in a]
    assert dump_calls
    for args, env in dump_calls:
        assert not any(password in part for part in args)
        assert env["PGPASSWORD"] == password
        assert env["PGSSLMODE"] == "verify-full"
        assert env["PGSSLROOTCERT"] == str(world.store.server.ca_file)


def test_an_ordinary_role_needs_createdb_and_then_restores(tmp_path, pg_cluster):
    """The center's role as the admin guide makes it: no superuser, owner of its database;
    without CREATEDB the restore is refused with a clear code and nothing changes."""
    role = f"onestop_app_{os.getpid()}"
    secret = "app-" + os.urandom(8).hex()
    database = f"{role}_db"
    with pg_cluster.connect_admin() as conn:
        conn.execute(f"CREATE ROLE {role} LOGIN NOCREATEDB PASSWORD '{secret}'")
        conn.execute(f"CREATE DATABASE {database} OWNER {role}")
    url = f"postgresql://{role}:{secret}@127.0.0.1:{pg_cluster.port}/{database}"
    location, _ = parse_server_url(url, pg_cluster.ca_file)
    store = open_server_store(location, secret, folder=tmp_path, key=os.urandom(32))
    try:
        world = World(store)
        first = world.new_case(name=VICTIM)
        info = backups_for(world, world.admin).backup_now()
        world.new_case(name="나중사람", phone="010-1111-2222")
        key = store.key
        store.close()
        with pytest.raises(BackupError) as caught:
            restore_server_backup(
                info.path,
                location,
                secret,
                key,
                live_file=store.path,
                clock=fixed_clock(NOW),
                audit_key=None,
            )
        assert caught.value.code == "backup.no_createdb"
        assert database in database_names(pg_cluster)
        with pg_cluster.connect_admin() as conn:
            conn.execute(f"ALTER ROLE {role} CREATEDB")
        outcome = restore_server_backup(
            info.path,
            location,
            secret,
            key,
            live_file=store.path,
            clock=fixed_clock(NOW),
            audit_key=None,
        )
        live = create_server_engine(location, secret)
        try:
            assert [r[1] for r in table_rows(live, "cases")] == [first.case_number]
        finally:
            live.dispose()
        assert outcome.kept_database in database_names(pg_cluster)
    finally:
        store.close()
        with pg_cluster.connect_admin() as conn:
            for name in database_names(pg_cluster):
                if name == database or name.startswith(
                    ("onestop_before_restore_", "onestop_restore_")
                ):
                    conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f"DROP ROLE IF EXISTS {role}")


def test_desk_pcs_of_a_center_server_make_no_automatic_backups(world):
    """Every PC would otherwise dump the whole center into its own folder at every close."""
    backups = backups_for(world, world.c1)
    assert not backups.automatic
    assert backups.backup_if_due() is None
    assert backups.backup_at_close() is None
    assert backups_for(world, world.admin).list_backups() == []
