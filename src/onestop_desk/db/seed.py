"""Load the shipped directory, programmes and crime types into the database.

Rows are keyed by ``code``. A code the database has not seen is inserted; a row an
administrator edited (``admin_edited``) is never overwritten; untouched rows follow the
shipped data, so a later release can correct a phone number nobody changed locally.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from onestop_desk.db import models
from onestop_desk.db.dialect import is_sqlite
from onestop_desk.db.migrate import current_revision
from onestop_desk.db.repositories import (
    DirectoryRepository,
    MaintenanceRepository,
    SettingsRepository,
)
from onestop_desk.paths import resource

SEED_LOCK = 0x0E5D_0003
"""The advisory-lock key of the seed refresh (migrations 0x0E5D0001, the access log's chain
has its own, db/repositories.py)."""


SEED_FILES = ("support_areas.json", "crime_types.json", "agencies.json", "programmes.json")
SEED_DIGEST = "seed.digest"
"""The setting that holds the digest of the seed files the rows were last refreshed from."""


def seed_digest(folder: Path | None = None, revision: str | None = None) -> str:
    """A digest of the shipped seed files and of the schema revision the rows were written
    on: it changes when a release changes the files, and when a migration adds columns the
    seed fills (the same files then have more to say)."""
    folder = folder or resource("data")
    digest = hashlib.sha256(f"schema {revision}".encode())
    for name in SEED_FILES:
        digest.update(name.encode())
        digest.update((folder / name).read_bytes())
    return digest.hexdigest()


def _stamp(session: Session, folder: Path) -> str:
    return seed_digest(folder, current_revision(session.connection()))


def refresh_seed_data(session: Session, folder: Path | None = None) -> dict[str, int] | None:
    """Refresh the seed rows when the shipped files differ from the ones the database was
    last refreshed from (a new release); ``None`` when they do not.

    Every program start opens the store. Refreshing anyway took about 180 statements; on a
    center server, half a second of every PC's first login. Two reads (the schema revision
    and the stamp) now tell whether there is anything to do.
    """
    folder = folder or resource("data")
    wanted = _stamp(session, folder)
    settings = SettingsRepository(session)
    if settings.get(SEED_DIGEST) == wanted:
        return None
    _lock(session)
    session.expire_all()  # read the stamp again, not the copy read before the wait
    if settings.get(SEED_DIGEST) == wanted:  # another PC refreshed while this one waited
        return None
    return load_seed_data(session, folder)


def _lock(session: Session) -> None:
    if not is_sqlite(session):
        session.execute(select(func.pg_advisory_xact_lock(SEED_LOCK)))


def _load(folder: Path, name: str) -> list[dict[str, Any]]:
    with open(folder / name, encoding="utf-8") as handle:
        data = json.load(handle)
    if not isinstance(data, list):
        raise ValueError(f"{name}: expected a list of rows")
    return data


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def load_seed_data(session: Session, folder: Path | None = None) -> dict[str, int]:
    """Insert or refresh seed rows; returns how many rows were inserted per kind.

    On a center server every PC refreshes the seed rows when it starts, and at nine in the
    morning several start at once: a transaction-level advisory lock lets one PC refresh at a
    time (two would insert the same agency-programme links and one would fail to start).
    """
    _lock(session)  # re-entrant within the transaction
    folder = folder or resource("data")
    SettingsRepository(session).set(SEED_DIGEST, _stamp(session, folder))
    inserted = {"support_areas": 0, "crime_types": 0, "agencies": 0, "programmes": 0}

    for row in _load(folder, "support_areas.json"):
        area = session.get(models.SupportArea, row["code"])
        if area is None:
            area = models.SupportArea(code=row["code"])
            session.add(area)
            inserted["support_areas"] += 1
        area.name, area.name_en, area.position = row["name"], row.get("name_en", ""), row["order"]

    for row in _load(folder, "crime_types.json"):
        crime = session.get(models.CrimeType, row["code"])
        if crime is None:
            crime = models.CrimeType(code=row["code"])
            session.add(crime)
            inserted["crime_types"] += 1
        crime.name, crime.name_en = row["name"], row.get("name_en", "")
        crime.bucket, crime.position = row["bucket"], row["order"]
    session.flush()

    directory = DirectoryRepository(session)
    agency_ids: dict[str, int] = {}
    for row in _load(folder, "agencies.json"):
        agency = directory.agency_by_code(row["code"])
        if agency is None:
            agency = models.Agency(code=row["code"])
            session.add(agency)
            inserted["agencies"] += 1
        elif agency.admin_edited:
            agency_ids[agency.code] = agency.id
            continue
        for key in (
            "name",
            "name_en",
            "department",
            "phone",
            "fax",
            "email",
            "address",
            "hours",
            "location",
            "discreet_name",
            "discreet_phone",
            "description",
        ):
            setattr(agency, key, row.get(key) or "")
        agency.support_areas = list(row.get("support_areas") or [])
        agency.resident = bool(row.get("resident", True))
        agency.verified_on = _date(row.get("verified_on"))
        session.flush()
        agency_ids[agency.code] = agency.id

    maintenance = MaintenanceRepository(session)
    for row in _load(folder, "programmes.json"):
        programme = directory.programme_by_code(row["code"])
        if programme is None:
            programme = models.Programme(code=row["code"])
            session.add(programme)
            inserted["programmes"] += 1
        elif programme.admin_edited:
            continue
        programme.name, programme.name_en = row["name"], row.get("name_en", "")
        programme.support_area = row["support_area"]
        programme.description = row.get("description") or ""
        programme.eligibility_note = row.get("eligibility_note") or ""
        programme.what_to_bring = list(row.get("what_to_bring") or [])
        programme.deadline = row.get("deadline")
        programme.position = row.get("order", 0)
        session.flush()
        maintenance.set_programme_agencies(
            programme.id, [agency_ids[c] for c in row.get("agencies") or [] if c in agency_ids]
        )
    session.flush()
    return inserted
