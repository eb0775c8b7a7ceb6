"""Queries of retention and destruction: which closed cases are due, deleting every row of a
case (search index included) and the destruction register."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import delete, exists, or_, select
from sqlalchemy.orm import Session

from onestop_desk.db import models
from onestop_desk.db.search import SearchRepository
from onestop_desk.domain.vocab import CaseStatus


class RetentionRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def closed_on_or_before(self, cutoff: date) -> list[tuple[int, str, date]]:
        """(id, case number, closed date) of closed cases closed on or before ``cutoff``."""
        stmt = (
            select(models.Case.id, models.Case.case_number, models.Case.closed_on)
            .where(models.Case.status == CaseStatus.CLOSED.value)
            .where(models.Case.closed_on.is_not(None))
            .where(models.Case.closed_on <= cutoff)
            .order_by(models.Case.closed_on, models.Case.id)
        )
        # closed_on IS NOT NULL is in the query, so every row has a date.
        return [(r[0], r[1], r[2]) for r in self._s.execute(stmt) if r[2] is not None]

    def destroy_cases(self, case_ids: Sequence[int]) -> int:
        """Delete the cases and everything hanging off them; returns how many persons went
        with them (a person still named in another case stays)."""
        if not case_ids:
            return 0
        ids = list(case_ids)
        person_ids = set(
            self._s.scalars(select(models.Case.person_id).where(models.Case.id.in_(ids)))
        )
        person_ids |= set(
            self._s.scalars(
                select(models.CasePerson.person_id).where(models.CasePerson.case_id.in_(ids))
            )
        )
        SearchRepository(self._s).remove(ids)
        # A call about this case names the caller (often the victim): it goes with the case.
        self._s.execute(delete(models.PhoneInquiry).where(models.PhoneInquiry.case_id.in_(ids)))
        # Children first, explicitly: the outcome must not depend on PRAGMA foreign_keys.
        referral_ids = select(models.Referral.id).where(models.Referral.case_id.in_(ids))
        self._s.execute(
            delete(models.ReferralProgramme).where(
                models.ReferralProgramme.referral_id.in_(referral_ids)
            )
        )
        for model in (
            models.Referral,
            models.Consent,
            models.Need,
            models.TimelineEvent,
            models.StatusChangeRow,
            models.CaseCrimeType,
            models.CasePerson,
            # A number an import changed names the case: it goes with it.
            models.ImportedNumber,
        ):
            self._s.execute(delete(model).where(model.case_id.in_(ids)))  # type: ignore[attr-defined]
        self._s.execute(delete(models.Case).where(models.Case.id.in_(ids)))
        still_used = or_(
            exists().where(models.Case.person_id == models.Person.id),
            exists().where(models.CasePerson.person_id == models.Person.id),
        )
        orphans = list(
            self._s.scalars(
                select(models.Person.id).where(models.Person.id.in_(person_ids), ~still_used)
            )
        )
        if orphans:
            self._s.execute(delete(models.Person).where(models.Person.id.in_(orphans)))
        return len(orphans)

    def add_record(
        self,
        case_number: str,
        closed_on: date | None,
        destroyed_at: datetime,
        destroyed_by: str,
        legal_basis: str,
        retention_years: int,
    ) -> None:
        self._s.add(
            models.DestructionRecord(
                case_number=case_number,
                closed_on=closed_on,
                destroyed_at=destroyed_at,
                destroyed_by=destroyed_by,
                legal_basis=legal_basis,
                retention_years=retention_years,
            )
        )

    def register(self) -> list[models.DestructionRecord]:
        stmt = select(models.DestructionRecord).order_by(models.DestructionRecord.id)
        return list(self._s.scalars(stmt))
