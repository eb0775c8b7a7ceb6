"""Today and 연계 현황 opening for a team lead over 100,000 demo cases (goal: p95 <= 300 ms).

Run: ONESTOP_BENCH_DIR=/tmp/onestop-bench .venv/bin/python benchmarks/bench_today.py
Each run is the worker job the page starts when it opens: for Today, the cases received
today, both follow-up queues (ids and first page) and the unfinished intake; for 연계 현황,
the default queue (회신 대기: ids and first page). A team lead sees the whole center, the
largest queues there are.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _demo_db import demo_store

from onestop_desk.domain.records import Actor
from onestop_desk.domain.vocab import Role
from onestop_desk.services import build_services
from onestop_desk.services.queues import Queue
from onestop_desk.ui.desk.referrals import load_referral_page
from onestop_desk.ui.desk.today import load_today

GOAL_P95_MS = 300.0
RUNS = 30


def _measure(job: Callable[[], object]) -> tuple[float, float]:
    job()  # first touch: page cache, statements
    timings = []
    for _ in range(RUNS):
        started = time.perf_counter()
        job()
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.95) - 1]


def main() -> int:
    store = demo_store()
    lead = Actor(user_id=None, username="bench", role=Role.TEAM_LEAD, pc_name="bench")
    services = build_services(store.sessions, lead)
    today = load_today(services)
    print(
        f"Today lists {len(today.new_cases)} new cases, {len(today.due.ids):,} due follow-ups, "
        f"{len(today.unanswered.ids):,} late replies"
    )
    for queue in Queue:
        print(f"  queue {queue.value:<15} {services.queues.count(queue):>7,} referrals")
    print(f"{'page':<12} {'p50 ms':>8} {'p95 ms':>8}")
    worst = 0.0
    for name, job in (
        ("Today", lambda: load_today(services)),
        ("연계 현황", lambda: load_referral_page(services, Queue.NO_REPLY)),
    ):
        p50, p95 = _measure(job)
        worst = max(worst, p95)
        print(f"{name:<12} {p50:>8.1f} {p95:>8.1f}")
    ok = worst <= GOAL_P95_MS
    print(f"worst p95 {worst:.1f} ms; goal {GOAL_P95_MS:.0f} ms: {'ok' if ok else 'MISSED'}")
    store.close()
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
