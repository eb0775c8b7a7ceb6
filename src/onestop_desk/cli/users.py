"""Accounts: ``users add|list|disable|enable|reset-password|set-role``.

Who may do this is the services' answer (``Permission.MANAGE_USERS``); a new or reset
password is the second secret (``ONESTOP_DESK_NEW_PASSWORD`` or the next stdin line).
"""

from __future__ import annotations

import argparse

from onestop_desk.cli.base import EXIT_OK, Context
from onestop_desk.cli.table import Command, arg
from onestop_desk.domain.vocab import Role
from onestop_desk.services.auth import AuthSession

# Roles an account can hold (the system role is for internal jobs only).
ACCOUNT_ROLES = [role.value for role in Role if role is not Role.SYSTEM]


def cmd_users_add(args: argparse.Namespace, ctx: Context, session: AuthSession) -> int:
    record = session.add_user(
        args.username, args.display_name, Role(args.role), ctx.secrets.new_password(), args.phone
    )
    ctx.print(f"계정을 만들었습니다 / account created: {record.username} ({record.role.value})")
    return EXIT_OK


def cmd_users_list(args: argparse.Namespace, ctx: Context, session: AuthSession) -> int:
    for user in session.list_users():
        state = "active" if user.active else "disabled"
        locked = ctx.auth.locked_until(user.username)
        if locked is not None:
            state += f", locked until {locked.astimezone():%H:%M}"
        ctx.print(f"{user.username}\t{user.display_name}\t{user.role.value}\t{state}")
    return EXIT_OK


def cmd_users_disable(args: argparse.Namespace, ctx: Context, session: AuthSession) -> int:
    session.disable_user(args.username)
    ctx.print(f"사용을 중지했습니다 / disabled: {args.username}")
    return EXIT_OK


def cmd_users_enable(args: argparse.Namespace, ctx: Context, session: AuthSession) -> int:
    session.enable_user(args.username, ctx.secrets.new_password())
    ctx.print(f"다시 사용하게 했습니다 / re-enabled: {args.username} (must change the password)")
    return EXIT_OK


def cmd_users_reset(args: argparse.Namespace, ctx: Context, session: AuthSession) -> int:
    session.reset_password(args.username, ctx.secrets.new_password())
    ctx.print(f"비밀번호를 바꿨습니다 / password reset: {args.username}")
    return EXIT_OK


def cmd_users_set_role(args: argparse.Namespace, ctx: Context, session: AuthSession) -> int:
    record = session.set_role(args.username, Role(args.role))
    ctx.print(f"역할을 바꿨습니다 / role set: {record.username} -> {record.role.value}")
    return EXIT_OK


COMMANDS = (
    Command(
        ("users", "add"),
        "a new account (password: the next stdin line)",
        cmd_users_add,
        args=(
            arg("username"),
            arg("--display-name", required=True),
            arg("--role", choices=ACCOUNT_ROLES, required=True),
            arg("--phone", default=""),
        ),
    ),
    Command(("users", "list"), "every account and its state", cmd_users_list),
    Command(("users", "disable"), "revoke an account", cmd_users_disable, args=(arg("username"),)),
    Command(
        ("users", "enable"),
        "re-enable with a new password",
        cmd_users_enable,
        args=(arg("username"),),
    ),
    Command(
        ("users", "reset-password"),
        "a new password the person must change",
        cmd_users_reset,
        args=(arg("username"),),
    ),
    Command(
        ("users", "set-role"),
        "change an account's role",
        cmd_users_set_role,
        args=(arg("username"), arg("role", choices=ACCOUNT_ROLES)),
    ),
)
