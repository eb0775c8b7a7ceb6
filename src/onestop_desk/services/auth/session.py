"""A logged-in account: its open store, its services, the lock screen, and the account
operations that also touch the keyring file. It uses the account service's public API."""

from __future__ import annotations

import hmac
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, NoReturn, Protocol

from onestop_desk.db.repositories import UserRepository
from onestop_desk.db.store import Store
from onestop_desk.domain.access import SYSTEM_ACTOR, Permission, require
from onestop_desk.domain.clock import Clock
from onestop_desk.domain.records import Actor, UserRecord
from onestop_desk.domain.security import KdfParams, WrongSecretError, audit_chain_key, unwrap_key
from onestop_desk.domain.security.errors import AccountDisabledError, AccountLockedError
from onestop_desk.domain.vocab import AuditAction, Role
from onestop_desk.services import Services, build_services
from onestop_desk.services.access_log import AuditLogService
from onestop_desk.services.audit_trail import HeadStore
from onestop_desk.services.auth.keyring import (
    KeyCopies,
    Keyring,
    KeyringStore,
    LockoutPolicy,
    user_aad,
)
from onestop_desk.services.backups import (
    BackupError,
    BackupService,
    RestoreOutcome,
    restore_backup,
    restore_server_backup,
    verify_backup,
    verify_server_backup,
)


class AccountGate(Protocol):
    """What a session needs of the account service (``AuthService`` is the one there is).

    Declared here so that the session does not import the service that creates it.
    """

    pc_name: str
    clock: Clock

    @property
    def keyring(self) -> KeyringStore: ...

    kdf_params: Callable[[], KdfParams]

    @property
    def database_path(self) -> Path: ...

    def load_keyring(self) -> Keyring: ...

    def policy(self) -> LockoutPolicy: ...

    def set_policy(self, policy: LockoutPolicy) -> None: ...

    def locked_until(self, username: str) -> datetime | None: ...

    def count_failure(self, username: str, detail: str, *, queue: bool = True) -> NoReturn: ...

    def reset_failures(self, username: str) -> None: ...

    def open_store(self, data_key: bytes) -> Store: ...

    def start_session(
        self, store: Store, data_key: bytes, actor: Actor, *, must_change_password: bool
    ) -> AuthSession: ...

    @property
    def audit_heads(self) -> HeadStore: ...


