"""Loading demo data: allowed only into a database that holds no real case.

The generator itself (``onestop_desk.demo``, Faker) sits beside the services, not under them,
so the caller hands it in. Before it runs, one transaction checks who asks, refuses a
database with real cases and marks the database as a demo one (``demo.database``), so a
second load into the same demo database is allowed while real data never gets mixed in.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session, sessionmaker

from onestop_desk.db.repositories import MaintenanceRepository
from onestop_desk.domain.access import Permission, require
from onestop_desk.domain.errors import DomainError
from onestop_desk.domain.vocab import AuditAction
from onestop_desk.services.base import Service
from onestop_desk.services.settings import DEMO_DATABASE

# generator(sessions, count, seed) -> cases written
DemoGenerator = Callable[[sessionmaker[Session], int, int], int]


class RealDataError(DomainError):
    """The database holds cases that were not made by the demo loader."""

    code = "demo.real_data"


class DemoDataService(Service):
    def load(self, count: int, seed: int, generator: DemoGenerator) -> int:
        """Write ``count`` demo cases with ``generator``; returns how many were written."""
        require(self.actor, Permission.LOAD_DEMO_DATA)
        with self._ctx.transaction() as s:
            has_cases = bool(MaintenanceRepository(s).all_case_ids())
            if has_cases and not DEMO_DATABASE.read(s):
                raise RealDataError("refusing demo data in a database with real cases")
            DEMO_DATABASE.write(s, True)
        written = generator(self._ctx.sessions, count, seed)
        with self._ctx.transaction() as s:
            self._log(s, AuditAction.CREATE, detail=f"demo data: {written} cases")
        return written
