"""Accounts, the keyring file, lockout, recovery and the tamper-evident log, on real files."""

from __future__ import annotations

import os
import stat
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from onestop_desk.db.store import open_store
from onestop_desk.domain.clock import KST, Clock
from onestop_desk.domain.errors import (
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    StoreError,
    ValidationError,
)
from onestop_desk.domain.records import CaseInput, PersonInput
from onestop_desk.domain.security import (
    InvalidRecoveryKeyError,
    KdfParams,
    WrongSecretError,
    chain_hash,
    new_recovery_key,
)
from onestop_desk.domain.vocab import AuditAction, Gender, IntakeChannel, Role
from onestop_desk.services.auth import (
    KEYRING_FILE,
    AccountDisabledError,
    AccountLockedError,
    AlreadySetUpError,
    AuthService,
    AuthSession,
    InvalidCredentialsError,
    KeyringError,
    LockoutPolicy,
)

ADMIN_PW = "관리자비번2026!"
USER_PW = "상담원비번2026"
VICTIM = "황보은결"
VICTIM_PHONE = "010-9876-5432"
START = datetime(2026, 11, 25, 10, 0, tzinfo=KST)


def cheap_kdf() -> KdfParams:
    """Fast argon2id for tests; the real cost is measured in benchmarks/."""
    return KdfParams(time_cost=1, memory_cost=64, parallelism=1)


class MovableClock(Clock):
    """A clock the test moves forward by hand."""

    def __init__(self, moment: datetime) -> None:
        self.moment = moment
        super().__init__(lambda: self.moment)

    def advance(self, **delta: float) -> None:
        self.moment += timedelta(**delta)


@pytest.fixture
def clock() -> MovableClock:
    return MovableClock(START)


@pytest.fixture
def auth(tmp_path: Path, clock: MovableClock) -> AuthService:
    return AuthService(tmp_path / "data", clock=clock, pc_name="desk-1", kdf_params=cheap_kdf)


@pytest.fixture
def center(auth: AuthService) -> tuple[AuthService, str]:
    """A set-up center with an admin, a team lead and a counselor; returns the recovery key."""
    result = auth.set_up("서울 원스톱 솔루션센터", "admin", "최관리", ADMIN_PW)
    admin = result.session
    admin.add_user("lead", "김팀장", Role.TEAM_LEAD, USER_PW)
    admin.add_user("c1", "이상담", Role.COUNSELOR, USER_PW)
    admin.add_user("c2", "박상담", Role.COUNSELOR, USER_PW)
    admin.logout()
    settle(auth, "lead", "c1", "c2")
    return auth, result.recovery_key


def settle(auth: AuthService, *usernames: str) -> None:
    """As if these people had already replaced the administrator's password with their own
    (here the same one): the tests of other things start from working accounts."""
    with auth.keyring.updating() as ring:
        for name in usernames:
            ring.accounts[name].must_change_password = False


def new_case(session: AuthSession, name: str = VICTIM) -> int:
    person = PersonInput(
        name=name,
        birth_date=date(1990, 3, 1),
        gender=Gender.FEMALE,
        phone=VICTIM_PHONE,
        address="서울특별시 동작구 여의대방로 1",
    )
    case = CaseInput(
        intake_channel=IntakeChannel.VISIT,
        intake_date=START.date(),
        crime_types=("sexual_violence",),
        incident_date=date(2026, 11, 1),
    )
    return session.services.cases.create_case(person, case).id


def actions(session: AuthSession) -> list[tuple[str, str, str]]:
    return [(e.username, e.action, e.detail) for e in session.audit_log.events()]


# --- setup and encryption at rest -----------------------------------------------------------


