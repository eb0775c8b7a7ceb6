"""Row copying for ``server import``: a single-PC store's case data into the server store.

Everything goes through the ORM models on both sides, so whatever column types the server
store uses (encrypted victim fields included) apply to the copied rows exactly as to rows
the desk writes. Every copied row gets a new primary key; foreign keys are remapped.

Table by table (docs/architecture.md, "Importing a single-PC store"):

- ``users``: matched by user name; a name the server does not know is created disabled with
  no password (an administrator's ``users enable`` gives it one, to be changed at the first
  login). Counselor assignments and ``created_by`` follow the name.
- ``support_areas``, ``crime_types``, ``programmes``, ``agencies``: matched by code; a code
  the server lacks (an entry an administrator added on that PC) is created, an agency with
  its programme links.
- ``persons`` (those the cases name), ``cases``, ``case_crime_types``, ``case_persons``,
  ``status_changes``, ``needs``, ``consents``, ``referrals`` (replies are columns of the
  referral), ``referral_programmes``, ``timeline_events``, ``phone_inquiries`` and
  ``destruction_register``: copied.
- Case and document numbers already used on the server are renumbered with the next free
  number of their year (:func:`plan_numbers`); the server's counters move past every number
  the import uses.
- ``search_grams`` (and the embedded store's FTS index, the server's blind index): rebuilt
  for each copied case by ``SearchRepository.reindex``, never copied.
- ``settings`` (center details, policies, the intake drafts of that PC's accounts) and
  ``counters``: not copied; drafts are counted so the caller can say they stayed behind.
- ``audit_events``: not copied here; the service appends them to the server's own chain.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import func, inspect, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import Session

from onestop_desk.db import models
from onestop_desk.db.dialect import is_sqlite
from onestop_desk.db.search import SearchRepository

M = TypeVar("M", bound=models.Base)

CASE = "case"
DOCUMENT = "document"
_CASE_NUMBER = re.compile(r"^(\d{4})-(\d{1,5})$")
_DOCUMENT_NUMBER = re.compile(r"^R(\d{4})-(\d{1,6})$")
DRAFT_PREFIX = "draft:intake:"
COPIED_TABLES = (
    "persons",
    "cases",
    "case_crime_types",
    "case_persons",
    "status_changes",
    "needs",
    "consents",
    "referrals",
    "referral_programmes",
    "timeline_events",
    "phone_inquiries",
    "destruction_register",
)


class NumberSpaceFull(Exception):
    """A year has no free case (99,999) or document (999,999) number left."""

    def __init__(self, kind: str, year: int) -> None:
        super().__init__(f"no free {kind} number left in {year}")
        self.kind = kind
        self.year = year


@dataclass(frozen=True)
class NumberChange:
    """One number of the source and the number it has on the server (the same when kept)."""

    kind: str
    old: str
    new: str

    @property
    def changed(self) -> bool:
        return self.old != self.new


@dataclass
class TransferResult:
    counts: dict[str, int] = field(default_factory=dict)
    numbers: list[NumberChange] = field(default_factory=list)
    """Every case and document number of the source, in the source's order."""
    matched_users: list[str] = field(default_factory=list)
    created_users: list[str] = field(default_factory=list)
    created_directory: list[str] = field(default_factory=list)
    """``agency:CODE``, ``programme:CODE``, ... entries the server did not have."""
    drafts_left: int = 0
    case_ids: dict[str, int] = field(default_factory=dict)
    """Server case id by the case's new number."""
    user_ids: dict[int, int] = field(default_factory=dict)
    """Server user id by source user id."""

    @property
    def case_numbers(self) -> dict[str, str]:
        return {n.old: n.new for n in self.numbers if n.kind == CASE}


def _columns(model: type[models.Base]) -> list[str]:
    return [attr.key for attr in inspect(model).column_attrs]


def copy_row(row: M, model: type[M], *, skip: Iterable[str] = ("id",), **values: Any) -> M:
    """A new ``model`` row holding ``row``'s column values, ``values`` overriding them and
    the ``skip`` columns (the primary key) left for the target to fill."""
    left_out = set(skip) | set(values)
    data = {key: getattr(row, key) for key in _columns(model) if key not in left_out}
    data.update(values)
    return model(**data)


def _number_parts(kind: str, number: str) -> tuple[int, int] | None:
    match = (_CASE_NUMBER if kind == CASE else _DOCUMENT_NUMBER).match(number)
    return (int(match.group(1)), int(match.group(2))) if match else None


def format_number(kind: str, year: int, seq: int) -> str:
    """The form the desk gives numbers (``services/cases.py``, ``services/referrals.py``)."""
    return f"{year}-{seq:05d}" if kind == CASE else f"R{year}-{seq:06d}"


