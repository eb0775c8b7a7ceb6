"""Staff accounts: one per person, with a role (상담원 / 팀장 / 관리자).

This is the one path of account administration. Every change that sets a password or
revokes a login also writes the account's copy of the data key in ``keyring.json`` (through
the context's ``key_copies``), inside the same transaction: if the file write fails the
database change rolls back, and if the commit fails the old file is put back. Without a
keyring bound (a store opened by tests or at setup) only the system actor may administer.
"""

from __future__ import annotations

import builtins
import contextlib
from collections.abc import Iterator

from sqlalchemy.orm import Session

from onestop_desk.db import models
from onestop_desk.db.convert import user_record
from onestop_desk.db.repositories import UserRepository
from onestop_desk.domain.access import Permission, allowed, require
from onestop_desk.domain.errors import ConflictError, FieldError, NotFoundError, ValidationError
from onestop_desk.domain.records import Colleague, UserRecord
from onestop_desk.domain.security.errors import AuthError
from onestop_desk.domain.security.passwords import (
    check_password_policy,
    hash_password,
    verify_password,
)
from onestop_desk.domain.vocab import AuditAction, Role
from onestop_desk.services.base import Service


class NoKeyringError(AuthError):
    """An account change was asked of services bound to no keyring: the password would open
    nothing (or an old one would keep working), so it is refused."""

    code = "auth.no_keyring"


def validate_account(
    username: str, display_name: str, role: Role, password: str
) -> list[FieldError]:
    """Field errors of a new account; shared by the first-run setup and :meth:`create`, so
    setup can refuse bad input before it creates anything on disk."""
    errors = []
    name = username.strip()
    if not name or len(name) > 64 or not name.replace(".", "").replace("_", "").isalnum():
        errors.append(FieldError("user.username", "invalid"))
    if not display_name.strip():
        errors.append(FieldError("user.display_name", "required"))
    if role is Role.SYSTEM:
        errors.append(FieldError("user.role", "invalid"))
    errors += [FieldError("user.password", code) for code in check_password_policy(password)]
    return errors


def _password_errors(new: str, current_hash: str | None = None) -> None:
    problems = check_password_policy(new, current_hash=current_hash)
    if problems:
        raise ValidationError([FieldError("user.password", code) for code in problems])


