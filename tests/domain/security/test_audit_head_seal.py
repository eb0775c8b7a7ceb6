"""The sealed head of the access log: its stored forms, its seal and what it says of a table."""

from __future__ import annotations

import pytest

from onestop_desk.domain.security import (
    GENESIS,
    ChainRow,
    audit_chain_key,
    chain_hash,
    new_data_key,
)
from onestop_desk.domain.security.audit_chain import (
    AuditHead,
    ChainProblem,
    head_is_sealed,
    head_report,
    seal_head,
    verify_chain,
)

HASH = "ab" * 32


def test_stored_forms_round_trip_and_junk_is_refused() -> None:
    key = audit_chain_key(new_data_key())
    head = seal_head(7, HASH, key)
    assert AuditHead.from_json(head.to_json()) == head
    assert AuditHead.from_json([7, HASH]) == AuditHead(7, HASH, None)  # before heads were sealed
    assert AuditHead.from_json(None) is None
    for junk in (
        "7",
        [7],
        {"seq": "7", "row_hash": HASH},
        {"seq": 0, "row_hash": HASH},
        {"seq": True, "row_hash": HASH},
        {"seq": 7, "row_hash": "xyz"},
        {"seq": 7, "row_hash": HASH, "mac": 5},
    ):
        with pytest.raises(ValueError):
            AuditHead.from_json(junk)


def test_the_seal_needs_the_key_and_covers_number_and_hash() -> None:
    key, other = audit_chain_key(new_data_key()), audit_chain_key(new_data_key())
    head = seal_head(7, HASH, key)
    assert head_is_sealed(head, key)
    assert not head_is_sealed(head, other)
    assert not head_is_sealed(AuditHead(6, HASH, head.mac), key)
    assert not head_is_sealed(AuditHead(7, "cd" * 32, head.mac), key)
    # The seal is not the row's own hash: a row hash cannot stand in for a head.
    assert head.mac != HASH and seal_head(7, HASH, None).mac is None


def test_head_report_names_the_rows_gone() -> None:
    key = audit_chain_key(new_data_key())
    head = seal_head(12, HASH, key)
    intact = head_report(head, key, hash_at_head=HASH, last_before_head=11)
    assert intact is None
    cut = head_report(head, key, hash_at_head=None, last_before_head=10)
    assert cut is not None and (cut.reason, cut.first_bad_seq, cut.missing) == (
        ChainProblem.HEAD_MISMATCH,
        11,
        (11, 12),
    )
    emptied = head_report(head, key, hash_at_head=None, last_before_head=None)
    assert emptied is not None and emptied.missing == (1, 12)
    replaced = head_report(head, key, hash_at_head="cd" * 32, last_before_head=11)
    assert replaced is not None and (replaced.first_bad_seq, replaced.missing) == (12, None)
    forged = head_report(AuditHead(12, HASH, "0" * 64), key, hash_at_head=HASH, last_before_head=11)
    assert forged is not None and forged.reason == ChainProblem.HEAD_INVALID


def test_a_gap_in_the_numbers_reports_its_range() -> None:
    rows, prev = [], GENESIS
    for seq in range(1, 11):
        fields = {"seq": seq, "action": "view"}
        row_hash = chain_hash(prev, fields)
        rows.append(ChainRow(seq, fields, prev, row_hash))
        prev = row_hash
    report = verify_chain([*rows[:4], *rows[7:]])
    assert (report.first_bad_seq, report.missing) == (5, (5, 7))
