"""Hostile text typed or pasted into every field of an intake: stored clean, printed as typed
(or visibly replaced), and the counselor told at save time what will not print."""

from __future__ import annotations

import io
import unicodedata
from datetime import date

import pytest
from pypdf import PdfReader
from sqlalchemy import text

from helpers.pdf_probe import squeezed
from helpers.world import NOW, World, consent
from onestop_desk.domain.errors import ValidationError
from onestop_desk.domain.records import (
    CaseInput,
    InquiryInput,
    PersonInput,
    RelatedPersonInput,
    SafeContact,
)
from onestop_desk.domain.text import clean_text
from onestop_desk.domain.vocab import (
    CallerType,
    ConsentItem,
    Gender,
    IntakeChannel,
    Relationship,
)
from onestop_desk.services.center import CenterDetails

HANGUL_NFD = unicodedata.normalize("NFD", "한국")
OLD_HANGUL = "\u1112\u119e\u11ab"  # ᄒᆞᆫ: no bundled font draws the arae-a
THAI = "สวัสดี"
LONG = "가나다라마바사아자차" * 500  # 5,000 characters, nowhere to break

PERSON = PersonInput(
    name="\u202e김\x00하늘\u200b",
    birth_date=date(1990, 3, 1),
    gender=Gender.FEMALE,
    nationality=HANGUL_NFD,
    language="한국어\x07",
    disability=f"청각\ud800 {OLD_HANGUL}",
    phone="010-1234-5678\x00",
    address="서울\x0b동작구 C:\\Users\\kim\\문서",
    safe_contact=SafeContact(safe_hours='=HYPERLINK("http://x")', note="<b>&amp;</b> 😀"),
)
CASE = CaseInput(
    intake_channel=IntakeChannel.VISIT,
    intake_date=NOW.date(),
    crime_types=("assault",),
    incident_date=date(2026, 11, 1),
    incident_place="\t+1 -2 @SUM(A1)",
    police_office="경찰서\r\n2층",
    police_case_number="2026-형제-1\x1b[31m",
    offender_relation=THAI,
    summary=LONG,
    support_received="👩\u200d👩\u200d👧 가족 \ufeff지원",
    related=(
        RelatedPersonInput(
            person=PersonInput(name="보호자\x00", address="주소\u2028둘째 줄"),
            relationship=Relationship.GUARDIAN,
            note="관계\u202e메모",
        ),
    ),
)


@pytest.fixture
def saved(world: World):  # type: ignore[no-untyped-def]
    return world.c1.cases.create_case(PERSON, CASE)


def test_what_is_stored_is_clean_and_otherwise_as_typed(world: World, saved) -> None:  # type: ignore[no-untyped-def]
    detail = world.c1.cases.get(saved.id)
    person = detail.person
    assert person.name == "김하늘"
    assert person.nationality == "한국"  # composed: a search for 한국 finds it
    assert person.language == "한국어"
    assert person.disability == f"청각\ufffd {unicodedata.normalize('NFC', OLD_HANGUL)}"
    assert person.phone == "010-1234-5678"
    assert person.address == "서울\n동작구 C:\\Users\\kim\\문서"
    assert person.safe_contact.note == "<b>&amp;</b> 😀"
    assert detail.incident_place == "\t+1 -2 @SUM(A1)"
    assert detail.police_office == "경찰서\n2층"
    assert detail.police_case_number == "2026-형제-1[31m"
    assert detail.summary == LONG
    assert detail.support_received == "👩\u200d👩\u200d👧 가족 지원"
    (related,) = detail.related
    assert (related.person.name, related.person.address) == ("보호자", "주소\n둘째 줄")
    assert related.note == "관계메모"
    # Nothing invisible reached the file: every stored text is already clean.
    with world.store.engine.begin() as conn:
        for table, column in (("persons", "name"), ("cases", "summary"), ("persons", "address")):
            for (value,) in conn.execute(text(f"SELECT {column} FROM {table}")):
                assert value == clean_text(value)


def test_the_counselor_hears_at_save_time_what_will_not_print(saved) -> None:  # type: ignore[no-untyped-def]
    warnings = {w.field: w.params["chars"] for w in saved.print_warnings}
    assert all(w.code == "unprintable" for w in saved.print_warnings)
    # 😀 prints (from the fallback font); the women and the girl of the family emoji do not.
    assert warnings == {
        "person.disability": "\u119e",
        "case.offender_relation": "".join(dict.fromkeys(THAI)),
        "case.support_received": "👩👧",
    }


def test_the_letter_prints_every_field_as_typed_or_visibly_replaced(world: World, saved) -> None:  # type: ignore[no-untyped-def]
    world.c1.consents.record(saved.id, consent("police", *ConsentItem))
    world.c1.referrals.create(saved.id, "police", ["smartwatch"])
    packet = world.c1.documents.build_packet(saved.id, include_consent_form=True)
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(packet.pdf)).pages]
    printed = squeezed("".join(pages))
    for expected in (
        "김하늘",
        "서울동작구C:\\Users\\kim\\문서",  # a backslash, not ₩
        '(=HYPERLINK("http://x"))',
        "청각\ufffd",
        "경찰서2층",
        "\ufffd" * len(THAI),
    ):
        assert expected in printed, expected
    assert "₩" not in printed
    # All 5,000 characters are on paper, broken over lines and pages.
    assert all(printed.count(syllable) >= 500 for syllable in "나다라마바사아자차")


def test_a_name_made_of_invisible_characters_is_refused_not_saved_empty(world: World) -> None:
    with pytest.raises(ValidationError) as caught:
        world.c1.cases.create_case(
            PersonInput(name="\x00\u202e\u200b\x07"), CaseInput(IntakeChannel.VISIT, NOW.date())
        )
    assert [(e.field, e.code) for e in caught.value.errors] == [("person.name", "required")]
    with pytest.raises(ValidationError) as caught:
        world.c1.cases.create_case(
            PersonInput(name="김" * 101 + "\x00" * 50), CaseInput(IntakeChannel.VISIT, NOW.date())
        )
    assert [(e.field, e.code) for e in caught.value.errors] == [("person.name", "too_long")]


def test_other_texts_are_cleaned_on_their_way_in_too(world: World, saved) -> None:  # type: ignore[no-untyped-def]
    inquiry = world.c1.inquiries.log(
        InquiryInput(
            caller_type=CallerType.VICTIM,
            topic="상담\x00 주제\u202e",
            note="메모\x0b둘째",
            caller_name="\ud800전화",
        )
    )
    assert (inquiry.topic, inquiry.note, inquiry.caller_name) == (
        "상담 주제",
        "메모\n둘째",
        "\ufffd전화",
    )
    world.admin.center.save(CenterDetails(name="센터\x00이름", address="주소\u202e"))
    assert world.admin.center.get().name == "센터이름"
    assert world.admin.center.get().address == "주소"
