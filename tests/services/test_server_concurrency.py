"""The server store under several PCs at once, and when a connection dies mid-intake."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.exc import DBAPIError

from helpers.pg_cluster import PgCluster
from helpers.world import World
from onestop_desk.db import models
from onestop_desk.db.store import Store
from onestop_desk.domain.errors import ServerUnreachableError

pytestmark = pytest.mark.server_only

WAIT_S = 30


def test_concurrent_intakes_get_unique_gap_free_numbers_and_one_chain(world: World) -> None:
    pcs = [world.c1, world.c2, world.lead, world.c1]

    def desk(index: int) -> list[str]:
        return [
            world.new_case(pcs[index], name=f"동시접수{index}{n}").case_number for n in range(6)
        ]

    with ThreadPoolExecutor(max_workers=len(pcs)) as pool:
        numbers = [n for batch in pool.map(desk, range(len(pcs))) for n in batch]
    year = numbers[0][:4]
    assert sorted(numbers) == [f"{year}-{i:05d}" for i in range(1, len(numbers) + 1)]
    with world.store.sessions() as s:
        report = world.system.audit.verify(s)
        rows = s.scalar(select(func.count()).select_from(models.AuditEvent))
    assert report.ok, report
    assert report.rows_checked == rows


@pytest.fixture
def pause_before_commit(store: Store) -> Iterator[dict[str, Any]]:
    """Once ``armed`` is set, holds the next transaction that writes a timeline row open
    until ``go`` is set, and says which server process (backend pid) runs it."""
    state: dict[str, Any] = {
        "armed": threading.Event(),
        "held": threading.Event(),
        "go": threading.Event(),
        "pid": None,
    }

    def before(conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if (
            "INSERT INTO timeline_events" in statement
            and state["armed"].is_set()
            and state["pid"] is None
        ):
            state["pid"] = conn.connection.dbapi_connection.info.backend_pid
            state["held"].set()
            assert state["go"].wait(WAIT_S)

    event.listen(store.engine, "before_cursor_execute", before)
    yield state
    event.remove(store.engine, "before_cursor_execute", before)


def _counts(store: Store) -> dict[str, int]:
    with store.sessions() as s:
        return {
            model.__tablename__: s.scalar(select(func.count()).select_from(model)) or 0
            for model in (
                models.Case,
                models.Person,
                models.TimelineEvent,
                models.StatusChangeRow,
                models.CaseCrimeType,
                models.AuditEvent,
            )
        } | {
            "counter": s.scalar(
                select(func.coalesce(func.max(models.Counter.value), 0)).where(
                    models.Counter.name.like("case:%")
                )
            )
            or 0
        }


def test_a_connection_killed_mid_intake_leaves_nothing(
    world: World, pg_cluster: PgCluster, pause_before_commit: dict[str, Any]
) -> None:
    first = world.new_case(name="먼저온사람")  # the counter row and the chain exist
    before = _counts(world.store)
    pause_before_commit["armed"].set()
    errors: list[BaseException] = []

    def intake() -> None:
        try:
            world.new_case(name="끊긴접수", phone="010-9999-0000")
        except BaseException as exc:
            errors.append(exc)

    worker = threading.Thread(target=intake)
    worker.start()
    assert pause_before_commit["held"].wait(WAIT_S)
    name = pg_cluster.database_name(str(world.store.engine.url))
    with pg_cluster.connect_admin() as admin:
        killed = admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE pid = %s AND datname = %s",
            (pause_before_commit["pid"], name),
        ).fetchone()
    assert killed == (True,)
    pause_before_commit["go"].set()
    worker.join(WAIT_S)
    assert not worker.is_alive()
    # The service says it in words (the server does not answer); the driver's error is
    # its cause.
    assert len(errors) == 1 and isinstance(errors[0], ServerUnreachableError), errors
    assert isinstance(errors[0].__cause__, DBAPIError)
    assert _counts(world.store) == before
    # The next intake gets the number the dead one would have had: no gap.
    after = world.new_case(name="다음사람")
    assert int(after.case_number[-5:]) == int(first.case_number[-5:]) + 1
    with world.store.sessions() as s:
        assert world.system.audit.verify(s).ok


def test_an_intake_that_commits_is_there_whole(
    world: World, pause_before_commit: dict[str, Any]
) -> None:
    before = _counts(world.store)
    pause_before_commit["armed"].set()
    pause_before_commit["go"].set()
    case = world.new_case(name="온전한접수")
    assert pause_before_commit["held"].is_set()  # it went through the same pause point
    after = _counts(world.store)
    assert after["cases"] == before["cases"] + 1
    assert after["timeline_events"] > before["timeline_events"]
    assert after["audit_events"] > before["audit_events"]
    assert after["counter"] == before["counter"] + 1
    assert world.c1.cases.get(case.id).case_number == case.case_number
