"""Writes access-log rows, each hash-chained to the one before (see security.audit_chain),
and keeps the chain's head outside the database.

The head (the newest row's number and hash, sealed with a key derived from the chain key)
is what catches rows cut off the end of the log, which the chain alone cannot see. It used to
be taken from the table at login and logout: rows written during a session were unprotected
until the logout, and the logout (or the next login) read the end of an already shortened
table and remembered *that*, so a cut made between two sessions, or during one, was blessed
by the next write. Now:

- the head moves after every commit that adds rows, to the row this process wrote;
- it moves only forward, and only when the table still holds the remembered head's row
  unchanged: a table that lost its newest rows keeps the old head, and every later check
  names the missing rows;
- a row written after such a cut is numbered after the remembered head, not after the
  shortened table: the numbers of the erased rows are never used again, so the chain itself
  shows the gap (``audit.row_missing``, with its range) from then on;
- with no head remembered yet (a new center, or after a restore, which forgets it on
  purpose), the next write starts one.

Where the head lives is the caller's choice, a :class:`HeadStore` attached to the session
factory with :func:`keep_head` (the keyring file beside the database, for the desk).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Protocol

from sqlalchemy import event
from sqlalchemy.orm import Session, sessionmaker

from onestop_desk.db import models
from onestop_desk.db.repositories import AuditRepository
from onestop_desk.domain.clock import Clock
from onestop_desk.domain.records import Actor
from onestop_desk.domain.security.audit_chain import (
    GENESIS,
    SEQ_FIELD,
    AuditHead,
    ChainProblem,
    ChainReport,
    ChainRow,
    chain_hash,
    head_is_sealed,
    head_report,
    seal_head,
    verify_chain,
)
from onestop_desk.domain.text import clean_text

log = logging.getLogger(__name__)

_HEADS = "onestop_desk.audit_heads"
_PENDING = "onestop_desk.audit_head_pending"
_QUEUE = "onestop_desk.audit_queue"


class HeadStoreError(Exception):
    """The head cannot be read or written (the file is missing, damaged or locked away)."""


class HeadStore(Protocol):
    """Where the head of the access log is remembered, outside the database."""

    def load(self) -> AuditHead | None:
        """The remembered head; ``None`` if none is. Raises :class:`HeadStoreError`."""

    def advance(self, head: AuditHead) -> None:
        """Remember ``head`` unless a head with a higher number is already remembered (two
        programs write one log; the later row wins). Raises :class:`HeadStoreError`."""

    def forget(self) -> None:
        """Drop the head (the database was replaced by a restore); the next write starts a
        new one. Raises :class:`HeadStoreError`."""


def keep_head(sessions: sessionmaker[Session], heads: HeadStore) -> None:
    """Keep the head of every access log written through ``sessions`` in ``heads``."""
    info = dict(sessions.kw.get("info") or {})
    info[_HEADS] = heads
    sessions.configure(info=info)
    event.listen(sessions, "after_commit", _remember_pending_head)
    event.listen(sessions, "after_rollback", _drop_pending_head)


def heads_of(session: Session) -> HeadStore | None:
    """The head store of ``session``'s factory, if it keeps one."""
    heads: HeadStore | None = session.info.get(_HEADS)
    return heads


@dataclass
class _Pending:
    """What one transaction knows about the head: whether it may move it at the commit,
    the newest row it wrote, and the number a cut table must be continued after."""

    movable: bool
    cut_after: int = 0
    head: AuditHead | None = None


def _remember_pending_head(session: Session) -> None:
    pending: _Pending | None = session.info.pop(_PENDING, None)
    heads = heads_of(session)
    if pending is None or pending.head is None or heads is None:
        return
    try:
        heads.advance(pending.head)
    except HeadStoreError as exc:
        # The rows are committed; a head left behind only leaves those rows unprotected
        # until the next write moves it. Failing the user's action here would not undo it.
        log.warning("access-log head not remembered: %s", exc)


def _drop_pending_head(session: Session) -> None:
    session.info.pop(_PENDING, None)


@dataclass(frozen=True)
class _Queued:
    """One access-log row as recorded (with the recording trail's time: a failed login
    queued while the store was locked keeps the time it happened), before it has its
    number and hash. The fields are the :class:`models.AuditEvent` columns of the same
    names."""

    at: datetime
    user_id: int | None
    username: str
    pc_name: str
    case_number: str
    action: str
    detail: str
    reason: str


@dataclass
class _Queue:
    """The rows one transaction has recorded so far, and the trail that writes them."""

    trail: AuditTrail
    transaction: object
    """The transaction the rows belong to: a queue left from an ended one is never written."""
    rows: list[_Queued] = field(default_factory=list)


def _write_queue(session: Session) -> None:
    queue: _Queue | None = session.info.pop(_QUEUE, None)
    if queue is not None and queue.rows and queue.transaction is session.get_transaction():
        queue.trail._write(session, queue.rows)


def _drop_queue(session: Session, previous_transaction: object) -> None:
    session.info.pop(_QUEUE, None)


def _row_fields(row: models.AuditEvent) -> dict[str, object]:
    """The fields of ``row`` its hash covers."""
    return {
        SEQ_FIELD: row.seq,
        "at": row.at.isoformat(),
        "user_id": row.user_id,
        "username": row.username,
        "pc_name": row.pc_name,
        "case_number": row.case_number,
        "action": row.action,
        "detail": row.detail,
        "reason": row.reason,
    }


