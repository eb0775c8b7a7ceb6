"""A throwaway PostgreSQL cluster for the tests, set up the way a center's server should be.

Use it through the session fixture ``pg_cluster`` (tests/conftest.py)::

    def test_something(pg_cluster: PgCluster) -> None:
        url = pg_cluster.create_database()          # a fresh, empty database
        # url is "postgresql+psycopg://…?sslmode=verify-full&sslrootcert=…"
        ...
        pg_cluster.drop_database(url)               # optional: the cluster dies at the end

``create_database(template=NAME)`` copies a database (``CREATE DATABASE … TEMPLATE``), which
is much faster than migrating again: make one migrated template per session and copy it per
test. ``pg_cluster.connect_admin()`` gives a psycopg connection (autocommit) as the cluster's
superuser for things a test does behind the application's back (``pg_terminate_backend``…).

What the cluster is: ``initdb`` into a temporary folder run as an unprivileged user
(``runuser -u postgres --`` when the tests run as root; PostgreSQL refuses to run as root),
SCRAM-SHA-256 passwords only, a random free TCP port on 127.0.0.1, the Unix socket inside the
temporary folder (no clash with a system cluster), ``ssl = on`` with a test CA and a server
certificate for ``localhost``/``127.0.0.1`` made on the fly with ``cryptography``, and a
``pg_hba.conf`` that admits ``hostssl`` + ``scram-sha-256`` from 127.0.0.1 and nothing else.
Start and stop wait on ``pg_isready``/``pg_ctl -w``, never on a fixed sleep; the cluster stops
with ``pg_ctl -m immediate stop``.

When the PostgreSQL server binaries are missing, ``find_binaries`` raises
``PgBinariesMissing``; the fixture turns that into a test *failure* (not a skip), so CI cannot
pass without the server store being tested. ``scripts/bootstrap.sh dev`` installs them when
run as root (Debian's ``postgresql`` package).
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import os
import secrets
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

SUPERUSER = "onestop_test"
START_TIMEOUT_S = 60.0


class PgBinariesMissing(RuntimeError):
    """The PostgreSQL server programs (initdb, pg_ctl, postgres) are not installed."""


def find_binaries() -> Path:
    """The folder with initdb/pg_ctl/postgres: Debian's newest /usr/lib/postgresql/N/bin."""
    candidates = sorted(
        Path("/usr/lib/postgresql").glob("*/bin"),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
        reverse=True,
    )
    for folder in candidates:
        if (folder / "initdb").exists() and (folder / "pg_ctl").exists():
            if folder.parent.name.isdigit() and int(folder.parent.name) < 15:
                continue
            return folder
    on_path = shutil.which("pg_ctl")
    if on_path and shutil.which("initdb") and shutil.which("postgres"):
        return Path(on_path).resolve().parent
    raise PgBinariesMissing(
        "PostgreSQL 15+ server programs not found (initdb, pg_ctl, postgres): install "
        "Debian's 'postgresql' package (scripts/bootstrap.sh dev does it as root)"
    )


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _write_test_pki(folder: Path) -> tuple[Path, Path, Path]:
    """A CA and a server certificate (CN/SAN localhost, 127.0.0.1) signed by it."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "OneStop Desk test center CA")])
    ca_cert = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=2))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(
            x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    server_key = ec.generate_private_key(ec.SECP256R1())
    server_cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")]))
        .issuer_name(ca_name)
        .public_key(server_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=2))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
            critical=False,
        )
        .sign(ca_key, hashes.SHA256())
    )
    ca_file = folder / "ca.crt"
    cert_file = folder / "server.crt"
    key_file = folder / "server.key"
    ca_file.write_bytes(ca_cert.public_bytes(serialization.Encoding.PEM))
    cert_file.write_bytes(server_cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        server_key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    key_file.chmod(0o600)
    return ca_file, cert_file, key_file


def write_other_ca(path: Path) -> Path:
    """A CA that did not sign the test server's certificate (for verify-full failures)."""
    folder = Path(tempfile.mkdtemp(prefix="onestop-otherca-"))
    try:
        ca_file, _, _ = _write_test_pki(folder)
        shutil.copyfile(ca_file, path)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return path


