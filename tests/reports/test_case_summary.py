"""The case summary for the encrypted export."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from helpers.pdf_probe import metadata_values, page_texts, pdftotext, squeezed, text_of
from onestop_desk.reports import render_case_summary, samples


def test_every_section_prints(tmp_path: Path) -> None:
    pdf = render_case_summary(samples.case_summary())
    text = squeezed(text_of(pdf))
    for expected in ("사례요약", "2025-0314-007", "김하늘", "서울관악경찰서"):
        assert expected in text
    for heading in ("욕구및지원", "동의내역", "연계내역", "경과기록"):
        assert heading in text
    for row in ("스마트워치", "주거이전비", "2025.3.10.", "OSC-2025-0002", "회신완료"):
        assert row in text
    assert "방문 상담. 안전 계획 수립." in pdftotext(pdf, tmp_path)


def test_empty_lists_say_so() -> None:
    summary = dataclasses.replace(
        samples.case_summary(), needs=(), consents=(), referrals=(), timeline=()
    )
    assert squeezed(text_of(render_case_summary(summary))).count("기록없음") == 4


def test_withheld_person_fields_are_left_out() -> None:
    person = dataclasses.replace(samples.PERSON, phone=None, address=None)
    summary = dataclasses.replace(samples.case_summary(), person=person)
    text = squeezed(text_of(render_case_summary(summary)))
    assert "010-1234-5678" not in text and "주소" not in text
    assert "동의범위밖항목은기재하지않음" in text


def test_long_timeline_flows_over_pages_with_repeated_header() -> None:
    event = samples.case_summary().timeline[0]
    summary = dataclasses.replace(samples.case_summary(), timeline=(event,) * 150)
    pages = page_texts(render_case_summary(summary))
    assert len(pages) > 3
    assert all("일시" in page and "내용" in page for page in pages[2:])


def test_metadata_has_case_number_not_person() -> None:
    pdf = render_case_summary(samples.case_summary())
    values = metadata_values(pdf)
    assert "사례 요약 2025-0314-007" in values
    assert not any("김하늘" in value for value in values)