def test_setup_writes_an_encrypted_database_and_a_private_keyring(auth: AuthService) -> None:
    result = auth.set_up("서울 원스톱 솔루션센터", "admin", "최관리", ADMIN_PW)
    assert len(result.recovery_key) == 35
    assert result.session.center_name() == "서울 원스톱 솔루션센터"
    assert result.session.role is Role.ADMIN
    result.session.logout()
    assert auth.database_path.read_bytes()[:16] != b"SQLite format 3\x00"
    mode = stat.S_IMODE(os.stat(auth.keyring_path).st_mode)
    assert mode == 0o600
    with pytest.raises(AlreadySetUpError):
        auth.set_up("다른 센터", "admin2", "관리", ADMIN_PW)


def test_setup_refuses_bad_input_before_writing_anything(auth: AuthService) -> None:
    with pytest.raises(ValidationError) as info:
        auth.set_up("", "admin", "", "short")
    fields = {e.field for e in info.value.errors}
    assert fields == {"center.name", "user.display_name", "user.password"}
    assert not auth.keyring_path.exists()
    assert not auth.database_path.exists()


def test_setup_stores_the_address_and_main_number_and_checks_the_phone(
    auth: AuthService,
) -> None:
    with pytest.raises(ValidationError) as info:
        auth.set_up("센터", "admin", "관리", ADMIN_PW, address="대구 중구", phone="12-34")
    assert [(e.field, e.code) for e in info.value.errors] == [("center.phone", "invalid_phone")]
    assert not auth.keyring_path.exists() and not auth.database_path.exists()
    result = auth.set_up(
        " 대구 원스톱 솔루션센터 ",
        "admin",
        "관리",
        ADMIN_PW,
        address=" 대구광역시 중구 공평로 88 ",
        phone="053-000-1701",
    )
    details = result.session.services.center.get()
    result.session.logout()
    assert (details.name, details.address, details.phone) == (
        "대구 원스톱 솔루션센터",
        "대구광역시 중구 공평로 88",
        "053-000-1701",
    )


def test_wrong_or_missing_key_cannot_open_the_database(center: tuple[AuthService, str]) -> None:
    auth, _ = center
    with pytest.raises(StoreError):
        open_store(auth.database_path, key=os.urandom(32))
    with pytest.raises(StoreError):
        open_store(auth.database_path, key=None)


def test_no_victim_name_anywhere_in_the_data_folder(center: tuple[AuthService, str]) -> None:
    auth, _ = center
    c1 = auth.login("c1", USER_PW)
    case_id = new_case(c1)
    c1.services.cases.get(case_id)
    c1.services.cases.search_ids(VICTIM[:2])
    c1.services.drafts.save_intake({"name": VICTIM, "phone": VICTIM_PHONE})
    # A typed-in name at the login box must not land in the unencrypted keyring either.
    with pytest.raises(InvalidCredentialsError):
        auth.login(VICTIM, "whatever-123")

    def leaks() -> list[str]:
        needles = [n.encode(enc) for n in (VICTIM, VICTIM_PHONE) for enc in ("utf-8", "utf-16-le")]
        found = []
        for path in auth.data_dir.rglob("*"):
            if path.is_file():
                data = path.read_bytes()
                found += [f"{path.name}: {n!r}" for n in needles if n in data]
        return found

    wal = Path(f"{auth.database_path}-wal")
    assert wal.exists(), "the check must also cover a live WAL file"
    assert leaks() == []
    c1.logout()
    assert leaks() == []
    # The name really is in there, readable with the key.
    again = auth.login("c1", USER_PW)
    assert again.services.cases.get(case_id).person.name == VICTIM
    again.logout()


# --- login and lockout ----------------------------------------------------------------------


def test_wrong_password_and_unknown_user_look_the_same(center: tuple[AuthService, str]) -> None:
    auth, _ = center
    with pytest.raises(InvalidCredentialsError):
        auth.login("c1", "wrong-password-1")
    with pytest.raises(InvalidCredentialsError):
        auth.login("nobody", "wrong-password-1")


