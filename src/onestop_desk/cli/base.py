"""What every command shares: exit codes, error lines, the secrets, the context, file writing.

Every other module of the CLI imports this one and this one imports none of them, so the
command modules never reach each other.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TextIO

from onestop_desk import paths
from onestop_desk.domain import messages
from onestop_desk.domain.errors import DomainError, FieldError, ValidationError
from onestop_desk.domain.security import SecurityError
from onestop_desk.services.auth import AuthService, AuthSession

PASSWORD_ENV = "ONESTOP_DESK_PASSWORD"
NEW_PASSWORD_ENV = "ONESTOP_DESK_NEW_PASSWORD"
SERVER_PASSWORD_ENV = "ONESTOP_DESK_SERVER_PASSWORD"
"""The center server's database role password, for a data folder connected to a server."""
SOURCE_PASSWORD_ENV = "ONESTOP_DESK_SOURCE_PASSWORD"
"""``server import``: the password of an administrator of the store being imported."""

PASSWORD_CHANGE_REQUIRED = "auth.password_change_required"
"""Its line names the command that lifts it (``password``)."""

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2

AuthFactory = Callable[[Path], AuthService]


class CliError(Exception):
    """A refusal of the CLI itself (not of a service), with a code of ``domain.messages``."""

    def __init__(self, code: str, extra: str = "", **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.extra = extra
        self.params = params


def _both(
    code: str, extra: str = "", *, field: str = "", params: Mapping[str, object] | None = None
) -> tuple[str, str]:
    tail = f" ({extra})" if extra else ""
    ko, en = (
        messages.text(code, language, field=field, params=params).rstrip(".") + tail
        for language in (messages.Language.KO, messages.Language.EN)
    )
    return ko, en


def describe(code: str, extra: str = "", params: Mapping[str, object] | None = None) -> str:
    """One line for an error code: ``오류: … / error: …``."""
    ko, en = _both(code, extra, params=params)
    return f"오류: {ko} / error: {en}"


def _field_errors_line(errors: list[FieldError]) -> str:
    """Each refused field with its words and its name (``field=code``) so the line says which
    value to fix; one line whatever the number of fields."""
    pairs = [_both(e.code, f"{e.field}={e.code}", field=e.field, params=e.params) for e in errors]
    ko = "; ".join(p[0] for p in pairs)
    en = "; ".join(p[1] for p in pairs)
    return f"오류: {ko} / error: {en}"


def error_line(exc: BaseException) -> str:
    """The one line printed for any failure: codes and identifiers, never a person's data."""
    if isinstance(exc, CliError):
        return describe(exc.code, exc.extra, exc.params)
    if isinstance(exc, ValidationError):
        return _field_errors_line(exc.errors)
    if isinstance(exc, DomainError):
        extra = ""
        until = exc.params.get("until")
        if until is not None:
            extra = f"until {until.astimezone():%Y-%m-%d %H:%M}"
        else:
            # Account and case identifiers only; params never carry a person's data.
            extra = ", ".join(
                str(exc.params[k]) for k in ("username", "case_number") if k in exc.params
            )
        code = messages.error_code(exc)
        if code == PASSWORD_CHANGE_REQUIRED:
            extra = "onestop-desk-admin password --user NAME"
        return describe(code, extra, exc.params)
    if isinstance(exc, SecurityError):
        return describe(exc.code)
    return describe("internal", type(exc).__name__)


class Secrets:
    """Reads the password(s) once each: environment first, then stdin line by line."""

    def __init__(self, stdin: TextIO, environ: Mapping[str, str]) -> None:
        self._stdin = stdin
        self._environ = environ

    def _line(self, prompt: str, missing: str = "secret.missing") -> str:
        if self._stdin.isatty():
            return getpass.getpass(prompt)
        line = self._stdin.readline()
        if not line:
            raise CliError(missing)
        return line.rstrip("\r\n")

    def password(self) -> str:
        value = self._environ.get(PASSWORD_ENV)
        return value if value else self._line("비밀번호 / password: ")

    def new_password(self, *, confirm: bool = False) -> str:
        """``confirm``: typed at a terminal (no echo), it is asked twice; a file or the
        environment says it once."""
        value = self._environ.get(NEW_PASSWORD_ENV)
        if value:
            return value
        value = self._line("새 비밀번호 / new password: ", "secret.new_missing")
        again = "새 비밀번호 확인 / new password again: "
        if confirm and self._stdin.isatty() and self._line(again) != value:
            raise CliError("password.mismatch")
        return value

    def recovery_key(self) -> str:
        return self._line("복구 키 / recovery key: ")

    def server_password(self) -> str:
        """The center server's database role password (asked only when the server is
        first needed, after the account's password)."""
        value = self._environ.get(SERVER_PASSWORD_ENV)
        if value:
            return value
        return self._line("센터 서버 비밀번호 / center server password: ", "secret.server_missing")

    def source_password(self) -> str:
        """The password of the store ``server import`` reads (the next secret after one's
        own)."""
        value = self._environ.get(SOURCE_PASSWORD_ENV)
        return value if value else self._line("가져올 PC의 비밀번호 / source store password: ")


class Context:
    """What a command gets: the data folder's :class:`AuthService`, the secrets, the output."""

    def __init__(
        self,
        data_dir: str | None,
        out: TextIO,
        secrets: Secrets,
        auth_factory: AuthFactory,
        *,
        err: TextIO | None = None,
    ) -> None:
        self.out = out
        self.err = err or sys.stderr
        self.secrets = secrets
        self._auth_factory = auth_factory
        self._folder = paths.data_dir(data_dir)
        self.auth = auth_factory(self._folder)
        self.auth.connect_with(secrets.server_password)

    def reopen(self, *, server_password: str) -> None:
        """A fresh account service for the folder, after ``server.json`` was written."""
        self.auth = self._auth_factory(self._folder)
        self.auth.connect_with(server_password)

    def print(self, text: str = "") -> None:
        self.out.write(text + "\n")

    def warn(self, text: str) -> None:
        """A line on standard error (the failures a command reports itself)."""
        self.err.write(text + "\n")

    def login(self, username: str) -> AuthSession:
        return self.auth.login(username, self.secrets.password())

    @contextmanager
    def session(self, username: str, detail: str = "cli") -> Iterator[AuthSession]:
        """Logged in as ``username`` for the block; always logged out (that is logged too)."""
        session = self.login(username)
        try:
            yield session
        finally:
            session.logout(detail)


def write_private(path: Path, data: bytes) -> None:
    """Exports hold personal data or secrets: readable by the owner only, and written whole
    or not at all (a temporary name beside the target, synced, then renamed)."""
    partial = path.with_name(f".{path.name}.partial")
    try:
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise CliError("file", str(path)) from exc


def day(text: str) -> date:
    """argparse type for ``YYYY-MM-DD``."""
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text}") from exc
