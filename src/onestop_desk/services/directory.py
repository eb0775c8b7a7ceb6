"""The partner directory, the programme catalogue and the crime-type list."""

from __future__ import annotations

from onestop_desk.db import models
from onestop_desk.db.convert import agency_record, programme_record
from onestop_desk.db.repositories import DirectoryRepository
from onestop_desk.db.seed import load_seed_data
from onestop_desk.domain.access import Permission, require
from onestop_desk.domain.errors import FieldError, NotFoundError, ValidationError
from onestop_desk.domain.records import (
    AgencyInput,
    AgencyRecord,
    Catalogue,
    CrimeTypeRecord,
    ProgrammeRecord,
    SupportAreaRecord,
)
from onestop_desk.domain.vocab import AuditAction
from onestop_desk.services.validation import _EMAIL


class DirectoryService:
    """Reading the directory needs no case rights; changing it is for administrators."""

    def __init__(self, ctx) -> None:  # type: ignore[no-untyped-def]
        self._ctx = ctx

    def agencies(self, *, active_only: bool = False) -> list[AgencyRecord]:
        with self._ctx.transaction() as s:
            return [
                agency_record(a) for a in DirectoryRepository(s).agencies(active_only=active_only)
            ]

    def agency(self, code: str) -> AgencyRecord:
        with self._ctx.transaction() as s:
            row = DirectoryRepository(s).agency_by_code(code)
            if row is None:
                raise NotFoundError("agency not found", code=code)
            return agency_record(row)

    def programmes(self, *, active_only: bool = False) -> list[ProgrammeRecord]:
        with self._ctx.transaction() as s:
            return [
                programme_record(p)
                for p in DirectoryRepository(s).programmes(active_only=active_only)
            ]

    def crime_types(self) -> list[CrimeTypeRecord]:
        with self._ctx.transaction() as s:
            return [
                CrimeTypeRecord(c.code, c.name, c.name_en, c.bucket)
                for c in DirectoryRepository(s).crime_types()
            ]

    def support_areas(self) -> list[SupportAreaRecord]:
        with self._ctx.transaction() as s:
            return [
                SupportAreaRecord(a.code, a.name, a.name_en)
                for a in DirectoryRepository(s).support_areas()
            ]

    def catalogue(self) -> Catalogue:
        """Crime types, support areas, every programme and the active agencies, read in one
        transaction so the lists agree with each other (the intake and the case view)."""
        with self._ctx.transaction() as s:
            repo = DirectoryRepository(s)
            return Catalogue(
                crime_types=tuple(
                    CrimeTypeRecord(c.code, c.name, c.name_en, c.bucket) for c in repo.crime_types()
                ),
                areas=tuple(
                    SupportAreaRecord(a.code, a.name, a.name_en) for a in repo.support_areas()
                ),
                programmes=tuple(programme_record(p) for p in repo.programmes()),
                agencies=tuple(agency_record(a) for a in repo.agencies(active_only=True)),
            )

    def save_agency(
        self, data: AgencyInput, programme_codes: list[str] | None = None
    ) -> AgencyRecord:
        """Create or edit an agency. Edited rows are never overwritten by seed reloads."""
        actor = self._ctx.actor
        require(actor, Permission.EDIT_DIRECTORY)
        errors = []
        if not data.code.strip() or not data.code.replace("_", "").isalnum():
            errors.append(FieldError("agency.code", "invalid_code"))
        if not data.name.strip():
            errors.append(FieldError("agency.name", "required"))
        if data.email.strip() and not _EMAIL.match(data.email.strip()):
            errors.append(FieldError("agency.email", "invalid_email"))
        if data.verified_on is not None and data.verified_on > self._ctx.clock.today():
            errors.append(FieldError("agency.verified_on", "in_future"))
        with self._ctx.transaction() as s:
            repo = DirectoryRepository(s)
            areas = {a.code for a in repo.support_areas()}
            unknown = [a for a in data.support_areas if a not in areas]
            if unknown:
                errors.append(
                    FieldError("agency.support_areas", "unknown_code", {"codes": unknown})
                )
            programmes = None
            if programme_codes is not None:
                programmes = repo.programmes_by_codes(programme_codes)
                if len(programmes) != len(set(programme_codes)):
                    errors.append(FieldError("agency.programmes", "unknown_code"))
            if errors:
                raise ValidationError(errors)
            row = repo.agency_by_code(data.code)
            created = row is None
            if row is None:
                row = models.Agency(code=data.code)
                s.add(row)
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
                setattr(row, key, getattr(data, key).strip())
            row.support_areas = list(data.support_areas)
            row.resident = data.resident
            row.verified_on = data.verified_on
            row.active = data.active
            row.admin_edited = True
            if programmes is not None:
                row.programmes = programmes
                for programme in programmes:
                    programme.admin_edited = True
            self._ctx.audit.record(
                s,
                actor,
                AuditAction.CREATE if created else AuditAction.UPDATE,
                detail=f"agency {data.code}",
            )
            s.flush()
            s.refresh(row)
            return agency_record(row)

    def reload_seed(self) -> dict[str, int]:
        require(self._ctx.actor, Permission.EDIT_DIRECTORY)
        with self._ctx.transaction() as s:
            return load_seed_data(s)
