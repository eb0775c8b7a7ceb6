"""Repositories: the only place that builds ``select()``. Each takes an open session."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    Select,
    and_,
    case,
    delete,
    exists,
    func,
    insert,
    literal_column,
    or_,
    select,
    text,
)
from sqlalchemy.orm import Session, selectinload

from onestop_desk.db import models as m
from onestop_desk.domain.records import CaseFilter
from onestop_desk.domain.vocab import OPEN_REFERRAL_STATES, CaseStatus


class CounterRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def next(self, name: str) -> int:
        """Increment and return; inside the caller's (IMMEDIATE) transaction, so no gaps race."""
        row = self._s.get(m.Counter, name)
        if row is None:
            row = m.Counter(name=name, value=0)
            self._s.add(row)
        row.value += 1
        self._s.flush()
        return row.value


class SettingsRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def get(self, key: str, default: Any = None) -> Any:
        row = self._s.get(m.Setting, key)
        return default if row is None else row.value

    def set(self, key: str, value: Any) -> None:
        row = self._s.get(m.Setting, key)
        if row is None:
            self._s.add(m.Setting(key=key, value=value))
        else:
            row.value = value


class CaseRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def get(self, case_id: int) -> m.Case | None:
        stmt = (
            select(m.Case)
            .where(m.Case.id == case_id)
            .options(
                selectinload(m.Case.crime_links),
                selectinload(m.Case.related),
                selectinload(m.Case.status_changes),
                selectinload(m.Case.counselor),
            )
        )
        return self._s.scalars(stmt).first()

    def id_by_number(self, case_number: str) -> int | None:
        return self._s.scalar(select(m.Case.id).where(m.Case.case_number == case_number))

    def _filtered(
        self, stmt: Select[Any], flt: CaseFilter, *, owner_id: int | None, today: date
    ) -> Select[Any]:
        if owner_id is not None:
            stmt = stmt.where(or_(m.Case.counselor_id == owner_id, m.Case.created_by == owner_id))
        if flt.status is not None:
            stmt = stmt.where(m.Case.status == flt.status.value)
        if flt.open_only:
            stmt = stmt.where(
                m.Case.status.not_in([CaseStatus.CLOSED.value, CaseStatus.AFTERCARE.value])
            )
        if flt.counselor_id is not None:
            stmt = stmt.where(m.Case.counselor_id == flt.counselor_id)
        if flt.crime_bucket is not None:
            stmt = stmt.where(
                exists()
                .where(m.CaseCrimeType.case_id == m.Case.id)
                .where(m.CaseCrimeType.crime_code == m.CrimeType.code)
                .where(m.CrimeType.bucket == flt.crime_bucket)
            )
        if flt.overdue_follow_up:
            stmt = stmt.where(
                exists()
                .where(m.Referral.case_id == m.Case.id)
                .where(m.Referral.status.in_([s.value for s in OPEN_REFERRAL_STATES]))
                .where(m.Referral.follow_up_due < today)
            )
        if flt.crime_type is not None:
            stmt = stmt.where(
                exists()
                .where(m.CaseCrimeType.case_id == m.Case.id)
                .where(m.CaseCrimeType.crime_code == flt.crime_type)
            )
        if flt.intake_channel is not None:
            stmt = stmt.where(m.Case.intake_channel == flt.intake_channel.value)
        if flt.intake_from is not None:
            stmt = stmt.where(m.Case.intake_date >= flt.intake_from)
        if flt.intake_to is not None:
            stmt = stmt.where(m.Case.intake_date <= flt.intake_to)
        if flt.statistics_only:
            stmt = stmt.where(m.Case.statistics_consent.is_(True))
        return stmt

    def list_ids(self, flt: CaseFilter, *, owner_id: int | None, today: date) -> list[int]:
        """All matching ids, newest first: ids are cheap, rows are fetched a page at a time."""
        stmt = select(m.Case.id).order_by(m.Case.id.desc())
        return list(self._s.scalars(self._filtered(stmt, flt, owner_id=owner_id, today=today)))

    def summary_rows(self, ids: Sequence[int], *, owner_id: int | None) -> list[Any]:
        if not ids:
            return []
        stmt = (
            select(
                m.Case.id,
                m.Case.case_number,
                m.Person.name,
                m.Case.intake_date,
                m.Case.status,
                m.User.display_name,
            )
            .join(m.Person, m.Person.id == m.Case.person_id)
            .outerjoin(m.User, m.User.id == m.Case.counselor_id)
            .where(m.Case.id.in_(ids))
        )
        if owner_id is not None:
            stmt = stmt.where(or_(m.Case.counselor_id == owner_id, m.Case.created_by == owner_id))
        return list(self._s.execute(stmt))

    def buckets_for(self, ids: Sequence[int]) -> dict[int, list[str]]:
        stmt = (
            select(m.CaseCrimeType.case_id, m.CrimeType.bucket)
            .join(m.CrimeType, m.CrimeType.code == m.CaseCrimeType.crime_code)
            .where(m.CaseCrimeType.case_id.in_(ids))
            .distinct()
        )
        out: dict[int, list[str]] = {}
        for case_id, bucket in self._s.execute(stmt):
            out.setdefault(case_id, []).append(bucket)
        return out

    def next_follow_ups(self, ids: Sequence[int]) -> dict[int, date]:
        stmt = (
            select(m.Referral.case_id, func.min(m.Referral.follow_up_due))
            .where(m.Referral.case_id.in_(ids))
            # Unary + keeps SQLite off the status index: walking every open referral of
            # the center took 220 ms per page of 100 rows; the case_id index takes 0.3 ms.
            .where(literal_column("+referrals.status").in_([s.value for s in OPEN_REFERRAL_STATES]))
            .group_by(m.Referral.case_id)
        )
        return {case_id: due for case_id, due in self._s.execute(stmt) if due is not None}

    def duplicate_rows(
        self,
        *,
        birth_date: date | None,
        phone_digits: Iterable[str],
        name_initials: str,
        exclude_person_ids: Sequence[int] = (),
        limit: int = 20,
    ) -> list[Any]:
        """Cases whose primary person shares a birth date, a phone or the 초성 of the name."""
        conditions = []
        if birth_date is not None:
            conditions.append(m.Person.birth_date == birth_date)
        for number in phone_digits:
            if len(number) >= 7:
                conditions.append(m.Person.phone_digits.contains(number))
        if len(name_initials) >= 2:
            conditions.append(m.Person.name_initials == name_initials)
        if not conditions:
            return []
        stmt = (
            select(m.Case.id, m.Case.case_number, m.Case.counselor_id, m.Case.created_by, m.Person)
            .join(m.Person, m.Person.id == m.Case.person_id)
            .where(or_(*conditions))
            .order_by(m.Case.id.desc())
            .limit(limit * 5)
        )
        if exclude_person_ids:
            stmt = stmt.where(m.Person.id.not_in(exclude_person_ids))
        return list(self._s.execute(stmt))


class DirectoryRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def agencies(self, *, active_only: bool = False) -> list[m.Agency]:
        stmt = select(m.Agency).options(selectinload(m.Agency.programmes)).order_by(m.Agency.id)
        if active_only:
            stmt = stmt.where(m.Agency.active.is_(True))
        return list(self._s.scalars(stmt))

    def agency_by_code(self, code: str) -> m.Agency | None:
        return self._s.scalars(
            select(m.Agency).where(m.Agency.code == code).options(selectinload(m.Agency.programmes))
        ).first()

    def programmes(self, *, active_only: bool = False) -> list[m.Programme]:
        stmt = (
            select(m.Programme)
            .options(selectinload(m.Programme.agencies))
            .order_by(m.Programme.position, m.Programme.id)
        )
        if active_only:
            stmt = stmt.where(m.Programme.active.is_(True))
        return list(self._s.scalars(stmt))

    def programme_by_code(self, code: str) -> m.Programme | None:
        return self._s.scalars(select(m.Programme).where(m.Programme.code == code)).first()

    def programmes_by_codes(self, codes: Iterable[str]) -> list[m.Programme]:
        codes = list(codes)
        if not codes:
            return []
        return list(self._s.scalars(select(m.Programme).where(m.Programme.code.in_(codes))))

    def crime_types(self) -> list[m.CrimeType]:
        return list(self._s.scalars(select(m.CrimeType).order_by(m.CrimeType.position)))

    def crime_codes(self) -> set[str]:
        return set(self._s.scalars(select(m.CrimeType.code)))

    def support_areas(self) -> list[m.SupportArea]:
        return list(self._s.scalars(select(m.SupportArea).order_by(m.SupportArea.position)))


class NeedRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def for_case(self, case_id: int) -> list[m.Need]:
        return list(
            self._s.scalars(select(m.Need).where(m.Need.case_id == case_id).order_by(m.Need.id))
        )

    def find(self, case_id: int, area: str, programme_id: int | None) -> m.Need | None:
        stmt = select(m.Need).where(m.Need.case_id == case_id, m.Need.support_area == area)
        if programme_id is None:
            stmt = stmt.where(m.Need.programme_id.is_(None))
        else:
            stmt = stmt.where(m.Need.programme_id == programme_id)
        return self._s.scalars(stmt).first()


class ConsentRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def for_case(self, case_id: int) -> list[m.Consent]:
        return list(
            self._s.scalars(
                select(m.Consent).where(m.Consent.case_id == case_id).order_by(m.Consent.id)
            )
        )

    def valid(self, case_id: int, agency_id: int, day: date) -> list[m.Consent]:
        stmt = select(m.Consent).where(
            m.Consent.case_id == case_id,
            m.Consent.agency_id == agency_id,
            m.Consent.withdrawn_on.is_(None),
            m.Consent.given_on <= day,
            or_(m.Consent.expires_on.is_(None), m.Consent.expires_on >= day),
        )
        return list(self._s.scalars(stmt))


class ReferralRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def get(self, referral_id: int) -> m.Referral | None:
        return self._s.get(m.Referral, referral_id)

    def by_document_number(self, number: str) -> m.Referral | None:
        return self._s.scalars(
            select(m.Referral).where(m.Referral.document_number == number)
        ).first()

    def for_case(self, case_id: int) -> list[m.Referral]:
        stmt = (
            select(m.Referral)
            .where(m.Referral.case_id == case_id)
            .options(selectinload(m.Referral.programmes), selectinload(m.Referral.case))
            .order_by(m.Referral.id)
        )
        return list(self._s.scalars(stmt))

    def open_for(self, case_id: int, agency_id: int) -> list[m.Referral]:
        return list(
            self._s.scalars(
                select(m.Referral).where(
                    m.Referral.case_id == case_id,
                    m.Referral.agency_id == agency_id,
                    m.Referral.status.in_([s.value for s in OPEN_REFERRAL_STATES]),
                )
            )
        )

    def document_numbers(self, case_id: int) -> list[str]:
        return list(
            self._s.scalars(select(m.Referral.document_number).where(m.Referral.case_id == case_id))
        )

    def waiting(
        self, *, owner_id: int | None, sent_before: Any, overdue_on: date
    ) -> list[m.Referral]:
        """Referrals sent but unanswered since ``sent_before``, or past their follow-up date."""
        stmt = (
            select(m.Referral)
            .join(m.Case, m.Case.id == m.Referral.case_id)
            .where(
                or_(
                    and_(m.Referral.status == "sent", m.Referral.sent_at < sent_before),
                    and_(
                        m.Referral.status.in_([s.value for s in OPEN_REFERRAL_STATES]),
                        m.Referral.follow_up_due < overdue_on,
                    ),
                )
            )
            .options(selectinload(m.Referral.case), selectinload(m.Referral.programmes))
            .order_by(m.Referral.follow_up_due)
        )
        if owner_id is not None:
            stmt = stmt.where(or_(m.Case.counselor_id == owner_id, m.Case.created_by == owner_id))
        return list(self._s.scalars(stmt))


class TimelineRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def add(self, case_id: int, at: Any, kind: str, text: str, author: str) -> m.TimelineEvent:
        event = m.TimelineEvent(case_id=case_id, at=at, kind=kind, text=text, author=author)
        self._s.add(event)
        return event

    def for_case(self, case_id: int) -> list[m.TimelineEvent]:
        stmt = (
            select(m.TimelineEvent)
            .where(m.TimelineEvent.case_id == case_id)
            .order_by(m.TimelineEvent.at, m.TimelineEvent.id)
        )
        return list(self._s.scalars(stmt))


class InquiryRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def get(self, inquiry_id: int) -> m.PhoneInquiry | None:
        return self._s.get(m.PhoneInquiry, inquiry_id)

    def recent(self, limit: int, *, counselor: str | None = None) -> list[m.PhoneInquiry]:
        stmt = (
            select(m.PhoneInquiry)
            .options(selectinload(m.PhoneInquiry.case))
            .order_by(m.PhoneInquiry.received_at.desc(), m.PhoneInquiry.id.desc())
            .limit(limit)
        )
        if counselor is not None:
            stmt = stmt.where(m.PhoneInquiry.counselor == counselor)
        return list(self._s.scalars(stmt))


class UserRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def get(self, user_id: int) -> m.User | None:
        return self._s.get(m.User, user_id)

    def by_username(self, username: str) -> m.User | None:
        return self._s.scalars(select(m.User).where(m.User.username == username)).first()

    def all(self) -> list[m.User]:
        return list(self._s.scalars(select(m.User).order_by(m.User.id)))

    def count(self) -> int:
        return self._s.scalar(select(func.count()).select_from(m.User)) or 0


class AuditRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def last(self) -> m.AuditEvent | None:
        return self._s.scalars(
            select(m.AuditEvent).order_by(m.AuditEvent.seq.desc()).limit(1)
        ).first()

    def add(self, event: m.AuditEvent) -> None:
        self._s.add(event)
        self._s.flush()

    def all_in_order(self) -> list[m.AuditEvent]:
        return list(self._s.scalars(select(m.AuditEvent).order_by(m.AuditEvent.seq)))

    def stream_in_order(self, batch: int = 2000) -> Iterator[m.AuditEvent]:
        """Every row by ``seq``, fetched in batches: two years of log need not fit in memory."""
        stmt = select(m.AuditEvent).order_by(m.AuditEvent.seq).execution_options(yield_per=batch)
        yield from self._s.scalars(stmt)

    def by_seq(self, seq: int) -> m.AuditEvent | None:
        return self._s.get(m.AuditEvent, seq)

    def last_seq_before(self, seq: int) -> int | None:
        """The number of the newest row numbered below ``seq`` (``None`` if there is none)."""
        return self._s.scalar(select(func.max(m.AuditEvent.seq)).where(m.AuditEvent.seq < seq))

    def first(self) -> m.AuditEvent | None:
        return self._s.scalars(select(m.AuditEvent).order_by(m.AuditEvent.seq).limit(1)).first()

    def last_with_action(self, action: str) -> m.AuditEvent | None:
        return self._s.scalars(
            select(m.AuditEvent)
            .where(m.AuditEvent.action == action)
            .order_by(m.AuditEvent.seq.desc())
            .limit(1)
        ).first()

    def first_seq_to_keep(
        self, general_cutoff: datetime, long_cutoff: datetime, long_actions: Iterable[str]
    ) -> int | None:
        """The oldest row that retention still protects: anything newer than
        ``general_cutoff``, or a ``long_actions`` row newer than ``long_cutoff``."""
        return self._s.scalar(
            select(func.min(m.AuditEvent.seq)).where(
                or_(
                    m.AuditEvent.at >= general_cutoff,
                    and_(
                        m.AuditEvent.action.in_(list(long_actions)),
                        m.AuditEvent.at >= long_cutoff,
                    ),
                )
            )
        )

    def delete_before(self, seq: int) -> int:
        """Remove every row with a smaller ``seq``; returns how many went."""
        result = self._s.execute(delete(m.AuditEvent).where(m.AuditEvent.seq < seq))
        return int(result.rowcount or 0)  # type: ignore[attr-defined]

    def filtered(
        self,
        *,
        start: datetime | None = None,
        end: datetime | None = None,
        username: str = "",
        case_number: str = "",
        action: str = "",
        limit: int | None = None,
        newest_first: bool = False,
    ) -> list[m.AuditEvent]:
        """Rows in ``[start, end)`` matching the given exact filters, oldest first (or newest
        first, so that a ``limit`` keeps the most recent rows)."""
        stmt = select(m.AuditEvent)
        if start is not None:
            stmt = stmt.where(m.AuditEvent.at >= start)
        if end is not None:
            stmt = stmt.where(m.AuditEvent.at < end)
        if username:
            stmt = stmt.where(m.AuditEvent.username == username)
        if case_number:
            stmt = stmt.where(m.AuditEvent.case_number == case_number)
        if action:
            stmt = stmt.where(m.AuditEvent.action == action)
        stmt = stmt.order_by(m.AuditEvent.seq.desc() if newest_first else m.AuditEvent.seq)
        if limit is not None:
            stmt = stmt.limit(limit)
        return list(self._s.scalars(stmt))


