"""A center-server address is PostgreSQL over verified TLS, or it is refused before use."""

from __future__ import annotations

from pathlib import Path

import pytest

from onestop_desk.db.server import ServerLocation, parse_server_url, server_url
from onestop_desk.domain.errors import ServerUrlError, StoreError

CA = Path("/etc/onestop/center-ca.crt")


def test_a_plain_address_is_read_with_verify_full_added() -> None:
    location, password = parse_server_url("postgresql://desk@10.0.0.5/onestop", CA)
    assert location == ServerLocation("10.0.0.5", 5432, "onestop", "desk", CA.resolve())
    assert password is None
    url = server_url(location, "secret")
    assert url.query["sslmode"] == "verify-full"
    assert url.query["sslrootcert"] == str(CA.resolve())
    assert url.drivername == "postgresql+psycopg"


def test_a_password_in_the_address_is_handed_back_not_kept() -> None:
    location, password = parse_server_url("postgresql://desk:pw%40x@host:6543/db", CA)
    assert password == "pw@x" and location.port == 6543
    assert "pw" not in location.to_json()


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://desk@host/db?sslmode=disable",
        "postgresql://desk@host/db?sslmode=prefer",
        "postgresql://desk@host/db?sslmode=require",
        "postgresql://desk@host/db?sslmode=verify-ca",
        "postgresql://desk@host/db?sslrootcert=/tmp/other.crt",
        "mysql://desk@host/db",
        "sqlite:///onestop.db",
        "postgresql://host/db",
        "postgresql://desk@host",
        "not a url",
    ],
)
def test_anything_less_is_refused(url: str) -> None:
    with pytest.raises(ServerUrlError):
        parse_server_url(url, CA)


def test_location_round_trips_and_a_damaged_file_is_a_store_error() -> None:
    location = ServerLocation("db.center.local", 5432, "onestop", "desk", CA)
    assert ServerLocation.from_json(location.to_json()) == location
    with pytest.raises(StoreError):
        ServerLocation.from_json('{"host": "x"}')
