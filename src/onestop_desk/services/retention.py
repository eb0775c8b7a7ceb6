"""Retention and destruction (파기): closed cases are destroyed ``retention.years`` years after
closing (default 3), irrecoverably, and each destruction is entered in the register
(개인정보 보호법 제21조; 안전성 확보조치 기준 §13).

Only ``종결`` cases count: a case in 사후관리 is still being followed up, so its purpose has
not ended. Destruction deletes the case, its needs, consents, referrals, timeline, status
history, related-person links, phone inquiries about it and its search-index rows, then every
person no other case names. ``secure_delete`` is on for every connection, and after the commit
the full-text index is merged, the file is rebuilt with ``VACUUM`` and the WAL is truncated, so
no deleted byte remains in the database file or its WAL. Automatic backups made before the
destruction still hold the data until they rotate out (``backup.keep`` days); they are
encrypted with the database key.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session

from onestop_desk.db import maintenance
from onestop_desk.db.retention import RetentionRepository
from onestop_desk.db.timeutil import utc_to_local
from onestop_desk.domain.access import Permission, require
from onestop_desk.domain.vocab import AuditAction
from onestop_desk.services.base import Service
from onestop_desk.services.settings import RETENTION_YEARS

YEARS_SETTING = RETENTION_YEARS.key
DEFAULT_YEARS = RETENTION_YEARS.default
MAX_YEARS = RETENTION_YEARS.maximum
LEGAL_BASIS = "개인정보 보호법 제21조"


@dataclass(frozen=True)
class DueCase:
    case_number: str
    closed_on: date


@dataclass(frozen=True)
class RetentionReport:
    """The dry run: what a purge now would destroy (case numbers and dates, no names)."""

    today: date
    years: int
    cutoff: date  # cases closed on or before this day are due
    cases: tuple[DueCase, ...]


@dataclass(frozen=True)
class PurgeResult:
    destroyed: tuple[DueCase, ...]
    persons_removed: int
    destroyed_at: datetime


@dataclass(frozen=True)
class DestructionEntry:
    case_number: str
    closed_on: date | None
    destroyed_at: datetime
    destroyed_by: str
    legal_basis: str
    retention_years: int


def years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a year without one
        return day.replace(year=day.year - years, day=28)


class RetentionService(Service):
    """Administrators only: the policy, the dry run, the purge and the register."""

    def retention_years(self) -> int:
        with self._ctx.transaction() as s:
            return self._years(s)

    def set_retention_years(self, years: int) -> None:
        require(self.actor, Permission.MANAGE_RETENTION)
        with self._ctx.transaction() as s:
            before = RETENTION_YEARS.read(s)
            RETENTION_YEARS.write(s, years)
            self._log(s, AuditAction.UPDATE, detail=f"setting {YEARS_SETTING} {before}->{years}")

    def due(self) -> RetentionReport:
        """The dry run; written to the access log as a view."""
        require(self.actor, Permission.MANAGE_RETENTION)
        today = self._ctx.clock.today()
        with self._ctx.transaction() as s:
            years = self._years(s)
            cutoff = years_before(today, years)
            rows = RetentionRepository(s).closed_on_or_before(cutoff)
            self._log(s, AuditAction.VIEW, detail=f"retention dry run due={len(rows)}")
        return RetentionReport(
            today=today,
            years=years,
            cutoff=cutoff,
            cases=tuple(DueCase(number, closed) for _id, number, closed in rows),
        )

    def purge(self, case_numbers: Sequence[str] | None = None) -> PurgeResult:
        """Destroy the due cases (only those of ``case_numbers`` when given: the list the
        administrator reviewed; a case no longer due is skipped), then compact the file."""
        require(self.actor, Permission.MANAGE_RETENTION)
        today = self._ctx.clock.today()
        now = self._ctx.clock.now_utc()
        with self._ctx.transaction() as s:
            years = self._years(s)
            repo = RetentionRepository(s)
            rows = repo.closed_on_or_before(years_before(today, years))
            if case_numbers is not None:
                wanted = set(case_numbers)
                rows = [r for r in rows if r[1] in wanted]
            persons = repo.destroy_cases([r[0] for r in rows])
            for _id, number, closed in rows:
                repo.add_record(number, closed, now, self.actor.username, LEGAL_BASIS, years)
                self._log(
                    s,
                    AuditAction.PURGE,
                    number,
                    f"destroyed closed_on={closed.isoformat()} retention={years}y",
                    reason=LEGAL_BASIS,
                )
            engine = s.get_bind()
        if rows:
            maintenance.compact(engine)  # type: ignore[arg-type]
        return PurgeResult(
            destroyed=tuple(DueCase(number, closed) for _id, number, closed in rows),
            persons_removed=persons,
            destroyed_at=utc_to_local(now),
        )

    def register(self) -> list[DestructionEntry]:
        require(self.actor, Permission.MANAGE_RETENTION)
        with self._ctx.transaction() as s:
            return [
                DestructionEntry(
                    case_number=r.case_number,
                    closed_on=r.closed_on,
                    destroyed_at=utc_to_local(r.destroyed_at),
                    destroyed_by=r.destroyed_by,
                    legal_basis=r.legal_basis,
                    retention_years=r.retention_years,
                )
                for r in RetentionRepository(s).register()
            ]

    @staticmethod
    def _years(s: Session) -> int:
        return RETENTION_YEARS.read(s)
