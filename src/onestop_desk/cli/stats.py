"""``stats``: the period's statistics as a CSV, XLSX or PDF file.

Only suppressed aggregates are written (counts under 5 as "<5", see
``domain.statistics_suppression``); who may is the services' answer. The export is written to
the access log with its reason.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from onestop_desk.cli.base import EXIT_OK, Context, day, write_private
from onestop_desk.cli.table import Command, arg
from onestop_desk.services.auth import AuthSession
from onestop_desk.services.statistics import ExportFormat

DEFAULT_REASON = "통계 보고"


def cmd_stats(args: argparse.Namespace, ctx: Context, session: AuthSession) -> int:
    data = session.services.statistics.export(
        args.start, args.end, ExportFormat(args.format), reason=args.reason
    )
    write_private(Path(args.out), data)
    ctx.print(f"통계를 내보냈습니다 / statistics written: {args.out}")
    return EXIT_OK


COMMANDS = (
    Command(
        ("stats",),
        "statistics of a period (small counts hidden)",
        cmd_stats,
        args=(
            arg("--from", dest="start", type=day, required=True, metavar="YYYY-MM-DD"),
            arg("--to", dest="end", type=day, required=True, metavar="YYYY-MM-DD"),
            arg("--format", choices=[f.value for f in ExportFormat], required=True),
            arg("--out", required=True, metavar="FILE"),
            arg("--reason", default=DEFAULT_REASON, help="why it leaves the center (logged)"),
        ),
    ),
)
