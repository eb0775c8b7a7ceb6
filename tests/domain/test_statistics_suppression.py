"""Suppression of small counts, on hand-built tables (no database)."""

from __future__ import annotations

import itertools
from datetime import date

import pytest

from onestop_desk.domain.records import StatRow, StatsReport, StatTable
from onestop_desk.domain.statistics_suppression import (
    SUPPRESSED,
    THRESHOLD,
    WITHHELD,
    publish,
    suppress,
    suppress_one,
)


def _candidates(cells, total):  # type: ignore[no-untyped-def]
    """Every assignment of the hidden cells that agrees with what was published."""
    hidden = [i for i, c in enumerate(cells) if isinstance(c, str)]
    shown = sum(c for c in cells if isinstance(c, int))
    ranges = [
        range(THRESHOLD) if cells[i] == SUPPRESSED else range(THRESHOLD, total + 1) for i in hidden
    ]
    for values in itertools.product(*ranges):
        if shown + sum(values) == total:
            yield dict(zip(hidden, values, strict=True))


def _recoverable(cells, total):  # type: ignore[no-untyped-def]
    """Hidden cells whose value a reader can work out from the total."""
    solutions = list(_candidates(cells, total))
    assert solutions, "the published table must admit the true values"
    return {i for i in solutions[0] if len({s[i] for s in solutions}) == 1}


def test_counts_under_five_and_zero_are_hidden():
    group = suppress([12, 3, 0, 7, 25], total=47, additive=False)
    assert group.cells[1] == SUPPRESSED
    assert group.cells[2] == SUPPRESSED
    assert group.cells[0] == 12 and group.cells[4] == 25
    assert group.total == 47


def test_nothing_small_means_nothing_hidden():
    group = suppress([12, 5, 30])
    assert group.cells == (12, 5, 30)
    assert group.total == 47


def test_a_lone_small_cell_gets_a_complementary_partner():
    # 3 could be recovered as 40 - 12 - 25 if it were hidden alone.
    group = suppress([12, 3, 25], total=40)
    assert group.cells == (WITHHELD, SUPPRESSED, 25)
    assert group.total == 40
    assert _recoverable(group.cells, 40) == set()


def test_complement_is_the_next_smallest_shown_count():
    group = suppress([30, 9, 2, 6, 100])
    assert group.cells == (30, 9, SUPPRESSED, WITHHELD, 100)


def test_two_small_cells_that_pin_each_other_get_a_third():
    # 4 + 4 = 8 = 20 - 12: both would be known to be 4.
    group = suppress([4, 4, 12], total=20)
    assert group.cells == (SUPPRESSED, SUPPRESSED, WITHHELD)
    assert _recoverable(group.cells, 20) == set()


def test_two_zeros_that_pin_each_other_get_a_third():
    group = suppress([0, 0, 9, 40])
    assert group.cells == (SUPPRESSED, SUPPRESSED, WITHHELD, 40)
    assert _recoverable(group.cells, 49) == set()


def test_two_small_cells_that_leave_room_need_no_complement():
    group = suppress([2, 3, 40])
    assert group.cells == (SUPPRESSED, SUPPRESSED, 40)
    assert _recoverable(group.cells, 45) == set()


def test_hidden_cells_whose_sum_is_small_get_a_complement():
    # 1 + 3: the two rows together would be a published count of 4.
    group = suppress([1, 3, 40])
    assert group.cells == (SUPPRESSED, SUPPRESSED, WITHHELD)


def test_small_total_hides_everything():
    group = suppress([1, 2, 0])
    assert group.cells == (SUPPRESSED,) * 3
    assert group.total == SUPPRESSED


def test_single_category_carrying_the_whole_total():
    # Everyone is in one row: with the total shown, hiding only the zeros says nothing new,
    # but the zeros pin each other at 0; the big row is withheld too.
    group = suppress([0, 0, 7, 0])
    assert group.cells == (SUPPRESSED, SUPPRESSED, WITHHELD, SUPPRESSED)
    assert group.total == 7
    assert _recoverable(group.cells, 7) == set()


