"""Staff accounts: one per person, with a role (상담원 / 팀장 / 관리자)."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session

from onestop_desk.db import models as m
from onestop_desk.db.convert import user_record
from onestop_desk.db.repositories import UserRepository
from onestop_desk.domain.access import Permission, require
from onestop_desk.domain.errors import ConflictError, FieldError, NotFoundError, ValidationError
from onestop_desk.domain.records import UserRecord
from onestop_desk.domain.security.passwords import (
    check_password_policy,
    hash_password,
    verify_password,
)
from onestop_desk.domain.vocab import AuditAction, Role
from onestop_desk.services.base import Service


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


class UserService(Service):
    def list(self) -> list[UserRecord]:
        with self._ctx.transaction() as s:
            return [user_record(u) for u in UserRepository(s).all()]

    def create(
        self, username: str, display_name: str, role: Role, password: str, phone: str = ""
    ) -> UserRecord:
        require(self.actor, Permission.MANAGE_USERS)
        errors = validate_account(username, display_name, role, password)
        if errors:
            raise ValidationError(errors)
        username = username.strip()
        now = self._ctx.clock.now_utc()
        with self._ctx.transaction() as s:
            if UserRepository(s).by_username(username) is not None:
                raise ConflictError("username taken", username=username)
            row = m.User(
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
            return user_record(row)

    # --- changes to existing accounts --------------------------------------------------------
    # Each takes ``before_commit``: the keyring file (outside the database) is written there,
    # inside the transaction, so a failed file write rolls the database change back and the
    # account's password hash and its wrapped key copy never disagree.

    def by_username(self, username: str) -> UserRecord:
        with self._ctx.transaction() as s:
            return user_record(self._find(s, username))

    @staticmethod
    def _find(s: Session, username: str) -> m.User:
        row = UserRepository(s).by_username(username.strip())
        if row is None:
            raise NotFoundError("no such user", username=username)
        return row

    @staticmethod
    def _other_active_admins(s: Session, row: m.User) -> int:
        return sum(
            1
            for u in UserRepository(s).all()
            if u.id != row.id and u.active and u.role == Role.ADMIN.value
        )

    def change_own_password(
        self, current: str, new: str, *, before_commit: Callable[[], None] | None = None
    ) -> None:
        """The acting user's own password; the current one must be given and not reused."""
        with self._ctx.transaction() as s:
            row = UserRepository(s).get(self.actor.user_id or -1)
            if row is None or not row.active:
                raise NotFoundError("no such user", username=self.actor.username)
            if not verify_password(row.password_hash, current):
                raise ValidationError([FieldError("user.current_password", "wrong")])
            problems = check_password_policy(new, current_hash=row.password_hash)
            if problems:
                raise ValidationError([FieldError("user.password", code) for code in problems])
            row.password_hash = hash_password(new)
            row.password_changed_at = self._ctx.clock.now_utc()
            self._log(s, AuditAction.ACCOUNT, "", f"user {row.username} changed own password")
            if before_commit is not None:
                before_commit()

    def reset_password(
        self,
        username: str,
        new: str,
        *,
        detail: str = "",
        before_commit: Callable[[], None] | None = None,
    ) -> UserRecord:
        """An administrator sets another account's password (and so re-enables its login)."""
        require(self.actor, Permission.MANAGE_USERS)
        problems = check_password_policy(new)
        if problems:
            raise ValidationError([FieldError("user.password", code) for code in problems])
        with self._ctx.transaction() as s:
            row = self._find(s, username)
            if not row.active:
                raise ConflictError("account is disabled", username=username)
            row.password_hash = hash_password(new)
            row.password_changed_at = self._ctx.clock.now_utc()
            row.failed_logins = 0
            row.locked_until = None
            self._log(s, AuditAction.ACCOUNT, "", detail or f"user {row.username} password reset")
            if before_commit is not None:
                before_commit()
            return user_record(row)

    def enable(
        self, username: str, new: str, *, before_commit: Callable[[], None] | None = None
    ) -> UserRecord:
        """Give a disabled account back its login, with a new password set by the
        administrator (the old key copy was deleted when it was disabled)."""
        require(self.actor, Permission.MANAGE_USERS)
        problems = check_password_policy(new)
        if problems:
            raise ValidationError([FieldError("user.password", code) for code in problems])
        with self._ctx.transaction() as s:
            row = self._find(s, username)
            if row.active:
                raise ConflictError("account is active", username=username)
            row.active = True
            row.password_hash = hash_password(new)
            row.password_changed_at = self._ctx.clock.now_utc()
            row.failed_logins = 0
            row.locked_until = None
            self._log(s, AuditAction.ACCOUNT, "", f"user {row.username} re-enabled")
            if before_commit is not None:
                before_commit()
            return user_record(row)

    def disable(
        self, username: str, *, before_commit: Callable[[], None] | None = None
    ) -> UserRecord:
        """Revoke an account. Never one's own, never the last active administrator: either
        would leave nobody able to manage accounts short of the paper recovery key."""
        require(self.actor, Permission.MANAGE_USERS)
        with self._ctx.transaction() as s:
            row = self._find(s, username)
            if row.id == self.actor.user_id:
                raise ConflictError("cannot disable yourself", username=username)
            if row.role == Role.ADMIN.value and self._other_active_admins(s, row) == 0:
                raise ConflictError("last administrator", username=username)
            row.active = False
            self._log(s, AuditAction.ACCOUNT, "", f"user {row.username} disabled")
            if before_commit is not None:
                before_commit()
            return user_record(row)

    def set_role(self, username: str, role: Role) -> UserRecord:
        """Change an account's role; the last active administrator keeps theirs."""
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
