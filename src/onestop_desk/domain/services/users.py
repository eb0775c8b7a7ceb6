"""Staff accounts: one per person, with a role (상담원 / 팀장 / 관리자)."""

from __future__ import annotations

from onestop_desk.db import models as m
from onestop_desk.db.convert import user_record
from onestop_desk.db.repositories import UserRepository

from ..access import require_role
from ..errors import ConflictError, FieldError, ValidationError
from ..records import UserRecord
from ..security.passwords import check_password_policy, hash_password
from ..vocab import AuditAction, Role
from .base import Service


class UserService(Service):
    def list(self) -> list[UserRecord]:
        with self._ctx.transaction() as s:
            return [user_record(u) for u in UserRepository(s).all()]

    def create(
        self, username: str, display_name: str, role: Role, password: str, phone: str = ""
    ) -> UserRecord:
        require_role(self.actor, Role.ADMIN)
        errors = []
        username = username.strip()
        if not username or not username.replace(".", "").replace("_", "").isalnum():
            errors.append(FieldError("user.username", "invalid"))
        if not display_name.strip():
            errors.append(FieldError("user.display_name", "required"))
        if role is Role.SYSTEM:
            errors.append(FieldError("user.role", "invalid"))
        errors += [FieldError("user.password", code) for code in check_password_policy(password)]
        if errors:
            raise ValidationError(errors)
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
