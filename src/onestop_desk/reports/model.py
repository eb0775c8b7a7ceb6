"""The records the documents are made from.

The documents layer knows nothing about the database: the services fill these records and
the renderers turn them into PDF bytes. In the person and case sections a field that is
``None`` was withheld (outside the consent for this recipient): the document prints neither
its value nor its label, only one line saying that unconsented items are left out. An empty
string means "consented, but nothing recorded" and prints as a dash.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

URGENCY_NORMAL = "보통"
URGENCY_URGENT = "긴급"
URGENCIES = (URGENCY_NORMAL, URGENCY_URGENT)

# What a consent form asks separate consent for (PIPA §23) unless the caller says otherwise.
DEFAULT_SENSITIVE_ITEMS = ("범죄 피해에 관한 사실", "건강(신체·정신)에 관한 정보")


@dataclass(frozen=True, slots=True)
class CenterInfo:
    """The center that issues the document."""

    name: str
    address: str
    phone: str
    fax: str | None = None
    hours: str | None = None
    # Printed instead of ``name`` on a discreet take-home sheet, because the real name of a
    # victim-support center says what happened to the person carrying the sheet.
    discreet_name: str = "상담센터"
    # A line that does not say what the center is for (the main line of a victim center
    # does, to anyone who looks it up); the only center number a discreet sheet prints.
    discreet_phone: str | None = None


@dataclass(frozen=True, slots=True)
class AgencyInfo:
    """A partner agency as the directory knows it; ``None`` means "not on file"."""

    code: str
    name: str
    department: str | None = None
    contact: str | None = None
    phone: str | None = None
    fax: str | None = None
    email: str | None = None
    address: str | None = None
    hours: str | None = None


@dataclass(frozen=True, slots=True)
class PersonSection:
    """The person being helped; ``None`` = withheld from this recipient.

    A consented fact that is not known is ``""``, never ``None``: it prints a dash, and the
    letter does not claim that something was left out.
    """

    name: str | None = None
    gender: str | None = None
    birth_date: date | str | None = None
    safe_contact: str | None = None
    guardian: str | None = None
    language: str | None = None
    interpreter_needed: bool | None = None
    disability: str | None = None
    phone: str | None = None
    address: str | None = None
    # 연락 시 주의 ("가해자가 휴대폰을 볼 수 있음. 문자 금지"): travels with the phone number,
    # so it is withheld exactly when the phone is. Empty = no warning recorded.
    contact_warning: str | None = None


@dataclass(frozen=True, slots=True)
class CaseSection:
    """Minimum facts of the case; ``None`` = withheld from this recipient, ``""`` = consented
    but not known (a dash; "reported?" answered 모름 is not a withheld field).

    ``incident_date`` may be text because victims often know only "2024년 3월경".
    ``sensitive_facts`` is the short account of what happened (민감정보, PIPA §23).
    """

    crime_types: tuple[str, ...] | None = None
    incident_date: date | str | None = None
    reported_to_police: bool | str | None = None
    police_office: str | None = None
    prosecution_office: str | None = None
    case_reference: str | None = None
    offender_relation: str | None = None
    sensitive_facts: str | None = None


@dataclass(frozen=True, slots=True)
class ConsentSection:
    """The consent that allows this letter to go to this agency (PIPA §17)."""

    given_on: date
    method: str
    items: tuple[str, ...]
    purpose: str
    expires_on: date | None = None


@dataclass(frozen=True, slots=True)
class ReferralLetter:
    """연계 의뢰서: one letter to one agency, holding only what that agency's consent covers.

    ``counselor_name`` is the case's assigned counselor, the person the agency should call
    back, not whoever printed the letter (``printed_by``). ``counselor_phone`` is their
    direct line; empty when they have none, and the center's main number is printed instead.
    ``support_received`` is ``None`` when the consent does not cover it: the letter then says
    it was left out rather than "없음".
    """

    document_number: str
    issued_on: date
    urgency: str
    agency: AgencyInfo
    center: CenterInfo
    counselor_name: str
    counselor_phone: str
    person: PersonSection
    case: CaseSection
    reason: str
    needs: tuple[str, ...]
    requested_services: tuple[str, ...]
    support_received: tuple[str, ...] | None
    attachments: tuple[str, ...]
    consent: ConsentSection
    printed_by: str
    printed_at: datetime

    def __post_init__(self) -> None:
        if self.urgency not in URGENCIES:
            raise ValueError(f"urgency must be one of {URGENCIES}, not {self.urgency!r}")


@dataclass(frozen=True, slots=True)
class TakeHomeStop:
    """One place the person should visit; ``purpose`` is plain words, not agency jargon.

    ``address`` is the street address (the center's own for a partner inside the center),
    ``location`` the floor, room or desk to ask for there. With no ``phone`` the sheet
    prints the center's number as the one to ask.
    """

    order: int
    agency_name: str
    address: str | None
    phone: str | None
    hours: str | None
    purpose: str
    what_to_bring: tuple[str, ...] = ()
    location: str | None = None


@dataclass(frozen=True, slots=True)
class TakeHomeSheet:
    """The plain-language sheet the person takes home.

    ``counselor_name``/``counselor_phone`` as on the letter: the assigned counselor and
    their direct line (empty: the center's number is printed). ``discreet`` sheets may be
    seen by others at home: they carry a neutral title and must not contain any word that
    reveals a crime or a victim (the renderer refuses if they do), nor the center's main
    number.
    """

    center: CenterInfo
    recipient_name: str | None
    discreet: bool
    stops: tuple[TakeHomeStop, ...]
    counselor_name: str
    counselor_phone: str
    issued_on: date
    printed_by: str
    printed_at: datetime


@dataclass(frozen=True, slots=True)
class ConsentFormEntry:
    """One recipient on a consent form: everything PIPA §17 says the person must be told."""

    agency_name: str
    purpose: str
    items: tuple[str, ...]
    retention: str


@dataclass(frozen=True, slots=True)
class ConsentForm:
    """개인정보 제3자 제공 동의서, to be signed by the person (or their guardian)."""

    center: CenterInfo
    person_name: str
    birth_date: date | None
    entries: tuple[ConsentFormEntry, ...]
    issued_on: date
    printed_by: str
    printed_at: datetime
    # Asked for separately (PIPA §23); an empty tuple leaves the sensitive-data block out.
    sensitive_items: tuple[str, ...] = DEFAULT_SENSITIVE_ITEMS

    def __post_init__(self) -> None:
        if not self.entries:
            raise ValueError("a consent form needs at least one recipient")


@dataclass(frozen=True, slots=True)
class SummaryNeed:
    area: str
    programme: str
    status: str
    note: str | None = None


@dataclass(frozen=True, slots=True)
class SummaryConsent:
    agency_name: str
    items: tuple[str, ...]
    given_on: date
    withdrawn_on: date | None = None


@dataclass(frozen=True, slots=True)
class SummaryReferral:
    document_number: str
    agency_name: str
    status: str
    sent_on: date | None = None
    replied_on: date | None = None
    reply: str | None = None


@dataclass(frozen=True, slots=True)
class SummaryEvent:
    at: datetime
    kind: str
    text: str


@dataclass(frozen=True, slots=True)
class CaseSummary:
    """Everything about one case on paper, for the encrypted export."""

    case_number: str
    center: CenterInfo
    counselor_name: str
    status: str
    opened_on: date
    person: PersonSection
    case: CaseSection
    needs: tuple[SummaryNeed, ...]
    consents: tuple[SummaryConsent, ...]
    referrals: tuple[SummaryReferral, ...]
    timeline: tuple[SummaryEvent, ...]
    printed_by: str
    printed_at: datetime
