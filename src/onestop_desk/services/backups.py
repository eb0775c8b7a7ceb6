"""Encrypted backups, restore and the start-up health check.

Automatic backups go to ``<data_dir>/backups/onestop-<KST stamp>-KST.db`` (named in the time
the desk shows; KST has no daylight saving, so the names sort in time order), made with
SQLite's online backup API (the app keeps working while one runs) and encrypted with the
database key. The app calls :meth:`BackupService.backup_if_due` once a day and
:meth:`BackupService.backup_at_close` when it closes; team leads and administrators can also
press 지금 백업 (:meth:`BackupService.backup_now`).

Rotation keeps days, not a number of files: the automatic backups of the newest
``backup.keep`` days that have any (default 14, set by an administrator), and of each such
day its first and its last. So however often anyone backs up or closes the program, the
backups of earlier days stay, and the state at the start of today stays too.

Restore protocol (the live database is never overwritten in place):

1. the app closes its store (``Store.close()``): no connection may stay open;
2. :func:`restore_backup` verifies the backup (opens with the key, ``integrity_check``, a
   schema revision this program knows), copies it to a new file next to the live database
   and checks that copy, keeps the current database as ``onestop.db.before-restore-<stamp>``
   and then switches the new file in with one ``os.replace``;
3. the app opens ``RestoreOutcome.live_path`` again with ``open_store`` (which migrates an
   older backup) and calls :meth:`BackupService.record_restore` so the access log says so.

At start, :func:`check_database` runs ``PRAGMA quick_check``; when the file is damaged it
lists the newest backups that pass verification, for the app to offer.

A data folder on the center server (``Store.is_server``) is backed up the same way from the
outside: the same commands, folder, KST names (``onestop-<stamp>-KST.pgdump.enc``), rotation
by days, access-log entries and permission checks. The file is PostgreSQL's own dump, made
and encrypted by :mod:`onestop_desk.db.server_backup`, and verified (decrypted whole, its
table of contents read by ``pg_restore --list``) before it takes its name. Restoring one
(:func:`restore_server_backup`) never writes over the live database:

1. the backup is verified and the app closes its store (no connection may stay open);
2. the dump is restored into a new database on the same server (``onestop_restore_<stamp>``
   or a name the administrator gives), whose schema revision and row counts must match what
   the backup's header recorded, which is migrated to this program's schema, and whose
   access-log chain must verify; otherwise that new database is dropped and nothing changes;
3. the live database is renamed ``onestop_before_restore_<stamp>`` (kept, never dropped) and
   the restored one takes the live name, in one transaction, refused while any other
   connection (another PC) is open: every PC's ``server.json`` stays valid;
4. the app opens the store again and records the restore, as for the embedded store.
"""

from __future__ import annotations

import errno
import os
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from onestop_desk.db import maintenance, migrate
from onestop_desk.db import server_backup as pgdump
from onestop_desk.db.backup import backup_database
from onestop_desk.db.server import ServerLocation, check_server, create_server_engine
from onestop_desk.db.store import Store, open_server_store
from onestop_desk.domain.access import Permission, require
from onestop_desk.domain.clock import KST, Clock
from onestop_desk.domain.errors import (
    DomainError,
    StoreError,
    WrongKeyError,
)
from onestop_desk.domain.records import Actor
from onestop_desk.domain.vocab import AuditAction, Role
from onestop_desk.services.access_log import AuditLogService
from onestop_desk.services.audit_trail import AuditTrail
from onestop_desk.services.base import Service, ServiceContext
from onestop_desk.services.settings import BACKUP_KEEP

KEEP_SETTING = BACKUP_KEEP.key
DEFAULT_KEEP = BACKUP_KEEP.default
MAX_KEEP = BACKUP_KEEP.maximum
INTERVAL = timedelta(days=1)
BACKUP_DIR = "backups"
FILE_SUFFIX = ".db"
SERVER_SUFFIX = pgdump.SUFFIX
"""The embedded store's backups are database files; the center server's, encrypted dumps."""
AUTO_PATTERN = re.compile(r"^onestop-(\d{8}-\d{6})-KST(?:-\d+)?(?:\.db|\.pgdump\.enc)$")
STAMP = "%Y%m%d-%H%M%S"
UTC_PATTERN = re.compile(r"^onestop-(\d{8}T\d{6})(?:-\d+)?\.db$")
"""Names of automatic backups made before they were named in KST: still listed, rotated."""
UTC_STAMP = "%Y%m%dT%H%M%S"
DB_STAMP = "%Y%m%d_%H%M%S"
RESTORE_PREFIX = "onestop_restore_"
KEPT_PREFIX = "onestop_before_restore_"


