"""Every text the store saves is cleaned on its way in (:func:`domain.text.clean_text`).

A NUL pasted into a note used to be stored and then silently dropped by the documents; a
direction override made a name read backwards on screen. Each service validates what it
knows about its fields, but a rule that concerns every text column belongs where every write
passes: the flush. Validation sees the same cleaned text (it calls ``clean_text`` too), so a
field that is empty once cleaned is refused, not saved empty.

The access log is left alone: its rows are hashed as written, and :class:`AuditTrail` cleans
its fields before it hashes them.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import JSON, String, event, inspect
from sqlalchemy.orm import Mapper, Session, sessionmaker

from onestop_desk.db import models
from onestop_desk.db.field_crypto import EncryptedText
from onestop_desk.domain.text import clean_text

_UNGUARDED: tuple[type, ...] = (models.AuditEvent,)


def cleaned(value: Any) -> Any:
    """``value`` with every string in it cleaned (lists and dicts walked)."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list):
        return [cleaned(item) for item in value]
    if isinstance(value, dict):
        return {key: cleaned(item) for key, item in value.items()}
    return value


@cache
def _text_attributes(mapper: Mapper[Any]) -> tuple[str, ...]:
    """Attributes of ``mapper`` stored as text: String and Text columns, and JSON (whose
    strings are text too: a programme's what-to-bring list, an intake draft)."""
    return tuple(
        attr.key
        for attr in mapper.column_attrs
        if any(isinstance(column.type, String | JSON | EncryptedText) for column in attr.columns)
    )


def _clean_pending(session: Session, _context: Any, _instances: Any) -> None:
    for obj in (*session.new, *session.dirty):
        if isinstance(obj, _UNGUARDED):
            continue
        state = inspect(obj)
        for key in _text_attributes(state.mapper):
            # Only values in memory: reading an expired attribute would load it for nothing.
            if key not in state.dict:
                continue
            value = state.dict[key]
            clean = cleaned(value)
            if clean != value:
                setattr(obj, key, clean)


def guard_text(sessions: sessionmaker[Session]) -> None:
    """Clean the text of every object ``sessions`` flush."""
    event.listen(sessions, "before_flush", _clean_pending)
