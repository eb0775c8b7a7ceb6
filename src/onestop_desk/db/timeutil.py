"""Stored datetimes are naive UTC; people read Korean time (UTC+9, no daylight saving)."""

from __future__ import annotations

from datetime import UTC, datetime

from onestop_desk.domain.clock import KST


def utc_to_local(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC).astimezone(KST)
