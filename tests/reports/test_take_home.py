"""The take-home sheet: large plain type, stops in order, and a discreet mode that says nothing."""

from __future__ import annotations

import dataclasses

import pytest

from helpers.pdf_probe import metadata_values, reader, squeezed, text_of
from onestop_desk.reports import (
    DiscreetWordingError,
    TakeHomeStop,
    discreet_wording_problems,
    render_take_home,
    samples,
)
from onestop_desk.reports.take_home import DISCREET_FORBIDDEN

FOOTER_SIZES = {8.0, 9.0}  # page number and "출력:" line, for staff


def _stop(order: int, name: str) -> TakeHomeStop:
    return TakeHomeStop(
        order=order,
        agency_name=name,
        address="서울특별시 동작구 여의대방로54길 18",
        phone="02-000-0000",
        hours="평일 9시 ~ 6시",
        purpose="상담을 도와줍니다",
        what_to_bring=("신분증",),
    )


def _font_sizes(pdf: bytes) -> set[float]:
    """Sizes of every piece of text the pages show (reportlab sets size with Tf, scale 1)."""
    sizes: set[float] = set()

    def visit(text: str, cm: object, tm: object, font: object, size: float) -> None:
        if text.strip():
            sizes.add(round(size, 1))

    for page in reader(pdf).pages:
        page.extract_text(visitor_text=visit)
    return sizes


def test_body_text_is_large() -> None:
    sizes = _font_sizes(render_take_home(samples.take_home()))
    assert min(sizes - FOOTER_SIZES) >= 14


def test_stops_print_in_visit_order_with_what_to_bring() -> None:
    sheet = dataclasses.replace(
        samples.take_home(),
        stops=(_stop(3, "셋째기관"), _stop(1, "첫째기관"), _stop(2, "둘째기관")),
    )
    text = squeezed(text_of(render_take_home(sheet)))
    assert text.index("1.첫째기관") < text.index("2.둘째기관") < text.index("3.셋째기관")
    assert "신분증" in text and "02-000-0000" in text and "평일9시~6시" in text
    assert "김하늘님께" in text


def test_plain_sheet_has_its_title_and_the_center_name() -> None:
    pdf = render_take_home(samples.take_home())
    text = squeezed(text_of(pdf))
    assert "도움받을곳안내" in text
    assert squeezed(samples.CENTER.name) in text
    assert reader(pdf).metadata.title == "도움받을 곳 안내"


def test_discreet_sheet_contains_no_revealing_word_anywhere() -> None:
    pdf = render_take_home(samples.take_home(discreet=True))
    text = squeezed(text_of(pdf)).casefold()
    metadata = squeezed(" ".join(metadata_values(pdf))).casefold()
    assert "방문안내" in text
    for word in DISCREET_FORBIDDEN:
        assert word not in text, word
        assert word not in metadata, word
    # Its explicit checks, spelled out: the center's real name would give it away.
    for word in ("범죄", "피해", "성폭력", "스토킹"):
        assert word not in text
    assert reader(pdf).metadata.title == "방문 안내"
    assert reader(pdf).metadata.author == samples.CENTER.discreet_name


def test_discreet_sheet_refuses_revealing_text_and_names_the_field() -> None:
    sheet = dataclasses.replace(
        samples.take_home(discreet=True),
        stops=(_stop(1, "범죄피해자지원센터"), _stop(2, "둘째기관")),
    )
    problems = discreet_wording_problems(sheet)
    assert "stops[0].agency_name: 범죄" in problems
    assert "stops[0].agency_name: 피해" in problems
    with pytest.raises(DiscreetWordingError) as raised:
        render_take_home(sheet)
    assert raised.value.code == "discreet_wording"
    assert raised.value.problems == problems


def test_discreet_check_sees_through_spacing_and_case() -> None:
    stop = dataclasses.replace(
        _stop(1, "기관"), what_to_bring=("성 폭 력 상담 기록", "VICTIM form")
    )
    sheet = dataclasses.replace(samples.take_home(discreet=True), stops=(stop,))
    problems = discreet_wording_problems(sheet)
    assert "stops[0].what_to_bring[0]: 성폭" in problems
    assert "stops[0].what_to_bring[1]: victim" in problems


def test_names_are_not_mistaken_for_revealing_words() -> None:
    sheet = dataclasses.replace(
        samples.take_home(discreet=True),
        recipient_name="유인나",
        counselor_name="강도윤",
        printed_by="사기정",
    )
    assert discreet_wording_problems(sheet) == ()
    assert "유인나" in text_of(render_take_home(sheet))


def test_non_discreet_sheet_is_not_checked() -> None:
    sheet = dataclasses.replace(samples.take_home(), stops=(_stop(1, "범죄피해자지원센터"),))
    assert "범죄피해자지원센터" in text_of(render_take_home(sheet))


def test_no_recipient_name_prints_no_greeting() -> None:
    sheet = dataclasses.replace(samples.take_home(), recipient_name=None)
    assert "님께" not in text_of(render_take_home(sheet))


def test_a_place_without_a_phone_gets_the_center_number_to_ask() -> None:
    stop = dataclasses.replace(_stop(1, "서울일자리센터"), phone=None, location="3층 305호")
    sheet = dataclasses.replace(samples.take_home(), stops=(stop,))
    text = squeezed(text_of(render_take_home(sheet)))
    assert squeezed(f"찾아갈 곳 3층 305호 문의 {samples.CENTER.phone} (센터 대표 전화)") in text


def test_the_discreet_sheet_never_prints_the_main_line() -> None:
    sheet = samples.take_home(discreet=True)
    text = squeezed(text_of(render_take_home(sheet)))
    assert squeezed(samples.CENTER.phone) not in text
    assert squeezed(f"문의 {samples.CENTER.discreet_phone}") in text
    leaked = dataclasses.replace(sheet, counselor_phone=samples.CENTER.phone)
    assert discreet_wording_problems(leaked) == (f"counselor_phone: {samples.CENTER.phone}",)
    with pytest.raises(DiscreetWordingError):
        render_take_home(leaked)
