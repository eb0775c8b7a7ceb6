"""A walk-in's documents, read back from the PDFs: what each letter and sheet must say.

One high-risk stalking case with a sexual crime, three agencies with three different
consents, an assigned counselor who is not the person printing, and a center whose
address and numbers came from 센터 정보.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import update

from helpers.pdf_probe import page_texts, squeezed
from helpers.world import NOW, consent
from onestop_desk.db import models
from onestop_desk.domain.errors import ValidationError
from onestop_desk.domain.records import CaseInput, PersonInput, SafeContact
from onestop_desk.domain.vocab import (
    ConsentItem,
    ConsentMethod,
    IntakeChannel,
    RiskLevel,
    Urgency,
)
from onestop_desk.services.center import CenterDetails
from onestop_desk.services.documents import PacketPart

WARNING = "가해자가 휴대폰을 볼 수 있음. 문자 금지"
CENTER_ADDRESS = "서울특별시 동작구 여의대방로54길 18 서울여성플라자 3층"
MAIN_LINE = "1577-1701"
NEUTRAL_LINE = "02-6929-0100"
COUNSELOR_LINE = "02-6929-0111"


def _set_up_center(world) -> None:
    world.admin.center.save(
        CenterDetails(
            name="범죄피해자 원스톱 솔루션센터",
            address=CENTER_ADDRESS,
            phone=MAIN_LINE,
            discreet_phone=NEUTRAL_LINE,
        )
    )
    for code, location in (("police", "3층 301호"), ("stalking_center", "3층 310호 상담실")):
        record = world.admin.directory.agency(code)
        world.admin.directory.save_agency(replace(record, location=location))


def _set_phone(world, username: str, phone: str) -> None:
    with world.store.sessions.begin() as s:
        s.execute(update(models.User).where(models.User.username == username).values(phone=phone))


@pytest.fixture
def walk_in(world):
    _set_up_center(world)
    _set_phone(world, "c1", COUNSELOR_LINE)
    person = PersonInput(
        name="한겨울",
        birth_date=date(1995, 4, 2),
        phone="010-3333-9999",
        safe_contact=SafeContact(may_call=True, note=WARNING),
    )
    case = world.c1.cases.create_case(
        person,
        CaseInput(
            intake_channel=IntakeChannel.VISIT,
            intake_date=NOW.date(),
            crime_types=("stalking", "sexual_violence"),
            incident_date=date(2026, 11, 1),
            risk_level=RiskLevel.HIGH,
            summary="퇴근길에 반복적으로 따라옴",
            support_received="경찰 112 신변보호 등록",
        ),
    )
    oral = replace(
        consent("police", ConsentItem.IDENTITY, ConsentItem.CONTACT), method=ConsentMethod.ORAL
    )
    world.c1.consents.record(case.id, oral)
    world.c1.consents.record(
        case.id,
        consent(
            "stalking_center", ConsentItem.IDENTITY, ConsentItem.CONTACT, ConsentItem.CASE_FACTS
        ),
    )
    world.c1.consents.record(case.id, consent("legal_aid", ConsentItem.IDENTITY))
    for code, programme in (
        ("police", "smartwatch"),
        ("stalking_center", None),
        ("legal_aid", "legal_aid"),
    ):
        world.c1.referrals.create(case.id, code, [programme] if programme else [])
    return case


def _letters(pdf: bytes, world, case_id: int) -> dict[str, str]:
    """Each agency's letter (with its reply slip), as squeezed text."""
    numbers = {r.agency_code: r.document_number for r in world.c1.referrals.list(case_id)}
    pages = page_texts(pdf)
    return {
        code: squeezed("\n".join(p for p in pages if number in p))
        for code, number in numbers.items()
    }


def _section(text: str, start: str, end: str) -> str:
    return text[text.index(squeezed(start)) : text.index(squeezed(end))]


def test_each_letter_carries_what_its_consent_allows_and_nothing_false(world, walk_in):
    # The team lead prints; the case is 이상담's.
    packet = world.lead.documents.build_letters(walk_in.id)
    letters = _letters(packet.pdf, world, walk_in.id)
    police, stalking, legal = letters["police"], letters["stalking_center"], letters["legal_aid"]

    for letter in (police, stalking):  # contact consented: the warning is beside the phone
        assert squeezed(f"010-3333-9999 연락 시 주의 {WARNING}") in letter
    assert "010-3333-9999" not in legal and squeezed(WARNING) not in legal

    # Crimes: the stalking center has case facts but no sensitive-data consent.
    assert "스토킹" in stalking and "성폭력" not in stalking
    assert "스토킹" not in police and "성폭력" not in legal

    # Support already received: printed where consented, said to be left out elsewhere.
    assert "112신변보호등록" in stalking
    for letter in (police, legal):
        history = _section(letter, "7. 기존 지원 내역", "8. 첨부 서류")
        assert history == squeezed("7. 기존 지원 내역 동의 범위 밖 항목은 기재하지 않음")

    # The consent copy is not in this job: no letter may say it is attached.
    for letter in letters.values():
        assert "동의서사본" not in letter


