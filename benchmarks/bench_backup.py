"""Online backup of a 100,000-case database (SQLite backup API, encrypted target, fsync,
atomic rename), as the app does on close and once a day.

Run: .venv/bin/python benchmarks/bench_backup.py [--runs N] [--cases N]
Target: at most 2 s per backup.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from _demo_db import demo_store

from onestop_desk.domain.access import SYSTEM_ACTOR
from onestop_desk.services import build_services
from onestop_desk.services.backups import BackupService, verify_backup

TARGET_S = 2.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cases", type=int, default=100_000)
    args = parser.parse_args()
    store = demo_store(args.cases)
    size = store.path.stat().st_size
    times = []
    with tempfile.TemporaryDirectory() as folder:
        services = build_services(store.sessions, SYSTEM_ACTOR)
        backups = BackupService(services.context, store, Path(folder))
        for _ in range(args.runs):
            start = time.perf_counter()
            info = backups.backup_now()
            times.append(time.perf_counter() - start)
            info.path.unlink()
        start = time.perf_counter()
        checked = verify_backup(backups.backup_now().path, store.key)
        verify_s = time.perf_counter() - start
    store.close()
    print(f"backup of {checked.cases:,} cases ({size / 2**20:.0f} MB, SQLCipher, fsync)")
    print(
        f"  best {min(times):.2f} s   median {statistics.median(times):.2f} s   runs {len(times)}"
    )
    print(f"  backup + integrity_check of the copy: {verify_s:.2f} s")
    worst = max(times)
    print(f"  target <= {TARGET_S:.1f} s: {'OK' if worst <= TARGET_S else 'TOO SLOW'}")
    if worst > TARGET_S:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
