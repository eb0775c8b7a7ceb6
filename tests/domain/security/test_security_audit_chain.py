import dataclasses
import json
from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from enum import StrEnum
from uuid import UUID

import pytest

from onestop_desk.domain.security import (
    GENESIS,
    ChainReport,
    ChainRow,
    audit_chain_key,
    canonical_bytes,
    chain_hash,
    new_data_key,
    verify_chain,
)

KST = timezone(timedelta(hours=9))


class Action(StrEnum):
    VIEW = "조회"
    EDIT = "변경"


def _fields(seq: int) -> dict[str, object]:
    return {
        "seq": seq,
        "at": datetime(2024, 5, 1, 9, 0, tzinfo=KST) + timedelta(minutes=seq),
        "account": "counsellor.kim",
        "pc": "DESK-02",
        "subject": f"case:{100 + seq}",
        "action": Action.VIEW if seq % 2 else Action.EDIT,
    }


def _chain(
    count: int, *, key: bytes | None = None, start: int = 1, prev: str = GENESIS
) -> list[ChainRow]:
    rows = []
    for seq in range(start, start + count):
        fields = _fields(seq)
        row_hash = chain_hash(prev, fields, key)
        rows.append(ChainRow(seq, fields, prev, row_hash))
        prev = row_hash
    return rows


def _rehash_from(rows: list[ChainRow], index: int, key: bytes | None = None) -> list[ChainRow]:
    """What someone who knows the scheme does after an edit: recompute every later hash."""
    fixed = rows[:index]
    prev = rows[index - 1].row_hash if index else GENESIS
    for row in rows[index:]:
        row_hash = chain_hash(prev, row.fields, key)
        fixed.append(ChainRow(row.seq, row.fields, prev, row_hash))
        prev = row_hash
    return fixed


def _edit(row: ChainRow, **changes: object) -> ChainRow:
    return dataclasses.replace(row, fields={**row.fields, **changes})


def _failure(report: ChainReport) -> tuple[int | None, str | None, int]:
    assert not report.ok
    return report.first_bad_seq, report.reason, report.rows_checked


# --- canonical form -------------------------------------------------------------------------


def test_canonical_bytes_are_compact_sorted_utf8() -> None:
    data = canonical_bytes({"b": 1, "a": "홍길동", "c": None, "d": True})
    assert data == '{"a":"홍길동","b":1,"c":null,"d":true}'.encode()


def test_canonical_bytes_do_not_depend_on_insertion_order() -> None:
    forward = {"seq": 1, "account": "kim", "action": "조회"}
    backward = dict(reversed(list(forward.items())))
    assert canonical_bytes(forward) == canonical_bytes(backward)


def test_datetimes_are_written_in_utc_whatever_the_zone() -> None:
    kst = datetime(2024, 5, 1, 9, 30, tzinfo=KST)
    utc = datetime(2024, 5, 1, 0, 30, tzinfo=UTC)
    assert canonical_bytes({"at": kst}) == canonical_bytes({"at": utc})
    assert canonical_bytes({"at": utc}) == b'{"at":"2024-05-01T00:30:00.000000Z"}'


def test_other_value_types_have_one_form() -> None:
    fields: Mapping[str, object] = {
        "day": date(2024, 5, 1),
        "action": Action.VIEW,
        "id": UUID(int=1),
        "items": ("name", "phone"),
        "nested": {"z": 1, "a": [1.5, 2]},
    }
    assert json.loads(canonical_bytes(fields)) == {
        "day": "2024-05-01",
        "action": "조회",
        "id": "00000000-0000-0000-0000-000000000001",
        "items": ["name", "phone"],
        "nested": {"a": [1.5, 2], "z": 1},
    }


@pytest.mark.parametrize(
    ("value", "error"),
    [
        (datetime(2024, 5, 1, 9, 30), ValueError),  # naive: local or UTC? refuse to guess
        (float("nan"), ValueError),
        (Decimal("1.0"), TypeError),
        (b"bytes", TypeError),
        ({1: "non-string key"}, TypeError),
    ],
)
def test_values_without_a_stable_form_are_refused(value: object, error: type) -> None:
    with pytest.raises(error):
        canonical_bytes({"v": value})


