"""``onestop-desk-admin intake --from FILE.json``: one walk-in, one transaction, read back."""

from __future__ import annotations

import json
from pathlib import Path

from helpers.cli_runner import ADMIN_PW, C1_PW, Cli, cheap_auth

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "walk-in.json"


def _case_count(cli: Cli) -> int:
    session = cheap_auth(cli.folder).login("c1", C1_PW)
    try:
        return len(session.services.cases.list_ids())
    finally:
        session.logout()


def test_the_documented_example_registers_a_walk_in_with_its_referrals(center: Cli) -> None:
    assert center.as_user("c1", C1_PW, "intake", "--from", str(EXAMPLE)) == 0, center.err
    lines = center.out.splitlines()
    number = lines[0].rsplit(" ", 1)[1]
    referrals = {line.split("\t")[1]: line.split("\t")[0].rsplit(" ", 1)[1] for line in lines[1:]}
    # Smartwatch -> police; moving cost and legal aid -> the stalking center; both consented.
    assert set(referrals) == {"police", "stalking_center"}
    assert "김예시" not in center.out  # the name never reaches the terminal

    session = cheap_auth(center.folder).login("c1", C1_PW)
    try:
        services = session.services
        case_id = services.cases.id_by_number(number)
        detail = services.cases.get(case_id)
        needs = services.needs.list(case_id)
        consents = services.consents.list(case_id)
        drafted = services.referrals.list(case_id)
    finally:
        session.logout()
    assert detail.person.name == "김예시"
    assert detail.person.safe_contact.may_leave_message is False
    assert set(detail.crime_types) == {"stalking", "threat"}
    assert detail.risk_level.value == "high"
    assert [r.person.name for r in detail.related] == ["김보호"]
    assert {(n.support_area, n.programme_code) for n in needs} == {
        ("safety", "smartwatch"),
        ("housing", "moving_cost"),
        ("legal", "legal_aid"),
        ("psychological", None),
    }
    assert {c.agency_code for c in consents} == {"police", "stalking_center"}
    assert {r.document_number for r in drafted} == set(referrals.values())


def test_every_bad_field_is_named_and_nothing_is_saved(center: Cli, tmp_path: Path) -> None:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["person"]["birth_date"] = "1992-13-40"
    data["person"]["birthplace"] = "서울"
    data["case"]["crime_types"] = ["stalking", 7]
    data["consents"][0]["items"] = ["identity", "everything"]
    del data["consents"][1]["given_on"]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert center.as_user("c1", C1_PW, "intake", "--from", str(bad)) == 1
    center.assert_one_line_error()
    for path in (
        "person.birth_date=invalid_date",
        "person.birthplace=unknown_field",
        "case.crime_types.1=not_text",
        "consents.0.items.1=unknown_code",
        "consents.1.given_on=required",
    ):
        assert path in center.err
    assert "날짜는 2024-07-22 처럼" in center.err and "Enter dates like" in center.err
    assert "김예시" not in center.err
    assert _case_count(center) == 0


def test_refusals_of_the_services_roll_the_whole_walk_in_back(center: Cli, tmp_path) -> None:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["consents"][1]["agency"] = "no_such_agency"  # refused after the case was created
    bad = tmp_path / "unknown-agency.json"
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert center.as_user("c1", C1_PW, "intake", "--from", str(bad)) == 1
    center.assert_one_line_error()
    assert "consents.1.agency=unknown_code" in center.err
    assert _case_count(center) == 0


def test_unreadable_and_broken_files_get_one_line_without_their_content(
    center: Cli, tmp_path: Path
) -> None:
    assert center.as_user("c1", C1_PW, "intake", "--from", str(tmp_path / "none.json")) == 1
    center.assert_one_line_error()
    broken = tmp_path / "broken.json"
    broken.write_text('{"person": {"name": "황보은결",}\n', encoding="utf-8")
    assert center.as_user("c1", C1_PW, "intake", "--from", str(broken)) == 1
    center.assert_one_line_error()
    assert "line 1" in center.err and "황보은결" not in center.err
    assert center.as_user("admin", ADMIN_PW, "intake", "--from", str(EXAMPLE)) == 1  # no cases
    center.assert_one_line_error()
    assert "role" in center.err
