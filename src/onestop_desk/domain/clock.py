"""Time as the services see it: Korean local time, injectable for tests."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone

KST = timezone(timedelta(hours=9), "KST")


def _system_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Clock:
    source: Callable[[], datetime] = field(default=_system_now)

    def now(self) -> datetime:
        """Aware datetime in KST."""
        return self.source().astimezone(KST)

    def now_utc(self) -> datetime:
        """Naive UTC, the form stored in the database."""
        return self.source().astimezone(UTC).replace(tzinfo=None)

    def today(self) -> date:
        return self.now().date()


def fixed_clock(moment: datetime) -> Clock:
    aware = moment if moment.tzinfo else moment.replace(tzinfo=KST)
    return Clock(lambda: aware)


def to_utc_naive(moment: datetime) -> datetime:
    """The stored form of ``moment``; a naive value is taken as Korean local time."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=KST)
    return aware.astimezone(UTC).replace(tzinfo=None)
