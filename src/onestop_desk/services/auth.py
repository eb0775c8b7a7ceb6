"""Accounts at the door: first-run setup, login, lockout, lock/unlock, password changes.

The case database is SQLCipher-encrypted under one random data key. That key lives only in
``keyring.json`` in the data folder, wrapped once per account (argon2id from the password,
AES-GCM, the associated data naming the account so a copy cannot be moved to another name)
and once under the paper recovery key. So a password opens the database directly, a password
change re-wraps one small record, and disabling an account deletes its copy.

Lockout has to work *before* the database opens (a wrong password opens nothing), so the
failure counters, lock times, the lockout policy and a queue of failed attempts sit in the same
file next to the wrapped keys. None of it is secret; the queued failures are written into the
access log at the next successful login. Someone who can write the data folder can reset the
counters, but such a person can already copy the file and guess offline at argon2id's pace;
the counters are the online control PIPC §5 asks for, not the only barrier.

The file also remembers the newest access-log row seen at each login and logout, so that
``audit verify`` notices rows cut off the end of the log.
"""

from __future__ import annotations

import contextlib
import hmac
import json
import os
import socket
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from onestop_desk.db.repositories import UserRepository
from onestop_desk.db.store import Store, open_store
from onestop_desk.domain.access import SYSTEM_ACTOR, require_role
from onestop_desk.domain.clock import Clock, fixed_clock
from onestop_desk.domain.errors import (
    ConflictError,
    DomainError,
    FieldError,
    NotFoundError,
    ValidationError,
)
from onestop_desk.domain.records import Actor, UserRecord
from onestop_desk.domain.security import (
    CorruptDataError,
    KdfParams,
    WrappedKey,
    WrongSecretError,
    audit_chain_key,
    check_password_policy,
    derive_kek,
    hash_password,
    needs_rehash,
    new_data_key,
    new_recovery_key,
    normalize_recovery_key,
    unwrap_key,
    verify_password,
    wrap_key,
)
from onestop_desk.domain.security.audit_chain import AuditHead
from onestop_desk.domain.vocab import AuditAction, Role
from onestop_desk.paths import DATABASE_FILE, KEYRING_FILE
from onestop_desk.services import Services, build_services
from onestop_desk.services.access_log import AuditLogService
from onestop_desk.services.audit_trail import AuditTrail, HeadStoreError, keep_head
from onestop_desk.services.backups import (
    BackupService,
    RestoreOutcome,
    restore_backup,
    verify_backup,
)
from onestop_desk.services.center import CenterDetails
from onestop_desk.services.users import validate_account

BACKUP_DIR = "backups"
KEYRING_FORMAT = 1
RECOVERY_AAD = b"recovery"
MAX_QUEUED_FAILURES = 1000
"""Beyond this the oldest queued failures are dropped (and counted): a script hammering the
login must not grow the file without bound."""
UNKNOWN_ACCOUNT = "(unknown)"
"""Logged instead of a typed name that is no account: people type anything into a login box,
including a victim's name, and the keyring file is not encrypted."""


_SEEDED: set[str] = set()
"""Databases whose seed data this process has already brought up to date."""


# --- errors ---------------------------------------------------------------------------------


class AuthError(DomainError):
    code = "auth"


class NotSetUpError(AuthError):
    code = "auth.not_set_up"


class AlreadySetUpError(AuthError):
    code = "auth.already_set_up"


class InvalidCredentialsError(AuthError):
    """Wrong user name or password; one error for both so names cannot be probed."""

    code = "auth.invalid_credentials"


class AccountLockedError(AuthError):
    """Too many failures; ``params["until"]`` is the aware datetime the lock ends."""

    code = "auth.locked"


class AccountDisabledError(AuthError):
    code = "auth.disabled"


class KeyringError(AuthError):
    """``keyring.json`` is missing parts or cannot be parsed: damage, not a wrong password."""

    code = "auth.keyring_corrupt"


# --- the keyring file -----------------------------------------------------------------------