def test_when_nothing_else_is_left_the_total_is_withheld():
    # Two cells of 4 and 4 with no other row: only hiding the total protects them.
    group = suppress([4, 4])
    assert group.cells == (SUPPRESSED, SUPPRESSED)
    assert group.total == WITHHELD


@pytest.mark.parametrize(
    "counts",
    [
        [0, 5],
        [3, 5, 5],
        [4, 0, 0, 9, 11],
        [2, 2, 2, 2, 30],
        [5, 6, 7, 1],
        [0, 1, 2, 3, 4, 5, 6],
        [4, 4, 4, 4, 4, 100],
    ],
)
def test_no_hidden_cell_of_an_additive_table_can_be_recovered(counts):
    group = suppress(counts)
    total = sum(counts)
    assert all(
        (c < THRESHOLD) == (cell == SUPPRESSED) for c, cell in zip(counts, group.cells, strict=True)
    )
    if group.total == total:
        assert _recoverable(group.cells, total) == set()


def test_multi_select_tables_still_pair_a_lone_hidden_cell():
    group = suppress([20, 2, 30], total=45, additive=False)
    assert group.cells == (WITHHELD, SUPPRESSED, 30)


def test_rows_that_do_not_add_up_are_refused_for_an_additive_table():
    with pytest.raises(ValueError):
        suppress([1, 2], total=10)


def test_standalone_count():
    assert suppress_one(0) == SUPPRESSED
    assert suppress_one(4) == SUPPRESSED
    assert suppress_one(5) == 5


def _table(key, counts, *, additive=True, total=None):  # type: ignore[no-untyped-def]
    rows = tuple(StatRow(f"c{i}", f"항목{i}", c) for i, c in enumerate(counts))
    return StatTable(key, key, "사례", rows, sum(counts) if total is None else total, additive)


def test_publish_hides_every_small_number_of_a_report():
    empty = _table("t", [10, 20])
    report = StatsReport(
        period_from=date(2026, 10, 1),
        period_to=date(2026, 10, 31),
        as_of=date(2026, 11, 25),
        served_persons=33,
        new_persons=3,
        continuing_persons=30,
        new_cases=30,
        first_referral_cases=4,
        first_referral_median_days=2.0,
        overdue_follow_ups=2,
        phone_inquiries=12,
        inquiries_to_cases=9,
        crime_buckets=_table("b", [12, 3, 20], additive=False, total=30),
        crime_types=empty,
        intake_channels=_table("ch", [10, 10, 6, 4]),
        support_areas=empty,
        programmes=empty,
        referral_agencies=empty,
        referral_statuses=empty,
        age_bands=empty,
        genders=_table("g", [29, 1, 0, 0]),
        nationalities=empty,
        disabilities=empty,
    )
    published = publish(report)
    summary = {row.code: row.value for row in published.summary.rows}
    assert summary["served_persons"] == 33
    assert summary["new_persons"] == SUPPRESSED
    assert summary["continuing_persons"] == WITHHELD
    assert summary["phone_inquiries"] == 12
    assert summary["inquiries_to_cases"] == WITHHELD
    assert summary["inquiries_not_cases"] == SUPPRESSED
    # A median over fewer than five cases is not published at all.
    assert summary["first_referral_median_days"] == "-"
    assert summary["first_referral_cases"] == SUPPRESSED
    assert summary["overdue_follow_ups"] == SUPPRESSED
    by_key = {t.key: t for t in published.tables}
    assert [r.value for r in by_key["ch"].rows] == [10, 10, WITHHELD, SUPPRESSED]
    assert [r.value for r in by_key["g"].rows] == [WITHHELD, SUPPRESSED, SUPPRESSED, SUPPRESSED]
    assert by_key["b"].note == "복수 선택"
    for table in (published.summary, *published.tables):
        for row in table.rows:
            assert not (isinstance(row.value, int) and row.value < THRESHOLD)
