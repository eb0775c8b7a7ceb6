"""Turns stories into table rows and writes them in bulk, one transaction per batch."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy.orm import Session

from onestop_desk.db import models
from onestop_desk.db.repositories import BulkLoadRepository
from onestop_desk.db.search import IndexedPerson, IndexEntry
from onestop_desk.demo.people import CaseFacts, PersonFacts
from onestop_desk.demo.story import CaseStory, ReferralStory
from onestop_desk.domain.clock import KST, to_utc_naive
from onestop_desk.domain.text import digits, initials
from onestop_desk.domain.vocab import (
    CaseStatus,
    ConsentMethod,
    NeedStatus,
    ReferralStatus,
    TimelineKind,
)

Row = dict[str, Any]
DEMO_AUTHOR = "demo"


def stamp(day: date, hour: int, rng: random.Random) -> datetime:
    """A working-hours moment of ``day`` (Korean time) in the stored form (naive UTC)."""
    local = datetime.combine(day, time(hour, rng.randint(0, 59)), KST)
    return to_utc_naive(local)


class Batch:
    """The rows of one batch of cases, with ids handed out as they are written."""

    def __init__(self, repo: BulkLoadRepository, rng: random.Random) -> None:
        self._repo = repo
        self._rng = rng
        self.person_id, self.case_id, self.referral_id = repo.next_ids()
        self._counters: dict[str, int] = {}
        self.tables: dict[type[models.Base], list[Row]] = {
            model: []
            for model in (
                models.Person,
                models.Case,
                models.CaseCrimeType,
                models.StatusChangeRow,
                models.Need,
                models.Consent,
                models.Referral,
                models.ReferralProgramme,
                models.TimelineEvent,
            )
        }
        self.index: list[IndexEntry] = []

    def _next(self, name: str) -> int:
        if name not in self._counters:
            self._counters[name] = self._repo.counter(name)
        self._counters[name] += 1
        return self._counters[name]

    def add_case(
        self,
        person: PersonFacts,
        facts: CaseFacts,
        story: CaseStory,
        *,
        crimes: list[str],
        needs: list[tuple[int, str]],
        referrals: list[tuple[int, int, ReferralStory]],
        counselor_id: int,
        handler: str,
    ) -> None:
        """One case. ``needs`` are (programme id, support area); ``referrals`` are
        (agency id, programme id, story), one per agency."""
        rng = self._rng
        case_id, person_id = self.case_id, self.person_id
        received_at = stamp(story.intake, rng.randint(9, 17), rng)
        phone_digits = digits(person.phone)
        self.tables[models.Person].append(
            dict(
                id=person_id,
                name=person.name,
                name_initials=initials(person.name),
                birth_date=person.birth_date,
                gender=person.gender,
                nationality=person.nationality,
                language="한국어",
                interpreter_needed=False,
                disability=person.disability,
                phone=person.phone,
                phone2="",
                phone_digits=phone_digits,
                email="",
                address=person.address,
                confidential_address=person.confidential_address,
                may_call=True,
                may_leave_message=person.may_leave_message,
                may_send_mail=person.may_send_mail,
                safe_hours="",
                safe_contact_note="",
                created_at=received_at,
                updated_at=received_at,
            )
        )
        case_number = f"{story.intake.year}-{self._next(f'case:{story.intake.year}'):05d}"
        last_change = max(received_at, stamp(story.steps[-1][1], 17, rng))
        self.tables[models.Case].append(
            dict(
                id=case_id,
                case_number=case_number,
                intake_channel=facts.channel.value,
                intake_date=story.intake,
                person_id=person_id,
                incident_date=facts.incident_date,
                harm_known_date=None,
                incident_place=facts.incident_place,
                reported_to_police=facts.reported_to_police,
                police_office=facts.police_office,
                prosecution_office="",
                police_case_number=facts.police_case_number,
                offender_relation=facts.offender_relation,
                offender_is_kin=facts.offender_relation == "가족",
                risk_level=facts.risk_level,
                status=story.status.value,
                summary="",
                support_received="",
                statistics_consent=facts.statistics_consent,
                counselor_id=counselor_id,
                created_by=counselor_id,
                outcome="지원 완료, 일상 회복" if story.closed else "",
                closed_on=story.closed_on,
                created_at=received_at,
                updated_at=max(received_at, last_change),
            )
        )
        self.tables[models.CaseCrimeType] += [dict(case_id=case_id, crime_code=c) for c in crimes]
        previous: CaseStatus | None = None
        moment = received_at
        for status, day in story.steps:
            if previous is not None:
                # Later steps of the intake day follow the intake, a minute apart at least.
                moment = max(moment + timedelta(minutes=1), stamp(day, 16, rng))
            self.tables[models.StatusChangeRow].append(
                dict(
                    case_id=case_id,
                    from_status=previous.value if previous else None,
                    to_status=status.value,
                    changed_at=moment,
                    changed_by=DEMO_AUTHOR,
                    note="",
                )
            )
            previous = status
        referred = {programme_id for _a, programme_id, _s in referrals}
        for programme_id, area in needs:
            if story.closed:
                status = NeedStatus.DONE if programme_id in referred else NeedStatus.NOT_APPLICABLE
            else:
                status = NeedStatus.IN_PROGRESS if programme_id in referred else NeedStatus.NEEDED
            self.tables[models.Need].append(
                dict(
                    case_id=case_id,
                    support_area=area,
                    programme_id=programme_id,
                    status=status.value,
                    note="",
                    created_at=received_at,
                    updated_at=last_change,
                )
            )
        doc_numbers = [
            self._add_referral(case_id, agency_id, programme_id, ref, handler)
            for agency_id, programme_id, ref in referrals
        ]
        self.index.append(
            IndexEntry(
                case_id=case_id,
                people=[IndexedPerson(person.name, initials(person.name), phone_digits)],
                numbers=[case_number, facts.police_case_number, *doc_numbers],
            )
        )
        self.tables[models.TimelineEvent].append(
            dict(
                case_id=case_id,
                at=received_at,
                kind=TimelineKind.INTAKE.value,
                text="데모 사례 접수",
                author=DEMO_AUTHOR,
            )
        )
        self.person_id += 1
        self.case_id += 1

    def _add_referral(
        self, case_id: int, agency_id: int, programme_id: int, ref: ReferralStory, handler: str
    ) -> str:
        rng = self._rng
        created = stamp(ref.created_on, 10, rng)
        self.tables[models.Consent].append(
            dict(
                case_id=case_id,
                agency_id=agency_id,
                share_identity=True,
                share_contact=True,
                share_case_facts=rng.random() < 0.9,
                share_sensitive=rng.random() < 0.4,
                purpose="범죄피해자 지원 연계",
                retention="지원 종료 후 3년",
                given_on=ref.created_on,
                expires_on=None,
                method=rng.choice(list(ConsentMethod)).value,
                withdrawn_on=None,
                recorded_by=DEMO_AUTHOR,
                recorded_at=created,
            )
        )
        year = ref.created_on.year
        number = f"R{year}-{self._next(f'referral:{year}'):06d}"

        last = created

        def at(day: date | None, hour: int) -> datetime | None:
            # Each step after the one before, even when two fall on one day.
            nonlocal last
            if day is None:
                return None
            last = max(last + timedelta(minutes=1), stamp(day, hour, rng))
            return last

        replied = ref.replied_on
        self.tables[models.Referral].append(
            dict(
                id=self.referral_id,
                document_number=number,
                case_id=case_id,
                agency_id=agency_id,
                status=ref.status.value,
                urgency="urgent" if rng.random() < 0.1 else "normal",
                reason="",
                created_by=DEMO_AUTHOR,
                created_at=created,
                sent_at=at(ref.sent_on, 11),
                acknowledged_at=at(ref.acknowledged_on, 14),
                support_started_at=at(ref.support_started_on, 14),
                completed_at=at(ref.completed_on, 15),
                rejected_at=at(ref.rejected_on, 14),
                withdrawn_at=at(ref.withdrawn_on, 15),
                follow_up_due=ref.follow_up_due,
                reply_received_on=replied,
                reply_handler=handler if replied else "",
                reply_result=(
                    ""
                    if replied is None
                    else "대상 아님"
                    if ref.status is ReferralStatus.REJECTED
                    else "접수, 지원 결정"
                ),
                reply_note="",
            )
        )
        self.tables[models.ReferralProgramme].append(
            dict(referral_id=self.referral_id, programme_id=programme_id)
        )
        self.referral_id += 1
        return number

    def write(self, session: Session) -> None:
        repo = BulkLoadRepository(session)
        for model, rows in self.tables.items():
            repo.add(model, rows)
        repo.index_cases(self.index)
        for name, value in self._counters.items():
            repo.set_counter(name, value)