def test_failures_are_queued_then_written_to_the_log_with_their_time(
    center: tuple[AuthService, str], clock: MovableClock
) -> None:
    auth, _ = center
    with pytest.raises(InvalidCredentialsError):
        auth.login("c1", "wrong-password-1")
    failed_at = clock.moment
    assert len(auth.load_keyring().queued_failures) == 1
    clock.advance(minutes=30)
    admin = auth.login("admin", ADMIN_PW)
    rows = [e for e in admin.audit_log.events() if e.action == AuditAction.LOGIN_FAILED]
    assert [(r.username, r.detail, r.at) for r in rows] == [("c1", "wrong password", failed_at)]
    assert auth.load_keyring().queued_failures == []
    assert admin.verify_audit().ok
    admin.logout()


def test_five_failures_lock_for_ten_minutes_then_the_lock_expires(
    center: tuple[AuthService, str], clock: MovableClock
) -> None:
    auth, _ = center
    for _ in range(4):
        with pytest.raises(InvalidCredentialsError):
            auth.login("c1", "wrong-password-1")
    with pytest.raises(AccountLockedError) as info:
        auth.login("c1", "wrong-password-1")
    assert info.value.params["until"] == (clock.moment + timedelta(minutes=10))
    # Even the right password is refused while locked.
    clock.advance(minutes=9)
    with pytest.raises(AccountLockedError):
        auth.login("c1", USER_PW)
    clock.advance(minutes=1, seconds=1)
    session = auth.login("c1", USER_PW)
    assert session.username == "c1"
    session.logout()
    admin = auth.login("admin", ADMIN_PW)
    details = [d for u, a, d in actions(admin) if a == AuditAction.LOGIN_FAILED and u == "c1"]
    assert details.count("wrong password") == 5
    assert "attempt while locked" in details
    admin.logout()


def test_lockout_policy_is_configurable_and_audited(
    center: tuple[AuthService, str], clock: MovableClock
) -> None:
    auth, _ = center
    admin = auth.login("admin", ADMIN_PW)
    admin.set_policy(LockoutPolicy(max_failures=2, lock_minutes=1, idle_lock_minutes=3))
    with pytest.raises(ValidationError):
        admin.set_policy(LockoutPolicy(idle_lock_minutes=600))
    admin.logout()
    assert auth.policy().idle_lock_minutes == 3
    with pytest.raises(InvalidCredentialsError):
        auth.login("c1", "wrong-password-1")
    with pytest.raises(AccountLockedError):
        auth.login("c1", "wrong-password-1")
    clock.advance(minutes=1, seconds=1)
    auth.login("c1", USER_PW).logout()
    c1 = auth.login("c1", USER_PW)
    with pytest.raises(PermissionDeniedError):
        c1.set_policy(LockoutPolicy())
    c1.logout()


def test_disabled_account_cannot_log_in_and_loses_its_key_copy(
    center: tuple[AuthService, str],
) -> None:
    auth, _ = center
    admin = auth.login("admin", ADMIN_PW)
    admin.disable_user("c2")
    with pytest.raises(ConflictError):
        admin.disable_user("admin")  # never oneself
    admin.logout()
    assert "c2" not in auth.load_keyring().accounts
    with pytest.raises(InvalidCredentialsError):
        auth.login("c2", USER_PW)


# --- lock screen ----------------------------------------------------------------------------


def test_unlock_needs_the_same_password_and_failures_count(
    center: tuple[AuthService, str],
) -> None:
    auth, _ = center
    c1 = auth.login("c1", USER_PW)
    c1.record_lock("idle")
    with pytest.raises(InvalidCredentialsError):
        c1.unlock("wrong-password-1")
    c1.unlock(USER_PW)
    assert [a for _u, a, _d in actions_as_admin(auth)][-4:] == [
        "login",
        "lock",
        "login_failed",
        "unlock",
    ]
    for _ in range(4):
        with pytest.raises(InvalidCredentialsError):
            c1.unlock("wrong-password-1")
    with pytest.raises(AccountLockedError):
        c1.unlock("wrong-password-1")
    c1.logout()


