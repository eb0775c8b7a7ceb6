"""Writes access-log rows, each hash-chained to the one before (see security.audit_chain)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime

from sqlalchemy.orm import Session

from onestop_desk.db import models as m
from onestop_desk.db.repositories import AuditRepository
from onestop_desk.domain.clock import Clock
from onestop_desk.domain.records import Actor
from onestop_desk.domain.security.audit_chain import (
    GENESIS,
    SEQ_FIELD,
    ChainReport,
    ChainRow,
    chain_hash,
    verify_chain,
)
from onestop_desk.domain.text import clean_text


def _fields(
    seq: int,
    at: datetime,
    user_id: int | None,
    username: str,
    pc_name: str,
    case_number: str,
    action: str,
    detail: str,
    reason: str,
) -> dict[str, object]:
    return {
        SEQ_FIELD: seq,
        "at": at.isoformat(),
        "user_id": user_id,
        "username": username,
        "pc_name": pc_name,
        "case_number": case_number,
        "action": action,
        "detail": detail,
        "reason": reason,
    }


def _row_fields(row: m.AuditEvent) -> dict[str, object]:
    return _fields(
        row.seq,
        row.at,
        row.user_id,
        row.username,
        row.pc_name,
        row.case_number,
        row.action,
        row.detail,
        row.reason,
    )


class AuditTrail:
    """Appends to the access log inside the caller's transaction, so the log row commits
    (or rolls back) together with what it records.

    ``key`` (derived from the database key) makes the chain an HMAC chain: without the key
    nobody can rewrite rows and recompute valid hashes.
    """

    def __init__(self, clock: Clock, key: bytes | None = None) -> None:
        self._clock = clock
        self._key = key

    def record(
        self,
        session: Session,
        actor: Actor,
        action: str,
        *,
        case_number: str = "",
        detail: str = "",
        reason: str = "",
    ) -> None:
        repo = AuditRepository(session)
        last = repo.last()
        seq = 1 if last is None else last.seq + 1
        prev = GENESIS if last is None else last.row_hash
        at = self._clock.now_utc()
        # Cleaned as every stored text is (a typed reason may hold a NUL), and before the
        # hash: the row must hash to what the table will hold.
        username, pc_name, case_number, action, detail, reason = (
            clean_text(str(value))
            for value in (actor.username, actor.pc_name, case_number, action, detail, reason)
        )
        fields = _fields(
            seq, at, actor.user_id, username, pc_name, case_number, action, detail, reason
        )
        repo.add(
            m.AuditEvent(
                seq=seq,
                at=at,
                user_id=actor.user_id,
                username=username,
                pc_name=pc_name,
                case_number=case_number,
                action=action,
                detail=detail,
                reason=reason,
                prev_hash=prev,
                row_hash=chain_hash(prev, fields, self._key),
            )
        )

    def verify(self, session: Session, *, anchor: str = GENESIS) -> ChainReport:
        def rows() -> Iterator[ChainRow]:
            for row in AuditRepository(session).all_in_order():
                yield ChainRow(row.seq, _row_fields(row), row.prev_hash, row.row_hash)

        return verify_chain(rows(), anchor=anchor, key=self._key)

    def verify_rows(self, rows: Iterable[ChainRow], *, anchor: str = GENESIS) -> ChainReport:
        """Verify rows the caller streams (after a purge, from its anchor) with this key."""
        return verify_chain(rows, anchor=anchor, key=self._key)
