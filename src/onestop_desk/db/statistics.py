"""Aggregate queries for the statistics dashboard and the exported reports.

Every query leaves out cases whose ``statistics_consent`` is false. The queries are shaped
for an encrypted database, where each table page read costs a decryption: the cases received
in the period are fetched once (with their person's facts) and everything else about them is
looked up by case id through the existing ``case_id`` indexes, so no new index is needed.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date, datetime
from typing import Any, NamedTuple

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session

from onestop_desk.db import models as m
from onestop_desk.domain.vocab import OPEN_REFERRAL_STATES

# Well under SQLite's limit of bound parameters per statement (32,766 since 3.32).
_CHUNK = 10_000


class CohortCase(NamedTuple):
    """A consenting case received in the period, with the facts of its primary person."""

    id: int
    intake_channel: str
    intake_date: date
    person_id: int
    birth_date: date | None
    gender: str
    nationality: str
    disability: str


class PersonCounts(NamedTuple):
    served: int
    new: int
    refused_case_ids: tuple[int, ...]


def _chunks(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def _consenting() -> Any:
    # "= 1" (not IS): the form SQLite can match against the stored 0/1.
    return m.Case.statistics_consent == True  # noqa: E712


class StatisticsRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    # --- the cohort: consenting cases received in the period --------------------------------

    def cohort(self, start: date, end: date) -> list[CohortCase]:
        """Consenting cases with ``start <= intake_date <= end``, with person facts."""
        stmt = (
            select(
                m.Case.id,
                m.Case.intake_channel,
                m.Case.intake_date,
                m.Case.person_id,
                m.Person.birth_date,
                m.Person.gender,
                m.Person.nationality,
                m.Person.disability,
            )
            .join(m.Person, m.Person.id == m.Case.person_id)
            .where(m.Case.intake_date >= start, m.Case.intake_date <= end, _consenting())
        )
        return [CohortCase(*row) for row in self._s.execute(stmt)]

    def crime_links(self, case_ids: Sequence[int]) -> list[tuple[int, str]]:
        """(case id, crime code) for every crime type ticked on the given cases."""
        out: list[tuple[int, str]] = []
        for chunk in _chunks(case_ids):
            stmt = select(m.CaseCrimeType.case_id, m.CaseCrimeType.crime_code).where(
                m.CaseCrimeType.case_id.in_(chunk)
            )
            out.extend((row[0], row[1]) for row in self._s.execute(stmt))
        return out

    def needs(self, case_ids: Sequence[int]) -> list[tuple[int, str, int | None]]:
        """(case id, support area, programme id or None) for every need of the given cases."""
        out: list[tuple[int, str, int | None]] = []
        for chunk in _chunks(case_ids):
            stmt = select(m.Need.case_id, m.Need.support_area, m.Need.programme_id).where(
                m.Need.case_id.in_(chunk)
            )
            out.extend((row[0], row[1], row[2]) for row in self._s.execute(stmt))
        return out

    def referrals(self, case_ids: Sequence[int]) -> list[tuple[int, int, str, datetime | None]]:
        """(case id, agency id, status, sent_at) for every referral of the given cases."""
        out: list[tuple[int, int, str, datetime | None]] = []
        for chunk in _chunks(case_ids):
            stmt = select(
                m.Referral.case_id, m.Referral.agency_id, m.Referral.status, m.Referral.sent_at
            ).where(m.Referral.case_id.in_(chunk))
            out.extend((row[0], row[1], row[2], row[3]) for row in self._s.execute(stmt))
        return out

    # --- persons ----------------------------------------------------------------------------

    def person_counts(self, start: date, end: date) -> PersonCounts:
        """Served and new persons for the period, and the ids of refusing cases.

        Served: the primary person of a consenting case that was open on some day of the
        period (received on or before ``end`` and not closed before ``start``). New: a served
        person whose earliest consenting case was received on or after ``start``.

        The refusing cases come out of the same pass over the case table: finding them needs
        a full scan (no index covers the flag), and one scan costs half of two.
        """
        consenting = _consenting()
        open_in_period = and_(
            consenting,
            m.Case.intake_date <= end,
            or_(m.Case.closed_on.is_(None), m.Case.closed_on >= start),
        )
        per_person = (
            select(
                func.min(case((consenting, m.Case.intake_date), else_=None)).label("first"),
                func.max(case((open_in_period, 1), else_=0)).label("served"),
                func.group_concat(case((~consenting, m.Case.id), else_=None)).label("refused"),
            )
            .group_by(m.Case.person_id)
            .subquery()
        )
        served = per_person.c.served == 1
        stmt = select(
            func.coalesce(func.sum(case((served, 1), else_=0)), 0),
            func.coalesce(
                func.sum(case((and_(served, per_person.c.first >= start), 1), else_=0)), 0
            ),
            func.group_concat(per_person.c.refused),
        ).select_from(per_person)
        n_served, n_new, refused = self._s.execute(stmt).one()
        refused_ids = tuple(int(x) for x in refused.split(",")) if refused else ()
        return PersonCounts(int(n_served), int(n_new), refused_ids)

    # --- follow-ups and inquiries -----------------------------------------------------------

    def overdue_follow_ups(self, today: date, refused_ids: Sequence[int]) -> int:
        """Open referrals of consenting cases whose follow-up date is before ``today``.

        Counted as all overdue referrals (answered from the follow-up index alone) minus
        those of the refusing cases (``refused_ids``, from ``person_counts``): joining every
        overdue referral to its case would read the case table once per referral.
        """
        open_states = [s.value for s in OPEN_REFERRAL_STATES]
        overdue = and_(m.Referral.status.in_(open_states), m.Referral.follow_up_due < today)
        everyone = self._s.scalar(select(func.count()).select_from(m.Referral).where(overdue))
        excluded = 0
        for chunk in _chunks(refused_ids):
            # Status and date are checked here, not in SQL: with them in the WHERE clause
            # SQLite walks the follow-up index over every overdue referral instead.
            rows = self._s.execute(
                select(m.Referral.status, m.Referral.follow_up_due).where(
                    m.Referral.case_id.in_(chunk)
                )
            )
            excluded += sum(
                1
                for status, due in rows
                if status in open_states and due is not None and due < today
            )
        return int(everyone or 0) - excluded

    def inquiries(self, start: datetime, end: datetime) -> tuple[int, int]:
        """(phone inquiries, of which became cases) received in ``[start, end)`` (naive UTC).

        An inquiry that became a case whose statistical use was refused is left out.
        """
        stmt = (
            select(func.count(), func.count(m.PhoneInquiry.case_id))
            .select_from(m.PhoneInquiry)
            .outerjoin(m.Case, m.Case.id == m.PhoneInquiry.case_id)
            .where(m.PhoneInquiry.received_at >= start, m.PhoneInquiry.received_at < end)
            .where(or_(m.PhoneInquiry.case_id.is_(None), _consenting()))
        )
        total, converted = self._s.execute(stmt).one()
        return int(total), int(converted)

    # --- names ------------------------------------------------------------------------------

    def crime_types(self) -> list[tuple[str, str, str]]:
        """(code, name, bucket) in the directory's order."""
        stmt = select(m.CrimeType.code, m.CrimeType.name, m.CrimeType.bucket).order_by(
            m.CrimeType.position, m.CrimeType.code
        )
        return [(row[0], row[1], row[2]) for row in self._s.execute(stmt)]

    def support_areas(self) -> list[tuple[str, str]]:
        stmt = select(m.SupportArea.code, m.SupportArea.name).order_by(
            m.SupportArea.position, m.SupportArea.code
        )
        return [(row[0], row[1]) for row in self._s.execute(stmt)]

    def programmes(self) -> list[tuple[int, str, str, str]]:
        """(id, code, name, support area) in the catalogue's order."""
        stmt = select(
            m.Programme.id, m.Programme.code, m.Programme.name, m.Programme.support_area
        ).order_by(m.Programme.position, m.Programme.id)
        return [(row[0], row[1], row[2], row[3]) for row in self._s.execute(stmt)]

    def agencies(self) -> list[tuple[int, str, str]]:
        """(id, code, name) in the directory's order."""
        stmt = select(m.Agency.id, m.Agency.code, m.Agency.name).order_by(m.Agency.id)
        return [(row[0], row[1], row[2]) for row in self._s.execute(stmt)]
