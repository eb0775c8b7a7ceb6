"""The statistics exports read back: CSV (Excel's UTF-8 with BOM), XLSX and the PDF report."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from helpers.pdf_probe import metadata_values, page_texts, squeezed, text_of
from onestop_desk.db import models
from onestop_desk.domain.clock import KST
from onestop_desk.domain.errors import ValidationError
from onestop_desk.domain.records import StatRow, StatsReport, StatTable
from onestop_desk.domain.statistics_suppression import SUPPRESSED, WITHHELD, publish
from onestop_desk.domain.vocab import AuditAction
from onestop_desk.reports.monthly_report import render_monthly_report
from onestop_desk.reports.stats_export import render_csv, render_xlsx

PRINTED_AT = datetime(2026, 11, 25, 10, 30, tzinfo=KST)


def _table(key, title, labels_counts, *, additive=True, total=None):  # type: ignore[no-untyped-def]
    rows = tuple(StatRow(f"{key}{i}", label, n) for i, (label, n) in enumerate(labels_counts))
    return StatTable(
        key,
        title,
        "사례",
        rows,
        sum(n for _l, n in labels_counts) if total is None else total,
        additive,
    )


def _report() -> StatsReport:
    programmes = [(f"지원 제도 {i}번 긴 이름 예시", (i * 7) % 23) for i in range(44)]
    return StatsReport(
        period_from=date(2026, 10, 1),
        period_to=date(2026, 10, 31),
        as_of=date(2026, 11, 25),
        served_persons=120,
        new_persons=40,
        continuing_persons=80,
        new_cases=41,
        first_referral_cases=30,
        first_referral_median_days=2.5,
        overdue_follow_ups=7,
        phone_inquiries=60,
        inquiries_to_cases=18,
        crime_buckets=_table(
            "buckets",
            "범죄 구분별 사례",
            [("성폭력", 12), ("살인 등 강력", 9), ("스토킹", 7), ("재산", 3), ("기타", 10)],
            additive=False,
            total=41,
        ),
        crime_types=_table(
            "types",
            "범죄 유형별 사례",
            [(f"유형{i}", n) for i, n in enumerate([5, 0, 2, 9, 11, 6, 1, 8])],
            additive=False,
            total=41,
        ),
        intake_channels=_table(
            "channels",
            "접수 경로별 사례",
            [("방문", 15), ("전화", 14), ("온라인", 3), ("기관의뢰", 9)],
        ),
        support_areas=_table(
            "areas", "지원 영역별 사례", [("심리", 20), ("법률", 2)], additive=False, total=41
        ),
        programmes=_table("programmes", "지원 제도별 사례", programmes, additive=False, total=41),
        referral_agencies=_table(
            "agencies", "기관별 연계", [("경찰", 30), ("스마일센터", 4), ("대한법률구조공단", 12)]
        ),
        referral_statuses=_table("statuses", "연계 결과", [("발송", 20), ("완료", 26)]),
        age_bands=_table("ages", "접수 시 연령대", [("19–29세", 20), ("30–39세", 21)]),
        genders=_table("genders", "성별", [("여성", 38), ("남성", 3), ("기타", 0), ("미상", 0)]),
        nationalities=_table("nat", "국적", [("대한민국", 39), ("외국 국적", 2), ("미상", 0)]),
        disabilities=_table("dis", "장애", [("장애 있음", 1), ("장애 없음·미기재", 40)]),
    )


@pytest.fixture(scope="module")
def published():  # type: ignore[no-untyped-def]
    return publish(_report())


def _csv_rows(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def _value(rows: list[list[str]], table: str, item: str) -> str:
    return next(r[2] for r in rows if len(r) >= 3 and r[0] == table and r[1] == item)


def test_csv_has_only_suppressed_values(published):
    rows = _csv_rows(render_csv(published))
    assert rows[0] == ["범죄피해자 지원 통계"]
    assert ["기간", "2026. 10. 1. ~ 2026. 10. 31."] in rows
    assert _value(rows, "접수 경로별 사례", "온라인") == SUPPRESSED
    assert _value(rows, "접수 경로별 사례", "기관의뢰") == WITHHELD  # next-smallest after 3
    assert _value(rows, "접수 경로별 사례", "전화") == "14"
    assert _value(rows, "접수 경로별 사례", "방문") == "15"
    assert _value(rows, "접수 경로별 사례", "합계(대상 수)") == "41"
    assert _value(rows, "성별", "남성") == SUPPRESSED
    assert _value(rows, "요약", "첫 연계 발송까지 일수(중앙값)") == "2.5"
    header = rows.index(["표", "항목", "값", "단위", "비고"])
    for row in rows[header + 1 :]:
        if row[2].isdigit():
            assert int(row[2]) >= 5, row


def test_xlsx_reads_back_with_numbers_as_numbers(published):
    book = load_workbook(io.BytesIO(render_xlsx(published)))
    sheet = book["통계"]
    values = [(row[0], row[1]) for row in sheet.iter_rows(values_only=True) if row and len(row) > 1]
    assert ("방문", 15) in values
    assert ("온라인", SUPPRESSED) in values
    assert ("기관의뢰", WITHHELD) in values
    assert ("장애 있음", SUPPRESSED) in values
    numbers = [v for _label, v in values if isinstance(v, int)]
    assert numbers and min(numbers) >= 5


def test_pdf_report_text_and_metadata(published):
    pdf = render_monthly_report(published, printed_by="lead", printed_at=PRINTED_AT)
    text = squeezed(text_of(pdf))
    for expected in (
        "범죄피해자지원통계보고",
        "2026.10.1.~2026.10.31.",
        "1.범죄구분별사례(복수선택)",
        "접수경로별사례",
        "지원제도별사례",
        "<5",
        "집계자료·5미만비공개",
    ):
        assert expected in text, expected
    pages = page_texts(pdf)
    assert len(pages) >= 2
    assert f"1/{len(pages)}" in squeezed(pages[0])
    assert any("통계 보고" in value for value in metadata_values(pdf))


def test_exports_from_the_service_are_logged_with_the_reason(world):
    for name, crimes in (("가나다", ("stalking",)), ("라마바", ("assault",))):
        world.new_case(name=name, crimes=crimes)
    today = date(2026, 11, 25)
    start = today.replace(day=1)
    csv_data = world.lead.statistics.export(start, today, "csv", reason="법무부 월간 보고")
    rows = _csv_rows(csv_data)
    assert _value(rows, "요약", "신규 접수 사례") == SUPPRESSED  # 2 cases
    xlsx = world.lead.statistics.export(start, today, "xlsx", reason="법무부 월간 보고")
    assert load_workbook(io.BytesIO(xlsx))["통계"]["A1"].value == "범죄피해자 지원 통계"
    pdf = world.admin.statistics.export(start, today, "pdf", reason="내부 점검")
    assert "범죄피해자지원통계보고" in squeezed(text_of(pdf))
    with world.store.sessions.begin() as s:
        events = s.scalars(
            select(models.AuditEvent).where(models.AuditEvent.action == AuditAction.EXPORT.value)
        ).all()
        logged = [(e.username, e.detail, e.reason) for e in events]
    assert ("lead", "statistics 2026-11-01..2026-11-25 csv", "법무부 월간 보고") in logged
    assert ("lead", "statistics 2026-11-01..2026-11-25 xlsx", "법무부 월간 보고") in logged
    assert ("admin", "statistics 2026-11-01..2026-11-25 pdf", "내부 점검") in logged


def test_export_needs_a_reason(world):
    with pytest.raises(ValidationError):
        world.lead.statistics.export(date(2026, 11, 1), date(2026, 11, 25), "pdf", reason=" ")
