"""Backups, restore, the start-up check, and a writer killed with SIGKILL mid-save."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, text

from helpers.world import NOW, World
from onestop_desk.db import models
from onestop_desk.db.engine import create_store_engine
from onestop_desk.db.store import open_store
from onestop_desk.domain.clock import KST, Clock
from onestop_desk.domain.errors import PermissionDeniedError
from onestop_desk.domain.vocab import AuditAction
from onestop_desk.services import build_services
from onestop_desk.services.backups import (
    BackupError,
    BackupService,
    check_database,
    restore_backup,
    verify_backup,
)
from onestop_desk.services.base import ServiceContext

# The embedded store's file backups (SQLite backup API, file copies, quick_check).
pytestmark = pytest.mark.embedded_only

PAGE = 4096


class MovingClock(Clock):
    def __init__(self, start: datetime) -> None:
        self.at = start
        super().__init__(lambda: self.at)


def backups_for(world: World, services, clock: Clock | None = None) -> BackupService:
    ctx = services.context
    if clock is not None:
        ctx = ServiceContext(ctx.sessions, ctx.actor, clock, ctx.audit)
    return BackupService(ctx, world.store)


def case_numbers(path: Path, key: bytes) -> list[str]:
    engine = create_store_engine(path, key)
    try:
        with engine.connect() as conn:
            return [r[0] for r in conn.execute(text("SELECT case_number FROM cases ORDER BY id"))]
    finally:
        engine.dispose()


def test_build_services_with_the_store_has_backups(world):
    services = build_services(world.store.sessions, world.c1.actor, store=world.store)
    assert services.backups is not None
    assert services.backups.backup_dir == world.store.path.parent / "backups"
    assert world.c1.backups is None  # built without the store


def test_backup_now_is_encrypted_verified_and_named_in_kst(world):
    clock = MovingClock(NOW)  # 2026-11-25 10:30 KST
    backups = backups_for(world, world.lead, clock)
    world.new_case(name="백업대상")
    made = backups.backup_now()
    again = backups.backup_now()  # the same second: a second file, not an overwrite
    assert made.path.name == "onestop-20261125-103000-KST.db"
    assert again.path.name == "onestop-20261125-103000-KST-2.db"
    assert made.created_at == NOW
    assert [b.path for b in backups.list_backups()] == [again.path, made.path]
    newest = made.path
    assert not newest.read_bytes().startswith(b"SQLite format 3")
    assert "백업대상".encode() not in newest.read_bytes()
    checked = verify_backup(newest, world.store.key)
    assert checked.cases == 1 and checked.revision is not None
    assert oct(newest.stat().st_mode & 0o777) == "0o600"


def test_rotation_keeps_days_first_and_last_of_each(world):
    clock = MovingClock(NOW)
    lead = backups_for(world, world.lead, clock)
    backups_for(world, world.admin).set_keep_count(3)
    by_day = []
    for _day in range(5):
        made = []
        for _ in range(4):
            made.append(lead.backup_now())
            clock.at += timedelta(hours=2)
        by_day.append(made)
        clock.at += timedelta(hours=16)
    kept = {b.path for b in lead.list_backups()}
    # The newest three days, each with its first and its last backup.
    assert kept == {b.path for day in by_day[-3:] for b in (day[0], day[-1])}


def test_a_counselor_cannot_flush_the_backups(world):
    """Backing up is for team leads and administrators; the backup a counselor's session
    takes at close, however often, never removes an earlier day's."""
    clock = MovingClock(NOW)
    backups_for(world, world.lead, clock).backup_now()
    clock.at += timedelta(days=1)
    yesterday = {b.path for b in backups_for(world, world.lead).list_backups()}
    counselor = backups_for(world, world.c1, clock)
    for refused in (counselor.backup_now, counselor.list_backups):
        with pytest.raises(PermissionDeniedError):
            refused()
    with pytest.raises(PermissionDeniedError):
        counselor.verify(next(iter(yesterday)))
    for _ in range(20):
        counselor.backup_at_close()
        clock.at += timedelta(minutes=1)
    left = {b.path for b in backups_for(world, world.lead).list_backups()}
    assert yesterday <= left
    assert len(left) == 3  # yesterday's, and today's first and last


def test_backups_named_in_utc_by_earlier_versions_are_still_listed_and_rotated(world):
    folder = world.store.path.parent / "backups"
    folder.mkdir(exist_ok=True)
    old = folder / "onestop-20261101T010000.db"
    old.write_bytes(b"x")
    listed = backups_for(world, world.lead).list_backups()
    assert [(b.path, b.automatic) for b in listed] == [(old, True)]
    assert listed[0].created_at == datetime(2026, 11, 1, 10, 0, tzinfo=KST)


