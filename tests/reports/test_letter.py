"""The referral letter: what it must show, what it must never show, and its reply slip."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest

from helpers.pdf_probe import (
    decode_qr_codes,
    metadata_values,
    page_texts,
    pdftotext,
    reader,
    squeezed,
    text_of,
)
from onestop_desk.reports import (
    CaseSection,
    ConsentNotValidError,
    PersonSection,
    ReferralLetter,
    render_referral_letter,
    samples,
)
from onestop_desk.reports.model import URGENCY_URGENT

# Values no template text could produce, so finding one means the field was printed.
FULL_PERSON = PersonSection(
    name="송미란",
    gender="여",
    birth_date=date(1988, 11, 23),
    safe_contact="연락규칙-4417",
    guardian="보호자-5521",
    language="베트남어-3310",
    interpreter_needed=True,
    disability="장애정보-6602",
    phone="010-7788-4512",
    address="주소정보-9913",
)
FULL_CASE = CaseSection(
    crime_types=("스토킹",),
    incident_date=date(2025, 1, 9),
    reported_to_police=True,
    police_office="경찰서-2231",
    prosecution_office="검찰청-8842",
    case_reference="사건번호-7075",
    offender_relation="관계정보-3398",
    sensitive_facts="민감사실-1187",
)


def _letter(**changes: object) -> ReferralLetter:
    base = samples.letter(samples.agencies()[1], 7)
    return dataclasses.replace(base, **{"person": FULL_PERSON, "case": FULL_CASE, **changes})


def test_consented_fields_print_with_labels() -> None:
    text = squeezed(text_of(render_referral_letter(_letter())))
    for value in ("송미란", "1988.11.23.", "연락규칙-4417", "보호자-5521", "베트남어-3310"):
        assert value in text
    for value in ("장애정보-6602", "010-7788-4512", "주소정보-9913", "경찰서-2231"):
        assert value in text
    for value in ("검찰청-8842", "사건번호-7075", "관계정보-3398", "민감사실-1187"):
        assert value in text
    for label in ("보호자", "장애", "가해자와의관계", "사건경위"):
        assert label in text
    assert "동의범위밖항목은기재하지않음" not in text


def test_withheld_fields_print_neither_value_nor_label() -> None:
    person = dataclasses.replace(FULL_PERSON, guardian=None, disability=None, address=None)
    case = dataclasses.replace(FULL_CASE, offender_relation=None, sensitive_facts=None)
    text = squeezed(text_of(render_referral_letter(_letter(person=person, case=case))))

    for value in (
        "보호자-5521",
        "장애정보-6602",
        "주소정보-9913",
        "관계정보-3398",
        "민감사실-1187",
    ):
        assert value not in text
    for label in ("보호자", "장애", "가해자와의관계", "사건경위"):
        assert label not in text
    # Still consented, still printed.
    assert "송미란" in text and "사건번호-7075" in text
    # One note per section that lost something, none elsewhere.
    assert text.count("동의범위밖항목은기재하지않음") == 2


def test_fully_withheld_sections_keep_only_the_note() -> None:
    letter = _letter(person=PersonSection(), case=CaseSection())
    text = squeezed(text_of(render_referral_letter(letter)))
    assert "송미란" not in text and "사건번호-7075" not in text
    for label in ("생년월일", "안전한연락방법", "발생일", "관할경찰서", "사건번호"):
        assert label not in text
    assert text.count("동의범위밖항목은기재하지않음") == 2


def test_header_footer_and_consent_name_this_agency(tmp_path: Path) -> None:
    letter = _letter(urgency=URGENCY_URGENT)
    pdf = render_referral_letter(letter)
    pages = page_texts(pdf)
    first = squeezed(pages[0])
    for expected in ("연계의뢰서", "OSC-2025-0007", "2025.3.14.", "긴급", "개인정보포함·취급주의"):
        assert expected in first
    # Every page carries the handling rule, its own number of the total, and who printed it.
    for number, page in enumerate(pages, start=1):
        page = squeezed(page)
        assert "목적외사용·재제공금지" in page
        assert f"{number}/{len(pages)}" in page
        assert "출력:박상담2025.3.14.15:02" in page
    consent = squeezed(pdftotext(pdf, tmp_path))
    assert "개인정보를경찰에제공하는것에동의하였습니다" in consent
    assert "성명,연락처,범죄유형,사건개요" in consent and "서면" in consent


def test_hangul_extracts_exactly(tmp_path: Path) -> None:
    pdf = render_referral_letter(_letter())
    # Line-level check with poppler: the sentence comes back verbatim, spaces included.
    assert "위와 같이 연계를 의뢰합니다." in pdftotext(pdf, tmp_path)
    assert "위와 같이 연계를 의뢰합니다." in text_of(pdf)


def test_requested_services_received_support_and_attachments() -> None:
    letter = _letter(
        requested_services=("서비스-1001",),
        support_received=(),
        attachments=("첨부-2002", "첨부-2003"),
    )
    text = squeezed(text_of(render_referral_letter(letter)))
    assert "서비스-1001" in text
    assert "없음" in text  # support received elsewhere: none
    assert "□첨부-2002" in text and "□첨부-2003" in text


def test_reply_slip_has_document_number_as_text_and_qr(tmp_path: Path) -> None:
    letter = _letter(document_number="연계-2025-0413")
    pdf = render_referral_letter(letter)
    pages = page_texts(pdf)
    slip = squeezed(pages[-1])
    assert "회신서" in slip and "연계-2025-0413" in slip
    for blank in ("접수일", "담당자", "결정", "제공(예정)서비스"):
        assert blank in slip
    # The reply goes back by fax: it must not carry the person's data.
    assert "송미란" not in slip and "010-7788-4512" not in slip
    assert decode_qr_codes(pdf, len(pages), tmp_path) == ["연계-2025-0413"]


def test_metadata_names_the_center_not_the_person() -> None:
    pdf = render_referral_letter(_letter())
    info = reader(pdf).metadata
    assert info is not None
    assert info.title == "연계 의뢰서 OSC-2025-0007"
    assert info.author == samples.CENTER.name
    assert not any("송미란" in value for value in metadata_values(pdf))


def test_fonts_are_embedded_nanum_truetype_only() -> None:
    pdf = render_referral_letter(_letter())
    for page in reader(pdf).pages:
        fonts = page["/Resources"]["/Font"]
        assert fonts
        for ref in fonts.values():
            font = ref.get_object()
            assert "NanumGothic" in str(font["/BaseFont"])
            assert font["/Subtype"] == "/TrueType"
            assert "/FontFile2" in font["/FontDescriptor"].get_object()


def test_expired_or_future_consent_refuses_to_print() -> None:
    base = _letter()
    expired = dataclasses.replace(base.consent, expires_on=date(2025, 3, 13))
    with pytest.raises(ConsentNotValidError):
        render_referral_letter(dataclasses.replace(base, consent=expired))
    later = dataclasses.replace(base.consent, given_on=date(2025, 3, 15))
    with pytest.raises(ConsentNotValidError):
        render_referral_letter(dataclasses.replace(base, consent=later))


def test_unknown_urgency_is_rejected() -> None:
    with pytest.raises(ValueError, match="urgency"):
        _letter(urgency="아주 급함")


def test_withheld_support_history_is_not_printed_as_none() -> None:
    text = squeezed(text_of(render_referral_letter(_letter(support_received=None))))
    history = text[text.index("7.기존지원내역") : text.index("8.첨부서류")]
    assert history == "7.기존지원내역동의범위밖항목은기재하지않음"
    empty = squeezed(text_of(render_referral_letter(_letter(support_received=()))))
    assert "7.기존지원내역기록없음" in empty


def test_contact_warning_sits_next_to_the_phone_and_leaves_with_it() -> None:
    warned = dataclasses.replace(FULL_PERSON, contact_warning="문자 금지-5150")
    text = squeezed(text_of(render_referral_letter(_letter(person=warned))))
    assert "연락처010-7788-4512연락시주의문자금지-5150" in text
    hidden = dataclasses.replace(warned, phone=None, contact_warning=None)
    assert "5150" not in text_of(render_referral_letter(_letter(person=hidden)))


def test_without_a_direct_line_the_center_number_is_the_one_to_call() -> None:
    text = squeezed(text_of(render_referral_letter(_letter(counselor_phone=""))))
    assert "직통전화" not in text and "(전화-)" not in text
    assert squeezed(f"(팩스 {samples.CENTER.fax}, 전화 {samples.CENTER.phone})") in text
