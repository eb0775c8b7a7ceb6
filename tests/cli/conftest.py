"""Fixtures of the CLI tests: an empty data folder, and a center with three accounts."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.cli_runner import ADMIN_PW, C1_PW, LEAD_PW, Cli
from onestop_desk.services.auth import AuthService


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    return Cli(tmp_path / "data", capsys)


@pytest.fixture
def center(cli: Cli, tmp_path: Path) -> Cli:
    """A set-up center: admin (administrator), lead (team lead) and c1 (counselor)."""
    sheet = tmp_path / "recovery.pdf"
    code = cli(
        "init",
        "--center",
        "서울 원스톱 솔루션센터",
        "--username",
        "admin",
        "--display-name",
        "최관리",
        "--recovery-sheet",
        str(sheet),
        stdin=ADMIN_PW + "\n",
    )
    assert code == 0, cli.err
    cli.recovery_key = cli.out.strip().splitlines()[3]
    cli.sheet = sheet
    add = ("users", "add", "--display-name")
    assert (
        cli.as_user("admin", ADMIN_PW, *add, "김팀장", "lead", "--role", "team_lead", stdin=LEAD_PW)
        == 0
    )
    assert (
        cli.as_user("admin", ADMIN_PW, *add, "이상담", "c1", "--role", "counselor", stdin=C1_PW)
        == 0
    )
    # Accounts added by an administrator may do nothing until they choose their own
    # password; these two are taken to have done so, with the same one.
    with AuthService(cli.folder).keyring.updating() as ring:
        for name in ("lead", "c1"):
            ring.accounts[name].must_change_password = False
    return cli
