"""Search latency per query kind over 100,000 demo cases (goal: p95 <= 20 ms).

Run: .venv/bin/python benchmarks/bench_search.py
Each query goes through CaseService.search_ids as a team lead, i.e. one transaction, the
classification of the query and the index lookup, exactly as the case list calls it.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _demo_db import demo_store
from sqlalchemy import select

from onestop_desk.db import models
from onestop_desk.domain.records import Actor
from onestop_desk.domain.text import initials
from onestop_desk.domain.vocab import Role
from onestop_desk.services import build_services

GOAL_P95_MS = 20.0
RUNS = 200


def main() -> int:
    store = demo_store()
    rng = random.Random(7)
    with store.sessions.begin() as s:
        sample = s.execute(
            select(models.Person.name, models.Person.phone_digits, models.Case.case_number)
            .join(models.Case, models.Case.person_id == models.Person.id)
            .order_by(models.Case.id)
            .limit(5000)
        ).all()
        docs = s.scalars(select(models.Referral.document_number).limit(5000)).all()
    team_lead = Actor(user_id=None, username="bench", role=Role.TEAM_LEAD, pc_name="bench")
    services = build_services(store.sessions, team_lead)
    kinds = {
        "name, 3 syllables": lambda: rng.choice(sample).name,
        "name, 2 syllables": lambda: rng.choice(sample).name[1:3],
        "초성, 3": lambda: initials(rng.choice(sample).name),
        "초성, 2": lambda: initials(rng.choice(sample).name)[1:3],
        "phone, 4 digits": lambda: rng.choice(sample).phone_digits[-4:],
        "phone, 8 digits": lambda: rng.choice(sample).phone_digits[-8:],
        "case number": lambda: rng.choice(sample).case_number,
        "document number": lambda: rng.choice(docs),
    }
    print(f"{'query kind':<20} {'p50 ms':>8} {'p95 ms':>8} {'hits p50':>9}")
    worst = 0.0
    for kind, make in kinds.items():
        timings, hits = [], []
        for _ in range(RUNS):
            query = make()
            started = time.perf_counter()
            found = services.cases.search_ids(query)
            timings.append((time.perf_counter() - started) * 1000)
            hits.append(len(found))
        p50 = statistics.median(timings)
        p95 = statistics.quantiles(timings, n=20)[18]
        worst = max(worst, p95)
        print(f"{kind:<20} {p50:8.2f} {p95:8.2f} {statistics.median(hits):9.0f}")
    verdict = "OK" if worst <= GOAL_P95_MS else "OVER"
    print(f"worst p95: {worst:.2f} ms (goal {GOAL_P95_MS} ms): {verdict}")
    store.close()
    return 0 if worst <= GOAL_P95_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
