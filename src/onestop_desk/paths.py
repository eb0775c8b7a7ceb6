"""Where things live: the user's data folder and the bundled resources.

The data folder comes from, in order: an explicit ``--data-dir``, the ``ONESTOP_DESK_HOME``
environment variable, then the platform's user data folder (platformdirs). Resources are
found inside a PyInstaller bundle, inside an installed wheel, or in the source checkout.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "OneStopDesk"
APP_AUTHOR = "OneStopDesk"
HOME_ENV = "ONESTOP_DESK_HOME"
DATABASE_FILE = "onestop.db"
KEYRING_FILE = "keyring.json"  # each account's wrapped copy of the database key
SERVER_FILE = "server.json"  # a data folder connected to the center server (no password)

IS_FROZEN = bool(getattr(sys, "frozen", False))


def data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The folder that holds the database, backups and settings; created if missing."""
    if explicit:
        folder = Path(explicit)
    elif os.environ.get(HOME_ENV):
        folder = Path(os.environ[HOME_ENV])
    else:
        from platformdirs import user_data_dir

        folder = Path(user_data_dir(APP_NAME, APP_AUTHOR))
    folder = folder.expanduser().resolve()
    folder.mkdir(parents=True, exist_ok=True)
    # Victim data: only the account that runs the app may read the folder.
    if os.name == "posix":
        folder.chmod(0o700)
    return folder


def database_path(folder: Path) -> Path:
    return folder / DATABASE_FILE


def resources_dir() -> Path:
    """The bundled ``resources`` folder (fonts, seed data, translations, icons)."""
    candidates = []
    if IS_FROZEN:
        candidates.append(Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)) / "resources")
    package = Path(__file__).resolve().parent
    candidates.append(package / "resources")  # installed wheel (force-included)
    candidates.append(package.parent.parent / "resources")  # source checkout / editable install
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        "OneStop Desk resources folder not found; the installation is incomplete"
    )


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
