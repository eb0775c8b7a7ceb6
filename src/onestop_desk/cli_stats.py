"""``onestop-desk-admin stats``: the period's statistics as a CSV, XLSX or PDF file.

Only suppressed aggregates are written (counts under 5 as "<5", see
``domain.statistics_suppression``); team leads and administrators only. Follows the CLI's
conventions: ``--user`` with the password from ``ONESTOP_DESK_PASSWORD`` or the first line
of standard input, one-line errors. The export is written to the access log with its
reason.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from onestop_desk.cli import EXIT_OK, Context, _day, _session_command, _write_private
from onestop_desk.services.auth import AuthSession
from onestop_desk.services.statistics import ExportFormat

DEFAULT_REASON = "통계 보고"


@_session_command
def cmd_stats(args: argparse.Namespace, ctx: Context, session: AuthSession) -> int:
    data = session.services.statistics.export(
        args.start, args.end, ExportFormat(args.format), reason=args.reason
    )
    _write_private(Path(args.out), data)
    ctx.print(f"통계를 내보냈습니다 / statistics written: {args.out}")
    return EXIT_OK


def add_commands(
    commands: argparse._SubParsersAction,  # type: ignore[type-arg]
    *,
    with_user: argparse.ArgumentParser,
) -> None:
    """Add ``stats`` to the ``onestop-desk-admin`` parser (``with_user`` is its parent that
    carries ``--user`` and ``--data-dir``)."""
    p = commands.add_parser(
        "stats", parents=[with_user], help="statistics of a period (small counts hidden)"
    )
    p.add_argument("--from", dest="start", type=_day, required=True, metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="end", type=_day, required=True, metavar="YYYY-MM-DD")
    p.add_argument("--format", choices=[f.value for f in ExportFormat], required=True)
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--reason", default=DEFAULT_REASON, help="why it leaves the center (logged)")
    p.set_defaults(handler=cmd_stats)
