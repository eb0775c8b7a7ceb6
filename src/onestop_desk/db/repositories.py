"""Repositories: the only place that builds ``select()``. Each takes an open session."""

from __future__ import annotations

import json
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
    or_,
    select,
    update,
)
from sqlalchemy import text as sql_text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import Session, selectinload

from onestop_desk.db import models
from onestop_desk.db.dialect import is_sqlite, unindexed
from onestop_desk.db.field_crypto import field_cipher
from onestop_desk.db.search import IndexEntry, SearchRepository
from onestop_desk.db.text_guard import cleaned
from onestop_desk.domain.errors import StoreError
from onestop_desk.domain.records import CaseFilter
from onestop_desk.domain.vocab import OPEN_REFERRAL_STATES, CaseStatus


class CounterRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def next(self, name: str) -> int:
        """Increment and return inside the caller's transaction, so numbers are unique and
        gap-free: a failed transaction gives its number back with the rollback.

        SQLite: the transaction is IMMEDIATE, so it holds the write lock already. PostgreSQL:
        the counter row is created if missing (``ON CONFLICT DO NOTHING``, so two first
        intakes of a year do not collide) and locked (``FOR UPDATE``) until the commit; a
        second PC's intake waits for it and then reads the committed value.
        """
        if not is_sqlite(self._s):
            return self._next_locked(name)
        row = self._s.get(models.Counter, name)
        if row is None:
            row = models.Counter(name=name, value=0)
            self._s.add(row)
        row.value += 1
        self._s.flush()
        return row.value

    def _next_locked(self, name: str) -> int:
        self._s.execute(
            pg_insert(models.Counter)
            .values(name=name, value=0)
            .on_conflict_do_nothing(index_elements=[models.Counter.name])
        )
        row = self._s.execute(
            select(models.Counter)
            .where(models.Counter.name == name)
            .with_for_update()
            .execution_options(populate_existing=True)
        ).scalar_one()
        row.value += 1
        self._s.flush()
        return row.value


SEALED = "sealed"
"""The one key of a setting value stored encrypted (see :meth:`SettingsRepository.set`)."""


class SettingsRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def get(self, key: str, default: Any = None) -> Any:
        row = self._s.get(models.Setting, key)
        if row is None:
            return default
        value = row.value
        if isinstance(value, dict) and set(value) == {SEALED}:
            cipher = field_cipher(self._s)
            if cipher is None:
                raise StoreError("a sealed setting needs the data key", key=key)
            return json.loads(cipher.decrypt(value[SEALED]))
        return value

    def set(self, key: str, value: Any, *, sealed: bool = False) -> None:
        """Store ``value``; with ``sealed`` (a value that holds victim data, such as an
        intake draft) it is encrypted as one JSON text where the store encrypts fields."""
        cipher = field_cipher(self._s) if sealed and value is not None else None
        if cipher is not None:
            # The flush's text cleaning cannot see inside the sealed text: clean first.
            plain = json.dumps(cleaned(value), ensure_ascii=False)
            value = {SEALED: cipher.encrypt(plain)}
        row = self._s.get(models.Setting, key)
        if row is None:
            self._s.add(models.Setting(key=key, value=value))
        else:
            row.value = value


_HELD_CASES = "onestop_desk.held_cases"


class CaseRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def get(self, case_id: int) -> models.Case | None:
        """The case with what its detail shows.

        A case this transaction already read is taken as read: a walk-in's needs, consents
        and referrals each look their case up, and on a center server every repeated read
        was five more round trips. The session's identity map holds rows weakly, so the
        transaction keeps its cases in ``session.info`` (:meth:`hold`) for as long as it runs.
        """
        case = self._s.get(
            models.Case,
            case_id,
            options=[
                selectinload(models.Case.crime_links),
                selectinload(models.Case.related),
                selectinload(models.Case.status_changes),
                selectinload(models.Case.counselor),
            ],
        )
        if case is not None:
            self.hold(case)
        return case

    def hold(self, case: models.Case) -> None:
        """Keep ``case`` in this transaction's identity map until the session closes."""
        self._s.info.setdefault(_HELD_CASES, {})[case.id] = case

    def id_by_number(self, case_number: str) -> int | None:
        return self._s.scalar(select(models.Case.id).where(models.Case.case_number == case_number))

    def claim_version(self, case_id: int, expected: int) -> bool:
        """Move the case from version ``expected`` to the next one in a single UPDATE; False
        when it is no longer at ``expected`` (saved elsewhere since the form was loaded).

        One conditional UPDATE, not a read then a write: on PostgreSQL a second writer
        waits for the first one's row lock and then finds the version moved on, so two PCs
        can never both pass the check.
        """
        result = self._s.execute(
            update(models.Case)
            .where(models.Case.id == case_id, models.Case.version == expected)
            .values(version=expected + 1)
            .execution_options(synchronize_session=False)
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]

    def _filtered(
        self, stmt: Select[Any], flt: CaseFilter, *, owner_id: int | None, today: date
    ) -> Select[Any]:
        if owner_id is not None:
            stmt = stmt.where(
                or_(models.Case.counselor_id == owner_id, models.Case.created_by == owner_id)
            )
        if flt.status is not None:
            stmt = stmt.where(models.Case.status == flt.status.value)
        if flt.open_only:
            stmt = stmt.where(
                models.Case.status.not_in([CaseStatus.CLOSED.value, CaseStatus.AFTERCARE.value])
            )
        if flt.counselor_id is not None:
            stmt = stmt.where(models.Case.counselor_id == flt.counselor_id)
        if flt.crime_bucket is not None:
            stmt = stmt.where(
                exists()
                .where(models.CaseCrimeType.case_id == models.Case.id)
                .where(models.CaseCrimeType.crime_code == models.CrimeType.code)
                .where(models.CrimeType.bucket == flt.crime_bucket)
            )
        if flt.overdue_follow_up:
            stmt = stmt.where(
                exists()
                .where(models.Referral.case_id == models.Case.id)
                .where(models.Referral.status.in_([s.value for s in OPEN_REFERRAL_STATES]))
                .where(models.Referral.follow_up_due < today)
            )
        if flt.crime_type is not None:
            stmt = stmt.where(
                exists()
                .where(models.CaseCrimeType.case_id == models.Case.id)
                .where(models.CaseCrimeType.crime_code == flt.crime_type)
            )
        if flt.intake_channel is not None:
            stmt = stmt.where(models.Case.intake_channel == flt.intake_channel.value)
        if flt.intake_from is not None:
            stmt = stmt.where(models.Case.intake_date >= flt.intake_from)
        if flt.intake_to is not None:
            stmt = stmt.where(models.Case.intake_date <= flt.intake_to)
        if flt.statistics_only:
            stmt = stmt.where(models.Case.statistics_consent.is_(True))
        return stmt

    def list_ids(
        self,
        flt: CaseFilter,
        *,
        owner_id: int | None,
        today: date,
        among: Sequence[int] | None = None,
    ) -> list[int]:
        """All matching ids, newest first: ids are cheap, rows are fetched a page at a time.
        ``among`` keeps only those of these ids (search hits), in the database."""
        stmt = select(models.Case.id).order_by(models.Case.id.desc())
        if among is not None:
            stmt = stmt.where(models.Case.id.in_(list(among)))
        return list(self._s.scalars(self._filtered(stmt, flt, owner_id=owner_id, today=today)))

    def summary_rows(self, ids: Sequence[int], *, owner_id: int | None) -> list[Any]:
        if not ids:
            return []
        stmt = (
            select(
                models.Case.id,
                models.Case.case_number,
                models.Person.name,
                models.Case.intake_date,
                models.Case.status,
                models.User.display_name,
            )
            .join(models.Person, models.Person.id == models.Case.person_id)
            .outerjoin(models.User, models.User.id == models.Case.counselor_id)
            .where(models.Case.id.in_(ids))
        )
        if owner_id is not None:
            stmt = stmt.where(
                or_(models.Case.counselor_id == owner_id, models.Case.created_by == owner_id)
            )
        return list(self._s.execute(stmt))

    def buckets_for(self, ids: Sequence[int]) -> dict[int, list[str]]:
        stmt = (
            select(models.CaseCrimeType.case_id, models.CrimeType.bucket)
            .join(models.CrimeType, models.CrimeType.code == models.CaseCrimeType.crime_code)
            .where(models.CaseCrimeType.case_id.in_(ids))
            .distinct()
        )
        out: dict[int, list[str]] = {}
        for case_id, bucket in self._s.execute(stmt):
            out.setdefault(case_id, []).append(bucket)
        return out

    def next_follow_ups(self, ids: Sequence[int]) -> dict[int, date]:
        stmt = (
            select(models.Referral.case_id, func.min(models.Referral.follow_up_due))
            .where(models.Referral.case_id.in_(ids))
            # Unary + keeps SQLite off the status index: walking every open referral of
            # the center took 220 ms per page of 100 rows; the case_id index takes 0.3 ms.
            .where(
                unindexed(self._s, models.Referral.status).in_(
                    [s.value for s in OPEN_REFERRAL_STATES]
                )
            )
            .group_by(models.Referral.case_id)
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
        """Cases whose primary person shares a birth date, a phone or the 초성 of the name.

        Where fields are encrypted the phone and 초성 conditions are blind-index lookups of
        whole values (a phone equal to one of the person's, the same 초성) instead of the
        substring test: the check only reports a phone that is equal anyway.
        """
        conditions: list[Any] = []
        if birth_date is not None:
            conditions.append(models.Person.birth_date == birth_date)
        if field_cipher(self._s) is not None:
            blind = SearchRepository(self._s).duplicate_case_ids(
                phone_digits=phone_digits, name_initials=name_initials, limit=limit * 5
            )
            if blind:
                conditions.append(models.Case.id.in_(blind))
        else:
            for number in phone_digits:
                if len(number) >= 7:
                    conditions.append(models.Person.phone_digits.contains(number))
            if len(name_initials) >= 2:
                conditions.append(models.Person.name_initials == name_initials)
        if not conditions:
            return []
        stmt = (
            select(
                models.Case.id,
                models.Case.case_number,
                models.Case.counselor_id,
                models.Case.created_by,
                models.Person,
            )
            .join(models.Person, models.Person.id == models.Case.person_id)
            .where(or_(*conditions))
            .order_by(models.Case.id.desc())
            .limit(limit * 5)
        )
        if exclude_person_ids:
            stmt = stmt.where(models.Person.id.not_in(exclude_person_ids))
        return list(self._s.execute(stmt))


class DirectoryRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def agencies(self, *, active_only: bool = False) -> list[models.Agency]:
        stmt = (
            select(models.Agency)
            .options(selectinload(models.Agency.programmes))
            .order_by(models.Agency.id)
        )
        if active_only:
            stmt = stmt.where(models.Agency.active.is_(True))
        return list(self._s.scalars(stmt))

    def agency_by_code(self, code: str) -> models.Agency | None:
        return self._s.scalars(
            select(models.Agency)
            .where(models.Agency.code == code)
            .options(selectinload(models.Agency.programmes))
        ).first()

    def programmes(self, *, active_only: bool = False) -> list[models.Programme]:
        stmt = (
            select(models.Programme)
            .options(selectinload(models.Programme.agencies))
            .order_by(models.Programme.position, models.Programme.id)
        )
        if active_only:
            stmt = stmt.where(models.Programme.active.is_(True))
        return list(self._s.scalars(stmt))

    def programme_by_code(self, code: str) -> models.Programme | None:
        return self._s.scalars(
            select(models.Programme).where(models.Programme.code == code)
        ).first()

    def programmes_by_codes(self, codes: Iterable[str]) -> list[models.Programme]:
        codes = list(codes)
        if not codes:
            return []
        return list(
            self._s.scalars(select(models.Programme).where(models.Programme.code.in_(codes)))
        )

    def crime_types(self) -> list[models.CrimeType]:
        return list(self._s.scalars(select(models.CrimeType).order_by(models.CrimeType.position)))

    def crime_codes(self) -> set[str]:
        return set(self._s.scalars(select(models.CrimeType.code)))

    def support_areas(self) -> list[models.SupportArea]:
        return list(
            self._s.scalars(select(models.SupportArea).order_by(models.SupportArea.position))
        )


class NeedRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def for_case(self, case_id: int) -> list[models.Need]:
        return list(
            self._s.scalars(
                select(models.Need).where(models.Need.case_id == case_id).order_by(models.Need.id)
            )
        )

    def find(self, case_id: int, area: str, programme_id: int | None) -> models.Need | None:
        stmt = select(models.Need).where(
            models.Need.case_id == case_id, models.Need.support_area == area
        )
        if programme_id is None:
            stmt = stmt.where(models.Need.programme_id.is_(None))
        else:
            stmt = stmt.where(models.Need.programme_id == programme_id)
        return self._s.scalars(stmt).first()


class ConsentRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def for_case(self, case_id: int) -> list[models.Consent]:
        return list(
            self._s.scalars(
                select(models.Consent)
                .where(models.Consent.case_id == case_id)
                .order_by(models.Consent.id)
            )
        )

    def valid(self, case_id: int, agency_id: int, day: date) -> list[models.Consent]:
        stmt = select(models.Consent).where(
            models.Consent.case_id == case_id,
            models.Consent.agency_id == agency_id,
            models.Consent.withdrawn_on.is_(None),
            models.Consent.given_on <= day,
            or_(models.Consent.expires_on.is_(None), models.Consent.expires_on >= day),
        )
        return list(self._s.scalars(stmt))


class ReferralRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def get(self, referral_id: int) -> models.Referral | None:
        return self._s.get(models.Referral, referral_id)

    def by_document_number(self, number: str) -> models.Referral | None:
        return self._s.scalars(
            select(models.Referral).where(models.Referral.document_number == number)
        ).first()

    def for_case(self, case_id: int) -> list[models.Referral]:
        stmt = (
            select(models.Referral)
            .where(models.Referral.case_id == case_id)
            .options(selectinload(models.Referral.programmes), selectinload(models.Referral.case))
            .order_by(models.Referral.id)
        )
        return list(self._s.scalars(stmt))

    def open_for(self, case_id: int, agency_id: int) -> list[models.Referral]:
        return list(
            self._s.scalars(
                select(models.Referral).where(
                    models.Referral.case_id == case_id,
                    models.Referral.agency_id == agency_id,
                    models.Referral.status.in_([s.value for s in OPEN_REFERRAL_STATES]),
                )
            )
        )

    def document_numbers(self, case_id: int) -> list[str]:
        return list(
            self._s.scalars(
                select(models.Referral.document_number).where(models.Referral.case_id == case_id)
            )
        )

    def waiting(
        self, *, owner_id: int | None, sent_before: Any, overdue_on: date
    ) -> list[models.Referral]:
        """Referrals sent but unanswered since ``sent_before``, or past their follow-up date."""
        stmt = (
            select(models.Referral)
            .join(models.Case, models.Case.id == models.Referral.case_id)
            .where(
                or_(
                    and_(models.Referral.status == "sent", models.Referral.sent_at < sent_before),
                    and_(
                        models.Referral.status.in_([s.value for s in OPEN_REFERRAL_STATES]),
                        models.Referral.follow_up_due < overdue_on,
                    ),
                )
            )
            .options(selectinload(models.Referral.case), selectinload(models.Referral.programmes))
            .order_by(models.Referral.follow_up_due)
        )
        if owner_id is not None:
            stmt = stmt.where(
                or_(models.Case.counselor_id == owner_id, models.Case.created_by == owner_id)
            )
        return list(self._s.scalars(stmt))


class TimelineRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def add(self, case_id: int, at: Any, kind: str, text: str, author: str) -> models.TimelineEvent:
        event = models.TimelineEvent(case_id=case_id, at=at, kind=kind, text=text, author=author)
        self._s.add(event)
        return event

    def for_case(self, case_id: int) -> list[models.TimelineEvent]:
        stmt = (
            select(models.TimelineEvent)
            .where(models.TimelineEvent.case_id == case_id)
            .order_by(models.TimelineEvent.at, models.TimelineEvent.id)
        )
        return list(self._s.scalars(stmt))


class InquiryRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def get(self, inquiry_id: int) -> models.PhoneInquiry | None:
        return self._s.get(models.PhoneInquiry, inquiry_id)

    def recent(self, limit: int, *, counselor: str | None = None) -> list[models.PhoneInquiry]:
        stmt = (
            select(models.PhoneInquiry)
            .options(selectinload(models.PhoneInquiry.case))
            .order_by(models.PhoneInquiry.received_at.desc(), models.PhoneInquiry.id.desc())
            .limit(limit)
        )
        if counselor is not None:
            stmt = stmt.where(models.PhoneInquiry.counselor == counselor)
        return list(self._s.scalars(stmt))


class UserRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def get(self, user_id: int) -> models.User | None:
        return self._s.get(models.User, user_id)

    def by_username(self, username: str) -> models.User | None:
        return self._s.scalars(select(models.User).where(models.User.username == username)).first()

    def all(self) -> list[models.User]:
        return list(self._s.scalars(select(models.User).order_by(models.User.id)))

    def count(self) -> int:
        return self._s.scalar(select(func.count()).select_from(models.User)) or 0


# The advisory-lock key of the access-log chain (migrations use 0x0E5D0001, db/migrate.py).
AUDIT_CHAIN_LOCK = 0x0E5D_0002


class AuditRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def lock_chain(self) -> None:
        """Serialise appends to the hash chain until this transaction ends.

        SQLite's IMMEDIATE transaction already holds the only write lock. On PostgreSQL two
        PCs would both read the same last row and fork the chain: a transaction-level
        advisory lock (released by the commit or rollback, re-entrant within it) makes the
        second wait and then read the first one's row.
        """
        if not is_sqlite(self._s):
            self._s.execute(select(func.pg_advisory_xact_lock(AUDIT_CHAIN_LOCK)))

    def last(self) -> models.AuditEvent | None:
        return self._s.scalars(
            select(models.AuditEvent).order_by(models.AuditEvent.seq.desc()).limit(1)
        ).first()

    def add_all(self, events: Sequence[models.AuditEvent]) -> None:
        """Insert ``events`` in one statement (one round trip to a center server)."""
        self._s.add_all(events)
        self._s.flush()

    def all_in_order(self) -> list[models.AuditEvent]:
        return list(self._s.scalars(select(models.AuditEvent).order_by(models.AuditEvent.seq)))

    def stream_in_order(self, batch: int = 2000) -> Iterator[models.AuditEvent]:
        """Every row by ``seq``, fetched in batches: two years of log need not fit in memory."""
        stmt = (
            select(models.AuditEvent)
            .order_by(models.AuditEvent.seq)
            .execution_options(yield_per=batch)
        )
        yield from self._s.scalars(stmt)

    def by_seq(self, seq: int) -> models.AuditEvent | None:
        return self._s.get(models.AuditEvent, seq)

    def last_seq_before(self, seq: int) -> int | None:
        """The number of the newest row numbered below ``seq`` (``None`` if there is none)."""
        return self._s.scalar(
            select(func.max(models.AuditEvent.seq)).where(models.AuditEvent.seq < seq)
        )

    def first(self) -> models.AuditEvent | None:
        return self._s.scalars(
            select(models.AuditEvent).order_by(models.AuditEvent.seq).limit(1)
        ).first()

    def last_with_action(self, action: str) -> models.AuditEvent | None:
        return self._s.scalars(
            select(models.AuditEvent)
            .where(models.AuditEvent.action == action)
            .order_by(models.AuditEvent.seq.desc())
            .limit(1)
        ).first()

    def first_seq_to_keep(
        self, general_cutoff: datetime, long_cutoff: datetime, long_actions: Iterable[str]
    ) -> int | None:
        """The oldest row that retention still protects: anything newer than
        ``general_cutoff``, or a ``long_actions`` row newer than ``long_cutoff``."""
        return self._s.scalar(
            select(func.min(models.AuditEvent.seq)).where(
                or_(
                    models.AuditEvent.at >= general_cutoff,
                    and_(
                        models.AuditEvent.action.in_(list(long_actions)),
                        models.AuditEvent.at >= long_cutoff,
                    ),
                )
            )
        )

    def delete_before(self, seq: int) -> int:
        """Remove every row with a smaller ``seq``; returns how many went."""
        result = self._s.execute(delete(models.AuditEvent).where(models.AuditEvent.seq < seq))
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
    ) -> list[models.AuditEvent]:
        """Rows in ``[start, end)`` matching the given exact filters, oldest first (or newest
        first, so that a ``limit`` keeps the most recent rows)."""
        stmt = select(models.AuditEvent)
        if start is not None:
            stmt = stmt.where(models.AuditEvent.at >= start)
        if end is not None:
            stmt = stmt.where(models.AuditEvent.at < end)
        if username:
            stmt = stmt.where(models.AuditEvent.username == username)
        if case_number:
            stmt = stmt.where(models.AuditEvent.case_number == case_number)
        if action:
            stmt = stmt.where(models.AuditEvent.action == action)
        stmt = stmt.order_by(
            models.AuditEvent.seq.desc() if newest_first else models.AuditEvent.seq
        )
        if limit is not None:
            stmt = stmt.limit(limit)
        return list(self._s.scalars(stmt))