class BackupError(DomainError):
    """``backup.not_found``, ``backup.wrong_key``, ``backup.damaged``, ``backup.too_new``,
    ``backup.disk_full``, ``backup.not_writable``, ``backup.io_error``; for the center
    server also ``backup.wrong_store`` and the codes of :mod:`.db.server_backup`."""

    code = "backup"

    def __init__(self, code: str, message: str = "", **params: object) -> None:
        super().__init__(message or code, **params)
        self.code = code


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created_at: datetime  # aware UTC
    size: int
    automatic: bool


@dataclass(frozen=True)
class VerifiedBackup:
    info: BackupInfo
    revision: str | None
    cases: int | None


@dataclass(frozen=True)
class RestoreOutcome:
    """What the app must reopen (``live_path``) and what it may tell the user.

    On the center server ``live_path`` is the data folder's ``server.json`` and
    ``kept_copy`` names the kept database (``kept_database``), not a file."""

    live_path: Path
    kept_copy: Path
    restored_from: Path
    revision: str | None
    cases: int | None
    kept_database: str | None = None


@dataclass(frozen=True)
class HealthReport:
    path: Path
    ok: bool
    problems: tuple[str, ...]
    good_backups: tuple[VerifiedBackup, ...]


def _os_error(exc: OSError) -> BackupError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        code = "backup.disk_full"
    elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        code = "backup.not_writable"
    else:
        code = "backup.io_error"
    return BackupError(code, str(exc), errno=exc.errno)


def backup_name(moment: datetime, n: int = 1, suffix: str = FILE_SUFFIX) -> str:
    """``onestop-20261125-193000-KST.db`` (``-2``, ``-3`` for a second one in that second;
    ``.pgdump.enc`` for the center server's)."""
    stamp = moment.astimezone(KST).strftime(STAMP)
    return f"onestop-{stamp}-KST{suffix}" if n == 1 else f"onestop-{stamp}-KST-{n}{suffix}"


def _info(path: Path) -> BackupInfo:
    stat = path.stat()
    if match := AUTO_PATTERN.match(path.name):
        created = datetime.strptime(match.group(1), STAMP).replace(tzinfo=KST).astimezone(UTC)
    elif match := UTC_PATTERN.match(path.name):
        created = datetime.strptime(match.group(1), UTC_STAMP).replace(tzinfo=UTC)
    else:
        created = datetime.fromtimestamp(stat.st_mtime, UTC)
    return BackupInfo(path=path, created_at=created, size=stat.st_size, automatic=bool(match))


def to_rotate(automatic: list[BackupInfo], keep_days: int) -> list[BackupInfo]:
    """The automatic backups the policy lets go (see the module docstring): those of days
    beyond the newest ``keep_days`` days that have backups, and within a kept day all but
    its first and its last."""
    by_day: dict[object, list[BackupInfo]] = {}
    for info in sorted(automatic, key=lambda b: b.created_at):
        by_day.setdefault(info.created_at.astimezone(KST).date(), []).append(info)
    days = sorted(by_day, reverse=True)  # type: ignore[type-var]
    gone: list[BackupInfo] = []
    for index, day in enumerate(days):
        infos = by_day[day]
        gone += infos if index >= keep_days else infos[1:-1]
    return gone


def list_backups(backup_dir: Path, suffix: str = FILE_SUFFIX) -> list[BackupInfo]:
    """Every ``*.db`` (``suffix``) in the backup folder (automatic and pre-migration),
    newest first."""
    if not backup_dir.is_dir():
        return []
    found = []
    for path in backup_dir.glob(f"*{suffix}"):
        try:
            found.append(_info(path))
        except OSError:
            continue
    return sorted(found, key=lambda b: b.created_at, reverse=True)


