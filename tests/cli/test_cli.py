"""``onestop-desk-admin`` in-process through ``main(argv)``, and once as a real process."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pypdf
from sqlalchemy import text

from helpers.cli_runner import ADMIN_PW, C1_PW, LEAD_PW, Cli, cheap_auth, real_case
from onestop_desk.domain.records import CaseInput, PersonInput
from onestop_desk.domain.vocab import IntakeChannel


def test_init_prints_the_recovery_key_once_and_writes_the_sheet(center: Cli) -> None:
    key: str = center.recovery_key
    assert len(key) == 35 and key.count("-") == 5
    page = pypdf.PdfReader(center.sheet).pages[0].extract_text()
    assert "복구 키" in page
    for group in key.split("-"):
        assert group in page
    if not center.server_password:  # on a server store the keyring is in the database
        assert key not in (center.folder / "keyring.json").read_text(encoding="utf-8")


def test_init_twice_is_refused_with_one_line(center: Cli) -> None:
    code = center(
        "init", "--center", "x", "--username", "a2", "--display-name", "b", stdin=ADMIN_PW + "\n"
    )
    assert code == 1
    center.assert_one_line_error()
    assert "already set up" in center.err


def test_usage_errors_exit_2_with_one_line(cli: Cli) -> None:
    assert cli("bogus") == 2
    cli.assert_one_line_error()
    assert cli("cases", "show") == 2
    cli.assert_one_line_error()
    assert cli("audit", "export", "--user", "admin", "--reason", "x") == 2  # no --out
    cli.assert_one_line_error()


def test_commands_before_setup_and_without_password_fail_cleanly(cli: Cli) -> None:
    assert cli("agencies", "list", "--user", "admin", stdin="whatever-123\n") == 1
    cli.assert_one_line_error()
    assert "init" in cli.err


def test_missing_password_and_wrong_password(center: Cli) -> None:
    assert center("agencies", "list", "--user", "admin") == 1
    center.assert_one_line_error()
    assert "ONESTOP_DESK_PASSWORD" in center.err
    assert center.as_user("admin", "wrong-password-1", "agencies", "list") == 1
    center.assert_one_line_error()
    assert "wrong user name or password" in center.err


def test_password_from_the_environment(center: Cli) -> None:
    code = center("agencies", "list", "--user", "lead", env={"ONESTOP_DESK_PASSWORD": LEAD_PW})
    assert code == 0
    assert "검찰청 피해자지원실" in center.out


def test_user_administration(center: Cli) -> None:
    assert center.as_user("admin", ADMIN_PW, "users", "list") == 0
    assert "lead\t김팀장\tteam_lead\tactive" in center.out
    assert center.as_user("admin", ADMIN_PW, "users", "set-role", "c1", "team_lead") == 0
    assert (
        center.as_user("admin", ADMIN_PW, "users", "reset-password", "c1", stdin="임시비밀번호2026")
        == 0
    )
    assert center.as_user("c1", C1_PW, "agencies", "list") == 1
    # The administrator's password opens the account, but nothing works until it is changed.
    assert center.as_user("c1", "임시비밀번호2026", "agencies", "list") == 1
    center.assert_one_line_error()
    assert (
        center.as_user(
            "admin", ADMIN_PW, "users", "reset-password", "ghost", stdin="임시비밀번호2026"
        )
        == 1
    )
    center.assert_one_line_error()
    assert "ghost" in center.err
    assert center.as_user("admin", ADMIN_PW, "users", "disable", "c1") == 0
    assert center.as_user("c1", "임시비밀번호2026", "agencies", "list") == 1
    assert center.as_user("admin", ADMIN_PW, "users", "disable", "admin") == 1
    center.assert_one_line_error()


def test_weak_password_is_refused_with_the_rule(center: Cli) -> None:
    code = center.as_user(
        "admin",
        ADMIN_PW,
        "users",
        "add",
        "c9",
        "--display-name",
        "구",
        "--role",
        "counselor",
        stdin="abc",
    )
    assert code == 1
    center.assert_one_line_error()
    assert "user.password=password.too_short" in center.err


def test_counselor_cannot_administer(center: Cli) -> None:
    code = center.as_user(
        "c1",
        C1_PW,
        "users",
        "add",
        "c9",
        "--display-name",
        "구",
        "--role",
        "counselor",
        stdin="상담원비번2027",
    )
    assert code == 1
    center.assert_one_line_error()
    assert "role" in center.err
    assert center.as_user("c1", C1_PW, "audit", "verify") == 1


def test_demo_needs_the_flag_and_refuses_real_data(center: Cli) -> None:
    assert center.as_user("lead", LEAD_PW, "demo", "--cases", "5") == 1
    assert "--yes-this-is-a-demo-database" in center.err
    assert center.as_user("c1", C1_PW, "demo", "--cases", "5", "--yes-this-is-a-demo-database") == 1
    real_case(center.folder)
    assert (
        center.as_user("lead", LEAD_PW, "demo", "--cases", "5", "--yes-this-is-a-demo-database")
        == 1
    )
    center.assert_one_line_error()
    assert "real cases" in center.err


def test_demo_then_search_and_show_masked_or_revealed(center: Cli) -> None:
    assert (
        center.as_user("lead", LEAD_PW, "demo", "--cases", "20", "--yes-this-is-a-demo-database")
        == 0
    )
    # A demo database may get more demo data.
    assert (
        center.as_user("lead", LEAD_PW, "demo", "--cases", "5", "--yes-this-is-a-demo-database")
        == 0
    )
    session = cheap_auth(center.folder).login("lead", LEAD_PW)
    some = session.services.cases.summaries(session.services.cases.list_ids()[:1])[0]
    session.close()
    assert center.as_user("lead", LEAD_PW, "cases", "search", some.case_number) == 0
    number, masked = center.out.splitlines()[0].split("\t")[:2]
    assert (number, masked) == (some.case_number, some.masked_name)
    assert "*" in masked
    assert center.as_user("lead", LEAD_PW, "cases", "show", number) == 0
    assert f"이름 name: {masked}" in center.out
    assert center.as_user("lead", LEAD_PW, "cases", "show", number, "--reveal") == 0
    revealed = next(x for x in center.out.splitlines() if x.startswith("이름"))
    assert "*" not in revealed
    assert center.as_user("admin", ADMIN_PW, "cases", "show", number) == 1
    center.assert_one_line_error()
    assert center.as_user("lead", LEAD_PW, "cases", "show", "1999-99999") == 1
    center.assert_one_line_error()
    session = cheap_auth(center.folder).login("admin", ADMIN_PW)
    logged = {(e.action, e.case_number) for e in session.audit_log.events()}
    session.close()
    assert ("view", number) in logged and ("reveal", number) in logged


def test_audit_verify_export_review(center: Cli, tmp_path: Path) -> None:
    assert center.as_user("admin", ADMIN_PW, "audit", "verify") == 0
    assert center.out.startswith("이상 없음 / OK")
    out = tmp_path / "audit.csv"
    assert (
        center.as_user(
            "admin", ADMIN_PW, "audit", "export", "--out", str(out), "--reason", "월간 점검"
        )
        == 0
    )
    assert "account" in out.read_text(encoding="utf-8-sig")
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    review_csv = tmp_path / "review.csv"
    month = cheap_auth(center.folder).clock.today().strftime("%Y-%m")
    assert (
        center.as_user(
            "admin", ADMIN_PW, "audit", "review", "--month", month, "--out", str(review_csv)
        )
        == 0
    )
    assert "admin\tlogin" in center.out
    assert "finding" in review_csv.read_text(encoding="utf-8-sig")  # the export is a finding
    assert center.as_user("admin", ADMIN_PW, "audit", "review", "--month", "11-2026") == 1
    center.assert_one_line_error()


def test_audit_verify_reports_the_first_broken_row(center: Cli) -> None:
    session = cheap_auth(center.folder).login("admin", ADMIN_PW)
    with session.store.engine.begin() as conn:
        conn.execute(text("UPDATE audit_events SET detail = 'nothing' WHERE seq = 4"))
    session.close()
    assert center.as_user("admin", ADMIN_PW, "audit", "verify") == 1
    center.assert_one_line_error()
    assert "row 4" in center.err


def test_recover_sets_a_new_admin_password(center: Cli) -> None:
    key: str = center.recovery_key
    assert center("recover", "--username", "admin", stdin=f"{key}\n새관리자비번2026\n") == 0
    assert center.as_user("admin", "새관리자비번2026", "users", "list") == 0
    assert center("recover", "--username", "admin", stdin="AAAAA\n새관리자비번2027\n") == 1
    center.assert_one_line_error()


def test_as_a_real_process(tmp_path: Path) -> None:
    """The console script: real argon2 costs, real stdin, exit codes through the OS."""

    def run(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "onestop_desk.cli", *argv, "--data-dir", str(tmp_path / "d")],
            capture_output=True,
            text=True,
            timeout=120,
            env={**os.environ, "ONESTOP_DESK_PASSWORD": ADMIN_PW},
        )

    done = run("init", "--center", "센터", "--username", "admin", "--display-name", "관리")
    assert done.returncode == 0, done.stderr
    listed = run("agencies", "list", "--user", "admin")
    assert listed.returncode == 0 and "경찰" in listed.stdout
    bad = run("cases", "show", "2026-00001", "--user", "admin")
    assert bad.returncode == 1
    assert bad.stderr.count("\n") == 1 and "Traceback" not in bad.stderr
    usage = run("frobnicate")
    assert usage.returncode == 2 and usage.stderr.count("\n") == 1


def test_packet_writes_the_consented_letters_and_logs_a_download(
    center: Cli, tmp_path: Path
) -> None:
    from onestop_desk.domain.records import ConsentInput
    from onestop_desk.domain.vocab import ConsentItem, ConsentMethod

    session = cheap_auth(center.folder).login("c1", C1_PW)
    services = session.services
    case = services.cases.create_case(
        PersonInput(name="패킷확인", birth_date=date(1991, 2, 3)),
        CaseInput(intake_channel=IntakeChannel.VISIT, intake_date=date.today()),
    )
    for agency in ("police", "legal_aid"):
        services.consents.record(
            case.id,
            ConsentInput(
                agency_code=agency,
                items=frozenset({ConsentItem.IDENTITY}),
                given_on=date.today(),
                method=ConsentMethod.WRITTEN,
            ),
        )
    police = services.referrals.create(case.id, "police", ["smartwatch"])
    services.referrals.create(case.id, "legal_aid", ["legal_aid"])
    session.close()
    out = tmp_path / "packet.pdf"
    packet = ("packet", case.case_number, "--out", str(out), "--agency", "police")
    assert center.as_user("c1", C1_PW, *packet, stdin="짧은\n") == 1  # weak file password
    center.assert_one_line_error()
    assert not out.exists()
    assert center.as_user("c1", C1_PW, *packet, stdin="패킷-비밀번호-2026\n") == 0, center.err
    encrypted = pypdf.PdfReader(out)
    assert encrypted.is_encrypted and "패킷확인".encode() not in out.read_bytes()
    encrypted.decrypt("패킷-비밀번호-2026")
    text = "".join(p.extract_text() for p in encrypted.pages)
    assert "패킷확인" in text and police.document_number in center.out
    assert "대한법률구조공단" not in text.split("연계 의뢰서", 1)[1]  # only the police letter
    assert not list(tmp_path.glob(".*.partial"))
    smile = ("packet", case.case_number, "--out", str(out), "--agency", "smile_center")
    assert center.as_user("c1", C1_PW, *smile, "--generate-password") == 1
    center.assert_one_line_error()
    session = cheap_auth(center.folder).login("admin", ADMIN_PW)
    downloads = [e for e in session.audit_log.events() if e.action == "download"]
    session.close()
    assert [(e.case_number, e.reason) for e in downloads] == [
        (case.case_number, "연계 안내문 출력")
    ]
