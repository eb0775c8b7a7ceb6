"""The access log's head, kept in the keyring: rows cut off the end are caught and named.

Someone erases what they just viewed and printed: the newest rows of the log. The chain alone
cannot see it (a shortened chain is still a chain); the head remembered outside the database
can, as long as nothing re-reads the shortened table and remembers that instead.
"""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text

from onestop_desk.domain.security.audit_chain import AuditHead
from onestop_desk.services.audit_trail import HeadStoreError
from onestop_desk.services.auth import AuthService, AuthSession, KeyringHeads
from services.test_auth import ADMIN_PW, USER_PW, auth, center, clock, new_case

__all__ = ["auth", "center", "clock"]  # fixtures used by the tests below


def _raw(session: AuthSession, sql: str) -> None:
    with session.store.engine.begin() as conn:
        conn.execute(text(sql))


def _last_seq(session: AuthSession) -> int:
    with session.store.engine.begin() as conn:
        return int(conn.execute(text("SELECT max(seq) FROM audit_events")).scalar_one())


def _keyring(auth: AuthService) -> dict:
    return json.loads(auth.keyring_path.read_text(encoding="utf-8"))


def _view_and_print(session: AuthSession, case_id: int) -> tuple[int, int]:
    """Rows for a view and a print of ``case_id``; returns the first and last of them."""
    first = _last_seq(session) + 1
    session.services.cases.get(case_id)
    session.services.documents.record_output(case_id, [], printed=True, destination="PDF")
    return first, _last_seq(session)


def test_the_head_follows_every_commit_and_is_sealed(center) -> None:
    auth, _ = center
    c1 = auth.login("c1", USER_PW)
    case_id = new_case(c1)
    c1.services.cases.get(case_id)
    head = AuditHead.from_json(_keyring(auth)["audit_head"])
    assert head is not None and head.seq == _last_seq(c1)  # not only at logout
    assert head.mac is not None and len(head.mac) == 64
    c1.logout()


def test_erasing_what_was_just_viewed_and_printed_is_caught_and_named(center) -> None:
    auth, _ = center
    c1 = auth.login("c1", USER_PW)
    case_id = new_case(c1)
    first, last = _view_and_print(c1, case_id)
    _raw(c1, f"DELETE FROM audit_events WHERE seq >= {first}")
    # The cut survives what used to bless it: the logout, and the next login's rows.
    c1.logout()
    admin = auth.login("admin", ADMIN_PW)
    report = admin.verify_audit()
    # The rows written since are numbered after the erased ones, so the gap is in the
    # chain itself now, with its range.
    assert (report.ok, report.reason) == (False, "audit.row_missing")
    assert report.first_bad_seq == first and report.missing == (first, last)
    assert report.rows_checked == first - 1
    assert _last_seq(admin) > last
    admin.logout()


def test_a_cut_between_sessions_shows_at_start_and_in_the_monthly_review(center) -> None:
    auth, _ = center
    c1 = auth.login("c1", USER_PW)
    case_id = new_case(c1)
    first, _ = _view_and_print(c1, case_id)
    c1.logout()
    cutter = auth.login("admin", ADMIN_PW)
    last = _last_seq(cutter)  # the head: the cutter's own login is erased too
    _raw(cutter, f"DELETE FROM audit_events WHERE seq >= {first}")
    cutter.close()

    c2 = auth.login("c2", USER_PW)
    start = c2.audit_log.check_at_start()  # any role: the desk's start-up check
    assert (start.ok, start.reason) == (False, "audit.head_mismatch")
    assert (start.first_bad_seq, start.missing) == (first, (first, last))
    c2.logout()
    admin = auth.login("admin", ADMIN_PW)
    assert admin.audit_log.check_at_start().missing == (first, last)  # still, after writes
    review = admin.audit_log.review("2026-11")
    (broken,) = [f for f in review.findings if f.kind == "chain_broken"]
    assert broken.detail == f"audit.row_missing at row {first}, rows {first}-{last} missing"
    report = admin.verify_audit()
    assert (report.reason, report.missing) == ("audit.row_missing", (first, last))
    admin.logout()