def test_chain_hash_needs_seq_and_a_well_formed_prev_hash() -> None:
    with pytest.raises(ValueError):
        chain_hash(GENESIS, {"account": "kim"})
    with pytest.raises(ValueError):
        chain_hash(GENESIS, {"seq": "1"})
    with pytest.raises(ValueError):
        chain_hash("abc", {"seq": 1})
    assert len(chain_hash(GENESIS, {"seq": 1})) == 64


def test_keyed_and_plain_hashes_differ() -> None:
    key = audit_chain_key(new_data_key())
    assert chain_hash(GENESIS, {"seq": 1}, key) != chain_hash(GENESIS, {"seq": 1})
    assert chain_hash(GENESIS, {"seq": 1}, key) == chain_hash(GENESIS, {"seq": 1}, key)


# --- verification ---------------------------------------------------------------------------


def test_intact_chain_verifies() -> None:
    rows = _chain(10)
    report = verify_chain(rows)
    assert report == ChainReport(True, 10, None, None, rows[-1].row_hash)


def test_empty_chain_verifies() -> None:
    assert verify_chain([]) == ChainReport(True, 0, None, None, GENESIS)


def test_rows_may_come_from_a_generator() -> None:
    rows = _chain(5)
    assert verify_chain(row for row in rows).ok


def test_edited_row_is_found() -> None:
    rows = _chain(10)
    rows[4] = _edit(rows[4], account="intruder")
    assert _failure(verify_chain(rows)) == (5, "audit.row_edited", 4)


def test_edited_time_is_found() -> None:
    rows = _chain(10)
    rows[6] = _edit(rows[6], at=datetime(2024, 5, 1, 23, 0, tzinfo=KST))
    assert _failure(verify_chain(rows)) == (7, "audit.row_edited", 6)


def test_edited_row_with_recomputed_hash_breaks_the_next_link() -> None:
    rows = _chain(10)
    edited = _edit(rows[4], subject="case:999")
    rows[4] = dataclasses.replace(edited, row_hash=chain_hash(edited.prev_hash, edited.fields))
    assert _failure(verify_chain(rows)) == (6, "audit.link_broken", 5)


def test_deleted_row_is_found() -> None:
    rows = _chain(10)
    del rows[4]
    assert _failure(verify_chain(rows)) == (5, "audit.row_missing", 4)


def test_deleted_first_rows_are_found() -> None:
    rows = _chain(10)
    assert _failure(verify_chain(rows[2:])) == (1, "audit.row_missing", 0)


def test_deleted_row_with_renumbered_successors_is_found() -> None:
    rows = _chain(10)
    renumbered = [_edit(dataclasses.replace(r, seq=r.seq - 1), seq=r.seq - 1) for r in rows[5:]]
    assert _failure(verify_chain(rows[:4] + renumbered)) == (5, "audit.row_edited", 4)


def test_inserted_row_is_found() -> None:
    rows = _chain(10)
    # A forged row claims number 6 and links correctly to row 5 (plain hashes can be forged).
    forged_fields = {**_fields(6), "account": "nobody", "action": Action.VIEW}
    forged = ChainRow(
        6, forged_fields, rows[4].row_hash, chain_hash(rows[4].row_hash, forged_fields)
    )
    tampered = [*rows[:5], forged, *rows[5:]]
    assert _failure(verify_chain(tampered)) == (6, "audit.row_inserted", 6)


def test_inserted_row_with_renumbered_successors_is_found() -> None:
    rows = _chain(10)
    forged_fields = {**_fields(6), "account": "nobody"}
    forged = ChainRow(
        6, forged_fields, rows[4].row_hash, chain_hash(rows[4].row_hash, forged_fields)
    )
    shifted = [_edit(dataclasses.replace(r, seq=r.seq + 1), seq=r.seq + 1) for r in rows[5:]]
    assert _failure(verify_chain([*rows[:5], forged, *shifted])) == (7, "audit.row_edited", 6)


def test_reordered_rows_are_found() -> None:
    rows = _chain(10)
    # Rows 5 and 6 trade places: each takes the other's number, everything else moves along.
    fifth, sixth = rows[4], rows[5]
    rows[4] = _edit(dataclasses.replace(sixth, seq=5), seq=5)
    rows[5] = _edit(dataclasses.replace(fifth, seq=6), seq=6)
    assert _failure(verify_chain(rows)) == (5, "audit.row_edited", 4)


