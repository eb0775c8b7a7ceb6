import json
import os
import shutil
from pathlib import Path

import pytest
from sqlalchemy import select, text

from onestop_desk.db import migrate, models
from onestop_desk.db.engine import create_store_engine
from onestop_desk.db.repositories import SettingsRepository
from onestop_desk.db.seed import SEED_DIGEST, load_seed_data, refresh_seed_data, seed_digest
from onestop_desk.db.store import open_store
from onestop_desk.domain.errors import DatabaseTooNewError, StoreError
from onestop_desk.paths import resource

KEY = bytes(range(32))


def test_migration_from_an_empty_database_creates_every_table(tmp_path):
    store = open_store(tmp_path / "a.db", key=KEY)
    with store.engine.connect() as conn:
        tables = {
            r[0] for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))
        }
        revision = migrate.current_revision(conn)
    store.close()
    assert {t.name for t in models.Base.metadata.sorted_tables} <= tables
    assert "case_search" in tables
    assert revision == migrate.head_revision()


def test_pragmas_are_on_for_every_connection(tmp_path):
    store = open_store(tmp_path / "a.db", key=KEY)
    with store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA secure_delete")).scalar() == 1
    store.close()


def test_wrong_or_missing_key_cannot_open(tmp_path):
    open_store(tmp_path / "a.db", key=KEY).close()
    with pytest.raises(StoreError):
        open_store(tmp_path / "a.db", key=bytes(32))
    with pytest.raises(StoreError):
        open_store(tmp_path / "a.db", key=None)
    assert not (tmp_path / "a.db").read_bytes().startswith(b"SQLite format 3")


def test_database_from_a_newer_release_is_refused_untouched(tmp_path):
    path = tmp_path / "a.db"
    open_store(path, key=KEY).close()
    engine = create_store_engine(path, KEY)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    before = path.read_bytes()
    with pytest.raises(DatabaseTooNewError):
        open_store(path, key=KEY)
    assert path.read_bytes() == before


def test_an_existing_database_is_backed_up_before_migrating(tmp_path, monkeypatch):
    path = tmp_path / "a.db"
    open_store(path, key=KEY).close()
    applied = []
    current = migrate.head_revision()
    # Pretend this build carries a revision the file has not seen yet.
    monkeypatch.setattr(migrate, "head_revision", lambda: "9998")
    monkeypatch.setattr(migrate.command, "upgrade", lambda cfg, rev: applied.append(rev))
    open_store(path, key=KEY, backup_dir=tmp_path / "backups", seed=False).close()
    [backup] = (tmp_path / "backups").glob(f"pre-migration-{current}-*.db")
    assert applied == ["head"]
    assert not backup.read_bytes().startswith(b"SQLite format 3")  # encrypted like the original
    monkeypatch.undo()
    open_store(backup, key=KEY, seed=False).close()


def test_a_new_database_is_not_backed_up(tmp_path):
    open_store(tmp_path / "a.db", key=KEY, backup_dir=tmp_path / "backups").close()
    assert not (tmp_path / "backups").exists()


def test_migration_failure_rolls_back_and_stops(tmp_path, monkeypatch):
    path = tmp_path / "a.db"

    def broken_upgrade(cfg, revision):
        conn = cfg.attributes["connection"]
        conn.execute(text("CREATE TABLE half_done (id INTEGER)"))
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(migrate.command, "upgrade", broken_upgrade)
    with pytest.raises(RuntimeError):
        open_store(path, key=KEY)
    monkeypatch.undo()
    store = open_store(path, key=KEY)
    with store.engine.connect() as conn:
        names = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master"))}
    store.close()
    assert "half_done" not in names


