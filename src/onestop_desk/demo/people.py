"""Invented people and case facts (Faker ``ko_KR``): who came, about what, when.

Crime shares follow the Seoul center's first year (성폭력 30%, 살인 등 강력 19%, 스토킹 16%,
재산 12%, the rest 기타); about 34 cases a working day, fewer at weekends (phone and online
only).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from faker import Faker

from onestop_desk.domain.vocab import IntakeChannel

CASES_PER_WORKING_DAY = 34
WEEKEND_SHARE = 0.3
BUCKET_SHARES = {"sexual": 0.30, "violent": 0.19, "stalking": 0.16, "property": 0.12, "other": 0.23}
# Programmes a counselor typically ticks for each bucket.
BUCKET_PROGRAMMES = {
    "sexual": [
        "counselling",
        "trauma_therapy",
        "victim_attorney",
        "digital_takedown",
        "treatment_cost",
        "statement_assistant",
        "psych_therapy_cost",
    ],
    "violent": [
        "relief_money_serious_injury",
        "treatment_cost",
        "personal_protection",
        "trauma_therapy",
        "legal_aid",
        "living_cost",
        "relief_money_bereaved",
    ],
    "stalking": [
        "smartwatch",
        "personal_protection",
        "moving_cost",
        "private_bodyguard",
        "counselling",
        "legal_aid",
    ],
    "property": [
        "legal_counsel",
        "debt_adjustment",
        "small_loans",
        "emergency_welfare",
        "illegal_lending_help",
    ],
    "other": ["counselling", "legal_counsel", "emergency_welfare", "job_placement"],
}
CHANNEL_WEIGHTS = {
    IntakeChannel.VISIT: 35,
    IntakeChannel.PHONE: 30,
    IntakeChannel.ONLINE: 10,
    IntakeChannel.AGENCY: 25,
}
WEEKEND_CHANNELS = (IntakeChannel.PHONE, IntakeChannel.ONLINE)
OFFENDER_RELATIONS = ("모르는 사람", "지인", "전 연인", "직장 동료", "가족")


def pick(rng: random.Random, weights: dict[Any, float]) -> Any:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def intake_dates(rng: random.Random, n_cases: int, today: date) -> list[date]:
    """``n_cases`` intake dates ending today, oldest first, at the center's pace.

    Oldest first as a center enters them: case ids follow intake dates like real data, which
    matters for benchmarks (a month's cases sit together in the file).
    """
    weekly = CASES_PER_WORKING_DAY * (5 + 2 * WEEKEND_SHARE)
    span = max(1, round(n_cases / weekly * 7))
    days: list[date] = []
    while len(days) < n_cases:
        day = today - timedelta(days=rng.randrange(span))
        if day.weekday() >= 5 and rng.random() > WEEKEND_SHARE:
            continue
        days.append(day)
    days.sort()
    return days


@dataclass(frozen=True)
class PersonFacts:
    name: str
    phone: str
    birth_date: date
    gender: str
    nationality: str
    disability: str
    address: str
    confidential_address: bool
    may_leave_message: bool
    may_send_mail: bool


@dataclass(frozen=True)
class CaseFacts:
    bucket: str
    channel: IntakeChannel
    incident_date: date
    incident_place: str
    reported_to_police: bool
    police_office: str
    police_case_number: str
    offender_relation: str
    risk_level: str
    statistics_consent: bool


class PeopleFactory:
    def __init__(self, rng: random.Random, seed: int) -> None:
        self._rng = rng
        self._fake = Faker("ko_KR")
        self._fake.seed_instance(seed)

    def person(self) -> PersonFacts:
        rng, fake = self._rng, self._fake
        return PersonFacts(
            name=fake.name(),
            phone=fake.phone_number(),
            birth_date=fake.date_of_birth(minimum_age=8, maximum_age=85),
            gender=rng.choice(["female", "female", "male"]),
            nationality="대한민국" if rng.random() > 0.05 else "베트남",
            disability="" if rng.random() > 0.06 else "지체장애",
            address=fake.address(),
            confidential_address=rng.random() < 0.1,
            may_leave_message=rng.random() < 0.5,
            may_send_mail=rng.random() < 0.3,
        )

    def case_facts(self, intake: date) -> CaseFacts:
        rng, fake = self._rng, self._fake
        channel = pick(rng, CHANNEL_WEIGHTS)
        if intake.weekday() >= 5:
            channel = rng.choice(WEEKEND_CHANNELS)
        reported = rng.random() < 0.7
        return CaseFacts(
            bucket=pick(rng, BUCKET_SHARES),
            channel=channel,
            incident_date=intake - timedelta(days=rng.randint(0, 90)),
            incident_place=fake.city(),
            reported_to_police=reported,
            police_office=f"{fake.city()}경찰서" if reported else "",
            police_case_number=f"{intake.year}-{rng.randint(1000, 99999)}" if reported else "",
            offender_relation=rng.choice(OFFENDER_RELATIONS),
            risk_level=rng.choice(["low", "medium", "medium", "high"]),
            statistics_consent=rng.random() > 0.03,
        )

    def agency_handler(self) -> str:
        return self._fake.name()