class MaintenanceRepository:
    """Rare, whole-table jobs (seed reload, reindexing)."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def all_case_ids(self) -> list[int]:
        return list(self._s.scalars(select(m.Case.id)))

    def set_programme_agencies(self, programme_id: int, agency_ids: Iterable[int]) -> None:
        self._s.execute(
            delete(m.AgencyProgramme).where(m.AgencyProgramme.programme_id == programme_id)
        )
        for agency_id in agency_ids:
            self._s.add(m.AgencyProgramme(agency_id=agency_id, programme_id=programme_id))


class BulkLoadRepository:
    """Bulk inserts for generated (demo, benchmark) data: rows as plain dicts, one
    ``executemany`` per table, so 100,000 cases take seconds, not minutes. Never used for a
    user's action: nothing here logs, checks or reindexes case by case."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def next_ids(self) -> tuple[int, int, int]:
        """The next free (person, case, referral) ids."""
        return (
            (self._s.scalar(select(func.max(m.Person.id))) or 0) + 1,
            (self._s.scalar(select(func.max(m.Case.id))) or 0) + 1,
            (self._s.scalar(select(func.max(m.Referral.id))) or 0) + 1,
        )

    def crime_buckets(self) -> dict[str, list[str]]:
        """Crime codes by reporting bucket."""
        out: dict[str, list[str]] = {}
        for code, bucket in self._s.execute(
            select(m.CrimeType.code, m.CrimeType.bucket).order_by(m.CrimeType.position)
        ):
            out.setdefault(bucket, []).append(code)
        return out

    def programme_offers(self) -> dict[str, tuple[int, str, list[int]]]:
        """Programme code -> (programme id, support area, ids of the agencies offering it)."""
        out: dict[str, tuple[int, str, list[int]]] = {}
        for p in self._s.scalars(select(m.Programme).options(selectinload(m.Programme.agencies))):
            out[p.code] = (p.id, p.support_area, [a.id for a in p.agencies if a.active])
        return out

    def case_worker_ids(self, roles: Sequence[str]) -> list[int]:
        return list(
            self._s.scalars(
                select(m.User.id)
                .where(m.User.role.in_(list(roles)), m.User.active.is_(True))
                .order_by(m.User.id)
            )
        )

    def user_ids_like(self, prefix: str) -> list[int]:
        return list(
            self._s.scalars(
                select(m.User.id).where(m.User.username.like(f"{prefix}%")).order_by(m.User.id)
            )
        )

    def counter(self, name: str) -> int:
        row = self._s.get(m.Counter, name)
        return row.value if row else 0

    def set_counter(self, name: str, value: int) -> None:
        row = self._s.get(m.Counter, name)
        if row is None:
            self._s.add(m.Counter(name=name, value=value))
        else:
            row.value = value

    def add(self, model: type[m.Base], rows: Sequence[dict[str, Any]]) -> None:
        if rows:
            self._s.execute(insert(model), list(rows))

    def index_cases(self, rows: Sequence[dict[str, Any]]) -> None:
        """Search-index rows (``id``, ``names``, ``phones``, ``numbers``) for new cases."""
        if rows:
            self._s.execute(
                text(
                    "INSERT INTO case_search (rowid, names, phones, numbers) "
                    "VALUES (:id, :names, :phones, :numbers)"
                ),
                list(rows),
            )