@dataclass(frozen=True)
class LockoutPolicy:
    """How many failures lock an account, for how long, and when an idle screen locks."""

    max_failures: int = 5
    lock_minutes: int = 10
    idle_lock_minutes: int = 10

    def problems(self) -> list[FieldError]:
        errors = []
        if not 1 <= self.max_failures <= 20:
            errors.append(FieldError("policy.max_failures", "out_of_range"))
        if not 1 <= self.lock_minutes <= 24 * 60:
            errors.append(FieldError("policy.lock_minutes", "out_of_range"))
        # PIPC §6④ asks for a disconnect after inactivity; more than an hour is not that.
        if not 1 <= self.idle_lock_minutes <= 60:
            errors.append(FieldError("policy.idle_lock_minutes", "out_of_range"))
        return errors


@dataclass
class AccountState:
    """One account's entry: its copy of the data key and its lockout counters."""

    wrapped: WrappedKey
    failed_logins: int = 0
    locked_until: datetime | None = None
    must_change_password: bool = False


@dataclass(frozen=True)
class QueuedFailure:
    at: datetime
    username: str
    pc_name: str
    detail: str


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.astimezone(UTC).isoformat()


def _parse_time(value: object) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise KeyringError("keyring time is not text")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError as exc:
        raise KeyringError("keyring time cannot be parsed") from exc
    if moment.tzinfo is None:
        raise KeyringError("keyring time has no time zone")
    return moment


def _wrapped_from(value: object) -> WrappedKey:
    try:
        return WrappedKey.from_json(json.dumps(value))
    except CorruptDataError as exc:
        raise KeyringError(f"wrapped key damaged: {exc}") from exc


def _user_aad(username: str) -> bytes:
    return f"user:{username}".encode()


