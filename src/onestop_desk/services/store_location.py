"""Which store a data folder uses: the embedded database file, or the center's server.

A folder connected to a center server holds ``server.json`` (written by ``onestop-desk-admin
server connect`` or the first-run wizard): host, port, database, database role and the
center's CA certificate file, never a password. Without it the folder's own encrypted
database is used, as on a single PC.
"""

from __future__ import annotations

from pathlib import Path

from onestop_desk.db.server import SERVER_FILE, ServerLocation
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
