"""``init --address --phone``: the center's address and main number, stored at setup."""

from __future__ import annotations

from helpers.cli_runner import ADMIN_PW, Cli, cheap_auth
from onestop_desk.services.center import CenterDetails

ADDRESS = "부산광역시 연제구 법원로 15 3층"
PHONE = "051-000-1701"


def _init(cli: Cli, *extra: str) -> int:
    return cli(
        "init",
        "--center",
        "부산 원스톱 솔루션센터",
        "--username",
        "admin",
        "--display-name",
        "최관리",
        *extra,
        stdin=ADMIN_PW + "\n",
    )


def _center(cli: Cli) -> CenterDetails:
    session = cheap_auth(cli.folder).login("admin", ADMIN_PW)
    try:
        return session.services.center.get()
    finally:
        session.logout()


def test_init_stores_the_address_and_main_number(cli: Cli) -> None:
    assert _init(cli, "--address", f" {ADDRESS} ", "--phone", PHONE) == 0, cli.err
    assert "센터 정보" not in cli.out  # nothing left to ask for
    center = _center(cli)
    assert (center.name, center.address, center.phone) == ("부산 원스톱 솔루션센터", ADDRESS, PHONE)


def test_init_without_them_says_where_to_enter_them(cli: Cli) -> None:
    assert _init(cli) == 0, cli.err
    assert "Center details" in cli.out
    center = _center(cli)
    assert (center.address, center.phone) == ("", "")


def test_a_malformed_phone_is_refused_and_nothing_is_created(cli: Cli) -> None:
    assert _init(cli, "--address", ADDRESS, "--phone", "1701") == 1
    cli.assert_one_line_error()
    assert "center.phone=invalid_phone" in cli.err
    assert "8 to 12 digits" in cli.err
    assert not cheap_auth(cli.folder).is_set_up()
    assert _init(cli, "--phone", PHONE) == 0, cli.err
    assert _center(cli).phone == PHONE
