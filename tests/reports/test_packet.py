"""The packet: one PDF, each document numbered on its own."""

from __future__ import annotations

from helpers.pdf_probe import page_texts, reader, squeezed
from onestop_desk.reports import (
    render_consent_form,
    render_packet,
    render_referral_letter,
    render_take_home,
    samples,
)


def _pages(pdf: bytes) -> int:
    return len(reader(pdf).pages)


def test_page_count_is_the_sum_of_the_parts() -> None:
    sheet, letters, form = samples.take_home(), samples.letters(), samples.consent_form()
    packet = render_packet(sheet, letters, form)
    parts = [render_take_home(sheet), *map(render_referral_letter, letters)]
    parts.append(render_consent_form(form))
    assert _pages(packet) == sum(map(_pages, parts))


def test_each_document_is_numbered_on_its_own_in_order() -> None:
    sheet, letters, form = samples.take_home(), samples.letters()[:3], samples.consent_form()
    sizes = [_pages(render_take_home(sheet)), *(_pages(render_referral_letter(x)) for x in letters)]
    sizes.append(_pages(render_consent_form(form)))
    pages = [squeezed(text) for text in page_texts(render_packet(sheet, letters, form))]

    index = 0
    for size in sizes:
        for number in range(1, size + 1):
            assert f"{number}/{size}" in pages[index], (index, number, size)
            index += 1
    assert index == len(pages)
    # Sheet first, then the letters in the order given, then the consent form.
    assert "도움받을곳안내" in pages[0]
    starts = [sum(sizes[:i]) for i in range(len(sizes))]
    for letter, start in zip(letters, starts[1:-1], strict=True):
        assert "연계의뢰서" in pages[start] and letter.document_number in pages[start]
    assert "개인정보제3자제공동의서" in pages[starts[-1]]


def test_packet_without_letters_or_form_is_just_the_sheet() -> None:
    sheet = samples.take_home()
    assert _pages(render_packet(sheet, [])) == _pages(render_take_home(sheet))


def test_packet_metadata_follows_the_sheet() -> None:
    info = reader(render_packet(samples.take_home(discreet=True), samples.letters()[:2])).metadata
    assert info.title == "방문 안내 및 연계 의뢰서 2건"
    assert info.author == samples.CENTER.discreet_name