@dataclass
class PgCluster:
    """One running cluster; see the module docstring."""

    root: Path
    bindir: Path
    port: int
    password: str
    ca_file: Path
    host: str = "127.0.0.1"
    _run_as: list[str] = field(default_factory=list)
    _counter: int = 0

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def socket_dir(self) -> Path:
        return self.root / "sock"

    # -- URLs ---------------------------------------------------------------------------------
    def url(
        self,
        database: str = "postgres",
        *,
        user: str = SUPERUSER,
        password: str | None = None,
        driver: str = "postgresql+psycopg",
        tls: bool = True,
    ) -> str:
        """A SQLAlchemy URL for ``database`` over TLS with ``verify-full`` against the test CA."""
        secret = self.password if password is None else password
        query = f"?sslmode=verify-full&sslrootcert={quote(str(self.ca_file))}" if tls else ""
        return (
            f"{driver}://{quote(user, safe='')}:{quote(secret, safe='')}@{self.host}:{self.port}/"
            f"{database}{query}"
        )

    def conninfo(self, database: str = "postgres") -> str:
        """A libpq conninfo string for psycopg (same TLS settings as ``url``)."""
        return (
            f"host={self.host} port={self.port} dbname={database} user={SUPERUSER} "
            f"password={self.password} sslmode=verify-full sslrootcert={self.ca_file}"
        )

    # -- databases ---------------------------------------------------------------------------
    def connect_admin(self, database: str = "postgres") -> Any:
        import psycopg

        return psycopg.connect(self.conninfo(database), autocommit=True)

    def create_database(self, name: str | None = None, *, template: str | None = None) -> str:
        """Create a database (optionally as a copy of ``template``) and return its URL."""
        self._counter += 1
        name = name or f"t{os.getpid()}_{self._counter}_{secrets.token_hex(3)}"
        clause = f' TEMPLATE "{template}"' if template else ""
        with self.connect_admin() as conn:
            conn.execute(f'CREATE DATABASE "{name}"{clause}')
        return self.url(name)

    def close_connections(self, name: str) -> None:
        """End every session on database ``name`` (a template cannot be copied while one
        is open; in-process CLI runs may leave pooled connections behind)."""
        with self.connect_admin() as conn:
            conn.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = %s AND pid <> pg_backend_pid()",
                (name,),
            )

    def drop_database(self, url_or_name: str) -> None:
        name = urlsplit(url_or_name).path.lstrip("/") if "://" in url_or_name else url_or_name
        with self.connect_admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def database_name(self, url: str) -> str:
        return urlsplit(url).path.lstrip("/")

    # -- lifecycle ---------------------------------------------------------------------------
    def _cmd(self, *args: str | Path) -> list[str]:
        return [*self._run_as, *(str(a) for a in args)]

    def is_ready(self) -> bool:
        pg_isready = self.bindir / "pg_isready"
        exe = str(pg_isready) if pg_isready.exists() else "pg_isready"
        done = subprocess.run(
            [exe, "-q", "-h", str(self.socket_dir), "-p", str(self.port), "-d", "postgres"],
            check=False,
        )
        return done.returncode == 0

    def wait_ready(self, timeout: float = START_TIMEOUT_S) -> None:
        deadline = time.monotonic() + timeout
        delay = 0.02
        while not self.is_ready():
            if time.monotonic() > deadline:
                log = (self.root / "server.log").read_text(errors="replace")[-2000:]
                raise RuntimeError(f"the test PostgreSQL did not come up:\n{log}")
            time.sleep(delay)  # a poll interval, not a wait for an assumed duration
            delay = min(delay * 2, 0.2)

    def stop(self) -> None:
        if self.data_dir.exists():
            subprocess.run(
                self._cmd(
                    self.bindir / "pg_ctl", "-D", self.data_dir, "-m", "immediate", "-w", "stop"
                ),
                check=False,
                capture_output=True,
            )
        shutil.rmtree(self.root, ignore_errors=True)


def start_cluster() -> PgCluster:
    """initdb + configure + start a cluster; the caller must ``stop()`` it."""
    bindir = find_binaries()
    root = Path(tempfile.mkdtemp(prefix="onestop-pg-"))
    root.chmod(0o700)
    run_as: list[str] = []
    if os.geteuid() == 0:
        import pwd

        account = pwd.getpwnam("postgres")
        run_as = ["runuser", "-u", "postgres", "--"]
    password = secrets.token_urlsafe(24)
    pki = root / "pki"
    pki.mkdir()
    ca_file, cert_file, key_file = _write_test_pki(pki)
    (root / "sock").mkdir()
    pwfile = root / "pwfile"
    pwfile.write_text(password + "\n")
    pwfile.chmod(0o600)
    if run_as:
        for path in (root, pki, cert_file, key_file, root / "sock", pwfile):
            os.chown(path, account.pw_uid, account.pw_gid)
    cluster = PgCluster(
        root=root,
        bindir=bindir,
        port=free_port(),
        password=password,
        ca_file=ca_file,
        _run_as=run_as,
    )
    try:
        subprocess.run(
            cluster._cmd(
                bindir / "initdb",
                "-D",
                cluster.data_dir,
                "-U",
                SUPERUSER,
                "--auth=scram-sha-256",
                f"--pwfile={pwfile}",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
                "--no-sync",
            ),
            check=True,
            capture_output=True,
        )
        pwfile.unlink()
        conf = cluster.data_dir / "postgresql.conf"
        with conf.open("a") as handle:
            handle.write(
                "\n# onestop test cluster\n"
                "listen_addresses = '127.0.0.1'\n"
                f"unix_socket_directories = '{cluster.socket_dir}'\n"
                "ssl = on\n"
                f"ssl_cert_file = '{cert_file}'\n"
                f"ssl_key_file = '{key_file}'\n"
                "password_encryption = 'scram-sha-256'\n"
                "max_connections = 200\n"
                # A throwaway cluster: durability costs time and buys nothing here.
                "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"
                "shared_buffers = 64MB\n"
            )
        # TLS + SCRAM over TCP from localhost, nothing else: a plain connection finds no
        # pg_hba line. (pg_isready still sees the server: a refusal is an answer.)
        (cluster.data_dir / "pg_hba.conf").write_text(
            "hostssl all all 127.0.0.1/32 scram-sha-256\n"
        )
        for attempt in range(3):
            started = subprocess.run(
                cluster._cmd(
                    bindir / "pg_ctl",
                    "-D",
                    cluster.data_dir,
                    "-l",
                    root / "server.log",
                    "-o",
                    f"-p {cluster.port}",
                    "-w",
                    "-t",
                    str(int(START_TIMEOUT_S)),
                    "start",
                ),
                check=False,
                capture_output=True,
            )
            if started.returncode == 0:
                break
            if attempt == 2:
                log = (root / "server.log").read_text(errors="replace")[-2000:]
                raise RuntimeError(f"the test PostgreSQL did not start:\n{log}")
            cluster.port = free_port()  # another process took the port in between
        cluster.wait_ready()
    except BaseException:
        cluster.stop()
        raise
    return cluster
