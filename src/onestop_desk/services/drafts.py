"""Unfinished intake forms, kept inside the encrypted database so a crash loses nothing.

A draft holds victim data, so it never goes to a plain file: it is one ``settings`` row per
account (``draft:intake:<user_id>``) holding the form's fields as JSON.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from onestop_desk.domain.access import require_case_work
from onestop_desk.services.base import Service
from onestop_desk.services.settings import INTAKE_DRAFTS


@dataclass(frozen=True)
class IntakeDraft:
    saved_at: datetime
    fields: dict[str, Any]


class DraftService(Service):
    def _owner(self) -> int:
        return self.actor.user_id if self.actor.user_id is not None else 0

    def save_intake(self, fields: dict[str, Any]) -> IntakeDraft:
        """Replace this account's intake draft with ``fields`` (JSON-serialisable values)."""
        require_case_work(self.actor)
        saved_at = self._ctx.clock.now()
        with self._ctx.transaction() as s:
            INTAKE_DRAFTS.of(self._owner()).write(
                s, {"saved_at": saved_at.isoformat(), "fields": fields}
            )
        return IntakeDraft(saved_at=saved_at, fields=dict(fields))

    def load_intake(self) -> IntakeDraft | None:
        """This account's unfinished intake, if any."""
        require_case_work(self.actor)
        with self._ctx.transaction() as s:
            value = INTAKE_DRAFTS.of(self._owner()).read(s)
        if not isinstance(value, dict) or not isinstance(value.get("fields"), dict):
            return None
        return IntakeDraft(
            saved_at=datetime.fromisoformat(value["saved_at"]), fields=dict(value["fields"])
        )

    def discard_intake(self) -> None:
        """Forget the draft (the case was created, or the counselor threw the form away)."""
        require_case_work(self.actor)
        with self._ctx.transaction() as s:
            INTAKE_DRAFTS.clear(s, self._owner())