def test_seed_reload_adds_new_rows_and_keeps_admin_edits(tmp_path):
    store = open_store(tmp_path / "a.db", key=KEY)
    with store.sessions.begin() as s:
        police = s.scalars(select(models.Agency).where(models.Agency.code == "police")).one()
        police.phone, police.admin_edited = "02-000-0000", True
        legal = s.scalars(select(models.Agency).where(models.Agency.code == "legal_aid")).one()
        legal.phone = "999"  # edited behind the app's back: not protected
    seed = tmp_path / "seed"
    shutil.copytree(resource("data"), seed)
    agencies = json.loads((seed / "agencies.json").read_text(encoding="utf-8"))
    agencies.append({**agencies[0], "code": "new_partner", "name": "새 협력기관"})
    for row in agencies:
        if row["code"] == "police":
            row["phone"] = "112"
    (seed / "agencies.json").write_text(json.dumps(agencies, ensure_ascii=False), encoding="utf-8")
    with store.sessions.begin() as s:
        inserted = load_seed_data(s, seed)
    with store.sessions.begin() as s:
        phones = dict(s.execute(select(models.Agency.code, models.Agency.phone)).all())
    store.close()
    assert inserted["agencies"] == 1
    assert phones["police"] == "02-000-0000"
    assert phones["legal_aid"] == "132"
    assert phones["new_partner"] == agencies[0]["phone"]


def test_a_start_refreshes_the_seed_only_when_the_shipped_files_changed(tmp_path):
    store = open_store(tmp_path / "a.db", key=KEY)
    seed = tmp_path / "seed"
    shutil.copytree(resource("data"), seed)
    with store.sessions.begin() as s:
        assert refresh_seed_data(s) is None  # the open just did it: two reads, no writes
        stamp = SettingsRepository(s).get(SEED_DIGEST)
        assert stamp == seed_digest(revision=migrate.head_revision())
        assert refresh_seed_data(s, seed) is None  # the same files elsewhere
    crimes = json.loads((seed / "crime_types.json").read_text(encoding="utf-8"))
    crimes.append({**crimes[0], "code": "new_crime", "name": "새 범죄유형"})
    (seed / "crime_types.json").write_text(json.dumps(crimes, ensure_ascii=False), "utf-8")
    with store.sessions.begin() as s:
        inserted = refresh_seed_data(s, seed)
        assert inserted is not None and inserted["crime_types"] == 1
        assert SettingsRepository(s).get(SEED_DIGEST) == seed_digest(seed, migrate.head_revision())
    with store.sessions.begin() as s:
        assert refresh_seed_data(s, seed) is None
        assert s.get(models.CrimeType, "new_crime") is not None
    store.close()


def test_shipped_directory_is_complete(tmp_path):
    store = open_store(tmp_path / "a.db", key=KEY)
    with store.sessions.begin() as s:
        resident = s.scalars(
            select(models.Agency.code).where(models.Agency.resident.is_(True))
        ).all()
        relief = s.scalars(
            select(models.Programme).where(models.Programme.code == "relief_money_bereaved")
        ).one()
        deadline = relief.deadline
    store.close()
    assert len(resident) == 14
    assert deadline["years_from_knowledge"] == 3 and deadline["years_from_crime"] == 10


def test_data_folder_is_private(tmp_path, monkeypatch):
    from onestop_desk.paths import data_dir

    monkeypatch.setenv("ONESTOP_DESK_HOME", str(tmp_path / "home"))
    folder = data_dir()
    assert folder == (tmp_path / "home").resolve()
    if os.name == "posix":
        assert folder.stat().st_mode & 0o077 == 0
    assert data_dir(tmp_path / "explicit") == (tmp_path / "explicit").resolve()


@pytest.mark.embedded_only  # the SQLite file and its backup files
def test_backup_is_encrypted_and_opens_with_the_key(tmp_path, world):
    from onestop_desk.db.backup import backup_database

    world.new_case(name="백업확인")
    target = backup_database(world.store.engine, tmp_path / "b" / "copy.db", key=world.store.key)
    assert "백업확인".encode() not in target.read_bytes()
    copy = open_store(target, key=world.store.key, seed=False)
    with copy.sessions.begin() as s:
        assert s.scalars(select(models.Person.name)).all() == ["백업확인"]
    copy.close()
    assert not list(Path(target.parent).glob("*.partial"))


@pytest.mark.embedded_only  # the SQLite file and its backup files
@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_database_and_backups_are_owner_only(tmp_path, world):
    from onestop_desk.db.backup import backup_database

    world.new_case(name="권한확인")
    path = world.store.path
    target = backup_database(world.store.engine, tmp_path / "bk" / "copy.db", key=world.store.key)
    for file in (path, path.with_name(path.name + "-wal"), target):
        if file.exists():
            assert file.stat().st_mode & 0o077 == 0, file
    assert target.parent.stat().st_mode & 0o077 == 0
