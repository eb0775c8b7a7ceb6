"""Phone inquiries (1577-1701): a quick log that can become a case."""

from __future__ import annotations

from onestop_desk.db import models
from onestop_desk.db.convert import inquiry_record
from onestop_desk.db.repositories import DirectoryRepository, InquiryRepository
from onestop_desk.domain.access import require_case_work, sees_all_cases
from onestop_desk.domain.clock import to_utc_naive
from onestop_desk.domain.errors import FieldError, ValidationError
from onestop_desk.domain.records import InquiryInput, InquiryRecord, PersonInput
from onestop_desk.domain.vocab import AuditAction
from onestop_desk.services.base import Service


class InquiryService(Service):
    def log(self, data: InquiryInput) -> InquiryRecord:
        require_case_work(self.actor)
        if not data.topic.strip():
            raise ValidationError([FieldError("inquiry.topic", "required")])
        with self._ctx.transaction() as s:
            if data.crime_type and data.crime_type not in DirectoryRepository(s).crime_codes():
                raise ValidationError([FieldError("inquiry.crime_type", "unknown_code")])
            row = models.PhoneInquiry(
                received_at=self._ctx.clock.now_utc()
                if data.received_at is None
                else to_utc_naive(data.received_at),
                caller_type=data.caller_type.value,
                topic=data.topic.strip(),
                outcome=data.outcome.strip(),
                note=data.note.strip(),
                caller_name=data.caller_name.strip(),
                caller_phone=data.caller_phone.strip(),
                crime_type=data.crime_type or None,
                counselor=self.actor.username,
            )
            s.add(row)
            s.flush()
            self._log(s, AuditAction.CREATE, "", f"phone inquiry {row.id}")
            return inquiry_record(row)

    def recent(self, limit: int = 200) -> list[InquiryRecord]:
        """The latest calls: a counselor sees the calls they took, a team lead every call
        (callers' names and numbers are personal data like any case file)."""
        require_case_work(self.actor)
        counselor = None if sees_all_cases(self.actor) else self.actor.username
        with self._ctx.transaction() as s:
            rows = InquiryRepository(s).recent(limit, counselor=counselor)
            return [inquiry_record(q) for q in rows]

    @staticmethod
    def prefill(inquiry: InquiryRecord) -> tuple[PersonInput, tuple[str, ...]]:
        """What the intake form starts with when a call becomes a case
        (``CaseService.create_case(..., from_inquiry_id=...)`` then links the two)."""
        person = PersonInput(name=inquiry.caller_name, phone=inquiry.caller_phone)
        return person, ((inquiry.crime_type,) if inquiry.crime_type else ())