class AuthSession:
    """Close it with :meth:`logout`. Its services check the account on every call: while
    :attr:`must_change_password` holds, :meth:`change_password` is the only thing they do."""

    def __init__(
        self,
        auth: AccountGate,
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
        self._keys = KeyCopies(auth.keyring, data_key, auth.kdf_params)
        self.services: Services = build_services(
            store.sessions,
            actor,
            clock=auth.clock,
            audit_key=audit_chain_key(data_key),
            store=store,
            key_copies=self._keys,
            password_change_required=must_change_password,
        )
        self.audit_log = AuditLogService(self.services.context)
        self.closed = False

    @property
    def username(self) -> str:
        return self.actor.username

    @property
    def role(self) -> Role:
        return self.actor.role

    @property
    def must_change_password(self) -> bool:
        return self.services.context.password_change_required

    def may(self, permission: Permission) -> bool:
        return self.services.may(permission)

    def center_name(self) -> str:
        return self.services.center.get().name

    def policy(self) -> LockoutPolicy:
        return self._auth.policy()

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
        self.record_event(AuditAction.LOCK, detail=detail)

    def unlock(self, password: str) -> None:
        """The same user proves it is still them. Failures count towards the lockout (the
        raised error says how many tries are left, or until when it is locked), and a lock
        reached here must end the session (the caller logs out on the raised error)."""
        ring = self._auth.load_keyring()
        state = ring.accounts.get(self.username)
        if state is None:
            raise AccountDisabledError("account disabled", username=self.username)
        until = self._auth.locked_until(self.username)
        if until is not None:
            raise AccountLockedError("account locked", until=until)
        try:
            opened = unwrap_key(state.wrapped, password, aad=user_aad(self.username))
            if not hmac.compare_digest(opened, self._data_key):
                raise WrongSecretError("copy opens another database")
        except WrongSecretError:
            self.record_event(AuditAction.LOGIN_FAILED, detail="unlock: wrong password")
            self._auth.count_failure(self.username, "unlock", queue=False)
        self._auth.reset_failures(self.username)
        self.record_event(AuditAction.UNLOCK)

    # --- own account ------------------------------------------------------------------------

    def change_password(self, current: str, new: str) -> None:
        """Change the own password: no reuse; re-wraps this account's copy of the key and
        lifts the must-change state of an administrator's password."""
        self.services.users.change_own_password(current, new)

    # --- administration: the user service's one path, named for the callers ----------------

    def add_user(
        self, username: str, display_name: str, role: Role, password: str, phone: str = ""
    ) -> UserRecord:
        return self.services.users.create(username, display_name, role, password, phone)

    def reset_password(self, username: str, new: str) -> UserRecord:
        return self.services.users.reset_password(username, new)

    def enable_user(self, username: str, new: str) -> UserRecord:
        return self.services.users.enable(username, new)

    def disable_user(self, username: str) -> UserRecord:
        return self.services.users.disable(username)

    def set_role(self, username: str, role: Role) -> UserRecord:
        return self.services.users.set_role(username, role)

    def list_users(self) -> list[UserRecord]:
        return self.services.users.list()

    def set_policy(self, policy: LockoutPolicy) -> None:
        """Lockout and idle-lock settings, kept in the keyring because the login reads them
        before the database is open."""
        require(self.actor, Permission.MANAGE_USERS)
        self.services.context.check_account_now()
        self._auth.set_policy(policy)
        self.record_event(
            AuditAction.ACCOUNT,
            detail=f"policy: lock after {policy.max_failures} failures for "
            f"{policy.lock_minutes} min, idle lock {policy.idle_lock_minutes} min",
        )

    def verify_audit(self) -> Any:
        """``audit verify``: the chain, and its end against the head in the keyring."""
        return self.audit_log.verify()

    # --- restore ----------------------------------------------------------------------------

    def restore(
        self, backup: Path, *, into: str | None = None
    ) -> tuple[AuthSession, RestoreOutcome]:
        """Replace the database with ``backup`` and go on as the same administrator.

        The protocol of :mod:`.backups`: verify first (nothing is closed if the backup is
        refused), log out (which closes the store), switch the backup in, open it again with
        the same data key, log in the account as the restored file knows it, and log the
        restore. Returns the new session; this one is closed. If the restored file has no
        active administrator of this name, the restore is logged by the system and
        :class:`AccountDisabledError` is raised: the caller shows the login.

        On the center server the backup is restored into a new database (``into``, or
        ``onestop_restore_<stamp>``), checked, and renamed in under the live database's name
        (:func:`.backups.restore_server_backup`); ``into`` means nothing to the embedded
        store and is refused there.
        """
        require(self.actor, Permission.RESTORE)
        self.services.context.check_account_now()
        key = self._data_key
        location = self.store.server
        if location is None:
            if into is not None:
                raise BackupError("backup.wrong_store", "--into is for the center server")
            verify_backup(Path(backup), key)
            self.logout("restore from backup")
            outcome = restore_backup(Path(backup), self._auth.database_path, key)
        else:
            password = self.store.engine.url.password or ""
            verify_server_backup(Path(backup), key)
            self.logout("restore from backup")
            outcome = restore_server_backup(
                Path(backup),
                location,
                password,
                key,
                live_file=self._auth.database_path,
                clock=self._auth.clock,
                audit_key=audit_chain_key(key),
                into=into,
            )
        # The restored log ends where the backup did; the next row starts a new head.
        self._auth.audit_heads.forget()
        store = self._auth.open_store(key)
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
            session = self._auth.start_session(store, key, actor, must_change_password=False)
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
            self._keys.forget_key()