def actions_as_admin(auth: AuthService) -> list[tuple[str, str, str]]:
    admin = auth.login("admin", ADMIN_PW)
    try:
        return [row for row in actions(admin) if row[0] != "admin"]
    finally:
        admin.close()


# --- roles ----------------------------------------------------------------------------------


def test_roles_are_enforced_in_the_services(center: tuple[AuthService, str]) -> None:
    auth, _ = center
    c1 = auth.login("c1", USER_PW)
    case_id = new_case(c1)
    with pytest.raises(PermissionDeniedError):
        c1.add_user("x1", "엑스", Role.COUNSELOR, USER_PW)
    with pytest.raises(PermissionDeniedError):
        c1.reset_password("c2", "새비밀번호2026")
    with pytest.raises(PermissionDeniedError):
        c1.set_role("c1", Role.ADMIN)
    with pytest.raises(PermissionDeniedError):
        c1.audit_log.events()
    c1.logout()

    c2 = auth.login("c2", USER_PW)
    with pytest.raises(PermissionDeniedError):
        c2.services.cases.get(case_id)  # another counselor's case
    c2.logout()

    lead = auth.login("lead", USER_PW)
    assert lead.services.cases.get(case_id).person.name == VICTIM
    lead.logout()

    admin = auth.login("admin", ADMIN_PW)
    with pytest.raises(PermissionDeniedError):
        admin.services.cases.get(case_id)  # administrators do not read case files
    admin.logout()


def test_role_changes_are_audited_and_the_last_admin_stays(
    center: tuple[AuthService, str],
) -> None:
    auth, _ = center
    admin = auth.login("admin", ADMIN_PW)
    admin.set_role("c1", Role.TEAM_LEAD)
    with pytest.raises(ConflictError):
        admin.set_role("admin", Role.COUNSELOR)
    account_rows = [d for _u, a, d in actions(admin) if a == AuditAction.ACCOUNT]
    assert "user c1 role counselor -> team_lead" in account_rows
    assert "user c2 created with role counselor" in account_rows
    admin.logout()
    assert auth.login("c1", USER_PW).role is Role.TEAM_LEAD


# --- passwords and recovery -----------------------------------------------------------------


def test_password_change_keeps_the_data_readable(center: tuple[AuthService, str]) -> None:
    auth, _ = center
    c1 = auth.login("c1", USER_PW)
    case_id = new_case(c1)
    with pytest.raises(ValidationError) as reused:
        c1.change_password(USER_PW, USER_PW)
    assert reused.value.errors[0].code == "password.reused"
    with pytest.raises(ValidationError):
        c1.change_password("not-my-password-1", "새비밀번호2026!")
    c1.change_password(USER_PW, "새비밀번호2026!")
    c1.logout()
    with pytest.raises(InvalidCredentialsError):
        auth.login("c1", USER_PW)
    again = auth.login("c1", "새비밀번호2026!")
    assert not again.must_change_password
    assert again.services.cases.get(case_id).person.name == VICTIM
    again.logout()


def test_admin_reset_needs_an_existing_user_and_rewraps(center: tuple[AuthService, str]) -> None:
    auth, _ = center
    admin = auth.login("admin", ADMIN_PW)
    with pytest.raises(NotFoundError):
        admin.reset_password("ghost", "새비밀번호2026!")
    assert "ghost" not in auth.load_keyring().accounts
    admin.reset_password("c2", "임시비밀번호2026")
    admin.logout()
    with pytest.raises(InvalidCredentialsError):
        auth.login("c2", USER_PW)
    c2 = auth.login("c2", "임시비밀번호2026")
    assert c2.must_change_password
    c2.logout()