def test_the_consent_copy_is_listed_only_for_a_written_consent_sent_with_the_form(world, walk_in):
    packet = world.c1.documents.build_letters(walk_in.id, include_consent_form=True)
    letters = _letters(packet.pdf, world, walk_in.id)
    assert "동의서사본" in _section(letters["stalking_center"], "8. 첨부 서류", "9. 개인정보")
    assert "동의서사본" not in letters["police"]  # the police consent was oral
    assert "개인정보제3자제공동의서" in squeezed("\n".join(page_texts(packet.pdf)))


def test_letters_name_the_assigned_counselor_and_a_number_to_call_back(world, walk_in):
    letters = _letters(world.lead.documents.build_letters(walk_in.id).pdf, world, walk_in.id)
    for letter in letters.values():
        assert squeezed(f"담당 상담원 이상담 직통 전화 {COUNSELOR_LINE}") in letter
        assert squeezed(f"담당 상담원 이상담에게 보내 주십시오 (전화 {COUNSELOR_LINE})") in letter
        assert "김팀장" not in letter

    _set_phone(world, "c1", "")
    letters = _letters(world.lead.documents.build_letters(walk_in.id).pdf, world, walk_in.id)
    for letter in letters.values():
        assert "직통전화" not in letter and "(전화-)" not in letter
        assert squeezed(f"(전화 {MAIN_LINE})") in letter


def test_urgency_follows_the_risk_level_and_a_raise(world, walk_in):
    letters = _letters(world.c1.documents.build_letters(walk_in.id).pdf, world, walk_in.id)
    for letter in letters.values():
        assert "긴급도긴급" in letter

    calm = world.new_case(name="보통사례", risk_level=RiskLevel.MEDIUM)
    world.c1.consents.record(calm.id, consent("legal_aid", ConsentItem.IDENTITY))
    referral = world.c1.referrals.create(calm.id, "legal_aid", ["legal_aid"])
    assert referral.urgency is Urgency.NORMAL
    text = squeezed("\n".join(page_texts(world.c1.documents.build_letters(calm.id).pdf)))
    assert "긴급도보통" in text
    raised = world.c1.referrals.set_urgency(referral.id, Urgency.URGENT)
    assert raised.urgency is Urgency.URGENT
    text = squeezed("\n".join(page_texts(world.c1.documents.build_letters(calm.id).pdf)))
    assert "긴급도긴급" in text


def test_a_high_risk_referral_cannot_be_lowered(world, walk_in):
    police = next(r for r in world.c1.referrals.list(walk_in.id) if r.agency_code == "police")
    assert police.urgency is Urgency.URGENT
    with pytest.raises(ValidationError) as caught:
        world.c1.referrals.set_urgency(police.id, Urgency.NORMAL)
    assert [e.code for e in caught.value.errors] == ["below_risk"]
    assert world.c1.referrals.list(walk_in.id)[0].urgency is Urgency.URGENT


def test_the_sheet_sends_each_place_to_its_own_door(world, walk_in):
    packet = world.lead.documents.build_sheet(walk_in.id)
    assert packet.part is PacketPart.SHEET
    text = squeezed("\n".join(page_texts(packet.pdf)))
    assert "연계의뢰서" not in text
    assert squeezed(f"주소 {CENTER_ADDRESS} 찾아갈 곳 3층 301호 전화 182") in text
    # No phone on file for the stalking center: the center's number, marked as such.
    assert squeezed(f"찾아갈 곳 3층 310호 상담실 문의 {MAIN_LINE} (센터 대표 전화)") in text
    assert squeezed(f"담당자 이상담 {COUNSELOR_LINE}") in text
    assert "대방동" not in text  # the old default nobody was asked for


def test_the_discreet_sheet_names_rooms_and_neutral_numbers_only(world, walk_in):
    packet = world.c1.documents.build_sheet(walk_in.id, discreet=True)
    text = squeezed("\n".join(page_texts(packet.pdf)))
    for revealing in ("범죄", "피해", "스토킹", "경찰", MAIN_LINE, "1577", "상담창구"):
        assert squeezed(revealing) not in text
    for shown in ("안전상담", "3층301호", "안심상담", "3층310호상담실", NEUTRAL_LINE):
        assert squeezed(shown) in text
    assert squeezed(f"담당자 이상담 {COUNSELOR_LINE}") in text


def test_letters_alone_hold_no_sheet(world, walk_in):
    packet = world.c1.documents.build_letters(walk_in.id)
    assert packet.part is PacketPart.LETTERS
    text = squeezed("\n".join(page_texts(packet.pdf)))
    assert "도움받을곳안내" not in text and "연계의뢰서" in text
    assert len(packet.document_numbers) == 3


def test_an_unknown_fact_is_a_dash_not_a_field_left_out(world):
    # Everything consented; birth date, incident date and 신고 여부 simply not known.
    case = world.new_case(name="모름사례", birth=None, incident_date=None)
    world.c1.consents.record(case.id, consent("prosecution", *ConsentItem))
    world.c1.referrals.create(case.id, "prosecution", ["treatment_cost"])
    text = squeezed("\n".join(page_texts(world.c1.documents.build_letters(case.id).pdf)))
    assert "동의범위밖" not in text
    for label in ("생년월일", "발생일", "경찰신고"):
        assert f"{label}-" in text
