"""Running ``onestop-desk-admin`` in-process against one data folder, for tests/cli/*."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest

from onestop_desk.cli import main
from onestop_desk.cli.base import SERVER_PASSWORD_ENV
from onestop_desk.domain.records import CaseInput, PersonInput
from onestop_desk.domain.security import KdfParams
from onestop_desk.domain.vocab import IntakeChannel
from onestop_desk.services.auth import AuthService

ADMIN_PW = "관리자비번2026!"
LEAD_PW = "팀장비번2026!"
C1_PW = "상담원비번2026"


SERVER_PASSWORDS: dict[Path, str] = {}
"""The database role password of data folders connected to the test cluster (by folder)."""


def cheap_auth(folder: Path) -> AuthService:
    return AuthService(
        folder,
        kdf_params=lambda: KdfParams(time_cost=1, memory_cost=64, parallelism=1),
        server_password=SERVER_PASSWORDS.get(Path(folder).resolve()),
    )


class Cli:
    """Runs the CLI in-process against one data folder; keeps the last outputs."""

    def __init__(self, folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.folder = folder
        self._capsys = capsys
        self.out = ""
        self.err = ""
        self.recovery_key = ""
        self.sheet = Path()
        self.server_password = ""
        """Set for a folder on the test cluster: every run gets it as the CLI expects it."""

    def use_server(self, password: str) -> None:
        self.server_password = password
        SERVER_PASSWORDS[Path(self.folder).resolve()] = password

    def __call__(self, *argv: str, stdin: str = "", env: dict[str, str] | None = None) -> int:
        out = io.StringIO()
        self._capsys.readouterr()
        code = main(
            [*argv, "--data-dir", str(self.folder)],
            stdin=io.StringIO(stdin),
            stdout=out,
            environ={
                **({SERVER_PASSWORD_ENV: self.server_password} if self.server_password else {}),
                **(env or {}),
            },
            auth_factory=cheap_auth,
        )
        self.out = out.getvalue()
        self.err = self._capsys.readouterr().err
        return code

    def as_user(self, user: str, password: str, *argv: str, stdin: str = "") -> int:
        return self(*argv, "--user", user, stdin=f"{password}\n{stdin}")

    def assert_one_line_error(self) -> None:
        assert self.err.count("\n") == 1, self.err
        assert "Traceback" not in self.err
        assert self.err.startswith("오류: ")


def real_case(folder: Path) -> str:
    """A case entered by counselor c1 through the services (not demo data)."""
    session = cheap_auth(folder).login("c1", C1_PW)
    try:
        person = PersonInput(name="황보은결", birth_date=date(1990, 3, 1))
        case = CaseInput(
            intake_channel=IntakeChannel.VISIT,
            intake_date=date(2026, 11, 2),
            crime_types=("stalking",),
        )
        return session.services.cases.create_case(person, case).case_number
    finally:
        session.logout()
