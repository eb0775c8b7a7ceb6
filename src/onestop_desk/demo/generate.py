"""The demo generator's entry point: catalogue in, batches of stories out to the database."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import datetime

from sqlalchemy.orm import Session, sessionmaker

from onestop_desk.db import models
from onestop_desk.db.repositories import BulkLoadRepository
from onestop_desk.demo.people import BUCKET_PROGRAMMES, PeopleFactory, intake_dates
from onestop_desk.demo.story import case_story
from onestop_desk.demo.writer import Batch
from onestop_desk.domain.clock import Clock
from onestop_desk.domain.vocab import Role

BATCH = 5000
PLACEHOLDER_COUNSELORS = ("데모상담원1", "데모상담원2", "데모상담원3")


def _counselors(repo: BulkLoadRepository, now: datetime) -> list[int]:
    ids = repo.case_worker_ids([Role.COUNSELOR.value, Role.TEAM_LEAD.value])
    if ids:
        return ids
    existing = repo.user_ids_like("demo")
    if existing:
        return existing
    # Accounts for assignment only: inactive, no password, so nobody can log in as them.
    repo.add(
        models.User,
        [
            dict(
                username=f"demo{i}",
                display_name=name,
                role=Role.COUNSELOR.value,
                phone="",
                password_hash="",
                active=False,
                failed_logins=0,
                created_at=now,
            )
            for i, name in enumerate(PLACEHOLDER_COUNSELORS, start=1)
        ],
    )
    return repo.user_ids_like("demo")


def generate_demo(
    sessions: sessionmaker[Session],
    n_cases: int,
    *,
    seed: int = 1701,
    clock: Clock | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Add ``n_cases`` demo cases received over the last weeks up to today (at about 34 a
    working day); returns how many were written. One transaction per batch of 5,000."""
    clock = clock or Clock()
    rng = random.Random(seed)
    people = PeopleFactory(rng, seed)
    today = clock.today()

    with sessions.begin() as s:
        repo = BulkLoadRepository(s)
        counselors = _counselors(repo, clock.now_utc())
        crimes = repo.crime_buckets()
        offers = repo.programme_offers()

    days = intake_dates(rng, n_cases, today)
    written = 0
    while written < n_cases:
        size = min(BATCH, n_cases - written)
        with sessions.begin() as s:
            batch = Batch(BulkLoadRepository(s), rng)
            for intake in days[written : written + size]:
                person = people.person()
                facts = people.case_facts(intake)
                bucket_crimes = crimes.get(facts.bucket) or crimes["other"]
                case_crimes = rng.sample(
                    bucket_crimes, k=min(len(bucket_crimes), 1 + (rng.random() < 0.2))
                )
                chosen = [
                    c
                    for c in rng.sample(BUCKET_PROGRAMMES[facts.bucket], k=rng.randint(1, 3))
                    if c in offers
                ]
                # One referral per agency: the first programme an unused agency offers.
                plan: list[tuple[int, int]] = []
                used: set[int] = set()
                for code in chosen:
                    programme_id, _area, agencies = offers[code]
                    candidates = [a for a in agencies if a not in used]
                    if candidates:
                        agency = rng.choice(candidates)
                        used.add(agency)
                        plan.append((agency, programme_id))
                story = case_story(rng, intake, today, len(plan))
                batch.add_case(
                    person,
                    facts,
                    story,
                    crimes=case_crimes,
                    needs=[(offers[c][0], offers[c][1]) for c in chosen],
                    referrals=[
                        (agency, programme, ref)
                        for (agency, programme), ref in zip(plan, story.referrals, strict=False)
                    ],
                    counselor_id=rng.choice(counselors),
                    handler=people.agency_handler(),
                )
            batch.write(s)
        written += size
        if progress:
            progress(written, n_cases)
    return written
