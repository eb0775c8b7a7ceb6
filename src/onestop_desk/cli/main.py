"""The command table of ``onestop-desk-admin`` and its entry point.

Every command takes ``--data-dir``. Commands that touch the database need ``--user NAME``; the
password comes from ``ONESTOP_DESK_PASSWORD`` or the first line of standard input (a terminal
asks without echo). A second secret (a new account's password, a reset) comes from
``ONESTOP_DESK_NEW_PASSWORD`` or the next line. A data folder connected to the center's server
(``server connect``) also needs the server's database role password: from
``ONESTOP_DESK_SERVER_PASSWORD`` or the next line. Secrets are never taken as arguments: those
end up in shell history and in the process list.

Errors print one line, Korean then English, to standard error: exit status 2 for a usage
mistake, 1 for anything refused or failed. Never a traceback: a traceback can carry data.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from typing import TextIO

from onestop_desk.cli import (
    audit,
    cases,
    demo,
    first_run,
    intake,
    maintenance,
    server,
    server_import,
    stats,
    users,
)
from onestop_desk.cli.base import EXIT_FAILED, EXIT_OK, AuthFactory, Context, Secrets, error_line
from onestop_desk.cli.table import Command, build_parser, run
from onestop_desk.services.auth import AuthService

COMMANDS: tuple[Command, ...] = (
    *first_run.COMMANDS,
    *server.COMMANDS,
    *demo.COMMANDS,
    *cases.COMMANDS,
    *intake.COMMANDS,
    *users.COMMANDS,
    *audit.COMMANDS,
    *maintenance.COMMANDS,
    *stats.COMMANDS,
    *server_import.COMMANDS,
)

GROUP_HELP = {
    "cases": "find and show cases",
    "agencies": "the partner directory",
    "users": "accounts and roles (administrators)",
    "audit": "the access log (administrators)",
    "server": "the center's PostgreSQL server (several PCs, one store)",
}


def main(
    argv: Sequence[str] | None = None,
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    environ: Mapping[str, str] | None = None,
    auth_factory: AuthFactory = AuthService,
) -> int:
    """Run one command; returns the exit status (the console script exits with it).

    The keyword arguments exist for tests: in-memory streams, a fixed environment, and an
    :class:`AuthService` with cheap key derivation.
    """
    out = stdout or sys.stdout
    try:
        args = build_parser(COMMANDS, GROUP_HELP).parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    secrets = Secrets(stdin or sys.stdin, environ if environ is not None else os.environ)
    try:
        ctx = Context(args.data_dir, out, secrets, auth_factory)
        return run(args.command_entry, args, ctx)
    except BrokenPipeError:
        # The reader went away (``| head``): not an error worth a line. Point stdout at
        # devnull so the interpreter's final flush does not raise again.
        if out is sys.stdout:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        sys.stderr.write("중단했습니다 / interrupted\n")
        return 130
    except Exception as exc:  # one line, never a traceback (see the module docstring)
        sys.stderr.write(error_line(exc) + "\n")
        return EXIT_FAILED