class AuditTrail:
    """Appends to the access log inside the caller's transaction, so the log row commits
    (or rolls back) together with what it records.

    ``key`` (derived from the database key) makes the chain an HMAC chain: without the key
    nobody can rewrite rows and recompute valid hashes. It also seals the head.
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
        """Queue one row; it is written at the transaction's commit (:meth:`_write`).

        Written last, the rows of one transaction take the chain's lock for the commit alone:
        a walk-in on the center server no longer holds it from its first row to its last
        statement while other PCs wait, and every transaction takes its locks in the same
        order (number counters first, then the chain), so two cannot wait on each other.
        A rollback drops the queue with everything else.
        """
        if not session.in_transaction():
            session.begin()  # so that a rollback before any statement drops the row too
        transaction = session.get_transaction()
        queue: _Queue | None = session.info.get(_QUEUE)
        if queue is None or queue.transaction is not transaction:
            queue = session.info[_QUEUE] = _Queue(self, transaction)
            if not event.contains(session, "before_commit", _write_queue):
                event.listen(session, "before_commit", _write_queue)
                event.listen(session, "after_soft_rollback", _drop_queue)
        elif queue.trail._key != self._key:
            raise ValueError("one transaction writes the access log with one chain key")
        # Cleaned as every stored text is (a typed reason may hold a NUL), and before the
        # hash: the row must hash to what the table will hold.
        username, pc_name, case_number, action, detail, reason = (
            clean_text(str(value))
            for value in (actor.username, actor.pc_name, case_number, action, detail, reason)
        )
        queue.rows.append(
            _Queued(
                self._clock.now_utc(),
                actor.user_id,
                username,
                pc_name,
                case_number,
                action,
                detail,
                reason,
            )
        )

    def _write(self, session: Session, rows: list[_Queued]) -> None:
        """Append ``rows`` to the chain, in the order they were recorded, under its lock."""
        repo = AuditRepository(session)
        repo.lock_chain()
        last = repo.last()
        seq = 1 if last is None else last.seq + 1
        prev = GENESIS if last is None else last.row_hash
        pending = self._pending(session, repo)
        if pending is not None and seq <= pending.cut_after:
            seq = pending.cut_after + 1
        events = []
        for row in rows:
            event = models.AuditEvent(seq=seq, prev_hash=prev, **asdict(row))
            event.row_hash = chain_hash(prev, _row_fields(event), self._key)
            events.append(event)
            seq, prev = seq + 1, event.row_hash
        repo.add_all(events)
        if pending is not None and pending.movable:
            pending.head = seal_head(events[-1].seq, events[-1].row_hash, self._key)

    def _pending(self, session: Session, repo: AuditRepository) -> _Pending | None:
        """This transaction's view of the head, read at its first row; ``None`` when the
        session's factory keeps no head.

        The head may move at the commit only if the table still holds the remembered head's
        row unchanged (or none is remembered). If the table ends before a validly sealed
        head, new rows are numbered after it (``cut_after``).
        """
        heads = heads_of(session)
        if heads is None:
            return None
        pending: _Pending | None = session.info.get(_PENDING)
        if pending is not None:
            return pending
        try:
            stored = heads.load()
        except HeadStoreError as exc:
            log.warning("access-log head not readable: %s", exc)
            stored, problem = None, True
        else:
            problem = stored is not None and self._head_problem(repo, stored) is not None
        cut_after = 0
        if stored is not None and head_is_sealed(stored, self._key):
            last = repo.last()
            if last is None or last.seq < stored.seq:
                cut_after = stored.seq
        pending = _Pending(movable=not problem, cut_after=cut_after)
        session.info[_PENDING] = pending
        return pending

    def _head_problem(self, repo: AuditRepository, head: AuditHead) -> ChainReport | None:
        row = repo.by_seq(head.seq)
        return head_report(
            head,
            self._key,
            hash_at_head=row.row_hash if row is not None else None,
            last_before_head=repo.last_seq_before(head.seq),
        )

    def check_head(self, session: Session, report: ChainReport | None = None) -> ChainReport:
        """Compare the table's end with the head remembered outside it.

        ``report`` is a chain verification to extend (its counts are kept); without one
        only the head is checked, which takes two indexed reads (the start-up check).
        """
        repo = AuditRepository(session)
        last = repo.last()
        base = report or ChainReport(
            True, 0, None, None, last.row_hash if last is not None else GENESIS
        )
        heads = heads_of(session)
        if heads is None or not base.ok:
            return base
        try:
            stored = heads.load()
        except HeadStoreError:
            return ChainReport(
                False, base.rows_checked, None, ChainProblem.HEAD_INVALID, base.last_hash
            )
        if stored is None:
            return base
        row = repo.by_seq(stored.seq)
        problem = head_report(
            stored,
            self._key,
            hash_at_head=row.row_hash if row is not None else None,
            last_before_head=repo.last_seq_before(stored.seq),
            rows_checked=base.rows_checked,
            last_hash=base.last_hash,
        )
        return problem or base

    def verify(self, session: Session, *, anchor: str = GENESIS) -> ChainReport:
        def rows() -> Iterator[ChainRow]:
            for row in AuditRepository(session).all_in_order():
                yield ChainRow(row.seq, _row_fields(row), row.prev_hash, row.row_hash)

        return verify_chain(rows(), anchor=anchor, key=self._key)

    def verify_rows(self, rows: Iterable[ChainRow], *, anchor: str = GENESIS) -> ChainReport:
        """Verify rows the caller streams (after a purge, from its anchor) with this key."""
        return verify_chain(rows, anchor=anchor, key=self._key)