def test_backup_if_due_once_a_day(world):
    clock = MovingClock(NOW)
    backups = backups_for(world, world.c1, clock)
    assert backups.backup_if_due() is not None
    clock.at += timedelta(hours=23)
    assert backups.backup_if_due() is None
    clock.at += timedelta(hours=2)
    assert backups.backup_if_due() is not None
    assert len([b for b in backups_for(world, world.lead).list_backups() if b.automatic]) == 2


def test_keep_count_is_an_admin_setting_and_logged(world):
    with pytest.raises(PermissionDeniedError):
        backups_for(world, world.lead).set_keep_count(5)
    backups_for(world, world.admin).set_keep_count(7)
    assert backups_for(world, world.c1).keep_count() == 7
    with world.store.sessions() as s:
        row = s.scalars(select(models.AuditEvent).order_by(models.AuditEvent.seq.desc())).first()
    assert row.action == AuditAction.UPDATE and "backup.keep=7" in row.detail


def test_manual_backup_to_a_folder_is_logged_and_limited(world, tmp_path):
    target = tmp_path / "usb"
    target.mkdir()
    with pytest.raises(PermissionDeniedError):
        backups_for(world, world.c1).backup_to(target)
    info = backups_for(world, world.lead).backup_to(target)
    assert info.path.parent == target
    verify_backup(info.path, world.store.key)
    with world.store.sessions() as s:
        row = s.scalars(select(models.AuditEvent).order_by(models.AuditEvent.seq.desc())).first()
    assert row.action == AuditAction.DOWNLOAD and str(target) in row.detail


def test_backup_restore_round_trip(world, tmp_path):
    first = [world.new_case(name=f"복원{i}").case_number for i in range(3)]
    backup = backups_for(world, world.lead).backup_now()
    later = world.new_case(name="백업이후").case_number
    store, key = world.store, world.store.key
    store.close()

    outcome = restore_backup(backup.path, store.path, key)

    assert outcome.live_path == store.path and outcome.cases == 3
    assert case_numbers(store.path, key) == first
    assert outcome.kept_copy.name.startswith("onestop.db.before-restore-")
    assert case_numbers(outcome.kept_copy, key) == [*first, later]
    assert not list(tmp_path.glob("*.partial"))
    reopened = open_store(outcome.live_path, key=key)
    try:
        with reopened.engine.connect() as conn:
            assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        services = build_services(reopened.sessions, world.admin.actor, store=reopened)
        assert services.backups is not None
        services.backups.record_restore(outcome)
        assert build_services(reopened.sessions, world.lead.actor).cases.search_ids("복원1")
    finally:
        reopened.close()


def test_restore_refuses_a_damaged_or_foreign_backup_and_leaves_the_live_file(world, tmp_path):
    world.new_case()
    backup = backups_for(world, world.lead).backup_now().path
    store, key = world.store, world.store.key
    store.close()
    live_before = store.path.read_bytes()

    damaged = tmp_path / "damaged.db"
    shutil.copy(backup, damaged)
    flip_bytes(damaged, page=3)
    with pytest.raises(BackupError) as info:
        restore_backup(damaged, store.path, key)
    assert info.value.code in ("backup.damaged", "backup.wrong_key")

    with pytest.raises(BackupError) as info:
        restore_backup(backup, store.path, os.urandom(32))
    assert info.value.code == "backup.wrong_key"

    with pytest.raises(BackupError) as info:
        restore_backup(tmp_path / "missing.db", store.path, key)
    assert info.value.code == "backup.not_found"

    newer = tmp_path / "newer.db"
    shutil.copy(backup, newer)
    engine = create_store_engine(newer, key)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(BackupError) as info:
        restore_backup(newer, store.path, key)
    assert info.value.code == "backup.too_new"

    assert store.path.read_bytes() == live_before
    assert not list(tmp_path.glob("onestop.db.before-restore-*"))


def flip_bytes(path: Path, page: int) -> None:
    data = bytearray(path.read_bytes())
    start = PAGE * (page - 1) + 200
    for i in range(start, start + 64):
        data[i] ^= 0xFF
    path.write_bytes(bytes(data))