def test_reset_clears_a_lock(center: tuple[AuthService, str]) -> None:
    auth, _ = center
    for _ in range(5):
        with pytest.raises((InvalidCredentialsError, AccountLockedError)):
            auth.login("c1", "wrong-password-1")
    admin = auth.login("admin", ADMIN_PW)
    admin.reset_password("c1", "임시비밀번호2026")
    admin.logout()
    auth.login("c1", "임시비밀번호2026").logout()


def test_recovery_key_opens_and_sets_a_new_admin_password(
    center: tuple[AuthService, str],
) -> None:
    auth, recovery_key = center
    with pytest.raises(InvalidRecoveryKeyError):
        auth.recover("NOT-A-KEY", "admin", "새관리자비번2026")
    with pytest.raises(WrongSecretError):
        auth.recover(new_recovery_key(), "admin", "새관리자비번2026")  # another center's key
    with pytest.raises(NotFoundError):
        auth.recover(recovery_key, "c1", "새관리자비번2026")  # only administrators
    # Typed from paper: lower case, no dashes.
    session = auth.recover(recovery_key.replace("-", "").lower(), "admin", "새관리자비번2026")
    assert session.role is Role.ADMIN
    details = [d for _u, a, d in actions(session) if a == AuditAction.ACCOUNT]
    assert "user admin reset by recovery key" in details
    session.logout()
    with pytest.raises(InvalidCredentialsError):
        auth.login("admin", ADMIN_PW)
    auth.login("admin", "새관리자비번2026").logout()


def test_disabled_admin_can_be_brought_back_with_the_recovery_key(
    center: tuple[AuthService, str],
) -> None:
    auth, recovery_key = center
    admin = auth.login("admin", ADMIN_PW)
    admin.add_user("admin2", "두번째관리", Role.ADMIN, USER_PW)
    admin.logout()
    settle(auth, "admin2")
    second = auth.login("admin2", USER_PW)
    second.disable_user("admin")
    second.logout()
    with pytest.raises(InvalidCredentialsError):
        auth.login("admin", ADMIN_PW)
    auth.recover(recovery_key, "admin", "새관리자비번2026").logout()
    auth.login("admin", "새관리자비번2026").logout()


def test_disabled_account_with_a_key_copy_left_is_refused(center: tuple[AuthService, str]) -> None:
    """If the keyring kept a copy (e.g. restored from an old backup), the database decides."""
    auth, _ = center
    saved = auth.keyring_path.read_bytes()
    admin = auth.login("admin", ADMIN_PW)
    admin.disable_user("c2")
    admin.logout()
    auth.keyring_path.write_bytes(saved)
    with pytest.raises(AccountDisabledError):
        auth.login("c2", USER_PW)


# --- the access log -------------------------------------------------------------------------


def _raw(session: AuthSession, sql: str) -> None:
    with session.store.engine.begin() as conn:
        conn.execute(text(sql))


@pytest.fixture
def logged(center: tuple[AuthService, str]) -> AuthService:
    auth, _ = center
    c1 = auth.login("c1", USER_PW)
    case_id = new_case(c1)
    for _ in range(3):
        c1.services.cases.get(case_id)
    c1.logout()
    return auth


def test_chain_verifies_untouched(logged: AuthService) -> None:
    admin = logged.login("admin", ADMIN_PW)
    report = admin.verify_audit()
    assert report.ok and report.rows_checked > 10
    admin.logout()


def test_chain_catches_an_edited_row(logged: AuthService) -> None:
    admin = logged.login("admin", ADMIN_PW)
    _raw(admin, "UPDATE audit_events SET username = 'c2' WHERE seq = 8")
    report = admin.verify_audit()
    assert (report.ok, report.first_bad_seq, report.reason) == (False, 8, "audit.row_edited")
    admin.close()


def test_chain_catches_a_deleted_row(logged: AuthService) -> None:
    admin = logged.login("admin", ADMIN_PW)
    _raw(admin, "DELETE FROM audit_events WHERE seq = 6")
    report = admin.verify_audit()
    assert (report.ok, report.first_bad_seq, report.reason) == (False, 6, "audit.row_missing")
    admin.close()


