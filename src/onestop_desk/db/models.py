"""SQLAlchemy 2 models: the tables of the case store.

Datetimes are stored as naive UTC; dates are Korean calendar dates. Vocabulary columns hold the
ASCII codes from ``domain.vocab``.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Setting(Base):
    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)


class Counter(Base):
    """Monotonic counters (case numbers per year, document numbers per year): never reused."""

    __tablename__ = "counters"
    name: Mapped[str] = mapped_column(String(50), primary_key=True)
    value: Mapped[int] = mapped_column(Integer, default=0)


class StatMonthStamp(Base):
    """How often the rows a month's statistics count have changed (bumped by triggers, 0005)."""

    __tablename__ = "stat_month_stamp"
    month: Mapped[str] = mapped_column(String(7), primary_key=True)
    stamp: Mapped[int] = mapped_column(Integer)


class StatMonthCache(Base):
    """A month's statistics counts (codes and numbers only), valid while ``stamp`` is the
    month's current stamp and ``format`` the code's."""

    __tablename__ = "stat_month_cache"
    month: Mapped[str] = mapped_column(String(7), primary_key=True)
    stamp: Mapped[int] = mapped_column(Integer)
    format: Mapped[int] = mapped_column(Integer)
    counts: Mapped[str] = mapped_column(Text)


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(20))
    phone: Mapped[str] = mapped_column(String(40), default="")
    password_hash: Mapped[str] = mapped_column(String(255), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime)
    password_changed_at: Mapped[datetime | None] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class SupportArea(Base):
    __tablename__ = "support_areas"
    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    name_en: Mapped[str] = mapped_column(String(100), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)


class CrimeType(Base):
    __tablename__ = "crime_types"
    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    name_en: Mapped[str] = mapped_column(String(100), default="")
    bucket: Mapped[str] = mapped_column(String(40))
    position: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class AgencyProgramme(Base):
    __tablename__ = "agency_programmes"
    agency_id: Mapped[int] = mapped_column(
        ForeignKey("agencies.id", ondelete="CASCADE"), primary_key=True
    )
    programme_id: Mapped[int] = mapped_column(
        ForeignKey("programmes.id", ondelete="CASCADE"), primary_key=True
    )


class Agency(Base):
    __tablename__ = "agencies"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(60), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200), default="")
    department: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(60), default="")
    fax: Mapped[str] = mapped_column(String(60), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    hours: Mapped[str] = mapped_column(String(200), default="")
    # Where to go once there: floor, room or desk inside the center for a resident partner
    # (whose street address is the center's own), a building entrance or floor otherwise.
    location: Mapped[str] = mapped_column(String(200), default="")
    # What a discreet take-home sheet prints instead of the name and the phone, which for
    # some agencies say what happened to the person ("스토킹 피해자 …", a victim hotline).
    discreet_name: Mapped[str] = mapped_column(String(200), default="")
    discreet_phone: Mapped[str] = mapped_column(String(60), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    support_areas: Mapped[list[str]] = mapped_column(JSON, default=list)
    resident: Mapped[bool] = mapped_column(Boolean, default=True)
    verified_on: Mapped[date | None] = mapped_column(Date)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Set when an administrator edits the row: seed reloads then leave it alone.
    admin_edited: Mapped[bool] = mapped_column(Boolean, default=False)
    programmes: Mapped[list[Programme]] = relationship(
        secondary="agency_programmes", back_populates="agencies", order_by="Programme.position"
    )


class Programme(Base):
    __tablename__ = "programmes"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(60), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200), default="")
    support_area: Mapped[str] = mapped_column(ForeignKey("support_areas.code"))
    description: Mapped[str] = mapped_column(Text, default="")
    eligibility_note: Mapped[str] = mapped_column(Text, default="")
    what_to_bring: Mapped[list[str]] = mapped_column(JSON, default=list)
    deadline: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    position: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    admin_edited: Mapped[bool] = mapped_column(Boolean, default=False)
    agencies: Mapped[list[Agency]] = relationship(
        secondary="agency_programmes", back_populates="programmes", order_by="Agency.id"
    )