def _counter_name(kind: str, year: int) -> str:
    return f"{CASE if kind == CASE else 'referral'}:{year}"


_MAX_SEQ = {CASE: 99_999, DOCUMENT: 999_999}


class _Counters:
    """The server's number counters, locked for the rest of the import's transaction (on
    PostgreSQL ``FOR UPDATE``, as ``CounterRepository`` locks them; SQLite's transaction
    holds the write lock already)."""

    def __init__(self, session: Session) -> None:
        self._s = session
        self._rows: dict[str, models.Counter] = {}

    def row(self, name: str) -> models.Counter:
        found = self._rows.get(name)
        if found is not None:
            return found
        if is_sqlite(self._s):
            row = self._s.get(models.Counter, name)
            if row is None:
                row = models.Counter(name=name, value=0)
                self._s.add(row)
                self._s.flush()
        else:
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
        self._rows[name] = row
        return row


def plan_numbers(
    kind: str, source: list[str], used: set[str], counters: _Counters, default_year: int
) -> list[NumberChange]:
    """The server number of each source number: kept when the server has not used it,
    else the next free number of its year.

    Kept numbers are decided first and the year's counter moved past the highest of them,
    so a renumbered one never takes a number a later source row keeps, and the desk's next
    number follows everything imported. ``used`` grows with what is planned.
    """
    kept: dict[str, tuple[int, int]] = {}
    for number in source:
        parts = _number_parts(kind, number)
        if number not in used and parts is not None and number not in kept:
            kept[number] = parts
    highest: dict[int, int] = defaultdict(int)
    for year, seq in kept.values():
        highest[year] = max(highest[year], seq)
    for year, seq in highest.items():
        row = counters.row(_counter_name(kind, year))
        row.value = max(row.value, seq)
    used.update(kept)
    changes: list[NumberChange] = []
    for number in source:
        if number in kept:
            changes.append(NumberChange(kind, number, number))
            continue
        parts = _number_parts(kind, number)
        # A number in a form the desk never wrote still gets a year: its own, else this one.
        year = parts[0] if parts is not None else default_year
        row = counters.row(_counter_name(kind, year))
        while True:
            row.value += 1
            if row.value > _MAX_SEQ[kind]:
                raise NumberSpaceFull(kind, year)
            candidate = format_number(kind, year, row.value)
            if candidate not in used:
                break
        used.add(candidate)
        changes.append(NumberChange(kind, number, candidate))
    return changes


def _ordered(session: Session, model: type[M], *order: Any) -> list[M]:
    return list(session.scalars(select(model).order_by(*order)))


