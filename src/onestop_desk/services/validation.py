"""Field-level validation of what the intake form (and setup) sends; codes, not sentences.

Every text is judged as it will be stored: cleaned by :func:`domain.text.clean_text` (the
store applies the same cleaning to every text column on its way in), so a name made only of
pasted control characters is refused as empty instead of being saved empty, and a length is
the length of what is kept.

:func:`print_warnings` is not a refusal: it names the characters of a record that no bundled
font can draw, which print as a visible U+FFFD on letters and sheets. The services hand it
back with what they saved, for the counselor to see at once.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from datetime import date

from onestop_desk.domain.errors import FieldError
from onestop_desk.domain.records import CaseInput, PersonInput
from onestop_desk.domain.text import clean_text, digits

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MAX_NAME = 100
EARLIEST_BIRTH = date(1900, 1, 1)


def validate_phone(field: str, value: str) -> list[FieldError]:
    """A phone number, if given, has 8 to 12 digits (``1577-1701``, ``010-1234-5678``); the
    dashes, spaces and brackets people type around them do not count."""
    value = clean_text(value)
    if value.strip() and not 8 <= len(digits(value)) <= 12:
        return [FieldError(field, "invalid_phone")]
    return []


def validate_person(p: PersonInput, today: date, prefix: str = "person") -> list[FieldError]:
    errors: list[FieldError] = []
    name = clean_text(p.name).strip()
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
    email = clean_text(p.email).strip()
    if email and not _EMAIL.match(email):
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


def _texts(value: object, path: str) -> Iterator[tuple[str, str]]:
    """Every text in ``value`` (a record, a tuple of them, a string) with its field path."""
    if isinstance(value, str):
        yield path, value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for item in dataclasses.fields(value):
            yield from _texts(getattr(value, item.name), f"{path}.{item.name}")
    elif isinstance(value, list | tuple):
        if all(isinstance(item, str) for item in value):
            yield path, " ".join(value)
        else:
            for index, item in enumerate(value):
                yield from _texts(item, f"{path}.{index}")


def print_warnings(record: object, prefix: str) -> list[FieldError]:
    """``unprintable`` warnings for the texts of ``record`` that hold characters no
    bundled font draws; ``params["chars"]`` lists them (each once, as typed).

    A person's safe-contact note is reported as ``person.safe_contact``; related persons
    under ``related.<n>``, matching the field paths of validation errors.
    """
    # Imported here: the documents layer loads reportlab and the fonts (once, ~150 ms), which
    # only a save of non-ASCII text needs.
    from onestop_desk.reports import unprintable

    warnings: list[FieldError] = []
    for path, text in _texts(record, prefix):
        chars = unprintable(text)
        if chars:
            field = path.replace(".safe_contact.note", ".safe_contact")
            field = re.sub(r"^case\.related\.(\d+)\.person\.", r"related.\1.", field)
            field = re.sub(r"^case\.related\.(\d+)\.note$", r"related.\1.note", field)
            warnings.append(FieldError(field, "unprintable", {"chars": chars}))
    return warnings
