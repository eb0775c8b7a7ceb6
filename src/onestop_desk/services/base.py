"""What every service shares: the session factory, who acts, the clock, the access log."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from onestop_desk.db import models
from onestop_desk.db.repositories import CaseRepository, UserRepository
from onestop_desk.db.server import lost_connection_error
from onestop_desk.domain.access import require_case_access
from onestop_desk.domain.clock import Clock
from onestop_desk.domain.errors import NotFoundError
from onestop_desk.domain.records import Actor
from onestop_desk.domain.security.errors import (
    AccountChangedError,
    AccountDisabledError,
    PasswordChangeRequiredError,
)
from onestop_desk.domain.vocab import Role
from onestop_desk.services.audit_trail import AuditTrail


def this_pc() -> str:
    return socket.gethostname()


@dataclass
class ServiceContext:
    sessions: sessionmaker[Session]
    actor: Actor
    clock: Clock
    audit: AuditTrail
    key_copies: Any = None
    """The keyring side of account administration (``services.auth.keyring.KeyCopies``);
    ``None`` where the store has no keyring (tests, the system actor at setup)."""
    password_change_required: bool = False
    """The account logged in with a password an administrator set: every call but the
    password change is refused until it is changed."""
    _local: threading.local = field(default_factory=threading.local, repr=False, compare=False)

    @contextmanager
    def transaction(self, *, for_password_change: bool = False) -> Iterator[Session]:
        """One service call = one transaction: all of it is saved, or none of it.

        A service called from inside another service's transaction (registering a walk-in
        creates the case, the needs, the consents and the referrals) joins that transaction
        instead of committing on its own, so the outer call stays all-or-nothing. The session
        is kept per thread: the UI's database worker and the CLI each have their own.

        Opening one checks the acting account first (:meth:`check_account`): every service
        call, not only the screen that leads to it, sees a disabled account, a changed role or
        a password still to be changed. ``for_password_change`` lets that one call through.
        """
        current: Session | None = getattr(self._local, "session", None)
        if current is not None:
            yield current
            return
        try:
            with self.sessions.begin() as session:
                self._local.session = session
                try:
                    self.check_account(session, for_password_change=for_password_change)
                    yield session
                finally:
                    self._local.session = None
        except DBAPIError as exc:
            # The center server stopped answering (or dropped the connection) mid-call: the
            # transaction is rolled back whole, and the caller hears it in words.
            lost = lost_connection_error(exc, self.sessions.kw.get("bind"))
            if lost is None:
                raise
            raise lost from exc

    def check_account(self, session: Session, *, for_password_change: bool = False) -> None:
        """Refuse the call unless the acting account is still active, still has the role
        this session logged in with, and (``for_password_change`` aside) has chosen its own
        password. The system actor (setup, migrations, scheduled jobs) has no account."""
        actor = self.actor
        if actor.role is Role.SYSTEM or actor.user_id is None:
            return
        row = UserRepository(session).get(actor.user_id)
        if row is None or not row.active:
            raise AccountDisabledError("account disabled", username=actor.username)
        if row.role != actor.role.value:
            raise AccountChangedError("role changed since login", username=actor.username)
        if self.password_change_required and not for_password_change:
            raise PasswordChangeRequiredError("password must be changed first")

    def check_account_now(self) -> None:
        """The same check for a call that reads no table (the backup folder's listing)."""
        with self.transaction():
            pass


class Service:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    @property
    def actor(self) -> Actor:
        return self._ctx.actor

    def _load_case(self, session: Session, case_id: int) -> models.Case:
        case = CaseRepository(session).get(case_id)
        if case is None:
            raise NotFoundError("case not found", case_id=case_id)
        require_case_access(self.actor, case.counselor_id, case.created_by)
        return case

    def _log(
        self,
        session: Session,
        action: str,
        case_number: str = "",
        detail: str = "",
        reason: str = "",
    ) -> None:
        self._ctx.audit.record(
            session, self.actor, action, case_number=case_number, detail=detail, reason=reason
        )
