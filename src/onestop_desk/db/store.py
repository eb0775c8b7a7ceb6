"""Open the case store: engine, migrations, seed data. The composition root calls this."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session, sessionmaker

from onestop_desk.db import migrate
from onestop_desk.db.engine import create_store_engine, make_sessions
from onestop_desk.db.field_crypto import install_field_cipher
from onestop_desk.db.seed import load_seed_data
from onestop_desk.domain.errors import StoreError, WrongKeyError


@dataclass
class Store:
    path: Path
    engine: Engine
    sessions: sessionmaker[Session]
    key: bytes | None

    def close(self) -> None:
        self.engine.dispose()


def open_store(
    path: Path,
    *,
    key: bytes | None = None,
    backup_dir: Path | None = None,
    seed: bool = True,
    field_encryption: bool = False,
) -> Store:
    """Open (creating if needed) and migrate the database at ``path``.

    With ``field_encryption`` the victim's fields are encrypted with ``key`` by the
    application too, and searched through the blind index (``db.field_crypto``). The server
    store always does this; the embedded store does not need it (SQLCipher encrypts the
    whole file), and tests use it to run the server's code paths on a file.

    Raises ``StoreError`` when the file cannot be read with ``key`` (wrong key, not a
    database) and ``DatabaseTooNewError`` when a newer release wrote it.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    if field_encryption and key is None:
        raise StoreError("field encryption needs the data key", path=str(path))
    engine = create_store_engine(path, key)
    if field_encryption and key is not None:
        install_field_cipher(engine, key)
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT count(*) FROM sqlite_master"))
            connection.rollback()
    except DatabaseError as exc:
        engine.dispose()
        if "not a database" in str(exc.orig):
            raise WrongKeyError(
                "the database cannot be opened with this key", path=str(path)
            ) from exc
        raise StoreError(f"the database file cannot be opened: {exc.orig}", path=str(path)) from exc
    if os.name == "posix":
        # New -wal and -shm files take the database file's mode; the first connection may
        # have made them already, with the default umask.
        for file in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            if file.exists():
                file.chmod(0o600)
    try:
        migrate.upgrade(engine, backup_dir=backup_dir, key=key)
        sessions = make_sessions(engine)
        if seed:
            with sessions.begin() as session:
                load_seed_data(session)
    except BaseException:
        engine.dispose()
        raise
    return Store(path=path, engine=engine, sessions=sessions, key=key)
