"""ORM rows -> domain records. The only place that knows both shapes."""

from __future__ import annotations

from onestop_desk.db import models
from onestop_desk.db.timeutil import utc_to_local
from onestop_desk.domain.records import (
    AgencyRecord,
    CaseDetail,
    ConsentRecord,
    DeadlineRule,
    InquiryRecord,
    NeedRecord,
    PersonInput,
    PersonRecord,
    ProgrammeRecord,
    ReferralRecord,
    ReferralReply,
    RelatedPersonRecord,
    SafeContact,
    StatusChange,
    TimelineEntry,
    UserRecord,
)
from onestop_desk.domain.text import initials
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


def person_record(p: models.Person) -> PersonRecord:
    return PersonRecord(
        id=p.id,
        name=p.name,
        birth_date=p.birth_date,
        gender=Gender(p.gender),
        nationality=p.nationality,
        language=p.language,
        interpreter_needed=p.interpreter_needed,
        disability=p.disability,
        phone=p.phone,
        phone2=p.phone2,
        email=p.email,
        address=p.address,
        confidential_address=p.confidential_address,
        safe_contact=SafeContact(
            may_call=p.may_call,
            may_leave_message=p.may_leave_message,
            may_send_mail=p.may_send_mail,
            safe_hours=p.safe_hours,
            note=p.safe_contact_note,
        ),
    )


def apply_person(p: models.Person, data: PersonInput) -> None:
    from onestop_desk.domain.text import digits

    p.name = data.name
    p.name_initials = initials(data.name)
    p.birth_date = data.birth_date
    p.gender = data.gender.value
    p.nationality = data.nationality
    p.language = data.language
    p.interpreter_needed = data.interpreter_needed
    p.disability = data.disability
    p.phone = data.phone
    p.phone2 = data.phone2
    p.phone_digits = " ".join(d for d in (digits(data.phone), digits(data.phone2)) if d)
    p.email = data.email
    p.address = data.address
    p.confidential_address = data.confidential_address
    p.may_call = data.safe_contact.may_call
    p.may_leave_message = data.safe_contact.may_leave_message
    p.may_send_mail = data.safe_contact.may_send_mail
    p.safe_hours = data.safe_contact.safe_hours
    p.safe_contact_note = data.safe_contact.note


def case_detail(c: models.Case) -> CaseDetail:
    return CaseDetail(
        id=c.id,
        case_number=c.case_number,
        person=person_record(c.person),
        intake_channel=IntakeChannel(c.intake_channel),
        intake_date=c.intake_date,
        crime_types=tuple(link.crime_code for link in c.crime_links),
        incident_date=c.incident_date,
        harm_known_date=c.harm_known_date,
        incident_place=c.incident_place,
        reported_to_police=c.reported_to_police,
        police_office=c.police_office,
        prosecution_office=c.prosecution_office,
        police_case_number=c.police_case_number,
        offender_relation=c.offender_relation,
        offender_is_kin=c.offender_is_kin,
        risk_level=RiskLevel(c.risk_level),
        status=CaseStatus(c.status),
        summary=c.summary,
        support_received=c.support_received,
        statistics_consent=c.statistics_consent,
        counselor_id=c.counselor_id,
        counselor_name=c.counselor.display_name if c.counselor else "",
        version=c.version,
        outcome=c.outcome,
        closed_on=c.closed_on,
        related=tuple(
            RelatedPersonRecord(
                id=r.id,
                person=person_record(r.person),
                relationship=Relationship(r.relationship_code),
                note=r.note,
            )
            for r in c.related
        ),
        status_history=tuple(
            StatusChange(
                from_status=CaseStatus(s.from_status) if s.from_status else None,
                to_status=CaseStatus(s.to_status),
                changed_at=utc_to_local(s.changed_at),
                changed_by=s.changed_by,
                note=s.note,
            )
            for s in c.status_changes
        ),
    )


def programme_record(p: models.Programme) -> ProgrammeRecord:
    deadline = None
    if p.deadline:
        deadline = DeadlineRule(
            years_from_knowledge=int(p.deadline["years_from_knowledge"]),
            years_from_crime=int(p.deadline["years_from_crime"]),
            basis=str(p.deadline.get("basis", "")),
        )
    return ProgrammeRecord(
        id=p.id,
        code=p.code,
        name=p.name,
        name_en=p.name_en,
        support_area=p.support_area,
        description=p.description,
        eligibility_note=p.eligibility_note,
        what_to_bring=tuple(p.what_to_bring or ()),
        deadline=deadline,
        agency_codes=tuple(a.code for a in p.agencies),
        active=p.active,
    )


