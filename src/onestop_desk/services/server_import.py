"""``server import``: move a single-PC store into the center server store.

Two steps, so that nothing is written anywhere before the source has proved sound:

1. :func:`open_source` unlocks the single-PC store (its ``keyring.json`` with an
   administrator's password of *that* store, or its paper recovery key) and checks it:
   ``integrity_check``, a schema this program knows, and its access log's HMAC chain up to the
   head remembered in its keyring. The source is never written: its files are copied byte
   for byte into a private temporary folder and everything (the schema upgrade of an older
   store included) happens on that copy, which :meth:`SourceStore.close` deletes. Close the
   program on the source PC first: a copy taken while it writes may be refused as damaged.
2. :meth:`ServerImportService.import_store` (an administrator of the server store) copies the
   cases in one transaction of the server store (:mod:`onestop_desk.db.transfer`): an error
   anywhere leaves the server as it was. A store is recognised by a fingerprint of its data
   key, so the same store is never imported twice (a restored backup of it is the same store).

The source's access log is history of another PC the law asks to keep (PIPC notice §8). Its
rows are appended to the server's own chain, one new row each (action ``import``, so the
monthly review does not count them as today's work), keeping the original account name and
PC and, in the detail, the original row number, time, action and any case number that
changed; the case number column holds the case's number on the server, so filtering the log
by a case shows its whole history. Appending through :class:`.AuditTrail` keeps the server's
chain one valid chain. One more row says who imported which file when, with the counts.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from onestop_desk.db import maintenance, migrate
from onestop_desk.db.engine import create_store_engine, make_sessions
from onestop_desk.db.repositories import UserRepository
from onestop_desk.db.transfer import (
    CASE,
    ImportRepository,
    NumberSpaceFull,
    StoreTransfer,
    source_audit_rows,
)
from onestop_desk.domain.access import SYSTEM_ACTOR, Permission, require
from onestop_desk.domain.clock import Clock
from onestop_desk.domain.errors import DatabaseTooNewError, DomainError, WrongKeyError
from onestop_desk.domain.records import Actor
from onestop_desk.domain.security import (
    WrongSecretError,
    audit_chain_key,
    normalize_recovery_key,
    unwrap_key,
)
from onestop_desk.domain.security.audit_chain import AuditHead
from onestop_desk.domain.security.errors import InvalidRecoveryKeyError, KeyringError
from onestop_desk.domain.vocab import AuditAction, Role
from onestop_desk.paths import DATABASE_FILE
from onestop_desk.services.access_log import AuditLogService, describe
from onestop_desk.services.audit_trail import AuditTrail, HeadStoreError, keep_head
from onestop_desk.services.auth.keyring import RECOVERY_AAD, KeyringFile, user_aad
from onestop_desk.services.base import Service, ServiceContext

FINGERPRINT_LABEL = b"onestop-desk store fingerprint v1"
SOURCE_LABEL_MAX = 300


class StoreImportError(DomainError):
    """``import.source_missing``, ``import.source_keyring``, ``import.source_wrong_secret``,
    ``import.source_not_admin``, ``import.source_damaged``, ``import.source_tampered``,
    ``import.source_too_new``, ``import.already_imported``, ``import.numbers_full``,
    ``import.not_server``."""

    code = "import"

    def __init__(self, code: str, message: str = "", **params: object) -> None:
        super().__init__(message or code, **params)
        self.code = code


@dataclass(frozen=True)
class NumberMapping:
    """A case or document number of the source and its number on the server."""

    kind: str
    """``case`` or ``document``."""
    old: str
    new: str

    @property
    def changed(self) -> bool:
        return self.old != self.new


@dataclass(frozen=True)
class ImportReport:
    source: str
    counts: dict[str, int]
    numbers: tuple[NumberMapping, ...]
    """Every case and document number of the source (the unchanged ones too)."""
    matched_users: tuple[str, ...]
    created_users: tuple[str, ...]
    """Accounts the server did not have: created disabled, without a password."""
    created_directory: tuple[str, ...]
    drafts_left: int
    """Unfinished intake forms of the source PC, not copied (finish them there first)."""
    log_rows: int

    @property
    def renumbered(self) -> tuple[NumberMapping, ...]:
        return tuple(n for n in self.numbers if n.changed)


class _RememberedHead:
    """The source keyring's access-log head, read only: the import never moves it."""

    def __init__(self, value: object) -> None:
        self._value = value

    def load(self) -> AuditHead | None:
        try:
            return AuditHead.from_json(self._value)
        except ValueError as exc:
            raise HeadStoreError(str(exc)) from exc

    def advance(self, head: AuditHead) -> None:
        raise HeadStoreError("the source of an import is read only")

    def forget(self) -> None:
        raise HeadStoreError("the source of an import is read only")


