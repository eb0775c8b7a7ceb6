"""Demo data on request: for training databases only, never next to real cases."""

from __future__ import annotations

from collections.abc import Callable

from onestop_desk.db.repositories import MaintenanceRepository
from onestop_desk.domain.access import Permission, require
from onestop_desk.domain.errors import ConflictError, FieldError, ValidationError
from onestop_desk.domain.vocab import AuditAction
from onestop_desk.services.base import Service
from onestop_desk.services.settings import DEMO_DATABASE

MAX_CASES = 1_000_000


class DemoDataUnavailableError(ConflictError):
    """This build has no demo generator (the application bundle leaves Faker out)."""

    code = "demo.unavailable"


class RealDataError(ConflictError):
    """The database holds cases that are not demo data."""

    code = "demo.real_data"


class DemoService(Service):
    def generate(
        self,
        n_cases: int,
        *,
        seed: int = 1701,
        progress: Callable[[int, int], None] | None = None,
    ) -> int:
        """Add ``n_cases`` invented cases; returns how many were written.

        Team leads and administrators only. A database that already holds cases is
        refused unless it was marked as a demo database by an earlier call: demo people
        must never mix with real victims. The database is marked first, in its own
        transaction, then the cases are written one batch (5,000) per transaction.
        """
        require(self.actor, Permission.LOAD_DEMO_DATA)
        if not 1 <= n_cases <= MAX_CASES:
            raise ValidationError([FieldError("demo.cases", "invalid", {"max": MAX_CASES})])
        try:
            # Imported on use: the bundle excludes the generator and Faker.
            from onestop_desk.demo import generate_demo
        except ImportError as exc:
            raise DemoDataUnavailableError("demo generator not installed") from exc
        with self._ctx.transaction() as s:
            has_cases = bool(MaintenanceRepository(s).all_case_ids())
            if has_cases and not DEMO_DATABASE.read(s):
                raise RealDataError("refusing to add demo data to a database with real cases")
            DEMO_DATABASE.write(s, True)
        written = generate_demo(
            self._ctx.sessions, n_cases, seed=seed, clock=self._ctx.clock, progress=progress
        )
        with self._ctx.transaction() as s:
            self._log(s, AuditAction.CREATE, "", f"demo data: {written} cases")
        return written

    def is_demo_database(self) -> bool:
        with self._ctx.transaction() as s:
            return bool(DEMO_DATABASE.read(s))
