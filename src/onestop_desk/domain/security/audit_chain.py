"""Tamper evidence for the access log (접속기록, PIPC notice §8).

Each log row stores ``row_hash = H(prev_hash + canonical_bytes(fields))`` where ``prev_hash``
is the previous row's ``row_hash`` (:data:`GENESIS` for the first row) and ``fields`` are the
row's columns, including its sequence number under the key ``"seq"``. Sequence numbers are
consecutive, so editing a row, deleting one, inserting one or moving one each break either a
hash, a link or the numbering, and :func:`verify_chain` names the first row where that happens.

Two strengths, chosen by the caller:

- ``key=None``: plain SHA-256. Catches edits by anyone who does not also recompute every
  later hash; someone who knows this scheme and can write the table can rewrite the tail.
- ``key=audit_chain_key(data_key)``: HMAC-SHA256. Without the data key no valid hash can be
  made, so even a full rewrite is caught. Use this; the data key survives password changes,
  so the chain stays verifiable as long as the database does.

What a chain cannot see is rows cut off its *end*: the shortened chain is still a perfect
chain. Its anchor at that end is an :class:`AuditHead` (the newest row's number and hash)
kept somewhere the table's editor cannot rewrite along with the rows, written after every
commit that adds rows and sealed with an HMAC under a key derived from the chain key, so
someone who can write the database but has no data key (a future server's database
administrator) cannot make one up for a shortened table. :func:`head_report` compares it
with the table and names the missing rows.

Purging old rows (after the 2-year retention) keeps the rest verifiable: the purge writes a
checkpoint row into the chain itself (so it is hashed, and with a key, signed like any other
row) recording the ``prev_hash`` of the first row that remains, and later verifications pass
that value as ``anchor``. The first remaining row must link to the anchor; its sequence number
need not be 1.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import Enum, StrEnum
from uuid import UUID

from onestop_desk.domain.security.keys import derive_subkey

GENESIS = "0" * 64
"""The ``prev_hash`` of the very first row of a chain."""
SEQ_FIELD = "seq"
"""Key under which every row's fields carry its sequence number."""
AUDIT_CHAIN_PURPOSE = "audit-chain"
AUDIT_HEAD_PURPOSE = "audit-head"

_HASH_RE = re.compile(r"[0-9a-f]{64}")


class ChainProblem(StrEnum):
    """Reason codes of :class:`ChainReport`."""

    ROW_EDITED = "audit.row_edited"
    """The row's hash does not match its contents: it was changed after it was written."""
    ROW_MISSING = "audit.row_missing"
    """A sequence number was skipped; ``first_bad_seq`` is the first missing number."""
    ROW_INSERTED = "audit.row_inserted"
    """A sequence number appears twice: a row was slipped in next to the real one."""
    OUT_OF_ORDER = "audit.out_of_order"
    """Sequence numbers went backwards: rows were not read ``ORDER BY seq``, or were renumbered."""
    LINK_BROKEN = "audit.link_broken"
    """The row does not point at its predecessor's hash (or at the anchor): the predecessor
    was rewritten with a recomputed hash, or the rows before it were removed."""
    HEAD_MISMATCH = "audit.head_mismatch"
    """The chain does not end at the recorded ``head``: its newest rows were cut off, or the
    whole chain was rewritten. ``first_bad_seq`` is the first row that should be there and
    is not (or differs); ``missing`` the range of rows gone."""
    HEAD_INVALID = "audit.head_invalid"
    """The head remembered outside the database has no valid seal or cannot be read: it was
    edited, or it belongs to another database."""


def audit_chain_key(data_key: bytes) -> bytes:
    """The HMAC key for the access-log chain, derived from the database's data key."""
    return derive_subkey(data_key, AUDIT_CHAIN_PURPOSE)


