"""Immutable records that services hand out and take in. No ORM object leaves a service."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from onestop_desk.domain.errors import FieldError
from onestop_desk.domain.vocab import (
    CallerType,
    CaseStatus,
    ConsentItem,
    ConsentMethod,
    Gender,
    IntakeChannel,
    NeedStatus,
    ReferralStatus,
    Relationship,
    RiskLevel,
    Role,
    TimelineKind,
    Urgency,
)


@dataclass(frozen=True)
class Actor:
    """Who is acting: every service call runs on behalf of one account on one PC."""

    user_id: int | None
    username: str
    role: Role
    pc_name: str = ""


# --- people and cases -----------------------------------------------------------------------


@dataclass(frozen=True)
class SafeContact:
    may_call: bool = True
    may_leave_message: bool = False
    may_send_mail: bool = False
    safe_hours: str = ""
    note: str = ""


@dataclass(frozen=True)
class PersonInput:
    name: str
    birth_date: date | None = None
    gender: Gender = Gender.UNKNOWN
    nationality: str = "대한민국"
    language: str = "한국어"
    interpreter_needed: bool = False
    disability: str = ""
    phone: str = ""
    phone2: str = ""
    email: str = ""
    address: str = ""
    confidential_address: bool = False
    safe_contact: SafeContact = field(default_factory=SafeContact)


@dataclass(frozen=True)
class PersonRecord(PersonInput):
    id: int = 0


@dataclass(frozen=True)
class RelatedPersonInput:
    person: PersonInput
    relationship: Relationship
    note: str = ""


@dataclass(frozen=True)
class RelatedPersonRecord:
    id: int
    person: PersonRecord
    relationship: Relationship
    note: str


@dataclass(frozen=True)
class CaseInput:
    """Everything the intake form collects about the case itself."""

    intake_channel: IntakeChannel
    intake_date: date
    crime_types: tuple[str, ...] = ()
    incident_date: date | None = None
    harm_known_date: date | None = None
    incident_place: str = ""
    reported_to_police: bool | None = None
    police_office: str = ""
    prosecution_office: str = ""
    police_case_number: str = ""
    offender_relation: str = ""
    offender_is_kin: bool = False
    risk_level: RiskLevel = RiskLevel.MEDIUM
    summary: str = ""
    support_received: str = ""
    statistics_consent: bool = True
    counselor_id: int | None = None
    related: tuple[RelatedPersonInput, ...] = ()


@dataclass(frozen=True)
class CaseSummary:
    """A row of the case list: enough to find a case, with the name masked."""

    id: int
    case_number: str
    masked_name: str
    intake_date: date
    status: CaseStatus
    counselor_name: str
    crime_buckets: tuple[str, ...]
    next_follow_up: date | None


@dataclass(frozen=True)
class StatusChange:
    from_status: CaseStatus | None
    to_status: CaseStatus
    changed_at: datetime
    changed_by: str
    note: str


@dataclass(frozen=True)
class CaseDetail:
    id: int
    case_number: str
    person: PersonRecord
    intake_channel: IntakeChannel
    intake_date: date
    crime_types: tuple[str, ...]
    incident_date: date | None
    harm_known_date: date | None
    incident_place: str
    reported_to_police: bool | None
    police_office: str
    prosecution_office: str
    police_case_number: str
    offender_relation: str
    offender_is_kin: bool
    risk_level: RiskLevel
    status: CaseStatus
    summary: str
    support_received: str
    statistics_consent: bool
    counselor_id: int | None
    counselor_name: str
    outcome: str
    closed_on: date | None
    related: tuple[RelatedPersonRecord, ...]
    status_history: tuple[StatusChange, ...]
    print_warnings: tuple[FieldError, ...] = ()
    """Set by a save: texts just saved that hold characters no bundled font draws (they
    print as U+FFFD); ``unprintable`` field warnings, not errors."""
    version: int = 1
    """The case's edit version: an edit form saves against the version it was loaded with
    (``CaseService.update_facts``)."""


@dataclass(frozen=True)
class DuplicateCandidate:
    case_id: int
    case_number: str
    person_id: int
    masked_name: str
    birth_date: date | None
    reasons: tuple[str, ...]  # "birth_date_name", "phone", "initials"


# --- directory ------------------------------------------------------------------------------


@dataclass(frozen=True)
class SupportAreaRecord:
    code: str
    name: str
    name_en: str


@dataclass(frozen=True)
class CrimeTypeRecord:
    code: str
    name: str
    name_en: str
    bucket: str


@dataclass(frozen=True)
class DeadlineRule:
    """범죄피해구조금: 3 years from learning of the harm, 10 years from the crime (§25)."""

    years_from_knowledge: int
    years_from_crime: int
    basis: str = ""


@dataclass(frozen=True)
class ProgrammeRecord:
    id: int
    code: str
    name: str
    name_en: str
    support_area: str
    description: str
    eligibility_note: str
    what_to_bring: tuple[str, ...]
    deadline: DeadlineRule | None
    agency_codes: tuple[str, ...]
    active: bool


@dataclass(frozen=True)
class AgencyInput:
    code: str
    name: str
    name_en: str = ""
    department: str = ""
    phone: str = ""
    fax: str = ""
    email: str = ""
    address: str = ""
    hours: str = ""
    description: str = ""
    support_areas: tuple[str, ...] = ()
    resident: bool = True
    verified_on: date | None = None
    active: bool = True
    # Floor, room or desk to go to (inside the center for a resident partner).
    location: str = ""
    # Printed on a discreet take-home sheet instead of the name and the phone; empty: a
    # neutral name is made from the support areas and the center's neutral line is printed.
    discreet_name: str = ""
    discreet_phone: str = ""


@dataclass(frozen=True)
class AgencyRecord(AgencyInput):
    id: int = 0
    programme_codes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Catalogue:
    """The directory as the intake and the case view read it, in one call.

    ``programmes`` holds inactive programmes too (an old case still names the ones it
    needed); the intake offers only ``active_programmes()``. ``agencies`` are the active ones.
    """

    crime_types: tuple[CrimeTypeRecord, ...]
    areas: tuple[SupportAreaRecord, ...]
    programmes: tuple[ProgrammeRecord, ...]
    agencies: tuple[AgencyRecord, ...]

    def active_programmes(self) -> tuple[ProgrammeRecord, ...]:
        return tuple(p for p in self.programmes if p.active)


# --- needs, consent, referrals --------------------------------------------------------------


@dataclass(frozen=True)
class NeedRecord:
    id: int
    case_id: int
    support_area: str
    programme_code: str | None
    status: NeedStatus
    note: str


@dataclass(frozen=True)
class ConsentInput:
    agency_code: str
    items: frozenset[ConsentItem]
    given_on: date
    method: ConsentMethod
    purpose: str = "범죄피해자 지원 연계"
    expires_on: date | None = None
    retention: str = "지원 종료 후 3년"


@dataclass(frozen=True)
class ConsentRecord:
    id: int
    case_id: int
    agency_code: str
    agency_name: str
    items: frozenset[ConsentItem]
    purpose: str
    retention: str
    given_on: date
    expires_on: date | None
    method: ConsentMethod
    withdrawn_on: date | None
    recorded_by: str

    def is_valid_on(self, day: date) -> bool:
        return (
            self.withdrawn_on is None
            and self.given_on <= day
            and (self.expires_on is None or day <= self.expires_on)
        )


@dataclass(frozen=True)
class ReferralReply:
    received_on: date
    handler: str
    result: str
    note: str = ""


@dataclass(frozen=True)
class NeedInput:
    """One ticked line of the needs checklist: a support area, optionally one programme."""

    support_area: str
    programme_code: str | None = None
    status: NeedStatus = NeedStatus.NEEDED
    note: str = ""


@dataclass(frozen=True)
class WalkIn:
    """Everything the intake collects about one walk-in (or call), registered in one go."""

    person: PersonInput
    case: CaseInput
    needs: tuple[NeedInput, ...] = ()
    consents: tuple[ConsentInput, ...] = ()
    from_inquiry_id: int | None = None


@dataclass(frozen=True)
class ReferralRecord:
    id: int
    case_id: int
    case_number: str
    document_number: str
    agency_code: str
    agency_name: str
    status: ReferralStatus
    urgency: Urgency
    reason: str
    programme_codes: tuple[str, ...]
    created_at: datetime
    sent_at: datetime | None
    acknowledged_at: datetime | None
    support_started_at: datetime | None
    completed_at: datetime | None
    rejected_at: datetime | None
    withdrawn_at: datetime | None
    follow_up_due: date | None
    reply: ReferralReply | None


@dataclass(frozen=True)
class TimelineEntry:
    id: int
    at: datetime
    kind: TimelineKind
    text: str
    author: str


@dataclass(frozen=True)
class InquiryInput:
    caller_type: CallerType
    topic: str
    outcome: str = ""
    note: str = ""
    caller_name: str = ""
    caller_phone: str = ""
    crime_type: str | None = None
    received_at: datetime | None = None


@dataclass(frozen=True)
class InquiryRecord:
    id: int
    received_at: datetime
    caller_type: CallerType
    topic: str
    outcome: str
    note: str
    caller_name: str
    caller_phone: str
    crime_type: str | None
    counselor: str
    case_id: int | None
    case_number: str | None


@dataclass(frozen=True)
class UserRecord:
    id: int
    username: str
    display_name: str
    role: Role
    phone: str
    active: bool


@dataclass(frozen=True)
class Colleague:
    """Who a case can be assigned to: what a counselor may know of the other accounts."""

    id: int
    display_name: str


@dataclass(frozen=True)
class DeadlineWarning:
    programme_code: str
    deadline: date
    days_left: int
    basis: str


@dataclass(frozen=True)
class KinExclusionWarning:
    """범죄피해구조금 is generally not paid where the offender is kin; the 구조심의회 decides."""

    programme_code: str


@dataclass(frozen=True)
class IntakeWarnings:
    """What a counselor is warned about while ticking needs at intake (see domain/rules.py)."""

    deadlines: tuple[DeadlineWarning, ...] = ()
    kin_exclusions: tuple[KinExclusionWarning, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.deadlines or self.kin_exclusions)


@dataclass(frozen=True)
class CaseFilter:
    """What the case list shows. ``None`` means "any"."""

    status: CaseStatus | None = None
    open_only: bool = False
    counselor_id: int | None = None
    crime_bucket: str | None = None
    overdue_follow_up: bool = False
    # Added for the statistics dashboard: a bar opens exactly the cases it counts.
    crime_type: str | None = None
    intake_channel: IntakeChannel | None = None
    intake_from: date | None = None  # inclusive
    intake_to: date | None = None  # inclusive
    statistics_only: bool = False  # leave out cases whose statistical use was refused


# --- statistics -----------------------------------------------------------------------------


@dataclass(frozen=True)
class StatRow:
    """One line of a breakdown: a stable ``code``, its Korean ``label`` (for documents; the
    UI translates codes itself where it can) and the raw count."""

    code: str
    label: str
    count: int


@dataclass(frozen=True)
class StatTable:
    """A breakdown of one population (``total`` units) by one attribute.

    ``additive`` tables put every unit in exactly one row, so the rows add up to ``total``;
    multi-select breakdowns (crime types, needs) do not, and say so.
    """

    key: str
    title: str
    unit: str
    rows: tuple[StatRow, ...]
    total: int
    additive: bool

    def count(self, code: str) -> int:
        return next((r.count for r in self.rows if r.code == code), 0)


@dataclass(frozen=True)
class StatsReport:
    """Raw (unsuppressed) aggregates for one period; see ``StatisticsService.summary`` for
    what every figure means. For the screen of team leads only: anything that leaves the
    application goes through ``statistics_suppression.publish`` first."""

    period_from: date
    period_to: date
    as_of: date
    served_persons: int
    new_persons: int
    continuing_persons: int
    new_cases: int
    first_referral_cases: int
    first_referral_median_days: float | None
    overdue_follow_ups: int
    phone_inquiries: int
    inquiries_to_cases: int
    crime_buckets: StatTable
    crime_types: StatTable
    intake_channels: StatTable
    support_areas: StatTable
    programmes: StatTable
    referral_agencies: StatTable
    referral_statuses: StatTable
    age_bands: StatTable
    genders: StatTable
    nationalities: StatTable
    disabilities: StatTable

    def tables(self) -> tuple[StatTable, ...]:
        return (
            self.crime_buckets,
            self.crime_types,
            self.intake_channels,
            self.support_areas,
            self.programmes,
            self.referral_agencies,
            self.referral_statuses,
            self.age_bands,
            self.genders,
            self.nationalities,
            self.disabilities,
        )


@dataclass(frozen=True)
class RegisteredWalkIn:
    """What registering a walk-in saved: the case and the referral drafts made from it."""

    case: CaseDetail
    referrals: tuple[ReferralRecord, ...]
