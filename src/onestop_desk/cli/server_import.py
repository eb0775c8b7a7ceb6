"""``server import``: move a single-PC store into the center server store (administrators).

Run it on a data folder connected to the center server, as an administrator of the server:
``onestop-desk-admin server import --from PATH --user ADMIN``. PATH is the other PC's data
folder (or its ``onestop.db`` with ``keyring.json`` beside it); close the program there first.
The source is unlocked with the password of an administrator of *that* store
(``--source-user``, by default the same name as ``--user``; the password is the next line of
standard input, or ``ONESTOP_DESK_SOURCE_PASSWORD``; a terminal asks without echo) or with
its recovery key (``--recovery-key``). The command prints the case and document numbers that
changed (old → new) and, with ``--map FILE``, writes every number as CSV.
"""

from __future__ import annotations

import argparse
import csv
import io
from pathlib import Path

from onestop_desk.cli.base import EXIT_OK, CliError, Context, write_private
from onestop_desk.cli.table import Command, arg
from onestop_desk.services.auth import AuthSession
from onestop_desk.services.server_import import (
    ImportReport,
    ServerImportService,
    open_source,
)

KIND_WORDS = {"case": "사례 case", "document": "문서 document"}
COUNT_WORDS = (
    ("cases", "사례 cases"),
    ("persons", "사람 persons"),
    ("referrals", "의뢰 referrals"),
    ("consents", "동의 consents"),
    ("needs", "욕구 needs"),
    ("timeline_events", "기록 timeline"),
    ("phone_inquiries", "전화 문의 phone inquiries"),
    ("destruction_register", "파기 대장 destruction register"),
    ("audit_events", "접속기록 access log rows"),
)


def map_csv(report: ImportReport) -> bytes:
    """Every number of the imported store: kind, old, new, whether it changed."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["kind", "old_number", "new_number", "changed"])
    for number in report.numbers:
        writer.writerow([number.kind, number.old, number.new, "yes" if number.changed else "no"])
    # With a BOM, Excel opens it as UTF-8 (the header is ASCII, but a user may add notes).
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def print_report(ctx: Context, report: ImportReport, admin: str) -> None:
    ctx.print(f"가져왔습니다 / imported: {report.source}")
    counts = ", ".join(f"{words} {report.counts.get(key, 0)}" for key, words in COUNT_WORDS)
    ctx.print(f"  {counts}")
    renumbered = report.renumbered
    if renumbered:
        ctx.print(
            f"번호가 바뀌었습니다(예전 번호로도 찾을 수 있습니다) / renumbered "
            f"(the old numbers still find the case): {len(renumbered)}"
        )
        ctx.print("  종류 kind\t예전 old\t→\t새 new")
        for number in renumbered:
            ctx.print(f"  {KIND_WORDS[number.kind]}\t{number.old}\t→\t{number.new}")
    else:
        ctx.print("바뀐 번호가 없습니다 / no number changed")
    if report.created_users:
        ctx.print(
            "새로 만든 계정(사용 중지 상태, 다시 사용하게 하면 첫 로그인 때 비밀번호를 바꿔야 "
            "합니다) / accounts created disabled (once enabled, the password must be changed "
            "at the first login): " + ", ".join(report.created_users)
        )
        ctx.print(f"  onestop-desk-admin users enable --user {admin} NAME")
    if report.created_directory:
        ctx.print(
            "서버에 없던 기관·프로그램을 추가했습니다 / directory entries added: "
            + ", ".join(report.created_directory)
        )
    if report.drafts_left:
        ctx.print(
            f"옮기지 않은 접수 초안 / unfinished intake drafts not imported: "
            f"{report.drafts_left} (그 PC에서 마무리하세요 / finish them on that PC)"
        )


def cmd_server_import(args: argparse.Namespace, ctx: Context, session: AuthSession) -> int:
    if not session.store.is_server:
        raise CliError("import.not_server")
    if args.recovery_key:
        secret = {"recovery_key": ctx.secrets.recovery_key()}
    else:
        secret = {
            "username": args.source_user or args.user,
            "password": ctx.secrets.source_password(),
        }
    with open_source(Path(args.source), **secret) as source:
        report = ServerImportService(session.services.context).import_store(source)
    print_report(ctx, report, session.username)
    if args.map:
        write_private(Path(args.map), map_csv(report))
        ctx.print(f"번호표를 저장했습니다 / number map written: {args.map}")
    return EXIT_OK


COMMANDS = (
    Command(
        ("server", "import"),
        "move a single-PC store into the center server (administrators)",
        cmd_server_import,
        args=(
            arg(
                "--from",
                dest="source",
                required=True,
                help="the other PC's data folder, or its onestop.db with keyring.json beside it",
            ),
            arg(
                "--source-user",
                default=None,
                help="an administrator of the store imported (default: --user)",
            ),
            arg(
                "--recovery-key",
                action="store_true",
                help="unlock the store imported with its recovery key instead",
            ),
            arg("--map", default=None, help="also write every old and new number as CSV"),
        ),
    ),
)