@dataclass
class SourceStore:
    """An unlocked, verified copy of a single-PC store. Close it (or use ``with``)."""

    source: Path
    """The source database file (as given, resolved)."""
    fingerprint: str
    engine: Engine
    sessions: sessionmaker[Session]
    key: bytes
    workdir: Path
    closed: bool = field(default=False)

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        self.engine.dispose()
        shutil.rmtree(self.workdir, ignore_errors=True)

    def __enter__(self) -> SourceStore:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def fingerprint(data_key: bytes) -> str:
    """Names a store without revealing its key: the same for every copy and backup of it."""
    return hmac.new(data_key, FINGERPRINT_LABEL, hashlib.sha256).hexdigest()


def _locate(path: Path) -> tuple[Path, Path]:
    """The database file and its data folder, from either of them."""
    path = Path(path).expanduser().resolve()
    database = path / DATABASE_FILE if path.is_dir() else path
    folder = database.parent
    if not database.is_file() or not KeyringFile(folder).exists():
        raise StoreImportError("import.source_missing", path=str(path))
    return database, folder


def _unlock(folder: Path, username: str, password: str, recovery_key: str) -> tuple[bytes, object]:
    """The data key (and the remembered access-log head) from the source keyring."""
    try:
        ring = KeyringFile(folder).load()
    except KeyringError as exc:
        raise StoreImportError("import.source_keyring") from exc
    try:
        if recovery_key:
            key = unwrap_key(ring.recovery, normalize_recovery_key(recovery_key), aad=RECOVERY_AAD)
        else:
            state = ring.accounts.get(username.strip())
            if state is None:
                raise WrongSecretError("no such account in the source keyring")
            key = unwrap_key(state.wrapped, password, aad=user_aad(username.strip()))
    except (WrongSecretError, InvalidRecoveryKeyError) as exc:
        raise StoreImportError("import.source_wrong_secret") from exc
    return key, ring.audit_head


def _copy_files(database: Path, workdir: Path) -> Path:
    """The database and its write-ahead log, byte for byte (never opened in place: even a
    reader's last close would fold the log back into the source file)."""
    copy = workdir / DATABASE_FILE
    shutil.copyfile(database, copy)
    wal = Path(f"{database}-wal")
    if wal.is_file():
        shutil.copyfile(wal, Path(f"{copy}-wal"))
    return copy


def open_source(
    path: Path, *, username: str = "", password: str = "", recovery_key: str = ""
) -> SourceStore:
    """Unlock and verify the single-PC store at ``path`` (its data folder or its
    ``onestop.db``), with an administrator's name and password of that store or its recovery
    key. Raises :class:`StoreImportError` naming what is wrong."""
    database, folder = _locate(path)
    key, head = _unlock(folder, username, password, recovery_key)
    workdir = Path(tempfile.mkdtemp(prefix="onestop-import-"))
    engine: Engine | None = None
    try:
        copy = _copy_files(database, workdir)
        try:
            check = maintenance.check_file(copy, key)
        except WrongKeyError as exc:
            raise StoreImportError("import.source_damaged", str(exc)) from exc
        if check.problems:
            raise StoreImportError("import.source_damaged", "; ".join(check.problems[:5]))
        if not check.known_revision:
            raise StoreImportError("import.source_too_new", revision=check.revision)
        engine = create_store_engine(copy, key)
        try:
            migrate.upgrade(engine, key=key)
        except DatabaseTooNewError as exc:
            raise StoreImportError("import.source_too_new") from exc
        sessions = make_sessions(engine)
        source = SourceStore(
            source=database,
            fingerprint=fingerprint(key),
            engine=engine,
            sessions=sessions,
            key=key,
            workdir=workdir,
        )
        _check_source(source, head, username if not recovery_key else "")
        return source
    except BaseException:
        if engine is not None:
            engine.dispose()
        shutil.rmtree(workdir, ignore_errors=True)
        raise


