"""Field-level validation of what the intake form (and setup) sends; codes, not sentences."""

from __future__ import annotations

import re
from datetime import date

from onestop_desk.domain.errors import FieldError
from onestop_desk.domain.records import CaseInput, PersonInput
from onestop_desk.domain.text import digits

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MAX_NAME = 100
EARLIEST_BIRTH = date(1900, 1, 1)


def validate_phone(field: str, value: str) -> list[FieldError]:
    """A phone number, if given, has 8 to 12 digits (``1577-1701``, ``010-1234-5678``); the
    dashes, spaces and brackets people type around them do not count."""
    if value.strip() and not 8 <= len(digits(value)) <= 12:
        return [FieldError(field, "invalid_phone")]
    return []


def validate_person(p: PersonInput, today: date, prefix: str = "person") -> list[FieldError]:
    errors: list[FieldError] = []
    name = p.name.strip()
    if not name:
        errors.append(FieldError(f"{prefix}.name", "required"))
    elif len(name) > MAX_NAME:
        errors.append(FieldError(f"{prefix}.name", "too_long", {"max": MAX_NAME}))
    if p.birth_date is not None:
        if p.birth_date > today:
            errors.append(FieldError(f"{prefix}.birth_date", "in_future"))
        elif p.birth_date < EARLIEST_BIRTH:
            errors.append(FieldError(f"{prefix}.birth_date", "too_early"))
    for field_name, value in (("phone", p.phone), ("phone2", p.phone2)):
        errors.extend(validate_phone(f"{prefix}.{field_name}", value))
    if p.email.strip() and not _EMAIL.match(p.email.strip()):
        errors.append(FieldError(f"{prefix}.email", "invalid_email"))
    return errors


def validate_case(c: CaseInput, today: date, known_crimes: set[str]) -> list[FieldError]:
    errors: list[FieldError] = []
    if c.intake_date > today:
        errors.append(FieldError("case.intake_date", "in_future"))
    if c.incident_date is not None and c.incident_date > today:
        errors.append(FieldError("case.incident_date", "in_future"))
    if c.harm_known_date is not None:
        if c.harm_known_date > today:
            errors.append(FieldError("case.harm_known_date", "in_future"))
        elif c.incident_date is not None and c.harm_known_date < c.incident_date:
            errors.append(FieldError("case.harm_known_date", "before_incident"))
    unknown = [code for code in c.crime_types if code not in known_crimes]
    if unknown:
        errors.append(FieldError("case.crime_types", "unknown_code", {"codes": unknown}))
    if len(set(c.crime_types)) != len(c.crime_types):
        errors.append(FieldError("case.crime_types", "duplicate"))
    for i, related in enumerate(c.related):
        errors.extend(validate_person(related.person, today, prefix=f"related.{i}"))
    return errors