class StoreTransfer:
    """Copies the source store's case data into the target inside the target's open
    transaction; the caller commits (or rolls back) the whole."""

    def __init__(self, source: Session, target: Session, now: datetime) -> None:
        self._src = source
        self._dst = target
        self._now = now
        self.result = TransferResult()
        self._users: dict[int, int] = {}
        self._agencies: dict[int, int] = {}
        self._programmes: dict[int, int] = {}
        self._persons: dict[int, int] = {}
        self._cases: dict[int, int] = {}
        self._referrals: dict[int, int] = {}
        self._counters = _Counters(target)

    def run(self) -> TransferResult:
        self._copy_users()
        self._copy_directory()
        self._copy_cases()
        self._copy_case_rows()
        self._copy_referrals()
        self._copy_inquiries()
        self._copy_destruction_register()
        self._dst.flush()
        search = SearchRepository(self._dst)
        for case_id in self._cases.values():
            search.reindex(case_id)
        self.result.drafts_left = (
            self._src.scalar(
                select(func.count())
                .select_from(models.Setting)
                .where(models.Setting.key.startswith(DRAFT_PREFIX))
                .where(models.Setting.value.is_not(None))
            )
            or 0
        )
        self.result.user_ids = dict(self._users)
        return self.result

    def _count(self, table: str, n: int) -> None:
        self.result.counts[table] = self.result.counts.get(table, 0) + n

    # --- accounts and the directory ----------------------------------------------------------

    def _copy_users(self) -> None:
        for user in _ordered(self._src, models.User, models.User.id):
            there = self._dst.scalar(
                select(models.User).where(models.User.username == user.username)
            )
            if there is None:
                there = copy_row(
                    user,
                    models.User,
                    password_hash="",
                    active=False,
                    failed_logins=0,
                    locked_until=None,
                    password_changed_at=None,
                    created_at=self._now,
                )
                self._dst.add(there)
                self._dst.flush()
                self.result.created_users.append(user.username)
            else:
                self.result.matched_users.append(user.username)
            self._users[user.id] = there.id

    def _by_code(self, model: type[M], code: str) -> M | None:
        column = model.code  # type: ignore[attr-defined]
        return self._dst.scalar(select(model).where(column == code))

    def _copy_directory(self) -> None:
        for area in _ordered(self._src, models.SupportArea, models.SupportArea.code):
            if self._dst.get(models.SupportArea, area.code) is None:
                self._dst.add(copy_row(area, models.SupportArea, skip=()))
                self.result.created_directory.append(f"support_area:{area.code}")
        for crime in _ordered(self._src, models.CrimeType, models.CrimeType.code):
            if self._dst.get(models.CrimeType, crime.code) is None:
                self._dst.add(copy_row(crime, models.CrimeType, skip=()))
                self.result.created_directory.append(f"crime_type:{crime.code}")
        self._dst.flush()
        for programme in _ordered(self._src, models.Programme, models.Programme.id):
            there = self._by_code(models.Programme, programme.code)
            if there is None:
                there = copy_row(programme, models.Programme)
                self._dst.add(there)
                self._dst.flush()
                self.result.created_directory.append(f"programme:{programme.code}")
            self._programmes[programme.id] = there.id
        for agency in _ordered(self._src, models.Agency, models.Agency.id):
            found = self._by_code(models.Agency, agency.code)
            if found is None:
                found = copy_row(agency, models.Agency)
                self._dst.add(found)
                self._dst.flush()
                self.result.created_directory.append(f"agency:{agency.code}")
                links = self._src.scalars(
                    select(models.AgencyProgramme).where(
                        models.AgencyProgramme.agency_id == agency.id
                    )
                )
                for link in links:
                    self._dst.add(
                        models.AgencyProgramme(
                            agency_id=found.id, programme_id=self._programmes[link.programme_id]
                        )
                    )
            self._agencies[agency.id] = found.id
        self._dst.flush()

    # --- cases ---------------------------------------------------------------------------------

    def _user(self, source_id: int | None) -> int | None:
        return None if source_id is None else self._users.get(source_id)

    def _copy_cases(self) -> None:
        cases = _ordered(self._src, models.Case, models.Case.case_number)
        used = set(self._dst.scalars(select(models.Case.case_number)))
        used.update(self._dst.scalars(select(models.DestructionRecord.case_number)))
        # The source's register comes along and names its numbers: neither a renumbered case
        # nor a later intake on the server may take one.
        for number in self._src.scalars(select(models.DestructionRecord.case_number)):
            used.add(number)
            parts = _number_parts(CASE, number)
            if parts is not None:
                row = self._counters.row(_counter_name(CASE, parts[0]))
                row.value = max(row.value, parts[1])
        changes = plan_numbers(
            CASE, [c.case_number for c in cases], used, self._counters, self._now.year
        )
        self.result.numbers.extend(changes)
        person_ids = {c.person_id for c in cases}
        person_ids.update(self._src.scalars(select(models.CasePerson.person_id)))
        persons = [
            p for p in _ordered(self._src, models.Person, models.Person.id) if p.id in person_ids
        ]
        copies = [copy_row(p, models.Person) for p in persons]
        self._dst.add_all(copies)
        self._dst.flush()
        self._persons = {p.id: c.id for p, c in zip(persons, copies, strict=True)}
        self._count("persons", len(copies))
        new_cases = [
            copy_row(
                case,
                models.Case,
                case_number=change.new,
                person_id=self._persons[case.person_id],
                counselor_id=self._user(case.counselor_id),
                created_by=self._user(case.created_by),
            )
            for case, change in zip(cases, changes, strict=True)
        ]
        self._dst.add_all(new_cases)
        self._dst.flush()
        self._cases = {c.id: n.id for c, n in zip(cases, new_cases, strict=True)}
        self.result.case_ids = {n.case_number: n.id for n in new_cases}
        self._count("cases", len(new_cases))

    def _each(self, model: type[M], order: Any) -> Iterator[M]:
        yield from _ordered(self._src, model, order)

    def _copy_case_rows(self) -> None:
        n = 0
        for link in self._each(models.CaseCrimeType, models.CaseCrimeType.case_id):
            self._dst.add(
                models.CaseCrimeType(case_id=self._cases[link.case_id], crime_code=link.crime_code)
            )
            n += 1
        self._count("case_crime_types", n)
        n = 0
        for related in self._each(models.CasePerson, models.CasePerson.id):
            self._dst.add(
                copy_row(
                    related,
                    models.CasePerson,
                    case_id=self._cases[related.case_id],
                    person_id=self._persons[related.person_id],
                )
            )
            n += 1
        self._count("case_persons", n)
        n = 0
        for change in self._each(models.StatusChangeRow, models.StatusChangeRow.id):
            case_id = self._cases[change.case_id]
            self._dst.add(copy_row(change, models.StatusChangeRow, case_id=case_id))
            n += 1
        self._count("status_changes", n)
        n = 0
        for event in self._each(models.TimelineEvent, models.TimelineEvent.id):
            self._dst.add(copy_row(event, models.TimelineEvent, case_id=self._cases[event.case_id]))
            n += 1
        self._count("timeline_events", n)
        n = 0
        for need in self._each(models.Need, models.Need.id):
            programme = None if need.programme_id is None else self._programmes[need.programme_id]
            self._dst.add(
                copy_row(
                    need, models.Need, case_id=self._cases[need.case_id], programme_id=programme
                )
            )
            n += 1
        self._count("needs", n)
        n = 0
        for consent in self._each(models.Consent, models.Consent.id):
            self._dst.add(
                copy_row(
                    consent,
                    models.Consent,
                    case_id=self._cases[consent.case_id],
                    agency_id=self._agencies[consent.agency_id],
                )
            )
            n += 1
        self._count("consents", n)
        self._dst.flush()

    def _copy_referrals(self) -> None:
        referrals = _ordered(self._src, models.Referral, models.Referral.document_number)
        used = set(self._dst.scalars(select(models.Referral.document_number)))
        changes = plan_numbers(
            DOCUMENT, [r.document_number for r in referrals], used, self._counters, self._now.year
        )
        self.result.numbers.extend(changes)
        copies = [
            copy_row(
                referral,
                models.Referral,
                document_number=change.new,
                case_id=self._cases[referral.case_id],
                agency_id=self._agencies[referral.agency_id],
            )
            for referral, change in zip(referrals, changes, strict=True)
        ]
        self._dst.add_all(copies)
        self._dst.flush()
        self._referrals = {r.id: c.id for r, c in zip(referrals, copies, strict=True)}
        self._count("referrals", len(copies))
        n = 0
        for link in self._each(models.ReferralProgramme, models.ReferralProgramme.referral_id):
            self._dst.add(
                models.ReferralProgramme(
                    referral_id=self._referrals[link.referral_id],
                    programme_id=self._programmes[link.programme_id],
                )
            )
            n += 1
        self._count("referral_programmes", n)
        self._dst.flush()

    def _copy_inquiries(self) -> None:
        n = 0
        for inquiry in self._each(models.PhoneInquiry, models.PhoneInquiry.id):
            case_id = None if inquiry.case_id is None else self._cases[inquiry.case_id]
            self._dst.add(copy_row(inquiry, models.PhoneInquiry, case_id=case_id))
            n += 1
        self._count("phone_inquiries", n)

    def _copy_destruction_register(self) -> None:
        n = 0
        for record in self._each(models.DestructionRecord, models.DestructionRecord.id):
            self._dst.add(copy_row(record, models.DestructionRecord))
            n += 1
        self._count("destruction_register", n)


