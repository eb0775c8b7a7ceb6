"""The access log (접속기록) as administrators use it: verify, view, export, review, purge.

:class:`.audit.AuditTrail` writes rows; this service reads them for the people who must check
them (PIPC notice §8: review monthly, protect against tampering, record the reason of every
download) and removes them when the retention period has passed, without breaking the chain.

Retention: access rows are kept 2 years, rows about accounts and roles (``account``) 3 years.
The chain can only lose a *prefix* (an anchor marks where the rest starts), so a purge stops
at the oldest row retention still protects, whichever kind it is; a young account row keeps
the general rows after it for up to one more year. That errs on the side of keeping.
"""

from __future__ import annotations

import csv
import io
import json
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from onestop_desk.db import models
from onestop_desk.db.repositories import AuditRepository, DirectoryRepository, UserRepository
from onestop_desk.domain.access import Permission, require
from onestop_desk.domain.clock import KST
from onestop_desk.domain.errors import FieldError, ValidationError
from onestop_desk.domain.security.audit_chain import GENESIS, ChainProblem, ChainReport, ChainRow
from onestop_desk.domain.text import csv_row
from onestop_desk.domain.vocab import AuditAction
from onestop_desk.services.audit_trail import _row_fields
from onestop_desk.services.base import Service

ACCESS_RETENTION_DAYS = 2 * 365
"""접속기록 of sensitive data: at least 2 years."""
ACCOUNT_RETENTION_DAYS = 3 * 365
"""Grants, changes and revocations of rights: at least 3 years."""
WORKDAY_START_HOUR = 9
WORKDAY_END_HOUR = 18
HEAVY_VIEWER_MIN = 50
"""Distinct cases viewed in a month below which nobody is flagged, however the others work."""
HEAVY_VIEWER_FACTOR = 3.0
"""Flag a user who viewed this many times the median number of distinct cases."""

_CASE_ACCESS = frozenset(
    {
        AuditAction.VIEW,
        AuditAction.REVEAL,
        AuditAction.PRINT,
        AuditAction.EXPORT,
        AuditAction.DOWNLOAD,
        AuditAction.UPDATE,
        AuditAction.DELETE,
    }
)


@dataclass(frozen=True)
class AuditEventRecord:
    """One access-log row, as the viewer and exports show it (``at`` in KST)."""

    seq: int
    at: datetime
    username: str
    pc_name: str
    case_number: str
    action: str
    detail: str
    reason: str


@dataclass(frozen=True)
class AuditNames:
    """What the viewer needs to put a row's detail into words: agency names (Korean,
    English) by code and account names by user id (details store codes and ids)."""

    agencies: dict[str, tuple[str, str]]
    users: dict[int, str]


@dataclass(frozen=True)
class AuditFilter:
    """What the audit viewer filters by; empty strings and ``None`` mean "any"."""

    start: date | None = None
    end: date | None = None
    """Inclusive: the whole day is shown."""
    username: str = ""
    case_number: str = ""
    action: str = ""


@dataclass(frozen=True)
class ReviewCount:
    username: str
    action: str
    count: int


@dataclass(frozen=True)
class ReviewFinding:
    """Something in a month's log a reviewer should look at; ``kind`` is a stable code."""

    kind: str
    """``after_hours``, ``heavy_viewer``, ``failed_logins``, ``export`` or ``chain_broken``."""
    username: str
    count: int
    detail: str = ""


@dataclass(frozen=True)
class AuditReview:
    """The monthly review (PIPC notice §8): who did what how often, and what stands out."""

    month: str
    start: date
    end: date
    total: int
    counts: tuple[ReviewCount, ...]
    findings: tuple[ReviewFinding, ...]


@dataclass(frozen=True)
class PurgeResult:
    removed: int
    anchor: str
    first_kept_seq: int | None


def _kst(at: datetime) -> datetime:
    return at.replace(tzinfo=UTC).astimezone(KST)


def _utc_naive(day: date) -> datetime:
    """Midnight KST at the start of ``day``, in the stored form (naive UTC)."""
    return datetime(day.year, day.month, day.day, tzinfo=KST).astimezone(UTC).replace(tzinfo=None)


def _record(row: models.AuditEvent) -> AuditEventRecord:
    return AuditEventRecord(
        seq=row.seq,
        at=_kst(row.at),
        username=row.username,
        pc_name=row.pc_name,
        case_number=row.case_number,
        action=row.action,
        detail=row.detail,
        reason=row.reason,
    )


def month_bounds(month: str) -> tuple[date, date]:
    """``"2026-11"`` -> (2026-11-01, 2026-12-01); raises ``ValidationError`` if malformed."""
    try:
        year_text, month_text = month.split("-")
        start = date(int(year_text), int(month_text), 1)
    except ValueError as exc:
        raise ValidationError([FieldError("audit.month", "invalid")]) from exc
    end = date(start.year + (start.month == 12), start.month % 12 + 1, 1)
    return start, end


