"""The keyring tables of the server store (migration 0006): read them, lock them, rewrite them.

Every change goes through :meth:`KeyringRepository.lock` first: on PostgreSQL it takes the
one ``keyring_meta`` row ``FOR UPDATE``, so two PCs counting a failed login for the same
account queue one behind the other and the second sees the first's count (nobody gets a
sixth try out of a five-try policy). SQLite's IMMEDIATE transaction is that lock already.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from onestop_desk.db import models
from onestop_desk.db.dialect import is_sqlite

META_ID = 1


class KeyringRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def meta(self) -> models.KeyringMeta | None:
        return self._s.get(models.KeyringMeta, META_ID)

    def lock(self) -> models.KeyringMeta | None:
        """The keyring row, locked until the transaction ends (``None``: not set up)."""
        stmt = select(models.KeyringMeta).where(models.KeyringMeta.id == META_ID)
        if not is_sqlite(self._s):
            stmt = stmt.with_for_update()
        return self._s.scalars(stmt.execution_options(populate_existing=True)).first()

    def audit_head(self, *, lock: bool = False) -> tuple[Any] | None:
        """The stored head of the access log as a one-item tuple (``None``: not set up).
        With ``lock``, the keyring row stays locked until the transaction ends."""
        stmt = select(models.KeyringMeta.audit_head).where(models.KeyringMeta.id == META_ID)
        if lock and not is_sqlite(self._s):
            stmt = stmt.with_for_update()
        row = self._s.execute(stmt).first()
        return None if row is None else (row[0],)

    def set_audit_head(self, value: Any) -> None:
        """Store ``value`` as the head; the rest of the keyring is left as it is."""
        self._s.execute(
            update(models.KeyringMeta)
            .where(models.KeyringMeta.id == META_ID)
            .values(audit_head=value)
        )

    def accounts(self) -> list[models.KeyringAccount]:
        return list(
            self._s.scalars(select(models.KeyringAccount).order_by(models.KeyringAccount.username))
        )

    def failures(self) -> list[models.KeyringFailure]:
        return list(
            self._s.scalars(select(models.KeyringFailure).order_by(models.KeyringFailure.id))
        )

    def write(
        self,
        *,
        recovery: Any,
        policy: Any,
        dropped_failures: int,
        audit_head: Any,
        accounts: Sequence[dict[str, Any]],
        failures: Sequence[tuple[datetime, str, str, str]],
    ) -> None:
        """Make the tables hold exactly this keyring (small tables: rewritten whole)."""
        meta = self.meta()
        if meta is None:
            meta = models.KeyringMeta(id=META_ID)
            self._s.add(meta)
        meta.recovery = recovery
        meta.policy = policy
        meta.dropped_failures = dropped_failures
        meta.audit_head = audit_head
        self._s.execute(delete(models.KeyringAccount))
        if accounts:
            self._s.execute(insert(models.KeyringAccount), list(accounts))
        self._s.execute(delete(models.KeyringFailure))
        if failures:
            self._s.execute(
                insert(models.KeyringFailure),
                [
                    {"at": at, "username": user, "pc_name": pc, "detail": detail}
                    for at, user, pc, detail in failures
                ],
            )
        self._s.flush()


def forget_unfinished_center(session: Session) -> None:
    """Remove what a first-run setup that failed half-way wrote into a server database (its
    keyring rows, accounts and access-log rows). Only the setup calls this, and it refuses
    to start on a database that already has a keyring, i.e. a center."""
    for model in (
        models.KeyringFailure,
        models.KeyringAccount,
        models.KeyringMeta,
        models.AuditEvent,
        models.User,
    ):
        session.execute(delete(model))
