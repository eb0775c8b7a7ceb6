"""The needs checklist: support areas and programmes a case needs, and their progress."""

from __future__ import annotations

import builtins

from onestop_desk.db import models
from onestop_desk.db.convert import need_record
from onestop_desk.db.repositories import DirectoryRepository, NeedRepository
from onestop_desk.domain.errors import FieldError, NotFoundError, ValidationError
from onestop_desk.domain.records import NeedInput, NeedRecord
from onestop_desk.domain.vocab import AuditAction, NeedStatus, TimelineKind
from onestop_desk.services.base import Service


class NeedService(Service):
    def list(self, case_id: int) -> builtins.list[NeedRecord]:
        with self._ctx.transaction() as s:
            self._load_case(s, case_id)
            return [need_record(n) for n in NeedRepository(s).for_case(case_id)]

    def set_needs(self, case_id: int, needs: builtins.list[NeedInput]) -> builtins.list[NeedRecord]:
        """Make the checklist exactly ``needs``: ticks added, unticked rows removed, kept rows
        keep their history (status and note updated)."""
        now = self._ctx.clock.now_utc()
        with self._ctx.transaction() as s:
            case = self._load_case(s, case_id)
            directory = DirectoryRepository(s)
            areas = {a.code for a in directory.support_areas()}
            wanted: dict[tuple[str, int | None], NeedInput] = {}
            errors = []
            for i, need in enumerate(needs):
                if need.support_area not in areas:
                    errors.append(FieldError(f"needs.{i}.support_area", "unknown_code"))
                    continue
                programme_id = None
                if need.programme_code:
                    programme = directory.programme_by_code(need.programme_code)
                    if programme is None:
                        errors.append(FieldError(f"needs.{i}.programme", "unknown_code"))
                        continue
                    if programme.support_area != need.support_area:
                        errors.append(FieldError(f"needs.{i}.programme", "wrong_area"))
                        continue
                    programme_id = programme.id
                wanted[(need.support_area, programme_id)] = need
            if errors:
                raise ValidationError(errors)
            repo = NeedRepository(s)
            existing = {(n.support_area, n.programme_id): n for n in repo.for_case(case_id)}
            for key, row in existing.items():
                if key not in wanted:
                    s.delete(row)
            for key, need in wanted.items():
                found = existing.get(key)
                row = found or models.Need(
                    case_id=case_id, support_area=key[0], programme_id=key[1], created_at=now
                )
                if found is None:
                    s.add(row)
                row.status = need.status.value
                row.note = need.note
                row.updated_at = now
            s.add(
                models.TimelineEvent(
                    case_id=case_id,
                    at=now,
                    kind=TimelineKind.NEED.value,
                    text=f"{len(wanted)} needs",
                    author=self.actor.username,
                )
            )
            self._log(s, AuditAction.UPDATE, case.case_number, "needs")
            s.flush()
            return [need_record(n) for n in repo.for_case(case_id)]

    def update_status(
        self, need_id: int, status: NeedStatus, note: str | None = None
    ) -> NeedRecord:
        now = self._ctx.clock.now_utc()
        with self._ctx.transaction() as s:
            row = s.get(models.Need, need_id)
            if row is None:
                raise NotFoundError("need not found", need_id=need_id)
            case = self._load_case(s, row.case_id)
            row.status = status.value
            if note is not None:
                row.note = note
            row.updated_at = now
            self._log(s, AuditAction.UPDATE, case.case_number, f"need {need_id} -> {status.value}")
            s.flush()
            return need_record(row)
