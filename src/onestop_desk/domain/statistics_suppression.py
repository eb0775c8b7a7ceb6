"""What may leave the application: aggregates with small counts hidden.

The rules (applied to every exported count, in CSV, XLSX and PDF alike):

1. **Primary suppression.** Every count under 5, **zero included**, is shown as ``"<5"``.
   Zero is hidden too: the rule covers every cell under 5, and in a small center a zero
   tells something (e.g. with the total it can show that everyone in a group shares an
   attribute, or that this month's one stalking case must be the person everyone knows
   about); showing it would also let "<5" be narrowed to 1–4.
2. **Complementary suppression.** In a table whose rows add up to a total (one row per
   unit), a hidden count must not be recoverable by subtracting the shown counts from the
   total: the hidden counts together must add up to 5 or more (else their sum is itself a
   small count) and must not pin one another down (two hidden cells of 4 and 4 under a
   total that shows 8 would). Until that holds, the next-smallest shown count is hidden
   too, marked ``"x"`` (it is 5 or more, so "<5" would be false). If every row is hidden
   and that still does not hold, the total is hidden as well. Multi-select tables (rows do
   not add up) cannot be undone by subtraction, but a lone hidden cell still gets a partner
   there, as a margin against readers who combine them with other tables.
3. **Totals** follow rule 1 as well; a total is assumed known to the reader (the same
   population is counted in other tables of the report), so rule 2 never relies on hiding
   it unless nothing else works.
4. A median is published only when it is taken over 5 or more cases.

Pure functions, no I/O: ``suppress`` works on one group of counts, ``publish`` turns a
``StatsReport`` into the ``PublishedReport`` that the exporters render.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from onestop_desk.domain.records import StatsReport, StatTable

THRESHOLD = 5
SUPPRESSED = "<5"
WITHHELD = "x"

Cell = int | str

NOTES = (
    "5 미만(0 포함)의 수는 '<5'로 표시함.",
    "'x'는 다른 칸이나 합계에서 빼서 '<5' 칸을 알아낼 수 없도록 함께 가린 수(5 이상)임.",
    "통계 활용에 동의하지 않은 사례는 모든 수에서 제외함.",
    "범죄 유형·지원 영역·지원 제도는 복수 선택이므로 합이 사례 수보다 클 수 있음.",
)


@dataclass(frozen=True)
class SuppressedGroup:
    cells: tuple[Cell, ...]
    total: Cell | None


@dataclass(frozen=True)
class PublishedRow:
    label: str
    value: Cell
    code: str = ""


@dataclass(frozen=True)
class PublishedTable:
    key: str
    title: str
    unit: str
    rows: tuple[PublishedRow, ...]
    total: Cell | None
    note: str = ""


@dataclass(frozen=True)
class PublishedReport:
    period_from: date
    period_to: date
    as_of: date
    summary: PublishedTable
    tables: tuple[PublishedTable, ...]
    notes: tuple[str, ...] = NOTES


def _disclosive(counts: Sequence[int], hidden: set[int], primary: set[int]) -> bool:
    """Whether a reader who knows the total learns too much about the hidden cells.

    Their sum is known (total minus the shown cells), so it must itself be 5 or more: a sum
    of 3 over two hidden rows is a count of 3 for the two together. And each hidden cell
    must keep more than one possible value: a primary cell lies in [0, 4], a complementary
    one in [5, sum]; a cell is pinned when the others' bounds leave it exactly one value.
    """
    total = sum(counts[i] for i in hidden)
    if total < THRESHOLD:
        return True
    bounds = {i: (0, THRESHOLD - 1) if i in primary else (THRESHOLD, total) for i in hidden}
    low_sum = sum(lo for lo, _hi in bounds.values())
    high_sum = sum(hi for _lo, hi in bounds.values())
    for lo, hi in bounds.values():
        least = max(lo, total - (high_sum - hi))
        most = min(hi, total - (low_sum - lo))
        if least >= most:
            return True
    return False


def suppress(
    counts: Sequence[int], total: int | None = None, *, additive: bool = True
) -> SuppressedGroup:
    """Hide the small counts of one group (see the module docstring).

    ``counts`` are the rows of one table; ``total`` is the population they break down
    (for an additive group, ``None`` means their sum). Returns the cells to publish, in
    order, and the total to publish (``None`` when ``total`` was ``None`` and the group is
    not additive).
    """
    if any(c < 0 for c in counts):
        raise ValueError("counts cannot be negative")
    if additive and total is None:
        total = sum(counts)
    if additive and total != sum(counts):
        raise ValueError("an additive group's rows must add up to its total")
    primary = {i for i, c in enumerate(counts) if c < THRESHOLD}
    hidden = set(primary)
    total_hidden = total is not None and total < THRESHOLD

    def unsafe() -> bool:
        if not hidden:
            return False
        if additive:
            return not total_hidden and _disclosive(counts, hidden, primary)
        return len(hidden) == 1

    while unsafe():
        shown = sorted((counts[i], i) for i in range(len(counts)) if i not in hidden)
        if not shown:
            total_hidden = True
            break
        hidden.add(shown[0][1])

    cells: list[Cell] = []
    for i, c in enumerate(counts):
        if i in primary:
            cells.append(SUPPRESSED)
        elif i in hidden:
            cells.append(WITHHELD)
        else:
            cells.append(c)
    published_total: Cell | None
    if total is None:
        published_total = None
    elif total < THRESHOLD:
        published_total = SUPPRESSED
    elif total_hidden:
        published_total = WITHHELD
    else:
        published_total = total
    return SuppressedGroup(tuple(cells), published_total)


def suppress_one(count: int) -> Cell:
    """A count that stands alone (no group to subtract it from)."""
    return SUPPRESSED if count < THRESHOLD else count


def publish_table(table: StatTable) -> PublishedTable:
    group = suppress([r.count for r in table.rows], table.total, additive=table.additive)
    rows = tuple(
        PublishedRow(r.label, cell, r.code) for r, cell in zip(table.rows, group.cells, strict=True)
    )
    note = "" if table.additive else "복수 선택"
    return PublishedTable(table.key, table.title, table.unit, rows, group.total, note)


def _median_text(report: StatsReport) -> Cell:
    median = report.first_referral_median_days
    if median is None or report.first_referral_cases < THRESHOLD:
        return "-"
    return f"{median:g}"


def publish(report: StatsReport) -> PublishedReport:
    """Every figure of ``report`` in the form that may leave the application."""
    persons = suppress(
        [report.new_persons, report.continuing_persons], report.served_persons, additive=True
    )
    inquiries = suppress(
        [report.inquiries_to_cases, report.phone_inquiries - report.inquiries_to_cases],
        report.phone_inquiries,
        additive=True,
    )
    summary = PublishedTable(
        "summary",
        "요약",
        "",
        (
            PublishedRow("이용자(기간 중 지원)", _total(persons), "served_persons"),
            PublishedRow("  신규 이용자", persons.cells[0], "new_persons"),
            PublishedRow("  계속 이용자", persons.cells[1], "continuing_persons"),
            PublishedRow("신규 접수 사례", suppress_one(report.new_cases), "new_cases"),
            PublishedRow("전화 문의", _total(inquiries), "phone_inquiries"),
            PublishedRow("  사례로 전환", inquiries.cells[0], "inquiries_to_cases"),
            PublishedRow("  전환되지 않음", inquiries.cells[1], "inquiries_not_cases"),
            PublishedRow(
                "첫 연계 발송까지 일수(중앙값)", _median_text(report), "first_referral_median_days"
            ),
            PublishedRow(
                "  집계 대상 사례",
                suppress_one(report.first_referral_cases),
                "first_referral_cases",
            ),
            PublishedRow(
                "후속 확인 기한 경과 연계(작성일 기준 현재)",
                suppress_one(report.overdue_follow_ups),
                "overdue_follow_ups",
            ),
        ),
        None,
    )
    return PublishedReport(
        period_from=report.period_from,
        period_to=report.period_to,
        as_of=report.as_of,
        summary=summary,
        tables=tuple(publish_table(t) for t in report.tables()),
    )


def _total(group: SuppressedGroup) -> Cell:
    return group.total if group.total is not None else "-"