@dataclass
class Keyring:
    """The parsed ``keyring.json``. Load, change, :meth:`save`; see the module docstring."""

    recovery: WrappedKey
    accounts: dict[str, AccountState] = field(default_factory=dict)
    policy: LockoutPolicy = field(default_factory=LockoutPolicy)
    queued_failures: list[QueuedFailure] = field(default_factory=list)
    dropped_failures: int = 0
    audit_head: object = None
    """The access log's head as :class:`.audit_trail.KeyringHeads` stores it (opaque here)."""

    def to_json(self) -> str:
        data: dict[str, Any] = {
            "format": KEYRING_FORMAT,
            "recovery": json.loads(self.recovery.to_json()),
            "policy": {
                "max_failures": self.policy.max_failures,
                "lock_minutes": self.policy.lock_minutes,
                "idle_lock_minutes": self.policy.idle_lock_minutes,
            },
            "accounts": {
                name: {
                    "wrapped": json.loads(state.wrapped.to_json()),
                    "failed_logins": state.failed_logins,
                    "locked_until": _iso(state.locked_until),
                    "must_change_password": state.must_change_password,
                }
                for name, state in sorted(self.accounts.items())
            },
            "queued_failures": [
                {"at": _iso(f.at), "username": f.username, "pc": f.pc_name, "detail": f.detail}
                for f in self.queued_failures
            ],
            "dropped_failures": self.dropped_failures,
            "audit_head": self.audit_head,
        }
        return json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> Keyring:
        try:
            data = json.loads(text)
            if not isinstance(data, dict) or data.get("format") != KEYRING_FORMAT:
                raise KeyringError("unknown keyring format")
            policy = LockoutPolicy(**data.get("policy", {}))
            accounts = {
                str(name): AccountState(
                    wrapped=_wrapped_from(entry["wrapped"]),
                    failed_logins=int(entry.get("failed_logins", 0)),
                    locked_until=_parse_time(entry.get("locked_until")),
                    must_change_password=bool(entry.get("must_change_password", False)),
                )
                for name, entry in data["accounts"].items()
            }
            failures = []
            for item in data.get("queued_failures", []):
                at = _parse_time(item["at"])
                assert at is not None
                failures.append(
                    QueuedFailure(at, str(item["username"]), str(item["pc"]), str(item["detail"]))
                )
            return cls(
                recovery=_wrapped_from(data["recovery"]),
                accounts=accounts,
                policy=policy,
                queued_failures=failures,
                dropped_failures=int(data.get("dropped_failures", 0)),
                audit_head=data.get("audit_head"),
            )
        except KeyringError:
            raise
        except (ValueError, KeyError, TypeError, AttributeError, AssertionError) as exc:
            raise KeyringError(f"keyring file cannot be read: {exc}") from exc

    def queue_failure(self, failure: QueuedFailure) -> None:
        self.queued_failures.append(failure)
        overflow = len(self.queued_failures) - MAX_QUEUED_FAILURES
        if overflow > 0:
            del self.queued_failures[:overflow]
            self.dropped_failures += overflow


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves the old or the new file, never a
    torn one: temp file in the same folder, fsync, rename, fsync the folder. Mode 0600."""
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    tmp = Path(tmp_name)
    try:
        if os.name == "posix":
            os.fchmod(fd, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    if os.name == "posix":
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


@contextlib.contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    """Serialise read-modify-write of the keyring between processes (two app windows, the
    CLI). The lock file holds nothing; the OS lock dies with the process."""
    with open(path, "a+b") as handle:
        if sys.platform != "win32":
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
        else:
            import msvcrt

            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)
            try:
                yield
            finally:
                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)


# --- results --------------------------------------------------------------------------------


@dataclass(frozen=True)
class SetupResult:
    """The recovery key is in here once and nowhere else: print it, then drop it."""

    recovery_key: str
    session: AuthSession


def _now_utc(clock: Clock) -> datetime:
    return clock.now().astimezone(UTC)


class AuthService:
    """Everything that happens before a session exists, bound to one data folder.

    ``kdf_params`` makes the argon2id cost injectable: tests use cheap parameters, the app
    the defaults of :class:`.KdfParams`.
    """

    def __init__(
        self,
        data_dir: Path,
        *,
        clock: Clock | None = None,
        pc_name: str | None = None,
        kdf_params: Callable[[], KdfParams] = KdfParams,
    ) -> None:
        self.data_dir = Path(data_dir)
        self.clock = clock or Clock()
        self.pc_name = pc_name if pc_name is not None else socket.gethostname()
        self._kdf_params = kdf_params

    # --- the file ---------------------------------------------------------------------------

    @property
    def keyring_path(self) -> Path:
        return self.data_dir / KEYRING_FILE

    @property
    def database_path(self) -> Path:
        return self.data_dir / DATABASE_FILE

    @property
    def backup_dir(self) -> Path:
        return self.data_dir / BACKUP_DIR

    def is_set_up(self) -> bool:
        return self.keyring_path.exists()

    def load_keyring(self) -> Keyring:
        try:
            text = self.keyring_path.read_text(encoding="utf-8")
        except FileNotFoundError as exc:
            raise NotSetUpError("no keyring in the data folder") from exc
        return Keyring.from_json(text)

    @contextlib.contextmanager
    def _updating(self) -> Iterator[Keyring]:
        """Load the keyring under the file lock, let the caller change it, write it back."""
        with _file_lock(self.data_dir / f".{KEYRING_FILE}.lock"):
            ring = self.load_keyring()
            yield ring
            self._save(ring)

    def _save(self, ring: Keyring) -> None:
        write_atomic(self.keyring_path, ring.to_json().encode("utf-8"))

    def policy(self) -> LockoutPolicy:
        return self.load_keyring().policy

    def locked_until(self, username: str) -> datetime | None:
        """When ``username``'s lock ends, or ``None`` if it is not locked now."""
        state = self.load_keyring().accounts.get(username.strip())
        if state is None or state.locked_until is None:
            return None
        return state.locked_until if state.locked_until > _now_utc(self.clock) else None

    def _open(self, data_key: bytes) -> Store:
        # Seed data only changes with a new release, i.e. between program starts: load it at
        # the first open in this process, not at every login and user switch (~80 ms each).
        path = str(self.database_path.resolve())
        store = open_store(
            self.database_path,
            key=data_key,
            backup_dir=self.backup_dir,
            seed=path not in _SEEDED,
        )
        _SEEDED.add(path)
        keep_head(store.sessions, self.audit_heads)
        return store

    @property
    def audit_heads(self) -> KeyringHeads:
        """The access log's head, remembered in this folder's keyring file."""
        return KeyringHeads(self)

    # --- first run --------------------------------------------------------------------------

    def set_up(
        self, center_name: str, username: str, display_name: str, password: str
    ) -> SetupResult:
        """Create the encrypted database, the first administrator and the recovery key.

        Everything is checked before anything is written; if a step fails, what was created
        is removed again so the next attempt starts clean.
        """
        if self.is_set_up() or self.database_path.exists():
            raise AlreadySetUpError("this data folder already holds a center")
        errors = validate_account(username, display_name, Role.ADMIN, password)
        if not center_name.strip():
            errors.append(FieldError("center.name", "required"))
        if errors:
            raise ValidationError(errors)
        username = username.strip()
        data_key = new_data_key()
        recovery_key = new_recovery_key()
        ring = Keyring(
            recovery=wrap_key(data_key, recovery_key, params=self._kdf_params(), aad=RECOVERY_AAD),
            accounts={
                username: AccountState(
                    wrap_key(data_key, password, params=self._kdf_params(), aad=_user_aad(username))
                )
            },
        )
        self.data_dir.mkdir(parents=True, exist_ok=True)
        store = self._open(data_key)
        try:
            system = build_services(
                store.sessions, SYSTEM_ACTOR, clock=self.clock, audit_key=audit_chain_key(data_key)
            )
            admin = system.users.create(username, display_name, Role.ADMIN, password)
            # The name every letter and sheet prints; address and phone are edited later.
            system.center.save(replace(CenterDetails(), name=center_name.strip()))
            with store.sessions.begin() as s:
                system.audit.record(
                    s, SYSTEM_ACTOR, AuditAction.ACCOUNT, detail=f"center set up by {username}"
                )
            self._save(ring)
        except BaseException:
            store.close()
            for suffix in ("", "-wal", "-shm"):
                Path(f"{self.database_path}{suffix}").unlink(missing_ok=True)
            self.keyring_path.unlink(missing_ok=True)
            raise
        actor = Actor(admin.id, admin.username, Role.ADMIN, self.pc_name)
        session = self._start_session(store, data_key, actor, must_change=False)
        return SetupResult(recovery_key=recovery_key, session=session)

    # --- login ------------------------------------------------------------------------------

    def login(self, username: str, password: str) -> AuthSession:
        """Open the database with ``username``'s password; see the module docstring.

        Raises :class:`InvalidCredentialsError`, :class:`AccountLockedError`,
        :class:`AccountDisabledError`, :class:`NotSetUpError` or :class:`KeyringError`.
        """
        username = username.strip()
        ring = self.load_keyring()
        state = ring.accounts.get(username)
        now = _now_utc(self.clock)
        if state is None:
            # Same work as a real attempt, so the answer's timing does not tell names apart.
            derive_kek(password or "-", self._kdf_params())
            self._record_failure(None, "unknown account")
            raise InvalidCredentialsError("wrong user name or password")
        if state.locked_until is not None and state.locked_until > now:
            self._record_failure(username, "attempt while locked", count=False)
            raise AccountLockedError("account locked", until=state.locked_until)
        try:
            data_key = unwrap_key(state.wrapped, password, aad=_user_aad(username))
        except WrongSecretError:
            self._fail(username, "wrong password")
        store = self._open(data_key)
        try:
            with store.sessions.begin() as s:
                row = UserRepository(s).by_username(username)
                problem = detail = ""
                if row is None:
                    # The keyring knows the account but this database does not: it was
                    # restored from a backup older than the account.
                    problem = "disabled"
                    detail = "account not in this database (restored from an older backup?)"
                elif not row.active:
                    problem, detail = "disabled", "disabled"
                else:
                    # Unwrapping the key copy already proved the password. A stored hash that
                    # disagrees is older than the keyring (the database was restored from a
                    # backup taken before a password change): bring it up to date and log it,
                    # instead of locking out everyone who changed a password since.
                    if not verify_password(row.password_hash, password):
                        row.password_hash = hash_password(password)
                        AuditTrail(self.clock, audit_chain_key(data_key)).record(
                            s,
                            Actor(row.id, row.username, Role(row.role), self.pc_name),
                            AuditAction.ACCOUNT,
                            detail="stored password hash updated from the keyring "
                            "(database older than the keyring)",
                        )
                    elif needs_rehash(row.password_hash):
                        row.password_hash = hash_password(password)
                    row.failed_logins = 0
                    row.locked_until = None
                    actor = Actor(row.id, row.username, Role(row.role), self.pc_name)
            if problem == "disabled":
                self._log_now(store, data_key, username, AuditAction.LOGIN_FAILED, detail)
                raise AccountDisabledError("account disabled", username=username)
        except BaseException:
            store.close()
            raise
        return self._start_session(store, data_key, actor, must_change=state.must_change_password)

    def recover(self, recovery_key: str, username: str, new_password: str) -> AuthSession:
        """Open the database with the paper recovery key and give administrator ``username``
        a new password (re-enabling and unlocking the account). For the day the passwords are
        lost; logged as an account change."""
        canonical = normalize_recovery_key(recovery_key)
        problems = check_password_policy(new_password)
        if problems:
            raise ValidationError([FieldError("user.password", code) for code in problems])
        username = username.strip()
        ring = self.load_keyring()
        try:
            data_key = unwrap_key(ring.recovery, canonical, aad=RECOVERY_AAD)
        except WrongSecretError:
            self._record_failure(None, "wrong recovery key", count=False)
            raise
        store = self._open(data_key)
        try:
            with store.sessions.begin() as s:
                row = UserRepository(s).by_username(username)
                if row is None or row.role != Role.ADMIN.value:
                    raise NotFoundError("no such administrator", username=username)
                row.password_hash = hash_password(new_password)
                row.password_changed_at = self.clock.now_utc()
                row.active = True
                row.failed_logins = 0
                row.locked_until = None
                actor = Actor(row.id, row.username, Role.ADMIN, self.pc_name)
                AuditTrail(self.clock, audit_chain_key(data_key)).record(
                    s, actor, AuditAction.ACCOUNT, detail=f"user {username} reset by recovery key"
                )
                copy = wrap_key(
                    data_key, new_password, params=self._kdf_params(), aad=_user_aad(username)
                )
                with self._updating() as ring:
                    ring.accounts[username] = AccountState(copy)
        except BaseException:
            store.close()
            raise
        return self._start_session(store, data_key, actor, must_change=False)

    # --- failures ---------------------------------------------------------------------------

    def _record_failure(self, username: str | None, detail: str, *, count: bool = True) -> bool:
        """Queue a failure for the access log and (``count``) move the account towards its
        lock. Returns whether this failure locked the account."""
        now = _now_utc(self.clock)
        locked = False
        with self._updating() as ring:
            ring.queue_failure(
                QueuedFailure(now, username or UNKNOWN_ACCOUNT, self.pc_name, detail)
            )
            state = ring.accounts.get(username) if username else None
            if count and state is not None:
                locked = self._count(ring, state, now)
        return locked

    @staticmethod
    def _count(ring: Keyring, state: AccountState, now: datetime) -> bool:
        if state.locked_until is not None and state.locked_until <= now:
            state.locked_until = None
        state.failed_logins += 1
        if state.failed_logins >= ring.policy.max_failures:
            state.failed_logins = 0
            state.locked_until = now + timedelta(minutes=ring.policy.lock_minutes)
            return True
        return False

    def _fail(self, username: str, detail: str, *, queue: bool = True) -> Any:
        """Count a failed attempt and raise the matching error (never returns)."""
        if queue:
            locked = self._record_failure(username, detail)
        else:
            with self._updating() as ring:
                state = ring.accounts.get(username)
                locked = state is not None and self._count(ring, state, _now_utc(self.clock))
        if locked:
            until = self.locked_until(username)
            raise AccountLockedError("account locked", until=until)
        raise InvalidCredentialsError("wrong user name or password")

    def _log_now(
        self, store: Store, data_key: bytes, username: str, action: str, detail: str
    ) -> None:
        """Write one row straight into the log (the database is open, nothing to queue)."""
        with store.sessions.begin() as s:
            row = UserRepository(s).by_username(username)
            actor = Actor(row.id if row else None, username, Role.SYSTEM, self.pc_name)
            AuditTrail(self.clock, audit_chain_key(data_key)).record(
                s, actor, action, detail=detail
            )

    # --- sessions ---------------------------------------------------------------------------

    def _start_session(
        self, store: Store, data_key: bytes, actor: Actor, *, must_change: bool
    ) -> AuthSession:
        """Flush queued failures into the log, log the login, reset the counters."""
        key = audit_chain_key(data_key)
        ring = self.load_keyring()
        flushed = list(ring.queued_failures)
        dropped = ring.dropped_failures
        with store.sessions.begin() as s:
            users = UserRepository(s)
            for failure in flushed:
                row = users.by_username(failure.username)
                who = Actor(row.id if row else None, failure.username, Role.SYSTEM, failure.pc_name)
                # Each failure keeps the time it happened, not the time it reached the log.
                AuditTrail(fixed_clock(failure.at), key).record(
                    s, who, AuditAction.LOGIN_FAILED, detail=failure.detail
                )
            if dropped:
                AuditTrail(self.clock, key).record(
                    s,
                    SYSTEM_ACTOR,
                    AuditAction.LOGIN_FAILED,
                    detail=f"{dropped} earlier failed logins not kept (queue full)",
                )
            AuditTrail(self.clock, key).record(s, actor, AuditAction.LOGIN)
        with self._updating() as ring:
            # Only what was written: failures queued meanwhile by another window stay queued.
            if ring.queued_failures[: len(flushed)] == flushed:
                del ring.queued_failures[: len(flushed)]
            ring.dropped_failures = max(0, ring.dropped_failures - dropped)
            state = ring.accounts.get(actor.username)
            if state is not None:
                state.failed_logins = 0
                state.locked_until = None
        return AuthSession(self, store, data_key, actor, must_change_password=must_change)