def agency_record(a: models.Agency) -> AgencyRecord:
    return AgencyRecord(
        id=a.id,
        code=a.code,
        name=a.name,
        name_en=a.name_en,
        department=a.department,
        phone=a.phone,
        fax=a.fax,
        email=a.email,
        address=a.address,
        hours=a.hours,
        location=a.location,
        discreet_name=a.discreet_name,
        discreet_phone=a.discreet_phone,
        description=a.description,
        support_areas=tuple(a.support_areas or ()),
        resident=a.resident,
        verified_on=a.verified_on,
        active=a.active,
        programme_codes=tuple(p.code for p in a.programmes),
    )


def need_record(n: models.Need) -> NeedRecord:
    return NeedRecord(
        id=n.id,
        case_id=n.case_id,
        support_area=n.support_area,
        programme_code=n.programme.code if n.programme else None,
        status=NeedStatus(n.status),
        note=n.note,
    )


def consent_items(c: models.Consent) -> frozenset[ConsentItem]:
    flags = {
        ConsentItem.IDENTITY: c.share_identity,
        ConsentItem.CONTACT: c.share_contact,
        ConsentItem.CASE_FACTS: c.share_case_facts,
        ConsentItem.SENSITIVE: c.share_sensitive,
    }
    return frozenset(item for item, on in flags.items() if on)


def consent_record(c: models.Consent) -> ConsentRecord:
    return ConsentRecord(
        id=c.id,
        case_id=c.case_id,
        agency_code=c.agency.code,
        agency_name=c.agency.name,
        items=consent_items(c),
        purpose=c.purpose,
        retention=c.retention,
        given_on=c.given_on,
        expires_on=c.expires_on,
        method=ConsentMethod(c.method),
        withdrawn_on=c.withdrawn_on,
        recorded_by=c.recorded_by,
    )


def _local(dt):  # type: ignore[no-untyped-def]
    return utc_to_local(dt) if dt is not None else None


def referral_record(r: models.Referral) -> ReferralRecord:
    reply = None
    if r.reply_received_on is not None:
        reply = ReferralReply(
            received_on=r.reply_received_on,
            handler=r.reply_handler,
            result=r.reply_result,
            note=r.reply_note,
        )
    return ReferralRecord(
        id=r.id,
        case_id=r.case_id,
        case_number=r.case.case_number,
        document_number=r.document_number,
        agency_code=r.agency.code,
        agency_name=r.agency.name,
        status=ReferralStatus(r.status),
        urgency=Urgency(r.urgency),
        reason=r.reason,
        programme_codes=tuple(p.code for p in r.programmes),
        created_at=utc_to_local(r.created_at),
        sent_at=_local(r.sent_at),
        acknowledged_at=_local(r.acknowledged_at),
        support_started_at=_local(r.support_started_at),
        completed_at=_local(r.completed_at),
        rejected_at=_local(r.rejected_at),
        withdrawn_at=_local(r.withdrawn_at),
        follow_up_due=r.follow_up_due,
        reply=reply,
    )


def timeline_entry(t: models.TimelineEvent) -> TimelineEntry:
    return TimelineEntry(
        id=t.id, at=utc_to_local(t.at), kind=TimelineKind(t.kind), text=t.text, author=t.author
    )


def inquiry_record(q: models.PhoneInquiry) -> InquiryRecord:
    return InquiryRecord(
        id=q.id,
        received_at=utc_to_local(q.received_at),
        caller_type=CallerType(q.caller_type),
        topic=q.topic,
        outcome=q.outcome,
        note=q.note,
        caller_name=q.caller_name,
        caller_phone=q.caller_phone,
        crime_type=q.crime_type,
        counselor=q.counselor,
        case_id=q.case_id,
        case_number=q.case.case_number if q.case else None,
    )


def user_record(u: models.User) -> UserRecord:
    return UserRecord(
        id=u.id,
        username=u.username,
        display_name=u.display_name,
        role=Role(u.role),
        phone=u.phone,
        active=u.active,
    )
