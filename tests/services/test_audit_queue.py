"""Access-log rows are written at the commit of the transaction that records them.

Queued and chained at the commit, a transaction's rows take the chain's lock only for the
commit (a walk-in on the center server used to hold it from its first row), keep the order
and the times they were recorded in, and vanish with a rollback.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from onestop_desk.db import models
from onestop_desk.db.store import Store
from onestop_desk.domain.clock import fixed_clock
from onestop_desk.domain.records import Actor
from onestop_desk.domain.vocab import Role
from onestop_desk.services.audit_trail import AuditTrail

KEY = bytes(range(32))
DESK = Actor(user_id=None, username="desk", role=Role.SYSTEM, pc_name="desk-1")
EARLIER = datetime(2026, 11, 30, 9, 15, tzinfo=UTC)
NOW = datetime(2026, 12, 3, 10, 0, tzinfo=UTC)


def _rows(store: Store) -> list[models.AuditEvent]:
    with store.sessions() as s:
        return list(s.scalars(select(models.AuditEvent).order_by(models.AuditEvent.seq)))


def _count(store: Store) -> int:
    with store.sessions() as s:
        return s.scalar(select(func.count()).select_from(models.AuditEvent)) or 0


def test_the_rows_are_written_at_the_commit_in_order_with_their_own_times(store: Store) -> None:
    trail = AuditTrail(fixed_clock(NOW), KEY)
    before = _count(store)
    with store.sessions.begin() as s:
        # A failure queued while the store was locked keeps the time it happened.
        AuditTrail(fixed_clock(EARLIER), KEY).record(s, DESK, "login_failed", detail="queued")
        for n in (1, 2, 3):
            trail.record(s, DESK, "view", case_number=f"2026-0000{n}")
        assert s.scalar(select(func.count()).select_from(models.AuditEvent)) == before
    rows = _rows(store)[before:]
    assert [(r.action, r.case_number) for r in rows] == [
        ("login_failed", ""),
        ("view", "2026-00001"),
        ("view", "2026-00002"),
        ("view", "2026-00003"),
    ]
    assert [r.seq for r in rows] == list(range(rows[0].seq, rows[0].seq + 4))
    assert [r.at.replace(tzinfo=UTC) for r in rows] == [EARLIER, NOW, NOW, NOW]
    with store.sessions() as s:
        report = trail.verify(s)
    assert report.ok and report.rows_checked == before + 4


def test_a_rollback_writes_none_of_its_rows_and_the_session_goes_on(store: Store) -> None:
    trail = AuditTrail(fixed_clock(NOW), KEY)
    before = _count(store)
    with pytest.raises(RuntimeError), store.sessions.begin() as s:
        trail.record(s, DESK, "view", case_number="2026-00001")
        raise RuntimeError("the walk-in failed after its first row")
    assert _count(store) == before

    with store.sessions() as s:
        trail.record(s, DESK, "view", detail="dropped")
        s.rollback()
        trail.record(s, DESK, "view", detail="kept")
        s.commit()
    assert [r.detail for r in _rows(store)[before:]] == ["kept"]


def test_one_transaction_writes_with_one_chain_key(store: Store) -> None:
    with pytest.raises(ValueError, match="one chain key"), store.sessions.begin() as s:
        AuditTrail(fixed_clock(NOW), KEY).record(s, DESK, "view")
        AuditTrail(fixed_clock(NOW), bytes(32)).record(s, DESK, "view")
