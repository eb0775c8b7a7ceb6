"""``demo``: invented cases for training and screenshots, never into a real center's data."""

from __future__ import annotations

import argparse

from onestop_desk.cli.base import EXIT_OK, CliError, Context
from onestop_desk.cli.table import Command, arg
from onestop_desk.domain.access import Permission
from onestop_desk.domain.errors import PermissionDeniedError
from onestop_desk.services.auth import AuthSession

DEMO_FLAG = "--yes-this-is-a-demo-database"


def cmd_demo(args: argparse.Namespace, ctx: Context, session: AuthSession) -> int:
    if not session.may(Permission.LOAD_DEMO_DATA):
        raise PermissionDeniedError("role not allowed")
    if not args.yes_this_is_a_demo_database:
        raise CliError("demo.flag")
    written = session.services.demo.generate(args.cases, seed=args.seed)
    ctx.print(f"데모 사례 {written}건을 만들었습니다 / {written} demo cases written")
    return EXIT_OK


COMMANDS = (
    Command(
        ("demo",),
        "demo data (never real centers)",
        cmd_demo,
        args=(
            arg("--cases", type=int, required=True),
            arg("--seed", type=int, default=1701),
            arg(DEMO_FLAG, action="store_true"),
        ),
    ),
)