def is_after_hours(at_kst: datetime) -> bool:
    """Weekends and outside 09:00-18:00 (the center's hours; a sensible default)."""
    return at_kst.weekday() >= 5 or not WORKDAY_START_HOUR <= at_kst.hour < WORKDAY_END_HOUR


def describe(report: ChainReport) -> str:
    """A chain problem as one line of plain text for the log and the files: the reason
    code, the first row concerned and the rows known to be missing."""
    if report.ok:
        return "ok"
    text = str(report.reason)
    if report.first_bad_seq is not None:
        text += f" at row {report.first_bad_seq}"
    if report.missing is not None:
        first, last = report.missing
        text += f", rows {first}-{last} missing" if last > first else f", row {first} missing"
    return text


def _purge_anchor(row: models.AuditEvent | None) -> tuple[str, int | None]:
    """The anchor and first kept ``seq`` a purge row recorded (the row is hashed like any)."""
    if row is None:
        return GENESIS, None
    try:
        data = json.loads(row.detail)
        return str(data["anchor"]), int(data["first_seq"])
    except (ValueError, KeyError, TypeError):
        # A purge row whose detail does not parse was edited; its hash will say so, and the
        # genesis anchor makes the verification fail at the first row instead of passing.
        return GENESIS, None


class AuditLogService(Service):
    """Administrator access to the log. Every method checks the role itself."""

    def verify(self) -> ChainReport:
        """Check the whole chain, then its end against the head remembered outside the
        database (which catches rows cut off the end; see :mod:`.audit_trail`).

        The anchor comes from the newest purge row, which is itself part of the chain (and
        HMAC-signed), so it cannot be moved without the data key.
        """
        require(self.actor, Permission.VIEW_ACCESS_LOG)
        with self._ctx.transaction() as s:
            repo = AuditRepository(s)
            anchor, first_seq = _purge_anchor(repo.last_with_action(AuditAction.PURGE))
            first = repo.first()
            if first_seq is not None and first is not None and first.seq != first_seq:
                gone = (first_seq, first.seq - 1) if first.seq > first_seq else None
                return ChainReport(
                    False,
                    0,
                    min(first.seq, first_seq),
                    ChainProblem.ROW_MISSING if gone else ChainProblem.ROW_INSERTED,
                    anchor,
                    gone,
                )

            def rows() -> Iterator[ChainRow]:
                for row in repo.stream_in_order():
                    yield ChainRow(row.seq, _row_fields(row), row.prev_hash, row.row_hash)

            report = self._ctx.audit.verify_rows(rows(), anchor=anchor)
            return self._ctx.audit.check_head(s, report)

    def check_at_start(self) -> ChainReport:
        """The start-up check, for any account: does the log still end where the head
        remembered outside the database says? Two indexed reads, not the whole chain (that
        is :meth:`verify`, for administrators, and the monthly review). Shows nothing of
        anyone's data, so it needs no role."""
        with self._ctx.transaction() as s:
            return self._ctx.audit.check_head(s)

    def events(
        self, flt: AuditFilter = AuditFilter(), limit: int = 5000, *, newest_first: bool = False
    ) -> list[AuditEventRecord]:
        """Rows for the audit viewer, oldest first (``newest_first``: the latest ``limit``
        rows, newest first). Looking at the log is not itself logged: it holds no personal
        data of victims, only case numbers."""
        require(self.actor, Permission.VIEW_ACCESS_LOG)
        with self._ctx.transaction() as s:
            rows = AuditRepository(s).filtered(
                start=_utc_naive(flt.start) if flt.start else None,
                end=_utc_naive(flt.end + timedelta(days=1)) if flt.end else None,
                username=flt.username,
                case_number=flt.case_number,
                action=flt.action,
                limit=limit,
                newest_first=newest_first,
            )
            return [_record(r) for r in rows]

    def names(self) -> AuditNames:
        """Agency and account names for the viewer's words; inactive agencies and
        disabled accounts too, since old rows name them."""
        require(self.actor, Permission.VIEW_ACCESS_LOG)
        with self._ctx.transaction() as s:
            agencies = {a.code: (a.name, a.name_en) for a in DirectoryRepository(s).agencies()}
            users = {u.id: u.username for u in UserRepository(s).all()}
        return AuditNames(agencies, users)

    def export_csv(self, reason: str, flt: AuditFilter = AuditFilter()) -> str:
        """The filtered log as CSV text; the export and its reason are logged first."""
        require(self.actor, Permission.VIEW_ACCESS_LOG)
        if not reason.strip():
            raise ValidationError([FieldError("audit.reason", "required")])
        with self._ctx.transaction() as s:
            self._log(s, AuditAction.EXPORT, "", "audit log csv", reason.strip())
        events = self.events(flt, limit=10_000_000)
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(["seq", "at", "user", "pc", "case", "action", "detail", "reason"])
        for e in events:
            # Details and reasons are typed text, opened in Excel: never a formula.
            writer.writerow(
                csv_row(
                    [
                        e.seq,
                        e.at.isoformat(timespec="seconds"),
                        e.username,
                        e.pc_name,
                        e.case_number,
                        e.action,
                        e.detail,
                        e.reason,
                    ]
                )
            )
        return out.getvalue()

    def review(self, month: str) -> AuditReview:
        """Counts per user and action for ``month`` (``YYYY-MM``, KST) and unusual patterns."""
        require(self.actor, Permission.VIEW_ACCESS_LOG)
        start, end = month_bounds(month)
        events = self.events(AuditFilter(start=start, end=end - timedelta(days=1)), 10_000_000)
        counts: Counter[tuple[str, str]] = Counter()
        after_hours: Counter[str] = Counter()
        viewed: defaultdict[str, set[str]] = defaultdict(set)
        failures: Counter[str] = Counter()
        findings: list[ReviewFinding] = []
        for e in events:
            counts[(e.username, e.action)] += 1
            if e.action in _CASE_ACCESS and is_after_hours(e.at):
                after_hours[e.username] += 1
            if e.action in (AuditAction.VIEW, AuditAction.REVEAL) and e.case_number:
                viewed[e.username].add(e.case_number)
            if e.action == AuditAction.LOGIN_FAILED:
                failures[e.username] += 1
            if e.action in (AuditAction.EXPORT, AuditAction.DOWNLOAD):
                findings.append(
                    ReviewFinding(
                        "export",
                        e.username,
                        1,
                        f"{e.at:%Y-%m-%d %H:%M} {e.case_number or e.detail}: {e.reason}",
                    )
                )
        for username, n in sorted(after_hours.items()):
            findings.append(ReviewFinding("after_hours", username, n))
        if viewed:
            median = statistics.median(len(v) for v in viewed.values())
            threshold = max(HEAVY_VIEWER_MIN, HEAVY_VIEWER_FACTOR * median)
            for username, cases in sorted(viewed.items()):
                if len(cases) >= threshold:
                    findings.append(
                        ReviewFinding("heavy_viewer", username, len(cases), f"median {median:g}")
                    )
        for username, n in sorted(failures.items()):
            if n >= 5:
                findings.append(ReviewFinding("failed_logins", username, n))
        chain = self.verify()
        if not chain.ok:
            findings.insert(0, ReviewFinding("chain_broken", "", 1, describe(chain)))
        return AuditReview(
            month=month,
            start=start,
            end=end,
            total=len(events),
            counts=tuple(
                ReviewCount(u, a, n) for (u, a), n in sorted(counts.items(), key=lambda kv: kv[0])
            ),
            findings=tuple(findings),
        )

    def purge(self, reason: str, *, now: datetime | None = None) -> PurgeResult:
        """Remove the rows retention no longer protects, keeping the chain verifiable.

        Refuses (``audit.chain_broken``) when the chain does not verify: removing the evidence
        of tampering would be the worst moment to trim the log. Writes a ``purge`` row that
        records the anchor (the ``prev_hash`` of the first kept row) and that row's number.
        """
        require(self.actor, Permission.VIEW_ACCESS_LOG)
        if not reason.strip():
            raise ValidationError([FieldError("audit.reason", "required")])
        report = self.verify()
        if not report.ok:
            raise ValidationError([FieldError("audit", "chain_broken")])
        moment = now or self._ctx.clock.now_utc()
        with self._ctx.transaction() as s:
            repo = AuditRepository(s)
            keep_from = repo.first_seq_to_keep(
                moment - timedelta(days=ACCESS_RETENTION_DAYS),
                moment - timedelta(days=ACCOUNT_RETENTION_DAYS),
                # Copied rows of an imported store may be account changes: kept as long.
                [AuditAction.ACCOUNT.value, AuditAction.PURGE.value, AuditAction.IMPORT.value],
            )
            first = repo.first()
            if keep_from is None:
                # Everything is old: keep the newest row so the purge row still has a link.
                last = repo.last()
                keep_from = last.seq if last is not None else None
            if keep_from is None or first is None or keep_from <= first.seq:
                return PurgeResult(0, report.last_hash, first.seq if first else None)
            kept = repo.by_seq(keep_from)
            assert kept is not None
            anchor = kept.prev_hash
            removed = repo.delete_before(keep_from)
            detail = json.dumps(
                {
                    "anchor": anchor,
                    "first_seq": keep_from,
                    "removed": removed,
                    "before": moment.isoformat(),
                },
                sort_keys=True,
            )
            self._log(s, AuditAction.PURGE, "", detail, reason.strip())
            return PurgeResult(removed, anchor, keep_from)
