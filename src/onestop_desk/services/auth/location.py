"""Which store a data folder uses: the embedded database file, or the center's server.

A folder connected to a center server holds ``server.json`` (written by ``onestop-desk-admin
server connect`` or the first-run wizard): host, port, database, database role and the
center's CA certificate file, never a password. Without it the folder's own encrypted
database is used, as on a single PC.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from onestop_desk.db.keyring import KeyringRepository
from onestop_desk.db.server import ServerLocation, parse_server_url
from onestop_desk.db.store import open_server_store
from onestop_desk.domain.errors import ServerUrlError
from onestop_desk.domain.security.errors import AlreadySetUpError, ServerNotSetUpError
from onestop_desk.paths import DATABASE_FILE, KEYRING_FILE, SERVER_FILE
from onestop_desk.services.auth.files import write_atomic


def server_file(folder: Path) -> Path:
    return Path(folder) / SERVER_FILE


def read_location(folder: Path) -> ServerLocation | None:
    """The center server this folder is connected to, or ``None`` (embedded store).
    Raises ``StoreError`` when ``server.json`` is damaged."""
    path = server_file(folder)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    return ServerLocation.from_json(text)


def save_location(folder: Path, location: ServerLocation) -> Path:
    """Write ``server.json`` whole or not at all (mode 0600)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = server_file(folder)
    write_atomic(path, location.to_json().encode("utf-8"))
    return path


def _embedded_store_in(folder: Path) -> bool:
    return any((Path(folder) / name).exists() for name in (DATABASE_FILE, KEYRING_FILE))


def location_of(
    host: str, port: int, database: str, role: str, ca_file: Path | str
) -> ServerLocation:
    """The location typed into the first-run wizard (no URL to parse there). Raises
    ``ServerUrlError`` when a part is missing or the port is not one."""
    host, database, role = host.strip(), database.strip(), role.strip()
    if not host or not database or not role or not str(ca_file).strip():
        raise ServerUrlError("a host, a database, a role and a CA file are needed", reason="parts")
    if not 0 < int(port) < 65536:
        raise ServerUrlError("the port is not one", reason="port")
    return ServerLocation(
        host=host, port=int(port), database=database, role=role, ca_file=Path(ca_file).resolve()
    )


def probe_server(folder: Path, location: ServerLocation, password: str) -> bool:
    """Connect to the center server (TLS verified against the CA, the role's password; the
    schema brought up to date) and say whether it holds a center. Nothing is saved. Raises
    the ``StoreError`` subclass that names what failed."""
    store = open_server_store(location, password, folder=Path(folder))
    try:
        with store.sessions() as s:
            return KeyringRepository(s).meta() is not None
    finally:
        store.close()


def connect_location(
    folder: Path, location: ServerLocation, password: str, *, new_center: bool
) -> None:
    """Check the center server at ``location`` and remember it for ``folder``
    (``server.json``); see :func:`connect_folder`, which this is after the URL is read."""
    if _embedded_store_in(folder):
        raise AlreadySetUpError("this data folder holds a store of its own")
    has_center = probe_server(folder, location, password)
    if new_center and has_center:
        raise AlreadySetUpError("the center server already holds a center")
    if not new_center and not has_center:
        raise ServerNotSetUpError("the center server holds no center yet (server init)")
    save_location(folder, location)


def connect_folder(
    folder: Path,
    url: str,
    ca_file: Path,
    password: Callable[[], str],
    *,
    new_center: bool,
) -> tuple[ServerLocation, str]:
    """Check the center server at ``url`` and remember it for ``folder`` (``server.json``).

    The connection is made first (TLS verified against ``ca_file``, the role's password from
    the URL or else from ``password()``; the schema is brought up to date), so a wrong
    address, certificate or password is reported and nothing is saved. ``new_center``: the
    server must not hold a center yet (``server init``), else it must (``server connect``
    and the first-run wizard, through :func:`connect_location`).
    A folder that already holds an embedded store is refused: its cases would be hidden.
    Returns the location and the password that worked (kept in memory only).
    """
    if _embedded_store_in(folder):
        raise AlreadySetUpError("this data folder holds a store of its own")
    location, in_url = parse_server_url(url, Path(ca_file))
    secret = in_url if in_url else password()
    connect_location(folder, location, secret, new_center=new_center)
    return location, secret


def disconnect_folder(folder: Path) -> None:
    """Forget the server for ``folder`` (a setup that failed after connecting)."""
    server_file(folder).unlink(missing_ok=True)
