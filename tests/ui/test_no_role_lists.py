"""The UI keeps no role lists: it asks ``Services.may`` / ``AuthSession.may`` (one permission
table, domain/access.py). Only the words for roles and the users page's role picker name
roles."""

from __future__ import annotations

import re
from pathlib import Path

import onestop_desk.ui

UI = Path(onestop_desk.ui.__file__).parent
ALLOWED = {UI / "kit" / "messages.py", UI / "admin" / "users_page.py"}
ROLE = re.compile(r"\bRole\.(COUNSELOR|TEAM_LEAD|ADMIN|SYSTEM)\b")


def test_no_role_comparisons_in_the_ui():
    found = [
        f"{path.relative_to(UI)}:{number}: {line.strip()}"
        for path in sorted(UI.rglob("*.py"))
        if path not in ALLOWED
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if ROLE.search(line)
    ]
    assert not found, "ask services.may(Permission.X) instead:\n" + "\n".join(found)


def test_the_check_sees_a_role_list():
    assert ROLE.search("if role in (Role.ADMIN, Role.SYSTEM):")


def test_no_comments_point_at_issues():
    found = [
        f"{path.relative_to(UI)}:{number}"
        for path in sorted(UI.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"\bissue\b", line, re.IGNORECASE)
    ]
    assert not found, found
