"""``server init`` and ``server connect``: a data folder on the center's PostgreSQL server.

``server init`` is run once, for the center: it checks the server (TLS verified against the
center's CA, the role's password), creates the schema, the center and the first
administrator, and prints the recovery key once, exactly as ``init`` does. ``server connect``
is run on each further PC (or data folder): it checks the server holds a center and saves
the connection in the folder's ``server.json``; every other command then works on the
server store.

The database role's password is never an argument nor saved: it comes from
``ONESTOP_DESK_SERVER_PASSWORD`` or the next line of standard input (a terminal asks without
echo), or from the URL for these two commands only (it is not stored from there either).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from onestop_desk.cli.base import EXIT_OK, Context
from onestop_desk.cli.first_run import cmd_init
from onestop_desk.cli.table import Command, Login, arg
from onestop_desk.services.auth.location import connect_folder, disconnect_folder

SERVER_ARGS = (
    arg("--url", required=True, help="postgresql://ROLE@HOST:PORT/DATABASE (no password)"),
    arg("--ca", required=True, metavar="FILE", help="the center's CA certificate (PEM)"),
)


def cmd_server_init(args: argparse.Namespace, ctx: Context) -> int:
    folder = ctx.auth.data_dir
    # The administrator's password is read first, as for ``init``; the role's after it.
    admin_password = ctx.secrets.password()
    location, secret = connect_folder(
        folder, args.url, Path(args.ca), ctx.secrets.server_password, new_center=True
    )
    try:
        ctx.reopen(server_password=secret)
        code = cmd_init(args, ctx, password=admin_password)
    except BaseException:
        disconnect_folder(folder)
        raise
    # After init's own lines, which scripts read by position (the recovery key is the 4th).
    ctx.print(f"센터 서버 / center server: {location.describe()}")
    return code


def cmd_server_connect(args: argparse.Namespace, ctx: Context) -> int:
    location, _secret = connect_folder(
        ctx.auth.data_dir,
        args.url,
        Path(args.ca),
        ctx.secrets.server_password,
        new_center=False,
    )
    ctx.print(
        f"센터 서버에 연결했습니다 / connected to the center server: {location.describe()} "
        f"({ctx.auth.data_dir})"
    )
    return EXIT_OK


COMMANDS = (
    Command(
        ("server", "init"),
        "set up the center on its PostgreSQL server",
        cmd_server_init,
        Login.NONE,
        (
            *SERVER_ARGS,
            arg("--center", required=True, help="center name"),
            arg("--address", default="", help="center address (printed on take-home sheets)"),
            arg("--phone", default="", help="center main phone number (e.g. 1577-1701)"),
            arg("--username", required=True),
            arg("--display-name", required=True),
            arg("--recovery-sheet", metavar="FILE", help="write the recovery-key PDF here"),
        ),
    ),
    Command(
        ("server", "connect"),
        "use the center's server from this data folder",
        cmd_server_connect,
        Login.NONE,
        SERVER_ARGS,
    ),
)
