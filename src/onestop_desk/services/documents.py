"""The referral packet: what leaves the center on paper, cut to what each consent covers.

Every field of a letter passes through ``valid_items`` for that agency at print time. Items
without consent become ``None`` in the document records, which the renderers leave out
entirely. The confidential-address flag keeps the address off every document, consent or not.
A sexual crime type is itself sensitive data (PIPA §23): without the sensitive-data consent
it is left out and the case's other crime types still print. The contact warning (연락 시
주의) goes wherever the phone number goes. Letters and sheet name the case's assigned
counselor, whoever prints them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from sqlalchemy.orm import Session

from onestop_desk import reports
from onestop_desk.db import models
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
from onestop_desk.domain.vocab import (
    OPEN_REFERRAL_STATES,
    AuditAction,
    ConsentItem,
    ConsentMethod,
    Relationship,
)
from onestop_desk.reports.take_home import DISCREET_FORBIDDEN
from onestop_desk.services.base import Service
from onestop_desk.services.center import center_details
from onestop_desk.services.referrals import effective_urgency

CONSENT_COPY = "개인정보 제3자 제공 동의서 사본"
VICTIM_CERTIFICATE = "범죄피해자 확인증(있는 경우)"
MEDICAL_CERTIFICATE = "진단서·소견서(해당 시)"
SEXUAL_BUCKET = "sexual"


class PacketPart(StrEnum):
    """What one print job holds. The sheet goes home with the person, the letters go to the
    agencies: printed apart, the sheet first, while the person is still at the desk."""

    SHEET = "sheet"
    LETTERS = "letters"
    ALL = "all"


_OUTPUT_WORD = {PacketPart.SHEET: "sheet", PacketPart.LETTERS: "letters", PacketPart.ALL: "packet"}


@dataclass(frozen=True)
class Packet:
    pdf: bytes
    # The referrals this job covers (the sheet lists their places, the letters carry them).
    document_numbers: tuple[str, ...]
    # Agencies with an open referral but no valid consent: no letter was made for them.
    skipped_without_consent: tuple[str, ...]
    part: PacketPart = PacketPart.ALL


@dataclass(frozen=True)
class _Documents:
    sheet: reports.TakeHomeSheet
    letters: tuple[reports.ReferralLetter, ...]
    form: reports.ConsentForm | None
    skipped: tuple[str, ...]

    @property
    def numbers(self) -> tuple[str, ...]:
        return tuple(letter.document_number for letter in self.letters)


def discreet_safe(text: str) -> bool:
    """No word on it that tells a reader at home about a crime or a victim."""
    squeezed = "".join(text.split()).casefold()
    return not any(word in squeezed for word in DISCREET_FORBIDDEN)


def _stop(
    order: int,
    agency: models.Agency,
    programmes: Sequence[models.Programme],
    center: reports.CenterInfo,
    discreet: bool,
    area_names: dict[str, str],
) -> reports.TakeHomeStop:
    """One place to visit, with its own address, room, phone and hours.

    A partner inside the center is at the center's address; ``location`` says where in it.
    On a discreet sheet every revealing word is replaced by neutral words (the counselor
    explains in person): the agency's neutral name, support areas instead of programme
    names, and only a phone the administrator marked as neutral; without one the sheet
    prints the center's neutral line.
    """
    purpose = ", ".join(p.name for p in programmes) or agency.description or "상담"
    bring = tuple(dict.fromkeys(i for p in programmes for i in p.what_to_bring))
    name = agency.name
    address = (center.address if agency.resident else agency.address).strip() or None
    location = agency.location.strip() or None
    phone = agency.phone.strip() or None
    hours = agency.hours.strip() or (center.hours if agency.resident else None)
    if discreet:
        areas = [area_names.get(code, "") for code in agency.support_areas]
        name = _discreet_name(agency, areas)
        address = address if address and discreet_safe(address) else None
        location = location if location and discreet_safe(location) else None
        phone = agency.discreet_phone.strip() or None
        if not discreet_safe(purpose):
            programme_areas = dict.fromkeys(area_names.get(p.support_area, "") for p in programmes)
            purpose = ", ".join(a for a in programme_areas if a and discreet_safe(a)) or "상담"
        bring = tuple(item for item in bring if discreet_safe(item))
    return reports.TakeHomeStop(
        order=order,
        agency_name=name,
        address=address,
        location=location,
        phone=phone,
        hours=hours,
        purpose=purpose,
        what_to_bring=bring,
    )


def _discreet_name(agency: models.Agency, area_names: Sequence[str]) -> str:
    """The administrator's neutral name, else the real one when it reveals nothing, else
    "<support area> 상담" ("상담 창구 3" tells the person nothing about where to go)."""
    if agency.discreet_name.strip() and discreet_safe(agency.discreet_name):
        return agency.discreet_name.strip()
    if discreet_safe(agency.name):
        return agency.name
    area = next((a for a in area_names if a and discreet_safe(a)), "")
    return f"{area} 상담" if area else "상담"


class DocumentService(Service):
    def build_packet(
        self,
        case_id: int,
        agency_codes: Sequence[str] | None = None,
        *,
        discreet: bool = False,
        include_consent_form: bool = False,
        part: PacketPart = PacketPart.ALL,
    ) -> Packet:
        """Take-home sheet + one letter per open referral (optionally only ``agency_codes``);
        ``part`` keeps only the sheet or only the letters (and the consent form).

        Asking for an agency by code that has no valid consent raises
        ``ConsentRequiredError``; when printing all referrals such agencies are skipped and
        named in ``Packet.skipped_without_consent``. Building is logged as a view of the case;
        what then leaves the screen is logged by ``record_output``.
        """
        docs = self._gather(case_id, agency_codes, discreet, include_consent_form, part)
        if part is PacketPart.SHEET:
            pdf = reports.render_take_home(docs.sheet)
        elif part is PacketPart.LETTERS:
            pdf = reports.render_letters(docs.letters, docs.form)
        else:
            pdf = reports.render_packet(docs.sheet, docs.letters, docs.form)
        return Packet(
            pdf=pdf, document_numbers=docs.numbers, skipped_without_consent=docs.skipped, part=part
        )

    def build_sheet(
        self, case_id: int, agency_codes: Sequence[str] | None = None, *, discreet: bool = False
    ) -> Packet:
        """The victim's take-home sheet alone."""
        return self.build_packet(case_id, agency_codes, discreet=discreet, part=PacketPart.SHEET)

    def build_letters(
        self,
        case_id: int,
        agency_codes: Sequence[str] | None = None,
        *,
        include_consent_form: bool = False,
    ) -> Packet:
        """The agencies' letters alone (with the consent form when asked)."""
        return self.build_packet(
            case_id,
            agency_codes,
            include_consent_form=include_consent_form,
            part=PacketPart.LETTERS,
        )

    def _gather(
        self,
        case_id: int,
        agency_codes: Sequence[str] | None,
        discreet: bool,
        include_consent_form: bool,
        part: PacketPart,
    ) -> _Documents:
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
            directory = DirectoryRepository(s)
            crime_rows = directory.crime_types()
            crime_names = {c.code: c.name for c in crime_rows}
            sexual_codes = frozenset(c.code for c in crime_rows if c.bucket == SEXUAL_BUCKET)
            needs = NeedRepository(s).for_case(case_id)
            area_names = {a.code: a.name for a in directory.support_areas()}
            with_form = include_consent_form and part is not PacketPart.SHEET
            letters: list[reports.ReferralLetter] = []
            stops: list[reports.TakeHomeStop] = []
            skipped: list[str] = []
            entries: list[reports.ConsentFormEntry] = []
            sheet_center = _discreet_center(center) if discreet else center
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
                        sexual_codes,
                        needs,
                        with_form,
                    )
                )
                stops.append(
                    _stop(
                        len(stops) + 1,
                        agency,
                        referral.programmes,
                        sheet_center,
                        discreet,
                        area_names,
                    )
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
                center=sheet_center,
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
            if with_form:
                form = reports.ConsentForm(
                    center=center,
                    person_name=case.person.name,
                    birth_date=case.person.birth_date,
                    entries=tuple(entries),
                    issued_on=today,
                    printed_by=self.actor.username,
                    printed_at=printed_at,
                )
            docs = _Documents(sheet, tuple(letters), form, tuple(skipped))
            self._log(
                s, AuditAction.VIEW, case.case_number, f"{part.value} {','.join(docs.numbers)}"
            )
        return docs

    def record_output(
        self,
        case_id: int,
        document_numbers: Sequence[str],
        *,
        printed: bool,
        destination: str,
        reason: str = "",
        part: PacketPart = PacketPart.ALL,
    ) -> None:
        """Log that a packet (or its sheet or letters alone) left the screen: printed (to
        which printer) or saved as a file (where, and why: PIPC notice §8 asks the reason
        for every download)."""
        if not printed and not reason.strip():
            raise ValidationError([FieldError("output.reason", "required")])
        with self._ctx.transaction() as s:
            case = self._load_case(s, case_id)
            action = AuditAction.PRINT if printed else AuditAction.DOWNLOAD
            self._log(
                s,
                action,
                case.case_number,
                f"{_OUTPUT_WORD[part]} {','.join(document_numbers)} -> {destination}",
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
            discreet_phone=details.discreet_phone or None,
        )

    def _counselor(self, s: Session, case_row: models.Case) -> tuple[str, str]:
        """Name and direct line of the person the agency and the victim should call: the
        case's assigned counselor, not whoever happens to print. Only a case with nobody
        (still) assigned names the person printing it, who is handling it right now."""
        user = case_row.counselor
        if (user is None or not user.active) and self.actor.user_id is not None:
            user = UserRepository(s).get(self.actor.user_id)
        if user is None:
            return self.actor.username, ""
        return user.display_name, user.phone.strip()

    def _letter(
        self,
        referral: ReferralRecord,
        agency: models.Agency,
        case: CaseDetail,
        items: frozenset[ConsentItem],
        consent: ConsentRecord,
        center: reports.CenterInfo,
        counselor_name: str,
        counselor_phone: str,
        crime_names: dict[str, str],
        sexual_codes: frozenset[str],
        needs: Sequence[models.Need],
        with_form: bool,
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
            birth_date=(person.birth_date or "") if identity else None,
            guardian=(guardian.person.name if guardian else "") if identity else None,
            language=(person.language or "") if identity else None,
            interpreter_needed=person.interpreter_needed if identity else None,
            disability=(person.disability or "") if sensitive else None,
            safe_contact=safe_words if contact else None,
            phone=person.phone if contact else None,
            address=person.address if contact and not person.confidential_address else None,
            contact_warning=safe.note.strip() if contact else None,
        )
        case_section = reports.CaseSection(
            crime_types=_crime_types(case.crime_types, crime_names, sexual_codes, sensitive)
            if facts
            else None,
            incident_date=(case.incident_date or "") if facts else None,
            reported_to_police=_known(case.reported_to_police) if facts else None,
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
            urgency=URGENCY[effective_urgency(referral.urgency, case.risk_level)],
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
            else None,
            attachments=_attachments(consent, with_form, facts, sensitive),
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


def _known(flag: bool | None) -> bool | str:
    """A consented yes/no that was never answered: ``""`` (a dash), not ``None`` (withheld)."""
    return "" if flag is None else flag


def _crime_types(
    codes: Sequence[str],
    names: dict[str, str],
    sexual_codes: frozenset[str],
    sensitive: bool,
) -> tuple[str, ...] | None:
    """The crime types this consent allows: a sexual crime is sensitive data (PIPA §23) and
    needs the sensitive-data consent; the others print without it. ``None`` when every one
    is withheld, so the letter leaves the row out instead of printing "-" (nothing known)."""
    shown = tuple(names.get(c, c) for c in codes if sensitive or c not in sexual_codes)
    if codes and not shown:
        return None
    return shown


def _attachments(
    consent: ConsentRecord, with_form: bool, facts: bool, sensitive: bool
) -> tuple[str, ...]:
    """Only what can really be in the envelope. The consent copy exists only for a written
    consent and travels only when the form is printed with the letters; the certificates
    are the person's to bring, and say as much about the case as the consent covers."""
    attachments: list[str] = []
    if with_form and consent.method is ConsentMethod.WRITTEN:
        attachments.append(CONSENT_COPY)
    if facts:
        attachments.append(VICTIM_CERTIFICATE)
    if sensitive:
        attachments.append(MEDICAL_CERTIFICATE)
    return tuple(attachments)


def _discreet_center(center: reports.CenterInfo) -> reports.CenterInfo:
    """The center as a discreet sheet may show it: no address that names it, and no neutral
    line that is really the main line typed again."""
    digits = "".join(ch for ch in center.phone if ch.isdigit())
    neutral = center.discreet_phone
    if neutral and digits and "".join(ch for ch in neutral if ch.isdigit()) == digits:
        neutral = None
    address = center.address if discreet_safe(center.address) else ""
    return replace(center, address=address, discreet_phone=neutral)