def _plain(value: object) -> object:
    """Map a field value onto JSON types with exactly one text form each."""
    # bool before int (bool is an int), Enum before str (StrEnum is a str).
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, Enum):
        return _plain(value.value)
    if isinstance(value, int | str):
        return value
    if isinstance(value, datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            # A naive time could be local or UTC; guessing would make a correct row look
            # edited on a PC with another time zone setting.
            raise ValueError("naive datetime in an audit row; attach a time zone")
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, UUID):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError("NaN or infinity in an audit row")
        return value
    if isinstance(value, Mapping):
        return {_key(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    raise TypeError(f"audit row field of type {type(value).__name__} has no canonical form")


def _key(name: object) -> str:
    if not isinstance(name, str):
        raise TypeError("audit row field names must be strings")
    return name


def canonical_bytes(fields: Mapping[str, object]) -> bytes:
    """The one byte string a row's fields hash to.

    JSON with sorted keys, no whitespace and UTF-8 text (Korean stays readable, and the bytes
    do not depend on escaping choices). Datetimes must carry a time zone and are written in
    UTC with microseconds (``2024-05-01T00:30:00.000000Z``), so the same instant always gives
    the same text whatever zone it was recorded in; dates are ``YYYY-MM-DD``; enums are their
    values; UUIDs their canonical string; finite floats their shortest round-trip text. Other
    types raise ``TypeError`` rather than be turned into some text that might differ after a
    round trip through the database.
    """
    return json.dumps(
        _plain(fields),
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
        allow_nan=False,
    ).encode("utf-8")


def _digest(prev_hash: str, fields: Mapping[str, object], key: bytes | None) -> str:
    message = prev_hash.encode("utf-8") + canonical_bytes(fields)
    if key is None:
        return hashlib.sha256(message).hexdigest()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def chain_hash(prev_hash: str, fields: Mapping[str, object], key: bytes | None = None) -> str:
    """The ``row_hash`` of a new row: lowercase hex SHA-256 (or HMAC-SHA256 with ``key``).

    ``fields`` must hold the row's sequence number under :data:`SEQ_FIELD` (an ``int``);
    without it a deleted row could be papered over by renumbering. ``prev_hash`` is the
    previous row's ``row_hash``, or :data:`GENESIS` for the first row.
    """
    if not _HASH_RE.fullmatch(prev_hash):
        raise ValueError("prev_hash must be 64 lowercase hex digits")
    seq = fields.get(SEQ_FIELD)
    if not isinstance(seq, int) or isinstance(seq, bool):
        raise ValueError(f"fields must carry the row's sequence number as {SEQ_FIELD!r}")
    return _digest(prev_hash, fields, key)


def _same(stored: str, expected: str) -> bool:
    # Bytes, because compare_digest refuses non-ASCII str and a tampered column may hold any
    # text; constant time so the HMAC check leaks nothing if it ever runs where timing shows.
    return hmac.compare_digest(stored.encode("utf-8"), expected.encode("utf-8"))


@dataclass(frozen=True)
class ChainRow:
    """One stored log row as the verifier sees it."""

    seq: int
    fields: Mapping[str, object]
    """The hashed columns, including ``"seq"``; must be exactly what was hashed on insert."""
    prev_hash: str
    row_hash: str


@dataclass(frozen=True)
class ChainReport:
    """Outcome of :func:`verify_chain`.

    ``rows_checked`` counts the rows found intact before the first problem (all rows when
    ``ok``). ``first_bad_seq`` and ``reason`` are ``None`` when ``ok``. ``last_hash`` is the
    ``row_hash`` of the last intact row (the anchor if none), which is what a purge records as
    the new anchor and what the writer stores as the new head.
    """

    ok: bool
    rows_checked: int
    first_bad_seq: int | None
    reason: str | None
    last_hash: str
    missing: tuple[int, int] | None = None
    """First and last number (inclusive) of the rows known to be gone, when that is known:
    a gap in the numbering, or the rows between the table's end and the remembered head."""


def verify_chain(
    rows: Iterable[ChainRow],
    *,
    anchor: str = GENESIS,
    key: bytes | None = None,
    head: str | None = None,
) -> ChainReport:
    """Check that ``rows`` (in ascending ``seq`` order) form an unbroken chain from ``anchor``.

    Streams: rows are read one at a time, so a generator over a large log is fine. Stops at
    the first problem, because after one break every later row is suspect anyway. With the
    default ``anchor`` the first row must be number 1; after a purge, pass the recorded anchor
    and the first remaining row may have any number. ``key`` must be the one the rows were
    written with (``None`` for plain SHA-256). ``head``, if given, is the newest ``row_hash``
    recorded elsewhere; a chain that does not end there is reported as ``audit.head_mismatch``.

    Where a row was edited and then given a recomputed hash (possible only without a key), the
    break shows at the *next* row as ``audit.link_broken``: the damage is in that row or the
    one before it.
    """
    expected_prev = anchor
    expected_seq: int | None = 1 if anchor == GENESIS else None
    last_seq: int | None = None
    checked = 0

    def bad(
        seq: int | None, reason: ChainProblem, missing: tuple[int, int] | None = None
    ) -> ChainReport:
        return ChainReport(False, checked, seq, reason, expected_prev, missing)

    for row in rows:
        if expected_seq is not None and row.seq != expected_seq:
            if row.seq > expected_seq:
                return bad(expected_seq, ChainProblem.ROW_MISSING, (expected_seq, row.seq - 1))
            if row.seq == last_seq:
                return bad(row.seq, ChainProblem.ROW_INSERTED)
            return bad(row.seq, ChainProblem.OUT_OF_ORDER)
        if row.fields.get(SEQ_FIELD) != row.seq or not _same(
            _digest(row.prev_hash, row.fields, key), row.row_hash
        ):
            return bad(row.seq, ChainProblem.ROW_EDITED)
        if not _same(row.prev_hash, expected_prev):
            return bad(row.seq, ChainProblem.LINK_BROKEN)
        checked += 1
        expected_prev = row.row_hash
        last_seq = row.seq
        expected_seq = row.seq + 1
    if head is not None and not _same(head, expected_prev):
        return bad(expected_seq, ChainProblem.HEAD_MISMATCH)
    return ChainReport(True, checked, None, None, expected_prev)


@dataclass(frozen=True)
class AuditHead:
    """The newest row of the log as remembered outside the table: its number (which, the
    numbers being consecutive, is also how many rows were ever written), its hash and a seal.

    ``mac`` is ``None`` for a head remembered before heads were sealed (and for chains
    without a key); such a head is still compared with the table.
    """

    seq: int
    row_hash: str
    mac: str | None = None

    def to_json(self) -> dict[str, object]:
        return {"seq": self.seq, "row_hash": self.row_hash, "mac": self.mac}

    @classmethod
    def from_json(cls, value: object) -> AuditHead | None:
        """Read a stored head: ``None``, the older ``[seq, row_hash]`` pair, or the sealed
        form of :meth:`to_json`. Raises ``ValueError`` for anything else."""
        if value is None:
            return None
        if isinstance(value, list | tuple) and len(value) == 2:
            seq, row_hash, mac = value[0], value[1], None
        elif isinstance(value, Mapping):
            seq, row_hash, mac = value.get("seq"), value.get("row_hash"), value.get("mac")
        else:
            raise ValueError("audit head of unknown form")
        if not isinstance(seq, int) or isinstance(seq, bool) or seq < 1:
            raise ValueError("audit head without a row number")
        if not isinstance(row_hash, str) or not _HASH_RE.fullmatch(row_hash):
            raise ValueError("audit head without a row hash")
        if mac is not None and not isinstance(mac, str):
            raise ValueError("audit head seal is not text")
        return cls(seq, row_hash, mac)


def _head_mac(seq: int, row_hash: str, key: bytes) -> str:
    message = canonical_bytes({"seq": seq, "row_hash": row_hash})
    return hmac.new(derive_subkey(key, AUDIT_HEAD_PURPOSE), message, hashlib.sha256).hexdigest()


def seal_head(seq: int, row_hash: str, key: bytes | None) -> AuditHead:
    """The head for row ``seq`` with ``row_hash``, sealed with ``key`` (the chain key)."""
    return AuditHead(seq, row_hash, None if key is None else _head_mac(seq, row_hash, key))


def head_is_sealed(head: AuditHead, key: bytes | None) -> bool:
    """Whether ``head`` carries the seal ``key`` makes (an unsealed older head passes: it
    is compared with the table like any other)."""
    if head.mac is None or key is None:
        return True
    return _same(head.mac, _head_mac(head.seq, head.row_hash, key))


def head_report(
    head: AuditHead,
    key: bytes | None,
    *,
    hash_at_head: str | None,
    last_before_head: int | None,
    rows_checked: int = 0,
    last_hash: str = GENESIS,
) -> ChainReport | None:
    """``None`` when the table still holds ``head``'s row unchanged; else what is wrong.

    ``hash_at_head`` is the ``row_hash`` of the table's row numbered ``head.seq`` and
    ``last_before_head`` the number of its newest row below that (each ``None`` if there is
    none). Rows after the head are fine: they were written since it was remembered.
    """

    def bad(
        seq: int | None, reason: ChainProblem, missing: tuple[int, int] | None = None
    ) -> ChainReport:
        return ChainReport(False, rows_checked, seq, reason, last_hash, missing)

    if not head_is_sealed(head, key):
        return bad(None, ChainProblem.HEAD_INVALID)
    if hash_at_head is None:
        # The rows after the newest one still below the head are gone, up to the head.
        first_gone = 1 if last_before_head is None else last_before_head + 1
        return bad(first_gone, ChainProblem.HEAD_MISMATCH, (first_gone, head.seq))
    if not _same(hash_at_head, head.row_hash):
        # Same number, other row: the end was cut and written again without the numbering
        # the writer keeps; from the head's row on nothing is what was remembered.
        return bad(head.seq, ChainProblem.HEAD_MISMATCH)
    return None
