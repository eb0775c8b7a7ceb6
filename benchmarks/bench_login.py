"""How long a login takes with the real security defaults.

A login is: check the password against its argon2id hash, unwrap the account's copy of the
data key (an argon2id derivation plus AES-GCM), then open the SQLCipher database with the raw
key and read one row. The target is 500 ms in total on a 2-core office PC, so that the login
dialog answers without a visible pause even on the slowest machine in a center.

Run: ``.venv/bin/python benchmarks/bench_login.py [--runs N]``. Exits with status 1 if the
median is over the target.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import sqlcipher3

from onestop_desk.domain.security import (
    WrappedKey,
    derive_kek,
    hash_password,
    new_data_key,
    sqlcipher_key_literal,
    unwrap_key,
    verify_password,
    wrap_key,
)

TARGET_MS = 500.0
PASSWORD = "비밀번호1234!"
OWNER = b"user:1"


def _open_and_read(path: Path, data_key: bytes) -> str:
    con = sqlcipher3.connect(str(path))
    try:
        con.execute(f'PRAGMA key = "{sqlcipher_key_literal(data_key)}"')
        row = con.execute("SELECT name FROM person LIMIT 1").fetchone()
        return str(row[0])
    finally:
        con.close()


def _make_database(path: Path, data_key: bytes) -> None:
    con = sqlcipher3.connect(str(path))
    con.execute(f'PRAGMA key = "{sqlcipher_key_literal(data_key)}"')
    con.execute("CREATE TABLE person (id INTEGER PRIMARY KEY, name TEXT NOT NULL)")
    con.execute("INSERT INTO person (name) VALUES ('홍길동')")
    con.commit()
    con.close()


def _login(password_hash: str, stored_copy: str, path: Path) -> dict[str, float]:
    """One login as the app will do it; returns the milliseconds of each step."""
    marks = [time.perf_counter()]
    password_ok = verify_password(password_hash, PASSWORD)
    marks.append(time.perf_counter())
    data_key = unwrap_key(WrappedKey.from_json(stored_copy), PASSWORD, aad=OWNER)
    marks.append(time.perf_counter())
    name = _open_and_read(path, data_key)
    marks.append(time.perf_counter())
    if not password_ok or name != "홍길동":
        raise RuntimeError("the benchmark login did not succeed")
    steps = ("verify_password", "unwrap_key", "open+read")
    return {step: (marks[i + 1] - marks[i]) * 1000.0 for i, step in enumerate(steps)}


def _summary(samples: list[float]) -> str:
    p95 = statistics.quantiles(samples, n=20, method="inclusive")[18]
    return f"median {statistics.median(samples):7.1f} ms   p95 {p95:7.1f} ms"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time a login with the real security defaults.")
    parser.add_argument("--runs", type=int, default=30, help="timed logins (default 30)")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "onestop.db"
        data_key = new_data_key()
        password_hash = hash_password(PASSWORD)
        stored_copy = wrap_key(data_key, PASSWORD, aad=OWNER).to_json()
        kdf = WrappedKey.from_json(stored_copy).kdf
        _make_database(path, data_key)

        for _ in range(2):  # warm-up: the first argon2 run and SQLCipher open pay page faults
            _login(password_hash, stored_copy, path)
        runs = [_login(password_hash, stored_copy, path) for _ in range(args.runs)]
        derive_only = []
        for _ in range(args.runs):
            start = time.perf_counter()
            derive_kek(PASSWORD, kdf)
            derive_only.append((time.perf_counter() - start) * 1000.0)

    print(
        f"login with argon2id t={kdf.time_cost} m={kdf.memory_cost // 1024} MiB "
        f"p={kdf.parallelism}, {args.runs} runs"
    )
    for step in runs[0]:
        print(f"  {step:<16} {_summary([run[step] for run in runs])}")
    print(f"  {'(derive_kek)':<16} {_summary(derive_only)}   (inside unwrap_key)")
    totals = [sum(run.values()) for run in runs]
    print(f"  {'total':<16} {_summary(totals)}   target <= {TARGET_MS:.0f} ms")
    return 0 if statistics.median(totals) <= TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
