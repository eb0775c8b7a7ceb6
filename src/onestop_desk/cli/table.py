"""The command table: each command declared once, and the parser and the runner built from it.

A :class:`Command` names its words (``("users", "add")``), its help, its arguments, how it logs
in and its handler. :func:`build_parser` turns the table into argparse sub-commands (the shared
``--data-dir`` and ``--user`` added from the login kind); :func:`run` logs in and out around
the handlers that want a session.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, NoReturn

from onestop_desk.cli.base import EXIT_USAGE, Context


class Login(Enum):
    NONE = "none"  # no account: init, recover
    SESSION = "session"  # --user; run() logs in before the handler and out after it
    HANDLER = "handler"  # --user; the handler logs in itself (check must survive a bad file)


@dataclass(frozen=True)
class Arg:
    flags: tuple[str, ...]
    options: Mapping[str, Any] = field(default_factory=dict)


def arg(*flags: str, **options: Any) -> Arg:
    """One argument, spelled as for ``ArgumentParser.add_argument``."""
    return Arg(flags, options)


@dataclass(frozen=True)
class Command:
    """``handler(args, ctx, session)`` for :attr:`Login.SESSION`, else ``handler(args, ctx)``."""

    words: tuple[str, ...]
    help: str
    handler: Callable[..., int]
    login: Login = Login.SESSION
    args: tuple[Arg, ...] = ()


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage mistake as one line, exit status 2."""

    def error(self, message: str) -> NoReturn:
        sys.stderr.write(f"오류: 사용법이 틀렸습니다 / usage error: {message}\n")
        raise SystemExit(EXIT_USAGE)


def build_parser(commands: Iterable[Command], group_help: Mapping[str, str]) -> _Parser:
    # SUPPRESS: a --data-dir given before the command is not overwritten by the leaf's default.
    common = _Parser(add_help=False)
    common.add_argument("--data-dir", default=argparse.SUPPRESS, help="data folder")
    with_user = _Parser(add_help=False, parents=[common])
    with_user.add_argument("--user", required=True, help="your account (password on stdin)")

    parser = _Parser(
        prog="onestop-desk-admin",
        description="원스톱 데스크 관리 도구 / OneStop Desk administration",
    )
    parser.add_argument("--data-dir", default=None, help="data folder")
    top = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    groups: dict[str, Any] = {}
    for command in commands:
        parent = top
        if len(command.words) == 2:
            group = command.words[0]
            if group not in groups:
                groups[group] = top.add_parser(group, help=group_help.get(group)).add_subparsers(
                    dest=f"{group}_command", required=True, parser_class=_Parser
                )
            parent = groups[group]
        p = parent.add_parser(
            command.words[-1],
            parents=[common if command.login is Login.NONE else with_user],
            help=command.help,
            description=command.help,
        )
        for argument in command.args:
            p.add_argument(*argument.flags, **argument.options)
        p.set_defaults(command_entry=command)
    return parser


def run(command: Command, args: argparse.Namespace, ctx: Context) -> int:
    if command.login is Login.SESSION:
        with ctx.session(args.user) as session:
            return int(command.handler(args, ctx, session))
    return int(command.handler(args, ctx))
