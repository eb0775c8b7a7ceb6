"""What every service shares: the session factory, who acts, the clock, the access log."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from sqlalchemy.orm import Session, sessionmaker

from onestop_desk.db import models as m
from onestop_desk.db.repositories import CaseRepository
from onestop_desk.domain.access import require_case_access
from onestop_desk.domain.clock import Clock
from onestop_desk.domain.errors import NotFoundError
from onestop_desk.domain.records import Actor
from onestop_desk.services.audit_trail import AuditTrail


def this_pc() -> str:
    return socket.gethostname()


@dataclass
class ServiceContext:
    sessions: sessionmaker[Session]
    actor: Actor
    clock: Clock
    audit: AuditTrail
    _local: threading.local = field(default_factory=threading.local, repr=False, compare=False)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One service call = one transaction: all of it is saved, or none of it.

        A service called from inside another service's transaction (registering a walk-in
        creates the case, the needs, the consents and the referrals) joins that transaction
        instead of committing on its own, so the outer call stays all-or-nothing. The session
        is kept per thread: the UI's database worker and the CLI each have their own.
        """
        current: Session | None = getattr(self._local, "session", None)
        if current is not None:
            yield current
            return
        with self.sessions.begin() as session:
            self._local.session = session
            try:
                yield session
            finally:
                self._local.session = None


class Service:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    @property
    def actor(self) -> Actor:
        return self._ctx.actor

    def _load_case(self, session: Session, case_id: int) -> m.Case:
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
