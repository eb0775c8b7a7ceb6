"""``onestop-desk-admin password``: an account with an administrator's password chooses its own,
after which the CLI works for it."""

from __future__ import annotations

from helpers.cli_runner import ADMIN_PW, Cli, cheap_auth
from onestop_desk.domain.vocab import AuditAction

TEMPORARY = "임시비밀번호2026"
OWN = "내비밀번호2026!"


def _add(center: Cli, name: str) -> None:
    code = center.as_user(
        "admin",
        ADMIN_PW,
        "users",
        "add",
        name,
        "--display-name",
        "박신규",
        "--role",
        "counselor",
        stdin=TEMPORARY,
    )
    assert code == 0, center.err


def test_an_added_account_changes_its_password_and_can_then_work(center: Cli) -> None:
    _add(center, "c2")
    assert center.as_user("c2", TEMPORARY, "agencies", "list") == 1
    center.assert_one_line_error()
    assert "onestop-desk-admin password" in center.err  # the refusal names the way out

    assert center.as_user("c2", TEMPORARY, "password", stdin=OWN) == 0, center.err
    assert "password changed: c2" in center.out
    assert center.as_user("c2", OWN, "agencies", "list") == 0, center.err
    assert "검찰청 피해자지원실" in center.out
    assert center.as_user("c2", TEMPORARY, "agencies", "list") == 1  # the old one is gone

    # Logged like the app's change: the account's own change, and the CLI's login and logout.
    admin = cheap_auth(center.folder).login("admin", ADMIN_PW)
    try:
        events = [(e.username, e.action, e.detail) for e in admin.audit_log.events()]
    finally:
        admin.close()
    assert ("c2", AuditAction.ACCOUNT, "user c2 changed own password") in events
    assert ("c2", AuditAction.LOGOUT, "cli password") in events


def test_the_new_password_may_come_from_the_environment(center: Cli) -> None:
    _add(center, "c3")
    env = {"ONESTOP_DESK_PASSWORD": TEMPORARY, "ONESTOP_DESK_NEW_PASSWORD": OWN}
    assert center("password", "--user", "c3", env=env) == 0, center.err
    assert center.as_user("c3", OWN, "agencies", "list") == 0


def test_a_weak_new_password_is_refused_with_the_rule(center: Cli) -> None:
    _add(center, "c2")
    assert center.as_user("c2", TEMPORARY, "password", stdin="abc") == 1
    center.assert_one_line_error()
    assert "8자 이상" in center.err and "at least 8 characters" in center.err
    assert "user.password=password.too_short" in center.err
    # Reusing the current password is the rule too.
    assert center.as_user("c2", TEMPORARY, "password", stdin=TEMPORARY) == 1
    center.assert_one_line_error()
    assert "password.reused" in center.err
    # Nothing changed: the temporary password still opens the account, and still only that.
    assert center.as_user("c2", TEMPORARY, "agencies", "list") == 1
    assert "onestop-desk-admin password" in center.err


def test_a_wrong_current_password_is_refused(center: Cli) -> None:
    _add(center, "c2")
    assert center.as_user("c2", "틀린비밀번호2026", "password", stdin=OWN) == 1
    center.assert_one_line_error()
    assert "wrong user name or password" in center.err
    assert center.as_user("c2", OWN, "agencies", "list") == 1
    assert center.as_user("c2", TEMPORARY, "password", stdin=OWN) == 0, center.err


def test_a_missing_new_password_is_refused(center: Cli) -> None:
    _add(center, "c2")
    assert center.as_user("c2", TEMPORARY, "password") == 1
    center.assert_one_line_error()
    assert "ONESTOP_DESK_NEW_PASSWORD" in center.err