def test_reordered_rows_with_recomputed_hashes_are_found_with_a_key() -> None:
    key = audit_chain_key(new_data_key())
    rows = _chain(10, key=key)
    fifth, sixth = rows[4], rows[5]
    rows[4] = _edit(dataclasses.replace(sixth, seq=5), seq=5)
    rows[5] = _edit(dataclasses.replace(fifth, seq=6), seq=6)
    # Without the key the forger can only use plain SHA-256, which the keyed check rejects.
    assert _failure(verify_chain(_rehash_from(rows, 4), key=key)) == (5, "audit.row_edited", 4)


def test_rows_read_out_of_order_are_reported() -> None:
    rows = _chain(10)
    assert _failure(verify_chain([*rows[:6], rows[3], *rows[6:]])) == (4, "audit.out_of_order", 6)


def test_seq_column_and_hashed_seq_must_agree() -> None:
    rows = _chain(10)
    rows[4] = dataclasses.replace(rows[4], fields={**rows[4].fields, "seq": 50})
    assert _failure(verify_chain(rows)) == (5, "audit.row_edited", 4)


# --- keyed chains, head and purge -----------------------------------------------------------


def test_plain_chain_cannot_see_a_full_rewrite_but_a_keyed_one_can() -> None:
    plain = _chain(10)
    plain[4] = _edit(plain[4], account="intruder")
    assert verify_chain(_rehash_from(plain, 4)).ok  # the documented limit of key=None

    key = audit_chain_key(new_data_key())
    keyed = _chain(10, key=key)
    keyed[4] = _edit(keyed[4], account="intruder")
    assert _failure(verify_chain(_rehash_from(keyed, 4), key=key)) == (5, "audit.row_edited", 4)


def test_keyed_chain_verifies_only_with_its_key() -> None:
    data_key = new_data_key()
    rows = _chain(5, key=audit_chain_key(data_key))
    assert verify_chain(rows, key=audit_chain_key(data_key)).ok
    assert _failure(verify_chain(rows)) == (1, "audit.row_edited", 0)
    assert _failure(verify_chain(rows, key=audit_chain_key(new_data_key()))) == (
        1,
        "audit.row_edited",
        0,
    )


def test_rows_cut_off_the_end_are_found_with_a_head() -> None:
    rows = _chain(10)
    head = rows[-1].row_hash
    assert verify_chain(rows[:8]).ok  # a chain alone cannot see truncation
    assert verify_chain(rows, head=head).ok
    assert _failure(verify_chain(rows[:8], head=head)) == (9, "audit.head_mismatch", 8)


def test_purged_chain_verifies_from_its_anchor() -> None:
    key = audit_chain_key(new_data_key())
    rows = _chain(10, key=key)
    # The purge removes rows 1-4 and records, in a checkpoint row of the chain itself, the hash
    # the first remaining row links to.
    anchor = rows[4].prev_hash
    checkpoint_fields = {"seq": 11, "action": "purge", "anchor": anchor, "first_seq": 5}
    checkpoint = ChainRow(
        11,
        checkpoint_fields,
        rows[-1].row_hash,
        chain_hash(rows[-1].row_hash, checkpoint_fields, key),
    )
    remaining = [*rows[4:], checkpoint]

    assert _failure(verify_chain(remaining, key=key)) == (1, "audit.row_missing", 0)
    recorded = remaining[-1].fields["anchor"]
    assert isinstance(recorded, str)
    report = verify_chain(remaining, anchor=recorded, key=key)
    assert report == ChainReport(True, 7, None, None, checkpoint.row_hash)


def test_rows_removed_after_a_purge_are_still_found() -> None:
    rows = _chain(10)
    anchor = rows[4].prev_hash
    assert verify_chain(rows[4:], anchor=anchor).ok
    assert _failure(verify_chain(rows[5:], anchor=anchor)) == (6, "audit.link_broken", 0)
    assert _failure(verify_chain([*rows[4:6], *rows[7:]], anchor=anchor)) == (
        7,
        "audit.row_missing",
        2,
    )


def test_purge_of_everything_leaves_a_verifiable_empty_chain() -> None:
    rows = _chain(3)
    anchor = rows[-1].row_hash
    assert verify_chain([], anchor=anchor, head=anchor) == ChainReport(True, 0, None, None, anchor)


def test_continuing_a_purged_chain_with_new_rows() -> None:
    rows = _chain(6)
    more = _chain(3, start=7, prev=rows[-1].row_hash)
    assert verify_chain([*rows[3:], *more], anchor=rows[3].prev_hash).ok