def verify_backup(path: Path, key: bytes | None) -> VerifiedBackup:
    """Raise ``BackupError`` unless ``path`` opens with ``key``, passes ``integrity_check``
    and carries a schema revision this program knows."""
    if not path.is_file():
        raise BackupError("backup.not_found", str(path))
    if path.name.endswith(SERVER_SUFFIX):
        raise BackupError("backup.wrong_store", path.name)
    try:
        check = maintenance.check_file(path, key)
    except WrongKeyError as exc:
        raise BackupError("backup.wrong_key", str(exc)) from exc
    except OSError as exc:
        raise _os_error(exc) from exc
    if check.problems:
        raise BackupError("backup.damaged", "; ".join(check.problems[:5]))
    if not check.known_revision:
        raise BackupError("backup.too_new", f"unknown schema revision {check.revision}")
    return VerifiedBackup(info=_info(path), revision=check.revision, cases=check.cases)


def restore_backup(
    backup: Path, live_path: Path, key: bytes | None, *, now: datetime | None = None
) -> RestoreOutcome:
    """Replace the (closed) live database with ``backup``; see the module docstring."""
    verified = verify_backup(backup, key)
    stamp = (now or datetime.now(UTC)).astimezone(KST).strftime(STAMP) + "-KST"
    incoming = live_path.with_name(f"{live_path.name}.restore-{stamp}.partial")
    kept = live_path.with_name(f"{live_path.name}.before-restore-{stamp}")
    try:
        maintenance.copy_file_database(backup, incoming, key)
        copied = maintenance.check_file(incoming, key)
        if copied.problems:
            raise BackupError("backup.damaged", "; ".join(copied.problems[:5]))
        if live_path.exists():
            try:
                # Through the backup API, so commits still in the WAL are in the copy too.
                maintenance.copy_file_database(live_path, kept, key)
            except StoreError:
                # A damaged or unreadable live file (the reason for many restores): keep
                # its bytes as they are.
                _copy_bytes(live_path, kept)
        maintenance.switch_in(incoming, live_path)
    except OSError as exc:
        maintenance.remove_sidecars(incoming)
        incoming.unlink(missing_ok=True)
        raise _os_error(exc) from exc
    except BaseException:
        maintenance.remove_sidecars(incoming)
        incoming.unlink(missing_ok=True)
        raise
    return RestoreOutcome(
        live_path=live_path,
        kept_copy=kept,
        restored_from=backup,
        revision=verified.revision,
        cases=verified.cases,
    )


def _copy_bytes(source: Path, target: Path) -> None:
    with open(source, "rb") as src, open(target, "wb") as dst:
        while chunk := src.read(1 << 20):
            dst.write(chunk)
        dst.flush()
    maintenance.fsync_file(target)
    wal = Path(f"{source}-wal")
    if wal.exists():
        _copy_bytes(wal, Path(f"{target}-wal"))


def check_database(
    live_path: Path, key: bytes | None, backup_dir: Path, *, offer: int = 3
) -> HealthReport:
    """The start-up check: ``PRAGMA quick_check`` on the live file; when it fails (or the
    file does not open at all) the newest ``offer`` backups that pass verification."""
    try:
        check = maintenance.check_file(live_path, key, quick=True)
        problems = check.problems
    except WrongKeyError as exc:
        problems = (str(exc),)
    if not problems:
        return HealthReport(live_path, True, (), ())
    good: list[VerifiedBackup] = []
    for info in list_backups(backup_dir):
        if len(good) >= offer:
            break
        try:
            good.append(verify_backup(info.path, key))
        except BackupError:
            continue
    return HealthReport(live_path, False, tuple(problems), tuple(good))


# --- the center server ---------------------------------------------------------------------------


def _server_error(exc: pgdump.ServerBackupError) -> BackupError:
    return BackupError(exc.code, str(exc), **exc.params)


