"""Consent to share data with each agency (PIPA §17, sensitive facts §23).

``may_share`` is the one question every output asks before a field leaves the center.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from onestop_desk.db import models
from onestop_desk.db.convert import consent_items, consent_record
from onestop_desk.db.repositories import ConsentRepository, DirectoryRepository
from onestop_desk.domain.errors import ConflictError, FieldError, NotFoundError, ValidationError
from onestop_desk.domain.records import ConsentInput, ConsentRecord
from onestop_desk.domain.vocab import AuditAction, ConsentItem, TimelineKind
from onestop_desk.services.base import Service


def valid_items(
    session: Session, case_id: int, agency_id: int, day: date
) -> frozenset[ConsentItem]:
    """Union of the items of every consent valid on ``day`` (normally just one)."""
    items: set[ConsentItem] = set()
    for consent in ConsentRepository(session).valid(case_id, agency_id, day):
        items |= consent_items(consent)
    return frozenset(items)


class ConsentService(Service):
    def record(self, case_id: int, data: ConsentInput) -> ConsentRecord:
        today = self._ctx.clock.today()
        errors = []
        if not data.items:
            errors.append(FieldError("consent.items", "required"))
        if data.given_on > today:
            errors.append(FieldError("consent.given_on", "in_future"))
        if data.expires_on is not None and data.expires_on < data.given_on:
            errors.append(FieldError("consent.expires_on", "before_given"))
        if not data.purpose.strip():
            errors.append(FieldError("consent.purpose", "required"))
        if errors:
            raise ValidationError(errors)
        now = self._ctx.clock.now_utc()
        with self._ctx.transaction() as s:
            case = self._load_case(s, case_id)
            agency = DirectoryRepository(s).agency_by_code(data.agency_code)
            if agency is None or not agency.active:
                raise ValidationError([FieldError("consent.agency", "unknown_code")])
            # One valid consent per agency at a time: a changed scope replaces the old one.
            for old in ConsentRepository(s).valid(case_id, agency.id, today):
                old.withdrawn_on = today
            row = models.Consent(
                case_id=case_id,
                agency=agency,
                share_identity=ConsentItem.IDENTITY in data.items,
                share_contact=ConsentItem.CONTACT in data.items,
                share_case_facts=ConsentItem.CASE_FACTS in data.items,
                share_sensitive=ConsentItem.SENSITIVE in data.items,
                purpose=data.purpose.strip(),
                retention=data.retention.strip(),
                given_on=data.given_on,
                expires_on=data.expires_on,
                method=data.method.value,
                recorded_by=self.actor.username,
                recorded_at=now,
            )
            s.add(row)
            items = ",".join(sorted(i.value for i in data.items))
            s.add(
                models.TimelineEvent(
                    case_id=case_id,
                    at=now,
                    kind=TimelineKind.CONSENT.value,
                    text=f"consent {agency.code}: {items}",
                    author=self.actor.username,
                )
            )
            self._log(s, AuditAction.CREATE, case.case_number, f"consent {agency.code} [{items}]")
            s.flush()
            return consent_record(row)

    def withdraw(self, consent_id: int, on: date | None = None) -> ConsentRecord:
        """Withdrawing stops every future letter to that agency; open referrals stay for the
        counselor to withdraw explicitly (the agency may already be helping)."""
        day = on or self._ctx.clock.today()
        now = self._ctx.clock.now_utc()
        with self._ctx.transaction() as s:
            row = s.get(models.Consent, consent_id)
            if row is None:
                raise NotFoundError("consent not found", consent_id=consent_id)
            case = self._load_case(s, row.case_id)
            if row.withdrawn_on is not None:
                raise ConflictError("consent already withdrawn")
            row.withdrawn_on = day
            s.add(
                models.TimelineEvent(
                    case_id=row.case_id,
                    at=now,
                    kind=TimelineKind.CONSENT.value,
                    text=f"consent {row.agency.code} withdrawn",
                    author=self.actor.username,
                )
            )
            self._log(
                s, AuditAction.UPDATE, case.case_number, f"consent {row.agency.code} withdrawn"
            )
            s.flush()
            return consent_record(row)

    def list(self, case_id: int) -> list[ConsentRecord]:
        with self._ctx.transaction() as s:
            self._load_case(s, case_id)
            return [consent_record(c) for c in ConsentRepository(s).for_case(case_id)]

    def shareable_items(self, case_id: int, agency_code: str) -> frozenset[ConsentItem]:
        with self._ctx.transaction() as s:
            self._load_case(s, case_id)
            agency = DirectoryRepository(s).agency_by_code(agency_code)
            if agency is None:
                return frozenset()
            return valid_items(s, case_id, agency.id, self._ctx.clock.today())

    def may_share(self, case_id: int, agency_code: str, item: ConsentItem) -> bool:
        return item in self.shareable_items(case_id, agency_code)
