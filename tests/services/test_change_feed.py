"""The change feed between the PCs of a center server (PostgreSQL LISTEN/NOTIFY).

Every wait here waits on a state (an event set by the feed's thread), with a generous
deadline for a busy CI machine; the 2-second promise is measured by
benchmarks/bench_server_signals.py, not asserted here.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from helpers.world import World
from onestop_desk.domain.records import InquiryInput
from onestop_desk.domain.vocab import CallerType, ReferralStatus
from onestop_desk.services.changes import ChangeFeed, FeedState, Topic, topics_of

DEADLINE_S = 20.0


class Heard:
    def __init__(self) -> None:
        self.topics: list[set[Topic]] = []
        self.states: list[FeedState] = []
        self.changed = threading.Event()
        self.state_changed = threading.Event()

    def on_change(self, topics: set[Topic]) -> None:
        self.topics.append(topics)
        self.changed.set()

    def on_state(self, state: FeedState) -> None:
        self.states.append(state)
        self.state_changed.set()

    def wait_for(self, topic: Topic) -> None:
        while not any(topic in batch for batch in self.topics):
            assert self.changed.wait(DEADLINE_S), f"no signal for {topic}"
            self.changed.clear()

    def wait_state(self, state: FeedState) -> None:
        while not self.states or self.states[-1] is not state:
            assert self.state_changed.wait(DEADLINE_S), f"feed never {state}"
            self.state_changed.clear()


pytestmark = pytest.mark.server_only


@pytest.fixture
def heard(world: World) -> Iterator[Heard]:
    heard = Heard()
    feed = ChangeFeed(world.store.engine, heard.on_change, heard.on_state)
    feed.start()
    heard.wait_state(FeedState.CONNECTED)
    yield heard
    feed.stop()


def test_a_walk_in_registered_elsewhere_is_heard(world, heard):
    world.new_case(name="김하나")
    heard.wait_for(Topic.CASES)


def test_a_referral_change_is_heard(world, heard):
    case = world.new_case(name="김하나")
    from helpers.world import consent

    world.c1.consents.record(case.id, consent("legal_aid"))
    referral = world.c1.referrals.create(case.id, "legal_aid", ("legal_aid",))
    heard.topics.clear()
    world.c1.referrals.transition(referral.id, ReferralStatus.SENT)
    heard.wait_for(Topic.REFERRALS)


def test_a_phone_inquiry_is_heard(world, heard):
    world.c1.inquiries.log(
        InquiryInput(caller_type=CallerType.VICTIM, topic="상담 문의", crime_type="stalking")
    )
    heard.wait_for(Topic.INQUIRIES)


def test_a_rolled_back_transaction_sends_nothing(world, heard):
    from sqlalchemy import text

    with world.store.sessions() as session:
        session.execute(text("UPDATE cases SET summary = summary"))
        session.rollback()
    world.new_case(name="이둘")
    heard.wait_for(Topic.CASES)
    # The only signal is the committed intake's: the rolled-back update sent none before it.
    assert all(Topic.CASES in batch for batch in heard.topics)


def test_a_lost_connection_is_reported_and_reconnects(world, heard, pg_cluster):
    with pg_cluster.connect_admin() as admin:
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE query LIKE 'LISTEN onestop_changes%'"
        )
    heard.wait_state(FeedState.LOST)
    heard.wait_state(FeedState.CONNECTED)
    world.new_case(name="박셋")
    heard.wait_for(Topic.CASES)


def test_topics_name_no_table_that_is_not_watched():
    assert topics_of({"cases", "audit_events"}) == {Topic.CASES}
    assert topics_of(set()) == set()


def test_the_embedded_store_has_no_feed(tmp_path):
    from onestop_desk.db.store import open_store

    store = open_store(tmp_path / "one.db")
    try:
        assert not ChangeFeed.available(store.engine)
    finally:
        store.close()
