"""The access log (접속기록): ``audit verify|export|review|purge``."""

from __future__ import annotations

import argparse
import csv
import io
from pathlib import Path

from onestop_desk.cli.base import EXIT_FAILED, EXIT_OK, Context, day, write_private
from onestop_desk.cli.table import Command, arg
from onestop_desk.domain import messages
from onestop_desk.domain.text import csv_row
from onestop_desk.domain.vocab import AuditAction
from onestop_desk.services.access_log import AuditFilter, AuditReview
from onestop_desk.services.auth import AuthSession


def cmd_audit_verify(args: argparse.Namespace, ctx: Context, session: AuthSession) -> int:
    report = session.verify_audit()
    if report.ok:
        ctx.print(f"이상 없음 / OK: {report.rows_checked} rows")
        return EXIT_OK
    ko, en = (words.rstrip(".") for words in messages.words(report.reason or "audit"))
    if report.missing is not None:
        first, last = report.missing
        ctx.warn(
            f"오류: 접속기록 {first}~{last}번 행이 없습니다({ko}) / "
            f"error: access-log rows {first}-{last} are missing ({en}; {report.reason})"
        )
    elif report.first_bad_seq is None:
        ctx.warn(f"오류: {ko} / error: {en} ({report.reason})")
    else:
        ctx.warn(
            f"오류: 접속기록 {report.first_bad_seq}번 행에서 체인이 끊어졌습니다({ko}) / "
            f"error: chain broken at row {report.first_bad_seq} ({en}; {report.reason})"
        )
    return EXIT_FAILED


def cmd_audit_export(args: argparse.Namespace, ctx: Context, session: AuthSession) -> int:
    flt = AuditFilter(start=args.start, end=args.end, username=args.username or "")
    text = session.audit_log.export_csv(args.reason, flt)
    write_private(Path(args.out), text.encode("utf-8-sig"))  # BOM: Excel reads it as UTF-8
    ctx.print(f"내보냈습니다 / exported: {args.out}")
    return EXIT_OK


def review_csv(review: AuditReview) -> str:
    """The monthly review as CSV: the counts, then the findings."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["section", "user", "action/kind", "count", "detail"])
    # Details quote typed reasons; opened in Excel, a cell must never run.
    for c in review.counts:
        writer.writerow(csv_row(["count", c.username, c.action, c.count, ""]))
    for f in review.findings:
        writer.writerow(csv_row(["finding", f.username, f.kind, f.count, f.detail]))
    return out.getvalue()


def cmd_audit_review(args: argparse.Namespace, ctx: Context, session: AuthSession) -> int:
    review = session.audit_log.review(args.month)
    ctx.print(f"{review.month} 접속기록 점검 / access-log review: {review.total} rows")
    for c in review.counts:
        ctx.print(f"  {c.username}\t{c.action}\t{c.count}")
    if review.findings:
        ctx.print("확인할 점 / findings:")
        for f in review.findings:
            ctx.print(f"  [{f.kind}] {f.username}: {f.count} {f.detail}".rstrip())
    else:
        ctx.print("특이사항 없음 / nothing unusual")
    if args.out:
        write_private(Path(args.out), review_csv(review).encode("utf-8-sig"))
        session.record_event(
            AuditAction.DOWNLOAD, detail=f"audit review {review.month}", reason="monthly review"
        )
    return EXIT_OK


def cmd_audit_purge(args: argparse.Namespace, ctx: Context, session: AuthSession) -> int:
    result = session.audit_log.purge(args.reason)
    ctx.print(
        f"보존기간이 지난 접속기록 {result.removed}행을 지웠습니다 / removed {result.removed} rows"
    )
    return EXIT_OK


COMMANDS = (
    Command(("audit", "verify"), "check the log's hash chain", cmd_audit_verify),
    Command(
        ("audit", "export"),
        "the log as CSV (the reason is logged)",
        cmd_audit_export,
        args=(
            arg("--out", required=True, metavar="FILE"),
            arg("--reason", required=True),
            arg("--from", dest="start", type=day),
            arg("--to", dest="end", type=day),
            arg("--username", help="only this account's rows"),
        ),
    ),
    Command(
        ("audit", "review"),
        "the monthly review: counts and findings",
        cmd_audit_review,
        args=(
            arg("--month", required=True, metavar="YYYY-MM"),
            arg("--out", metavar="FILE.csv"),
        ),
    ),
    Command(
        ("audit", "purge"),
        "remove rows past retention",
        cmd_audit_purge,
        args=(arg("--reason", required=True),),
    ),
)
