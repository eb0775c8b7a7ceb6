"""Whatever a user typed, every document renders, and markup in it prints literally."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from helpers.pdf_probe import decode_qr_codes, page_texts, squeezed, text_of
from onestop_desk.reports import (
    render_case_summary,
    render_consent_form,
    render_packet,
    render_referral_letter,
    render_take_home,
    samples,
)
from onestop_desk.reports._text import markup, plain

MARKUP = '<b>&amp;</b><font color="red">빨강</font>&<br/>'
LONG_WORD = "가나다라마바사아자차" * 50  # 500 characters, no space to break at
LONG_WORDS = " ".join(["홍길동"] * 170)  # ~500 characters of short words
EMOJI = "김하늘 👩‍👩‍👧😀🏳️‍🌈"
RTL = "مرحبا بالعالم שלום"
CONTROL = "제어\x00문자\x07입니다\x1b[31m\x7f\x85끝\u202e뒤집기\ud800"
HOSTILE = (MARKUP, LONG_WORD, LONG_WORDS, EMOJI, RTL, CONTROL)


def _letter_with(value: str) -> samples.ReferralLetter:
    base = samples.letter(samples.agencies()[0], 3)
    person = dataclasses.replace(
        base.person, name=value, safe_contact=value, address=value, guardian=value
    )
    case = dataclasses.replace(base.case, crime_types=(value, "스토킹"), sensitive_facts=value)
    agency = dataclasses.replace(base.agency, name=value, department=value)
    consent = dataclasses.replace(base.consent, items=(value,), method=value)
    return dataclasses.replace(
        base,
        person=person,
        case=case,
        agency=agency,
        consent=consent,
        reason=value,
        needs=(value,),
        requested_services=(value,),
        support_received=(value,),
        attachments=(value,),
        counselor_name=value,
        printed_by=value,
    )


@pytest.mark.parametrize(
    "value", HOSTILE, ids=["markup", "long-word", "long-words", "emoji", "rtl", "control"]
)
def test_every_document_renders_hostile_text(value: str) -> None:
    letter = _letter_with(value)
    sheet = samples.take_home()
    stop = dataclasses.replace(
        sheet.stops[0], agency_name=value, purpose=value, what_to_bring=(value,)
    )
    sheet = dataclasses.replace(sheet, recipient_name=value, stops=(stop,), counselor_name=value)
    form = dataclasses.replace(samples.consent_form(), person_name=value)
    entry = dataclasses.replace(form.entries[0], agency_name=value, items=(value,), purpose=value)
    form = dataclasses.replace(form, entries=(entry,))
    summary = dataclasses.replace(samples.case_summary(), person=letter.person, case=letter.case)

    for pdf in (
        render_referral_letter(letter),
        render_take_home(sheet),
        render_consent_form(form),
        render_case_summary(summary),
        render_packet(sheet, [letter], form),
    ):
        assert pdf.startswith(b"%PDF") and page_texts(pdf)


def test_markup_characters_print_literally() -> None:
    text = squeezed(text_of(render_referral_letter(_letter_with(MARKUP))))
    assert '<b>&amp;</b><fontcolor="red">빨강</font>&<br/>' in text


def test_control_characters_are_dropped_and_the_rest_kept() -> None:
    text = text_of(render_referral_letter(_letter_with(CONTROL)))
    assert "제어문자입니다[31m끝뒤집기" in squeezed(text)
    for char in ("\x00", "\x07", "\x1b", "\x7f", "\u202e"):
        assert char not in text


def test_a_500_character_name_wraps_instead_of_running_off_the_page(tmp_path: Path) -> None:
    letter = _letter_with(LONG_WORD)
    text = squeezed(text_of(render_referral_letter(letter)))
    # Broken over lines, but every character is on the page.
    assert text.count(LONG_WORD[:40]) >= 1
    assert text.count("가") >= 500


def test_very_long_free_text_flows_over_pages() -> None:
    base = samples.letter(samples.agencies()[0], 4)
    story = " ".join(f"문장{i:04d}입니다." for i in range(2500))
    facts = " ".join(f"사실{i:04d}" for i in range(1500))
    case = dataclasses.replace(base.case, sensitive_facts=facts)
    pages = page_texts(render_referral_letter(dataclasses.replace(base, reason=story, case=case)))
    assert len(pages) > 8
    text = squeezed("".join(pages))
    assert "문장2499입니다." in text and "사실1499" in text
    assert f"{len(pages)}/{len(pages)}" in squeezed(pages[-1])


def test_document_number_with_markup_is_printed_and_encoded_exactly(tmp_path: Path) -> None:
    number = "A<&>'\"-17"
    letter = dataclasses.replace(samples.letter(samples.agencies()[0]), document_number=number)
    pdf = render_referral_letter(letter)
    pages = page_texts(pdf)
    assert number in pages[-1]
    assert decode_qr_codes(pdf, len(pages), tmp_path) == [number]


def test_text_helpers() -> None:
    assert markup("a<b>&c\nd") == "a&lt;b&gt;&amp;c<br/>d"
    assert markup("  \n ") == "-"
    assert plain("a\r\nb\rc\u2028d\te") == "a\nb\nc\nd e"
    assert plain("x\x00\x08\x0e\x1f\x7f\x9f\u200f\u2066\ufeffy") == "xy"