class Person(Base):
    __tablename__ = "persons"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    # 초성 of the name (홍길동 -> ㅎㄱㄷ), kept for initial-consonant search.
    name_initials: Mapped[str] = mapped_column(String(200), default="", index=True)
    birth_date: Mapped[date | None] = mapped_column(Date, index=True)
    gender: Mapped[str] = mapped_column(String(20), default="unknown")
    nationality: Mapped[str] = mapped_column(String(100), default="")
    language: Mapped[str] = mapped_column(String(100), default="")
    interpreter_needed: Mapped[bool] = mapped_column(Boolean, default=False)
    disability: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    phone2: Mapped[str] = mapped_column(String(40), default="")
    # Digits of both phones, space-separated, for "any 4+ digits" search.
    phone_digits: Mapped[str] = mapped_column(String(100), default="", index=True)
    email: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(String(400), default="")
    confidential_address: Mapped[bool] = mapped_column(Boolean, default=False)
    may_call: Mapped[bool] = mapped_column(Boolean, default=True)
    may_leave_message: Mapped[bool] = mapped_column(Boolean, default=False)
    may_send_mail: Mapped[bool] = mapped_column(Boolean, default=False)
    safe_hours: Mapped[str] = mapped_column(String(100), default="")
    safe_contact_note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class Case(Base):
    __tablename__ = "cases"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_number: Mapped[str] = mapped_column(String(20), unique=True)
    intake_channel: Mapped[str] = mapped_column(String(20))
    intake_date: Mapped[date] = mapped_column(Date, index=True)
    person_id: Mapped[int] = mapped_column(
        ForeignKey("persons.id", ondelete="RESTRICT"), index=True
    )
    incident_date: Mapped[date | None] = mapped_column(Date)
    harm_known_date: Mapped[date | None] = mapped_column(Date)
    incident_place: Mapped[str] = mapped_column(String(300), default="")
    reported_to_police: Mapped[bool | None] = mapped_column(Boolean)
    police_office: Mapped[str] = mapped_column(String(200), default="")
    prosecution_office: Mapped[str] = mapped_column(String(200), default="")
    police_case_number: Mapped[str] = mapped_column(String(100), default="")
    offender_relation: Mapped[str] = mapped_column(String(100), default="")
    offender_is_kin: Mapped[bool] = mapped_column(Boolean, default=False)
    risk_level: Mapped[str] = mapped_column(String(20), default="medium")
    status: Mapped[str] = mapped_column(String(30), index=True)
    summary: Mapped[str] = mapped_column(Text, default="")
    support_received: Mapped[str] = mapped_column(Text, default="")
    statistics_consent: Mapped[bool] = mapped_column(Boolean, default=True)
    counselor_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    outcome: Mapped[str] = mapped_column(Text, default="")
    closed_on: Mapped[date | None] = mapped_column(Date, index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)

    person: Mapped[Person] = relationship(lazy="joined")
    counselor: Mapped[User | None] = relationship(foreign_keys=[counselor_id])
    crime_links: Mapped[list[CaseCrimeType]] = relationship(
        cascade="all, delete-orphan", order_by="CaseCrimeType.crime_code"
    )
    related: Mapped[list[CasePerson]] = relationship(cascade="all, delete-orphan")
    status_changes: Mapped[list[StatusChangeRow]] = relationship(
        cascade="all, delete-orphan", order_by="StatusChangeRow.id"
    )


class CaseCrimeType(Base):
    __tablename__ = "case_crime_types"
    case_id: Mapped[int] = mapped_column(
        ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True
    )
    crime_code: Mapped[str] = mapped_column(ForeignKey("crime_types.code"), primary_key=True)


class CasePerson(Base):
    """A person related to the case: guardian, family member, bereaved."""

    __tablename__ = "case_persons"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="RESTRICT"))
    relationship_code: Mapped[str] = mapped_column("relationship", String(30))
    note: Mapped[str] = mapped_column(Text, default="")
    person: Mapped[Person] = relationship(lazy="joined")


