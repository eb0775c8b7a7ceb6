"""The referral packet: what leaves the center on paper, cut to what each consent covers.

Every field of a letter passes through ``valid_items`` for that agency at print time. Items
without consent become ``None`` in the document records, which the renderers leave out
entirely. The confidential-address flag keeps the address off every document, consent or not.
Where a case involves sexual violence, even the crime type is sensitive data (PIPA §23), so
crime types then need the sensitive-data consent too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from onestop_desk import reports
from onestop_desk.db import models as m
from onestop_desk.db.convert import case_detail, consent_record, referral_record
from onestop_desk.db.repositories import (
    ConsentRepository,
    DirectoryRepository,
    NeedRepository,
    ReferralRepository,
    UserRepository,
)
from onestop_desk.domain.errors import ConsentRequiredError, FieldError, ValidationError
from onestop_desk.domain.labels import CONSENT_ITEM, CONSENT_METHOD, GENDER, URGENCY
from onestop_desk.domain.records import CaseDetail, ConsentRecord, ReferralRecord
from onestop_desk.domain.security.passwords import check_password_policy
from onestop_desk.domain.vocab import OPEN_REFERRAL_STATES, AuditAction, ConsentItem, Relationship
from onestop_desk.reports.take_home import DISCREET_FORBIDDEN
from onestop_desk.services.base import Service
from onestop_desk.services.center import center_details

ATTACHMENTS = (
    "개인정보 제3자 제공 동의서 사본",
    "범죄피해자 확인증(있는 경우)",
    "진단서·소견서(해당 시)",
)
SEXUAL_BUCKET = "sexual"


@dataclass(frozen=True)
class Packet:
    pdf: bytes
    document_numbers: tuple[str, ...]
    # Agencies with an open referral but no valid consent: no letter was made for them.
    skipped_without_consent: tuple[str, ...]


def discreet_safe(text: str) -> bool:
    """No word on it that tells a reader at home about a crime or a victim."""
    squeezed = "".join(text.split()).casefold()
    return not any(word in squeezed for word in DISCREET_FORBIDDEN)


def _stop(
    order: int,
    agency: m.Agency,
    programmes: Sequence[m.Programme],
    center: reports.CenterInfo,
    discreet: bool,
    area_names: dict[str, str],
) -> reports.TakeHomeStop:
    """One place to visit. On a discreet sheet every revealing name is replaced by neutral
    words (the counselor explains in person): "상담 창구 2", the center's own address for
    partners inside the center, support areas instead of programme names."""
    purpose = ", ".join(p.name for p in programmes) or agency.description or "상담"
    bring = tuple(dict.fromkeys(i for p in programmes for i in p.what_to_bring))
    name, address = agency.name, agency.address or None
    if discreet:
        if not discreet_safe(name):
            name = f"상담 창구 {order}"
        if address and not discreet_safe(address):
            address = agency.address if not agency.resident else center.address
            address = address if address and discreet_safe(address) else None
        if not discreet_safe(purpose):
            areas = dict.fromkeys(area_names.get(p.support_area, "") for p in programmes)
            purpose = ", ".join(a for a in areas if a and discreet_safe(a)) or "상담"
        bring = tuple(item for item in bring if discreet_safe(item))
    return reports.TakeHomeStop(
        order=order,
        agency_name=name,
        address=address,
        phone=agency.phone or None,
        hours=agency.hours or None,
        purpose=purpose,
        what_to_bring=bring,
    )


class DocumentService(Service):
    def build_packet(
        self,
        case_id: int,
        agency_codes: Sequence[str] | None = None,
        *,
        discreet: bool = False,
        include_consent_form: bool = False,
    ) -> Packet:
        """Take-home sheet + one letter per open referral (optionally only ``agency_codes``).

        Asking for an agency by code that has no valid consent raises
        ``ConsentRequiredError``; when printing all referrals such agencies are skipped and
        named in ``Packet.skipped_without_consent``. Building is logged as a view of the case;
        what then leaves the screen is logged by ``record_output``.
        """
        clock = self._ctx.clock
        today = clock.today()
        with self._ctx.transaction() as s:
            case_row = self._load_case(s, case_id)
            case = case_detail(case_row)
            referrals = [
                r
                for r in ReferralRepository(s).for_case(case_id)
                if r.status in {st.value for st in OPEN_REFERRAL_STATES}
            ]
            if agency_codes is not None:
                wanted = set(agency_codes)
                unknown = wanted - {r.agency.code for r in referrals}
                if unknown:
                    raise ValidationError(
                        [
                            FieldError(
                                "packet.agencies", "no_open_referral", {"codes": sorted(unknown)}
                            )
                        ]
                    )
                referrals = [r for r in referrals if r.agency.code in wanted]
            if not referrals:
                raise ValidationError([FieldError("packet.agencies", "no_open_referral")])
            center = self._center(s)
            counselor_name, counselor_phone = self._counselor(s, case_row)
            buckets = {
                c.bucket for c in DirectoryRepository(s).crime_types() if c.code in case.crime_types
            }
            crime_names = {c.code: c.name for c in DirectoryRepository(s).crime_types()}
            needs = NeedRepository(s).for_case(case_id)
            area_names = {a.code: a.name for a in DirectoryRepository(s).support_areas()}
            letters: list[reports.ReferralLetter] = []
            stops: list[reports.TakeHomeStop] = []
            skipped: list[str] = []
            entries: list[reports.ConsentFormEntry] = []
            for referral in referrals:
                consents = [
                    consent_record(c)
                    for c in ConsentRepository(s).valid(case_id, referral.agency_id, today)
                ]
                if not consents:
                    if agency_codes is not None:
                        raise ConsentRequiredError("no valid consent", agency=referral.agency.code)
                    skipped.append(referral.agency.code)
                    continue
                items = frozenset().union(*(c.items for c in consents))
                record = referral_record(referral)
                agency = referral.agency
                letters.append(
                    self._letter(
                        record,
                        agency,
                        case,
                        items,
                        consents[-1],
                        center,
                        counselor_name,
                        counselor_phone,
                        crime_names,
                        SEXUAL_BUCKET in buckets,
                        needs,
                    )
                )
                stops.append(
                    _stop(len(stops) + 1, agency, referral.programmes, center, discreet, area_names)
                )
                entries.append(
                    reports.ConsentFormEntry(
                        agency_name=agency.name,
                        purpose=consents[-1].purpose,
                        items=tuple(CONSENT_ITEM[i] for i in sorted(items)),
                        retention=consents[-1].retention or "지원 종료 시까지",
                    )
                )
            if not letters:
                raise ConsentRequiredError(
                    "no referral has valid consent", agency=",".join(skipped)
                )
            printed_at = clock.now()
            sheet = reports.TakeHomeSheet(
                center=center,
                recipient_name=case.person.name,
                discreet=discreet,
                stops=tuple(stops),
                counselor_name=counselor_name,
                counselor_phone=counselor_phone,
                issued_on=today,
                printed_by=self.actor.username,
                printed_at=printed_at,
            )
            form = None
            if include_consent_form:
                form = reports.ConsentForm(
                    center=center,
                    person_name=case.person.name,
                    birth_date=case.person.birth_date,
                    entries=tuple(entries),
                    issued_on=today,
                    printed_by=self.actor.username,
                    printed_at=printed_at,
                )
            numbers = tuple(letter.document_number for letter in letters)
            self._log(s, AuditAction.VIEW, case.case_number, f"packet {','.join(numbers)}")
        pdf = reports.render_packet(sheet, letters, form)
        return Packet(pdf=pdf, document_numbers=numbers, skipped_without_consent=tuple(skipped))

    def record_output(
        self,
        case_id: int,
        document_numbers: Sequence[str],
        *,
        printed: bool,
        destination: str,
        reason: str = "",
    ) -> None:
        """Log that a packet left the screen: printed (to which printer) or saved as a file
        (where, and why: PIPC notice §8 asks the reason for every download)."""
        if not printed and not reason.strip():
            raise ValidationError([FieldError("output.reason", "required")])
        with self._ctx.transaction() as s:
            case = self._load_case(s, case_id)
            action = AuditAction.PRINT if printed else AuditAction.DOWNLOAD
            self._log(
                s,
                action,
                case.case_number,
                f"packet {','.join(document_numbers)} -> {destination}",
                reason=reason.strip(),
            )

    @staticmethod
    def encrypt_for_file(pdf: bytes, password: str) -> bytes:
        """A packet leaving the PC as a file is AES-256 encrypted (PIPC notice §7), with a
        password that meets the login rule."""
        problems = check_password_policy(password)
        if problems:
            raise ValidationError([FieldError("output.password", str(code)) for code in problems])
        return reports.encrypt_pdf(pdf, password)

    @staticmethod
    def _center(s: Session) -> reports.CenterInfo:
        details = center_details(s)
        return reports.CenterInfo(
            name=details.name,
            address=details.address,
            phone=details.phone,
            fax=details.fax or None,
            hours=details.hours or None,
        )

    def _counselor(self, s: Session, case_row: m.Case) -> tuple[str, str]:
        user = None
        if self.actor.user_id is not None:
            user = UserRepository(s).get(self.actor.user_id)
        user = user or case_row.counselor
        if user is None:
            return self.actor.username, ""
        return user.display_name, user.phone

    def _letter(
        self,
        referral: ReferralRecord,
        agency: m.Agency,
        case: CaseDetail,
        items: frozenset[ConsentItem],
        consent: ConsentRecord,
        center: reports.CenterInfo,
        counselor_name: str,
        counselor_phone: str,
        crime_names: dict[str, str],
        sexual: bool,
        needs: Sequence[m.Need],
    ) -> reports.ReferralLetter:
        has = items.__contains__
        person = case.person
        guardian = next((r for r in case.related if r.relationship is Relationship.GUARDIAN), None)
        safe = person.safe_contact
        safe_words = (
            ", ".join(
                w
                for w, on in (
                    ("전화 가능", safe.may_call),
                    ("메시지 남김 가능", safe.may_leave_message),
                    ("우편 가능", safe.may_send_mail),
                )
                if on
            )
            or "연락 전 센터 확인"
        )
        if safe.safe_hours:
            safe_words += f" ({safe.safe_hours})"
        identity = has(ConsentItem.IDENTITY)
        contact = has(ConsentItem.CONTACT)
        facts = has(ConsentItem.CASE_FACTS)
        sensitive = has(ConsentItem.SENSITIVE)
        person_section = reports.PersonSection(
            name=person.name if identity else None,
            gender=GENDER[person.gender] if identity else None,
            birth_date=person.birth_date if identity else None,
            guardian=(guardian.person.name if guardian else "") if identity else None,
            language=(person.language or "") if identity else None,
            interpreter_needed=person.interpreter_needed if identity else None,
            disability=(person.disability or "") if sensitive else None,
            safe_contact=safe_words if contact else None,
            phone=person.phone if contact else None,
            address=person.address if contact and not person.confidential_address else None,
        )
        crime_ok = facts and (sensitive or not sexual)
        case_section = reports.CaseSection(
            crime_types=tuple(crime_names.get(c, c) for c in case.crime_types)
            if crime_ok
            else None,
            incident_date=case.incident_date if facts else None,
            reported_to_police=case.reported_to_police if facts else None,
            police_office=case.police_office if facts else None,
            prosecution_office=case.prosecution_office if facts else None,
            case_reference=case.police_case_number if facts else None,
            offender_relation=case.offender_relation if facts else None,
            sensitive_facts=case.summary if sensitive else None,
        )
        agency_programmes = {p.code for p in agency.programmes}
        relevant_needs = tuple(
            dict.fromkeys(
                n.programme.name
                for n in needs
                if n.programme is not None and n.programme.code in agency_programmes
            )
        )
        return reports.ReferralLetter(
            document_number=referral.document_number,
            issued_on=self._ctx.clock.today(),
            urgency=URGENCY[referral.urgency],
            agency=reports.AgencyInfo(
                code=agency.code,
                name=agency.name,
                department=agency.department or None,
                phone=agency.phone or None,
                fax=agency.fax or None,
                email=agency.email or None,
                address=agency.address or None,
                hours=agency.hours or None,
            ),
            center=center,
            counselor_name=counselor_name,
            counselor_phone=counselor_phone,
            person=person_section,
            case=case_section,
            reason=referral.reason or "피해 회복을 위한 지원 연계를 의뢰합니다.",
            needs=relevant_needs,
            requested_services=tuple(
                p.name for p in agency.programmes if p.code in referral.programme_codes
            ),
            support_received=tuple(
                line.strip() for line in case.support_received.splitlines() if line.strip()
            )
            if facts
            else (),
            attachments=ATTACHMENTS,
            consent=reports.ConsentSection(
                given_on=consent.given_on,
                method=CONSENT_METHOD[consent.method],
                items=tuple(CONSENT_ITEM[i] for i in sorted(items)),
                purpose=consent.purpose,
                expires_on=consent.expires_on,
            ),
            printed_by=self.actor.username,
            printed_at=self._ctx.clock.now(),
        )