class UserService(Service):
    # --- reading ----------------------------------------------------------------------------

    def list(self) -> list[UserRecord]:
        """Every account with role, phone and state: the administrators' page."""
        require(self.actor, Permission.MANAGE_USERS)
        with self._ctx.transaction() as s:
            return [user_record(u) for u in UserRepository(s).all()]

    def assignable(self) -> builtins.list[Colleague]:
        """Active accounts that may hold cases, by display name: the case list's counselor
        filter and the assign dialog. Nothing else about the accounts."""
        require(self.actor, Permission.WORK_ON_CASES)
        with self._ctx.transaction() as s:
            return [
                Colleague(u.id, u.display_name)
                for u in UserRepository(s).all()
                if u.active and allowed(Role(u.role), Permission.BE_ASSIGNED_CASES)
            ]

    def by_username(self, username: str) -> UserRecord:
        require(self.actor, Permission.MANAGE_USERS)
        with self._ctx.transaction() as s:
            return user_record(self._find(s, username))

    # --- changes ----------------------------------------------------------------------------

    @contextlib.contextmanager
    def _keyring_change(self) -> Iterator[Session]:
        """A transaction that also writes the keyring; the file is restored if it fails."""
        keys = self._ctx.key_copies
        if keys is None:
            if self.actor.role is not Role.SYSTEM:
                raise NoKeyringError("no keyring bound to these services")
            with self._ctx.transaction() as s:
                yield s
            return
        with keys.restored_on_error(), self._ctx.transaction() as s:
            yield s

    def create(
        self, username: str, display_name: str, role: Role, password: str, phone: str = ""
    ) -> UserRecord:
        """A new account with its own copy of the key; it must change the password first
        (except the first administrator, made by the system actor at setup)."""
        require(self.actor, Permission.MANAGE_USERS)
        errors = validate_account(username, display_name, role, password)
        if errors:
            raise ValidationError(errors)
        username = username.strip()
        keys = self._ctx.key_copies
        if keys is not None and keys.holds(username):
            # A copy left by an account this database does not know (restored from an
            # older backup): never hand it over to a new person.
            raise ConflictError("username taken", username=username)
        copy = keys.wrap(username, password) if keys is not None else None
        now = self._ctx.clock.now_utc()
        with self._keyring_change() as s:
            if UserRepository(s).by_username(username) is not None:
                raise ConflictError("username taken", username=username)
            row = models.User(
                username=username,
                display_name=display_name.strip(),
                role=role.value,
                phone=phone.strip(),
                password_hash=hash_password(password),
                active=True,
                failed_logins=0,
                created_at=now,
                password_changed_at=now,
            )
            s.add(row)
            s.flush()
            self._log(s, AuditAction.ACCOUNT, "", f"user {username} created with role {role.value}")
            if keys is not None:
                keys.put(username, copy, must_change_password=True)
            return user_record(row)

    @staticmethod
    def _find(s: Session, username: str) -> models.User:
        row = UserRepository(s).by_username(username.strip())
        if row is None:
            raise NotFoundError("no such user", username=username)
        return row

    @staticmethod
    def _other_active_admins(s: Session, row: models.User) -> int:
        return sum(
            1
            for u in UserRepository(s).all()
            if u.id != row.id and u.active and u.role == Role.ADMIN.value
        )

    def change_own_password(self, current: str, new: str) -> None:
        """The acting user's own password; the current one must be given and not reused.
        The one call allowed while the account still has an administrator's password."""
        keys = self._ctx.key_copies
        copy = keys.wrap(self.actor.username, new) if keys is not None else None
        with (
            keys.restored_on_error() if keys is not None else contextlib.nullcontext(),
            self._ctx.transaction(for_password_change=True) as s,
        ):
            row = UserRepository(s).get(self.actor.user_id or -1)
            if row is None or not row.active:
                raise NotFoundError("no such user", username=self.actor.username)
            if not verify_password(row.password_hash, current):
                raise ValidationError([FieldError("user.current_password", "wrong")])
            _password_errors(new, current_hash=row.password_hash)
            row.password_hash = hash_password(new)
            row.password_changed_at = self._ctx.clock.now_utc()
            self._log(s, AuditAction.ACCOUNT, "", f"user {row.username} changed own password")
            if keys is not None:
                keys.put(row.username, copy, must_change_password=False)
        self._ctx.password_change_required = False

    def reset_password(self, username: str, new: str) -> UserRecord:
        """An administrator sets another account's password: a new copy of the key, lock
        cleared, and the person must choose their own at the next login. (An administrator
        resetting their own password has chosen it: no forced change.)"""
        require(self.actor, Permission.MANAGE_USERS)
        _password_errors(new)
        username = username.strip()
        keys = self._ctx.key_copies
        copy = keys.wrap(username, new) if keys is not None else None
        with self._keyring_change() as s:
            row = self._find(s, username)
            if not row.active:
                raise ConflictError("account is disabled", username=username)
            row.password_hash = hash_password(new)
            row.password_changed_at = self._ctx.clock.now_utc()
            row.failed_logins = 0
            row.locked_until = None
            self._log(s, AuditAction.ACCOUNT, "", f"user {row.username} password reset")
            if keys is not None:
                keys.put(username, copy, must_change_password=row.id != self.actor.user_id)
            return user_record(row)

    def enable(self, username: str, new: str) -> UserRecord:
        """Give a disabled account back its login, with a new password set by the
        administrator (the old key copy was deleted when it was disabled)."""
        require(self.actor, Permission.MANAGE_USERS)
        _password_errors(new)
        username = username.strip()
        keys = self._ctx.key_copies
        copy = keys.wrap(username, new) if keys is not None else None
        with self._keyring_change() as s:
            row = self._find(s, username)
            if row.active:
                raise ConflictError("account is active", username=username)
            row.active = True
            row.password_hash = hash_password(new)
            row.password_changed_at = self._ctx.clock.now_utc()
            row.failed_logins = 0
            row.locked_until = None
            self._log(s, AuditAction.ACCOUNT, "", f"user {row.username} re-enabled")
            if keys is not None:
                keys.put(username, copy, must_change_password=True)
            return user_record(row)

    def disable(self, username: str) -> UserRecord:
        """Revoke an account; its copy of the key is deleted, so its password opens nothing.
        Never one's own, never the last active administrator: either would leave nobody able
        to manage accounts short of the paper recovery key."""
        require(self.actor, Permission.MANAGE_USERS)
        username = username.strip()
        keys = self._ctx.key_copies
        with self._keyring_change() as s:
            row = self._find(s, username)
            if row.id == self.actor.user_id:
                raise ConflictError("cannot disable yourself", username=username)
            if row.role == Role.ADMIN.value and self._other_active_admins(s, row) == 0:
                raise ConflictError("last administrator", username=username)
            row.active = False
            self._log(s, AuditAction.ACCOUNT, "", f"user {row.username} disabled")
            if keys is not None:
                keys.remove(username)
            return user_record(row)

    def set_role(self, username: str, role: Role) -> UserRecord:
        """Change an account's role; the last active administrator keeps theirs. A session
        of that account already open is refused from its next call on (it logs in again)."""
        require(self.actor, Permission.MANAGE_USERS)
        if role is Role.SYSTEM:
            raise ValidationError([FieldError("user.role", "invalid")])
        with self._ctx.transaction() as s:
            row = self._find(s, username)
            old = row.role
            if old == role.value:
                return user_record(row)
            if old == Role.ADMIN.value and row.active and self._other_active_admins(s, row) == 0:
                raise ConflictError("last administrator", username=username)
            row.role = role.value
            self._log(s, AuditAction.ACCOUNT, "", f"user {row.username} role {old} -> {role.value}")
            return user_record(row)