def test_chain_catches_an_inserted_row(logged: AuthService) -> None:
    admin = logged.login("admin", ADMIN_PW)
    # Make room at seq 7 and slip in a forged row that links to row 6, as someone with write
    # access but without the data key would: its hash can only be a plain SHA-256.
    _raw(admin, "UPDATE audit_events SET seq = -seq - 1 WHERE seq >= 7")
    _raw(admin, "UPDATE audit_events SET seq = -seq WHERE seq < 0")
    with admin.store.engine.begin() as conn:
        prev = conn.execute(text("SELECT row_hash FROM audit_events WHERE seq = 6")).scalar_one()
        at = datetime(2026, 11, 25, 1, 0)
        fields = {
            "seq": 7,
            "at": at.isoformat(),
            "user_id": None,
            "username": "c2",
            "pc_name": "x",
            "case_number": "",
            "action": "view",
            "detail": "",
            "reason": "",
        }
        conn.execute(
            text(
                "INSERT INTO audit_events (seq, at, user_id, username, pc_name, case_number,"
                " action, detail, reason, prev_hash, row_hash) VALUES (7, :at, NULL, 'c2', 'x',"
                " '', 'view', '', '', :prev, :hash)"
            ),
            {"at": at, "prev": prev, "hash": chain_hash(prev, fields)},
        )
    report = admin.verify_audit()
    assert (report.ok, report.first_bad_seq, report.reason) == (False, 7, "audit.row_edited")
    admin.close()


def test_chain_catches_rows_cut_off_the_end(logged: AuthService) -> None:
    admin = logged.login("admin", ADMIN_PW)
    last = admin.audit_log.events()[-1].seq
    _raw(admin, f"DELETE FROM audit_events WHERE seq >= {last - 1}")
    admin.close()
    # The next login's rows no longer hide the cut (tests/services/test_audit_head.py).
    admin = logged.login("admin", ADMIN_PW)
    report = admin.verify_audit()
    assert (report.ok, report.reason, report.missing) == (
        False,
        "audit.row_missing",
        (last - 1, last),
    )
    admin.close()


def test_purge_keeps_two_years_and_the_chain_verifiable(
    center: tuple[AuthService, str], clock: MovableClock
) -> None:
    auth, _ = center
    c1 = auth.login("c1", USER_PW)
    case_id = new_case(c1)
    c1.services.cases.get(case_id)
    c1.logout()
    clock.advance(days=365 * 2 + 10)
    c1 = auth.login("c1", USER_PW)
    c1.services.cases.get(case_id)
    c1.logout()
    admin = auth.login("admin", ADMIN_PW)
    before = [e.action for e in admin.audit_log.events()]
    with pytest.raises(ValidationError):
        admin.audit_log.purge("")
    result = admin.audit_log.purge("2년 보존기간 경과")
    # Account rows (3 years) from the setup are the oldest rows: nothing may go yet.
    assert result.removed == 0
    clock.advance(days=365 + 10)
    result = admin.audit_log.purge("3년 보존기간 경과")
    assert result.removed > 0
    after = admin.audit_log.events()
    assert after[-1].action == AuditAction.PURGE
    assert after[-1].reason == "3년 보존기간 경과"
    assert len(after) < len(before) + 3
    assert admin.verify_audit().ok
    admin.logout()
    assert auth.login("admin", ADMIN_PW).verify_audit().ok


def test_purge_row_cannot_be_edited_to_hide_more(
    center: tuple[AuthService, str], clock: MovableClock
) -> None:
    auth, _ = center
    clock.advance(days=365 * 3 + 30)
    admin = auth.login("admin", ADMIN_PW)
    admin.audit_log.purge("보존기간 경과")
    assert admin.verify_audit().ok
    first = admin.audit_log.events()[0].seq
    _raw(admin, f"DELETE FROM audit_events WHERE seq = {first}")
    assert not admin.verify_audit().ok
    admin.close()


