"""Referrals to partner agencies: a state machine that never skips consent."""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from datetime import date, timedelta

from sqlalchemy.orm import Session

from onestop_desk.db import models
from onestop_desk.db.convert import referral_record
from onestop_desk.db.repositories import (
    ConsentRepository,
    CounterRepository,
    DirectoryRepository,
    NeedRepository,
    ReferralRepository,
)
from onestop_desk.db.search import SearchRepository
from onestop_desk.domain.errors import (
    ConsentRequiredError,
    FieldError,
    IllegalTransitionError,
    NotFoundError,
    ValidationError,
)
from onestop_desk.domain.records import ReferralRecord, ReferralReply
from onestop_desk.domain.vocab import (
    REFERRAL_TRANSITIONS,
    AuditAction,
    NeedStatus,
    ReferralStatus,
    RiskLevel,
    TimelineKind,
    Urgency,
)
from onestop_desk.services.base import Service
from onestop_desk.services.consent import valid_items
from onestop_desk.services.queues import Queue, QueueService

FOLLOW_UP_DAYS = 7
_URGENCY_RANK = {Urgency.NORMAL: 0, Urgency.URGENT: 1}


def urgency_for_risk(risk: RiskLevel) -> Urgency:
    """The least urgency a referral of a case at this risk level may carry."""
    return Urgency.URGENT if risk is RiskLevel.HIGH else Urgency.NORMAL


def effective_urgency(stored: Urgency, risk: RiskLevel) -> Urgency:
    """What the letter prints: the referral's own urgency, never below what the case's
    current risk level demands (a risk raised after the referral was made still counts)."""
    floor = urgency_for_risk(risk)
    return stored if _URGENCY_RANK[stored] >= _URGENCY_RANK[floor] else floor


_TIMESTAMP = {
    ReferralStatus.SENT: "sent_at",
    ReferralStatus.ACKNOWLEDGED: "acknowledged_at",
    ReferralStatus.IN_SUPPORT: "support_started_at",
    ReferralStatus.COMPLETED: "completed_at",
    ReferralStatus.REJECTED: "rejected_at",
    ReferralStatus.WITHDRAWN: "withdrawn_at",
}