class StatusChangeRow(Base):
    __tablename__ = "status_changes"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    from_status: Mapped[str | None] = mapped_column(String(30))
    to_status: Mapped[str] = mapped_column(String(30))
    changed_at: Mapped[datetime] = mapped_column(DateTime)
    changed_by: Mapped[str] = mapped_column(String(64), default="")
    note: Mapped[str] = mapped_column(Text, default="")


class Need(Base):
    __tablename__ = "needs"
    __table_args__ = (UniqueConstraint("case_id", "support_area", "programme_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    support_area: Mapped[str] = mapped_column(ForeignKey("support_areas.code"))
    programme_id: Mapped[int | None] = mapped_column(ForeignKey("programmes.id"))
    status: Mapped[str] = mapped_column(String(30), default="needed")
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    programme: Mapped[Programme | None] = relationship(lazy="joined")


class Consent(Base):
    """One consent to share data with one agency; a renewal after withdrawal is a new row."""

    __tablename__ = "consents"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"), index=True)
    share_identity: Mapped[bool] = mapped_column(Boolean, default=False)
    share_contact: Mapped[bool] = mapped_column(Boolean, default=False)
    share_case_facts: Mapped[bool] = mapped_column(Boolean, default=False)
    share_sensitive: Mapped[bool] = mapped_column(Boolean, default=False)
    purpose: Mapped[str] = mapped_column(Text, default="")
    retention: Mapped[str] = mapped_column(String(200), default="")
    given_on: Mapped[date] = mapped_column(Date)
    expires_on: Mapped[date | None] = mapped_column(Date)
    method: Mapped[str] = mapped_column(String(20))
    withdrawn_on: Mapped[date | None] = mapped_column(Date)
    recorded_by: Mapped[str] = mapped_column(String(64), default="")
    recorded_at: Mapped[datetime] = mapped_column(DateTime)
    agency: Mapped[Agency] = relationship(lazy="joined")


class ReferralProgramme(Base):
    __tablename__ = "referral_programmes"
    referral_id: Mapped[int] = mapped_column(
        ForeignKey("referrals.id", ondelete="CASCADE"), primary_key=True
    )
    programme_id: Mapped[int] = mapped_column(ForeignKey("programmes.id"), primary_key=True)


class Referral(Base):
    __tablename__ = "referrals"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_number: Mapped[str] = mapped_column(String(30), unique=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"), index=True)
    status: Mapped[str] = mapped_column(String(30), index=True)
    urgency: Mapped[str] = mapped_column(String(20), default="normal")
    reason: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime)
    acknowledged_at: Mapped[datetime | None] = mapped_column(DateTime)
    support_started_at: Mapped[datetime | None] = mapped_column(DateTime)
    completed_at: Mapped[datetime | None] = mapped_column(DateTime)
    rejected_at: Mapped[datetime | None] = mapped_column(DateTime)
    withdrawn_at: Mapped[datetime | None] = mapped_column(DateTime)
    follow_up_due: Mapped[date | None] = mapped_column(Date, index=True)
    reply_received_on: Mapped[date | None] = mapped_column(Date)
    reply_handler: Mapped[str] = mapped_column(String(100), default="")
    reply_result: Mapped[str] = mapped_column(Text, default="")
    reply_note: Mapped[str] = mapped_column(Text, default="")
    agency: Mapped[Agency] = relationship(lazy="joined")
    case: Mapped[Case] = relationship()
    programmes: Mapped[list[Programme]] = relationship(
        secondary="referral_programmes", order_by="Programme.position"
    )


class TimelineEvent(Base):
    __tablename__ = "timeline_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    kind: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(64), default="")


class PhoneInquiry(Base):
    __tablename__ = "phone_inquiries"
    id: Mapped[int] = mapped_column(primary_key=True)
    received_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    caller_type: Mapped[str] = mapped_column(String(20))
    topic: Mapped[str] = mapped_column(String(300))
    outcome: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    caller_name: Mapped[str] = mapped_column(String(200), default="")
    caller_phone: Mapped[str] = mapped_column(String(40), default="")
    crime_type: Mapped[str | None] = mapped_column(ForeignKey("crime_types.code"))
    counselor: Mapped[str] = mapped_column(String(64), default="")
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id", ondelete="SET NULL"))
    case: Mapped[Case | None] = relationship()


class AuditEvent(Base):
    """접속기록: one row per access; ``row_hash`` chains each row to the one before."""

    __tablename__ = "audit_events"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    user_id: Mapped[int | None] = mapped_column(Integer)
    username: Mapped[str] = mapped_column(String(64))
    pc_name: Mapped[str] = mapped_column(String(100), default="")
    case_number: Mapped[str] = mapped_column(String(20), default="", index=True)
    action: Mapped[str] = mapped_column(String(40), index=True)
    detail: Mapped[str] = mapped_column(Text, default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    prev_hash: Mapped[str] = mapped_column(String(64), default="")
    row_hash: Mapped[str] = mapped_column(String(64), default="")


class SearchGram(Base):
    """Two-character pieces of every name and of its 초성 (홍길동 -> 홍길, 길동, ㅎㄱ, ㄱㄷ).

    Trigram FTS cannot answer two-character queries, and a LIKE scan over 100,000 names
    takes ~20 ms; an indexed lookup here takes well under one.
    """

    __tablename__ = "search_grams"
    __table_args__ = ({"sqlite_with_rowid": False},)
    gram: Mapped[str] = mapped_column(String(2), primary_key=True)
    case_id: Mapped[int] = mapped_column(
        ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True, index=True
    )


Index("ix_referrals_open_follow_up", Referral.status, Referral.follow_up_due)


class DestructionRecord(Base):
    """파기 대장: one row per destroyed case, kept for audit (PIPA §21). No personal data:
    the case number, dates, the staff account and the legal basis. Append-only (triggers in
    migration 0002 refuse UPDATE and DELETE)."""

    __tablename__ = "destruction_register"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_number: Mapped[str] = mapped_column(String(20), index=True)
    closed_on: Mapped[date | None] = mapped_column(Date)
    destroyed_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    destroyed_by: Mapped[str] = mapped_column(String(64))
    legal_basis: Mapped[str] = mapped_column(String(200))
    retention_years: Mapped[int] = mapped_column(Integer)


# Covering indexes for the statistics dashboard (migration 0004): the counts read these
# instead of the wide, encrypted table pages.
Index(
    "ix_cases_statistics",
    Case.statistics_consent,
    Case.intake_date,
    Case.person_id,
    Case.intake_channel,
    Case.closed_on,
)
Index(
    "ix_cases_open_statistics",
    Case.closed_on,
    Case.statistics_consent,
    Case.intake_date,
    Case.person_id,
)
Index(
    "ix_cases_person_statistics",
    Case.person_id,
    Case.statistics_consent,
    Case.intake_date,
    Case.closed_on,
)
Index(
    "ix_persons_statistics",
    Person.id,
    Person.gender,
    Person.nationality,
    Person.disability,
    Person.birth_date,
)
Index(
    "ix_referrals_case_statistics",
    Referral.case_id,
    Referral.agency_id,
    Referral.status,
    Referral.sent_at,
)


class KeyringMeta(Base):
    """The server store's keyring, one row (``id`` 1): the recovery copy of the data key,
    the lockout policy and the access log's sealed head (migration 0006). Locking this row
    (``FOR UPDATE``) serialises every keyring change between PCs."""

    __tablename__ = "keyring_meta"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    recovery: Mapped[Any] = mapped_column(JSON)
    policy: Mapped[Any] = mapped_column(JSON)
    dropped_failures: Mapped[int] = mapped_column(Integer, default=0)
    audit_head: Mapped[Any] = mapped_column(JSON, nullable=True)


class KeyringAccount(Base):
    """One account's wrapped copy of the data key and its lockout counters."""

    __tablename__ = "keyring_accounts"
    username: Mapped[str] = mapped_column(String(64), primary_key=True)
    wrapped: Mapped[Any] = mapped_column(JSON)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)


class KeyringFailure(Base):
    """A failed login waiting for the next successful one to write it into the access log."""

    __tablename__ = "keyring_failures"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    username: Mapped[str] = mapped_column(String(64))
    pc_name: Mapped[str] = mapped_column(String(100))
    detail: Mapped[str] = mapped_column(String(200))