@dataclass(frozen=True)
class ReferralQueueQuery:
    """One follow-up queue as the database sees it (the named queues are in
    ``services.queues``). Only referrals of open cases are ever listed.

    - ``statuses``: referral states the queue holds;
    - ``unanswered``: only referrals with no reply recorded;
    - ``follow_up_by``: only referrals whose follow-up date is on or before this day and
      not answered since (a reply received on or after the follow-up date answers it);
    - ``sent_before``: only referrals sent before this moment (naive UTC);
    - ``overdue_on``: a follow-up date before this day is overdue;
    - ``made_before``: for drafts, made before this moment is overdue (naive UTC);
    - ``by_creation``: order by when the referral was made, not by its follow-up date;
    - ``statistics_only``: only cases that allow statistical use (for the dashboard).
    """

    statuses: tuple[str, ...]
    overdue_on: date
    unanswered: bool = False
    follow_up_by: date | None = None
    sent_before: datetime | None = None
    made_before: datetime | None = None
    by_creation: bool = False
    statistics_only: bool = False


_CLOSED_CASE_STATES = (CaseStatus.CLOSED.value, CaseStatus.AFTERCARE.value)


class ReferralQueueRepository:
    """The follow-up queues, filtered, ordered and paged in SQL (see ``ReferralQueueQuery``).

    Most urgent first: overdue rows, then urgent letters, then the nearest date.
    """

    def __init__(self, session: Session) -> None:
        self._s = session

    @staticmethod
    def _not_answered_since_due() -> Any:
        return or_(
            m.Referral.reply_received_on.is_(None),
            m.Referral.follow_up_due > m.Referral.reply_received_on,
        )

    def _overdue(self, q: ReferralQueueQuery) -> Any:
        if q.made_before is not None:
            return m.Referral.created_at < q.made_before
        return and_(
            m.Referral.follow_up_due.is_not(None),
            m.Referral.follow_up_due < q.overdue_on,
            self._not_answered_since_due(),
        )

    def _where(self, stmt: Select[Any], q: ReferralQueueQuery, owner_id: int | None) -> Select[Any]:
        stmt = stmt.join(m.Case, m.Case.id == m.Referral.case_id).where(
            m.Referral.status.in_(list(q.statuses)),
            m.Case.status.not_in(_CLOSED_CASE_STATES),
        )
        if q.unanswered:
            stmt = stmt.where(m.Referral.reply_received_on.is_(None))
        if q.follow_up_by is not None:
            stmt = stmt.where(
                m.Referral.follow_up_due <= q.follow_up_by, self._not_answered_since_due()
            )
        if q.sent_before is not None:
            stmt = stmt.where(m.Referral.sent_at < q.sent_before)
        if q.statistics_only:
            stmt = stmt.where(m.Case.statistics_consent == True)  # noqa: E712
        if owner_id is not None:
            stmt = stmt.where(or_(m.Case.counselor_id == owner_id, m.Case.created_by == owner_id))
        return stmt

    def ids(self, q: ReferralQueueQuery, *, owner_id: int | None) -> list[int]:
        """Every referral id of the queue, most urgent first (ids are cheap; rows come a
        page at a time through :meth:`rows`)."""
        key = m.Referral.created_at if q.by_creation else m.Referral.follow_up_due
        stmt = self._where(select(m.Referral.id), q, owner_id).order_by(
            case((self._overdue(q), 0), else_=1),
            case((m.Referral.urgency == "urgent", 0), else_=1),
            key.is_(None),
            key,
            m.Referral.id,
        )
        return list(self._s.scalars(stmt))

    def count(self, q: ReferralQueueQuery, *, owner_id: int | None) -> int:
        stmt = self._where(select(func.count(m.Referral.id)), q, owner_id)
        return int(self._s.scalar(stmt) or 0)

    def rows(
        self, q: ReferralQueueQuery, ids: Sequence[int], *, owner_id: int | None
    ) -> list[tuple[m.Referral, bool]]:
        """(referral, overdue) for those of ``ids`` still in the queue, in no set order."""
        if not ids:
            return []
        stmt = (
            self._where(select(m.Referral, self._overdue(q)), q, owner_id)
            .where(m.Referral.id.in_(list(ids)))
            .options(selectinload(m.Referral.case), selectinload(m.Referral.programmes))
        )
        return [(row[0], bool(row[1])) for row in self._s.execute(stmt)]