class MaintenanceRepository:
    """Rare, whole-table jobs (seed reload, reindexing)."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def all_case_ids(self) -> list[int]:
        return list(self._s.scalars(select(models.Case.id)))

    def set_programme_agencies(self, programme_id: int, agency_ids: Iterable[int]) -> None:
        self._s.execute(
            delete(models.AgencyProgramme).where(
                models.AgencyProgramme.programme_id == programme_id
            )
        )
        for agency_id in agency_ids:
            self._s.add(models.AgencyProgramme(agency_id=agency_id, programme_id=programme_id))


class BulkLoadRepository:
    """Bulk inserts for generated (demo, benchmark) data: rows as plain dicts, one
    ``executemany`` per table, so 100,000 cases take seconds, not minutes. Never used for a
    user's action: nothing here logs, checks or reindexes case by case."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def next_ids(self) -> tuple[int, int, int]:
        """The next free (person, case, referral) ids."""
        return (
            (self._s.scalar(select(func.max(models.Person.id))) or 0) + 1,
            (self._s.scalar(select(func.max(models.Case.id))) or 0) + 1,
            (self._s.scalar(select(func.max(models.Referral.id))) or 0) + 1,
        )

    def crime_buckets(self) -> dict[str, list[str]]:
        """Crime codes by reporting bucket."""
        out: dict[str, list[str]] = {}
        for code, bucket in self._s.execute(
            select(models.CrimeType.code, models.CrimeType.bucket).order_by(
                models.CrimeType.position
            )
        ):
            out.setdefault(bucket, []).append(code)
        return out

    def programme_offers(self) -> dict[str, tuple[int, str, list[int]]]:
        """Programme code -> (programme id, support area, ids of the agencies offering it)."""
        out: dict[str, tuple[int, str, list[int]]] = {}
        for p in self._s.scalars(
            select(models.Programme).options(selectinload(models.Programme.agencies))
        ):
            out[p.code] = (p.id, p.support_area, [a.id for a in p.agencies if a.active])
        return out

    def case_worker_ids(self, roles: Sequence[str]) -> list[int]:
        return list(
            self._s.scalars(
                select(models.User.id)
                .where(models.User.role.in_(list(roles)), models.User.active.is_(True))
                .order_by(models.User.id)
            )
        )

    def user_ids_like(self, prefix: str) -> list[int]:
        return list(
            self._s.scalars(
                select(models.User.id)
                .where(models.User.username.like(f"{prefix}%"))
                .order_by(models.User.id)
            )
        )

    def counter(self, name: str) -> int:
        row = self._s.get(models.Counter, name)
        return row.value if row else 0

    def set_counter(self, name: str, value: int) -> None:
        row = self._s.get(models.Counter, name)
        if row is None:
            self._s.add(models.Counter(name=name, value=value))
        else:
            row.value = value

    def add(self, model: type[models.Base], rows: Sequence[dict[str, Any]]) -> None:
        if not rows:
            return
        self._s.execute(insert(model), list(rows))
        table = str(model.__tablename__)
        if self._s.get_bind().dialect.name == "postgresql" and "id" in rows[0]:
            # Ids were given (see next_ids): PostgreSQL's sequence does not see them, and
            # the next row a counselor saves would be handed an id already taken.
            self._s.execute(
                sql_text(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT max(id) FROM {table}))"
                )
            )

    def index_cases(self, entries: Sequence[IndexEntry]) -> None:
        """Search-index entries for new cases (FTS and name pieces on the embedded store,
        the blind index where fields are encrypted)."""
        SearchRepository(self._s).add(entries)


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
            models.Referral.reply_received_on.is_(None),
            models.Referral.follow_up_due > models.Referral.reply_received_on,
        )

    def _overdue(self, q: ReferralQueueQuery) -> Any:
        if q.made_before is not None:
            return models.Referral.created_at < q.made_before
        return and_(
            models.Referral.follow_up_due.is_not(None),
            models.Referral.follow_up_due < q.overdue_on,
            self._not_answered_since_due(),
        )

    def _where(self, stmt: Select[Any], q: ReferralQueueQuery, owner_id: int | None) -> Select[Any]:
        stmt = stmt.join(models.Case, models.Case.id == models.Referral.case_id).where(
            models.Referral.status.in_(list(q.statuses)),
            models.Case.status.not_in(_CLOSED_CASE_STATES),
        )
        if q.unanswered:
            stmt = stmt.where(models.Referral.reply_received_on.is_(None))
        if q.follow_up_by is not None:
            stmt = stmt.where(
                models.Referral.follow_up_due <= q.follow_up_by, self._not_answered_since_due()
            )
        if q.sent_before is not None:
            stmt = stmt.where(models.Referral.sent_at < q.sent_before)
        if q.statistics_only:
            stmt = stmt.where(models.Case.statistics_consent == True)  # noqa: E712
        if owner_id is not None:
            stmt = stmt.where(
                or_(models.Case.counselor_id == owner_id, models.Case.created_by == owner_id)
            )
        return stmt

    def ids(self, q: ReferralQueueQuery, *, owner_id: int | None) -> list[int]:
        """Every referral id of the queue, most urgent first (ids are cheap; rows come a
        page at a time through :meth:`rows`)."""
        key = models.Referral.created_at if q.by_creation else models.Referral.follow_up_due
        stmt = self._where(select(models.Referral.id), q, owner_id).order_by(
            case((self._overdue(q), 0), else_=1),
            case((models.Referral.urgency == "urgent", 0), else_=1),
            key.is_(None),
            key,
            models.Referral.id,
        )
        return list(self._s.scalars(stmt))

    def count(self, q: ReferralQueueQuery, *, owner_id: int | None) -> int:
        stmt = self._where(select(func.count(models.Referral.id)), q, owner_id)
        return int(self._s.scalar(stmt) or 0)

    def rows(
        self, q: ReferralQueueQuery, ids: Sequence[int], *, owner_id: int | None
    ) -> list[tuple[models.Referral, bool]]:
        """(referral, overdue) for those of ``ids`` still in the queue, in no set order."""
        if not ids:
            return []
        stmt = (
            self._where(select(models.Referral, self._overdue(q)), q, owner_id)
            .where(models.Referral.id.in_(list(ids)))
            .options(selectinload(models.Referral.case), selectinload(models.Referral.programmes))
        )
        return [(row[0], bool(row[1])) for row in self._s.execute(stmt)]
