"""Everything that happens before a session exists: first-run setup, login, lockout and the
paper recovery key. See the package docstring for the keyring."""

from __future__ import annotations

import hashlib
import hmac
import os
import socket
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import NoReturn

from onestop_desk.db.engine import make_sessions
from onestop_desk.db.keyring import forget_unfinished_center
from onestop_desk.db.repositories import UserRepository
from onestop_desk.db.store import Store, open_server_store, open_store
from onestop_desk.domain.access import SYSTEM_ACTOR
from onestop_desk.domain.clock import Clock, fixed_clock
from onestop_desk.domain.errors import (
    FieldError,
    NotFoundError,
    ServerLoginError,
    ValidationError,
)
from onestop_desk.domain.records import Actor
from onestop_desk.domain.security import (
    KdfParams,
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
from onestop_desk.domain.security.errors import (
    AccountDisabledError,
    AccountLockedError,
    AlreadySetUpError,
    InvalidCredentialsError,
)
from onestop_desk.domain.vocab import AuditAction, Role
from onestop_desk.paths import DATABASE_FILE
from onestop_desk.services import build_services
from onestop_desk.services.audit_trail import AuditTrail, HeadStore, keep_head
from onestop_desk.services.auth.keyring import (
    RECOVERY_AAD,
    AccountState,
    FailureCounter,
    Keyring,
    KeyringFile,
    KeyringHeads,
    KeyringStore,
    LockoutPolicy,
    QueuedFailure,
    user_aad,
)
from onestop_desk.services.auth.location import (
    connect_location,
    location_of,
    probe_server,
    read_location,
    server_file,
)
from onestop_desk.services.auth.server_keyring import ServerKeyring
from onestop_desk.services.auth.session import AuthSession
from onestop_desk.services.center import CenterDetails, validate_center
from onestop_desk.services.users import validate_account

BACKUP_DIR = "backups"
UNKNOWN_ACCOUNT = "(unknown)"
"""Logged instead of a typed name that is no account: people type anything into a login box,
including a victim's name, and the keyring file is not encrypted."""


_SEEDED: set[str] = set()
"""Databases whose seed data this process has already brought up to date."""


@dataclass(frozen=True)
class SetupResult:
    """The recovery key is in here once and nowhere else: print it, then drop it."""

    recovery_key: str
    session: AuthSession


def _now_utc(clock: Clock) -> datetime:
    return clock.now().astimezone(UTC)


class AuthService:
    """Bound to one data folder. ``kdf_params`` makes the argon2id cost injectable: tests use
    cheap parameters, the app the defaults of :class:`.KdfParams`."""

    def __init__(
        self,
        data_dir: Path,
        *,
        clock: Clock | None = None,
        pc_name: str | None = None,
        kdf_params: Callable[[], KdfParams] = KdfParams,
        server_password: str | Callable[[], str] | None = None,
    ) -> None:
        self.data_dir = Path(data_dir)
        self.clock = clock or Clock()
        self.pc_name = pc_name if pc_name is not None else socket.gethostname()
        self.kdf_params = kdf_params
        # A folder connected to the center server (server.json) keeps its keyring in the
        # server's database, reached with the database role's password given here.
        self.server = read_location(self.data_dir)
        self._server_password = server_password
        self._server_base: Store | None = None
        self._keyring: KeyringStore | None = (
            None if self.server is not None else KeyringFile(self.data_dir)
        )
        # Counters for names that are no account, in memory only (the names are never
        # written down): a wrong name counts down and locks like a real one, so the login
        # window's "n tries left" does not tell which names exist.
        self._phantom_key = os.urandom(32)
        self._phantoms: dict[bytes, FailureCounter] = {}

    # --- the folder -------------------------------------------------------------------------

    @property
    def keyring(self) -> KeyringStore:
        """``keyring.json`` beside an embedded store; the keyring tables of a server store
        (connecting to the server on first use)."""
        if self._keyring is None:
            base = self._server_store()
            self._keyring = ServerKeyring(base.sessions, server_file(self.data_dir))
        return self._keyring

    @property
    def keyring_path(self) -> Path:
        return self.keyring.path

    @property
    def database_path(self) -> Path:
        if self.server is not None:
            return server_file(self.data_dir)
        return self.data_dir / DATABASE_FILE

    def connect_with(self, password: str | Callable[[], str]) -> None:
        """The database role's password for a server folder (or where to ask for it, asked
        only when the server is first needed). Does nothing for an embedded folder."""
        self._server_password = password

    def _server_store(self) -> Store:
        """The connection to the center server this folder uses, migrated and seeded once
        per process; every session's store shares its engine."""
        assert self.server is not None
        if self._server_base is None:
            source = self._server_password
            password = source() if callable(source) else source
            if password is None:
                raise ServerLoginError("the center server's password was not given")
            name = f"server:{self.server.describe()}"
            try:
                self._server_base = open_server_store(
                    self.server,
                    password,
                    folder=self.data_dir,
                    seed=name not in _SEEDED,
                )
            except ServerLoginError:
                # A typed password that the server refused is not kept: the login window
                # asks for it again.
                if not callable(source):
                    self._server_password = None
                raise
            _SEEDED.add(name)
        return self._server_base

    # --- the center server, from the desk app -----------------------------------------------

    def server_name(self) -> str | None:
        """``host:port/database`` of the center server this folder uses, or ``None``."""
        return self.server.describe() if self.server is not None else None

    def needs_server_password(self) -> bool:
        """Whether the login must ask for the database role's password: a server folder
        whose connection has not been made in this run (the password is never saved)."""
        return (
            self.server is not None and self._server_base is None and self._server_password is None
        )

    def probe_server(
        self, host: str, port: int, database: str, role: str, ca_file: str, password: str
    ) -> bool:
        """The first-run wizard's 연결 시험: does the server answer as it must (verified TLS,
        the role's password), and does it hold a center? Nothing is saved."""
        location = location_of(host, port, database, role, ca_file)
        return probe_server(self.data_dir, location, password)

    def connect_server(
        self, host: str, port: int, database: str, role: str, ca_file: str, password: str
    ) -> str:
        """Connect this data folder to the center server, as ``server connect`` does (the
        same function saves ``server.json``), and use it from now on: the next call is the
        login. The password stays in memory for this run. Returns the server's name."""
        location = location_of(host, port, database, role, ca_file)
        connect_location(self.data_dir, location, password, new_center=False)
        self.server = location
        self._server_password = password
        self._server_base = None
        self._keyring = None
        return location.describe()

    @property
    def backup_dir(self) -> Path:
        return self.data_dir / BACKUP_DIR

    def is_set_up(self) -> bool:
        return self.keyring.exists()

    def load_keyring(self) -> Keyring:
        return self.keyring.load()

    def policy(self) -> LockoutPolicy:
        return self.keyring.load().policy

    def locked_until(self, username: str) -> datetime | None:
        """When ``username``'s lock ends, or ``None`` if it is not locked now."""
        state = self.keyring.load().accounts.get(username.strip())
        if state is None or state.locked_until is None:
            return None
        return state.locked_until if state.locked_until > _now_utc(self.clock) else None

    def open_store(self, data_key: bytes) -> Store:
        """Open (and migrate) the database with the data key."""
        if self.server is not None:
            base = self._server_store()
            store = Store(
                path=base.path,
                engine=base.engine,
                sessions=make_sessions(base.engine),
                key=None,
                server=self.server,
            )
            # The data key encrypts the victim's fields on their way to the server.
            store.use_data_key(data_key)
            keep_head(store.sessions, self.audit_heads)
            return store
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
    def audit_heads(self) -> HeadStore:
        """The access log's head, remembered in this folder's keyring file (on a center
        server: in the keyring row of its database)."""
        keyring = self.keyring
        if isinstance(keyring, ServerKeyring):
            return keyring.heads
        return KeyringHeads(keyring)

    # --- first run --------------------------------------------------------------------------

    def set_up(
        self,
        center_name: str,
        username: str,
        display_name: str,
        password: str,
        *,
        address: str = "",
        phone: str = "",
    ) -> SetupResult:
        """Create the encrypted database, the first administrator and the recovery key, and
        store the center's name, address and main number (``address`` and ``phone`` may be
        left for 센터 정보; take-home sheets print them).

        Everything is checked before anything is written; if a step fails, what was created
        is removed again so the next attempt starts clean.
        """
        if self.is_set_up() or (self.server is None and self.database_path.exists()):
            raise AlreadySetUpError("this data folder already holds a center")
        center = replace(CenterDetails(), name=center_name, address=address, phone=phone)
        errors = validate_account(username, display_name, Role.ADMIN, password)
        errors += validate_center(center)
        if errors:
            raise ValidationError(errors)
        username = username.strip()
        data_key = new_data_key()
        recovery_key = new_recovery_key()
        ring = Keyring(
            recovery=wrap_key(data_key, recovery_key, params=self.kdf_params(), aad=RECOVERY_AAD),
            accounts={
                username: AccountState(
                    wrap_key(data_key, password, params=self.kdf_params(), aad=user_aad(username))
                )
            },
        )
        self.data_dir.mkdir(parents=True, exist_ok=True)
        store = self.open_store(data_key)
        try:
            system = build_services(
                store.sessions, SYSTEM_ACTOR, clock=self.clock, audit_key=audit_chain_key(data_key)
            )
            # The system actor has no keyring bound: the file is written whole below.
            admin = system.users.create(username, display_name, Role.ADMIN, password)
            # What every letter and sheet prints; fax, hours and the discreet line are
            # edited later in 센터 정보.
            system.center.save(center)
            with store.sessions.begin() as s:
                system.audit.record(
                    s, SYSTEM_ACTOR, AuditAction.ACCOUNT, detail=f"center set up by {username}"
                )
            self.keyring.save(ring)
        except BaseException:
            store.close()
            if self.server is not None:
                # The server's database stays (it is the center's); what this attempt
                # wrote into it goes, so the next attempt starts clean.
                with store.sessions.begin() as s:
                    forget_unfinished_center(s)
                raise
            for suffix in ("", "-wal", "-shm"):
                Path(f"{self.database_path}{suffix}").unlink(missing_ok=True)
            self.keyring_path.unlink(missing_ok=True)
            raise
        actor = Actor(admin.id, admin.username, Role.ADMIN, self.pc_name)
        session = self.start_session(store, data_key, actor, must_change_password=False)
        return SetupResult(recovery_key=recovery_key, session=session)

    # --- login ------------------------------------------------------------------------------

    def login(self, username: str, password: str) -> AuthSession:
        """Open the database with ``username``'s password; see the package docstring.

        Raises :class:`InvalidCredentialsError` (with ``remaining`` tries),
        :class:`AccountLockedError` (with ``until``), :class:`AccountDisabledError`,
        :class:`NotSetUpError` or :class:`KeyringError`. An account that still has an
        administrator's password gets a session whose services refuse everything but the
        password change.
        """
        username = username.strip()
        ring = self.keyring.load()
        state = ring.accounts.get(username)
        now = _now_utc(self.clock)
        if state is None:
            # Same work as a real attempt, so the answer's timing does not tell names apart.
            derive_kek(password or "-", self.kdf_params())
            self._record_failure(None, "unknown account")
            self._fail_phantom(username, ring.policy, now)
        if state.locked_until is not None and state.locked_until > now:
            self._record_failure(username, "attempt while locked", count=False)
            raise AccountLockedError("account locked", until=state.locked_until)
        try:
            data_key = unwrap_key(state.wrapped, password, aad=user_aad(username))
        except WrongSecretError:
            self.count_failure(username, "wrong password")
        store = self.open_store(data_key)
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
        return self.start_session(
            store, data_key, actor, must_change_password=state.must_change_password
        )

    def recover(self, recovery_key: str, username: str, new_password: str) -> AuthSession:
        """Open the database with the paper recovery key and give administrator ``username``
        a new password (re-enabling and unlocking the account). For the day the passwords are
        lost; logged as an account change."""
        canonical = normalize_recovery_key(recovery_key)
        problems = check_password_policy(new_password)
        if problems:
            raise ValidationError([FieldError("user.password", code) for code in problems])
        username = username.strip()
        ring = self.keyring.load()
        try:
            data_key = unwrap_key(ring.recovery, canonical, aad=RECOVERY_AAD)
        except WrongSecretError:
            self._record_failure(None, "wrong recovery key", count=False)
            raise
        store = self.open_store(data_key)
        try:
            with self.keyring.restored_on_error(), store.sessions.begin() as s:
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
                    data_key, new_password, params=self.kdf_params(), aad=user_aad(username)
                )
                with self.keyring.updating() as ring:
                    ring.accounts[username] = AccountState(copy)
        except BaseException:
            store.close()
            raise
        return self.start_session(store, data_key, actor, must_change_password=False)

    # --- failures ---------------------------------------------------------------------------

    def _record_failure(self, username: str | None, detail: str, *, count: bool = True) -> bool:
        """Queue a failure for the access log and (``count``) move the account towards its
        lock. Returns whether this failure locked the account."""
        now = _now_utc(self.clock)
        locked = False
        with self.keyring.updating() as ring:
            ring.queue_failure(
                QueuedFailure(now, username or UNKNOWN_ACCOUNT, self.pc_name, detail)
            )
            state = ring.accounts.get(username) if username else None
            if count and state is not None:
                locked = state.count_failure(ring.policy, now)
        return locked

    def count_failure(self, username: str, detail: str, *, queue: bool = True) -> NoReturn:
        """Count a failed password for ``username`` and raise the matching error: locked
        (with ``until``) or invalid (with the ``remaining`` tries). Never returns.
        ``queue=False`` when the caller logs the failure itself (the lock screen, whose
        database is open)."""
        if queue:
            self._record_failure(username, detail)
        else:
            with self.keyring.updating() as ring:
                state = ring.accounts.get(username)
                if state is not None:
                    state.count_failure(ring.policy, _now_utc(self.clock))
        ring = self.keyring.load()
        state = ring.accounts.get(username)
        until = self.locked_until(username)
        if until is not None:
            raise AccountLockedError("account locked", until=until)
        remaining = state.remaining(ring.policy) if state is not None else 0
        raise InvalidCredentialsError("wrong user name or password", remaining=remaining)

    def _fail_phantom(self, username: str, policy: LockoutPolicy, now: datetime) -> NoReturn:
        tag = hmac.new(self._phantom_key, username.encode(), hashlib.sha256).digest()
        counter = self._phantoms.setdefault(tag, FailureCounter())
        if counter.locked_until is not None and counter.locked_until > now:
            raise AccountLockedError("account locked", until=counter.locked_until)
        if counter.count_failure(policy, now):
            raise AccountLockedError("account locked", until=counter.locked_until)
        raise InvalidCredentialsError(
            "wrong user name or password", remaining=counter.remaining(policy)
        )

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

    def start_session(
        self, store: Store, data_key: bytes, actor: Actor, *, must_change_password: bool
    ) -> AuthSession:
        """Flush queued failures into the log, log the login, reset the counters, and hand
        out the session (which owns ``store`` from here on)."""
        key = audit_chain_key(data_key)
        ring = self.keyring.load()
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
        with self.keyring.updating() as ring:
            # Only what was written: failures queued meanwhile by another window stay queued.
            if ring.queued_failures[: len(flushed)] == flushed:
                del ring.queued_failures[: len(flushed)]
            ring.dropped_failures = max(0, ring.dropped_failures - dropped)
            state = ring.accounts.get(actor.username)
            if state is not None:
                state.failed_logins = 0
                state.locked_until = None
        return AuthSession(self, store, data_key, actor, must_change_password=must_change_password)

    def reset_failures(self, username: str) -> None:
        """The right password was given (the lock screen): the count starts again."""
        with self.keyring.updating() as ring:
            entry = ring.accounts.get(username)
            if entry is not None:
                entry.failed_logins = 0

    def set_policy(self, policy: LockoutPolicy) -> None:
        """Store the lockout policy (the session checks the role and logs it)."""
        errors = policy.problems()
        if errors:
            raise ValidationError(errors)
        with self.keyring.updating() as ring:
            ring.policy = replace(policy)