def test_monthly_review_counts_and_flags_after_hours_access(
    center: tuple[AuthService, str], clock: MovableClock
) -> None:
    auth, _ = center
    c1 = auth.login("c1", USER_PW)
    case_id = new_case(c1)
    clock.moment = datetime(2026, 11, 28, 22, 0, tzinfo=KST)  # Saturday night
    c1.services.cases.get(case_id)
    c1.logout()
    admin = auth.login("admin", ADMIN_PW)
    review = admin.audit_log.review("2026-11")
    counts = {(c.username, c.action): c.count for c in review.counts}
    assert counts[("c1", "view")] == 1
    assert counts[("c1", "create")] == 1
    kinds = {(f.kind, f.username) for f in review.findings}
    assert ("after_hours", "c1") in kinds
    with pytest.raises(ValidationError):
        admin.audit_log.review("2026/11")
    csv_text = admin.audit_log.export_csv("월간 점검")
    assert "view" in csv_text and VICTIM not in csv_text
    assert [e.reason for e in admin.audit_log.events() if e.action == "export"] == ["월간 점검"]
    admin.logout()


def test_keyring_damage_is_reported_as_damage(center: tuple[AuthService, str]) -> None:
    auth, _ = center
    (auth.data_dir / KEYRING_FILE).write_text("{not json", encoding="utf-8")
    with pytest.raises(KeyringError):
        auth.login("admin", ADMIN_PW)


def test_restoring_an_older_backup_locks_nobody_out(center):
    """Passwords changed after the backup still work after the restore (the keyring holds
    the current key copies); the stale hash in the restored file is brought up to date."""
    auth, _ = center
    admin = auth.login("admin", ADMIN_PW)
    backup = admin.services.backups.backup_now()
    admin.logout()
    c1 = auth.login("c1", USER_PW)
    c1.change_password(USER_PW, "새상담원비번2027")
    c1.logout()
    admin = auth.login("admin", ADMIN_PW)
    admin, _outcome = admin.restore(backup.path)
    admin.logout()
    c1 = auth.login("c1", "새상담원비번2027")
    c1.logout()
    with pytest.raises(InvalidCredentialsError):
        auth.login("c1", USER_PW)
    admin = auth.login("admin", ADMIN_PW)
    assert any(
        who == "c1" and action == "account" and "keyring" in detail
        for who, action, detail in actions(admin)
    )
    assert admin.verify_audit().ok
    admin.logout()


def test_the_center_named_at_setup_is_the_one_documents_print(center):
    auth, _ = center
    lead = auth.login("lead", USER_PW)
    assert lead.services.center.get().name == "서울 원스톱 솔루션센터"
    assert lead.center_name() == "서울 원스톱 솔루션센터"
    lead.logout()


def test_the_audit_viewer_gets_the_latest_rows_when_limited(center):
    auth, _ = center
    admin = auth.login("admin", ADMIN_PW)
    every = admin.audit_log.events()
    latest = admin.audit_log.events(limit=3, newest_first=True)
    assert [e.seq for e in latest] == [e.seq for e in reversed(every)][:3]
    admin.logout()


def test_a_disabled_account_can_be_re_enabled_with_a_new_password(center):
    auth, _ = center
    admin = auth.login("admin", ADMIN_PW)
    admin.disable_user("c2")
    with pytest.raises(ConflictError):
        admin.reset_password("c2", "임시비번-2026")  # a reset is not a re-enable
    admin.enable_user("c2", "임시비번-2026")
    admin.logout()
    with pytest.raises(InvalidCredentialsError):
        auth.login("c2", USER_PW)  # the old password opens nothing
    c2 = auth.login("c2", "임시비번-2026")
    assert c2.must_change_password
    c2.logout()
    admin = auth.login("admin", ADMIN_PW)
    assert any(a == "account" and "c2 re-enabled" in d for _u, a, d in actions(admin))
    admin.logout()
