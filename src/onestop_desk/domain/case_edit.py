"""Two PCs editing the same case: what the edit form holds, and what changed under it.

Each case carries a version number. The edit form is loaded at one version and saved
against it; when the stored case has moved on, the save is refused with
:class:`CaseEditConflictError`, which names the form fields the other PC changed (by the field
paths the form already uses for its error labels) with their stored values, and carries the
whole current record so the form can reload it or save the counselor's text against the new
version. Nothing typed is lost either way.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from onestop_desk.domain.errors import ConflictError
from onestop_desk.domain.records import CaseDetail, CaseInput, PersonInput

PERSON_FIELDS = (
    "name",
    "birth_date",
    "gender",
    "nationality",
    "language",
    "interpreter_needed",
    "disability",
    "phone",
    "phone2",
    "email",
    "address",
    "confidential_address",
)
SAFE_CONTACT_FIELDS = ("may_call", "may_leave_message", "may_send_mail", "safe_hours", "note")
CASE_FIELDS = (
    "intake_channel",
    "intake_date",
    "crime_types",
    "incident_date",
    "harm_known_date",
    "incident_place",
    "reported_to_police",
    "police_office",
    "prosecution_office",
    "police_case_number",
    "offender_relation",
    "offender_is_kin",
    "risk_level",
    "summary",
    "support_received",
    "statistics_consent",
)


@dataclass(frozen=True)
class FieldChange:
    """One form field another PC changed: its path (``person.phone``, ``case.summary``,
    ``person.safe_contact.may_call``) and the value now stored (typed: a date, an enum, a
    tuple of crime codes…; the form words it)."""

    field: str
    value: Any


def form_fields(person: PersonInput, case: CaseInput | CaseDetail) -> dict[str, Any]:
    """Every value the edit form shows, by field path; crime types as a sorted tuple (their
    order is not an edit)."""
    out: dict[str, Any] = {f"person.{name}": getattr(person, name) for name in PERSON_FIELDS}
    for name in SAFE_CONTACT_FIELDS:
        out[f"person.safe_contact.{name}"] = getattr(person.safe_contact, name)
    for name in CASE_FIELDS:
        out[f"case.{name}"] = getattr(case, name)
    out["case.crime_types"] = tuple(sorted(set(case.crime_types)))
    return out


def detail_fields(detail: CaseDetail) -> dict[str, Any]:
    return form_fields(detail.person, detail)


def changes_between(before: dict[str, Any], after: dict[str, Any]) -> tuple[FieldChange, ...]:
    """The fields whose value differs, in form order, with the value in ``after``."""
    return tuple(FieldChange(k, after[k]) for k in after if before.get(k) != after[k])


class CaseEditConflictError(ConflictError):
    """The case was saved elsewhere after this form was loaded.

    ``changes`` holds the stored values, so they travel only in this object, never in its
    message or params (which may reach a log): params carry the field paths alone.
    """

    code = "conflict.case_edited"

    def __init__(self, current: CaseDetail, changes: tuple[FieldChange, ...]) -> None:
        super().__init__(
            "case changed elsewhere",
            case_id=current.id,
            version=current.version,
            fields=tuple(c.field for c in changes),
        )
        self.current = current
        self.changes = changes
