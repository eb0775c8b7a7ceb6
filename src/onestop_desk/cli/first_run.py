"""Commands that run without an account: ``init`` (first-run setup) and ``recover`` (the
recovery key gives an administrator a new password). Neither needs anything but the data
folder, so they work before any account exists or when every password is lost."""

from __future__ import annotations

import argparse
from pathlib import Path

from onestop_desk.cli.base import EXIT_OK, Context, write_private
from onestop_desk.cli.table import Command, Login, arg
from onestop_desk.domain.vocab import AuditAction


def cmd_init(args: argparse.Namespace, ctx: Context, *, password: str | None = None) -> int:
    """``password``: the administrator's, when the caller has read it already
    (``server init``)."""
    # Imported here: reportlab costs every other command's start-up time for nothing.
    from onestop_desk.reports.recovery_sheet import render_recovery_sheet

    result = ctx.auth.set_up(
        args.center,
        args.username,
        args.display_name,
        password if password is not None else ctx.secrets.password(),
        address=args.address,
        phone=args.phone,
    )
    session = result.session
    try:
        if args.recovery_sheet:
            pdf = render_recovery_sheet(
                center_name=args.center.strip(),
                recovery_key=result.recovery_key,
                administrator=session.username,
                created_at=ctx.auth.clock.now(),
            )
            write_private(Path(args.recovery_sheet), pdf)
            session.record_event(AuditAction.PRINT, detail="recovery key sheet")
        ctx.print(f"센터를 만들었습니다 / center created: {ctx.auth.data_dir}")
        ctx.print("복구 키 (한 번만 표시됩니다; 인쇄해서 금고에 보관하세요):")
        ctx.print("recovery key (shown once; print it and keep it in the safe):")
        ctx.print(result.recovery_key)
        if args.recovery_sheet:
            ctx.print(f"복구 키 용지 / recovery sheet: {args.recovery_sheet}")
        if not (args.address.strip() and args.phone.strip()):
            # Asked, not required: the sheets a person takes home print both.
            ctx.print(
                "센터 주소와 대표 전화는 설정 → 센터 정보…에서 입력하세요 / "
                "enter the center's address and main number in Settings → Center details…"
            )
    finally:
        session.logout("cli init")
    return EXIT_OK


def cmd_recover(args: argparse.Namespace, ctx: Context) -> int:
    key = ctx.secrets.recovery_key()
    session = ctx.auth.recover(key, args.username, ctx.secrets.new_password())
    session.logout("cli recover")
    ctx.print(f"새 비밀번호를 정했습니다 / new password set: {args.username}")
    return EXIT_OK


COMMANDS = (
    Command(
        ("init",),
        "first-run setup",
        cmd_init,
        Login.NONE,
        (
            arg("--center", required=True, help="center name"),
            arg("--address", default="", help="center address (printed on take-home sheets)"),
            arg("--phone", default="", help="center main phone number (e.g. 1577-1701)"),
            arg("--username", required=True),
            arg("--display-name", required=True),
            arg("--recovery-sheet", metavar="FILE", help="write the recovery-key PDF here"),
        ),
    ),
    Command(
        ("recover",),
        "recovery key, new admin password",
        cmd_recover,
        Login.NONE,
        (arg("--username", required=True, help="administrator to give a new password"),),
    ),
)