def write_server_backup(store: Store, target: Path, moment: datetime) -> BackupInfo:
    """Dump the server store's database into ``target``, encrypted with a key derived from
    the center data key, verified, written whole or not at all (a temporary name in the same
    folder, synced, then renamed)."""
    if store.server is None or store.key is None:
        raise BackupError("backup.wrong_store", str(target))
    partial = target.with_name(f".{target.name}.partial")
    try:
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            pgdump.dump_database(
                store.engine,
                store.server,
                store.engine.url.password or "",
                store.key,
                handle,
                created_at=moment.astimezone(UTC).isoformat(),
            )
            handle.flush()
            os.fsync(handle.fileno())
        pgdump.check_archive(partial, store.key)
        os.replace(partial, target)
        maintenance.fsync_directory(target.parent)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise _os_error(exc) from exc
    except pgdump.ServerBackupError as exc:
        partial.unlink(missing_ok=True)
        raise _server_error(exc) from exc
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return _info(target)


def verify_server_backup(path: Path, key: bytes | None) -> VerifiedBackup:
    """Raise ``BackupError`` unless ``path`` is a center server backup that decrypts whole
    with ``key``, whose table of contents ``pg_restore --list`` reads and holds the expected
    tables, and whose schema revision this program knows."""
    if not path.is_file():
        raise BackupError("backup.not_found", str(path))
    if key is None or path.name.endswith(FILE_SUFFIX):
        raise BackupError("backup.wrong_store", path.name)
    try:
        check = pgdump.check_archive(path, key)
    except pgdump.ServerBackupError as exc:
        raise _server_error(exc) from exc
    except OSError as exc:
        raise _os_error(exc) from exc
    revision = check.header.revision
    if not maintenance.is_known_revision(revision):
        raise BackupError("backup.too_new", f"unknown schema revision {revision}")
    return VerifiedBackup(
        info=_info(path), revision=revision, cases=check.header.counts.get("cases")
    )


def _restored_chain_ok(store: Store, audit_key: bytes | None, clock: Clock) -> bool:
    """The restored database's access-log chain, checked by the same code as ``audit
    verify`` (its end is not compared with a head: the log ends where the backup did)."""
    checker = Actor(None, "restore-check", Role.ADMIN, "")
    audit = AuditTrail(clock, audit_key)
    return AuditLogService(ServiceContext(store.sessions, checker, clock, audit)).verify().ok


def restore_server_backup(
    backup: Path,
    location: ServerLocation,
    password: str,
    key: bytes,
    *,
    live_file: Path,
    clock: Clock,
    audit_key: bytes | None,
    into: str | None = None,
) -> RestoreOutcome:
    """Restore a center server backup into a new database, check it, then switch it in
    under the live name; see the module docstring. The caller has closed its store.
    ``audit_key`` is the access-log chain's key (``audit_chain_key(key)`` for the desk)."""
    verified = verify_server_backup(backup, key)
    stamp = clock.now().astimezone(KST).strftime(DB_STAMP)
    restored = into or f"{RESTORE_PREFIX}{stamp}"
    kept = f"{KEPT_PREFIX}{stamp}"
    live = location.database
    try:
        header = pgdump.read_header(backup, key)
        pgdump.check_name(restored)
        if restored in (live, kept):
            raise pgdump.ServerBackupError("backup.database_exists", restored, database=restored)
        engine = create_server_engine(location, password)
        try:
            check_server(engine, location)
            pgdump.restore_database(engine, location, password, backup, key, restored)
            try:
                at = pgdump.at_database(location, restored)
                cases = _check_restored(at, password, key, header, clock, audit_key)
            except BaseException:
                pgdump.drop_restored(engine, restored)
                raise
        finally:
            engine.dispose()
        try:
            pgdump.switch_databases(location, password, live=live, restored=restored, kept=kept)
        except BaseException:
            engine = create_server_engine(location, password)
            try:
                pgdump.drop_restored(engine, restored)
            finally:
                engine.dispose()
            raise
    except pgdump.ServerBackupError as exc:
        raise _server_error(exc) from exc
    return RestoreOutcome(
        live_path=live_file,
        kept_copy=Path(kept),
        restored_from=backup,
        revision=verified.revision,
        cases=cases,
        kept_database=kept,
    )


