"""The demo data tells a consistent story: what the screenshots, benchmarks and demos show."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

import pytest
from sqlalchemy import select

from helpers.world import NOW
from onestop_desk.db import models
from onestop_desk.demo import generate_demo
from onestop_desk.demo.people import CASES_PER_WORKING_DAY
from onestop_desk.domain.errors import PermissionDeniedError
from onestop_desk.domain.vocab import OPEN_REFERRAL_STATES, CaseStatus, ReferralStatus
from onestop_desk.services.demo import RealDataError
from onestop_desk.services.queues import Queue

N_CASES = 500
TODAY = NOW.date()
CLOSED = {CaseStatus.CLOSED.value, CaseStatus.AFTERCARE.value}
OPEN_REFERRALS = {s.value for s in OPEN_REFERRAL_STATES}


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """One 500-case demo database for the module (Faker is slow to start)."""
    import os

    from helpers.world import World
    from onestop_desk.db.store import open_store

    folder = tmp_path_factory.mktemp("demo")
    store = open_store(folder / "onestop.db", key=os.urandom(32))
    world = World(store)
    assert world.lead.demo.generate(N_CASES) == N_CASES
    with store.sessions() as s:
        cases = {c.id: c for c in s.scalars(select(models.Case))}
        referrals = list(s.scalars(select(models.Referral)))
        changes = list(
            s.scalars(select(models.StatusChangeRow).order_by(models.StatusChangeRow.id))
        )
        buckets = dict(
            s.execute(
                select(models.CaseCrimeType.case_id, models.CrimeType.bucket).join(
                    models.CrimeType, models.CrimeType.code == models.CaseCrimeType.crime_code
                )
            ).all()
        )
        s.expunge_all()
    yield world, cases, referrals, changes, buckets
    store.close()


def test_about_34_cases_a_working_day_ending_today(demo):
    _world, cases, *_ = demo
    days = Counter(c.intake_date for c in cases.values())
    assert max(days) == TODAY
    assert all(day <= TODAY for day in days)
    weekdays = [n for day, n in days.items() if day.weekday() < 5]
    assert 25 <= sum(weekdays) / len(weekdays) <= 45
    span = (max(days) - min(days)).days + 1
    assert span <= N_CASES / CASES_PER_WORKING_DAY * 7 / 5 + 3


def test_crime_shares_follow_the_first_year(demo):
    _world, cases, _refs, _changes, buckets = demo
    shares = Counter(buckets[c] for c in cases if c in buckets)
    total = sum(shares.values())
    assert abs(shares["sexual"] / total - 0.30) < 0.07
    assert abs(shares["violent"] / total - 0.19) < 0.06
    assert abs(shares["stalking"] / total - 0.16) < 0.06


def test_statuses_progress_with_age(demo):
    _world, cases, _refs, changes, _b = demo
    for case in cases.values():
        age = (TODAY - case.intake_date).days
        if case.status in CLOSED:
            assert case.closed_on is not None
            assert case.intake_date < case.closed_on <= TODAY
        else:
            assert case.closed_on is None
        if age == 0:
            assert case.status in (CaseStatus.RECEIVED.value, CaseStatus.INITIAL_CONSULT.value)
        if age >= 240:
            assert case.status in CLOSED
    by_case: dict[int, list[models.StatusChangeRow]] = {}
    for row in changes:
        by_case.setdefault(row.case_id, []).append(row)
    for case_id, rows in by_case.items():
        assert rows[0].to_status == CaseStatus.RECEIVED.value
        assert rows[-1].to_status == cases[case_id].status
        moments = [r.changed_at for r in rows]
        assert moments == sorted(moments)
    statuses = Counter(c.status for c in cases.values())
    assert statuses[CaseStatus.CLOSED.value] > 0 and statuses[CaseStatus.MONITORING.value] > 0


def test_referrals_of_closed_cases_are_finished_and_never_followed_up(demo):
    _world, cases, referrals, *_ = demo
    assert referrals
    for r in referrals:
        case = cases[r.case_id]
        made = r.created_at
        stamps = [
            t
            for t in (r.sent_at, r.acknowledged_at, r.support_started_at, r.completed_at)
            if t is not None
        ]
        assert stamps == sorted(stamps) and all(t >= made for t in stamps)
        if case.status in CLOSED:
            assert r.status not in OPEN_REFERRALS
            assert r.follow_up_due is None
        if r.status in (ReferralStatus.DRAFT.value, ReferralStatus.SENT.value):
            assert r.reply_received_on is None
        if r.status in (ReferralStatus.ACKNOWLEDGED.value, ReferralStatus.COMPLETED.value):
            assert r.reply_received_on is not None
        if r.reply_received_on is not None:
            assert r.reply_received_on <= TODAY


def test_follow_ups_come_after_the_referral_and_near_today(demo):
    _world, _cases, referrals, *_ = demo
    followed = [r for r in referrals if r.status in OPEN_REFERRALS - {"draft"}]
    assert followed
    for r in followed:
        assert r.follow_up_due is not None
        assert r.follow_up_due > r.created_at.date()
        assert TODAY - timedelta(days=45) <= r.follow_up_due <= TODAY + timedelta(days=40)
    for r in referrals:
        if r.status not in OPEN_REFERRALS:
            assert r.follow_up_due is None


def test_queues_of_the_demo_are_a_small_share_of_the_work(demo):
    world, cases, *_ = demo
    open_cases = sum(1 for c in cases.values() if c.status not in CLOSED)
    due = world.lead.queues.count(Queue.DUE_FOLLOW_UPS)
    overdue = world.lead.queues.count(Queue.OVERDUE)
    assert 0 < overdue <= due < open_cases
    assert world.lead.queues.count(Queue.NO_REPLY) > 0  # freshly sent letters wait


def test_demo_service_guards_roles_and_real_databases(world):
    with pytest.raises(PermissionDeniedError):
        world.c1.demo.generate(5)
    world.new_case()  # a real case: no demo data may join it
    with pytest.raises(RealDataError):
        world.admin.demo.generate(5)
    assert not world.admin.demo.is_demo_database()
    assert len(world.lead.cases.list_ids()) == 1


def test_generator_is_deterministic_for_a_seed(tmp_path):
    import os

    from helpers.world import World
    from onestop_desk.db.store import open_store

    names = []
    for run in range(2):
        store = open_store(tmp_path / f"{run}.db", key=os.urandom(32))
        world = World(store)
        generate_demo(store.sessions, 20, seed=7, clock=world.clock)
        with store.sessions() as s:
            names.append(list(s.scalars(select(models.Person.name).order_by(models.Person.id))))
        store.close()
    assert names[0] == names[1] and len(names[0]) == 20
