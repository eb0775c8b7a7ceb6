"""Realistic demo data (Faker ``ko_KR``) for training, screenshots and benchmarks.

Crime shares follow the Seoul center's first year (성폭력 30%, 살인 등 강력 19%, 스토킹 16%,
재산 12%); every referral state occurs. Rows are written with bulk inserts in one transaction
per batch, so 100,000 cases take seconds, not minutes. Demo people are invented by Faker;
never load demo data into a center's real database.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import datetime, timedelta

from faker import Faker
from sqlalchemy import func, insert, select, text
from sqlalchemy.orm import Session, sessionmaker

from onestop_desk.db import models as m
from onestop_desk.db.search import name_grams
from onestop_desk.domain.clock import Clock
from onestop_desk.domain.text import digits, initials
from onestop_desk.domain.vocab import (
    CaseStatus,
    ConsentMethod,
    IntakeChannel,
    NeedStatus,
    ReferralStatus,
    Role,
)

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
STATUS_WEIGHTS = {
    CaseStatus.RECEIVED: 4,
    CaseStatus.INITIAL_CONSULT: 6,
    CaseStatus.NEEDS_ASSESSMENT: 8,
    CaseStatus.REFERRAL: 20,
    CaseStatus.MONITORING: 25,
    CaseStatus.CLOSED: 30,
    CaseStatus.AFTERCARE: 7,
}
REFERRAL_WEIGHTS = {
    ReferralStatus.DRAFT: 8,
    ReferralStatus.SENT: 15,
    ReferralStatus.ACKNOWLEDGED: 15,
    ReferralStatus.IN_SUPPORT: 25,
    ReferralStatus.COMPLETED: 30,
    ReferralStatus.REJECTED: 4,
    ReferralStatus.WITHDRAWN: 3,
}
_ORDER = [
    ReferralStatus.SENT,
    ReferralStatus.ACKNOWLEDGED,
    ReferralStatus.IN_SUPPORT,
    ReferralStatus.COMPLETED,
]
_STAMP = {
    ReferralStatus.SENT: "sent_at",
    ReferralStatus.ACKNOWLEDGED: "acknowledged_at",
    ReferralStatus.IN_SUPPORT: "support_started_at",
    ReferralStatus.COMPLETED: "completed_at",
    ReferralStatus.REJECTED: "rejected_at",
    ReferralStatus.WITHDRAWN: "withdrawn_at",
}
BATCH = 5000


def _pick(rng: random.Random, weights: dict) -> object:  # type: ignore[type-arg]
    return rng.choices(list(weights), weights=list(weights.values()))[0]


class _BatchCounters:
    """Case and document counters kept in memory for a batch, written back once at its end
    (one flush per case would make 100,000 cases take minutes)."""

    def __init__(self, session: Session) -> None:
        self._s = session
        self._values: dict[str, int] = {}

    def next(self, name: str) -> int:
        if name not in self._values:
            row = self._s.get(m.Counter, name)
            self._values[name] = row.value if row else 0
        self._values[name] += 1
        return self._values[name]

    def save(self) -> None:
        for name, value in self._values.items():
            row = self._s.get(m.Counter, name)
            if row is None:
                self._s.add(m.Counter(name=name, value=value))
            else:
                row.value = value


def _demo_counselors(session: Session, now: datetime) -> list[int]:
    ids = list(
        session.scalars(
            select(m.User.id).where(
                m.User.role.in_([Role.COUNSELOR.value, Role.TEAM_LEAD.value]),
                m.User.active.is_(True),
            )
        )
    )
    if ids:
        return ids
    # Accounts for assignment only: inactive, no password, so nobody can log in as them.
    for i, name in enumerate(("데모상담원1", "데모상담원2", "데모상담원3"), start=1):
        session.add(
            m.User(
                username=f"demo{i}",
                display_name=name,
                role=Role.COUNSELOR.value,
                password_hash="",
                active=False,
                failed_logins=0,
                created_at=now,
            )
        )
    session.flush()
    return list(session.scalars(select(m.User.id).where(m.User.username.like("demo%"))))


def generate_demo(
    sessions: sessionmaker[Session],
    n_cases: int,
    *,
    seed: int = 1701,
    clock: Clock | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Add ``n_cases`` demo cases; returns how many were written."""
    clock = clock or Clock()
    rng = random.Random(seed)
    fake = Faker("ko_KR")
    fake.seed_instance(seed)
    today = clock.today()
    now = clock.now_utc()

    with sessions.begin() as s:
        counselors = _demo_counselors(s, now)
        crimes: dict[str, list[str]] = {}
        for code, bucket in s.execute(select(m.CrimeType.code, m.CrimeType.bucket)):
            crimes.setdefault(bucket, []).append(code)
        programmes = {p.code: p for p in s.scalars(select(m.Programme))}
        offered = {code: [a.id for a in p.agencies] for code, p in programmes.items()}
        areas = {code: p.support_area for code, p in programmes.items()}

    # Oldest first, as a center enters them: case ids follow intake dates like real data,
    # which matters for benchmarks (a month's cases sit together in the file).
    intake_days = sorted((rng.randint(0, 700) for _ in range(n_cases)), reverse=True)
    written = 0
    while written < n_cases:
        batch = min(BATCH, n_cases - written)
        with sessions.begin() as s:
            person_id = (s.scalar(select(func.max(m.Person.id))) or 0) + 1
            case_id = (s.scalar(select(func.max(m.Case.id))) or 0) + 1
            referral_id = (s.scalar(select(func.max(m.Referral.id))) or 0) + 1
            persons: list[dict] = []  # type: ignore[type-arg]
            cases: list[dict] = []  # type: ignore[type-arg]
            links, changes, needs, consents, referrals, ref_progs, index, grams = (
                [],
                [],
                [],
                [],
                [],
                [],
                [],
                [],
            )  # type: ignore[var-annotated]
            counters = _BatchCounters(s)
            for offset in intake_days[written : written + batch]:
                intake = today - timedelta(days=offset)
                year = intake.year
                number = counters.next(f"case:{year}")
                name = fake.name()
                phone = fake.phone_number()
                birth = fake.date_of_birth(minimum_age=8, maximum_age=85)
                persons.append(
                    dict(
                        id=person_id,
                        name=name,
                        name_initials=initials(name),
                        birth_date=birth,
                        gender=rng.choice(["female", "female", "male"]),
                        nationality="대한민국" if rng.random() > 0.05 else "베트남",
                        language="한국어",
                        interpreter_needed=False,
                        disability="" if rng.random() > 0.06 else "지체장애",
                        phone=phone,
                        phone2="",
                        phone_digits=digits(phone),
                        email="",
                        address=fake.address(),
                        confidential_address=rng.random() < 0.1,
                        may_call=True,
                        may_leave_message=rng.random() < 0.5,
                        may_send_mail=rng.random() < 0.3,
                        safe_hours="",
                        safe_contact_note="",
                        created_at=now,
                        updated_at=now,
                    )
                )
                bucket = str(_pick(rng, BUCKET_SHARES))
                case_crimes = rng.sample(
                    crimes[bucket], k=min(len(crimes[bucket]), 1 + (rng.random() < 0.2))
                )
                status = CaseStatus(_pick(rng, STATUS_WEIGHTS))
                case_number = f"{year}-{number:05d}"
                closed = status in (CaseStatus.CLOSED, CaseStatus.AFTERCARE)
                cases.append(
                    dict(
                        id=case_id,
                        case_number=case_number,
                        intake_channel=rng.choice(list(IntakeChannel)).value,
                        intake_date=intake,
                        person_id=person_id,
                        incident_date=intake - timedelta(days=rng.randint(0, 90)),
                        harm_known_date=None,
                        incident_place=fake.city(),
                        reported_to_police=rng.random() < 0.7,
                        police_office=f"{fake.city()}경찰서",
                        prosecution_office="",
                        police_case_number=f"{year}-{rng.randint(1000, 99999)}",
                        offender_relation=rng.choice(
                            ["모르는 사람", "지인", "전 연인", "직장 동료", "가족"]
                        ),
                        offender_is_kin=False,
                        risk_level=rng.choice(["low", "medium", "high"]),
                        status=status.value,
                        summary="",
                        support_received="",
                        statistics_consent=rng.random() > 0.03,
                        counselor_id=rng.choice(counselors),
                        created_by=None,
                        outcome="일상 회복" if closed else "",
                        closed_on=intake + timedelta(days=rng.randint(10, 120)) if closed else None,
                        created_at=now,
                        updated_at=now,
                    )
                )
                links += [dict(case_id=case_id, crime_code=c) for c in case_crimes]
                changes.append(
                    dict(
                        case_id=case_id,
                        from_status=None,
                        to_status="received",
                        changed_at=now,
                        changed_by="demo",
                        note="",
                    )
                )
                if status is not CaseStatus.RECEIVED:
                    changes.append(
                        dict(
                            case_id=case_id,
                            from_status="received",
                            to_status=status.value,
                            changed_at=now,
                            changed_by="demo",
                            note="",
                        )
                    )
                chosen = rng.sample(BUCKET_PROGRAMMES[bucket], k=rng.randint(1, 3))
                doc_numbers = []
                used_agencies: set[int] = set()
                for code in chosen:
                    needs.append(
                        dict(
                            case_id=case_id,
                            support_area=areas[code],
                            programme_id=programmes[code].id,
                            status=rng.choice(list(NeedStatus)).value,
                            note="",
                            created_at=now,
                            updated_at=now,
                        )
                    )
                    if status in (CaseStatus.RECEIVED, CaseStatus.INITIAL_CONSULT):
                        continue
                    candidates = [a for a in offered[code] if a not in used_agencies]
                    if not candidates:
                        continue
                    agency_id = rng.choice(candidates)
                    used_agencies.add(agency_id)
                    given = intake + timedelta(days=rng.randint(0, 3))
                    given = min(given, today)
                    consents.append(
                        dict(
                            case_id=case_id,
                            agency_id=agency_id,
                            share_identity=True,
                            share_contact=True,
                            share_case_facts=rng.random() < 0.9,
                            share_sensitive=rng.random() < 0.4,
                            purpose="범죄피해자 지원 연계",
                            retention="지원 종료 후 3년",
                            given_on=given,
                            expires_on=None,
                            method=rng.choice(list(ConsentMethod)).value,
                            withdrawn_on=None,
                            recorded_by="demo",
                            recorded_at=now,
                        )
                    )
                    ref_status = ReferralStatus(_pick(rng, REFERRAL_WEIGHTS))
                    sent = datetime.combine(given, datetime.min.time()) + timedelta(hours=10)
                    row = dict(
                        id=referral_id,
                        document_number=f"R{given.year}-{0:06d}",
                        case_id=case_id,
                        agency_id=agency_id,
                        status=ref_status.value,
                        urgency="urgent" if rng.random() < 0.1 else "normal",
                        reason="",
                        created_by="demo",
                        created_at=sent,
                        follow_up_due=None,
                        reply_received_on=None,
                        reply_handler="",
                        reply_result="",
                        reply_note="",
                        **{col: None for col in _STAMP.values()},
                    )
                    step = sent
                    reached = (
                        _ORDER[: _ORDER.index(ref_status) + 1]
                        if ref_status in _ORDER
                        else (
                            [ReferralStatus.SENT, ref_status]
                            if ref_status is not ReferralStatus.DRAFT
                            else []
                        )
                    )
                    for state in reached:
                        step += timedelta(days=rng.randint(1, 6))
                        row[_STAMP[state]] = step
                    if ref_status in (
                        ReferralStatus.SENT,
                        ReferralStatus.ACKNOWLEDGED,
                        ReferralStatus.IN_SUPPORT,
                    ):
                        row["follow_up_due"] = given + timedelta(days=rng.randint(5, 40))
                    if ref_status in (
                        ReferralStatus.ACKNOWLEDGED,
                        ReferralStatus.IN_SUPPORT,
                        ReferralStatus.COMPLETED,
                        ReferralStatus.REJECTED,
                    ):
                        row.update(
                            reply_received_on=min(step.date(), today),
                            reply_handler=fake.name(),
                            reply_result="지원 결정"
                            if ref_status is not ReferralStatus.REJECTED
                            else "대상 아님",
                        )
                    doc_seq = counters.next(f"referral:{given.year}")
                    row["document_number"] = f"R{given.year}-{doc_seq:06d}"
                    doc_numbers.append(row["document_number"])
                    referrals.append(row)
                    ref_progs.append(
                        dict(referral_id=referral_id, programme_id=programmes[code].id)
                    )
                    referral_id += 1
                index.append(
                    dict(
                        id=case_id,
                        names=f"{name} {initials(name)}",
                        phones=digits(phone),
                        numbers=" ".join(
                            [case_number, cases[-1]["police_case_number"], *doc_numbers]
                        ),
                    )
                )
                grams += [{"gram": g, "case_id": case_id} for g in name_grams([name])]
                person_id += 1
                case_id += 1
            s.execute(insert(m.Person), persons)
            s.execute(insert(m.Case), cases)
            s.execute(insert(m.CaseCrimeType), links)
            s.execute(insert(m.StatusChangeRow), changes)
            if needs:
                s.execute(insert(m.Need), needs)
            if consents:
                s.execute(insert(m.Consent), consents)
            if referrals:
                s.execute(insert(m.Referral), referrals)
                s.execute(insert(m.ReferralProgramme), ref_progs)
            s.execute(
                text(
                    "INSERT INTO case_search (rowid, names, phones, numbers) "
                    "VALUES (:id, :names, :phones, :numbers)"
                ),
                index,
            )
            s.execute(insert(m.SearchGram), grams)
            counters.save()
        written += batch
        if progress:
            progress(written, n_cases)
    return written