class AuthSession:
    """A logged-in account: its open store, its services and the account operations that also
    touch the keyring file. Close it with :meth:`logout`."""

    def __init__(
        self,
        auth: AuthService,
        store: Store,
        data_key: bytes,
        actor: Actor,
        *,
        must_change_password: bool = False,
    ) -> None:
        self._auth = auth
        self.store = store
        self._data_key = data_key
        self.actor = actor
        self.must_change_password = must_change_password
        self.services: Services = build_services(
            store.sessions,
            actor,
            clock=auth.clock,
            audit_key=audit_chain_key(data_key),
            store=store,
        )
        self.audit_log = AuditLogService(self.services.context)
        self.closed = False

    @property
    def username(self) -> str:
        return self.actor.username

    @property
    def role(self) -> Role:
        return self.actor.role

    def center_name(self) -> str:
        return self.services.center.get().name

    def policy(self) -> LockoutPolicy:
        return self._auth.policy()

    def _record(self, action: str, detail: str = "") -> None:
        self.record_event(action, detail=detail)

    def record_event(
        self, action: str, *, case_number: str = "", detail: str = "", reason: str = ""
    ) -> None:
        """Log a UI or CLI action that no service call logs by itself (a search listing, a
        file written); its own transaction."""
        with self.store.sessions.begin() as s:
            self.services.audit.record(
                s, self.actor, action, case_number=case_number, detail=detail, reason=reason
            )

    # --- lock screen ------------------------------------------------------------------------

    def record_lock(self, detail: str = "") -> None:
        """The screen was locked (idle timer or the hotkey); the log shows when and why."""
        self._record(AuditAction.LOCK, detail)

    def unlock(self, password: str) -> None:
        """The same user proves it is still them. Failures count towards the lockout, and a
        lock reached here must end the session (the caller logs out on the raised error)."""
        ring = self._auth.load_keyring()
        state = ring.accounts.get(self.username)
        if state is None:
            raise AccountDisabledError("account disabled", username=self.username)
        now = _now_utc(self._auth.clock)
        if state.locked_until is not None and state.locked_until > now:
            raise AccountLockedError("account locked", until=state.locked_until)
        try:
            opened = unwrap_key(state.wrapped, password, aad=_user_aad(self.username))
            if not hmac.compare_digest(opened, self._data_key):
                raise WrongSecretError("copy opens another database")
        except WrongSecretError:
            self._record(AuditAction.LOGIN_FAILED, "unlock: wrong password")
            self._auth._fail(self.username, "unlock", queue=False)
        with self._auth._updating() as ring:
            entry = ring.accounts.get(self.username)
            if entry is not None:
                entry.failed_logins = 0
        self._record(AuditAction.UNLOCK)

    # --- own account ------------------------------------------------------------------------

    def change_password(self, current: str, new: str) -> None:
        """Change the own password: no reuse, re-wraps this account's copy of the key."""
        copy = wrap_key(
            self._data_key, new, params=self._auth._kdf_params(), aad=_user_aad(self.username)
        )

        def write() -> None:
            with self._auth._updating() as ring:
                state = ring.accounts.setdefault(self.username, AccountState(copy))
                state.wrapped = copy
                state.must_change_password = False

        self._with_keyring_rollback(
            lambda: self.services.users.change_own_password(current, new, before_commit=write)
        )
        self.must_change_password = False

    # --- administration ---------------------------------------------------------------------

    def add_user(
        self, username: str, display_name: str, role: Role, password: str, phone: str = ""
    ) -> UserRecord:
        """A new account with its own copy of the key; it must change the password first."""
        require_role(self.actor, Role.ADMIN)
        username = username.strip()
        if username in self._auth.load_keyring().accounts:
            raise ConflictError("username taken", username=username)
        record = self.services.users.create(username, display_name, role, password, phone)
        copy = wrap_key(
            self._data_key, password, params=self._auth._kdf_params(), aad=_user_aad(username)
        )
        with self._auth._updating() as ring:
            ring.accounts[username] = AccountState(copy, must_change_password=True)
        return record

    def reset_password(self, username: str, new: str) -> UserRecord:
        """An administrator's reset: a new copy of the key under ``new``, lock cleared, and
        the user must choose their own password at the next login."""
        require_role(self.actor, Role.ADMIN)
        username = username.strip()
        copy = wrap_key(
            self._data_key, new, params=self._auth._kdf_params(), aad=_user_aad(username)
        )

        def write() -> None:
            with self._auth._updating() as ring:
                ring.accounts[username] = AccountState(
                    copy, must_change_password=username != self.username
                )

        return self._with_keyring_rollback(
            lambda: self.services.users.reset_password(username, new, before_commit=write)
        )

    def enable_user(self, username: str, new: str) -> UserRecord:
        """Re-enable a disabled account: a fresh copy of the key under ``new``, which the
        person must replace with their own password at the next login."""
        require_role(self.actor, Role.ADMIN)
        username = username.strip()
        copy = wrap_key(
            self._data_key, new, params=self._auth._kdf_params(), aad=_user_aad(username)
        )

        def write() -> None:
            with self._auth._updating() as ring:
                ring.accounts[username] = AccountState(copy, must_change_password=True)

        return self._with_keyring_rollback(
            lambda: self.services.users.enable(username, new, before_commit=write)
        )

    def disable_user(self, username: str) -> UserRecord:
        """Revoke an account; its copy of the key is deleted, so its password opens nothing."""
        username = username.strip()

        def write() -> None:
            with self._auth._updating() as ring:
                ring.accounts.pop(username, None)

        return self._with_keyring_rollback(
            lambda: self.services.users.disable(username, before_commit=write)
        )

    def set_role(self, username: str, role: Role) -> UserRecord:
        return self.services.users.set_role(username, role)

    def list_users(self) -> list[UserRecord]:
        require_role(self.actor, Role.ADMIN)
        return self.services.users.list()

    def set_policy(self, policy: LockoutPolicy) -> None:
        """Lockout and idle-lock settings, kept in the keyring because the login reads them
        before the database is open."""
        require_role(self.actor, Role.ADMIN)
        errors = policy.problems()
        if errors:
            raise ValidationError(errors)
        with self._auth._updating() as ring:
            ring.policy = replace(policy)
        self._record(
            AuditAction.ACCOUNT,
            f"policy: lock after {policy.max_failures} failures for {policy.lock_minutes} min, "
            f"idle lock {policy.idle_lock_minutes} min",
        )

    def verify_audit(self) -> Any:
        """``audit verify``: the chain, and its end against the head in the keyring."""
        return self.audit_log.verify()

    def _with_keyring_rollback(self, action: Callable[[], Any]) -> Any:
        """Run a database change whose ``before_commit`` writes the keyring; if the commit
        itself fails after the file was written, put the old file back."""
        before = self._auth.keyring_path.read_bytes()
        try:
            return action()
        except BaseException:
            if self._auth.keyring_path.read_bytes() != before:
                write_atomic(self._auth.keyring_path, before)
            raise

    # --- restore ----------------------------------------------------------------------------

    def restore(self, backup: Path) -> tuple[AuthSession, RestoreOutcome]:
        """Replace the database with ``backup`` and go on as the same administrator.

        The protocol of :mod:`.backups`: verify first (nothing is closed if the backup is
        refused), log out (which closes the store), switch the backup in, open it again with
        the same data key, log in the account as the restored file knows it, and log the
        restore. Returns the new session; this one is closed. If the restored file has no
        active administrator of this name, the restore is logged by the system and
        :class:`AccountDisabledError` is raised: the caller shows the login.
        """
        require_role(self.actor, Role.ADMIN)
        key = self._data_key
        verify_backup(Path(backup), key)
        self.logout("restore from backup")
        outcome = restore_backup(Path(backup), self._auth.database_path, key)
        # The restored log ends where the backup did; the next row starts a new head.
        self._auth.audit_heads.forget()
        store = self._auth._open(key)
        try:
            with store.sessions.begin() as s:
                row = UserRepository(s).by_username(self.username)
                usable = row is not None and row.active and row.role == Role.ADMIN.value
                actor = (
                    Actor(row.id, row.username, Role.ADMIN, self._auth.pc_name)
                    if row is not None and usable
                    else SYSTEM_ACTOR
                )
            if not usable:
                system = build_services(
                    store.sessions, actor, clock=self._auth.clock, audit_key=audit_chain_key(key)
                )
                BackupService(system.context, store).record_restore(outcome)
                raise AccountDisabledError("account not in the restored database")
            session = self._auth._start_session(store, key, actor, must_change=False)
        except BaseException:
            store.close()
            raise
        assert session.services.backups is not None
        session.services.backups.record_restore(outcome)
        return session, outcome

    # --- the end ----------------------------------------------------------------------------

    def logout(self, detail: str = "") -> None:
        """Log the logout and close the store."""
        if self.closed:
            return
        try:
            with self.store.sessions.begin() as s:
                self.services.audit.record(s, self.actor, AuditAction.LOGOUT, detail=detail)
        finally:
            self.close()

    def close(self) -> None:
        """Close without a logout row (after an error); drops the key reference."""
        if not self.closed:
            self.closed = True
            self.store.close()
            self._data_key = b""