def _check_restored(
    location: ServerLocation,
    password: str,
    key: bytes,
    header: pgdump.DumpHeader,
    clock: Clock,
    audit_key: bytes | None,
) -> int | None:
    """Revision and row counts as the backup recorded them; then migrated and seeded to this
    program's schema, and the access-log chain verifies. Returns the number of cases."""
    engine = create_server_engine(location, password)
    try:
        state = pgdump.read_restored(engine)
    finally:
        engine.dispose()
    differ = sorted(
        name for name, count in header.counts.items() if state.counts.get(name) != count
    )
    if state.revision != header.revision or differ:
        raise pgdump.ServerBackupError(
            "backup.restore_unverified",
            f"revision {state.revision} vs {header.revision}; counts differ: {differ[:10]}",
        )
    store = open_server_store(location, password, key=key)
    try:
        if not _restored_chain_ok(store, audit_key, clock):
            raise pgdump.ServerBackupError("backup.restore_unverified", "access-log chain")
        with store.engine.connect() as connection:
            revision = migrate.current_revision(connection)
            connection.rollback()
        if revision != migrate.head_revision():
            raise pgdump.ServerBackupError("backup.restore_unverified", f"revision {revision}")
    finally:
        store.close()
    return state.counts.get("cases")


class BackupService(Service):
    """Backups of the open store. Not part of ``Services`` unless ``build_services`` was given
    the store (it needs the engine and the key)."""

    def __init__(self, ctx: ServiceContext, store: Store, backup_dir: Path | None = None) -> None:
        super().__init__(ctx)
        self._store = store
        self.backup_dir = backup_dir or store.path.parent / BACKUP_DIR
        self.suffix = SERVER_SUFFIX if store.is_server else FILE_SUFFIX

    def _listed(self, folder: Path | None = None) -> list[BackupInfo]:
        return list_backups(folder or self.backup_dir, self.suffix)

    def _free_name(self, folder: Path, now: datetime) -> Path:
        n = 1
        while (folder / backup_name(now, n, self.suffix)).exists():
            n += 1
        return folder / backup_name(now, n, self.suffix)

    # --- settings -------------------------------------------------------------------------

    def keep_count(self) -> int:
        """How many days of automatic backups are kept."""
        with self._ctx.transaction() as s:
            return BACKUP_KEEP.read(s)

    def set_keep_count(self, count: int) -> None:
        """How many days of automatic backups to keep; administrators only, logged."""
        require(self.actor, Permission.SET_BACKUP_POLICY)
        with self._ctx.transaction() as s:
            BACKUP_KEEP.write(s, count)
            self._log(s, AuditAction.UPDATE, detail=f"setting {KEEP_SETTING}={count}")

    # --- backups --------------------------------------------------------------------------

    def list_backups(self) -> list[BackupInfo]:
        """The backup folder, newest first: the backup dialog (team leads, administrators)."""
        require(self.actor, Permission.BACK_UP)
        self._ctx.check_account_now()
        return self._listed()

    def last_automatic(self) -> BackupInfo | None:
        """The newest automatic backup (only its time and size say anything)."""
        self._ctx.check_account_now()
        return next((b for b in self._listed() if b.automatic), None)

    @property
    def automatic(self) -> bool:
        """Whether the desk program backs up by itself. Not on a center server: every PC
        would dump the whole center into its own folder at every close. The server is
        backed up by ``onestop-desk-admin backup`` scheduled on one machine
        (docs/server-guide.ko.md), and 지금 백업 still works from a PC."""
        return not self._store.is_server

    def backup_if_due(self) -> BackupInfo | None:
        """A backup when the newest automatic one is a day old or missing; else ``None``
        (always ``None`` on a center server, see :attr:`automatic`). Any account's session
        runs it (it cannot remove an earlier day's backup)."""
        self._ctx.check_account_now()
        if not self.automatic:
            return None
        last = next((b for b in self._listed() if b.automatic), None)
        now = self._ctx.clock.now().astimezone(UTC)
        if last is not None and now - last.created_at < INTERVAL:
            return None
        return self._automatic()

    def backup_at_close(self) -> BackupInfo | None:
        """The backup taken when the program closes, whoever was logged in (``None`` on a
        center server, see :attr:`automatic`)."""
        self._ctx.check_account_now()
        if not self.automatic:
            return None
        return self._automatic()

    def backup_now(self) -> BackupInfo:
        """지금 백업: an automatic backup now, by a team lead or an administrator."""
        require(self.actor, Permission.BACK_UP)
        self._ctx.check_account_now()
        return self._automatic()

    def _automatic(self) -> BackupInfo:
        now = self._ctx.clock.now()
        if self._store.is_server:
            self.backup_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = self._write(self._free_name(self.backup_dir, now), now)
        automatic = [b for b in self._listed() if b.automatic]
        for old in to_rotate(automatic, self.keep_count()):
            old.path.unlink(missing_ok=True)
        return info

    def backup_to(self, folder: Path) -> BackupInfo:
        """A manual backup into ``folder`` (a USB drive, a network share): team leads and
        administrators; the file is encrypted with the database key and the copy is logged."""
        require(self.actor, Permission.BACK_UP)
        self._ctx.check_account_now()
        folder = Path(folder)
        if not folder.is_dir():
            raise BackupError("backup.not_found", str(folder))
        now = self._ctx.clock.now()
        info = self._write(self._free_name(folder, now), now)
        with self._ctx.transaction() as s:
            self._log(s, AuditAction.DOWNLOAD, detail=f"database backup to {info.path}")
        return info

    def health(self) -> HealthReport:
        """The start-up check of the live file (``PRAGMA quick_check`` on its own connection,
        so the desk keeps working); a failure is written to the access log."""
        if self._store.is_server:
            report = self._server_health()
        else:
            report = check_database(self._store.path, self._store.key, self.backup_dir)
        if not report.ok:
            with self._ctx.transaction() as s:
                self._log(
                    s,
                    AuditAction.VIEW,
                    "",
                    "integrity check failed: " + "; ".join(report.problems)[:500],
                )
        return report

    def _server_health(self, offer: int = 3) -> HealthReport:
        """The center server answers and holds a schema this program knows; when not, the
        newest verified backups. (The server checks its own pages: no file to check here.)"""
        problems: tuple[str, ...] = ()
        try:
            with self._store.engine.connect() as connection:
                revision = migrate.current_revision(connection)
                connection.rollback()
            if not maintenance.is_known_revision(revision):
                problems = (f"schema: unknown revision {revision}",)
        except Exception as exc:  # any failure is the report's content
            problems = (type(exc).__name__,)
        if not problems:
            return HealthReport(self._store.path, True, (), ())
        good: list[VerifiedBackup] = []
        for info in self._listed():
            if len(good) >= offer:
                break
            try:
                good.append(verify_server_backup(info.path, self._store.key))
            except BackupError:
                continue
        return HealthReport(self._store.path, False, problems, tuple(good))

    def verify(self, path: Path) -> VerifiedBackup:
        """Check a backup before a restore is offered (administrators)."""
        require(self.actor, Permission.RESTORE)
        self._ctx.check_account_now()
        if self._store.is_server:
            return verify_server_backup(Path(path), self._store.key)
        return verify_backup(Path(path), self._store.key)

    def record_restore(self, outcome: RestoreOutcome) -> None:
        """Write the restore into the (reopened) database's access log."""
        require(self.actor, Permission.RESTORE)
        with self._ctx.transaction() as s:
            self._log(
                s,
                AuditAction.UPDATE,
                detail=(
                    f"database restored from {outcome.restored_from.name};"
                    f" previous kept as {outcome.kept_database or outcome.kept_copy.name}"
                ),
            )

    def _write(self, target: Path, now: datetime) -> BackupInfo:
        if self._store.is_server:
            return write_server_backup(self._store, target, now)
        try:
            if not maintenance.snapshot_copy(self._store.engine, target):
                backup_database(self._store.engine, target, key=self._store.key)
        except OSError as exc:
            target.with_name(target.name + ".partial").unlink(missing_ok=True)
            raise _os_error(exc) from exc
        except maintenance.DRIVER_ERRORS as exc:
            target.with_name(target.name + ".partial").unlink(missing_ok=True)
            full = "full" in str(exc).lower()
            raise BackupError("backup.disk_full" if full else "backup.io_error", str(exc)) from exc
        return _info(target)
