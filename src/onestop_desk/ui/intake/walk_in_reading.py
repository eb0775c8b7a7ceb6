"""Reading the walk-in form back: dates as typed, and the errors found before any service call.

A date the form cannot read is reported next to its field (``LocalErrors``) without a round
trip to the database; everything else is checked by the services.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLineEdit

from onestop_desk.domain.errors import FieldError
from onestop_desk.ui.kit.widgets import DateParseError, parse_date


class LocalErrors(Exception):
    """Refusals found in the form itself; ``errors`` may be empty when each row already shows
    its own message (consent rows)."""

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__("form errors")
        self.errors = errors


def read_date(edit: QLineEdit, field: str, errors: list[FieldError]) -> date | None:
    """The date in ``edit``; an unreadable one adds ``invalid_date`` for ``field``."""
    try:
        return parse_date(edit.text())
    except DateParseError:
        errors.append(FieldError(field, "invalid_date"))
        return None


def lenient_date(edit: QLineEdit) -> date | None:
    """The date in ``edit``, or ``None`` while it is still being typed (for live warnings)."""
    try:
        return parse_date(edit.text())
    except DateParseError:
        return None
