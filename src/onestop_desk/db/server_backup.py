"""Backups of the center server's database: ``pg_dump``/``pg_restore``, encrypted on the PC.

A backup is PostgreSQL's own archive (``pg_dump --format=custom``) of the center's database,
streamed straight into AES-256-GCM and written as ``*.pgdump.enc``: the plain archive never
touches a disk. The file format (version 1)::

    MAGIC (8 bytes) | header length (4, big-endian) | header (UTF-8 JSON)
    then chunks: flag (1: 0 = more follow, 1 = last) | length (4) | AES-GCM ciphertext

The header holds no victim data: the format version, a random salt, a key check, when and
from which server version the dump was made, the schema revision and the row count of each
table (counted in the very snapshot ``pg_dump`` dumps, via ``pg_export_snapshot``). The file
key is HKDF-SHA256 over the center data key's ``server-backup`` subkey with the file's salt.
Every chunk is authenticated together with the SHA-256 of the header, its number and its
flag, so a changed header, a changed, dropped, reordered or appended chunk, and a file cut
short (no last chunk) all fail. A wrong data key is told apart by the key check.

Restore goes into a *new* database (``CREATE DATABASE`` with the live one's encoding and
locale, then ``pg_restore --single-transaction --exit-on-error``), which the caller checks
before :func:`switch_databases` renames the live database to a kept name and the restored
one to the live name, in one transaction: the data folders' ``server.json`` stay valid and
nothing is ever dropped but a restored copy that failed its checks.

The database role needs ``CREATEDB`` and must own the live database (``ALTER DATABASE …
RENAME`` asks both), and may connect to the ``postgres`` maintenance database: a database
cannot be renamed over a connection to itself.

The programs: ``pg_dump`` and ``pg_restore`` from ``PATH``, else the newest
``/usr/lib/postgresql/*/bin`` (Debian's ``postgresql-client``), else (Windows) the newest
``C:\\Program Files\\PostgreSQL\\*\\bin``; their major version must be at least the server's.
The role's password reaches them in the ``PGPASSWORD`` environment variable of the child
process only, never on a command line or in a file; TLS is ``verify-full`` against the
center's CA as for every other connection.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import re
import shutil
import struct
import subprocess
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO, Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from onestop_desk.db.server import ServerLocation, connection_error, create_server_engine
from onestop_desk.domain.errors import DomainError
from onestop_desk.domain.security import derive_subkey

MAGIC = b"OSDPGDMP"
FORMAT_VERSION = 1
CHUNK = 1 << 20
MAX_HEADER = 1 << 20
SUFFIX = ".pgdump.enc"
MAINTENANCE_DB = "postgres"
KEY_PURPOSE = "server-backup"
_FILE_KEY_INFO = b"onestop-desk server backup file key v1"
_CHECK_INFO = b"onestop-desk server backup key check"
TOOLS = ("pg_dump", "pg_restore")
REQUIRED_TABLES = ("alembic_version", "users", "cases", "persons", "audit_events")
"""Tables every archive of a center must list (beside those its header counted)."""
_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


class ServerBackupError(DomainError):
    """A code of the ``backup.*`` family (``domain.messages``) and its params."""

    code = "backup"

    def __init__(self, code: str, message: str = "", **params: object) -> None:
        super().__init__(message or code, **params)
        self.code = code


# --- the programs ------------------------------------------------------------------------------


def _version_key(folder: Path) -> tuple[int, ...]:
    name = folder.parent.name
    return tuple(int(part) for part in re.findall(r"\d+", name)) or (0,)


def tool_candidates(name: str) -> list[Path]:
    """Where ``name`` is looked for, in order (see the module docstring)."""
    found: list[Path] = []
    on_path = shutil.which(name)
    if on_path:
        found.append(Path(on_path))
    for root, exe in (
        (Path("/usr/lib/postgresql"), name),
        (Path(r"C:\Program Files\PostgreSQL"), f"{name}.exe"),
    ):
        if root.is_dir():
            for folder in sorted(root.glob("*/bin"), key=_version_key, reverse=True):
                if (folder / exe).is_file():
                    found.append(folder / exe)
    return found


def find_tool(name: str, server_major: int | None = None) -> Path:
    """The first ``name`` whose major version is at least ``server_major``.

    Raises ``backup.pg_tool_missing`` when there is none at all and
    ``backup.pg_tool_too_old`` (with both versions) when all found are older than the server.
    """
    candidates = tool_candidates(name)
    if not candidates:
        raise ServerBackupError("backup.pg_tool_missing", f"{name} not found", tool=name)
    newest = 0
    for candidate in candidates:
        major = tool_major(candidate)
        if server_major is None or major >= server_major:
            return candidate
        newest = max(newest, major)
    raise ServerBackupError(
        "backup.pg_tool_too_old",
        f"{name} {newest} is older than the server ({server_major})",
        tool=name,
        tool_version=newest,
        server_version=server_major,
    )


def tool_major(path: Path) -> int:
    """``pg_dump (PostgreSQL) 15.18 (Debian …)`` → 15."""
    try:
        done = subprocess.run(
            [str(path), "--version"], capture_output=True, text=True, check=True, timeout=30
        )
    except (OSError, subprocess.SubprocessError) as exc:
        raise ServerBackupError("backup.pg_tool_missing", str(exc), tool=path.name) from exc
    match = re.search(r"\)\s*(\d+)", done.stdout) or re.search(r"(\d+)", done.stdout)
    if match is None:
        raise ServerBackupError("backup.pg_tool_missing", done.stdout[:200], tool=path.name)
    return int(match.group(1))


def server_major(engine: Engine) -> int:
    with engine.connect() as connection:
        number = int(connection.exec_driver_sql("SHOW server_version_num").scalar_one())
        connection.rollback()
    return number // 10000


def tool_environment(location: ServerLocation, password: str, database: str) -> dict[str, str]:
    """The child's environment: the caller's without any ``PG*`` setting (a stray
    ``PGSSLMODE=disable`` must not weaken anything), plus this connection."""
    env = {k: v for k, v in os.environ.items() if not k.upper().startswith("PG")}
    env.update(
        PGHOST=location.host,
        PGPORT=str(location.port),
        PGDATABASE=database,
        PGUSER=location.role,
        PGPASSWORD=password,
        PGSSLMODE="verify-full",
        PGSSLROOTCERT=str(location.ca_file),
        PGREQUIREAUTH="scram-sha-256",
        PGCONNECT_TIMEOUT="10",
        PGAPPNAME="onestop-desk-backup",
        PGCLIENTENCODING="UTF8",
    )
    return env


def check_name(name: str) -> str:
    """A database name this module creates or renames: lower-case letters, digits, ``_``."""
    if not _NAME.match(name):
        raise ServerBackupError("backup.bad_database_name", name, database=name)
    return name


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(value: str) -> str:
    return "'" + str(value).replace("'", "''") + "'"


class _Child:
    """A running pg_dump/pg_restore whose standard error goes to a temporary file (read
    after it ends: no pipe can fill up and stall it)."""

    def __init__(self, args: list[str], env: dict[str, str], *, stdin: bool) -> None:
        # Closed by finish(), which every caller reaches (kill() calls it too).
        self._err: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115
        self._out = tempfile.TemporaryFile() if stdin else None  # noqa: SIM115
        self.process = subprocess.Popen(
            args,
            stdin=subprocess.PIPE if stdin else subprocess.DEVNULL,
            stdout=self._out if stdin else subprocess.PIPE,
            stderr=self._err,
            env=env,
        )

    def finish(self) -> tuple[int, bytes, str]:
        code = self.process.wait()
        out = b""
        if self._out is not None:
            self._out.seek(0)
            out = self._out.read()
            self._out.close()
        self._err.seek(0)
        err = self._err.read().decode("utf-8", "replace").strip()
        self._err.close()
        return code, out, err[-800:]

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.finish()


# --- the file format ---------------------------------------------------------------------------


@dataclass(frozen=True)
class DumpHeader:
    version: int
    salt: bytes
    key_check: bytes
    created_at: str
    server_version: int
    database: str
    revision: str | None
    counts: dict[str, int]

    def to_bytes(self) -> bytes:
        data = {
            "format": "onestop-desk server backup",
            "version": self.version,
            "salt": self.salt.hex(),
            "key_check": self.key_check.hex(),
            "created_at": self.created_at,
            "server_version": self.server_version,
            "database": self.database,
            "revision": self.revision,
            "counts": self.counts,
        }
        return json.dumps(data, sort_keys=True, separators=(",", ":")).encode("utf-8")

    @classmethod
    def from_bytes(cls, raw: bytes) -> DumpHeader:
        try:
            data = json.loads(raw.decode("utf-8"))
            return cls(
                version=int(data["version"]),
                salt=bytes.fromhex(data["salt"]),
                key_check=bytes.fromhex(data["key_check"]),
                created_at=str(data["created_at"]),
                server_version=int(data["server_version"]),
                database=str(data["database"]),
                revision=None if data["revision"] is None else str(data["revision"]),
                counts={str(k): int(v) for k, v in dict(data["counts"]).items()},
            )
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ServerBackupError("backup.damaged", "header unreadable") from exc


def _file_key(data_key: bytes, salt: bytes) -> bytes:
    hkdf = HKDF(
        algorithm=hashes.SHA256(),
        length=32,
        salt=salt,
        info=_FILE_KEY_INFO,
    )
    return hkdf.derive(derive_subkey(data_key, KEY_PURPOSE))


def _key_check(file_key: bytes) -> bytes:
    return hmac.new(file_key, _CHECK_INFO, hashlib.sha256).digest()[:16]


def _nonce(index: int) -> bytes:
    return b"\x00\x00\x00\x00" + struct.pack(">Q", index)


def _aad(header_digest: bytes, index: int, last: bool) -> bytes:
    return header_digest + struct.pack(">QB", index, 1 if last else 0)


class EncryptingWriter:
    """Takes plaintext in any pieces, writes the framed, encrypted file to ``out``."""

    def __init__(self, out: IO[bytes], data_key: bytes, header: DumpHeader) -> None:
        self._out = out
        self._aead = AESGCM(_file_key(data_key, header.salt))
        raw = header.to_bytes()
        self._digest = hashlib.sha256(MAGIC + raw).digest()
        out.write(MAGIC + struct.pack(">I", len(raw)) + raw)
        self._buffer = bytearray()
        self._index = 0
        self.plain_bytes = 0

    def write(self, data: bytes) -> None:
        self._buffer += data
        self.plain_bytes += len(data)
        while len(self._buffer) > CHUNK:
            self._emit(bytes(self._buffer[:CHUNK]), last=False)
            del self._buffer[:CHUNK]

    def close(self) -> None:
        """Write the last chunk (possibly empty): without it the file reads as cut short."""
        self._emit(bytes(self._buffer), last=True)
        self._buffer.clear()

    def _emit(self, plain: bytes, *, last: bool) -> None:
        sealed = self._aead.encrypt(
            _nonce(self._index), plain, _aad(self._digest, self._index, last)
        )
        self._out.write(struct.pack(">BI", 1 if last else 0, len(sealed)) + sealed)
        self._index += 1


def new_header(
    data_key: bytes,
    *,
    created_at: str,
    server_version: int,
    database: str,
    revision: str | None,
    counts: dict[str, int],
) -> DumpHeader:
    salt = os.urandom(16)
    return DumpHeader(
        version=FORMAT_VERSION,
        salt=salt,
        key_check=_key_check(_file_key(data_key, salt)),
        created_at=created_at,
        server_version=server_version,
        database=database,
        revision=revision,
        counts=counts,
    )


def _read_exact(handle: IO[bytes], size: int) -> bytes:
    data = handle.read(size)
    if len(data) != size:
        raise ServerBackupError("backup.damaged", "file cut short")
    return data


def read_header(path: Path, data_key: bytes) -> DumpHeader:
    """The header, after checking the magic, the format version and the key."""
    with open(path, "rb") as handle:
        return _open_header(handle, data_key)[0]


def _open_header(handle: IO[bytes], data_key: bytes) -> tuple[DumpHeader, bytes, AESGCM]:
    if handle.read(len(MAGIC)) != MAGIC:
        raise ServerBackupError("backup.damaged", "not a server backup")
    (size,) = struct.unpack(">I", _read_exact(handle, 4))
    if size > MAX_HEADER:
        raise ServerBackupError("backup.damaged", "header too large")
    raw = _read_exact(handle, size)
    header = DumpHeader.from_bytes(raw)
    if header.version > FORMAT_VERSION:
        raise ServerBackupError("backup.too_new", f"format {header.version}")
    file_key = _file_key(data_key, header.salt)
    if not hmac.compare_digest(_key_check(file_key), header.key_check):
        raise ServerBackupError("backup.wrong_key", "the key check does not match")
    return header, hashlib.sha256(MAGIC + raw).digest(), AESGCM(file_key)


def decrypted_chunks(path: Path, data_key: bytes) -> Iterator[bytes]:
    """The plain archive, chunk by chunk; raises ``backup.damaged`` at the first chunk that
    does not authenticate, and at the end when the last chunk is missing or followed by
    anything."""
    with open(path, "rb") as handle:
        _header, digest, aead = _open_header(handle, data_key)
        index = 0
        while True:
            head = handle.read(5)
            if len(head) != 5:
                raise ServerBackupError("backup.damaged", "file cut short")
            flag, size = struct.unpack(">BI", head)
            if flag not in (0, 1) or size > CHUNK + 16:
                raise ServerBackupError("backup.damaged", f"chunk {index} malformed")
            sealed = _read_exact(handle, size)
            try:
                plain = aead.decrypt(_nonce(index), sealed, _aad(digest, index, flag == 1))
            except InvalidTag as exc:
                raise ServerBackupError("backup.damaged", f"chunk {index} altered") from exc
            yield plain
            index += 1
            if flag == 1:
                if handle.read(1):
                    raise ServerBackupError("backup.damaged", "data after the last chunk")
                return


# --- dump --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DumpResult:
    header: DumpHeader
    plain_bytes: int


def _table_counts(connection: Any) -> dict[str, int]:
    names = [
        row[0]
        for row in connection.exec_driver_sql(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
        )
    ]
    return {
        name: int(connection.exec_driver_sql(f"SELECT count(*) FROM {_quoted(name)}").scalar_one())
        for name in names
    }


def _revision(connection: Any) -> str | None:
    try:
        row = connection.exec_driver_sql("SELECT version_num FROM alembic_version").first()
    except DBAPIError:
        return None
    return None if row is None else str(row[0])


def dump_database(
    engine: Engine,
    location: ServerLocation,
    password: str,
    data_key: bytes,
    target: IO[bytes],
    *,
    created_at: str,
) -> DumpResult:
    """``pg_dump --format=custom`` of ``location.database`` into ``target``, encrypted.

    The row counts in the header and the dump come from one snapshot: a repeatable-read
    transaction exports it and stays open while ``pg_dump --snapshot`` runs.
    """
    try:
        major = server_major(engine)
        pg_dump = find_tool("pg_dump", major)
        with engine.connect().execution_options(isolation_level="REPEATABLE READ") as connection:
            snapshot = str(connection.exec_driver_sql("SELECT pg_export_snapshot()").scalar_one())
            counts = _table_counts(connection)
            revision = _revision(connection)
            header = new_header(
                data_key,
                created_at=created_at,
                server_version=major,
                database=location.database,
                revision=revision,
                counts=counts,
            )
            writer = EncryptingWriter(target, data_key, header)
            child = _Child(
                [str(pg_dump), "--format=custom", "--no-password", f"--snapshot={snapshot}"],
                tool_environment(location, password, location.database),
                stdin=False,
            )
            try:
                assert child.process.stdout is not None
                while piece := child.process.stdout.read(CHUNK):
                    writer.write(piece)
            except BaseException:
                child.kill()
                raise
            code, _out, err = child.finish()
            connection.rollback()
    except DBAPIError as exc:
        raise connection_error(exc, location) from exc
    if code != 0:
        raise ServerBackupError("backup.dump_failed", err, tool="pg_dump")
    writer.close()
    return DumpResult(header=header, plain_bytes=writer.plain_bytes)


# --- verify ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ArchiveCheck:
    header: DumpHeader
    tables: frozenset[str]


def _feed(child: _Child, chunks: Iterable[bytes]) -> None:
    """Write every chunk to the child's standard input. A child that stops reading early
    (``pg_restore --list`` needs only the start) does not stop the reading: every chunk is
    still decrypted, so a damaged end is found all the same."""
    stdin = child.process.stdin
    assert stdin is not None
    open_pipe = True
    for chunk in chunks:
        if open_pipe:
            try:
                stdin.write(chunk)
            except (BrokenPipeError, OSError):
                open_pipe = False
    with contextlib.suppress(BrokenPipeError, OSError):
        stdin.close()


def _run_fed(
    args: list[str], env: dict[str, str], chunks: Iterable[bytes]
) -> tuple[int, bytes, str]:
    child = _Child(args, env, stdin=True)
    try:
        _feed(child, chunks)
    except BaseException:
        child.kill()
        raise
    return child.finish()


def check_archive(path: Path, data_key: bytes) -> ArchiveCheck:
    """Decrypt the whole file and read its table of contents with ``pg_restore --list``;
    every table the header counted and every required one must be in it."""
    header = read_header(path, data_key)
    pg_restore = find_tool("pg_restore", header.server_version)
    env = {k: v for k, v in os.environ.items() if not k.upper().startswith("PG")}
    code, out, err = _run_fed([str(pg_restore), "--list"], env, decrypted_chunks(path, data_key))
    if code != 0:
        raise ServerBackupError("backup.damaged", f"pg_restore --list: {err}")
    tables = set()
    for line in out.decode("utf-8", "replace").splitlines():
        if line.startswith(";"):
            continue
        match = re.match(r"^\d+;\s+\d+\s+\d+\s+TABLE\s+(\S+)\s+(\S+)\s", line)
        if match and match.group(1) == "public":
            tables.add(match.group(2))
    missing = (set(header.counts) | set(REQUIRED_TABLES)) - tables
    if missing:
        raise ServerBackupError("backup.damaged", "tables missing: " + ", ".join(sorted(missing)))
    return ArchiveCheck(header=header, tables=frozenset(tables))


# --- restore -----------------------------------------------------------------------------------


def at_database(location: ServerLocation, database: str) -> ServerLocation:
    return replace(location, database=database)


def database_exists(engine: Engine, name: str) -> bool:
    with engine.connect() as connection:
        found = connection.execute(
            text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": name}
        ).first()
        connection.rollback()
    return found is not None


def restore_database(
    engine: Engine,
    location: ServerLocation,
    password: str,
    backup: Path,
    data_key: bytes,
    database: str,
) -> None:
    """Create ``database`` (which must not exist) like the live one and restore the backup
    into it in one transaction. A failed restore drops the database it created."""
    check_name(database)
    header = read_header(backup, data_key)
    pg_restore = find_tool("pg_restore", header.server_version)
    try:
        with engine.connect() as connection:
            live = connection.execute(
                text(
                    "SELECT pg_encoding_to_char(encoding), datcollate, datctype "
                    "FROM pg_database WHERE datname = current_database()"
                )
            ).one()
            connection.rollback()
            if database_exists(engine, database):
                raise ServerBackupError("backup.database_exists", database, database=database)
            auto = connection.execution_options(isolation_level="AUTOCOMMIT")
            auto.exec_driver_sql(
                f"CREATE DATABASE {_quoted(database)} TEMPLATE template0 "
                f"ENCODING {_literal(live[0])} LC_COLLATE {_literal(live[1])} "
                f"LC_CTYPE {_literal(live[2])}"
            )
    except DBAPIError as exc:
        if "permission denied" in str(exc.orig).lower():
            raise ServerBackupError("backup.no_createdb", str(exc.orig)) from exc
        raise connection_error(exc, location) from exc
    try:
        code, _out, err = _run_fed(
            [
                str(pg_restore),
                "--no-password",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                "--exit-on-error",
                f"--dbname={database}",
            ],
            tool_environment(location, password, database),
            decrypted_chunks(backup, data_key),
        )
        if code != 0:
            raise ServerBackupError("backup.restore_failed", err, database=database)
    except BaseException:
        drop_restored(engine, database)
        raise


def drop_restored(engine: Engine, database: str) -> None:
    """Drop a restored copy that is not switched in (never called with the live name:
    :func:`switch_databases` is the only place the live database is touched)."""
    with engine.connect() as connection:
        current = connection.exec_driver_sql("SELECT current_database()").scalar_one()
        connection.rollback()
        if current == database:
            raise ServerBackupError("backup.bad_database_name", database, database=database)
        auto = connection.execution_options(isolation_level="AUTOCOMMIT")
        auto.exec_driver_sql(f"DROP DATABASE IF EXISTS {_quoted(database)}")


@dataclass(frozen=True)
class RestoredState:
    revision: str | None
    counts: dict[str, int]


def read_restored(engine: Engine) -> RestoredState:
    """The schema revision and the row count of each table of a restored database."""
    with engine.connect() as connection:
        state = RestoredState(revision=_revision(connection), counts=_table_counts(connection))
        connection.rollback()
    return state


def others_connected(engine: Engine, names: Iterable[str]) -> int:
    """Connections to the named databases other than this one."""
    with engine.connect() as connection:
        count = connection.execute(
            text(
                "SELECT count(*) FROM pg_stat_activity "
                "WHERE datname = ANY(:names) AND pid <> pg_backend_pid()"
            ),
            {"names": list(names)},
        ).scalar_one()
        connection.rollback()
    return int(count)


def switch_databases(
    location: ServerLocation,
    password: str,
    *,
    live: str,
    restored: str,
    kept: str,
    engine_factory: Callable[[ServerLocation, str], Engine] = create_server_engine,
) -> None:
    """Rename ``live`` to ``kept`` and ``restored`` to ``live`` in one transaction, over a
    connection to the maintenance database. Refused (``backup.in_use``, nothing renamed)
    while any other connection is open to either: every PC must close the program first."""
    for name in (live, restored, kept):
        check_name(name)
    engine = engine_factory(at_database(location, MAINTENANCE_DB), password)
    try:
        busy = others_connected(engine, (live, restored))
        if busy:
            raise ServerBackupError("backup.in_use", f"{busy} connections", connections=busy)
        with engine.begin() as connection:
            connection.exec_driver_sql(f"ALTER DATABASE {_quoted(live)} RENAME TO {_quoted(kept)}")
            connection.exec_driver_sql(
                f"ALTER DATABASE {_quoted(restored)} RENAME TO {_quoted(live)}"
            )
    except DBAPIError as exc:
        message = str(exc.orig).lower()
        if "being accessed by other users" in message:
            raise ServerBackupError("backup.in_use", str(exc.orig), connections=1) from exc
        if "permission denied" in message or "must be owner" in message:
            raise ServerBackupError("backup.no_createdb", str(exc.orig)) from exc
        raise connection_error(exc, location) from exc
    finally:
        engine.dispose()