class ImportRepository:
    """The server's record of imported stores and of the numbers they had to change."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def find(self, fingerprint: str) -> models.StoreImport | None:
        return self._s.scalar(
            select(models.StoreImport).where(models.StoreImport.fingerprint == fingerprint)
        )

    def add(
        self, fingerprint: str, source: str, at: datetime, by: str, counts: dict[str, Any]
    ) -> models.StoreImport:
        row = models.StoreImport(
            fingerprint=fingerprint, source=source, imported_at=at, imported_by=by, counts=counts
        )
        self._s.add(row)
        self._s.flush()
        return row

    def record_changes(
        self, import_id: int, changes: Iterable[NumberChange], case_ids: dict[str, int]
    ) -> None:
        """Keep every changed number; ``case_ids`` maps case numbers to case ids, and a
        document's case is found through its referral."""
        for change in changes:
            if not change.changed:
                continue
            if change.kind == CASE:
                case_id = case_ids[change.new]
            else:
                case_id = self._s.scalars(
                    select(models.Referral.case_id).where(
                        models.Referral.document_number == change.new
                    )
                ).one()
            self._s.add(
                models.ImportedNumber(
                    import_id=import_id,
                    kind=change.kind,
                    old_number=change.old,
                    new_number=change.new,
                    case_id=case_id,
                )
            )
        self._s.flush()


def source_audit_rows(session: Session, batch: int = 2000) -> Iterator[models.AuditEvent]:
    """The source's access log, oldest first, read in batches."""
    last = -1
    while True:
        rows = list(
            session.scalars(
                select(models.AuditEvent)
                .where(models.AuditEvent.seq > last)
                .order_by(models.AuditEvent.seq)
                .limit(batch)
            )
        )
        if not rows:
            return
        yield from rows
        last = rows[-1].seq
