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
from onestop_desk.db.seed import refresh_seed_data
from onestop_desk.db.server import (
    SERVER_FILE,
    ServerLocation,
    check_server,
    create_server_engine,
)
from onestop_desk.domain.errors import StoreError, WrongKeyError


@dataclass
class Store:
    """An open store. ``path`` is the database file of the embedded store; for a server
    store it is the data folder's ``server.json`` (its folder still holds backups and the
    draft), and ``server`` says where the database is."""

    path: Path
    engine: Engine
    sessions: sessionmaker[Session]
    key: bytes | None
    server: ServerLocation | None = None

    @property
    def is_server(self) -> bool:
        return self.server is not None

    def use_data_key(self, key: bytes) -> None:
        """The center's data key, once known (a server store is opened before anyone logs
        in: the wrapped keys are in it). On the server store it is what encrypts and
        decrypts the victim's fields (``db.field_crypto``); until then they can be neither
        written nor read there."""
        self.key = key
        if self.is_server:
            install_field_cipher(self.engine, key)

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
                refresh_seed_data(session)
    except BaseException:
        engine.dispose()
        raise
    return Store(path=path, engine=engine, sessions=sessions, key=key)


def open_server_store(
    location: ServerLocation,
    password: str,
    *,
    folder: Path | None = None,
    key: bytes | None = None,
    seed: bool = True,
) -> Store:
    """Connect to (and migrate) the center's PostgreSQL database.

    ``folder`` is the PC's data folder (``Store.path`` becomes its ``server.json``); ``key``
    is the center's data key when known: it encrypts the victim's fields on their way to
    the server (:meth:`Store.use_data_key` gives it later, after a login). Raises the
    ``StoreError`` subclass that names what failed: certificate, no TLS, password, nobody
    answering.
    """
    engine = create_server_engine(location, password)
    try:
        check_server(engine, location)
        # PostgreSQL has transactional DDL: a failed migration rolls back whole, so no
        # file backup is taken first (the server's own backups cover the database).
        migrate.upgrade(engine)
        sessions = make_sessions(engine)
        if seed:
            with sessions.begin() as session:
                refresh_seed_data(session)
    except BaseException:
        engine.dispose()
        raise
    path = (folder or Path.cwd()) / SERVER_FILE
    store = Store(path=path, engine=engine, sessions=sessions, key=None, server=location)
    if key is not None:
        store.use_data_key(key)
    return store
