"""The center server store: where it is, and an engine that only ever talks verified TLS.

A center's PCs share one PostgreSQL database on the LAN. ``ServerLocation`` is what a data
folder remembers about it (host, port, database, database role, the center's CA certificate
file): never a password. The role's password is handed in when the store is opened.

Every connection uses ``sslmode=verify-full`` with the center's CA: the server must present a
certificate signed by that CA for the host name used. An address asking for anything less
(``sslmode=disable``/``prefer``/``require``/``verify-ca``), or not PostgreSQL at all, is
refused with ``ServerUrlError`` before anything is sent. Connection failures are told apart
(certificate, no TLS, wrong password, nobody answering) so the person at the desk, or the
administrator, knows which thing to fix.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, InterfaceError, OperationalError

from onestop_desk.domain.errors import (
    ServerCaFileError,
    ServerCertificateError,
    ServerLoginError,
    ServerNoTlsError,
    ServerUnreachableError,
    ServerUrlError,
    StoreError,
)
from onestop_desk.paths import SERVER_FILE

DEFAULT_PORT = 5432
CONNECT_TIMEOUT_S = 5
# A statement that waits this long on a lock is a stuck PC, not a busy center: give up and
# let the caller say so instead of hanging the window.
LOCK_TIMEOUT_MS = 10_000
SCHEMES = ("postgresql", "postgresql+psycopg", "postgres")


@dataclass(frozen=True)
class ServerLocation:
    """How to reach the center's database: saved per data folder as ``server.json``."""

    host: str
    port: int
    database: str
    role: str
    ca_file: Path

    def describe(self) -> str:
        """``host:port/database`` for the status bar and logs (no secrets, no role)."""
        return f"{self.host}:{self.port}/{self.database}"

    def to_json(self) -> str:
        data = asdict(self)
        data["ca_file"] = str(self.ca_file)
        return json.dumps({"version": 1, **data}, ensure_ascii=False, indent=2) + "\n"

    @classmethod
    def from_json(cls, text: str) -> ServerLocation:
        try:
            data = json.loads(text)
            return cls(
                host=str(data["host"]),
                port=int(data["port"]),
                database=str(data["database"]),
                role=str(data["role"]),
                ca_file=Path(data["ca_file"]),
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise StoreError("server.json is damaged", file=SERVER_FILE) from exc


def parse_server_url(url: str, ca_file: Path) -> tuple[ServerLocation, str | None]:
    """The location named by ``url`` and the password in it, if any.

    Raises ``ServerUrlError`` for a URL that is not PostgreSQL, has no host, database or role,
    or asks for a TLS mode other than ``verify-full`` (a missing ``sslmode`` is taken as
    ``verify-full``: TLS is never optional).
    """
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise ServerUrlError("not a database URL", reason="syntax") from exc
    if parsed.drivername not in SCHEMES:
        raise ServerUrlError("not a PostgreSQL URL", reason="scheme")
    mode = parsed.query.get("sslmode", "verify-full")
    if mode != "verify-full":
        raise ServerUrlError("only sslmode=verify-full is allowed", reason="sslmode")
    root = parsed.query.get("sslrootcert")
    if root is not None and Path(str(root)).resolve() != Path(ca_file).resolve():
        raise ServerUrlError("the URL names another CA file than --ca", reason="sslrootcert")
    if not parsed.host or not parsed.database or not parsed.username:
        raise ServerUrlError("the URL needs a host, a database and a role", reason="parts")
    location = ServerLocation(
        host=parsed.host,
        port=parsed.port or DEFAULT_PORT,
        database=parsed.database,
        role=parsed.username,
        ca_file=Path(ca_file).resolve(),
    )
    return location, parsed.password


def server_url(location: ServerLocation, password: str) -> URL:
    """The SQLAlchemy URL: psycopg 3, verify-full against the center's CA, SCRAM password."""
    return URL.create(
        "postgresql+psycopg",
        username=location.role,
        password=password,
        host=location.host,
        port=location.port,
        database=location.database,
        query={
            "sslmode": "verify-full",
            "sslrootcert": str(location.ca_file),
            "connect_timeout": str(CONNECT_TIMEOUT_S),
            "application_name": "onestop-desk",
            # SCRAM only: a server that would take an md5 or plain password is not trusted.
            "require_auth": "scram-sha-256",
        },
    )


def create_server_engine(location: ServerLocation, password: str) -> Engine:
    """An engine on the center's database. Connections are made lazily; ``check_server``
    makes one at once and turns a failure into the matching error."""
    if not Path(location.ca_file).is_file():
        raise ServerCaFileError("the CA certificate file is missing", reason="ca_file")
    engine = create_engine(
        server_url(location, password),
        pool_size=3,
        max_overflow=2,
        pool_pre_ping=True,
        # Victim data must never sit in a server log because a statement failed.
        hide_parameters=True,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        with dbapi_connection.cursor() as cursor:
            cursor.execute(f"SET lock_timeout = {LOCK_TIMEOUT_MS}")
            cursor.execute("SET TIME ZONE 'UTC'")
        dbapi_connection.commit()

    return engine


def connection_error(exc: DBAPIError | Exception, location: ServerLocation) -> StoreError:
    """The domain error for a failed connection attempt (from psycopg's message)."""
    text = str(getattr(exc, "orig", None) or exc)
    lowered = text.lower()
    where = {"server": location.describe()}
    if (
        "certificate verify failed" in lowered
        or "does not match host name" in lowered
        or ("server certificate" in lowered)
    ):
        return ServerCertificateError("the server certificate does not verify", **where)
    if (
        "server does not support ssl" in lowered
        or "ssl off" in lowered
        or "no encryption" in lowered
        or "ssl connection has been closed unexpectedly" in lowered
    ):
        return ServerNoTlsError("the server does not offer TLS", **where)
    if "password authentication failed" in lowered or "authentication method requirement" in (
        lowered
    ):
        return ServerLoginError("the server refused the password", **where)
    if (
        "connection refused" in lowered
        or "timeout expired" in lowered
        or "could not translate host name" in lowered
        or "no route to host" in lowered
        or "network is unreachable" in lowered
    ):
        return ServerUnreachableError("the server does not answer", **where)
    return StoreError("the center server cannot be used", **where)


def check_server(engine: Engine, location: ServerLocation) -> None:
    """Connect once now; raise the matching ``StoreError`` subclass when that fails."""
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql("SELECT 1")
            connection.rollback()
    except DBAPIError as exc:
        raise connection_error(exc, location) from exc


# SQLSTATEs that mean the connection itself is gone: class 08 (connection exception) and the
# server shutting down or terminating this backend (57P01-57P03). A lock timeout or a
# serialization failure is also an OperationalError in psycopg, but the server answered.
_LOST_STATES = ("57P01", "57P02", "57P03")


def lost_connection_error(exc: BaseException, engine: Engine | None) -> StoreError | None:
    """The domain error for ``exc`` when it means the center server cannot be used now
    (nobody answers, the connection dropped, or it is refused as at connect time); ``None``
    for every other error, and always on the embedded store."""
    if not isinstance(exc, DBAPIError) or engine is None:
        return None
    if engine.dialect.name != "postgresql":
        return None
    state = getattr(getattr(exc, "orig", None), "sqlstate", None)
    lost = (
        exc.connection_invalidated
        or (state is None and isinstance(exc, (OperationalError, InterfaceError)))
        or (state is not None and (state.startswith("08") or state in _LOST_STATES))
    )
    if not lost:
        return None
    url = engine.url
    location = ServerLocation(
        host=url.host or "",
        port=url.port or DEFAULT_PORT,
        database=url.database or "",
        role=url.username or "",
        ca_file=Path(str(url.query.get("sslrootcert", ""))),
    )
    error = connection_error(exc, location)
    if type(error) is StoreError:
        return ServerUnreachableError(
            "the connection to the server was lost", **{"server": location.describe()}
        )
    return error