def test_startup_check_detects_damage_and_offers_the_newest_good_backups(world, tmp_path):
    for i in range(30):
        world.new_case(name=f"손상검사{i}")
    clock = MovingClock(NOW)
    backups = backups_for(world, world.lead, clock)
    good = []
    for _ in range(2):
        good.append(backups.backup_now())
        clock.at += timedelta(days=1)  # a day each: within a day only first and last stay
    bad = backups.backup_now()
    flip_bytes(bad.path, page=4)
    store, key = world.store, world.store.key
    store.close()

    healthy = check_database(store.path, key, backups.backup_dir)
    assert healthy.ok and healthy.problems == ()

    copy = tmp_path / "copy.db"
    shutil.copy(store.path, copy)
    pages = copy.stat().st_size // PAGE
    assert pages > 4
    flip_bytes(copy, page=pages - 1)
    report = check_database(copy, key, backups.backup_dir)
    assert not report.ok and report.problems
    assert [b.info.path for b in report.good_backups] == [g.path for g in reversed(good)]


# --- killed in the middle of saving ----------------------------------------------------------

WRITER = textwrap.dedent(
    """
    import os, sys
    from datetime import date
    from onestop_desk.db.store import open_store
    from onestop_desk.domain.access import SYSTEM_ACTOR
    from onestop_desk.domain.records import CaseInput, PersonInput
    from onestop_desk.services import build_services
    from onestop_desk.domain.vocab import IntakeChannel

    store = open_store(__import__("pathlib").Path(sys.argv[1]),
                       key=bytes.fromhex(os.environ["KEY_HEX"]), seed=False)
    services = build_services(store.sessions, SYSTEM_ACTOR)
    n = 0
    while True:
        n += 1
        case = services.cases.create_case(
            PersonInput(name=f"{sys.argv[2]}-{n}", phone="010-0000-" + str(n % 10000).zfill(4)),
            CaseInput(intake_channel=IntakeChannel.VISIT, intake_date=date(2026, 11, 25),
                      crime_types=("assault",), summary="x" * 2000),
        )
        print(case.case_number, flush=True)
    """
)


def test_kill_9_while_saving_loses_no_committed_case(tmp_path):
    key = os.urandom(32)
    path = tmp_path / "onestop.db"
    open_store(path, key=key).close()
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    env = {**os.environ, "KEY_HEX": key.hex()}
    rng = random.Random(6)
    committed: list[str] = []
    deadline = time.monotonic() + 20
    rounds = 0
    while rounds < 12 and time.monotonic() < deadline:
        rounds += 1
        proc = subprocess.Popen(
            [sys.executable, str(script), str(path), f"r{rounds}"],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
            text=True,
        )
        assert proc.stdout is not None
        wanted = rng.randint(1, 25)
        for _ in range(wanted):
            line = proc.stdout.readline()
            if not line:
                break
            committed.append(line.strip())
        time.sleep(rng.random() * 0.02)  # land somewhere inside the next save
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        # Anything printed after the readline loop was committed too.
        committed.extend(line.strip() for line in proc.stdout if line.strip())
        proc.stdout.close()
        present = set(case_numbers(path, key))
        missing = [n for n in committed if n not in present]
        assert missing == [], f"round {rounds}: committed cases lost: {missing[:5]}"
        check = check_database(path, key, tmp_path / "backups")
        assert check.ok, f"round {rounds}: {check.problems}"
    assert rounds >= 5 and len(committed) >= rounds
    store = open_store(path, key=key, seed=False)
    try:
        with store.engine.connect() as conn:
            assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    finally:
        store.close()


def test_backup_api_is_used_when_the_wal_cannot_be_emptied(world, monkeypatch):
    from onestop_desk.db import maintenance

    monkeypatch.setattr(maintenance, "snapshot_copy", lambda engine, target: False)
    world.new_case(name="대체경로")
    info = backups_for(world, world.lead).backup_now()
    assert verify_backup(info.path, world.store.key).cases == 1


def test_backups_while_another_thread_keeps_saving(world):
    import threading

    stop = threading.Event()
    saved: list[str] = []

    def writer() -> None:
        # Saves back to back with a breath between them: a desk saves often, but a writer
        # that never lets go of the lock would starve any reader on a loaded machine.
        while not stop.is_set():
            saved.append(world.new_case(name="동시저장").case_number)
            time.sleep(0.005)

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        backups = backups_for(world, world.lead, MovingClock(NOW))
        infos = []
        for _ in range(5):
            infos.append(backups.backup_now())
            # A day each: within a day only the first and the last backup are kept.
            backups._ctx.clock.at += timedelta(days=1)  # type: ignore[attr-defined]
    finally:
        stop.set()
        thread.join()
    counts = [verify_backup(i.path, world.store.key).cases for i in infos]
    assert counts == sorted(counts) and counts[-1] <= len(saved)
