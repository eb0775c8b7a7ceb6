"""``onestop-desk-admin`` maintenance commands: export, backup, restore, check, purge.

Wired into :mod:`onestop_desk.cli` by :func:`add_commands`; they follow its conventions
(``--user`` with the password from ``ONESTOP_DESK_PASSWORD`` or the first line of standard
input, one-line errors). ``export`` takes the file password as the second secret
(``ONESTOP_DESK_NEW_PASSWORD`` or the next line of standard input) unless
``--generate-password`` asks for a passphrase, which is printed once.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from onestop_desk.cli import (
    EXIT_FAILED,
    EXIT_OK,
    MESSAGES,
    CliError,
    Context,
    _session_command,
    describe,
)
from onestop_desk.domain.vocab import Role
from onestop_desk.services.auth import AuthSession
from onestop_desk.services.backups import (
    BackupService,
    check_database,
    list_backups,
    restore_backup,
    verify_backup,
)
from onestop_desk.services.export import ExportError, generate_passphrase

MAINTENANCE_MESSAGES: dict[str, tuple[str, str]] = {
    "export.disk_full": (
        "저장 장치에 빈 공간이 부족합니다. 파일은 만들어지지 않았습니다",
        "the drive is full; no file was written",
    ),
    "export.device_gone": (
        "저장 장치가 분리되었거나 읽을 수 없습니다. 파일은 만들어지지 않았습니다",
        "the drive was removed or failed; no file was written",
    ),
    "export.not_writable": (
        "이 위치에는 쓸 수 없습니다(읽기 전용 또는 권한 없음)",
        "cannot write there (read-only or no permission)",
    ),
    "export.target_missing": ("저장할 폴더가 없습니다", "the target folder does not exist"),
    "export.verify_failed": (
        "저장한 파일을 확인하지 못해 지웠습니다",
        "the written file failed verification and was removed",
    ),
    "export.io_error": ("파일을 쓰는 중 오류가 났습니다", "write error"),
    "backup.not_found": ("백업 파일이나 폴더가 없습니다", "backup file or folder not found"),
    "backup.wrong_key": (
        "이 센터의 키로 열리지 않는 백업입니다",
        "the backup does not open with this center's key",
    ),
    "backup.damaged": ("백업 파일이 손상되었습니다", "the backup is damaged"),
    "backup.too_new": (
        "더 새 버전이 만든 백업입니다",
        "the backup was made by a newer version",
    ),
    "backup.disk_full": ("저장 공간이 부족합니다", "not enough disk space"),
    "backup.not_writable": ("이 위치에는 쓸 수 없습니다", "cannot write there"),
    "backup.io_error": ("백업 중 오류가 났습니다", "backup I/O error"),
    "purge.confirm": (
        "--dry-run 또는 --yes 중 하나를 지정하세요",
        "give --dry-run or --yes",
    ),
}


def _require(session: AuthSession, *roles: Role) -> None:
    if session.role not in roles:
        raise CliError("permission_denied")


@_session_command
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
    return BackupService(session.services.context, session.store)


@_session_command
def cmd_backup(args: argparse.Namespace, ctx: Context, session: AuthSession) -> int:
    backups = _backups(session)
    info = backups.backup_to(Path(args.to)) if args.to else backups.backup_now()
    ctx.print(f"백업했습니다 / backed up: {info.path} ({info.size} bytes)")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace, ctx: Context) -> int:
    """Administrators: verify, close the store, restore, reopen and log the restore."""
    password = ctx.secrets.password()
    session = ctx.auth.login(args.user, password)
    try:
        _require(session, Role.ADMIN)
        key = session.store.key
        live = session.store.path
        verified = verify_backup(Path(args.file), key)
    except BaseException:
        session.logout("cli restore refused")
        raise
    session.logout("cli restore")  # closes the store: nothing may hold the file now
    outcome = restore_backup(Path(args.file), live, key)
    ctx.auth.audit_heads.forget()  # the restored log ends where the backup did
    session = ctx.auth.login(args.user, password)
    try:
        _backups(session).record_restore(outcome)
    finally:
        session.logout("cli restore done")
    ctx.print(f"복원했습니다 / restored: {verified.cases} cases from {outcome.restored_from}")
    ctx.print(f"이전 데이터베이스 / previous database kept as: {outcome.kept_copy}")
    return EXIT_OK


def cmd_check(args: argparse.Namespace, ctx: Context) -> int:
    backup_dir = ctx.auth.backup_dir
    try:
        session = ctx.auth.login(args.user, ctx.secrets.password())
    except Exception as exc:
        code = getattr(exc, "code", "")
        if not str(code).startswith("store"):
            raise
        # The database does not even open: name the backups there are (unverified).
        sys.stderr.write(describe(str(code)) + "\n")
        for info in list_backups(backup_dir)[:3]:
            ctx.print(f"백업 / backup: {info.path} ({info.created_at:%Y-%m-%d %H:%M} UTC)")
        return EXIT_FAILED
    key, live = session.store.key, session.store.path
    session.logout("cli check")
    report = check_database(live, key, backup_dir)
    if report.ok:
        ctx.print("이상 없음 / OK")
        return EXIT_OK
    sys.stderr.write(
        "오류: 데이터베이스가 손상되었습니다 / error: the database is damaged: "
        + "; ".join(report.problems[:3])
        + "\n"
    )
    for good in report.good_backups:
        ctx.print(
            f"정상 백업 / good backup: {good.info.path} "
            f"({good.info.created_at:%Y-%m-%d %H:%M} UTC, {good.cases} cases)"
        )
    if not report.good_backups:
        ctx.print("확인된 정상 백업이 없습니다 / no verified backup found")
    return EXIT_FAILED


@_session_command
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


def add_commands(
    commands: argparse._SubParsersAction,  # type: ignore[type-arg]
    *,
    common: argparse.ArgumentParser,
    with_user: argparse.ArgumentParser,
) -> None:
    """Add the maintenance commands to the ``onestop-desk-admin`` parser (``common`` and
    ``with_user`` are its shared parents) and their error texts to ``cli.MESSAGES``."""
    MESSAGES.update(MAINTENANCE_MESSAGES)

    p = commands.add_parser("export", parents=[with_user], help="encrypted case summary PDF")
    p.add_argument("case_numbers", nargs="+", metavar="CASE_NUMBER")
    p.add_argument("--to", required=True, metavar="DIR", help="folder or USB drive")
    p.add_argument("--reason", required=True, help="why the data leaves the center (logged)")
    p.add_argument("--letters", action="store_true", help="add the referral letters")
    p.add_argument("--generate-password", action="store_true", help="make a passphrase, shown once")
    p.set_defaults(handler=cmd_export)

    p = commands.add_parser("backup", parents=[with_user], help="encrypted database backup")
    p.add_argument("--to", metavar="DIR", help="a chosen folder (default: the backups folder)")
    p.set_defaults(handler=cmd_backup)

    p = commands.add_parser("restore", parents=[with_user], help="restore a backup (admin)")
    p.add_argument("file", metavar="FILE")
    p.set_defaults(handler=cmd_restore)

    p = commands.add_parser("check", parents=[with_user], help="database integrity check")
    p.set_defaults(handler=cmd_check)

    p = commands.add_parser("purge", parents=[with_user], help="destroy expired closed cases")
    p.add_argument("--dry-run", action="store_true", help="list what would be destroyed")
    p.add_argument("--yes", action="store_true", help="destroy them")
    p.set_defaults(handler=cmd_purge)
