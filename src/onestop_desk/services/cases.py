"""Intake, the case file, its status along the step model, notes and the case list."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from sqlalchemy.orm import Session

from onestop_desk.db import models
from onestop_desk.db.convert import apply_person, case_detail, programme_record, timeline_entry
from onestop_desk.db.repositories import (
    CaseRepository,
    CounterRepository,
    DirectoryRepository,
    InquiryRepository,
    NeedRepository,
    TimelineRepository,
    UserRepository,
)
from onestop_desk.db.search import SearchRepository
from onestop_desk.domain.access import Permission, require, require_case_work, sees_all_cases
from onestop_desk.domain.case_edit import (
    CaseEditConflictError,
    changes_between,
    detail_fields,
    form_fields,
)
from onestop_desk.domain.errors import (
    ConflictError,
    FieldError,
    IllegalTransitionError,
    NotFoundError,
    ValidationError,
)
from onestop_desk.domain.records import (
    CaseDetail,
    CaseFilter,
    CaseInput,
    CaseSummary,
    DeadlineWarning,
    DuplicateCandidate,
    PersonInput,
    TimelineEntry,
)
from onestop_desk.domain.rules import deadline_warnings
from onestop_desk.domain.text import digits, initials, mask_name, name_similarity
from onestop_desk.domain.vocab import (
    AuditAction,
    CaseStatus,
    Role,
    TimelineKind,
    allowed_case_transitions,
)
from onestop_desk.services.base import Service
from onestop_desk.services.validation import print_warnings, validate_case, validate_person

SIMILAR_NAME = 0.6
ALL_CASES = CaseFilter()


class CaseService(Service):
    # --- intake -----------------------------------------------------------------------------

    def validate_intake(self, person: PersonInput, case: CaseInput) -> list[FieldError]:
        today = self._ctx.clock.today()
        with self._ctx.transaction() as s:
            known = DirectoryRepository(s).crime_codes()
        return validate_person(person, today) + validate_case(case, today, known)

    def create_case(
        self, person: PersonInput, case: CaseInput, *, from_inquiry_id: int | None = None
    ) -> CaseDetail:
        """Register a new case with its primary person (and related persons).

        ``from_inquiry_id`` links the phone inquiry the case grew out of, in the same
        transaction, so a call is never counted both as open and as converted.
        """
        require_case_work(self.actor)
        today = self._ctx.clock.today()
        now = self._ctx.clock.now_utc()
        with self._ctx.transaction() as s:
            errors = validate_person(person, today) + validate_case(
                case, today, DirectoryRepository(s).crime_codes()
            )
            if errors:
                raise ValidationError(errors)
            counselor_id = (
                case.counselor_id if case.counselor_id is not None else self.actor.user_id
            )
            if counselor_id is not None and UserRepository(s).get(counselor_id) is None:
                raise ValidationError([FieldError("case.counselor_id", "unknown_user")])
            year = today.year
            seq = CounterRepository(s).next(f"case:{year}")
            if seq > 99999:
                raise ValidationError([FieldError("case.case_number", "year_full")])
            primary = self._new_person(s, person, now)
            row = models.Case(
                case_number=f"{year}-{seq:05d}",
                person=primary,
                intake_channel=case.intake_channel.value,
                intake_date=case.intake_date,
                status=CaseStatus.RECEIVED.value,
                counselor_id=counselor_id,
                created_by=self.actor.user_id,
                created_at=now,
                updated_at=now,
            )
            self._apply_case_facts(row, case)
            for crime in case.crime_types:
                row.crime_links.append(models.CaseCrimeType(crime_code=crime))
            for related in case.related:
                row.related.append(
                    models.CasePerson(
                        person=self._new_person(s, related.person, now),
                        relationship_code=related.relationship.value,
                        note=related.note,
                    )
                )
            row.status_changes.append(
                models.StatusChangeRow(
                    from_status=None,
                    to_status=CaseStatus.RECEIVED.value,
                    changed_at=now,
                    changed_by=self.actor.username,
                    note="",
                )
            )
            s.add(row)
            s.flush()
            s.add(
                models.TimelineEvent(
                    case_id=row.id,
                    at=now,
                    kind=TimelineKind.INTAKE.value,
                    text=case.intake_channel.value,
                    author=self.actor.username,
                )
            )
            SearchRepository(s).reindex(row.id)
            if from_inquiry_id is not None:
                inquiry = InquiryRepository(s).get(from_inquiry_id)
                if inquiry is None:
                    raise NotFoundError("inquiry not found", inquiry_id=from_inquiry_id)
                if inquiry.case_id is not None:
                    raise ConflictError("inquiry already became a case")
                inquiry.case_id = row.id
            self._log(s, AuditAction.CREATE, row.case_number, "case")
            s.flush()
            s.refresh(row)
            CaseRepository(s).hold(row)
            detail = case_detail(row)
        return replace(detail, print_warnings=_print_warnings(person, case))

    @staticmethod
    def _new_person(s: Session, data: PersonInput, now) -> models.Person:  # type: ignore[no-untyped-def]
        person = models.Person(created_at=now, updated_at=now)
        apply_person(person, data)
        s.add(person)
        return person

    @staticmethod
    def _apply_case_facts(row: models.Case, case: CaseInput) -> None:
        row.incident_date = case.incident_date
        row.harm_known_date = case.harm_known_date
        row.incident_place = case.incident_place
        row.reported_to_police = case.reported_to_police
        row.police_office = case.police_office
        row.prosecution_office = case.prosecution_office
        row.police_case_number = case.police_case_number
        row.offender_relation = case.offender_relation
        row.offender_is_kin = case.offender_is_kin
        row.risk_level = case.risk_level.value
        row.summary = case.summary
        row.support_received = case.support_received
        row.statistics_consent = case.statistics_consent

    def find_duplicates(
        self, name: str, birth_date: date | None, phones: Sequence[str] = ()
    ) -> list[DuplicateCandidate]:
        """Existing cases that may be the same person: same birth date and a similar name,
        the same phone, or the same name by 초성. Only cases the actor may see are returned."""
        require_case_work(self.actor)
        name = name.strip()
        phone_digits = [digits(p) for p in phones if digits(p)]
        name_initials = initials(name)
        with self._ctx.transaction() as s:
            rows = CaseRepository(s).duplicate_rows(
                birth_date=birth_date, phone_digits=phone_digits, name_initials=name_initials
            )
        out: list[DuplicateCandidate] = []
        for case_id, case_number, counselor_id, created_by, person in rows:
            if not sees_all_cases(self.actor) and self.actor.user_id not in (
                counselor_id,
                created_by,
            ):
                continue
            reasons = []
            if (
                birth_date is not None
                and person.birth_date == birth_date
                and name
                and name_similarity(name, person.name) >= SIMILAR_NAME
            ):
                reasons.append("birth_date_name")
            if any(number and number in person.phone_digits.split() for number in phone_digits):
                reasons.append("phone")
            if (
                len(name_initials) >= 2
                and person.name_initials == name_initials
                and (name == person.name or birth_date is None or person.birth_date == birth_date)
            ):
                reasons.append("initials")
            if reasons:
                out.append(
                    DuplicateCandidate(
                        case_id=case_id,
                        case_number=case_number,
                        person_id=person.id,
                        masked_name=mask_name(person.name),
                        birth_date=person.birth_date,
                        reasons=tuple(reasons),
                    )
                )
        return out[:20]

    # --- the case file ----------------------------------------------------------------------

    def get(self, case_id: int) -> CaseDetail:
        """The whole case file; every view is written to the access log."""
        with self._ctx.transaction() as s:
            row = self._load_case(s, case_id)
            self._log(s, AuditAction.VIEW, row.case_number, "case")
            return case_detail(row)

    def id_by_number(self, case_number: str) -> int:
        with self._ctx.transaction() as s:
            case_id = CaseRepository(s).id_by_number(case_number.strip())
            if case_id is None:
                raise NotFoundError("no such case", case_number=case_number)
            self._load_case(s, case_id)
            return case_id

    def update_facts(
        self,
        case_id: int,
        person: PersonInput,
        case: CaseInput,
        *,
        version: int | None = None,
        loaded: CaseDetail | None = None,
    ) -> CaseDetail:
        """Save the edit form: the person's details and the case facts.

        ``version`` is the case version the form was loaded with (``CaseDetail.version``):
        when the case was saved elsewhere since, nothing is written and
        :class:`CaseEditConflictError` names the fields that changed with their stored
        values. ``loaded`` (the record the form showed) lets it name only what the other PC
        changed; without it, every field whose stored value differs from this save's is
        named. ``version=None`` skips the check (callers holding no loaded form).
        """
        today = self._ctx.clock.today()
        now = self._ctx.clock.now_utc()
        with self._ctx.transaction() as s:
            row = self._load_case(s, case_id)
            errors = validate_person(person, today) + validate_case(
                case, today, DirectoryRepository(s).crime_codes()
            )
            if errors:
                raise ValidationError(errors)
            if version is not None:
                repo = CaseRepository(s)
                if not repo.claim_version(case_id, version):
                    s.expire_all()  # another transaction's commit may postdate our read
                    current = case_detail(self._load_case(s, case_id))
                    before = detail_fields(loaded) if loaded else form_fields(person, case)
                    raise CaseEditConflictError(
                        current, changes_between(before, detail_fields(current))
                    )
                s.expire(row, ["version"])
            else:
                row.version = row.version + 1
            apply_person(row.person, person)
            row.person.updated_at = now
            self._apply_case_facts(row, case)
            row.intake_channel = case.intake_channel.value
            row.intake_date = case.intake_date
            wanted = list(dict.fromkeys(case.crime_types))
            row.crime_links[:] = [link for link in row.crime_links if link.crime_code in wanted]
            have = {link.crime_code for link in row.crime_links}
            row.crime_links.extend(
                models.CaseCrimeType(crime_code=c) for c in wanted if c not in have
            )
            row.updated_at = now
            s.flush()
            SearchRepository(s).reindex(row.id)
            self._log(s, AuditAction.UPDATE, row.case_number, "case facts")
            detail = case_detail(row)
        return replace(detail, print_warnings=_print_warnings(person, case))

    def change_status(
        self, case_id: int, to: CaseStatus, *, note: str = "", outcome: str = ""
    ) -> CaseDetail:
        now = self._ctx.clock.now_utc()
        with self._ctx.transaction() as s:
            row = self._load_case(s, case_id)
            current = CaseStatus(row.status)
            if to not in allowed_case_transitions(current):
                raise IllegalTransitionError(
                    f"case cannot go from {current} to {to}", current=current.value, to=to.value
                )
            if to is CaseStatus.CLOSED:
                if not outcome.strip():
                    raise ValidationError([FieldError("case.outcome", "required")])
                row.outcome = outcome.strip()
                row.closed_on = self._ctx.clock.today()
            elif to is CaseStatus.MONITORING and current in (
                CaseStatus.CLOSED,
                CaseStatus.AFTERCARE,
            ):
                row.closed_on = None
            row.status = to.value
            row.updated_at = now
            row.status_changes.append(
                models.StatusChangeRow(
                    from_status=current.value,
                    to_status=to.value,
                    changed_at=now,
                    changed_by=self.actor.username,
                    note=note,
                )
            )
            s.add(
                models.TimelineEvent(
                    case_id=row.id,
                    at=now,
                    kind=TimelineKind.STATUS.value,
                    text=f"{current.value} -> {to.value}" + (f": {note}" if note else ""),
                    author=self.actor.username,
                )
            )
            self._log(s, AuditAction.UPDATE, row.case_number, f"status {current.value}->{to.value}")
            s.flush()
            return case_detail(row)

    def assign(self, case_id: int, counselor_id: int) -> CaseDetail:
        """Hand the case to another counselor. Only a team lead decides who carries a case:
        a counselor could otherwise push a file onto a colleague, or out of sight."""
        require(self.actor, Permission.ASSIGN_CASES)
        with self._ctx.transaction() as s:
            row = self._load_case(s, case_id)
            user = UserRepository(s).get(counselor_id)
            if user is None:
                raise ValidationError([FieldError("case.counselor_id", "unknown_user")])
            # Only someone who may work on cases can carry one: not an administrator (who
            # sees no case files) and not a disabled account.
            if not user.active or user.role not in (Role.COUNSELOR.value, Role.TEAM_LEAD.value):
                raise ValidationError([FieldError("case.counselor_id", "not_a_counselor")])
            row.counselor_id = counselor_id
            row.updated_at = self._ctx.clock.now_utc()
            self._log(s, AuditAction.UPDATE, row.case_number, f"assigned to user {counselor_id}")
            s.flush()
            s.refresh(row)
            return case_detail(row)

    def add_note(self, case_id: int, text: str) -> TimelineEntry:
        text = text.strip()
        if not text:
            raise ValidationError([FieldError("note.text", "required")])
        now = self._ctx.clock.now_utc()
        with self._ctx.transaction() as s:
            row = self._load_case(s, case_id)
            event = models.TimelineEvent(
                case_id=row.id,
                at=now,
                kind=TimelineKind.NOTE.value,
                text=text,
                author=self.actor.username,
            )
            s.add(event)
            row.updated_at = now
            self._log(s, AuditAction.UPDATE, row.case_number, "note added")
            s.flush()
            return timeline_entry(event)

    def timeline(self, case_id: int) -> list[TimelineEntry]:
        with self._ctx.transaction() as s:
            self._load_case(s, case_id)
            return [timeline_entry(e) for e in TimelineRepository(s).for_case(case_id)]

    def warnings(self, case_id: int) -> list[DeadlineWarning]:
        """Deadline warnings for the programmes this case needs (e.g. 구조금 §25)."""
        with self._ctx.transaction() as s:
            row = self._load_case(s, case_id)
            detail = case_detail(row)
            programmes = [
                programme_record(n.programme)
                for n in NeedRepository(s).for_case(case_id)
                if n.programme is not None
            ]
        return deadline_warnings(detail, programmes, self._ctx.clock.today())

    def reveal_name(self, case_id: int) -> str:
        """The full name behind a masked list row; the reveal is logged."""
        with self._ctx.transaction() as s:
            row = self._load_case(s, case_id)
            self._log(s, AuditAction.REVEAL, row.case_number, "name")
            return row.person.name

    # --- the case list ----------------------------------------------------------------------

    def _owner(self) -> int | None:
        require_case_work(self.actor)
        return None if sees_all_cases(self.actor) else (self.actor.user_id or -1)

    def list_ids(self, flt: CaseFilter = ALL_CASES) -> list[int]:
        """Ids of the cases the list shows, newest first (rows come later, a page at a time)."""
        owner = self._owner()
        with self._ctx.transaction() as s:
            return CaseRepository(s).list_ids(flt, owner_id=owner, today=self._ctx.clock.today())

    def search_ids(self, query: str, flt: CaseFilter = ALL_CASES, limit: int = 200) -> list[int]:
        """Case ids matching a name (2+ syllables), 초성, phone digits, case or document number."""
        owner = self._owner()
        with self._ctx.transaction() as s:
            hits = SearchRepository(s).search(query, limit=limit)
            if not hits:
                return []
            if owner is None and flt == ALL_CASES:
                return hits
            # Filtered among the hits (at most ``limit``), not by listing every case the
            # filter allows: a counselor's own cases are thousands after a few years.
            allowed = set(
                CaseRepository(s).list_ids(
                    flt, owner_id=owner, today=self._ctx.clock.today(), among=hits
                )
            )
            return [h for h in hits if h in allowed]

    def summaries(self, ids: Sequence[int]) -> list[CaseSummary]:
        """Rows for ``ids`` in the same order; names masked."""
        owner = self._owner()
        with self._ctx.transaction() as s:
            repo = CaseRepository(s)
            # The owner filter also guards callers that pass ids they got elsewhere.
            rows = {r.id: r for r in repo.summary_rows(ids, owner_id=owner)}
            buckets = repo.buckets_for(ids)
            follow_ups = repo.next_follow_ups(ids)
        return [
            CaseSummary(
                id=r.id,
                case_number=r.case_number,
                masked_name=mask_name(r.name),
                intake_date=r.intake_date,
                status=CaseStatus(r.status),
                counselor_name=r.display_name or "",
                crime_buckets=tuple(sorted(buckets.get(r.id, ()))),
                next_follow_up=follow_ups.get(r.id),
            )
            for r in (rows[i] for i in ids if i in rows)
        ]


def _print_warnings(person: PersonInput, case: CaseInput) -> tuple[FieldError, ...]:
    """What of a saved intake or correction will not print as typed (after the commit:
    a warning never stops a save)."""
    return tuple(print_warnings(person, "person") + print_warnings(case, "case"))
