"""Data leaving or coming back: ``export``, ``backup``, ``restore``, ``check``, ``purge``.

``export`` takes the file password as the second secret (``ONESTOP_DESK_NEW_PASSWORD`` or the
next line of standard input) unless ``--generate-password`` asks for a passphrase, which is
printed once. Who may do each is the services' answer.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from onestop_desk.cli.base import EXIT_FAILED, EXIT_OK, CliError, Context, describe
from onestop_desk.cli.table import Command, Login, arg
from onestop_desk.domain import messages
from onestop_desk.domain.errors import DomainError
from onestop_desk.services.auth import AuthSession
from onestop_desk.services.backups import BackupService, list_backups
from onestop_desk.services.export import ExportError, generate_passphrase


def cmd_export(args: argparse.Namespace, ctx: Context, session: AuthSession) -> int:
    if args.generate_password:
        password = generate_passphrase()
        ctx.print("파일 비밀번호 (한 번만 표시됩니다) / file password (shown once):")
        ctx.print(password)
    else:
        password = ctx.secrets.new_password()
    cases = session.services.cases
    ids = [cases.id_by_number(number) for number in args.case_numbers]

    def progress(done: int, total: int) -> None:
        if done:
            sys.stderr.write(f"{done}/{total}\n")

    try:
        results = session.services.export.export_cases(
            ids,
            Path(args.to),
            password=password,
            reason=args.reason,
            include_letters=args.letters,
            progress=progress if len(ids) > 1 else None,
        )
    except ExportError as exc:
        for done in exc.params.get("done", ()):
            ctx.print(f"저장됨 / written: {done.path}")
        raise
    for result in results:
        ctx.print(f"저장됨 / written: {result.path} ({result.pages} pages, AES-256)")
    return EXIT_OK


def _backups(session: AuthSession) -> BackupService:
    # AuthSession builds its services with the store, so backups are always there.
    backups = session.services.backups
    if backups is None:
        raise CliError("store.server_unsupported" if session.store.is_server else "store")
    return backups


def cmd_backup(args: argparse.Namespace, ctx: Context, session: AuthSession) -> int:
    backups = _backups(session)
    info = backups.backup_to(Path(args.to)) if args.to else backups.backup_now()
    ctx.print(f"백업했습니다 / backed up: {info.path} ({info.size} bytes)")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace, ctx: Context, session: AuthSession) -> int:
    """Verify, close the store, restore, reopen and log the restore: ``AuthSession.restore``
    does all of it (and refuses before closing anything if the backup does not verify)."""
    restored, outcome = session.restore(Path(args.file))
    restored.logout("cli restore done")
    ctx.print(f"복원했습니다 / restored: {outcome.cases} cases from {outcome.restored_from}")
    ctx.print(f"이전 데이터베이스 / previous database kept as: {outcome.kept_copy}")
    return EXIT_OK


def cmd_check(args: argparse.Namespace, ctx: Context) -> int:
    try:
        session = ctx.login(args.user)
    except DomainError as exc:
        code = messages.error_code(exc)
        if not code.startswith("store"):
            raise
        # The database does not even open: name the backups there are (unverified).
        ctx.warn(describe(code))
        for info in list_backups(ctx.auth.backup_dir)[:3]:
            ctx.print(f"백업 / backup: {info.path} ({info.created_at:%Y-%m-%d %H:%M} UTC)")
        return EXIT_FAILED
    try:
        report = _backups(session).health()
    finally:
        session.logout("cli check")
    if report.ok:
        ctx.print("이상 없음 / OK")
        return EXIT_OK
    ctx.warn(
        "오류: 데이터베이스가 손상되었습니다 / error: the database is damaged: "
        + "; ".join(report.problems[:3])
    )
    for good in report.good_backups:
        ctx.print(
            f"정상 백업 / good backup: {good.info.path} "
            f"({good.info.created_at:%Y-%m-%d %H:%M} UTC, {good.cases} cases)"
        )
    if not report.good_backups:
        ctx.print("확인된 정상 백업이 없습니다 / no verified backup found")
    return EXIT_FAILED


def cmd_purge(args: argparse.Namespace, ctx: Context, session: AuthSession) -> int:
    retention = session.services.retention
    if args.dry_run == args.yes:
        raise CliError("purge.confirm")
    report = retention.due()
    ctx.print(
        f"보존기간 {report.years}년, {report.cutoff.isoformat()} 이전 종결 사례 "
        f"{len(report.cases)}건 / retention {report.years}y: {len(report.cases)} due"
    )
    for case in report.cases:
        ctx.print(f"{case.case_number}\t{case.closed_on.isoformat()}")
    if args.dry_run:
        return EXIT_OK
    result = retention.purge([c.case_number for c in report.cases])
    ctx.print(
        f"파기했습니다 / destroyed: {len(result.destroyed)} cases, "
        f"{result.persons_removed} persons (개인정보 보호법 제21조)"
    )
    return EXIT_OK


COMMANDS = (
    Command(
        ("export",),
        "encrypted case summary PDF",
        cmd_export,
        args=(
            arg("case_numbers", nargs="+", metavar="CASE_NUMBER"),
            arg("--to", required=True, metavar="DIR", help="folder or USB drive"),
            arg("--reason", required=True, help="why the data leaves the center (logged)"),
            arg("--letters", action="store_true", help="add the referral letters"),
            arg("--generate-password", action="store_true", help="make a passphrase, shown once"),
        ),
    ),
    Command(
        ("backup",),
        "encrypted database backup",
        cmd_backup,
        args=(arg("--to", metavar="DIR", help="a chosen folder (default: the backups folder)"),),
    ),
    Command(
        ("restore",),
        "restore a backup (admin)",
        cmd_restore,
        args=(arg("file", metavar="FILE"),),
    ),
    Command(("check",), "database integrity check", cmd_check, Login.HANDLER),
    Command(
        ("purge",),
        "destroy expired closed cases",
        cmd_purge,
        args=(
            arg("--dry-run", action="store_true", help="list what would be destroyed"),
            arg("--yes", action="store_true", help="destroy them"),
        ),
    ),
)
