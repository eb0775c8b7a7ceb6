"""A cached 100,000-case demo database for the benchmarks (built once, about two minutes).

The file name carries the generator's version: a cache built by an older generator (whose
queues and statistics told another story) is never reused.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from onestop_desk.db.server import ServerLocation
from onestop_desk.db.store import Store, open_server_store, open_store
from onestop_desk.demo import generate_demo

GENERATOR_VERSION = 2
# A fixed key: benchmark data is invented, and rebuilding on every run would dominate.
BENCH_KEY = bytes.fromhex("6f6e6573746f702d6465736b2d62656e63682d6b65792d3130306b2d64656d6f")


_SERVER: tuple[ServerLocation, str, bytes] | None = None


def use_server(location: ServerLocation, password: str, key: bytes) -> None:
    """From now on :func:`demo_store` opens this center server store (``bench_server.py``
    loads the demo cases into it first) instead of the cached SQLite file."""
    global _SERVER
    _SERVER = (location, password, key)


def demo_store(n_cases: int = 100_000) -> Store:
    if _SERVER is not None:
        location, password, key = _SERVER
        return open_server_store(location, password, key=key, seed=False)
    folder = Path(
        os.environ.get("ONESTOP_BENCH_DIR", Path(tempfile.gettempdir()) / "onestop-bench")
    )
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"demo-v{GENERATOR_VERSION}-{n_cases}"
    path = folder / f"{stem}.db"
    ready = folder / f"{stem}.ready"
    if not ready.exists():
        for stale in folder.glob(f"{stem}.db*"):
            stale.unlink()
        store = open_store(path, key=BENCH_KEY)
        started = time.perf_counter()
        print(f"building a {n_cases:,}-case demo database in {path} ...", flush=True)
        generate_demo(store.sessions, n_cases)
        print(f"  built in {time.perf_counter() - started:.0f} s", flush=True)
        ready.touch()
        return store
    return open_store(path, key=BENCH_KEY)