class ReferralService(Service):
    def create(
        self,
        case_id: int,
        agency_code: str,
        programme_codes: Sequence[str] = (),
        *,
        reason: str = "",
        urgency: Urgency = Urgency.NORMAL,
        follow_up_due: date | None = None,
    ) -> ReferralRecord:
        with self._ctx.transaction() as s:
            return referral_record(
                self._create(
                    s, case_id, agency_code, programme_codes, reason, urgency, follow_up_due
                )
            )

    def create_from_needs(self, case_id: int) -> builtins.list[ReferralRecord]:
        """One draft per agency that has valid consent and offers a needed programme, unless an
        open referral to it exists already. Agencies without consent are simply not referred."""
        today = self._ctx.clock.today()
        with self._ctx.transaction() as s:
            self._load_case(s, case_id)
            needed = [
                n.programme
                for n in NeedRepository(s).for_case(case_id)
                if n.programme is not None and n.status != NeedStatus.NOT_APPLICABLE.value
            ]
            created = []
            for agency in DirectoryRepository(s).agencies(active_only=True):
                offered = [p.code for p in needed if agency in p.agencies]
                if not offered or not valid_items(s, case_id, agency.id, today):
                    continue
                if ReferralRepository(s).open_for(case_id, agency.id):
                    continue
                created.append(
                    self._create(s, case_id, agency.code, offered, "", Urgency.NORMAL, None)
                )
            return [referral_record(r) for r in created]

    def _create(
        self,
        s: Session,
        case_id: int,
        agency_code: str,
        programme_codes: Sequence[str],
        reason: str,
        urgency: Urgency,
        follow_up_due: date | None,
    ) -> models.Referral:
        case = self._load_case(s, case_id)
        directory = DirectoryRepository(s)
        agency = directory.agency_by_code(agency_code)
        if agency is None or not agency.active:
            raise ValidationError([FieldError("referral.agency", "unknown_code")])
        today = self._ctx.clock.today()
        if not valid_items(s, case_id, agency.id, today):
            raise ConsentRequiredError("no valid consent for this agency", agency=agency.code)
        offered = {p.code for p in agency.programmes}
        not_offered = [c for c in programme_codes if c not in offered]
        if not_offered:
            raise ValidationError(
                [
                    FieldError(
                        "referral.programmes",
                        "not_offered",
                        {"codes": not_offered, "agency": agency.code},
                    )
                ]
            )
        now = self._ctx.clock.now_utc()
        seq = CounterRepository(s).next(f"referral:{today.year}")
        row = models.Referral(
            document_number=f"R{today.year}-{seq:06d}",
            case=case,
            agency=agency,
            status=ReferralStatus.DRAFT.value,
            urgency=effective_urgency(urgency, RiskLevel(case.risk_level)).value,
            reason=reason.strip(),
            created_by=self.actor.username,
            created_at=now,
            follow_up_due=follow_up_due,
        )
        row.programmes = directory.programmes_by_codes(programme_codes)
        s.add(row)
        s.flush()
        s.add(
            models.TimelineEvent(
                case_id=case_id,
                at=now,
                kind=TimelineKind.REFERRAL.value,
                text=f"{row.document_number} {agency.code} draft",
                author=self.actor.username,
            )
        )
        SearchRepository(s).reindex(case_id)
        self._log(s, AuditAction.CREATE, case.case_number, f"referral {row.document_number}")
        return row

    def transition(self, referral_id: int, to: ReferralStatus, *, note: str = "") -> ReferralRecord:
        with self._ctx.transaction() as s:
            row = self._load_referral(s, referral_id)
            self._move(s, row, to, note)
            s.flush()
            return referral_record(row)

    def _move(self, s: Session, row: models.Referral, to: ReferralStatus, note: str) -> None:
        current = ReferralStatus(row.status)
        if to not in REFERRAL_TRANSITIONS[current]:
            raise IllegalTransitionError(
                f"referral cannot go from {current} to {to}", current=current.value, to=to.value
            )
        today = self._ctx.clock.today()
        if to is ReferralStatus.SENT and not ConsentRepository(s).valid(
            row.case_id, row.agency_id, today
        ):
            raise ConsentRequiredError("consent withdrawn or expired", agency=row.agency.code)
        now = self._ctx.clock.now_utc()
        row.status = to.value
        setattr(row, _TIMESTAMP[to], now)
        if to is ReferralStatus.SENT and row.follow_up_due is None:
            row.follow_up_due = today + timedelta(days=FOLLOW_UP_DAYS)
        text = f"{row.document_number} {current.value} -> {to.value}" + (
            f": {note}" if note else ""
        )
        s.add(
            models.TimelineEvent(
                case_id=row.case_id,
                at=now,
                kind=TimelineKind.REFERRAL.value,
                text=text,
                author=self.actor.username,
            )
        )
        self._log(
            s,
            AuditAction.UPDATE,
            row.case.case_number,
            f"referral {row.document_number} -> {to.value}",
        )

    def record_reply(
        self,
        referral_id: int,
        reply: ReferralReply,
        status: ReferralStatus | None = None,
        *,
        next_follow_up: date | None = None,
    ) -> ReferralRecord:
        """The agency's answer from the reply slip; optionally moves the referral on.

        The answer settles the pending follow-up: the follow-up date becomes
        ``next_follow_up`` (none if not given), which must fall after the reply's date, so
        that the follow-up queues ask again only when the counselor wants them to.
        """
        errors = []
        if reply.received_on > self._ctx.clock.today():
            errors.append(FieldError("reply.received_on", "in_future"))
        if next_follow_up is not None and next_follow_up <= reply.received_on:
            errors.append(FieldError("reply.follow_up_due", "not_after_reply"))
        if not reply.result.strip():
            errors.append(FieldError("reply.result", "required"))
        if errors:
            raise ValidationError(errors)
        with self._ctx.transaction() as s:
            row = self._load_referral(s, referral_id)
            if status is not None and status.value != row.status:
                self._move(s, row, status, "reply")
            row.reply_received_on = reply.received_on
            row.reply_handler = reply.handler.strip()
            row.reply_result = reply.result.strip()
            row.reply_note = reply.note.strip()
            row.follow_up_due = next_follow_up
            self._log(
                s, AuditAction.UPDATE, row.case.case_number, f"referral {row.document_number} reply"
            )
            s.flush()
            return referral_record(row)

    def set_urgency(self, referral_id: int, urgency: Urgency) -> ReferralRecord:
        """The counselor's urgency for one referral: raised above what the risk level gives,
        or back down to it, never below it (a high-risk case's letters are always urgent)."""
        with self._ctx.transaction() as s:
            row = self._load_referral(s, referral_id)
            floor = urgency_for_risk(RiskLevel(row.case.risk_level))
            if _URGENCY_RANK[urgency] < _URGENCY_RANK[floor]:
                raise ValidationError(
                    [FieldError("referral.urgency", "below_risk", {"minimum": floor.value})]
                )
            if row.urgency != urgency.value:
                row.urgency = urgency.value
                self._log(
                    s,
                    AuditAction.UPDATE,
                    row.case.case_number,
                    f"referral {row.document_number} urgency {urgency.value}",
                )
            s.flush()
            return referral_record(row)

    def set_follow_up(self, referral_id: int, due: date | None) -> ReferralRecord:
        with self._ctx.transaction() as s:
            row = self._load_referral(s, referral_id)
            row.follow_up_due = due
            self._log(
                s,
                AuditAction.UPDATE,
                row.case.case_number,
                f"referral {row.document_number} follow-up {due}",
            )
            s.flush()
            return referral_record(row)

    def by_document_number(self, number: str) -> ReferralRecord:
        """For the reply slip's QR code or a scanner that types the number."""
        with self._ctx.transaction() as s:
            row = ReferralRepository(s).by_document_number(number.strip().upper())
            if row is None:
                raise NotFoundError("no referral with this document number", number=number)
            self._load_case(s, row.case_id)
            return referral_record(row)

    def list(self, case_id: int) -> builtins.list[ReferralRecord]:
        with self._ctx.transaction() as s:
            self._load_case(s, case_id)
            return [referral_record(r) for r in ReferralRepository(s).for_case(case_id)]

    def waiting(self) -> builtins.list[ReferralRecord]:
        """Referrals that need chasing: past their follow-up date (기한 지남), then those sent
        more than a week ago with no reply; open cases only. The queues themselves are
        defined in ``services.queues``."""
        queues = QueueService(self._ctx)
        entries = queues.listing(Queue.OVERDUE)
        seen = {e.id for e in entries}
        entries += [e for e in queues.listing(Queue.LATE_REPLY) if e.id not in seen]
        return [e.referral for e in entries]

    def _load_referral(self, s: Session, referral_id: int) -> models.Referral:
        row = ReferralRepository(s).get(referral_id)
        if row is None:
            raise NotFoundError("referral not found", referral_id=referral_id)
        self._load_case(s, row.case_id)
        return row
