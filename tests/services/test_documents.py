"""The packet end to end: records from a real store, consent applied, PDF text read back."""

import io
from datetime import date

import pytest
from pypdf import PdfReader

from helpers.world import consent
from onestop_desk.domain.errors import ConsentRequiredError, ValidationError
from onestop_desk.domain.records import NeedInput, PersonInput, RelatedPersonInput
from onestop_desk.domain.vocab import ConsentItem, Relationship


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture
def referred(world):
    """One case with two referrals: police may see identity+contact, legal aid everything."""
    case = world.new_case(
        name="가나다라",
        phone="010-4444-7777",
        crimes=("stalking",),
        summary="퇴근길에 반복적으로 따라옴",
        police_case_number="2026-형제-12345",
        support_received="경찰 112 신변보호 등록",
    )
    world.c1.needs.set_needs(
        case.id, [NeedInput("safety", "smartwatch"), NeedInput("legal", "legal_aid")]
    )
    world.c1.consents.record(case.id, consent("police", ConsentItem.IDENTITY, ConsentItem.CONTACT))
    world.c1.consents.record(case.id, consent("legal_aid", *ConsentItem))
    world.c1.referrals.create_from_needs(case.id)
    return case


def letter_pages(pdf: bytes, document_number: str) -> str:
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages]
    return "\n".join(p for p in pages if document_number in p)


def test_each_letter_holds_only_what_its_consent_covers(world, referred):
    packet = world.c1.documents.build_packet(referred.id)
    refs = {r.agency_code: r.document_number for r in world.c1.referrals.list(referred.id)}
    police = letter_pages(packet.pdf, refs["police"])
    legal = letter_pages(packet.pdf, refs["legal_aid"])
    assert "가나다라" in police and "010-4444-7777" in police
    for withheld in ("2026-형제-12345", "퇴근길에", "스토킹", "112 신변보호"):
        assert withheld not in police
    for shared in ("가나다라", "2026-형제-12345", "퇴근길에", "스토킹"):
        assert shared in legal
    assert packet.document_numbers == (refs["police"], refs["legal_aid"])


def test_confidential_address_never_prints(world):
    person = PersonInput(
        name="주소비밀", address="서울시 비밀구 숨김로 7", confidential_address=True
    )
    from onestop_desk.domain.records import CaseInput
    from onestop_desk.domain.vocab import IntakeChannel

    case = world.c1.cases.create_case(
        person, CaseInput(intake_channel=IntakeChannel.VISIT, intake_date=date(2026, 11, 25))
    )
    world.c1.consents.record(case.id, consent("police", *ConsentItem))
    world.c1.referrals.create(case.id, "police", ["smartwatch"])
    text = pdf_text(world.c1.documents.build_packet(case.id).pdf)
    assert "주소비밀" in text and "숨김로" not in text


def test_sexual_violence_crime_type_needs_sensitive_consent(world):
    case = world.new_case(name="민감보호", crimes=("sexual_violence",))
    world.c1.consents.record(
        case.id, consent("police", ConsentItem.IDENTITY, ConsentItem.CASE_FACTS)
    )
    world.c1.referrals.create(case.id, "police", ["personal_protection"])
    text = pdf_text(world.c1.documents.build_packet(case.id).pdf)
    assert "성폭력" not in text


def test_agency_without_consent_gets_no_letter(world, referred):
    police_consent = next(
        c
        for c in world.c1.consents.list(referred.id)
        if c.agency_code == "police" and c.withdrawn_on is None
    )
    world.c1.consents.withdraw(police_consent.id)
    with pytest.raises(ConsentRequiredError):
        world.c1.documents.build_packet(referred.id, ["police"])
    packet = world.c1.documents.build_packet(referred.id)
    assert packet.skipped_without_consent == ("police",)
    assert len(packet.document_numbers) == 1


def test_unknown_agency_and_no_referral_are_clear_errors(world):
    case = world.new_case()
    with pytest.raises(ValidationError):
        world.c1.documents.build_packet(case.id)
    with pytest.raises(ValidationError):
        world.c1.documents.build_packet(case.id, ["police"])


def test_discreet_sheet_and_consent_form(world, referred):
    packet = world.c1.documents.build_packet(referred.id, discreet=True, include_consent_form=True)
    reader = PdfReader(io.BytesIO(packet.pdf))
    first_page = reader.pages[0].extract_text()
    for word in ("범죄", "피해", "스토킹"):
        assert word not in first_page
    assert "동의" in reader.pages[-1].extract_text()


def test_print_is_logged_with_document_numbers(world, referred, store):
    from sqlalchemy import select

    from onestop_desk.db import models

    packet = world.c1.documents.build_packet(referred.id)
    world.c1.documents.record_output(
        referred.id, packet.document_numbers, printed=True, destination="PDF"
    )
    with pytest.raises(ValidationError):  # saving a file needs a reason
        world.c1.documents.record_output(
            referred.id, packet.document_numbers, printed=False, destination="/media/usb/p.pdf"
        )
    world.c1.documents.record_output(
        referred.id,
        packet.document_numbers,
        printed=False,
        destination="/media/usb/p.pdf",
        reason="이관",
    )
    with store.sessions.begin() as s:
        rows = s.scalars(
            select(models.AuditEvent)
            .where(models.AuditEvent.action.in_(["print", "download"]))
            .order_by(models.AuditEvent.seq)
        ).all()
    assert [(r.action, r.case_number, r.reason) for r in rows] == [
        ("print", referred.case_number, ""),
        ("download", referred.case_number, "이관"),
    ]
    assert all(number in rows[0].detail for number in packet.document_numbers)
    assert rows[0].detail.endswith("-> PDF")


def test_guardian_prints_with_identity_consent(world):
    guardian = RelatedPersonInput(PersonInput(name="보호자갑"), Relationship.GUARDIAN)
    case = world.new_case(name="아동을", birth=date(2015, 1, 1), related=(guardian,))
    world.c1.consents.record(case.id, consent("police", ConsentItem.IDENTITY))
    world.c1.referrals.create(case.id, "police", ["smartwatch"])
    assert "보호자갑" in pdf_text(world.c1.documents.build_packet(case.id).pdf)
