"""The statistics month cache: whole months are read from ``stat_month_cache`` only while the
triggers of migration 0005 say nothing they count has changed. Every test compares the cached
counts with a count made now from the case tables, after a change made the way the
application (or a bulk SQL statement) makes it."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import delete, func, select, update

from helpers.world import World, consent
from onestop_desk.db import models
from onestop_desk.db.statistics import PeriodCounts, StatisticsRepository
from onestop_desk.domain.vocab import ReferralStatus

ALL_TIME = (date(2000, 1, 1), date(2026, 11, 25))
OCTOBER = (date(2026, 10, 1), date(2026, 10, 31))


def _set(world: World, model, row_id: int, **values) -> None:  # type: ignore[no-untyped-def]
    with world.store.sessions.begin() as s:
        s.execute(update(model).where(model.id == row_id).values(**values))


def _cached_and_live(world: World, start: date, end: date) -> tuple[PeriodCounts, PeriodCounts]:
    with world.store.sessions.begin() as s:
        repo = StatisticsRepository(s)
        return repo.counts(start, end), repo.period_counts(start, end)


def _assert_current(world: World, start: date = ALL_TIME[0], end: date = ALL_TIME[1]) -> None:
    cached, live = _cached_and_live(world, start, end)
    assert cached == live
    # Read again: now every whole month comes from the cache.
    again, _ = _cached_and_live(world, start, end)
    assert again == live


def _cached_months(world: World) -> set[str]:
    with world.store.sessions() as s:
        return set(s.scalars(select(models.StatMonthCache.month)))


@pytest.fixture
def cases(world: World) -> dict[str, int]:
    """Three consenting cases in three months (August, October, November) and one person with
    two cases (August and October: new in August, not in October)."""
    august = world.new_case(name="김하나", crimes=("assault", "stalking"))
    _set(world, models.Case, august.id, intake_date=date(2026, 8, 14))
    october = world.new_case(name="김하나", crimes=("stalking",))
    _set(world, models.Case, october.id, intake_date=date(2026, 10, 3), person_id=august.person.id)
    november = world.new_case(name="이둘", birth=date(2010, 5, 1), crimes=("sexual_violence",))
    world.c1.consents.record(october.id, consent("legal_aid"))
    referral = world.c1.referrals.create(october.id, "legal_aid", ("legal_aid",))
    world.c1.referrals.transition(referral.id, ReferralStatus.SENT)
    return {
        "august": august.id,
        "october": october.id,
        "november": november.id,
        "person": august.person.id,
        "other_person": november.person.id,
        "referral": referral.id,
    }


def test_all_time_counts_equal_a_count_made_now_and_fill_the_cache(world, cases):
    _assert_current(world)
    # All time is clipped to the first and last intake (Aug 14 .. Nov 25): the whole months
    # inside are September and October; the edges are counted now.
    assert _cached_months(world) == {"2026-09", "2026-10"}
    cached, _ = _cached_and_live(world, *ALL_TIME)
    assert cached.new_persons == 2
    assert sum(cached.cohort.values()) == 3


def test_all_time_statistics_from_the_cache_equal_the_months_added(world, cases):
    report = world.lead.statistics.summary(*ALL_TIME)
    assert report.new_cases == 3
    assert (report.served_persons, report.new_persons, report.continuing_persons) == (2, 2, 0)
    again = world.lead.statistics.summary(*ALL_TIME)
    assert again == report


def test_a_referral_status_change_is_counted(world, cases):
    _assert_current(world, *OCTOBER)
    world.c1.referrals.transition(cases["referral"], ReferralStatus.ACKNOWLEDGED)
    cached, live = _cached_and_live(world, *OCTOBER)
    assert cached == live
    assert cached.referrals == {(live_key[0], "acknowledged"): 1 for live_key in live.referrals}


def test_a_person_fact_changed_in_bulk_sql_is_counted(world, cases):
    _assert_current(world)
    _set(world, models.Person, cases["person"], gender="male", disability="시각장애")
    cached, live = _cached_and_live(world, *OCTOBER)
    assert cached == live
    assert [(key[1], key[3]) for key in cached.cohort] == [("male", True)]


def test_refusing_statistics_later_removes_the_case_from_its_month(world, cases):
    _assert_current(world)
    _set(world, models.Case, cases["october"], statistics_consent=False)
    _assert_current(world)
    cached, _ = _cached_and_live(world, *OCTOBER)
    assert cached == PeriodCounts()


def test_deleting_a_persons_first_case_makes_the_later_one_new(world, cases):
    _assert_current(world)
    cached, _ = _cached_and_live(world, *OCTOBER)
    assert cached.new_persons == 0
    with world.store.sessions.begin() as s:
        s.execute(delete(models.Case).where(models.Case.id == cases["august"]))
    _assert_current(world)
    cached, _ = _cached_and_live(world, *OCTOBER)
    assert cached.new_persons == 1


def test_moving_a_case_to_another_month_updates_both(world, cases):
    _assert_current(world)
    _set(world, models.Case, cases["october"], intake_date=date(2026, 9, 30))
    _assert_current(world)
    cached, _ = _cached_and_live(world, *OCTOBER)
    assert cached == PeriodCounts()


def test_crime_types_and_needs_changes_are_counted(world, cases):
    _assert_current(world)
    with world.store.sessions.begin() as s:
        s.add(models.CaseCrimeType(case_id=cases["october"], crime_code="assault"))
    _assert_current(world)
    from onestop_desk.domain.records import NeedInput

    world.c1.needs.set_needs(cases["october"], [NeedInput("legal", "legal_aid")])
    _assert_current(world)
    with world.store.sessions.begin() as s:
        s.execute(
            update(models.CrimeType)
            .where(models.CrimeType.code == "stalking")
            .values(bucket="other")
        )
    _assert_current(world)
    cached, _ = _cached_and_live(world, *OCTOBER)
    assert cached.crime_buckets["other"] == 1


def test_a_cache_of_another_format_is_counted_again(world, cases):
    _assert_current(world)
    with world.store.sessions.begin() as s:
        s.execute(update(models.StatMonthCache).values(format=0, counts="{}"))
    _assert_current(world)
    with world.store.sessions() as s:
        formats = set(s.scalars(select(func.distinct(models.StatMonthCache.format))))
    assert formats == {1}
