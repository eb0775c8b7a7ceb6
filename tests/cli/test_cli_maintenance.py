"""``onestop-desk-admin`` export, backup, restore, check and purge, in-process."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pypdf
import pytest
from sqlalchemy import update

from helpers.cli_runner import ADMIN_PW, C1_PW, LEAD_PW, Cli, cheap_auth, real_case
from onestop_desk.db import models

FILE_PW = "usb-Pass-2026"


def test_export_reads_the_file_password_from_stdin(center: Cli, tmp_path: Path) -> None:
    number = real_case(center.folder)
    usb = tmp_path / "usb"
    usb.mkdir()
    code = center.as_user(
        "c1", C1_PW, "export", number, "--to", str(usb), "--reason", "본인 요청", stdin=FILE_PW
    )
    assert code == 0, center.err
    [pdf] = list(usb.iterdir())
    assert pdf.name.startswith(number) and str(pdf) in center.out
    reader = pypdf.PdfReader(pdf)
    assert reader.decrypt(FILE_PW) != 0
    assert "황보은결" in reader.pages[0].extract_text()


def test_export_with_a_generated_password_and_a_missing_folder(center: Cli, tmp_path) -> None:
    number = real_case(center.folder)
    usb = tmp_path / "usb"
    usb.mkdir()
    args = ("export", number, "--reason", "기관 제출", "--generate-password")
    assert center.as_user("c1", C1_PW, *args, "--to", str(usb)) == 0
    password = center.out.splitlines()[1]
    assert pypdf.PdfReader(next(usb.iterdir())).decrypt(password) != 0
    assert center.as_user("c1", C1_PW, *args, "--to", str(tmp_path / "nowhere")) == 1
    center.assert_one_line_error()
    assert "폴더가 없습니다" in center.err


def test_weak_export_password_is_refused(center: Cli, tmp_path: Path) -> None:
    number = real_case(center.folder)
    code = center.as_user(
        "c1", C1_PW, "export", number, "--to", str(tmp_path), "--reason", "x", stdin="1234"
    )
    assert code == 1
    center.assert_one_line_error()


@pytest.mark.embedded_only  # the SQLite file's backups (test_server_cli: refused on a server)
def test_backup_check_and_restore(center: Cli, tmp_path: Path) -> None:
    first = real_case(center.folder)
    assert center.as_user("c1", C1_PW, "backup") == 1  # backing up: team leads, admins
    assert center.as_user("lead", LEAD_PW, "backup") == 0, center.err
    [backup] = list((center.folder / "backups").glob("onestop-*.db"))
    later = real_case(center.folder)
    assert center.as_user("c1", C1_PW, "backup", "--to", str(tmp_path)) == 1  # counselor
    assert center.as_user("lead", LEAD_PW, "backup", "--to", str(tmp_path)) == 0
    assert center.as_user("c1", C1_PW, "check") == 0 and "OK" in center.out
    assert center.as_user("lead", LEAD_PW, "restore", str(backup)) == 1  # admin only
    assert center.as_user("admin", ADMIN_PW, "restore", str(backup)) == 0, center.err
    assert "1 cases" in center.out
    session = cheap_auth(center.folder).login("lead", LEAD_PW)
    try:
        numbers = [
            s.case_number
            for s in session.services.cases.summaries(session.services.cases.list_ids())
        ]
    finally:
        session.logout()
    assert first in numbers and later not in numbers
    assert list(center.folder.glob("onestop.db.before-restore-*"))
    assert center.as_user("admin", ADMIN_PW, "audit", "verify") == 0, center.err


def test_purge_dry_run_then_yes(center: Cli) -> None:
    number = real_case(center.folder)
    session = cheap_auth(center.folder).login("admin", ADMIN_PW)
    with session.store.sessions.begin() as s:
        s.execute(
            update(models.Case)
            .where(models.Case.case_number == number)
            .values(status="closed", closed_on=date(2020, 1, 1))
        )
    session.logout()
    assert center.as_user("admin", ADMIN_PW, "purge") == 1
    center.assert_one_line_error()
    assert center.as_user("admin", ADMIN_PW, "purge", "--dry-run") == 0
    assert number in center.out and "황보은결" not in center.out
    assert center.as_user("lead", LEAD_PW, "purge", "--yes") == 1
    assert center.as_user("admin", ADMIN_PW, "purge", "--yes") == 0, center.err
    assert "destroyed: 1 cases" in center.out
    assert center.as_user("admin", ADMIN_PW, "purge", "--dry-run") == 0
    assert number not in center.out
