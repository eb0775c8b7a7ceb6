"""A walk-in file carrying hostile text: stored clean, and the operator told, by field and
code point, what will not print (never the text itself: it is a person's data)."""

from __future__ import annotations

import json
from pathlib import Path

from helpers.cli_runner import C1_PW, Cli, cheap_auth

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "walk-in.json"


def test_hostile_text_in_a_walk_in_file(center: Cli, tmp_path: Path) -> None:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["person"]["name"] = "김\u0000예시\u202e"
    data["person"]["address"] = "C:\\Users\\김예시 กรุง"
    source = tmp_path / "hostile.json"
    source.write_text(json.dumps(data, ensure_ascii=True), encoding="utf-8")
    assert center.as_user("c1", C1_PW, "intake", "--from", str(source)) == 0, center.err
    assert "김예시" not in center.out and "กรุง" not in center.out
    warnings = [line for line in center.out.splitlines() if "will print as" in line]
    assert warnings == [
        "인쇄물에 �로 나올 글자 / will print as �: person.address: U+0E01 U+0E23 U+0E38 U+0E07"
    ]
    number = center.out.splitlines()[0].rsplit(" ", 1)[1]
    session = cheap_auth(center.folder).login("c1", C1_PW)
    try:
        detail = session.services.cases.get(session.services.cases.id_by_number(number))
    finally:
        session.logout()
    assert detail.person.name == "김예시"
    assert detail.person.address == "C:\\Users\\김예시 กรุง"