def test_a_row_deleted_in_the_middle_is_still_caught(center) -> None:
    auth, _ = center
    c1 = auth.login("c1", USER_PW)
    case_id = new_case(c1)
    first, last = _view_and_print(c1, case_id)
    c1.logout()
    admin = auth.login("admin", ADMIN_PW)
    _raw(admin, f"DELETE FROM audit_events WHERE seq BETWEEN {first} AND {last}")
    report = admin.verify_audit()
    assert (report.ok, report.reason) == (False, "audit.row_missing")
    assert (report.first_bad_seq, report.missing) == (first, (first, last))
    admin.close()


def test_a_head_edited_in_the_keyring_is_refused(center) -> None:
    auth, _ = center
    c1 = auth.login("c1", USER_PW)
    case_id = new_case(c1)
    first, _ = _view_and_print(c1, case_id)
    c1.logout()
    admin = auth.login("admin", ADMIN_PW)
    with admin.store.engine.begin() as conn:
        before = conn.execute(
            text("SELECT row_hash FROM audit_events WHERE seq = :s"), {"s": first - 1}
        ).scalar_one()
    _raw(admin, f"DELETE FROM audit_events WHERE seq >= {first}")
    admin.close()
    # Someone with the database but without the data key points the head at the cut: the
    # seal they can make is not the one the key makes.
    ring = _keyring(auth)
    ring["audit_head"] = {"seq": first - 1, "row_hash": before, "mac": "0" * 64}
    auth.keyring_path.write_text(json.dumps(ring), encoding="utf-8")
    admin = auth.login("admin", ADMIN_PW)
    report = admin.verify_audit()
    assert (report.ok, report.reason) == (False, "audit.head_invalid")
    # The writer does not overwrite the evidence either.
    assert _keyring(auth)["audit_head"]["mac"] == "0" * 64
    admin.close()


def test_an_older_unsealed_head_is_checked_then_sealed(center) -> None:
    auth, _ = center
    admin = auth.login("admin", ADMIN_PW)
    seq = _last_seq(admin)
    with admin.store.engine.begin() as conn:
        row_hash = conn.execute(
            text("SELECT row_hash FROM audit_events WHERE seq = :s"), {"s": seq}
        ).scalar_one()
    admin.close()
    ring = _keyring(auth)
    ring["audit_head"] = [seq, row_hash]  # as keyrings wrote it before heads were sealed
    auth.keyring_path.write_text(json.dumps(ring), encoding="utf-8")
    admin = auth.login("admin", ADMIN_PW)
    assert admin.verify_audit().ok
    head = AuditHead.from_json(_keyring(auth)["audit_head"])
    assert head is not None and head.seq == _last_seq(admin) and head.mac is not None
    admin.logout()


def test_two_sessions_on_one_log_keep_the_newest_head(center) -> None:
    auth, _ = center
    c1 = auth.login("c1", USER_PW)
    c2 = auth.login("c2", USER_PW)
    case_id = new_case(c1)
    c1.services.cases.get(case_id)
    c2.logout()
    c1.services.cases.get(case_id)
    head = AuditHead.from_json(_keyring(auth)["audit_head"])
    assert head is not None and head.seq == _last_seq(c1)
    c1.logout()
    assert auth.login("admin", ADMIN_PW).verify_audit().ok


def test_a_keyring_that_cannot_be_written_never_fails_the_users_action(
    center, monkeypatch: pytest.MonkeyPatch
) -> None:
    auth, _ = center
    c1 = auth.login("c1", USER_PW)
    case_id = new_case(c1)

    def refuse(self: KeyringHeads, head: AuditHead) -> None:
        raise HeadStoreError("disk full")

    monkeypatch.setattr(KeyringHeads, "advance", refuse)
    assert c1.services.cases.get(case_id).id == case_id
    monkeypatch.undo()
    c1.logout()  # the next write moves the head past the rows it missed
    admin = auth.login("admin", ADMIN_PW)
    assert admin.verify_audit().ok
    admin.logout()


def test_a_restore_starts_a_new_head_and_the_restored_log_verifies(center) -> None:
    auth, _ = center
    admin = auth.login("admin", ADMIN_PW)
    backup = admin.services.backups.backup_now()
    admin.logout()
    c1 = auth.login("c1", USER_PW)
    _view_and_print(c1, new_case(c1))  # rows the backup does not have
    c1.logout()
    admin = auth.login("admin", ADMIN_PW)
    admin, _outcome = admin.restore(backup.path)
    report = admin.verify_audit()
    assert report.ok, report
    assert any("restored" in e.detail for e in admin.audit_log.events())
    admin.logout()