def _check_source(source: SourceStore, head: object, username: str) -> None:
    """The account must be an active administrator there; the access log must verify."""
    if username:
        with source.sessions() as s:
            row = UserRepository(s).by_username(username.strip())
            if row is None or not row.active or row.role != Role.ADMIN.value:
                raise StoreImportError("import.source_not_admin", username=username.strip())
    keep_head(source.sessions, _RememberedHead(head))
    audit = AuditTrail(Clock(), audit_chain_key(source.key))
    ctx = ServiceContext(sessions=source.sessions, actor=SYSTEM_ACTOR, clock=Clock(), audit=audit)
    report = AuditLogService(ctx).verify()
    if not report.ok:
        raise StoreImportError("import.source_tampered", describe(report))


class ServerImportService(Service):
    """Imports verified single-PC stores into this store (the center server)."""

    def import_store(self, source: SourceStore) -> ImportReport:
        """Copy everything of ``source`` that belongs to cases, in one transaction; see the
        module docstring and :mod:`onestop_desk.db.transfer`."""
        require(self.actor, Permission.IMPORT_STORE)
        label = str(source.source)[-SOURCE_LABEL_MAX:]
        with self._ctx.transaction() as s:
            imports = ImportRepository(s)
            if imports.find(source.fingerprint) is not None:
                raise StoreImportError("import.already_imported")
            now = self._ctx.clock.now_utc()
            with source.sessions() as src:
                try:
                    result = StoreTransfer(src, s, now).run()
                except NumberSpaceFull as exc:
                    raise StoreImportError("import.numbers_full", year=exc.year) from exc
                record = imports.add(source.fingerprint, label, now, self.actor.username, {})
                imports.record_changes(record.id, result.numbers, result.case_ids)
                log_rows = self._copy_log(s, src, label, result.case_numbers, result.user_ids)
            counts = {**result.counts, "audit_events": log_rows}
            record.counts = counts
            renumbered = sum(1 for n in result.numbers if n.changed)
            summary = {
                "source": label,
                "counts": counts,
                "renumbered": renumbered,
                "accounts_created": result.created_users,
                "drafts_left": result.drafts_left,
            }
            self._log(
                s,
                AuditAction.IMPORT,
                detail="store imported: " + json.dumps(summary, ensure_ascii=False),
            )
        return ImportReport(
            source=label,
            counts=counts,
            numbers=tuple(NumberMapping(n.kind, n.old, n.new) for n in result.numbers),
            matched_users=tuple(result.matched_users),
            created_users=tuple(result.created_users),
            created_directory=tuple(result.created_directory),
            drafts_left=result.drafts_left,
            log_rows=log_rows,
        )

    def _copy_log(
        self,
        s: Session,
        src: Session,
        label: str,
        case_numbers: dict[str, str],
        user_ids: dict[int, int],
    ) -> int:
        """Append the source's access log to this store's chain; returns the rows copied."""
        n = 0
        for row in source_audit_rows(src):
            user_id = None if row.user_id is None else user_ids.get(row.user_id)
            who = Actor(user_id, row.username, Role.SYSTEM, row.pc_name)
            number = case_numbers.get(row.case_number, row.case_number)
            was = f" {CASE} {row.case_number}" if number != row.case_number else ""
            detail = f"{label} #{row.seq} {row.at.isoformat()} {row.action}{was}"
            if row.detail:
                detail += f": {row.detail}"
            self._ctx.audit.record(
                s,
                who,
                AuditAction.IMPORT,
                case_number=number,
                detail=detail,
                reason=row.reason,
            )
            n += 1
        return n
