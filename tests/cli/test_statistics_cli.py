"""``onestop-desk-admin stats`` in-process: files written, roles, the access log."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pypdf
from openpyxl import load_workbook

from helpers.cli_runner import ADMIN_PW, C1_PW, LEAD_PW, Cli, cheap_auth, real_case
from onestop_desk.services.access_log import AuditFilter

PERIOD = ("--from", "2026-11-01", "--to", "2026-11-30")


def test_stats_writes_csv_xlsx_and_pdf(center: Cli, tmp_path: Path) -> None:
    real_case(center.folder)
    out = tmp_path / "stats.csv"
    args = ("stats", *PERIOD, "--format", "csv", "--out", str(out), "--reason", "월간 보고")
    assert center.as_user("lead", LEAD_PW, *args) == 0, center.err
    assert str(out) in center.out
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert ["요약", "신규 접수 사례", "<5", "", ""] in rows  # one case: hidden
    assert "황보은결" not in raw.decode("utf-8-sig")
    assert out.stat().st_mode & 0o077 == 0  # owner only

    xlsx = tmp_path / "stats.xlsx"
    assert (
        center.as_user("admin", ADMIN_PW, "stats", *PERIOD, "--format", "xlsx", "--out", str(xlsx))
        == 0
    )
    assert load_workbook(xlsx)["통계"]["A1"].value == "범죄피해자 지원 통계"

    pdf = tmp_path / "stats.pdf"
    assert (
        center.as_user("lead", LEAD_PW, "stats", *PERIOD, "--format", "pdf", "--out", str(pdf)) == 0
    )
    text = "".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages)
    assert "통계 보고" in text

    session = cheap_auth(center.folder).login("admin", ADMIN_PW)
    try:
        logged = session.audit_log.export_csv("점검", AuditFilter())
    finally:
        session.logout()
    assert "statistics 2026-11-01..2026-11-30 csv" in logged
    assert "월간 보고" in logged
    assert "statistics 2026-11-01..2026-11-30 xlsx" in logged


def test_counselors_and_bad_input_get_one_line(center: Cli, tmp_path: Path) -> None:
    out = tmp_path / "x.csv"
    args = ("stats", *PERIOD, "--format", "csv", "--out", str(out))
    assert center.as_user("c1", C1_PW, *args) == 1
    center.assert_one_line_error()
    assert not out.exists()
    reversed_period = ("stats", "--from", "2026-11-30", "--to", "2026-11-01")
    assert (
        center.as_user("lead", LEAD_PW, *reversed_period, "--format", "pdf", "--out", str(out)) == 1
    )
    center.assert_one_line_error()
    assert (
        center.as_user("lead", LEAD_PW, "stats", *PERIOD, "--format", "doc", "--out", str(out)) == 2
    )
