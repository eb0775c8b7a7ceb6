"""Every service call checks the acting account's role and state, not only the screen that
leads to it: each role, an account that must still change its password, one disabled or
whose role changed after login. The expected answers come from the permission table."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from onestop_desk.domain.access import Permission, allowed
from onestop_desk.domain.errors import PermissionDeniedError
from onestop_desk.domain.security import KdfParams
from onestop_desk.domain.security.errors import (
    AccountChangedError,
    AccountDisabledError,
    PasswordChangeRequiredError,
)
from onestop_desk.domain.vocab import Role
from onestop_desk.services.auth import AuthService, AuthSession, LockoutPolicy
from onestop_desk.services.users import NoKeyringError

PW = "계정점검비번2026"
ROLES = (Role.COUNSELOR, Role.TEAM_LEAD, Role.ADMIN)


def cheap_kdf() -> KdfParams:
    return KdfParams(time_cost=1, memory_cost=64, parallelism=1)


@pytest.fixture(scope="module")
def center(tmp_path_factory: pytest.TempPathFactory) -> AuthService:
    auth = AuthService(
        tmp_path_factory.mktemp("accounts") / "data", pc_name="desk-1", kdf_params=cheap_kdf
    )
    admin = auth.set_up("점검 센터", "admin", "최관리", PW)
    admin.session.add_user("lead", "김팀장", Role.TEAM_LEAD, PW)
    admin.session.add_user("c1", "이상담", Role.COUNSELOR, PW)
    admin.session.add_user("fresh", "신입", Role.COUNSELOR, PW)  # keeps the admin's password
    admin.session.logout()
    with auth.keyring.updating() as ring:
        for name in ("lead", "c1"):
            ring.accounts[name].must_change_password = False
    return auth


NAMES = {Role.COUNSELOR: "c1", Role.TEAM_LEAD: "lead", Role.ADMIN: "admin"}

# (name, the permission it needs or None for any account, the call)
CALLS: list[tuple[str, Permission | None, Callable[[AuthSession], Any]]] = [
    ("users.list", Permission.MANAGE_USERS, lambda s: s.services.users.list()),
    ("users.by_username", Permission.MANAGE_USERS, lambda s: s.services.users.by_username("c1")),
    ("users.assignable", Permission.WORK_ON_CASES, lambda s: s.services.users.assignable()),
    (
        "users.set_role",
        Permission.MANAGE_USERS,
        lambda s: s.services.users.set_role("lead", Role.TEAM_LEAD),
    ),
    ("users.disable", Permission.MANAGE_USERS, lambda s: s.services.users.disable("ghost")),
    (
        "users.reset_password",
        Permission.MANAGE_USERS,
        lambda s: s.services.users.reset_password("ghost", "새비밀번호-2026"),
    ),
    (
        "users.enable",
        Permission.MANAGE_USERS,
        lambda s: s.services.users.enable("ghost", "새비밀번호-2026"),
    ),
    (
        "users.create",
        Permission.MANAGE_USERS,
        lambda s: s.services.users.create("x", "", Role.COUNSELOR, "x"),
    ),
    ("set_policy", Permission.MANAGE_USERS, lambda s: s.set_policy(LockoutPolicy())),
    ("backups.backup_now", Permission.BACK_UP, lambda s: s.services.backups.backup_now()),
    ("backups.list_backups", Permission.BACK_UP, lambda s: s.services.backups.list_backups()),
    (
        "backups.verify",
        Permission.RESTORE,
        lambda s: s.services.backups.verify(Path("/nonexistent.db")),
    ),
    (
        "backups.set_keep_count",
        Permission.SET_BACKUP_POLICY,
        lambda s: s.services.backups.set_keep_count(14),
    ),
    ("backups.backup_if_due", None, lambda s: s.services.backups.backup_if_due()),
    ("backups.keep_count", None, lambda s: s.services.backups.keep_count()),
    ("center.get", None, lambda s: s.services.center.get()),
    ("cases.search_ids", Permission.WORK_ON_CASES, lambda s: s.services.cases.search_ids("홍길")),
    ("audit_log.events", Permission.VIEW_ACCESS_LOG, lambda s: s.audit_log.events(limit=1)),
]


def outcome(call: Callable[[AuthSession], Any], session: AuthSession) -> str:
    """``allowed`` when the call got past the checks (a later refusal of the made-up input,
    e.g. no user "ghost" or a bad password, still means the role was let through)."""
    try:
        call(session)
    except PermissionDeniedError:
        return "denied"
    except (PasswordChangeRequiredError, AccountDisabledError, AccountChangedError) as exc:
        return exc.code
    except Exception:
        return "allowed"
    return "allowed"


@pytest.mark.parametrize("role", ROLES, ids=lambda r: r.value)
def test_every_call_follows_the_permission_table(center: AuthService, role: Role) -> None:
    session = center.login(NAMES[role], PW)
    try:
        got = {name: outcome(call, session) for name, _perm, call in CALLS}
    finally:
        session.logout()
    expected = {
        name: "allowed" if perm is None or allowed(role, perm) else "denied"
        for name, perm, _call in CALLS
    }
    assert got == expected


def test_an_account_with_the_administrators_password_may_only_change_it(
    center: AuthService,
) -> None:
    """AuthService.login, the CLI and the window alike: the services refuse."""
    session = center.login("fresh", PW)
    try:
        assert session.must_change_password
        got = {name: outcome(call, session) for name, _perm, call in CALLS}
        permitted = [n for n, p, _c in CALLS if p is None or allowed(Role.COUNSELOR, p)]
        assert {got[n] for n in permitted} == {"auth.password_change_required"}
        session.change_password(PW, "내가정한비번-2026")
        assert not session.must_change_password
        assert outcome(lambda s: s.services.users.assignable(), session) == "allowed"
    finally:
        session.logout()
    again = center.login("fresh", "내가정한비번-2026")
    assert not again.must_change_password
    again.logout()


def test_a_session_stops_when_its_account_is_disabled_or_its_role_changes(
    center: AuthService,
) -> None:
    admin = center.login("admin", PW)
    admin.add_user("temp", "임시", Role.TEAM_LEAD, PW)
    admin.add_user("temp2", "임시둘", Role.TEAM_LEAD, PW)
    with center.keyring.updating() as ring:
        for name in ("temp", "temp2"):
            ring.accounts[name].must_change_password = False
    temp, temp2 = center.login("temp", PW), center.login("temp2", PW)
    assert outcome(lambda s: s.services.cases.search_ids("홍길"), temp) == "allowed"
    admin.set_role("temp", Role.COUNSELOR)
    admin.disable_user("temp2")
    admin.logout()
    assert outcome(lambda s: s.services.cases.search_ids("홍길"), temp) == "auth.account_changed"
    assert outcome(lambda s: s.services.users.assignable(), temp2) == "auth.disabled"
    temp.logout()
    temp2.logout()


def test_account_administration_needs_the_keyring(center: AuthService) -> None:
    """Services of a store opened without the keyring cannot set a password the keyring
    would not know: the one path keeps both in step."""
    from onestop_desk.services import build_services

    admin = center.login("admin", PW)
    try:
        bare = build_services(admin.store.sessions, admin.actor)
        with pytest.raises(NoKeyringError):
            bare.users.reset_password("c1", "새비밀번호-2026")
    finally:
        admin.logout()