class KeyringHeads:
    """The access log's head in the keyring file (:class:`.audit_trail.HeadStore`).

    The keyring sits beside the database but is not in it: someone who rewrites the table
    cannot rewrite this with it, and the seal needs the data key.
    """

    def __init__(self, auth: AuthService) -> None:
        self._auth = auth

    def load(self) -> AuditHead | None:
        if not self._auth.is_set_up():
            return None  # the first rows of a set-up, written before its keyring
        try:
            return AuditHead.from_json(self._auth.load_keyring().audit_head)
        except (KeyringError, NotSetUpError, OSError, ValueError) as exc:
            raise HeadStoreError(str(exc)) from exc

    def advance(self, head: AuditHead) -> None:
        if not self._auth.is_set_up():
            return  # the set-up's next write, once its keyring exists, starts the head
        try:
            with self._auth._updating() as ring:
                try:
                    current = AuditHead.from_json(ring.audit_head)
                except ValueError:
                    return  # a damaged head is evidence: leave it for the checks to report
                if current is None or head.seq > current.seq:
                    ring.audit_head = head.to_json()
        except (KeyringError, NotSetUpError, OSError) as exc:
            raise HeadStoreError(str(exc)) from exc

    def forget(self) -> None:
        try:
            with self._auth._updating() as ring:
                ring.audit_head = None
        except (KeyringError, NotSetUpError, OSError) as exc:
            raise HeadStoreError(str(exc)) from exc
